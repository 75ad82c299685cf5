// Escalation of an urgent alert (issue 9): the alert goes at once to whoever is on duty in a partner zone (the
// officer of duty of the shared rotation, when there is one); unacknowledged, it goes after a configurable time
// to the next level (shift leader, then korpschef). A level without anyone is skipped without waiting. The plan is
// pure: the service stores it and a durable job wakes at each step's instant, so a restart loses nothing.

import { ESCALATION_LEVELS, type EscalationLevel } from '../../../platform/enums.ts'

export { ESCALATION_LEVELS, type EscalationLevel }

export interface EscalationStep {
  level: EscalationLevel
  /** The users alerted at this step (in order of the chain; duplicates of earlier steps are dropped). */
  userIds: string[]
  /** Epoch milliseconds when this step is alerted (unless the alert was acknowledged before). */
  at: number
}

/**
 * The steps of one zone's alert: level by level, the first at `createdAt`, each next one `timeoutMs` after the
 * previous non-empty step. Someone already alerted is not alerted again at a later level.
 */
export function escalationPlan(
  createdAt: number,
  recipients: Readonly<Record<EscalationLevel, readonly string[]>>,
  timeoutMs: number,
): EscalationStep[] {
  if (!(timeoutMs > 0)) throw new RangeError(`escalation timeout must be positive: ${timeoutMs}`)
  const alerted = new Set<string>()
  const steps: EscalationStep[] = []
  for (const level of ESCALATION_LEVELS) {
    const userIds = [...new Set(recipients[level])].filter((u) => !alerted.has(u))
    if (userIds.length === 0) continue
    for (const u of userIds) alerted.add(u)
    steps.push({ level, userIds, at: createdAt + steps.length * timeoutMs })
  }
  return steps
}

/** The steps due by `now`: alerted at or before it, and not after an acknowledgement (epoch ms, or null). */
export function dueSteps(
  plan: readonly EscalationStep[],
  now: number,
  acknowledgedAt: number | null,
): EscalationStep[] {
  return plan.filter((s) => s.at <= now && (acknowledgedAt === null || s.at < acknowledgedAt))
}

/** When the job must wake next: the first step after `now`, unless acknowledged; null when nothing is left. */
export function nextWake(plan: readonly EscalationStep[], now: number, acknowledgedAt: number | null): number | null {
  if (acknowledgedAt !== null) return null
  return plan.find((s) => s.at > now)?.at ?? null
}
