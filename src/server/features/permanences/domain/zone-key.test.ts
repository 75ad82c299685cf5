import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { apportion, zoneShares, zoneTargets } from './zone-key.ts'

const zones = [
  { id: 'vlas', fte: 420, population: 120_000 },
  { id: 'westkust', fte: 160, population: 60_000 },
  { id: 'polder', fte: 90, population: 45_000 },
  { id: 'riho', fte: 188, population: 100_000 },
]

describe('zone key', () => {
  it('splits equally, by FTE, by population or by custom weights', () => {
    expect(zoneShares({ kind: 'equal' }, zones)).toEqual([0.25, 0.25, 0.25, 0.25])
    expect(zoneShares({ kind: 'fte' }, zones)[0]).toBeCloseTo(420 / 858)
    expect(zoneShares({ kind: 'population' }, zones)[2]).toBeCloseTo(45 / 325)
    expect(zoneShares({ kind: 'custom', weights: { vlas: 2, riho: 1 } }, zones)).toEqual([2 / 3, 0, 0, 1 / 3])
    expect(zoneShares({ kind: 'fte' }, [{ id: 'a' }, { id: 'b' }])).toEqual([0.5, 0.5])
  })

  it('gives integer targets that add up exactly (largest remainder)', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3])
    expect(apportion(365, [420, 160, 90, 188])).toEqual([179, 68, 38, 80])
    const targets = zoneTargets(1000, { kind: 'equal' }, zones)
    expect([...targets.values()]).toEqual([250, 250, 250, 250])
  })

  it('property: targets sum to the total and stay within one unit of the exact quota', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          const result = apportion(total, weights)
          expect(result.reduce((a, b) => a + b, 0)).toBe(total)
          const sum = weights.reduce((a, b) => a + b, 0)
          result.forEach((value, i) => {
            expect(Number.isInteger(value)).toBe(true)
            const quota = sum === 0 ? total / weights.length : (total * (weights[i] ?? 0)) / sum
            expect(value).toBeGreaterThanOrEqual(Math.floor(quota) - 1e-9)
            expect(value).toBeLessThanOrEqual(Math.ceil(quota) + 1e-9)
          })
        },
      ),
    )
  })

  it('property: a zone never loses when the total grows by one (no Alabama paradox for ≤ 2 zones)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        (total, a, b) => {
          const before = apportion(total, [a, b])
          const after = apportion(total + 1, [a, b])
          expect(after[0]).toBeGreaterThanOrEqual(before[0] ?? 0)
          expect(after[1]).toBeGreaterThanOrEqual(before[1] ?? 0)
        },
      ),
    )
  })
})
