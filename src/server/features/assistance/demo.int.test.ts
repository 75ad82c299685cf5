// The assistance demo: every demo association sharing `assistance` gets its rate, settings and a past year of
// closed requests with confirmed, posted deployments — fast, idempotent, its ledger summing to zero — and the
// balances answer over that year.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../../test/harness.ts'
import { DEMO_ADMIN_EMAIL } from '../../demo/data.ts'
import { today } from '../../platform/clock.ts'
import { generateAssistanceYear, seedDemoAssistance } from './demo.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

describe('assistance demo', () => {
  it('seeds a year per association sharing assistance, posted and balanced, once', { timeout: 120_000 }, async () => {
    const started = Date.now()
    const seeded = await seedDemoAssistance(t.database.db, DEMO_ADMIN_EMAIL)
    const took = Date.now() - started
    expect(seeded.associations).toBeGreaterThanOrEqual(3)
    expect(seeded.requests).toBeGreaterThan(100 * seeded.associations)
    expect(seeded.deployments).toBeGreaterThan(seeded.requests)
    expect(took).toBeLessThan(30_000)
    const db = t.database.db
    const lines = await db
      .selectFrom('assistance_ledger_lines')
      .select(['association_id', db.fn.countAll<number>().as('n'), db.fn.sum<number>('amount').as('sum')])
      .groupBy('association_id')
      .execute()
    expect(lines).toHaveLength(seeded.associations)
    expect(lines.every((l) => Number(l.sum) === 0)).toBe(true)
    expect(lines.reduce((s, l) => s + Number(l.n), 0)).toBe(2 * seeded.deployments)
    const urgencies = await db.selectFrom('assistance_requests').select('urgency').distinct().execute()
    expect(urgencies.map((u) => u.urgency).sort()).toEqual(['planned', 'urgent'])
    // Idempotent: a second run leaves everything as it is.
    expect(await seedDemoAssistance(db, DEMO_ADMIN_EMAIL)).toEqual({ associations: 0, requests: 0, deployments: 0 })
    // The balances over the year, as a planner of a zone sharing assistance sees them.
    const { id } = await db
      .selectFrom('associations')
      .select('id')
      .where('code', '=', 'bht-heusden-zolder')
      .executeTakeFirstOrThrow()
    const planner = await t.login('planner.5373@demo.verbond.be')
    const to = today()
    const from = `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`
    const res = await planner.request({
      method: 'GET',
      url: `/api/assistance/associations/${id}/balances?from=${from}&to=${to}`,
    })
    expect(res.statusCode).toBe(200)
    const zones = res.json().zones as { closing: number; movements: number }[]
    expect(zones.reduce((s, z) => s + z.closing, 0)).toBe(0)
    expect(zones.some((z) => z.movements > 0)).toBe(true)
    // The benchmark's reuse: another year on the same association, nobody deployed twice at once.
    const more = await generateAssistanceYear(db, id, { requests: 100, seed: 2 })
    expect(more.deployments).toBeGreaterThan(100)
    const sum = await db
      .selectFrom('assistance_ledger_lines')
      .select(db.fn.sum<number>('amount').as('sum'))
      .where('association_id', '=', id)
      .executeTakeFirstOrThrow()
    expect(Number(sum.sum)).toBe(0)
  })
})
