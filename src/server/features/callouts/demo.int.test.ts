// The demo's week in progress: the demo rosters are made as two weeks ago, so someone is on call now in every
// demo rotation, the on-duty answer shows them, and they can record a call-out at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../../test/harness.ts'
import { DEMO_ADMIN_EMAIL } from '../../demo/data.ts'
import { seedDemoRostersInProgress } from '../permanences/demo.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

describe('demo duties in progress', () => {
  it(
    'puts someone on call now in every demo rotation, by a roster made two weeks ago',
    { timeout: 120_000 },
    async () => {
      const seeded = await seedDemoRostersInProgress(t.database.db, DEMO_ADMIN_EMAIL)
      expect(seeded.rotations).toBe(5)
      expect(seeded.duties).toBeGreaterThanOrEqual(5 * 10)
      const planner = await t.login('planner.5447@demo.verbond.be')
      const res = await planner.request({ method: 'GET', url: '/api/permanences/on-duty' })
      const items = res.json().items as { onDuty: { person: { personId: string } | null }[] }[]
      expect(items).toHaveLength(3)
      expect(items.every((i) => i.onDuty.length === 1 && i.onDuty[0]!.person !== null)).toBe(true)
      // The planner records a call-out for the person on call (ten minutes ago, five minutes long).
      const personId = items[0]!.onDuty[0]!.person!.personId
      const zone = await t.database.db
        .selectFrom('people')
        .select('zone_id')
        .where('id', '=', personId)
        .executeTakeFirstOrThrow()
      const theirs = await t.database.db
        .selectFrom('zones')
        .select('code')
        .where('id', '=', zone.zone_id)
        .executeTakeFirstOrThrow()
      const zonePlanner = await t.login(`planner.${theirs.code}@demo.verbond.be`)
      const start = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 10 * 60_000)
      const created = await zonePlanner.request({
        method: 'POST',
        url: '/api/callouts',
        payload: {
          personId,
          start: start.toISOString(),
          end: new Date(start.getTime() + 5 * 60_000).toISOString(),
          reason: 'Demo',
        },
      })
      expect(created.statusCode).toBe(201)
    },
  )
})
