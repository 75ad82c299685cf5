// Training sessions (issue 11, train-sessions) through the HTTP API, on PGlite and PostgreSQL: creating with places
// per zone by key, partners only under `training` in force, trainers, idempotency, who sees what (a foreign
// association: 404), editing places (never below the enrolled), cancelling (notified, lanes freed), range lanes
// through the equipment rules, and trainer hours posted to the assistance ledger.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestClock } from '../../platform/clock.ts'
import { makeAsset } from '../../../../test/equipment.factories.ts'
import {
  makeAgreement,
  makeAssociation,
  makePerson,
  makeUser,
  makeVisibilityReason,
  sessionFor,
  type AssociationRef,
  type PersonRef,
  type ZoneRef,
} from '../../../../test/factories.ts'
import { startTestApp, type Session, type TestApp } from '../../../../test/harness.ts'
import { makeCourse, makeEnrolment, makeTrainingSession, type CourseRef } from '../../../../test/training.factories.ts'

const START = '2026-03-02T09:00:00Z'
const clock = new TestClock(START)
const H = 3_600_000
const at = (hours: number) => new Date(new Date(START).getTime() + hours * H).toISOString()

let t: TestApp
let assoc: AssociationRef
let a: ZoneRef
let b: ZoneRef
let c: ZoneRef
let course: CourseRef
let trainerA: Session
let korpschefB: Session
let officerB: Session
let foreign: Session
let trainerPersonA: PersonRef
let partnerTrainer: PersonRef
let officerPersonB: PersonRef

beforeAll(async () => {
  t = await startTestApp({ sessionTtlHours: 1000, sessionIdleMinutes: 10_000 }, { clock })
  assoc = await makeAssociation(t, { zoneCount: 3 })
  ;[a, b, c] = assoc.zones as [ZoneRef, ZoneRef, ZoneRef]
  // A and B share training and assistance; C is a member without any agreement.
  await makeAgreement(t, { association: assoc, parties: [a, b], domains: ['training', 'assistance'], clock })
  course = await makeCourse(t, { association: assoc })
  trainerPersonA = await makePerson(t, { zone: a })
  trainerA = await sessionFor(t, await makeUser(t, 'trainer', a, { personId: trainerPersonA.id }))
  korpschefB = await sessionFor(t, await makeUser(t, 'korpschef', b))
  officerPersonB = await makePerson(t, { zone: b })
  officerB = await sessionFor(t, await makeUser(t, 'officer', b, { personId: officerPersonB.id }))
  partnerTrainer = await makePerson(t, { zone: b })
  await makeVisibilityReason(t, { person: partnerTrainer, domain: 'training' })
  const other = await makeAssociation(t)
  foreign = await sessionFor(t, await makeUser(t, 'korpschef', other.zones[0]!))
  // FTE: A 3 people, B 1 person (plus the ones above: A 1, B 2).
  for (let i = 0; i < 2; i++) await makePerson(t, { zone: a })
})
afterAll(() => t?.close())

const key = () => `k-${randomBytes(6).toString('hex')}`
const body = (over: Record<string, unknown> = {}) => ({
  courseId: course.id,
  from: at(72),
  to: at(74),
  location: 'Schietstand',
  capacity: 8,
  placeKey: 'equal',
  zoneIds: [a.id, b.id],
  trainers: [{ personId: trainerPersonA.id }],
  idempotencyKey: key(),
  ...over,
})
const create = (s: Session, over: Record<string, unknown> = {}) =>
  s.request({ method: 'POST', url: '/api/training/sessions', payload: body(over) })

