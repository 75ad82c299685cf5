import { describe, expect, it } from 'vitest'
import { fieldsUsed, hundredths, keyProblems, normalisedInputs, partiesDuring, type KeyDraft } from './key-input.ts'

const A = 'a0000000-0000-4000-8000-000000000001'
const B = 'b0000000-0000-4000-8000-000000000002'
const C = 'c0000000-0000-4000-8000-000000000003'
const parties = [A, B]
const key = (k: Partial<KeyDraft>): KeyDraft => ({ method: 'equal', weights: {}, inputs: {}, ...k })
const check = (k: Partial<KeyDraft>, zones = parties) => keyProblems(key(k), zones, [A, B, C])

describe('cost key inputs', () => {
  it('accepts equal and usage_hours without inputs, and refuses weights outside a mix', () => {
    expect(check({ method: 'equal' })).toEqual([])
    expect(check({ method: 'usage_hours' })).toEqual([])
    expect(check({ method: 'equal', weights: { population: 1 } })).toEqual([
      { field: 'weights', problem: 'weights_not_allowed' },
    ])
  })

  it('needs a population for every party, whole and not negative', () => {
    expect(check({ method: 'population', inputs: { [A]: { population: 4000 }, [B]: { population: 0 } } })).toEqual([])
    expect(check({ method: 'population', inputs: { [A]: { population: 4000 } } })).toEqual([
      { field: 'population', problem: 'missing', zoneId: B },
    ])
    expect(check({ method: 'population', inputs: { [A]: { population: 1.5 }, [B]: { population: 2 } } })).toEqual([
      { field: 'population', problem: 'not_an_integer', zoneId: A },
    ])
    expect(check({ method: 'population', inputs: { [A]: { population: -1 }, [B]: { population: 2 } } })).toEqual([
      { field: 'population', problem: 'negative', zoneId: A },
    ])
  })

  it('allows a zero-weight zone but not a key where every zone weighs nothing', () => {
    expect(check({ method: 'fte', inputs: { [A]: { fte: 0 }, [B]: { fte: 12.5 } } })).toEqual([])
    expect(check({ method: 'fte', inputs: { [A]: { fte: 0 }, [B]: { fte: 0 } } })).toEqual([
      { field: 'fte', problem: 'all_zero' },
    ])
  })

  it('takes fte and percent with at most two decimals', () => {
    expect(check({ method: 'fte', inputs: { [A]: { fte: 10.25 }, [B]: { fte: 3.125 } } })).toEqual([
      { field: 'fte', problem: 'too_many_decimals', zoneId: B },
    ])
    expect(hundredths(33.33)).toBe(3333)
    expect(hundredths(0.1 + 0.2)).toBe(30)
    expect(hundredths(1.005)).toBeNull()
  })

  it('needs custom percents that add up to exactly 100', () => {
    expect(check({ method: 'custom', inputs: { [A]: { percent: 66.67 }, [B]: { percent: 33.33 } } })).toEqual([])
    expect(check({ method: 'custom', inputs: { [A]: { percent: 100 }, [B]: { percent: 0 } } })).toEqual([])
    expect(check({ method: 'custom', inputs: { [A]: { percent: 66.66 }, [B]: { percent: 33.33 } } })).toEqual([
      { field: 'percent', problem: 'percent_sum', sumHundredths: 9999 },
    ])
    expect(check({ method: 'custom', inputs: { [A]: { percent: 50 } } })).toEqual([
      { field: 'percent', problem: 'missing', zoneId: B },
    ])
  })

  it('checks a mix: known methods, weights ≥ 0 with one > 0, and the inputs of the weighted methods only', () => {
    const inputs = { [A]: { population: 4000 }, [B]: { population: 9000 } }
    expect(check({ method: 'mix', weights: { population: 50, equal: 50 }, inputs })).toEqual([])
    // fte weighs 0: its inputs are not needed
    expect(check({ method: 'mix', weights: { population: 50, fte: 0 }, inputs })).toEqual([])
    expect(check({ method: 'mix', weights: { population: 50, fte: 50 }, inputs })).toEqual([
      { field: 'fte', problem: 'missing', zoneId: A },
      { field: 'fte', problem: 'missing', zoneId: B },
    ])
    expect(check({ method: 'mix', weights: { mix: 1, population: -2 }, inputs })).toEqual([
      { field: 'weights', problem: 'unknown_weight', method: 'mix' },
      { field: 'weights', problem: 'negative_weight', method: 'population' },
    ])
    expect(check({ method: 'mix', weights: { equal: 0 } })).toEqual([
      { field: 'weights', problem: 'no_positive_weight' },
    ])
    expect(check({ method: 'mix', weights: {} })).toEqual([{ field: 'weights', problem: 'no_positive_weight' }])
    expect(fieldsUsed({ method: 'mix', weights: { custom: 1, fte: 2 } })).toEqual(['fte', 'percent'])
  })

  it('refuses inputs of a zone that is not a party, and only asks inputs of the parties in the period', () => {
    expect(keyProblems(key({ inputs: { x: { population: 1 } } }), parties, parties)).toEqual([
      { field: 'inputs', problem: 'not_a_party', zoneId: 'x' },
    ])
    // C is a party of the investment, but not during this version: its inputs are not needed (nor refused)
    expect(check({ method: 'population', inputs: { [A]: { population: 1 }, [B]: { population: 2 } } }, [A, B])).toEqual(
      [],
    )
    expect(check({ method: 'unknown' as KeyDraft['method'] })).toEqual([{ field: 'method', problem: 'unknown_method' }])
  })

  it('finds the parties of a period, a zone joining mid-year and one that left', () => {
    const periods = [
      { zoneId: A, joinedOn: '2024-01-01', leftOn: null },
      { zoneId: B, joinedOn: '2026-07-01', leftOn: null },
      { zoneId: C, joinedOn: '2024-01-01', leftOn: '2025-01-01' },
    ]
    expect(partiesDuring(periods, '2025-01-01', '2026-07-01')).toEqual([A])
    expect(partiesDuring(periods, '2024-06-01', '2026-07-02')).toEqual([A, B, C])
    expect(partiesDuring(periods, '2026-01-01', null)).toEqual([A, B])
  })

  it('stores the inputs sorted by zone with the given fields only', () => {
    expect(Object.keys(normalisedInputs({ [B]: { fte: 1 }, [A]: { population: 2 } }))).toEqual([A, B])
  })
})
