// The rules of a booking (issue 10), pure: the period a booking blocks (its period plus the buffer of the loan
// terms after it), which loan terms apply to an asset kind, whether a partner's booking is approved without the
// keeper, the lifecycle (which step is legal in which status, and who may take it), the loan fee's started days,
// and when a loan is overdue. Instants are epoch milliseconds; no clock, no database.
import type { AssetKind, BookingStatus, LoanTermKind } from '../../../platform/enums.ts'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
/** A booking lasts at most this long (a year, leap years included). */
export const MAX_BOOKING_DAYS = 366
/** `from` may lie this far in the past (a booking recorded just after the fact, e.g. the morning after). */
export const MAX_PAST_MS = DAY

export interface Period {
  from: number
  to: number
}

export interface LoanTerms {
  kind: LoanTermKind
  autoApprove: boolean
  /** Null: any length. */
  autoApproveMaxHours: number | null
  bufferMinutes: number
  feeCentsPerDay: number
}

/** No terms set for a kind: the keeper decides every request, no buffer, no fee. */
export const DEFAULT_TERMS: LoanTerms = {
  kind: '*',
  autoApprove: false,
  autoApproveMaxHours: null,
  bufferMinutes: 0,
  feeCentsPerDay: 0,
}

/** Why a period cannot be booked, or null: the end after the start, at most a year, not more than a day ago. */
export function periodProblem(p: Period, now: number): 'BOOKING_PERIOD_INVALID' | null {
  if (!Number.isFinite(p.from) || !Number.isFinite(p.to)) return 'BOOKING_PERIOD_INVALID'
  if (p.to <= p.from) return 'BOOKING_PERIOD_INVALID'
  if (p.to - p.from > MAX_BOOKING_DAYS * DAY) return 'BOOKING_PERIOD_INVALID'
  if (p.from < now - MAX_PAST_MS) return 'BOOKING_PERIOD_INVALID'
  return null
}

/** The period a booking keeps free of others: `[from, to + buffer)`. */
export const blockedPeriod = (p: Period, bufferMinutes: number): Period => ({
  from: p.from,
  to: p.to + bufferMinutes * MINUTE,
})

/** The terms for an asset kind: the kind's own, else the agreement's '*', else the defaults. */
export function termsFor(terms: readonly LoanTerms[], kind: AssetKind): LoanTerms {
  return terms.find((t) => t.kind === kind) ?? terms.find((t) => t.kind === '*') ?? DEFAULT_TERMS
}

/** A partner's booking is approved at once when the terms allow it and the period is not longer than their max. */
export function autoApproves(terms: LoanTerms, p: Period): boolean {
  if (!terms.autoApprove) return false
  return terms.autoApproveMaxHours === null || p.to - p.from <= terms.autoApproveMaxHours * HOUR
}

/** The loan fee's days: every started 24 hours of the period counts as a day. */
export const feeDays = (p: Period): number => Math.max(1, Math.ceil((p.to - p.from) / DAY))

export const BOOKING_ACTIONS = ['approve', 'reject', 'cancel', 'check_out', 'check_in'] as const
export type BookingAction = (typeof BOOKING_ACTIONS)[number]

/** The lifecycle: from which statuses an action is legal, and the status it leads to. */
export const LIFECYCLE: Record<BookingAction, { from: readonly BookingStatus[]; to: BookingStatus }> = {
  approve: { from: ['requested'], to: 'approved' },
  reject: { from: ['requested'], to: 'rejected' },
  cancel: { from: ['requested', 'approved'], to: 'cancelled' },
  check_out: { from: ['approved'], to: 'checked_out' },
  check_in: { from: ['checked_out'], to: 'returned' },
}

/** The status an action leads to, or null when it is not legal in `status`. */
export function transition(status: BookingStatus, action: BookingAction): BookingStatus | null {
  const step = LIFECYCLE[action]
  return step.from.includes(status) ? step.to : null
}

/** What the caller holds for one booking: the keeper's approve rule, the borrower's book rule. */
export interface ActorStanding {
  keeper: boolean
  borrower: boolean
}

/** The actions the caller may take now: the keeper decides and hands over; both sides may cancel. */
export function actionsFor(status: BookingStatus, standing: ActorStanding): BookingAction[] {
  return BOOKING_ACTIONS.filter((action) => {
    if (transition(status, action) === null) return false
    if (action === 'cancel') return standing.keeper || standing.borrower
    return standing.keeper
  })
}

/** A loan is overdue when it is still out after its end. */
export const isOverdue = (status: BookingStatus, p: Period, now: number): boolean =>
  status === 'checked_out' && p.to <= now
