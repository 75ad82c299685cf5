// Verification reads one consistent snapshot: writes landing while it runs are never a false tamper alarm,
// and a tampered row is still found. Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeZone } from '../../../../test/factories.ts'
import { startTestApp, type TestApp } from '../../../../test/harness.ts'
import { appendAudit, verifyAudit } from '../../platform/audit.ts'

let t: TestApp
let zoneIds: string[]
beforeAll(async () => {
  t = await startTestApp()
  zoneIds = (await t.database.db.selectFrom('zones').select('id').where('code', 'in', ['5373', '5375']).execute()).map(
    (z) => z.id,
  )
})
afterAll(() => t.close())

/**
 * Appends small batches to both chains until `stop()` is called (at most `rounds` each). No timer between
 * writes: on PGlite the queries resolve as microtasks, and the FIFO connection queue interleaves them with
 * the verifier's statements.
 */
function writers(rounds = 40, chains: string[] = zoneIds) {
  let running = true
  let written = 0
  const loop = async (zoneId: string) => {
    for (let i = 0; running && i < rounds; i++) {
      await t.database.db.transaction().execute((trx) =>
        appendAudit(
          trx,
          [1, 2, 3].map((n) => ({
            chainZoneId: zoneId,
            actorUserId: null,
            actorZoneId: zoneId,
            action: 'test.concurrent_write',
            details: { n },
          })),
        ),
      )
      written += 3
    }
  }
  const done = Promise.all(chains.flatMap((z) => [loop(z), loop(z)]))
  return {
    written: () => written,
    stop: async () => {
      running = false
      await done
    },
  }
}

describe('audit verification while writers run', () => {
  it('is always ok (verifyAudit, the API and the CLI path)', async () => {
    const dpo = await t.login('dpo.5373@demo.verbond.be')
    const w = writers()
    const results = []
    try {
      for (let i = 0; i < 6; i++) {
        results.push(await verifyAudit(t.database.db, zoneIds))
        results.push(await verifyAudit(t.database.db, null)) // what `verbond audit verify` runs
        const res = await dpo.request({ method: 'GET', url: '/api/audit/verify' })
        expect(res.statusCode).toBe(200)
        results.push(res.json<{ ok: boolean; reason?: string }>())
      }
    } finally {
      await w.stop()
    }
    expect(w.written()).toBeGreaterThan(0)
    expect(results.filter((r) => !r.ok)).toEqual([])
  })

  it('still detects a tampered row', async () => {
    // Chains of its own (factory zones), written here, and the row put back afterwards: the test runs in any
    // order, and the other test's whole-database verification (the CLI path) never sees a broken chain.
    const chains = [(await makeZone(t)).id, (await makeZone(t)).id]
    await writers(2, chains).stop()
    const [row] = await t.database.db
      .selectFrom('audit_events')
      .select(['id', 'details'])
      .where('chain_zone_id', '=', chains[0]!)
      .where('action', '=', 'test.concurrent_write')
      .orderBy('id')
      .limit(1)
      .execute()
    const setDetails = (details: string) =>
      t.database.execScript(`
      ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update;
      UPDATE audit_events SET details = '${details}' WHERE id = ${row!.id};
      ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update;`)
    await setDetails('{"n": 42}')
    const w = writers(10, chains)
    try {
      expect(await verifyAudit(t.database.db, chains)).toMatchObject({
        ok: false,
        firstBrokenId: row!.id,
        reason: 'hash_mismatch',
      })
    } finally {
      await w.stop()
      await setDetails(JSON.stringify(row!.details))
    }
    expect(await verifyAudit(t.database.db, chains)).toMatchObject({ ok: true, firstBrokenId: null })
  })
})
