import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatEuros, largestRemainder, splitCents } from './money.ts'

describe('splitCents', () => {
  it('splits 100 cents in three: the earlier part takes the leftover cent', () => {
    expect(splitCents(100, [1n, 1n, 1n])).toEqual([34, 33, 33])
  })
  it('gives the largest remainder the cent, and a zero weight nothing', () => {
    expect(splitCents(10, [2n, 0n, 1n])).toEqual([7, 0, 3])
  })
  it('refuses weights that are all zero or negative', () => {
    expect(() => splitCents(10, [0n, 0n])).toThrow(RangeError)
    expect(() => splitCents(10, [-1n, 2n])).toThrow(RangeError)
  })
  it('property: the parts add up exactly, each within a cent of its exact share, zero weights get zero', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000_000 }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0n))
          const parts = splitCents(total, weights)
          expect(parts.reduce((s, p) => s + p, 0)).toBe(total)
          const sum = weights.reduce((s, w) => s + w, 0n)
          parts.forEach((p, i) => {
            const exact = Number(weights[i]!) * (total / Number(sum))
            expect(Math.abs(p - exact)).toBeLessThan(1.0001)
            if (weights[i] === 0n) expect(p).toBe(0)
          })
        },
      ),
    )
  })
  it('largestRemainder reaches any target, also for negative numerators', () => {
    expect(largestRemainder([-5n, 5n], 3n, 0n)).toEqual([-2, 2])
  })
})

describe('formatEuros', () => {
  it('writes cents the Belgian way', () => {
    expect(formatEuros(18_425_000)).toBe('184.250,00 €')
    expect(formatEuros(123_456)).toBe('1.234,56 €')
    expect(formatEuros(5)).toBe('0,05 €')
    expect(formatEuros(-100_000_001)).toBe('-1.000.000,01 €')
  })
})