describe('creating a session', () => {
  it('splits the places by key, shows it to the partner with its places, hides it from a foreign zone', async () => {
    const res = await create(trainerA, { placeKey: 'fte', capacity: 9 })
    expect(res.statusCode).toBe(201)
    const s = res.json()
    const placesOf = (z: ZoneRef) => s.places.find((p: { zone: { id: string } }) => p.zone.id === z.id).places
    // A: 3 operational people (1 + 2), B: 3 (officer, partner trainer, … ) → FTE 3 : 2 with the ones made here.
    expect(placesOf(a) + placesOf(b)).toBe(9)
    expect(s.actions).toEqual({ manage: true, enrol: true, attendance: false })
    expect(s.trainers).toHaveLength(1)
    expect(s.trainers[0]).toMatchObject({ personId: trainerPersonA.id, minutes: 120, posted: false })
    expect(new Date(s.cancelDeadline).toISOString()).toBe(at(24))
    const seen = await korpschefB.request({ method: 'GET', url: `/api/training/sessions/${s.id}` })
    expect(seen.statusCode).toBe(200)
    expect(seen.json().actions.manage).toBe(false)
    const list = await korpschefB.request({
      method: 'GET',
      url: `/api/training/sessions?from=2026-03-01&to=2026-03-31`,
    })
    const mine = list.json().sessions.find((x: { id: string }) => x.id === s.id)
    expect(mine).toMatchObject({ places: placesOf(b), free: placesOf(b), enrolled: 0, myEnrolment: null })
    expect((await foreign.request({ method: 'GET', url: `/api/training/sessions/${s.id}` })).statusCode).toBe(404)
    const foreignList = await foreign.request({
      method: 'GET',
      url: `/api/training/sessions?from=2026-03-01&to=2026-03-31`,
    })
    expect(foreignList.json().sessions.map((x: { id: string }) => x.id)).not.toContain(s.id)
  })

  it('answers the same session for the same idempotency key', async () => {
    const k = key()
    const first = await create(trainerA, { idempotencyKey: k })
    const again = await create(trainerA, { idempotencyKey: k })
    expect([first.statusCode, again.statusCode]).toEqual([201, 200])
    expect(again.json().id).toBe(first.json().id)
  })

  it('refuses a zone not sharing training, custom places off the capacity, a trainer without a shared function', async () => {
    expect((await create(trainerA, { zoneIds: [a.id, c.id] })).json().error.code).toBe('TRAINING_ZONE_NOT_SHARED')
    const custom = await create(trainerA, {
      placeKey: 'custom',
      places: [
        { zoneId: a.id, places: 3 },
        { zoneId: b.id, places: 3 },
      ],
    })
    expect([custom.statusCode, custom.json().error.code]).toEqual([422, 'PLACES_NOT_CAPACITY'])
    const stranger = await makePerson(t, { zone: b })
    const res = await create(trainerA, { trainers: [{ personId: stranger.id }] })
    expect([res.statusCode, res.json().error.code]).toEqual([422, 'TRAINER_NOT_AVAILABLE'])
    const ok = await create(trainerA, { trainers: [{ personId: partnerTrainer.id, minutes: 90 }] })
    expect(ok.statusCode).toBe(201)
    expect(ok.json().trainers[0]).toMatchObject({ personId: partnerTrainer.id, minutes: 90 })
    expect((await create(trainerA, { from: at(-1), to: at(1) })).json().error.code).toBe(
      'TRAINING_SESSION_PERIOD_INVALID',
    )
    expect((await create(korpschefB, { zoneId: a.id })).statusCode).toBe(403)
    expect((await create(foreign, { zoneId: a.id })).statusCode).toBe(404)
  })

  it('books range lanes in the same transaction; a conflict refuses the whole session', async () => {
    const lane = await makeAsset(t, { zone: a, kind: 'range_lane' })
    const res = await create(trainerA, { rangeLaneAssetIds: [lane.id] })
    expect(res.statusCode).toBe(201)
    expect(res.json().lanes).toMatchObject([{ assetId: lane.id, bookingStatus: 'approved' }])
    const clash = await create(trainerA, { rangeLaneAssetIds: [lane.id], from: at(73), to: at(75) })
    expect([clash.statusCode, clash.json().error.code]).toEqual([409, 'BOOKING_CONFLICT'])
    const cancelled = await trainerA.request({
      method: 'POST',
      url: `/api/training/sessions/${res.json().id}/cancel`,
      payload: { reason: 'Schietstand onbeschikbaar' },
    })
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', lanes: [{ bookingStatus: 'cancelled' }] })
    expect((await create(trainerA, { rangeLaneAssetIds: [lane.id], from: at(73), to: at(75) })).statusCode).toBe(201)
  })
})

