import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { splitCents } from '../../../platform/money.ts'
import { fractionText, integerWeights, keyFractions, type CostKey } from './cost-key.ts'

const key = (k: Partial<CostKey> & Pick<CostKey, 'method'>): CostKey => ({ weights: {}, inputs: {}, ...k })
const texts = (k: CostKey, parties: string[], usage?: Map<string, bigint>) =>
  [...keyFractions(k, parties, usage).fractions.values()].map(fractionText)

describe('keyFractions', () => {
  it('equal: a third each', () => {
    expect(texts(key({ method: 'equal' }), ['a', 'b', 'c'])).toEqual(['0.3333', '0.3333', '0.3333'])
  })
  it('population, fte and custom take their inputs', () => {
    const inputs = {
      a: { population: 30_000, fte: 80.5, percent: 60 },
      b: { population: 10_000, fte: 19.5, percent: 40 },
    }
    expect(texts(key({ method: 'population', inputs }), ['a', 'b'])).toEqual(['0.7500', '0.2500'])
    expect(texts(key({ method: 'fte', inputs }), ['a', 'b'])).toEqual(['0.8050', '0.1950'])
    expect(texts(key({ method: 'custom', inputs }), ['a', 'b'])).toEqual(['0.6000', '0.4000'])
  })
  it('usage hours by the borrowed time; no usage at all falls back to equal and says so', () => {
    const k = key({ method: 'usage_hours' })
    expect(
      texts(
        k,
        ['a', 'b'],
        new Map([
          ['a', 3n],
          ['b', 1n],
        ]),
      ),
    ).toEqual(['0.7500', '0.2500'])
    const none = keyFractions(k, ['a', 'b'], new Map())
    expect([...none.fractions.values()].map(fractionText)).toEqual(['0.5000', '0.5000'])
    expect(none.fellBackToEqual).toEqual(['usage_hours'])
  })
  it('mix: population 50 / fte 50 is the mean of both', () => {
    const inputs = { a: { population: 75, fte: 50 }, b: { population: 25, fte: 50 } }
    const k = key({ method: 'mix', weights: { population: 50, fte: 50 }, inputs })
    expect(texts(k, ['a', 'b'])).toEqual(['0.6250', '0.3750'])
  })
  it('a zone with weight 0 pays 0', () => {
    const k = key({ method: 'custom', inputs: { a: { percent: 100 }, b: { percent: 0 } } })
    const f = keyFractions(k, ['a', 'b']).fractions
    expect(splitCents(999_99, integerWeights([...f.values()]))).toEqual([999_99, 0])
  })
  it('a party absent on the day is not among the parties: the present carry it all', () => {
    const k = key({ method: 'custom', inputs: { a: { percent: 50 }, b: { percent: 50 } } })
    expect(texts(k, ['a'])).toEqual(['1.0000'])
  })

  const arbKey = fc.record({
    method: fc.constantFrom('equal', 'population', 'fte', 'usage_hours', 'custom', 'mix' as const),
    weights: fc.record(
      {
        equal: fc.integer({ min: 0, max: 100 }),
        population: fc.integer({ min: 0, max: 100 }),
        fte: fc.integer({ min: 0, max: 100 }),
        usage_hours: fc.integer({ min: 0, max: 100 }),
        custom: fc.integer({ min: 0, max: 100 }),
      },
      { requiredKeys: [] },
    ),
  })
  const arbInput = fc.record({
    population: fc.integer({ min: 0, max: 200_000 }),
    fte: fc.integer({ min: 0, max: 100_000 }).map((x) => x / 100),
    percent: fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100),
    usage: fc.bigInt({ min: 0n, max: 10n ** 10n }),
  })

  it('property: the fractions add up to exactly 1 and every split adds up to the cent', () => {
    fc.assert(
      fc.property(
        arbKey,
        fc.array(arbInput, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 10 ** 11 }),
        (k, zones, total) => {
          const parties = zones.map((_, i) => `z${i}`)
          const inputs = Object.fromEntries(zones.map((z, i) => [`z${i}`, z]))
          const usage = new Map(zones.map((z, i) => [`z${i}`, z.usage]))
          const { fractions } = keyFractions({ method: k.method, weights: k.weights, inputs }, parties, usage)
          const sum = [...fractions.values()].reduce((s, f) => ({ n: s.n * f.d + f.n * s.d, d: s.d * f.d }), {
            n: 0n,
            d: 1n,
          })
          expect(sum.n).toBe(sum.d)
          const parts = splitCents(total, integerWeights([...fractions.values()]))
          expect(parts.reduce((s, p) => s + p, 0)).toBe(total)
          ;[...fractions.values()].forEach((f, i) => {
            if (f.n === 0n) expect(parts[i]).toBe(0)
          })
        },
      ),
    )
  })
})
