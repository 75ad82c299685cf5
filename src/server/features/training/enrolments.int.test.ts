// Enrolments (issue 11) through the HTTP API, on PGlite and PostgreSQL: enrolling oneself and others, the rules
// (closed, no places, staff, one live enrolment, who may), the waiting list under concurrent enrolments for the
// last place, cancelling with promotion, the deadline, the partner zone's person becoming visible to the organiser
// through the enrolment, and the lists (organiser all, partner only its own, partner reads logged).
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestClock } from '../../platform/clock.ts'
import {
  makeAgreement,
  makeAssociation,
  makePerson,
  makeUser,
  makeZone,
  sessionFor,
  type AssociationRef,
  type PersonRef,
  type ZoneRef,
} from '../../../../test/factories.ts'
import { startTestApp, type Session, type TestApp } from '../../../../test/harness.ts'
import { makeCourse, makeEnrolment, makeTrainingSession, type CourseRef } from '../../../../test/training.factories.ts'
import { promoteWaiting } from './promotion.ts'

const START = '2026-03-02T09:00:00Z'
const clock = new TestClock(START)
const H = 3_600_000
const inHours = (h: number) => new Date(clock.now().getTime() + h * H)

let t: TestApp
let assoc: AssociationRef
let a: ZoneRef // the organiser
let b: ZoneRef // the partner (training in force)
let course: CourseRef
let trainerA: Session
let plannerB: Session
let korpschefB: Session
let officerB: Session
let officerBPerson: PersonRef
let foreign: Session

beforeAll(async () => {
  t = await startTestApp({ sessionTtlHours: 1000, sessionIdleMinutes: 100_000 }, { clock })
  assoc = await makeAssociation(t)
  ;[a, b] = assoc.zones as [ZoneRef, ZoneRef]
  await makeAgreement(t, { association: assoc, domains: ['training'], clock })
  course = await makeCourse(t, { association: assoc, kind: 'gpi48_training' })
  trainerA = await sessionFor(t, await makeUser(t, 'trainer', a))
  plannerB = await sessionFor(t, await makeUser(t, 'planner', b))
  korpschefB = await sessionFor(t, await makeUser(t, 'korpschef', b))
  officerBPerson = await makePerson(t, { zone: b })
  officerB = await sessionFor(t, await makeUser(t, 'officer', b, { personId: officerBPerson.id }))
  const other = await makeAssociation(t, { zones: [await makeZone(t)] })
  foreign = await sessionFor(t, await makeUser(t, 'planner', other.zones[0]!))
})
afterAll(() => t?.close())

const session = (places: [number, number], opts: { fromHours?: number; deadlineHours?: number } = {}) =>
  makeTrainingSession(t, {
    association: assoc,
    zone: a,
    course,
    from: inHours(opts.fromHours ?? 96),
    places: [
      { zone: a, places: places[0] },
      { zone: b, places: places[1] },
    ],
    ...(opts.deadlineHours !== undefined ? { cancelDeadline: inHours(opts.deadlineHours) } : {}),
  })

const enrol = (s: Session, sessionId: string, personId?: string) =>
  s.request({
    method: 'POST',
    url: `/api/training/sessions/${sessionId}/enrolments`,
    payload: personId ? { personId } : {},
  })
const cancel = (s: Session, id: string) =>
  s.request({ method: 'POST', url: `/api/training/enrolments/${id}/cancel`, payload: {} })
const list = async (s: Session, sessionId: string) =>
  (await s.request({ method: 'GET', url: `/api/training/sessions/${sessionId}/enrolments` })).json<{
    enrolments: { id: string; status: string; position: number | null; person: { id: string }; lateCancel: boolean }[]
  }>().enrolments

