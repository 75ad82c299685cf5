// Agreement rules as pure functions: the status lifecycle, approvals, the trial period.
import { AppError } from '../../platform/errors.ts'
import type { AgreementStatus } from '../../platform/schema.ts'
import { addMonths, dayBefore } from '../../platform/time.ts'

export interface AgreementState {
  status: AgreementStatus
  signedOn: string | null
  effectiveFrom: string | null
  effectiveTo: string | null
  partyZoneIds: readonly string[]
}

export interface ApprovalState {
  zoneId: string
  decision: 'approved' | 'rejected'
}

export type TransitionTarget = 'draft' | 'in_approval' | 'in_force' | 'ended'

/** draft ⇄ in approval → in force → ended. */
const ALLOWED: Readonly<Record<AgreementStatus, readonly TransitionTarget[]>> = {
  draft: ['in_approval'],
  in_approval: ['draft', 'in_force'],
  in_force: ['ended'],
  ended: [],
}

/** Party zones that have no approving decision yet, or have a rejection on record. */
export function zonesLackingApproval(parties: readonly string[], approvals: readonly ApprovalState[]): string[] {
  return parties.filter(
    (zone) =>
      !approvals.some((a) => a.zoneId === zone && a.decision === 'approved') ||
      approvals.some((a) => a.zoneId === zone && a.decision === 'rejected'),
  )
}

/** The dates an agreement gets when it moves to `to`; throws a catalogue error when it may not. */
export function planTransition(
  agreement: AgreementState,
  approvals: readonly ApprovalState[],
  to: TransitionTarget,
  dates: { effectiveFrom?: string | undefined; effectiveTo?: string | undefined },
): { status: TransitionTarget; effectiveFrom: string | null; effectiveTo: string | null } {
  if (!ALLOWED[agreement.status].includes(to))
    throw new AppError('AGREEMENT_INVALID_TRANSITION', { from: agreement.status, to })
  switch (to) {
    case 'draft':
    case 'in_approval':
      return { status: to, effectiveFrom: agreement.effectiveFrom, effectiveTo: agreement.effectiveTo }
    case 'in_force': {
      const missing = zonesLackingApproval(agreement.partyZoneIds, approvals)
      if (missing.length > 0) throw new AppError('AGREEMENT_APPROVALS_MISSING', { zoneIds: missing })
      const effectiveFrom = dates.effectiveFrom ?? agreement.effectiveFrom ?? agreement.signedOn
      if (!effectiveFrom)
        throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'body/effectiveFrom', rule: 'required' }] })
      const effectiveTo = dates.effectiveTo ?? agreement.effectiveTo
      assertOrder(effectiveFrom, effectiveTo)
      return { status: to, effectiveFrom, effectiveTo }
    }
    case 'ended': {
      const effectiveTo = dates.effectiveTo
      if (!effectiveTo)
        throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'body/effectiveTo', rule: 'required' }] })
      assertOrder(agreement.effectiveFrom, effectiveTo)
      return { status: to, effectiveFrom: agreement.effectiveFrom, effectiveTo }
    }
  }
}

function assertOrder(from: string | null, to: string | null): void {
  if (from && to && to < from) throw new AppError('AGREEMENT_DATES_INVALID', { effectiveFrom: from, effectiveTo: to })
}

/** Last day of the trial period: N months from the start, minus one day (WVL4: 2018-02-02 + 12 → 2019-02-01). */
export function trialEndsOn(effectiveFrom: string | null, trialMonths: number | null): string | null {
  if (!effectiveFrom || !trialMonths) return null
  return dayBefore(addMonths(effectiveFrom, trialMonths))
}

/** In force on `date`: the status says so and the date lies in the effective period. */
export function inForceOn(a: Pick<AgreementState, 'status' | 'effectiveFrom' | 'effectiveTo'>, date: string): boolean {
  return (
    (a.status === 'in_force' || a.status === 'ended') &&
    a.effectiveFrom !== null &&
    a.effectiveFrom <= date &&
    (a.effectiveTo === null || a.effectiveTo >= date)
  )
}

/** Parties: at least two distinct zones, all members of the association. */
export function assertParties(partyZoneIds: readonly string[], memberZoneIds: readonly string[]): void {
  const distinct = new Set(partyZoneIds)
  const outsiders = [...distinct].filter((z) => !memberZoneIds.includes(z))
  if (distinct.size < 2 || outsiders.length > 0) throw new AppError('AGREEMENT_PARTIES_INVALID', { outsiders })
}
