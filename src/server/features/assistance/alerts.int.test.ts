// Alerts of a request going out (issue 9), on a real database: the officer of duty of each partner zone is
// alerted (or, with no officer-of-duty rotation, the zone's dispatch), the escalation plan is stored and its next
// step is a durable job; a new job runner (a restart) still escalates when the time has passed, an acknowledged
// alert does not; a planned request notifies the planners and the korpschef and never escalates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { alertWorld, ALERT_AT, ESCALATION_MINUTES, type AlertWorld } from '../../../../test/assistance-alerts.world.ts'
import { sessionFor } from '../../../../test/factories.ts'
import { startTestApp, type TestApp } from '../../../../test/harness.ts'
import { TestClock } from '../../platform/clock.ts'
import { jobRunner } from '../../platform/jobs.ts'
import { assistanceJobs } from './alert-jobs.ts'
import { ESCALATE_JOB } from './alerts.ts'

let t: TestApp
let w: AlertWorld
const clock = new TestClock(ALERT_AT)
const MINUTE = 60_000
const at = (minutes: number) => new Date(Date.parse(ALERT_AT) + minutes * MINUTE)

beforeAll(async () => {
  t = await startTestApp({}, { clock })
  w = await alertWorld(t, clock)
})
afterAll(async () => {
  await t?.close()
})

/** The users an event of `type` about `requestId` was addressed to, sorted. */
async function eventUsers(type: string, requestId: string): Promise<string[]> {
  const rows = await t.database.db
    .selectFrom('outbox_events')
    .select(['user_id', 'payload'])
    .where('type', '=', type)
    .execute()
  return rows
    .filter((r) => (r.payload as { requestId?: string }).requestId === requestId)
    .map((r) => r.user_id ?? '')
    .sort()
}

const notified = async (kind: string, requestId: string) =>
  (
    await t.database.db
      .selectFrom('notifications')
      .select('user_id')
      .where('kind', '=', kind)
      .where('object_id', '=', requestId)
      .execute()
  )
    .map((r) => r.user_id)
    .sort()

const addressee = (requestId: string, zoneId: string) =>
  t.database.db
    .selectFrom('assistance_addressees')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('zone_id', '=', zoneId)
    .executeTakeFirstOrThrow()

/** A fresh runner at `minutes` after the alert (a restarted process), run once, stopped. */
async function runnerAt(minutes: number): Promise<number> {
  const runner = jobRunner(t.database.db, assistanceJobs(), { clock: new TestClock(at(minutes)), pollMs: 60_000 })
  try {
    return await runner.runDue(50)
  } finally {
    await runner.stop()
  }
}

