// Whether an asset can be lent for use over a period (issue 10): the keeper's status must be 'available', and no
// validity that matters (a radar's calibration or approval, a vehicle's inspection, …) may lapse before the
// period ends — a speed radar whose calibration ran out cannot measure, a vehicle whose inspection lapsed cannot
// drive. Validities lapsing within WARNING_DAYS of a day are flagged ahead of time. Pure: plain data in, answer out.
import type { AssetStatus, ValidityKind } from '../../../platform/enums.ts'
import { addDays } from '../../../platform/time.ts'

export interface Validity {
  kind: ValidityKind
  /** The last day (Brussels, 'YYYY-MM-DD') the validity holds. */
  validUntil: string
}

export type Lendability =
  | { lendable: true }
  | { lendable: false; reason: 'status'; status: Exclude<AssetStatus, 'available'> }
  | { lendable: false; reason: 'validity'; kind: ValidityKind; validUntil: string }

/** Days ahead a lapsing validity is flagged (catalogue, reminders). */
export const WARNING_DAYS = 30

/**
 * Can the asset be lent for use up to `lastDay` (the Brussels day of the period's end, inclusive)? The first
 * reason it cannot, else lendable.
 */
export function lendability(status: AssetStatus, validities: readonly Validity[], lastDay: string): Lendability {
  if (status !== 'available') return { lendable: false, reason: 'status', status }
  const lapsed = [...validities]
    .sort((a, b) => a.validUntil.localeCompare(b.validUntil))
    .find((v) => v.validUntil < lastDay)
  return lapsed
    ? { lendable: false, reason: 'validity', kind: lapsed.kind, validUntil: lapsed.validUntil }
    : { lendable: true }
}

/** The validities that have lapsed on `day` ('expired') or lapse within WARNING_DAYS of it ('expiring'). */
export function validityFlags(
  validities: readonly Validity[],
  day: string,
  warningDays = WARNING_DAYS,
): { kind: ValidityKind; validUntil: string; state: 'expired' | 'expiring' }[] {
  const horizon = addDays(day, warningDays)
  return validities
    .filter((v) => v.validUntil <= horizon)
    .sort((a, b) => a.validUntil.localeCompare(b.validUntil))
    .map((v) => ({ kind: v.kind, validUntil: v.validUntil, state: v.validUntil < day ? 'expired' : 'expiring' }))
}
