// Who is on duty, fast (board, issue 8): the visible rotations, the people named and whether they may be named
// come from memory until an invalidation says otherwise, and partner reads are logged before the answer, the
// reads of concurrent requests in one statement and repeated reads of one reader as one row (`audit.partnerReads` with `coalesce`). Each test changes the data the way another request would and asks again: the very next
// answer must show the change. Duties are inserted directly (the roster's own tests generate and publish).
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  makeAgreement,
  makeAssociation,
  makePerson,
  makeUser,
  sessionFor,
  type AgreementRef,
  type AssociationRef,
  type PersonRef,
  type ZoneRef,
} from '../../../../test/factories.ts'
import { startTestApp, type Session, type TestApp } from '../../../../test/harness.ts'
import { verifyAudit } from '../../platform/audit.ts'
import { TestClock } from '../../platform/clock.ts'

const clock = new TestClock('2026-03-02T09:00:00Z')
const AT = '2026-03-03T12:00:00Z'
let t: TestApp
let assoc: AssociationRef
let a: ZoneRef, b: ZoneRef
let agreement: AgreementRef
let plannerA: Session, plannerB: Session
let rotationId: string
let pa: PersonRef, pb: PersonRef

type Item = {
  rotationId: string
  rotationName: string
  onDuty: { person: { personId: string; workPhone: string | null } | null }[]
  next: { person: { personId: string } | null } | null
}
const onDuty = async (s: Session) => {
  const res = await s.request({ method: 'GET', url: `/api/permanences/on-duty?at=${AT}` })
  expect(res.statusCode).toBe(200)
  return res.json().items as Item[]
}
const ours = async (s: Session) => (await onDuty(s)).find((i) => i.rotationId === rotationId)

async function insertDuty(person: PersonRef, slotKey: string, from: string, to: string) {
  await sql`INSERT INTO duties (rotation_id, slot_key, position, period, duty_kind, person_id, zone_id, cause, recorded)
            VALUES (${rotationId}, ${slotKey}, 1, tstzrange(${from}::timestamptz, ${to}::timestamptz), 'on_call',
                    ${person.id}, ${person.zoneId}, 'override', tstzrange(now(), NULL))`.execute(t.database.db)
}

beforeAll(async () => {
  t = await startTestApp({}, { clock })
  assoc = await makeAssociation(t, { zoneCount: 2 })
  ;[a, b] = assoc.zones as [ZoneRef, ZoneRef]
  agreement = await makeAgreement(t, { association: assoc, domains: ['permanence.victim_support'], clock })
  plannerA = await sessionFor(t, await makeUser(t, 'planner', a))
  plannerB = await sessionFor(t, await makeUser(t, 'planner', b))
  const created = await plannerA.request({
    method: 'POST',
    url: '/api/rotations',
    payload: {
      associationId: assoc.id,
      domain: 'permanence.victim_support',
      name: 'Slachtofferbejegening snel',
      zoneIds: [a.id, b.id],
      dutyKind: 'on_call',
      pattern: { kind: 'weekly', handoffWeekday: 1, handoffTime: '07:00' },
      rules: { onCallFrequency: null },
      validFrom: '2026-01-01',
    },
  })
  expect(created.statusCode).toBe(201)
  rotationId = created.json().id
  pa = await makePerson(t, { zone: a, rank: 'inspecteur', qualifications: ['victim_support'] })
  pb = await makePerson(t, { zone: b, rank: 'inspecteur', qualifications: ['victim_support'] })
  for (const [p, s] of [
    [pa, plannerA],
    [pb, plannerB],
  ] as const)
    expect(
      (
        await s.request({
          method: 'POST',
          url: `/api/rotations/${rotationId}/members`,
          payload: { personId: p.id, from: '2026-01-01' },
        })
      ).statusCode,
    ).toBe(201)
  await insertDuty(pa, 'week:2026-03-02', '2026-03-02T06:00:00Z', '2026-03-09T06:00:00Z')
  await insertDuty(pb, 'week:2026-03-09', '2026-03-09T06:00:00Z', '2026-03-16T06:00:00Z')
})
afterAll(async () => {
  await t?.close()
})