describe('alerting the partner zones of an urgent request', () => {
  it('alerts the officer of duty of the zone, plans the escalation and enqueues its next step', async () => {
    const request = await w.send([w.b, w.c])
    const b = await addressee(request.id, w.b.id)
    expect(b.escalated_level).toBe('on_duty')
    expect(b.escalation).toEqual([
      { level: 'on_duty', userIds: [w.bOfficer.id], at: at(0).toISOString() },
      { level: 'shift_leader', userIds: [w.bShiftLeader.id], at: at(ESCALATION_MINUTES).toISOString() },
      { level: 'korpschef', userIds: [w.bKorpschef.id], at: at(2 * ESCALATION_MINUTES).toISOString() },
    ])
    // C has no officer-of-duty rotation: its dispatch (officers and planners) is the first level; no shift leader.
    const c = await addressee(request.id, w.c.id)
    expect(c.escalation).toEqual([
      { level: 'on_duty', userIds: [w.cOfficer.id, w.cPlanner.id].sort(), at: at(0).toISOString() },
      { level: 'korpschef', userIds: [w.cKorpschef.id], at: at(ESCALATION_MINUTES).toISOString() },
    ])
    // A's own officer on duty in the shared rotation is not B's: never alerted.
    const first = [w.bOfficer.id, w.cOfficer.id, w.cPlanner.id].sort()
    expect(await eventUsers('assistance.alert', request.id)).toEqual(first)
    expect(await notified('assistance.alert', request.id)).toEqual(first)
    const jobs = await t.database.db
      .selectFrom('jobs')
      .select(['idempotency_key', 'run_at'])
      .where('kind', '=', ESCALATE_JOB)
      .where('idempotency_key', 'like', `${request.id}:%`)
      .orderBy('idempotency_key')
      .execute()
    expect(jobs.map((j) => [j.idempotency_key, j.run_at.toISOString()]).sort()).toEqual(
      [
        [`${request.id}:${w.b.id}:1`, at(ESCALATION_MINUTES).toISOString()],
        [`${request.id}:${w.c.id}:1`, at(ESCALATION_MINUTES).toISOString()],
      ].sort(),
    )
  })

  it('escalates after a restart: a new runner past the timeout alerts the next level, then the korpschef', async () => {
    const request = await w.send([w.b])
    expect(await runnerAt(ESCALATION_MINUTES - 1)).toBe(0) // not yet due; this process then "stops"
    expect(await runnerAt(ESCALATION_MINUTES + 0.1)).toBeGreaterThanOrEqual(1)
    expect((await addressee(request.id, w.b.id)).escalated_level).toBe('shift_leader')
    expect(await eventUsers('assistance.alert', request.id)).toEqual([w.bOfficer.id, w.bShiftLeader.id].sort())
    expect(await runnerAt(2 * ESCALATION_MINUTES + 0.1)).toBeGreaterThanOrEqual(1)
    expect((await addressee(request.id, w.b.id)).escalated_level).toBe('korpschef')
    expect(await eventUsers('assistance.alert', request.id)).toEqual(
      [w.bOfficer.id, w.bShiftLeader.id, w.bKorpschef.id].sort(),
    )
    expect(await notified('assistance.alert', request.id)).toEqual(
      [w.bOfficer.id, w.bShiftLeader.id, w.bKorpschef.id].sort(),
    )
  })

  it('does not escalate an acknowledged alert, nor one of a cancelled request', async () => {
    const acknowledged = await w.send([w.b])
    const cancelled = await w.send([w.b])
    const officer = await sessionFor(t, w.bOfficer)
    const res = await officer.request({
      method: 'POST',
      url: `/api/assistance/requests/${acknowledged.id}/acknowledge`,
      payload: {},
    })
    expect(res.statusCode).toBe(200)
    await t.database.db
      .updateTable('assistance_requests')
      .set({ status: 'cancelled' })
      .where('id', '=', cancelled.id)
      .execute()
    await runnerAt(3 * ESCALATION_MINUTES)
    for (const request of [acknowledged, cancelled]) {
      expect((await addressee(request.id, w.b.id)).escalated_level).toBe('on_duty')
      expect(await eventUsers('assistance.alert', request.id)).toEqual([w.bOfficer.id])
    }
  })

  it('runs a step once: a job run again after its commit alerts nobody twice', async () => {
    const request = await w.send([w.b])
    await runnerAt(ESCALATION_MINUTES + 0.1)
    await t.database.db
      .updateTable('jobs')
      .set({ state: 'pending', locked_by: null, locked_until: null, finished_at: null })
      .where('kind', '=', ESCALATE_JOB)
      .where('idempotency_key', '=', `${request.id}:${w.b.id}:1`)
      .execute()
    await runnerAt(ESCALATION_MINUTES + 0.2)
    expect(await eventUsers('assistance.alert', request.id)).toEqual([w.bOfficer.id, w.bShiftLeader.id].sort())
  })
})

describe('a planned request', () => {
  it('notifies the planners and the korpschef of the zone, and never escalates', async () => {
    const request = await w.send([w.b], { urgency: 'planned' })
    expect(await notified('assistance.requested', request.id)).toEqual([w.bPlanner.id, w.bKorpschef.id].sort())
    expect(await eventUsers('assistance.alert', request.id)).toEqual([])
    const b = await addressee(request.id, w.b.id)
    expect(b.escalation).toEqual([])
    expect(b.escalated_level).toBeNull()
    const jobs = await t.database.db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', ESCALATE_JOB)
      .where('idempotency_key', 'like', `${request.id}:%`)
      .execute()
    expect(jobs).toEqual([])
  })
})
