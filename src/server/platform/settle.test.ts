import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EXACT_LIMIT, settle, type Transfer } from './settle.ts'

const apply = (balances: Map<string, number>, transfers: readonly Transfer[]) => {
  const after = new Map(balances)
  for (const t of transfers) {
    after.set(t.from, (after.get(t.from) ?? 0) + t.amount)
    after.set(t.to, (after.get(t.to) ?? 0) - t.amount)
  }
  return after
}

/** The fewest transfers by brute force: n − the most zero-sum groups, over every assignment to groups. */
function fewestByBruteForce(values: number[]): number {
  const nonzero = values.filter((v) => v !== 0)
  let most = 0
  const groups: number[] = []
  const place = (i: number) => {
    if (i === nonzero.length) {
      if (groups.every((g) => g === 0)) most = Math.max(most, groups.length)
      return
    }
    for (let g = 0; g < groups.length; g++) {
      groups[g]! += nonzero[i]!
      place(i + 1)
      groups[g]! -= nonzero[i]!
    }
    groups.push(nonzero[i]!)
    place(i + 1)
    groups.pop()
  }
  place(0)
  return nonzero.length - most
}

describe('settling balances', () => {
  it('pays from debtors to creditors and leaves everyone even', () => {
    const balances = new Map([
      ['A', -300],
      ['B', 100],
      ['C', 200],
      ['D', 0],
    ])
    const transfers = settle(balances)
    expect(transfers).toHaveLength(2)
    expect([...apply(balances, transfers).values()].every((v) => v === 0)).toBe(true)
  })

  it('finds the pairs that cancel instead of a chain (two transfers, not three)', () => {
    const balances = new Map([
      ['A', -50],
      ['B', 50],
      ['C', -70],
      ['D', 70],
    ])
    expect(settle(balances)).toEqual([
      { from: 'A', to: 'B', amount: 50 },
      { from: 'C', to: 'D', amount: 70 },
    ])
  })

  it('refuses balances that do not add up to zero, or are not whole', () => {
    expect(() => settle(new Map([['A', 1]]))).toThrow(RangeError)
    expect(() =>
      settle(
        new Map([
          ['A', 0.5],
          ['B', -0.5],
        ]),
      ),
    ).toThrow(RangeError)
  })

  it('nothing to settle: no transfers', () => {
    expect(settle(new Map())).toEqual([])
    expect(settle(new Map([['A', 0]]))).toEqual([])
  })

  it('uses the fewest transfers for any balances (checked by brute force), each positive', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 1, maxLength: 7 }), (raw) => {
        const values = [...raw, -raw.reduce((s, v) => s + v, 0)]
        const balances = new Map(values.map((v, i) => [`z${i}`, v]))
        const transfers = settle(balances)
        expect(transfers.every((t) => t.amount > 0 && balances.get(t.from)! < 0 && balances.get(t.to)! > 0)).toBe(true)
        expect([...apply(balances, transfers).values()].every((v) => v === 0)).toBe(true)
        expect(transfers).toHaveLength(fewestByBruteForce(values))
      }),
      { numRuns: 300 },
    )
  })

  it('beyond the exact limit still settles everyone (greedy: at most n − 1 transfers)', () => {
    const values = Array.from({ length: EXACT_LIMIT + 4 }, (_, i) => (i % 2 === 0 ? 10 + i : -(9 + i)))
    values.push(-values.reduce((s, v) => s + v, 0))
    const balances = new Map(values.map((v, i) => [`z${String(i).padStart(2, '0')}`, v]))
    const transfers = settle(balances)
    expect(transfers.length).toBeLessThanOrEqual(values.filter((v) => v !== 0).length - 1)
    expect([...apply(balances, transfers).values()].every((v) => v === 0)).toBe(true)
  })
})