describe('enrolling', () => {
  it('enrols oneself, refuses a second live enrolment, and makes the partner person visible to the organiser', async () => {
    const s = await session([2, 2])
    const res = await enrol(officerB, s.id)
    expect(res.statusCode).toBe(201)
    const { enrolment } = res.json()
    expect(enrolment).toMatchObject({ status: 'enrolled', position: null, person: { id: officerBPerson.id } })
    expect((await enrol(officerB, s.id)).json().error.code).toBe('ALREADY_ENROLLED')
    const reasons = await t.database.db
      .selectFrom('visibility_reasons')
      .select(['kind', 'domain_code', 'partner_zone_id', sql<string>`upper(period)::text`.as('until')])
      .where('source_id', '=', enrolment.id)
      .execute()
    expect(reasons).toEqual([
      { kind: 'enrolment', domain_code: 'training', partner_zone_id: a.id, until: '2026-04-06' },
    ])
    // The organiser sees the partner person (a partner read, logged in B's chain).
    expect((await list(trainerA, s.id)).map((e) => e.person.id)).toEqual([officerBPerson.id])
    const logged = await t.database.db
      .selectFrom('audit_events')
      .select('details')
      .where('chain_zone_id', '=', b.id)
      .where('action', '=', 'person.read')
      .where('object_id', '=', s.id)
      .execute()
    expect(logged).toHaveLength(1)
    // Cancelled: the reason goes.
    expect((await cancel(officerB, enrolment.id)).json().enrolment.status).toBe('cancelled')
    const left = await t.database.db
      .selectFrom('visibility_reasons')
      .select('id')
      .where('source_id', '=', enrolment.id)
      .execute()
    expect(left).toEqual([])
  })

  it('lets the planner enrol a person of the zone (who is notified), not an officer, not another zone', async () => {
    const s = await session([1, 3])
    const x = await makePerson(t, { zone: b })
    const xUser = await makeUser(t, 'officer', b, { personId: x.id })
    expect((await enrol(officerB, s.id, x.id)).statusCode).toBe(403)
    const res = await enrol(plannerB, s.id, x.id)
    expect(res.statusCode).toBe(201)
    const kinds = await t.database.db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', xUser.id)
      .where('object_id', '=', s.id)
      .execute()
    expect(kinds).toEqual([{ kind: 'training.enrolled' }])
    // A person of the organising zone: not the partner planner's to enrol (not seen: 404).
    const y = await makePerson(t, { zone: a })
    expect((await enrol(plannerB, s.id, y.id)).statusCode).toBe(404)
    // The planner's enrolable list: B's operational staff, with X's status.
    const enrolable = (
      await plannerB.request({ method: 'GET', url: `/api/training/sessions/${s.id}/enrolable` })
    ).json<{ people: { id: string; status: string | null; zone: { id: string } }[] }>().people
    expect(enrolable.every((p) => p.zone.id === b.id)).toBe(true)
    expect(enrolable.find((p) => p.id === x.id)?.status).toBe('enrolled')
  })

  it('refuses a closed session, a zone without places, CALog staff on GPI 48, and hides it from others', async () => {
    const started = await session([1, 1], { fromHours: -1, deadlineHours: -2 })
    expect((await enrol(officerB, started.id)).json().error.code).toBe('ENROLMENT_CLOSED')
    const noPlaces = await session([2, 0])
    // B has no places: the session is not B's to see at all.
    expect((await enrol(officerB, noPlaces.id)).statusCode).toBe(404)
    const aPerson = await makePerson(t, { zone: a })
    const korpschefA = await sessionFor(t, await makeUser(t, 'korpschef', a))
    const onlyB = await session([0, 2])
    expect((await enrol(korpschefA, onlyB.id, aPerson.id)).json().error.code).toBe('NO_PLACES_FOR_ZONE')
    const calog = await makePerson(t, { zone: b })
    await t.database.db
      .updateTable('people')
      .set({ staff_kind: 'calog', rank: null, calog_level: 'C' })
      .where('id', '=', calog.id)
      .execute()
    const s = await session([1, 1])
    expect((await enrol(plannerB, s.id, calog.id)).json().error.code).toBe('COURSE_NOT_FOR_STAFF')
    expect((await enrol(foreign, s.id)).statusCode).toBe(404)
    expect(
      (await foreign.request({ method: 'GET', url: `/api/training/sessions/${s.id}/enrolments` })).statusCode,
    ).toBe(404)
  })
})

describe('the waiting list', () => {
  it('puts 8 concurrent enrolments for 1 place in line: one enrolled, seven waiting in order, no error', async () => {
    const s = await session([1, 1])
    const people: PersonRef[] = []
    for (let i = 0; i < 8; i++) people.push(await makePerson(t, { zone: b }))
    const results = await Promise.all(people.map((p) => enrol(plannerB, s.id, p.id)))
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(201))
    const rows = await list(plannerB, s.id)
    expect(rows.filter((r) => r.status === 'enrolled')).toHaveLength(1)
    const waiting = rows.filter((r) => r.status === 'waitlisted')
    expect(waiting.map((r) => r.position)).toEqual([1, 2, 3, 4, 5, 6, 7])
  })

  it('promotes the first waiting person when an enrolled one cancels; a waiting one cancels without promotion', async () => {
    const s = await session([1, 1])
    const [p1, p2, p3] = [
      await makePerson(t, { zone: b }),
      await makePerson(t, { zone: b }),
      await makePerson(t, { zone: b }),
    ]
    const p2User = await makeUser(t, 'officer', b, { personId: p2.id })
    const e1 = (await enrol(plannerB, s.id, p1.id)).json().enrolment
    clock.advance(1000)
    const e2 = (await enrol(plannerB, s.id, p2.id)).json().enrolment
    clock.advance(1000)
    const e3 = (await enrol(plannerB, s.id, p3.id)).json().enrolment
    expect([e1.status, e2.status, e2.position, e3.position]).toEqual(['enrolled', 'waitlisted', 1, 2])
    // The waiting third cancels: nobody moves.
    expect((await cancel(plannerB, e3.id)).json().enrolment.status).toBe('cancelled')
    expect((await list(plannerB, s.id)).find((r) => r.id === e2.id)?.status).toBe('waitlisted')
    // The enrolled first is cancelled by the planner: the second moves up and hears of it.
    await cancel(plannerB, e1.id)
    const after = await list(plannerB, s.id)
    expect(after.find((r) => r.id === e2.id)).toMatchObject({ status: 'enrolled', position: null })
    const kinds = await t.database.db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', p2User.id)
      .orderBy('created_at')
      .execute()
    expect(kinds.map((k) => k.kind)).toEqual(['training.waitlisted', 'training.promoted'])
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['chain_zone_id', 'details'])
      .where('action', '=', 'training.enrolment.cancel')
      .where('object_id', '=', e1.id)
      .execute()
    expect(audit.map((x) => x.chain_zone_id).sort()).toEqual([a.id, b.id].sort())
    expect(audit[0]!.details).toMatchObject({ promoted: [e2.id] })
  })
})

