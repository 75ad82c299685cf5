// Alerts of an assistance request (issue 9): when a request goes out, each addressed partner zone is alerted —
// an urgent one at once to whoever is on duty there (the officer-of-duty rotation), escalating while nobody
// acknowledges; a planned one to the zone's planners. Owned by the alerts part (asst-alerts).
//
// Latency path: the `assistance.alert` events are written to the outbox in the transaction that sends the
// request; its commit's NOTIFY wakes every process's dispatcher, which publishes them on the bus, and each
// user's own SSE streams (on whichever process) deliver them. The notification (in-app, mail) is for whoever
// was not connected. The next escalation step is a durable job (alert-jobs.ts), enqueued in the same transaction.
import type { Transaction } from 'kysely'
import { enqueue } from '../../platform/jobs.ts'
import { notify } from '../../platform/notifications.ts'
import { emit } from '../../platform/outbox.ts'
import type { DB } from '../../platform/schema.ts'
import { brusselsDate } from '../../platform/time.ts'
import { belgianDateTime } from '../audit/domain.ts'
import { alertRepository, type AddresseeRow, type StoredStep } from './alert-repository.ts'
import { escalationPlan } from './domain/escalation.ts'

export interface AlertInput {
  requestId: string
  associationId: string
  /** The requesting zone. */
  zoneId: string
  urgency: 'urgent' | 'planned'
  /** The partner zones newly addressed (their assistance_addressees rows exist, alerted_at set). */
  zoneIds: readonly string[]
  /** The instant the request went out. */
  at: Date
}

/** The job that wakes at an escalation step (alert-jobs.ts). */
export const ESCALATE_JOB = 'assistance.escalate'

/** The job of step `step` of one zone's alert: its key makes a second enqueue (a re-run) the same job. */
export const escalationJobKey = (requestId: string, zoneId: string, step: number) => `${requestId}:${zoneId}:${step}`

const notificationParams = (row: AddresseeRow) => ({
  zone: row.requesting_zone_name,
  place: row.place,
  from: belgianDateTime(row.start).slice(0, 16),
})

/**
 * Alerts the users of step `index` of one zone's plan: an `assistance.alert` event to each (their own streams
 * only), a notification each, the level recorded, and the next step's job enqueued. The caller holds the
 * transaction (and, in the job, the addressee row's lock).
 */
export async function alertStep(trx: Transaction<DB>, row: AddresseeRow, index: number): Promise<void> {
  const plan = row.escalation
  const step = plan[index]
  if (!step) return
  const repo = alertRepository(trx)
  await repo.setLevel(row.request_id, row.zone_id, step.level)
  await emit(
    trx,
    ...step.userIds.map((userId) => ({
      type: 'assistance.alert',
      userId,
      zoneId: row.zone_id,
      associationId: row.association_id,
      domain: 'assistance',
      payload: {
        requestId: row.request_id,
        zoneId: row.zone_id,
        requestingZoneId: row.requesting_zone_id,
        urgency: row.urgency,
        category: row.category,
        level: step.level,
      },
    })),
  )
  await notify(trx, {
    recipients: step.userIds,
    kind: 'assistance.alert',
    params: notificationParams(row),
    object: { type: 'assistance_request', id: row.request_id },
  })
  const next = plan[index + 1]
  if (next)
    await enqueue(trx, {
      kind: ESCALATE_JOB,
      runAt: new Date(next.at),
      idempotencyKey: escalationJobKey(row.request_id, row.zone_id, index + 1),
      payload: { requestId: row.request_id, zoneId: row.zone_id, step: index + 1 },
    })
}

/** Alerts the addressed zones, in the transaction that sends the request. */
export async function alertAddressees(trx: Transaction<DB>, input: AlertInput): Promise<void> {
  const repo = alertRepository(trx)
  const date = brusselsDate(input.at)
  for (const zoneId of [...new Set(input.zoneIds)]) {
    const row = await repo.addressee(input.requestId, zoneId, true)
    if (!row) throw new Error(`alertAddressees: request ${input.requestId} is not addressed to zone ${zoneId}`)
    if (input.urgency === 'planned') {
      // A planned request waits for the zone's planning: its planners and korpschef hear of it, nobody escalates.
      await notify(trx, {
        recipients: await repo.usersWithRole(zoneId, ['planner', 'korpschef']),
        kind: 'assistance.requested',
        params: notificationParams(row),
        object: { type: 'assistance_request', id: input.requestId },
      })
      continue
    }
    const timeoutMs = (await repo.escalationMinutes(input.associationId)) * 60_000
    const recipients = await repo.recipients(zoneId, input.at, date)
    const plan: StoredStep[] = escalationPlan(input.at.getTime(), recipients, timeoutMs).map((s) => ({
      level: s.level,
      userIds: s.userIds,
      at: new Date(s.at).toISOString(),
    }))
    await repo.storePlan(input.requestId, zoneId, plan, plan[0]?.level ?? null)
    await alertStep(trx, { ...row, escalation: plan }, 0)
  }
}

/** The users of a plan alerted by `at` (epoch ms): every step already due. */
export function alertedBy(plan: readonly StoredStep[], at: number): string[] {
  return [...new Set(plan.filter((s) => Date.parse(s.at) <= at).flatMap((s) => s.userIds))]
}

/** The users of a plan alerted so far, by the recorded level (the job may run late: its level is the truth). */
export function alertedSoFar(plan: readonly StoredStep[], level: string | null): string[] {
  const reached = plan.findIndex((s) => s.level === level)
  return [...new Set(plan.slice(0, reached + 1).flatMap((s) => s.userIds))]
}
