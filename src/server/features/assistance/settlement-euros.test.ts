// Weighted minutes to cents: exact sums whatever the rounding (a settlement never creates or loses a cent).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { balanceCents, transferCents } from './settlement-euros.ts'

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0)

describe('settlement in euros', () => {
  it('converts whole hours exactly', () => {
    expect(transferCents([60, 120, 90], 6500)).toEqual([6500, 13000, 9750])
  })
  it('hands the cents lost to rounding to the largest remainders', () => {
    // 1 minute at 100 cents/hour = 1.666… cents each; total 5 cents
    expect(transferCents([1, 1, 1], 100)).toEqual([2, 2, 1])
    expect(sum(transferCents([1, 1, 1], 100))).toBe(5)
  })
  it('keeps zone balances summing to zero', () => {
    expect(balanceCents([1, 1, -2], 100)).toEqual([2, 2, -4])
  })
  it('transfers add up to the rounded total, each within a cent of its exact value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10_000_000 }), { maxLength: 20 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        (minutes, rate) => {
          const cents = transferCents(minutes, rate)
          expect(sum(cents)).toBe(Math.round((sum(minutes) * rate) / 60))
          cents.forEach((c, i) => expect(Math.abs(c - (minutes[i]! * rate) / 60)).toBeLessThan(1))
        },
      ),
    )
  })
  it('balances summing to zero stay at zero in cents, each within a cent', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -10_000_000, max: 10_000_000 }), { maxLength: 20 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        (xs, rate) => {
          const balances = [...xs, -sum(xs)]
          const cents = balanceCents(balances, rate)
          expect(sum(cents)).toBe(0)
          cents.forEach((c, i) => expect(Math.abs(c - (balances[i]! * rate) / 60)).toBeLessThan(1))
        },
      ),
    )
  })
})