describe('promoteWaiting (the sessions part calls it after changing places)', () => {
  it("fills places added to a zone from that zone's line in queue order, never another zone's; not after the start", async () => {
    const s = await session([1, 1])
    const at = (min: number) => new Date(clock.now().getTime() - (60 - min) * 60_000)
    await makeEnrolment(t, { session: s, person: await makePerson(t, { zone: a }), queuedAt: at(0) })
    const aWaiting = await makeEnrolment(t, {
      session: s,
      person: await makePerson(t, { zone: a }),
      status: 'waitlisted',
      queuedAt: at(1),
    })
    await makeEnrolment(t, { session: s, person: await makePerson(t, { zone: b }), queuedAt: at(0) })
    const late = await makeEnrolment(t, {
      session: s,
      person: await makePerson(t, { zone: b }),
      status: 'waitlisted',
      queuedAt: at(9),
    })
    const early = await makeEnrolment(t, {
      session: s,
      person: await makePerson(t, { zone: b }),
      status: 'waitlisted',
      queuedAt: at(5),
    })
    // B gets one more place (A's unchanged): only B's first in line moves up.
    const promoted = await t.database.db.transaction().execute(async (trx) => {
      await trx.updateTable('training_sessions').set({ capacity: 3 }).where('id', '=', s.id).execute()
      await trx
        .updateTable('training_session_places')
        .set({ places: 2 })
        .where('session_id', '=', s.id)
        .where('zone_id', '=', b.id)
        .execute()
      return promoteWaiting(trx, { sessionId: s.id, at: clock.now() })
    })
    expect(promoted.map((p) => p.enrolmentId)).toEqual([early.id])
    const statuses = await t.database.db
      .selectFrom('training_enrolments')
      .select(['id', 'status'])
      .where('id', 'in', [aWaiting.id, late.id, early.id])
      .execute()
    expect(Object.fromEntries(statuses.map((r) => [r.id, r.status]))).toEqual({
      [aWaiting.id]: 'waitlisted',
      [late.id]: 'waitlisted',
      [early.id]: 'enrolled',
    })
    // After the start nothing moves.
    const later = await t.database.db
      .transaction()
      .execute((trx) => promoteWaiting(trx, { sessionId: s.id, at: new Date(s.from.getTime() + 1) }))
    expect(later).toEqual([])
  })
})

describe('cancelling', () => {
  it('the person until the deadline; after it only the planner or organiser, marked late; nobody after the start', async () => {
    const s = await session([1, 1], { fromHours: 10, deadlineHours: 5 })
    const mine = (await enrol(officerB, s.id)).json().enrolment
    clock.advance(6 * H)
    const late = await cancel(officerB, mine.id)
    expect(late.statusCode).toBe(422)
    expect(late.json().error.code).toBe('CANCEL_DEADLINE_PASSED')
    expect(late.json().error.message).toMatch(/planner/)
    expect((await list(officerB, s.id)).find((e) => e.id === mine.id)).toBeDefined()
    const byKorpschef = await cancel(korpschefB, mine.id)
    expect(byKorpschef.json().enrolment).toMatchObject({ status: 'cancelled', lateCancel: true })
    expect((await cancel(korpschefB, mine.id)).json().error.code).toBe('ENROLMENT_CANCELLED')
    const again = (await enrol(plannerB, s.id, officerBPerson.id)).json().enrolment
    clock.advance(5 * H)
    expect((await cancel(trainerA, again.id)).json().error.code).toBe('ENROLMENT_CLOSED')
    clock.set(START)
  })
})
