// planner (issue 8): the range read of the roster calendar — the duties in force overlapping local days, the
// bounds DST-correct in Brussels, bad periods refused, a zone outside the rotation answered 404, and the
// partner zone's names logged as reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  makeAgreement,
  makeAssociation,
  makePerson,
  makeUser,
  sessionFor,
  type AssociationRef,
  type ZoneRef,
  draftSolved,
} from '../../../../test/factories.ts'
import { startTestApp, type Session, type TestApp } from '../../../../test/harness.ts'
import { TestClock } from '../../platform/clock.ts'

const clock = new TestClock('2026-03-02T09:00:00Z')
let t: TestApp
let assoc: AssociationRef
let a: ZoneRef, b: ZoneRef, c: ZoneRef
let plannerA: Session, plannerB: Session, plannerC: Session
let rotationId: string

interface Range {
  from: string
  to: string
  items: RangeItem[]
}
interface RangeItem {
  slotKey: string
  from: string
  until: string
  cause: string
  person: { personId: string; zoneId: string; zoneCode: string; lastName: string } | null
}

const range = (s: Session, from: string, to: string) =>
  s.request({ method: 'GET', url: `/api/rotations/${rotationId}/duties/range?from=${from}&to=${to}` })

beforeAll(async () => {
  t = await startTestApp({}, { clock })
  assoc = await makeAssociation(t, { zoneCount: 3 })
  ;[a, b, c] = assoc.zones as [ZoneRef, ZoneRef, ZoneRef]
  await makeAgreement(t, { association: assoc, parties: [a, b], domains: ['permanence.officer_of_duty'], clock })
  plannerA = await sessionFor(t, await makeUser(t, 'planner', a))
  plannerB = await sessionFor(t, await makeUser(t, 'planner', b))
  plannerC = await sessionFor(t, await makeUser(t, 'planner', c))

  const created = await plannerA.request({
    method: 'POST',
    url: '/api/rotations',
    payload: {
      associationId: assoc.id,
      domain: 'permanence.officer_of_duty',
      name: 'OvW kalender',
      zoneIds: [a.id, b.id],
      dutyKind: 'on_call',
      pattern: { kind: 'weekly', handoffWeekday: 1, handoffTime: '07:00' },
      rules: { onCallFrequency: null },
      validFrom: '2026-01-01',
    },
  })
  expect(created.statusCode, created.body).toBe(201)
  rotationId = created.json().id
  for (const [zone, s] of [
    [a, plannerA],
    [b, plannerB],
  ] as const)
    for (let i = 0; i < 2; i++) {
      const p = await makePerson(t, { zone, rank: 'commissaris' })
      const res = await s.request({
        method: 'POST',
        url: `/api/rotations/${rotationId}/members`,
        payload: { personId: p.id, from: '2026-01-01' },
      })
      expect(res.statusCode).toBe(201)
    }
  const gen = await plannerA.request({
    method: 'POST',
    url: `/api/rotations/${rotationId}/roster/generate`,
    payload: { from: '2026-03-09', to: '2026-04-05' },
  })
  expect(gen.statusCode).toBe(202)
  await draftSolved(plannerA, rotationId)
  const pub = await plannerA.request({
    method: 'POST',
    url: `/api/rotations/${rotationId}/roster/publish`,
    payload: { versionId: gen.json().versionId },
  })
  expect(pub.statusCode).toBe(200)
})
afterAll(() => t.close())

