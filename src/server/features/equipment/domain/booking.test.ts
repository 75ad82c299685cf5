import { describe, expect, it } from 'vitest'
import {
  actionsFor,
  autoApproves,
  blockedPeriod,
  DEFAULT_TERMS,
  feeDays,
  isOverdue,
  periodProblem,
  termsFor,
  transition,
  type LoanTerms,
} from './booking.ts'

const H = 3_600_000
const at = (iso: string) => new Date(iso).getTime()
const now = at('2026-03-02T09:00:00Z')
const terms = (t: Partial<LoanTerms>): LoanTerms => ({ ...DEFAULT_TERMS, ...t })

describe('booking period', () => {
  it('accepts a period that ends after it starts, from up to a day ago, up to 366 days', () => {
    expect(periodProblem({ from: now, to: now + H }, now)).toBeNull()
    expect(periodProblem({ from: now - 23 * H, to: now + H }, now)).toBeNull()
    expect(periodProblem({ from: now, to: now + 366 * 24 * H }, now)).toBeNull()
  })
  it('refuses an empty or reversed period, one over a year, one starting more than a day ago', () => {
    expect(periodProblem({ from: now, to: now }, now)).toBe('BOOKING_PERIOD_INVALID')
    expect(periodProblem({ from: now + H, to: now }, now)).toBe('BOOKING_PERIOD_INVALID')
    expect(periodProblem({ from: now, to: now + 366 * 24 * H + 1 }, now)).toBe('BOOKING_PERIOD_INVALID')
    expect(periodProblem({ from: now - 25 * H, to: now + H }, now)).toBe('BOOKING_PERIOD_INVALID')
    expect(periodProblem({ from: Number.NaN, to: now + H }, now)).toBe('BOOKING_PERIOD_INVALID')
  })
  it('blocks the period plus the buffer after it', () => {
    expect(blockedPeriod({ from: now, to: now + H }, 30)).toEqual({ from: now, to: now + H + 30 * 60_000 })
    expect(blockedPeriod({ from: now, to: now + H }, 0)).toEqual({ from: now, to: now + H })
  })
})

describe('loan terms', () => {
  const all = [terms({ kind: '*', bufferMinutes: 15 }), terms({ kind: 'speed_radar', bufferMinutes: 60 })]
  it("takes the kind's own terms, else '*', else the defaults", () => {
    expect(termsFor(all, 'speed_radar').bufferMinutes).toBe(60)
    expect(termsFor(all, 'vehicle').bufferMinutes).toBe(15)
    expect(termsFor([], 'vehicle')).toEqual(DEFAULT_TERMS)
  })
  it('auto-approves only when allowed and not longer than the maximum', () => {
    const p = { from: now, to: now + 8 * H }
    expect(autoApproves(terms({ autoApprove: false }), p)).toBe(false)
    expect(autoApproves(terms({ autoApprove: true, autoApproveMaxHours: null }), p)).toBe(true)
    expect(autoApproves(terms({ autoApprove: true, autoApproveMaxHours: 8 }), p)).toBe(true)
    expect(autoApproves(terms({ autoApprove: true, autoApproveMaxHours: 7 }), p)).toBe(false)
  })
  it('counts every started day for the fee', () => {
    expect(feeDays({ from: now, to: now + H })).toBe(1)
    expect(feeDays({ from: now, to: now + 24 * H })).toBe(1)
    expect(feeDays({ from: now, to: now + 24 * H + 1 })).toBe(2)
    expect(feeDays({ from: now, to: now + 72 * H })).toBe(3)
  })
})

describe('lifecycle', () => {
  it('allows the legal steps', () => {
    expect(transition('requested', 'approve')).toBe('approved')
    expect(transition('requested', 'reject')).toBe('rejected')
    expect(transition('requested', 'cancel')).toBe('cancelled')
    expect(transition('approved', 'cancel')).toBe('cancelled')
    expect(transition('approved', 'check_out')).toBe('checked_out')
    expect(transition('checked_out', 'check_in')).toBe('returned')
  })
  it('refuses the illegal ones', () => {
    expect(transition('approved', 'approve')).toBeNull()
    expect(transition('requested', 'check_out')).toBeNull()
    expect(transition('checked_out', 'cancel')).toBeNull()
    expect(transition('returned', 'check_in')).toBeNull()
    expect(transition('cancelled', 'approve')).toBeNull()
    expect(transition('rejected', 'cancel')).toBeNull()
  })
  it('offers the keeper the decisions and handovers, the borrower only cancelling', () => {
    expect(actionsFor('requested', { keeper: true, borrower: false })).toEqual(['approve', 'reject', 'cancel'])
    expect(actionsFor('requested', { keeper: false, borrower: true })).toEqual(['cancel'])
    expect(actionsFor('approved', { keeper: true, borrower: true })).toEqual(['cancel', 'check_out'])
    expect(actionsFor('checked_out', { keeper: true, borrower: false })).toEqual(['check_in'])
    expect(actionsFor('checked_out', { keeper: false, borrower: true })).toEqual([])
    expect(actionsFor('returned', { keeper: true, borrower: true })).toEqual([])
  })
  it('calls a loan overdue when it is still out after its end', () => {
    const p = { from: now - 2 * H, to: now - H }
    expect(isOverdue('checked_out', p, now)).toBe(true)
    expect(isOverdue('returned', p, now)).toBe(false)
    expect(isOverdue('checked_out', { from: now, to: now + H }, now)).toBe(false)
  })
})
