// The demo rotations: made through the services on the demo data (as `npm start` in demo mode does once),
// where the agreements list the domain, with a published roster for the next 8 weeks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../../test/harness.ts'
import { DEMO_ADMIN_EMAIL } from '../../demo/data.ts'
import { seedDemoRosters } from './demo.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

describe('demo rotations', () => {
  it(
    'seeds shared permanences with published rosters, fast, and the planners see who is on duty',
    { timeout: 120_000 },
    async () => {
      const started = Date.now()
      const result = await seedDemoRosters(t.database.db, { adminEmail: DEMO_ADMIN_EMAIL })
      const ms = Date.now() - started
      expect(result.rotations).toBe(5)
      expect(result.duties).toBeGreaterThanOrEqual(5 * 7)
      expect(ms).toBeLessThan(30_000) // generous on a shared test machine; `npm start` prints the real time
      const planner = await t.login('planner.5447@demo.verbond.be')
      const next = new Date(Date.now() + 10 * 86_400_000).toISOString()
      const res = await planner.request({ method: 'GET', url: `/api/permanences/on-duty?at=${next}` })
      const items = res.json().items as { domain: string; onDuty: { person: unknown }[] }[]
      expect(items.map((i) => i.domain).sort()).toEqual([
        'ict',
        'permanence.officer_of_duty',
        'permanence.victim_support',
      ])
      expect(items.every((i) => i.onDuty.length === 1 && i.onDuty[0]!.person !== null)).toBe(true)
      const voeren = await t.login('planner.5382@demo.verbond.be')
      const theirs = (await voeren.request({ method: 'GET', url: '/api/rotations' })).json().items as { name: string }[]
      expect(theirs.map((r) => r.name).sort()).toEqual([
        'Officier van wacht Voeren–BHR',
        'Slachtofferbejegening Voeren–BHR',
      ])
    },
  )
})