describe('GET /api/rotations/:id/duties/range', () => {
  it('answers the duties in force overlapping a month, in order', async () => {
    const res = await range(plannerA, '2026-03-01', '2026-03-31')
    expect(res.statusCode).toBe(200)
    const body = res.json<Range>()
    // March starts in winter time (UTC+1) and ends in summer time (UTC+2).
    expect([body.from, body.to]).toEqual(['2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z'])
    expect(body.items.map((d) => d.slotKey)).toEqual([
      'week:2026-03-09',
      'week:2026-03-16',
      'week:2026-03-23',
      'week:2026-03-30', // starts on the 30th: it overlaps March
    ])
    expect(body.items.every((d) => d.cause === 'roster' && d.person !== null)).toBe(true)
    // The week across the DST change still hands off at 07:00 local time: 06:00 UTC before, 05:00 after.
    const dst = body.items.find((d) => d.slotKey === 'week:2026-03-23')!
    expect([dst.from, dst.until]).toEqual(['2026-03-23T06:00:00.000Z', '2026-03-30T05:00:00.000Z'])
  })

  it('bounds the days in Brussels time: one day, the week running into the next month', async () => {
    const day = (await range(plannerA, '2026-03-29', '2026-03-29')).json<Range>()
    expect([day.from, day.to]).toEqual(['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z']) // a 23-hour day
    expect(day.items.map((d) => d.slotKey)).toEqual(['week:2026-03-23'])
    const april = (await range(plannerA, '2026-04-06', '2026-04-30')).json<Range>()
    expect(april.items.map((d) => d.slotKey)).toEqual(['week:2026-03-30']) // ends 06/04 07:00
    const before = (await range(plannerA, '2026-02-01', '2026-03-08')).json<Range>()
    expect(before.items).toEqual([])
  })

  it('tells how far the roster in force reaches, in the list and for one rotation', async () => {
    const one = await plannerB.request({ method: 'GET', url: `/api/rotations/${rotationId}` })
    expect(one.json().publishedUntil).toBe('2026-04-06T05:00:00.000Z') // Monday 06/04 07:00 in Brussels
    expect(one.json().memberCount).toBe(4)
    const list = await plannerA.request({ method: 'GET', url: `/api/rotations?associationId=${assoc.id}` })
    const items = list.json().items as { id: string; publishedUntil: string | null }[]
    expect(items.find((r) => r.id === rotationId)?.publishedUntil).toBe('2026-04-06T05:00:00.000Z')
    const other = await plannerA.request({
      method: 'POST',
      url: '/api/rotations',
      payload: {
        associationId: assoc.id,
        domain: 'permanence.officer_of_duty',
        name: 'Nog niets gepubliceerd',
        zoneIds: [a.id, b.id],
        dutyKind: 'present',
        pattern: { kind: 'daily', handoffTime: '08:00' },
        validFrom: '2026-04-01',
      },
    })
    expect(other.statusCode).toBe(201)
    const again = await plannerA.request({ method: 'GET', url: `/api/rotations?associationId=${assoc.id}` })
    const fresh = (again.json().items as { id: string; publishedUntil: string | null }[]).find(
      (r) => r.id === other.json().id,
    )
    expect(fresh).toMatchObject({ publishedUntil: null, memberCount: 0 })
  })

  it('refuses a reversed or too long period, and a bad date', async () => {
    for (const [from, to, status, code] of [
      ['2026-03-31', '2026-03-01', 422, 'ROSTER_PERIOD_INVALID'],
      ['2026-01-01', '2027-02-05', 422, 'ROSTER_PERIOD_INVALID'],
      ['2026-02-30', '2026-03-01', 400, 'VALIDATION_FAILED'],
    ] as const) {
      const res = await range(plannerA, from, to)
      expect([res.statusCode, res.json().error.code]).toEqual([status, code])
    }
    // A year and a few days either side (the year view's grid) is fine.
    expect((await range(plannerA, '2025-12-29', '2027-01-03')).statusCode).toBe(200)
  })

  it('hides the rotation from a zone it does not cover, and logs the partner zone’s names as reads', async () => {
    expect((await range(plannerC, '2026-03-01', '2026-03-31')).statusCode).toBe(404)
    const logged = async () =>
      (
        await t.database.db
          .selectFrom('audit_events')
          .select('id')
          .where('action', '=', 'person.read')
          .where('chain_zone_id', '=', a.id)
          .where('object_id', '=', rotationId)
          .execute()
      ).length
    const before = await logged()
    const res = await range(plannerB, '2026-03-01', '2026-03-31')
    expect(res.statusCode).toBe(200)
    const items = res.json<Range>().items
    expect(items.some((d) => d.person?.zoneId === a.id)).toBe(true)
    expect(await logged()).toBe(before + 1)
  })
})
