// The background of `verbond serve`: the platform's recurring jobs (session purge, login_attempts retention,
// outbox and job retention) run on the job runner, and the bus delivers what the outbox holds.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../test/harness.ts'
import { startBackground } from './background.ts'
import { TestClock } from './clock.ts'
import type { BusEvent } from './events.ts'
import { emit } from './outbox.ts'

const DAY = 24 * 3_600_000
let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

describe('background', () => {
  it('runs the recurring purges as jobs, schedules their next period, and delivers events', async () => {
    const { db } = t.database
    // 25 minutes past the current hour: advancing ten minutes below then crosses no hour, so only the
    // ten-minute job comes due (not the hourly one, whatever the time the suite runs).
    const start = new Date()
    start.setUTCMinutes(25, 0, 0)
    const clock = new TestClock(start)
    const ago = (ms: number) => new Date(clock.now().getTime() - ms)
    const idle = await t.login('logistics.5375@demo.verbond.be')
    const live = await t.login('officer.5375@demo.verbond.be')
    await db
      .updateTable('sessions')
      .set({ last_seen_at: ago((t.config.sessionIdleMinutes + 1) * 60_000) })
      .where('token_hash', '=', sql<string>`encode(sha256(convert_to(${idle.cookie.split('=')[1]}, 'UTF8')), 'hex')`)
      .execute()
    await db
      .insertInto('login_attempts')
      .values({ email: 'old@background.test', ip: '10.98.0.1', succeeded: false, at: ago(40 * DAY) })
      .execute()
    await db.transaction().execute((trx) => emit(trx, { type: 'test.old' }, { type: 'test.recent' }))

    const background = await startBackground(
      t.database,
      { ...t.config, databaseUrl: t.databaseUrl },
      {
        clock,
        log: { error: () => undefined },
        pollMs: 3_600_000, // the test runs the jobs itself
      },
    )
    try {
      await background.bus.flush() // publishes and delivers what was pending at start
      const seen: BusEvent[] = []
      background.bus.subscribe((e) => void seen.push(e))
      await db
        .updateTable('outbox_events')
        .set({ published_at: ago(8 * DAY) })
        .where('type', '=', 'test.old')
        .execute()
      await db.transaction().execute((trx) => emit(trx, { type: 'test.live' }))
      await background.bus.flush()
      expect(seen.map((e) => e.type)).toEqual(['test.live'])

      // the four purges, equipment's two checks (issue 10), the GPI 48 reminders (train-compliance, issue 11)
      expect(await background.jobs.runDue()).toBe(7)
      expect((await idle.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401)
      expect((await live.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200)
      const attempts = await db.selectFrom('login_attempts').select('id').where('ip', '=', '10.98.0.1').execute()
      expect(attempts).toEqual([])
      const events = await db.selectFrom('outbox_events').select('type').orderBy('id').execute()
      expect(events.map((e) => e.type)).toEqual(['test.recent', 'test.live'])
      const next = await db
        .selectFrom('jobs')
        .select(['kind', 'run_at'])
        .where('state', '=', 'pending')
        .orderBy('kind')
        .execute()
      expect(next.map((j) => j.kind)).toEqual([
        'auth.login_attempts_purge',
        'auth.session_purge',
        'equipment.overdue',
        'equipment.validity_reminders',
        'notifications.retention',
        'platform.retention',
        'training.compliance_reminders', // train-compliance (issue 11)
      ])
      expect(next.every((j) => j.run_at > clock.now())).toBe(true)
      expect(await background.jobs.runDue()).toBe(0)
      clock.advance(10 * 60_000)
      // The session purge comes back every ten minutes (equipment's overdue check every quarter hour may be due too).
      const due = await db
        .selectFrom('jobs')
        .select('kind')
        .where('state', '=', 'pending')
        .where('run_at', '<=', clock.now())
        .execute()
      expect(due.map((j) => j.kind)).toContain('auth.session_purge')
      expect(due.map((j) => j.kind).every((k) => k === 'auth.session_purge' || k === 'equipment.overdue')).toBe(true)
      expect(await background.jobs.runDue()).toBe(due.length)
    } finally {
      await background.close()
    }
  })
})
