import fc from 'fast-check'
import { Temporal } from 'temporal-polyfill'
import { describe, expect, it } from 'vitest'
import { depreciationBetween, lifeEnd, type Depreciable } from './depreciation.ts'

const arbInvestment = fc.record({
  amountCents: fc.integer({ min: 0, max: 10_000_000_000 }),
  purchasedOn: fc
    .integer({ min: 0, max: 3650 })
    .map((d) => Temporal.PlainDate.from('2018-01-01').add({ days: d }).toString()),
  months: fc.integer({ min: 1, max: 120 }),
})

describe('depreciationBetween', () => {
  it('spreads 12.000,00 € over 12 months: a calendar year after a purchase on 1 January is the whole amount', () => {
    const inv = { amountCents: 1_200_000, purchasedOn: '2025-01-01', months: 12 }
    expect(depreciationBetween(inv, '2025-01-01', '2026-01-01')).toBe(1_200_000)
    expect(depreciationBetween(inv, '2025-01-01', '2025-02-01')).toBe(100_000)
    expect(depreciationBetween(inv, '2024-01-01', '2025-01-01')).toBe(0)
    expect(depreciationBetween(inv, '2026-01-01', '2027-01-01')).toBe(0)
  })

  it('takes a part of a month by its days: April (100,00 €) over 30 days, the first 10 days a cent more', () => {
    const inv = { amountCents: 120_000, purchasedOn: '2025-04-01', months: 12 }
    expect(depreciationBetween(inv, '2025-04-01', '2025-04-16')).toBe(15 * 333 + 10)
    expect(depreciationBetween(inv, '2025-04-16', '2025-05-01')).toBe(15 * 333)
  })

  it('gives the leftover cents to the earlier months', () => {
    const inv = { amountCents: 100, purchasedOn: '2025-01-01', months: 3 }
    expect(depreciationBetween(inv, '2025-01-01', '2025-02-01')).toBe(34)
    expect(depreciationBetween(inv, '2025-02-01', '2025-03-01')).toBe(33)
    expect(depreciationBetween(inv, '2025-03-01', '2025-04-01')).toBe(33)
  })

  it('handles a purchase on the 31st (clamped month starts)', () => {
    const inv = { amountCents: 1_000_001, purchasedOn: '2024-01-31', months: 13 }
    expect(lifeEnd(inv)).toBe('2025-02-28')
    expect(depreciationBetween(inv, '2024-01-01', '2026-01-01')).toBe(1_000_001)
  })

  it('property: over the whole life the depreciation sums exactly to the amount', () => {
    fc.assert(
      fc.property(arbInvestment, (inv: Depreciable) => {
        expect(depreciationBetween(inv, inv.purchasedOn, lifeEnd(inv))).toBe(inv.amountCents)
        expect(depreciationBetween(inv, '2000-01-01', '2100-01-01')).toBe(inv.amountCents)
      }),
    )
  })

  it('property: periods split anywhere add up (calendar years, random cuts)', () => {
    fc.assert(
      fc.property(arbInvestment, fc.array(fc.integer({ min: 0, max: 6000 }), { maxLength: 6 }), (inv, cuts) => {
        const points = [
          '2017-01-01',
          ...cuts.map((d) => Temporal.PlainDate.from('2017-01-01').add({ days: d }).toString()).sort(),
          '2040-01-01',
        ]
        let sum = 0
        for (let i = 0; i + 1 < points.length; i++) {
          const part = depreciationBetween(inv, points[i]!, points[i + 1]!)
          expect(part).toBeGreaterThanOrEqual(0)
          sum += part
        }
        expect(sum).toBe(inv.amountCents)
      }),
    )
  })
})