describe('who is on duty, from memory', () => {
  it('logs every partner read with its reasons, also when reads share a row', async () => {
    const before = await t.database.db
      .selectFrom('audit_events')
      .select('id')
      .where('object_id', '=', rotationId)
      .where('action', '=', 'person.read')
      .execute()
    // Concurrent: their reads share a statement (and a row); each answer leaves only once its read is written.
    const answers = await Promise.all([ours(plannerB), ours(plannerB), ours(plannerB)])
    for (const answer of answers) expect(answer?.onDuty[0]?.person?.personId).toBe(pa.id)
    const rows = await t.database.db
      .selectFrom('audit_events')
      .select(['chain_zone_id', 'actor_zone_id', 'domain', 'details'])
      .where('object_id', '=', rotationId)
      .where('action', '=', 'person.read')
      .where('id', 'not in', before.length ? before.map((r) => r.id) : [-1])
      .execute()
    expect(rows.length).toBeGreaterThan(0)
    let reads = 0
    for (const row of rows) {
      const details = row.details as {
        personIds: string[]
        reasons: { kind: string }[]
        reads?: { personIds: string[]; at: string[] }[]
      }
      expect(row.chain_zone_id).toBe(a.id)
      expect(row.actor_zone_id).toBe(b.id)
      expect(row.domain).toBe('permanence.victim_support')
      expect(details.personIds).toEqual([pa.id])
      expect(details.reasons).toEqual([{ kind: 'rotation', domain: 'permanence.victim_support' }])
      reads += details.reads?.reduce((n, r) => n + r.at.length, 0) ?? 1
    }
    expect(reads).toBe(3)
    // The chain stays whole.
    expect((await verifyAudit(t.database.db, [a.id])).ok).toBe(true)
  })

  it('a changed work phone is in the next answer (topic people)', async () => {
    expect((await ours(plannerB))?.onDuty[0]?.person?.workPhone).not.toBe('+32 11 99 99 99')
    await t.database.db.updateTable('people').set({ work_phone: '+32 11 99 99 99' }).where('id', '=', pa.id).execute()
    expect((await ours(plannerB))?.onDuty[0]?.person?.workPhone).toBe('+32 11 99 99 99')
  })

  it('a renamed or new rotation is in the next answer (topic rotations)', async () => {
    expect((await ours(plannerA))?.rotationName).toBe('Slachtofferbejegening snel')
    const renamed = await plannerA.request({
      method: 'PATCH',
      url: `/api/rotations/${rotationId}`,
      payload: { name: 'Slachtofferbejegening hernoemd' },
    })
    expect(renamed.statusCode).toBe(200)
    expect((await ours(plannerA))?.rotationName).toBe('Slachtofferbejegening hernoemd')
    const count = (await onDuty(plannerB)).length
    const created = await plannerB.request({
      method: 'POST',
      url: '/api/rotations',
      payload: {
        associationId: assoc.id,
        domain: 'permanence.victim_support',
        name: 'Tweede permanentie',
        zoneIds: [a.id, b.id],
        dutyKind: 'on_call',
        pattern: { kind: 'daily', handoffTime: '08:00' },
        rules: { onCallFrequency: null },
        validFrom: '2026-01-01',
      },
    })
    expect(created.statusCode).toBe(201)
    expect((await onDuty(plannerB)).length).toBe(count + 1)
  })

  it('an agreement that ends takes the partner name away at the next answer (topic grants)', async () => {
    expect((await ours(plannerB))?.onDuty[0]?.person?.personId).toBe(pa.id)
    await t.database.db
      .updateTable('agreements')
      .set({ status: 'ended', effective_to: '2026-03-01', end_reason: 'Test: beëindigd' })
      .where('id', '=', agreement.id)
      .execute()
    const item = await ours(plannerB)
    expect(item?.onDuty).toHaveLength(1)
    expect(item?.onDuty[0]?.person).toBeNull()
    // Their own zone's person stays named for zone A.
    expect((await ours(plannerA))?.onDuty[0]?.person?.personId).toBe(pa.id)
  })
})