describe('editing and cancelling', () => {
  it('never gives a zone fewer places than it has enrolled, and notifies the enrolled when cancelled', async () => {
    const s = (await create(trainerA, { capacity: 4 })).json()
    await makeEnrolment(t, {
      session: {
        ...s,
        associationId: assoc.id,
        zoneId: a.id,
        courseId: course.id,
        from: new Date(s.from),
        to: new Date(s.to),
      },
      person: officerPersonB,
    })
    const shrink = await trainerA.request({
      method: 'PATCH',
      url: `/api/training/sessions/${s.id}`,
      payload: {
        places: [
          { zoneId: a.id, places: 4 },
          { zoneId: b.id, places: 0 },
        ],
      },
    })
    expect([shrink.statusCode, shrink.json().error.code]).toEqual([409, 'PLACES_BELOW_ENROLLED'])
    const grow = await trainerA.request({
      method: 'PATCH',
      url: `/api/training/sessions/${s.id}`,
      payload: {
        capacity: 6,
        places: [
          { zoneId: a.id, places: 2 },
          { zoneId: b.id, places: 4 },
        ],
        location: 'Zaal 2',
      },
    })
    expect(grow.statusCode).toBe(200)
    expect(grow.json()).toMatchObject({ capacity: 6, location: 'Zaal 2' })
    const bad = await trainerA.request({
      method: 'PATCH',
      url: `/api/training/sessions/${s.id}`,
      payload: {
        capacity: 7,
        places: [
          { zoneId: a.id, places: 2 },
          { zoneId: b.id, places: 4 },
        ],
      },
    })
    expect([bad.statusCode, bad.json().error.code]).toEqual([422, 'PLACES_NOT_CAPACITY'])
    expect(
      (
        await korpschefB.request({
          method: 'POST',
          url: `/api/training/sessions/${s.id}/cancel`,
          payload: { reason: 'x' },
        })
      ).statusCode,
    ).toBe(403)
    const cancel = await trainerA.request({
      method: 'POST',
      url: `/api/training/sessions/${s.id}/cancel`,
      payload: { reason: 'Trainer ziek' },
    })
    expect(cancel.json().status).toBe('cancelled')
    const notes = await officerB.request({ method: 'GET', url: '/api/notifications?limit=5' })
    expect(JSON.stringify(notes.json())).toContain('training.session_cancelled')
    const again = await trainerA.request({
      method: 'PATCH',
      url: `/api/training/sessions/${s.id}`,
      payload: { location: 'X' },
    })
    expect(again.json().error.code).toBe('TRAINING_SESSION_NOT_EDITABLE')
  })
})

describe('trainer hours', () => {
  it('posts a partner trainer’s hours once, after the end, as support given', async () => {
    const s = (
      await create(trainerA, {
        trainers: [{ personId: trainerPersonA.id }, { personId: partnerTrainer.id, minutes: 150 }],
      })
    ).json()
    const early = await trainerA.request({ method: 'POST', url: `/api/training/sessions/${s.id}/trainer-hours` })
    expect(early.json().error.code).toBe('TRAINING_SESSION_NOT_ENDED')
    clock.set(new Date(new Date(s.to).getTime() + H))
    try {
      const res = await trainerA.request({ method: 'POST', url: `/api/training/sessions/${s.id}/trainer-hours` })
      expect(res.statusCode).toBe(200)
      expect(res.json().posted).toHaveLength(1)
      expect(res.json().posted[0].amount).toBe(150)
      const lines = await t.database.db
        .selectFrom('assistance_ledger_lines')
        .select(['zone_id', 'amount', 'kind'])
        .where('posting', '=', res.json().posted[0].posting)
        .execute()
      expect(lines.sort((x, y) => x.amount - y.amount)).toEqual([
        { zone_id: a.id, amount: -150, kind: 'training' },
        { zone_id: b.id, amount: 150, kind: 'training' },
      ])
      // The trainer zone's statement shows the line, with the trainer as its person.
      const day = s.from.slice(0, 10)
      const statement = await korpschefB.request({
        method: 'GET',
        url: `/api/assistance/associations/${assoc.id}/statement?zoneId=${b.id}&from=${day}&to=${day}`,
      })
      expect(statement.statusCode).toBe(200)
      const line = statement.json().lines.find((l: { kind: string }) => l.kind === 'training')
      expect(line).toMatchObject({ amount: 150, person: { zoneCode: b.code } })
      const twice = await trainerA.request({ method: 'POST', url: `/api/training/sessions/${s.id}/trainer-hours` })
      expect(twice.json().posted).toEqual([])
      expect(
        twice.json().session.trainers.find((x: { personId: string }) => x.personId === partnerTrainer.id).posted,
      ).toBe(true)
    } finally {
      clock.set(new Date(START))
    }
  })
})

describe('an agreement that ends before the session', () => {
  it('gives no places after its end, and hides such a session from the partner', async () => {
    const other = await makeAssociation(t)
    const [x, y] = other.zones as [ZoneRef, ZoneRef]
    await makeAgreement(t, { association: other, domains: ['training'], effectiveTo: '2026-03-04', clock })
    const otherCourse = await makeCourse(t, { association: other })
    const trainerX = await sessionFor(t, await makeUser(t, 'trainer', x))
    const chiefY = await sessionFor(t, await makeUser(t, 'korpschef', y))
    const late = await trainerX.request({
      method: 'POST',
      url: '/api/training/sessions',
      payload: body({ courseId: otherCourse.id, zoneIds: [x.id, y.id], trainers: [] }), // 5 March
    })
    expect([late.statusCode, late.json().error.code]).toEqual([422, 'TRAINING_ZONE_NOT_SHARED'])
    const early = await trainerX.request({
      method: 'POST',
      url: '/api/training/sessions',
      payload: body({ courseId: otherCourse.id, zoneIds: [x.id, y.id], trainers: [], from: at(24), to: at(26) }), // 3 March
    })
    expect([early.statusCode, early.json().error?.code]).toEqual([201, undefined])
    expect((await chiefY.request({ method: 'GET', url: `/api/training/sessions/${early.json().id}` })).statusCode).toBe(
      200,
    )
    const after = await makeTrainingSession(t, {
      association: other,
      zone: x,
      course: otherCourse,
      from: new Date(at(96)),
      places: [
        { zone: x, places: 2 },
        { zone: y, places: 2 },
      ],
    })
    expect((await chiefY.request({ method: 'GET', url: `/api/training/sessions/${after.id}` })).statusCode).toBe(404)
    const list = await chiefY.request({ method: 'GET', url: '/api/training/sessions?from=2026-03-01&to=2026-03-31' })
    expect(list.json().sessions.map((x: { id: string }) => x.id)).toEqual([early.json().id])
  })
})

