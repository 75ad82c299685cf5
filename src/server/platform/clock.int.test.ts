// The clock seam: a TestClock handed to the app is the "now" of sessions, audit rows and Brussels dates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/harness.ts'
import { now, runWithClock, systemClock, TestClock, today } from './clock.ts'

const clock = new TestClock('2026-03-28T22:30:00Z') // 23:30 in Brussels, the eve of the switch to summer time
let t: TestApp
beforeAll(async () => {
  t = await startTestApp({}, { clock })
})
afterAll(() => t.close())

describe('clock', () => {
  it('is the system clock outside any scope, the given clock inside one (also across awaits)', async () => {
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000)
    const fixed = new TestClock('2026-01-01T12:00:00Z')
    const seen = await runWithClock(fixed, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5))
      return [now().toISOString(), today()]
    })
    expect(seen).toEqual(['2026-01-01T12:00:00.000Z', '2026-01-01'])
    expect(systemClock.now()).toBeInstanceOf(Date)
  })

  it('gives Brussels dates: 23:30 UTC on 31 December is already New Year in Brussels', () => {
    const c = new TestClock('2026-12-31T23:30:00Z')
    expect(runWithClock(c, today)).toBe('2027-01-01')
    c.advance(-60 * 60_000)
    expect(runWithClock(c, today)).toBe('2026-12-31') // 22:30 UTC is 23:30 in Brussels
  })

  it('stamps audit rows and sessions with the app clock, and expires an idle session when time advances', async () => {
    const s = await t.login('korpschef.5373@demo.verbond.be')
    const login = await t.database.db
      .selectFrom('audit_events')
      .select('at')
      .where('action', '=', 'auth.login')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(login.at.toISOString()).toBe('2026-03-28T22:30:00.000Z')
    expect((await s.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200)
    clock.advance((t.config.sessionIdleMinutes - 1) * 60_000)
    expect((await s.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200)
    clock.advance((t.config.sessionIdleMinutes + 1) * 60_000)
    expect((await s.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401)
  })
})
