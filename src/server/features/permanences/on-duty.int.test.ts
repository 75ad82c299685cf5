// Who is on duty now, served from the in-memory index of an app that has an event bus: built at the first
// question, kept current by roster.published / duty.changed (here written by ANOTHER app on the same database,
// as another server process would). Partner names only through the membership's visibility reason, logged.
import type { FastifyInstance, InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  makeAgreement,
  makeAssociation,
  makePerson,
  makeUser,
  sessionFor,
  type AssociationRef,
  type PersonRef,
  type ZoneRef,
  draftSolved,
} from '../../../../test/factories.ts'
import { startTestApp, type Session, type TestApp } from '../../../../test/harness.ts'
import { buildApp } from '../../app.ts'
import { TestClock } from '../../platform/clock.ts'
import { startEventBus, type EventBus } from '../../platform/events.ts'

const clock = new TestClock('2026-03-02T09:00:00Z')
let t: TestApp
let live: FastifyInstance
let bus: EventBus
let assoc: AssociationRef
let a: ZoneRef, b: ZoneRef, c: ZoneRef
let plannerA: Session, plannerB: Session, plannerC: Session
let rotationId: string
const members: PersonRef[] = []

/** The same session, asked of the app with the bus. */
const onLive = (s: Session, options: InjectOptions) =>
  live.inject({ ...options, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } })

type OnDutyItem = {
  rotationId: string
  onDuty: { person: { personId: string; zoneId: string } | null; from: string; until: string }[]
  next: { person: { personId: string } | null; from: string } | null
}
const onDutyAt = async (s: Session, at: string) => {
  const res = await onLive(s, { method: 'GET', url: `/api/permanences/on-duty?at=${at}` })
  expect(res.statusCode).toBe(200)
  return (res.json().items as OnDutyItem[]).find((i) => i.rotationId === rotationId)
}

beforeAll(async () => {
  t = await startTestApp({}, { clock })
  bus = await startEventBus(t.database, { databaseUrl: t.databaseUrl, pollMs: 60_000 })
  live = await buildApp(t.config, t.database, { bus, clock })
  await live.ready()
  assoc = await makeAssociation(t, { zoneCount: 3 })
  ;[a, b, c] = assoc.zones as [ZoneRef, ZoneRef, ZoneRef]
  await makeAgreement(t, { association: assoc, parties: [a, b], domains: ['permanence.victim_support'], clock })
  plannerA = await sessionFor(t, await makeUser(t, 'planner', a))
  plannerB = await sessionFor(t, await makeUser(t, 'planner', b))
  plannerC = await sessionFor(t, await makeUser(t, 'planner', c))
  const created = await plannerA.request({
    method: 'POST',
    url: '/api/rotations',
    payload: {
      associationId: assoc.id,
      domain: 'permanence.victim_support',
      name: 'Slachtofferbejegening',
      zoneIds: [a.id, b.id],
      dutyKind: 'on_call',
      pattern: { kind: 'weekly', handoffWeekday: 1, handoffTime: '07:00' },
      rules: { onCallFrequency: null },
      validFrom: '2026-01-01',
    },
  })
  rotationId = created.json().id
  for (const [zone, s] of [
    [a, plannerA],
    [b, plannerB],
  ] as const)
    for (let i = 0; i < 2; i++) {
      const p = await makePerson(t, { zone, rank: 'inspecteur', qualifications: ['victim_support'] })
      members.push(p)
      expect(
        (
          await s.request({
            method: 'POST',
            url: `/api/rotations/${rotationId}/members`,
            payload: { personId: p.id, from: '2026-01-01' },
          })
        ).statusCode,
      ).toBe(201)
    }
  const gen = await plannerA.request({
    method: 'POST',
    url: `/api/rotations/${rotationId}/roster/generate`,
    payload: { from: '2026-03-02', to: '2026-04-26' },
  })
  const { versionId } = gen.json()
  await draftSolved(plannerA, rotationId)
  expect(
    (
      await plannerA.request({
        method: 'POST',
        url: `/api/rotations/${rotationId}/roster/publish`,
        payload: { versionId },
      })
    ).statusCode,
  ).toBe(200)
})
afterAll(async () => {
  await live?.close()
  await bus?.close()
  await t.close()
})

describe('who is on duty', () => {
  it('answers from the index: the person now, the next one and the handoff (Monday 07:00 Brussels)', async () => {
    const item = await onDutyAt(plannerA, '2026-03-17T12:00:00Z')
    expect(item?.onDuty).toHaveLength(1)
    expect(item!.onDuty[0]).toMatchObject({ from: '2026-03-16T06:00:00.000Z', until: '2026-03-23T06:00:00.000Z' })
    expect(item!.next?.from).toBe('2026-03-23T06:00:00.000Z')
    expect(item!.onDuty[0]!.person).not.toBeNull()
    // After the spring DST change the handoff is 05:00 UTC.
    const april = await onDutyAt(plannerA, '2026-04-01T12:00:00Z')
    expect(april!.onDuty[0]!.from).toBe('2026-03-30T05:00:00.000Z')
    expect(await onDutyAt(plannerC, '2026-03-17T12:00:00Z')).toBeUndefined()
  })

  it('an override made elsewhere is on the board as soon as its event is delivered', async () => {
    const at = '2026-03-25T12:00:00Z'
    const before = (await onDutyAt(plannerA, at))!.onDuty[0]!.person!.personId
    const other = members.find((m) => m.id !== before && m.zoneId === a.id) ?? members.find((m) => m.id !== before)!
    const res = await plannerA.request({
      method: 'POST',
      url: `/api/rotations/${rotationId}/duties/override`,
      payload: { slotKey: 'week:2026-03-23', position: 1, personId: other.id, reason: 'Ruil' },
    })
    expect(res.statusCode).toBe(200)
    const deadline = Date.now() + 10_000
    for (;;) {
      const now = (await onDutyAt(plannerA, at))!.onDuty[0]!.person!.personId
      if (now === other.id) break
      if (Date.now() > deadline) throw new Error('the index did not follow the override')
      await new Promise((r) => setTimeout(r, 20))
    }
  })

  it("a partner planner sees the other zone's person on duty (name, zone, work phone) and the read is logged", async () => {
    // Find a week whose holder is of zone A, and ask as zone B's planner.
    for (let week = 0; week < 8; week++) {
      const at = new Date(Date.parse('2026-03-03T12:00:00Z') + week * 7 * 86_400_000).toISOString()
      const item = await onDutyAt(plannerB, at)
      const person = item?.onDuty[0]?.person
      if (person?.zoneId !== a.id) continue
      expect(Object.keys(person).sort()).toEqual([
        'firstName',
        'lastName',
        'personId',
        'workPhone',
        'zoneCode',
        'zoneId',
      ])
      // Logged before the answer (audit.partnerReads, coalesced): the row is there when the answer has come.
      const logged = await t.database.db
        .selectFrom('audit_events')
        .select(['chain_zone_id', 'details'])
        .where('action', '=', 'person.read')
        .where('object_id', '=', rotationId)
        .where('chain_zone_id', '=', a.id)
        .execute()
      expect(logged.length).toBeGreaterThan(0)
      expect(JSON.stringify(logged[0]!.details)).toContain('"kind":"rotation"')
      return
    }
    throw new Error('no week with a zone A person on duty')
  })
})
