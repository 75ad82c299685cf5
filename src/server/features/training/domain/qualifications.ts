// A qualification's state on a day (person_qualifications.valid_until, migration 0020), pure. `valid_until` is
// the last day it holds: on the day after, it is expired. Expiring: it lapses within warnDays (the zone's GPI 48
// warning horizon, the same one the reminders use).
import { Temporal } from 'temporal-polyfill'

export const QUALIFICATION_STATES = ['valid', 'expiring', 'expired', 'no_expiry'] as const
export type QualificationState = (typeof QUALIFICATION_STATES)[number]

export function qualificationState(validUntil: string | null, asOf: string, warnDays: number): QualificationState {
  if (validUntil === null) return 'no_expiry'
  if (validUntil < asOf) return 'expired'
  const horizon = Temporal.PlainDate.from(asOf).add({ days: warnDays }).toString()
  return validUntil <= horizon ? 'expiring' : 'valid'
}

/** Whether a state asks for attention (the overview lists these, the reminders notify of these). */
export const needsAttention = (state: QualificationState): boolean => state === 'expiring' || state === 'expired'
