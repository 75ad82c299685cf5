import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeUser, makeZone, sessionFor } from '../../../test/factories.ts'
import { startTestApp, type TestApp } from '../../../test/harness.ts'
import { appendAudit, verifyAudit } from './audit.ts'

// Every test that reads or breaks a chain builds its own (a fresh zone with four events), so the tests run in
// any order (`vitest --sequence.shuffle`): tampering with one chain never shows up in another test's verdict.
let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

/** A new zone whose audit chain holds four test events; returns the zone. */
async function chainOfFour() {
  const zone = await makeZone(t)
  await t.database.db.transaction().execute((trx) =>
    appendAudit(
      trx,
      [1, 2, 3, 4].map((n) => ({
        chainZoneId: zone.id,
        actorUserId: null,
        actorZoneId: zone.id,
        action: 'test.event',
        objectType: 'test',
        objectId: String(n),
        details: { n, nested: { b: 2, a: 1 } },
      })),
    ),
  )
  return zone
}

const eventIds = async (zoneId: string) =>
  (
    await t.database.db
      .selectFrom('audit_events')
      .select('id')
      .where('chain_zone_id', '=', zoneId)
      .orderBy('seq')
      .execute()
  ).map((r) => r.id)

/** Changes one event's details behind the trigger's back, as someone with owner rights could. */
const tamper = (id: number) =>
  t.database.execScript(`
      ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update;
      UPDATE audit_events SET details = '{"n": 99}' WHERE id = ${id};
      ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update;`)

describe('audit log', () => {
  it('verifies an intact chain', async () => {
    const { id: zoneId } = await chainOfFour()
    expect(await verifyAudit(t.database.db, [zoneId])).toEqual({ ok: true, events: 4, firstBrokenId: null })
  })

  it('keeps every chain intact under concurrent writers', async () => {
    // Partner reads by two zones at once, each appending to the owner zones' chains.
    const a = await t.login('planner.5373@demo.verbond.be')
    const b = await t.login('planner.5375@demo.verbond.be')
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).request({ method: 'GET', url: '/api/people?limit=200' })),
    )
    expect(responses.every((r) => r.statusCode === 200)).toBe(true)
    const chains = await t.database.db.selectFrom('zones').select('id').where('code', 'in', ['5373', '5375']).execute()
    const result = await verifyAudit(
      t.database.db,
      chains.map((c) => c.id),
    )
    expect(result).toMatchObject({ ok: true, firstBrokenId: null })
    expect(result.events).toBeGreaterThanOrEqual(30)
  })

  it('refuses updates and deletes (append-only)', async () => {
    const { id: zoneId } = await chainOfFour()
    await expect(
      sql`UPDATE audit_events SET action = 'x.y' WHERE chain_zone_id = ${zoneId}`.execute(t.database.db),
    ).rejects.toThrow(/append-only/)
    await expect(sql`DELETE FROM audit_events WHERE chain_zone_id = ${zoneId}`.execute(t.database.db)).rejects.toThrow(
      /append-only/,
    )
  })

  it('detects a tampered row even when someone with owner rights bypasses the trigger', async () => {
    const { id: zoneId } = await chainOfFour()
    const ids = await eventIds(zoneId)
    await tamper(ids[2]!)
    expect(await verifyAudit(t.database.db, [zoneId])).toEqual({
      ok: false,
      events: 4,
      firstBrokenId: ids[2],
      reason: 'hash_mismatch',
    })
  })

  it('detects a deleted row as a gap', async () => {
    const { id: zoneId } = await chainOfFour()
    const ids = await eventIds(zoneId)
    await t.database.execScript(`
      ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update;
      DELETE FROM audit_events WHERE id = ${ids[1]};
      ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update;`)
    const result = await verifyAudit(t.database.db, [zoneId])
    expect(result.ok).toBe(false)
    expect(result.firstBrokenId).toBe(ids[2])
  })

  it('reports through GET /api/audit/verify for a DPO only', async () => {
    const zone = await chainOfFour()
    const dpo = await sessionFor(t, await makeUser(t, 'dpo', zone))
    const intact = await dpo.request({ method: 'GET', url: '/api/audit/verify' })
    expect(intact.statusCode).toBe(200)
    expect(intact.json()).toMatchObject({ ok: true, firstBrokenId: null, zones: [zone.code] })
    const ids = await eventIds(zone.id)
    await tamper(ids[1]!)
    const res = await dpo.request({ method: 'GET', url: '/api/audit/verify' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ ok: false, firstBrokenId: ids[1] })
    expect(res.json().zones).toContain(zone.code)
    const officer = await sessionFor(t, await makeUser(t, 'officer', zone))
    expect((await officer.request({ method: 'GET', url: '/api/audit/verify' })).statusCode).toBe(403)
  })
})

describe('the audit log for DPOs', () => {
  it("lists the events of the DPO's chains only; a shared DPO's reading of a partner's log is logged there", async () => {
    // Demo data on purpose: the shared DPO of an association is a demo fixture. Westkust (5461) gets its own
    // test events here, so the test does not rely on another one having written them.
    const zoneId = (
      await t.database.db.selectFrom('zones').select('id').where('code', '=', '5461').executeTakeFirstOrThrow()
    ).id
    await t.database.db.transaction().execute((trx) =>
      appendAudit(trx, [
        {
          chainZoneId: zoneId,
          actorUserId: null,
          actorZoneId: zoneId,
          action: 'test.event',
          objectType: 'test',
          objectId: 'dpo-list',
          details: {},
        },
      ]),
    )
    const shared = await t.login('dpo.5453@demo.verbond.be') // WVL4's shared DPO (RIHO)
    const res = await shared.request({ method: 'GET', url: '/api/audit/events?limit=200' })
    expect(res.statusCode).toBe(200)
    const codes = new Set((res.json().items as { zoneCode: string }[]).map((e) => e.zoneCode))
    expect([...codes].every((c) => ['5453', '5456', '5460', '5461'].includes(c))).toBe(true)
    expect(codes.has('5461')).toBe(true) // the test events of Westkust
    const logged = await t.database.db
      .selectFrom('audit_events')
      .select(['domain'])
      .where('action', '=', 'audit.list')
      .where('chain_zone_id', '=', zoneId)
      .execute()
    expect(logged).toEqual([{ domain: 'dpo' }])
    const filtered = (
      await shared.request({ method: 'GET', url: `/api/audit/events?zoneId=${zoneId}&action=audit.list` })
    ).json()
    expect(filtered.items.length).toBeGreaterThan(0)
    expect(
      filtered.items.every(
        (e: { action: string; zoneCode: string }) => e.action === 'audit.list' && e.zoneCode === '5461',
      ),
    ).toBe(true)
    // The filter takes the AuditAction enum of the OpenAPI document; anything else is bad input.
    const unknown = await shared.request({ method: 'GET', url: `/api/audit/events?action=test.event` })
    expect(unknown.statusCode).toBe(400)
    const bht = await t.login('dpo.5373@demo.verbond.be')
    const other = (await bht.request({ method: 'GET', url: '/api/audit/events?limit=200' })).json()
    expect(other.items.every((e: { zoneCode: string }) => e.zoneCode === '5373')).toBe(true)
  })
})