describe('trainer hours without assistance', () => {
  it('refuses to post when no agreement in force lists assistance for both zones', async () => {
    const other = await makeAssociation(t)
    const [x, y] = other.zones as [ZoneRef, ZoneRef]
    await makeAgreement(t, { association: other, domains: ['training'], clock })
    const otherCourse = await makeCourse(t, { association: other })
    const trainerX = await sessionFor(t, await makeUser(t, 'trainer', x))
    const helper = await makePerson(t, { zone: y })
    await makeVisibilityReason(t, { person: helper, domain: 'training' })
    const created = await trainerX.request({
      method: 'POST',
      url: '/api/training/sessions',
      payload: body({ courseId: otherCourse.id, zoneIds: [x.id, y.id], trainers: [{ personId: helper.id }] }),
    })
    expect(created.statusCode).toBe(201)
    clock.set(new Date(new Date(created.json().to).getTime() + H))
    try {
      const res = await trainerX.request({
        method: 'POST',
        url: `/api/training/sessions/${created.json().id}/trainer-hours`,
      })
      expect([res.statusCode, res.json().error.code]).toEqual([422, 'LEDGER_NOT_SHARED'])
    } finally {
      clock.set(new Date(START))
    }
  })
})

describe('aids and the catalogue', () => {
  it('suggests a split, lists trainer candidates, and keeps course codes unique', async () => {
    const split = await trainerA.request({
      method: 'GET',
      url: `/api/training/places-split?capacity=7&zoneIds=${a.id},${b.id}&key=equal&day=2026-03-05`,
    })
    expect(
      split
        .json()
        .places.map((p: { places: number }) => p.places)
        .sort(),
    ).toEqual([3, 4])
    const notShared = await trainerA.request({
      method: 'GET',
      url: `/api/training/places-split?capacity=7&zoneIds=${a.id},${c.id}&key=equal&day=2026-03-05`,
    })
    expect(notShared.json().error.code).toBe('TRAINING_ZONE_NOT_SHARED')
    const cands = (await trainerA.request({ method: 'GET', url: '/api/training/trainer-candidates' })).json()
    const ids = cands.candidates.map((x: { personId: string }) => x.personId)
    expect(ids).toContain(trainerPersonA.id)
    expect(ids).toContain(partnerTrainer.id)
    expect(ids).not.toContain(officerPersonB.id)
    const code = `T-${randomBytes(3).toString('hex').toUpperCase()}`
    const payload = { associationId: assoc.id, code, kind: 'first_aid', title: 'EHBO', durationMinutes: 240 }
    const made = await trainerA.request({ method: 'POST', url: '/api/training/courses', payload })
    expect(made.statusCode).toBe(201)
    const dup = await trainerA.request({ method: 'POST', url: '/api/training/courses', payload })
    expect([dup.statusCode, dup.json().error.code]).toEqual([409, 'COURSE_CODE_TAKEN'])
    const months = await trainerA.request({
      method: 'PATCH',
      url: `/api/training/courses/${made.json().id}`,
      payload: { qualificationMonths: 12 },
    })
    expect(months.statusCode).toBe(422)
    const off = await trainerA.request({
      method: 'PATCH',
      url: `/api/training/courses/${made.json().id}`,
      payload: { active: false },
    })
    expect(off.json().active).toBe(false)
    expect((await officerB.request({ method: 'POST', url: '/api/training/courses', payload })).statusCode).toBe(403)
    const list = await korpschefB.request({ method: 'GET', url: `/api/training/courses?associationId=${assoc.id}` })
    expect(list.json().courses.map((x: { code: string }) => x.code)).toContain(code)
    expect(
      (await foreign.request({ method: 'GET', url: `/api/training/courses?associationId=${assoc.id}` })).statusCode,
    ).toBe(404)
  })
})
