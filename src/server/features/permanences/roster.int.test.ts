// Generate (in a worker thread), publish, override, and the legal question "who was on duty at T, as known at
// T", through the API on a test clock.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  makeAgreement,
  makeAssociation,
  makePerson,
  makeRotation,
  makeUser,
  sessionFor,
  type AssociationRef,
  type PersonRef,
  type ZoneRef,
  draftSolved,
} from '../../../../test/factories.ts'
import { startTestApp, type Session, type TestApp } from '../../../../test/harness.ts'
import { TestClock } from '../../platform/clock.ts'

const clock = new TestClock('2026-03-02T09:00:00Z') // Monday 10:00 in Brussels
let t: TestApp
let assoc: AssociationRef
let a: ZoneRef, b: ZoneRef, c: ZoneRef
let plannerA: Session, plannerB: Session, plannerC: Session
let rotationId: string
const people: PersonRef[] = []
let linkedUserId: string

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
      name: 'OvW A+B',
      zoneIds: [a.id, b.id],
      dutyKind: 'on_call',
      pattern: { kind: 'weekly', handoffWeekday: 1, handoffTime: '07:00' },
      validFrom: '2026-01-01',
    },
  })
  expect(created.statusCode).toBe(201)
  rotationId = created.json().id
  for (const [zone, s] of [
    [a, plannerA],
    [b, plannerB],
  ] as const)
    for (let i = 0; i < 3; i++) {
      const p = await makePerson(t, { zone, rank: 'commissaris' })
      people.push(p)
      const res = await s.request({
        method: 'POST',
        url: `/api/rotations/${rotationId}/members`,
        payload: { personId: p.id, from: '2026-01-01' },
      })
      expect(res.statusCode).toBe(201)
    }
  linkedUserId = (await makeUser(t, 'officer', a, { personId: people[0]!.id })).id
})
afterAll(() => t.close())

describe('roster generation and publication', () => {
  let published: Array<{ slotKey: string; person: { personId: string } | null }> = []

  it('refuses bad periods and hides the rotation from zones it does not cover', async () => {
    const url = `/api/rotations/${rotationId}/roster/generate`
    for (const [payload, status, code] of [
      [{ from: '2026-03-09', to: '2027-03-09' }, 422, 'ROSTER_PERIOD_INVALID'],
      [{ from: '2026-03-09', to: '2026-03-08' }, 422, 'ROSTER_PERIOD_INVALID'],
      [{ from: '2026-02-30', to: '2026-03-08' }, 400, 'VALIDATION_FAILED'],
    ] as const) {
      const res = await plannerA.request({ method: 'POST', url, payload })
      expect([res.statusCode, res.json().error.code]).toEqual([status, code])
    }
    expect(
      (await plannerC.request({ method: 'POST', url, payload: { from: '2026-03-09', to: '2026-03-15' } })).statusCode,
    ).toBe(404)
    expect(
      (await plannerC.request({ method: 'GET', url: `/api/rotations/${rotationId}/roster/draft` })).statusCode,
    ).toBe(404)
  })

  it('solves eight weeks in a worker, stores the draft, and publishes it as duties in force', async () => {
    const res = await plannerA.request({
      method: 'POST',
      url: `/api/rotations/${rotationId}/roster/generate`,
      payload: { from: '2026-03-09', to: '2026-05-03' },
    })
    expect(res.statusCode).toBe(202)
    const { versionId } = res.json()
    const draft = await draftSolved(plannerB, rotationId)
    expect(draft).toMatchObject({ versionId, state: 'done', status: 'draft', unfilled: [] })
    expect(draft.slots).toHaveLength(8)
    expect(draft.slots.every((s: { person: unknown }) => s.person !== null)).toBe(true)
    expect(draft.diff).toHaveLength(8)
    const perZone = (z: string) =>
      draft.slots.filter((s: { person: { zoneId: string } }) => s.person.zoneId === z).length
    expect([perZone(a.id), perZone(b.id)]).toEqual([4, 4])
    const events = await t.database.db
      .selectFrom('outbox_events')
      .select('type')
      .where(sql<boolean>`payload->>'versionId' = ${versionId}`)
      .execute()
    expect(events.map((e) => e.type)).toContain('roster.generated')
    // Progress is announced too (fire-and-forget transactions: they may land just after the draft).
    const progressed = async () =>
      (
        await t.database.db
          .selectFrom('outbox_events')
          .select(['type', 'zone_id', 'domain'])
          .where('type', '=', 'roster.progress')
          .where(sql<boolean>`payload->>'versionId' = ${versionId}`)
          .execute()
      ).length
    const waitUntil = Date.now() + 10_000
    while ((await progressed()) === 0 && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 20))
    expect(await progressed()).toBeGreaterThan(0)

    const pub = await plannerA.request({
      method: 'POST',
      url: `/api/rotations/${rotationId}/roster/publish`,
      payload: { versionId },
    })
    expect(pub.statusCode).toBe(200)
    expect(pub.json()).toMatchObject({ inserted: 8, closed: 0 })
    published = draft.slots
    const at = await plannerB.request({
      method: 'GET',
      url: `/api/rotations/${rotationId}/duties?at=2026-03-17T12:00:00Z`,
    })
    expect(at.json().items).toHaveLength(1)
    expect(at.json().items[0]).toMatchObject({ slotKey: 'week:2026-03-16', cause: 'roster' })
    const notified = await t.database.db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', linkedUserId)
      .execute()
    expect(notified.map((n) => n.kind)).toContain('roster.duties_changed')
    const again = await plannerA.request({
      method: 'POST',
      url: `/api/rotations/${rotationId}/roster/publish`,
      payload: { versionId },
    })
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'ROSTER_VERSION_NOT_DRAFT'])
  })

  it('an override changes the duty in force; the past stays answerable as it was known', async () => {
    const slot = published.find((s) => s.slotKey === 'week:2026-03-16')!
    const before = slot.person!.personId
    const other = people.find(
      (p) =>
        p.zoneId === a.id && !published.some((s) => s.slotKey === 'week:2026-03-16' && s.person?.personId === p.id),
    )!
    const knownBefore = clock.now().toISOString()
    clock.advance(60_000)
    const res = await plannerA.request({
      method: 'POST',
      url: `/api/rotations/${rotationId}/duties/override`,
      payload: { slotKey: 'week:2026-03-16', position: 1, personId: other.id, reason: 'Ziekte' },
    })
    expect(res.statusCode).toBe(200)
    const url = `/api/rotations/${rotationId}/duties?at=2026-03-17T12:00:00Z`
    const now = (await plannerA.request({ method: 'GET', url })).json()
    expect(now.items.map((d: { person: { personId: string } }) => d.person.personId)).toEqual([other.id])
    expect(now.items[0].cause).toBe('override')
    const then = (await plannerA.request({ method: 'GET', url: `${url}&asKnownAt=${knownBefore}` })).json()
    expect(then.items.map((d: { person: { personId: string } }) => d.person.personId)).toEqual([before])
    const logged = await t.database.db
      .selectFrom('audit_events')
      .select('chain_zone_id')
      .where('action', '=', 'duty.override')
      .execute()
    expect(logged.map((l) => l.chain_zone_id).sort()).toEqual([a.id, b.id].sort())
    const unknown = await plannerA.request({
      method: 'POST',
      url: `/api/rotations/${rotationId}/duties/override`,
      payload: { slotKey: 'week:2030-03-16', position: 1, personId: other.id, reason: 'Ziekte' },
    })
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([422, 'ROSTER_SLOT_UNKNOWN'])
  })

  it('the exclusion constraint refuses a person in two duties at once (DUTY_OVERLAP)', async () => {
    const busy = people.find(
      (p) =>
        p.zoneId === a.id && !published.some((s) => s.slotKey === 'week:2026-03-23' && s.person?.personId === p.id),
    )!
    const elsewhere = await makeRotation(t, { association: assoc, zones: [a, b], domain: 'permanence.officer_of_duty' })
    await sql`INSERT INTO duties (rotation_id, slot_key, position, period, duty_kind, person_id, zone_id, cause, cause_id, recorded)
      VALUES (${elsewhere.id}, 'x:2026-03-24', 1, tstzrange('2026-03-24T08:00:00Z', '2026-03-24T20:00:00Z'), 'present',
              ${busy.id}, ${busy.zoneId}, 'override', gen_random_uuid(), tstzrange(now(), NULL))`.execute(t.database.db)
    const res = await plannerA.request({
      method: 'POST',
      url: `/api/rotations/${rotationId}/duties/override`,
      payload: { slotKey: 'week:2026-03-23', position: 1, personId: busy.id, reason: 'Ruil' },
    })
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'DUTY_OVERLAP'])
  })

  it('of two concurrent publications of one draft, one wins and the other gets 409', async () => {
    const res = await plannerA.request({
      method: 'POST',
      url: `/api/rotations/${rotationId}/roster/generate`,
      payload: { from: '2026-03-09', to: '2026-05-31' },
    })
    const { versionId } = res.json()
    const draft = await draftSolved(plannerA, rotationId)
    expect(draft.state).toBe('done')
    // The pinned override stays as the planner set it.
    expect(draft.slots.find((s: { slotKey: string }) => s.slotKey === 'week:2026-03-16').pinned).toBe(true)
    const publish = (s: Session) =>
      s.request({ method: 'POST', url: `/api/rotations/${rotationId}/roster/publish`, payload: { versionId } })
    const results = await Promise.all([publish(plannerA), publish(plannerB)])
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409])
    const lost = results.find((r) => r.statusCode === 409)!
    expect(lost.json().error.code).toMatch(/^(ROSTER_VERSION_NOT_DRAFT|ROSTER_SLOT_TAKEN)$/)
    const weeks = (
      await plannerA.request({ method: 'GET', url: `/api/rotations/${rotationId}/duties?at=2026-05-26T12:00:00Z` })
    ).json()
    expect(weeks.items).toHaveLength(1)
  })
})
