// Settling balances between zones with the fewest transfers (issue 9's person-hours ledger; issue 10's
// settlements reuse it). Amounts are integers (weighted minutes, or cents) and add up to zero.
//
// The fewest transfers: a set of k zones whose balances add up to zero settles among itself with k − 1
// transfers, so the minimum is (zones with a balance) − (the largest number of disjoint zero-sum groups they can
// be split into). Finding that split is a subset problem: exact by dynamic programming over subsets for up to
// EXACT_LIMIT zones with a balance (an association has a handful of zones); beyond, the usual greedy
// (largest debtor pays largest creditor), which is never more than n − 1 transfers but may miss the minimum.

export interface Transfer {
  from: string
  to: string
  amount: number
}

export const EXACT_LIMIT = 16

/** Transfers that bring every balance to zero: `from` (a negative balance) pays `to` (a positive one). */
export function settle(balances: ReadonlyMap<string, number>): Transfer[] {
  const entries = [...balances].filter(([, v]) => v !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  for (const [zone, amount] of entries)
    if (!Number.isSafeInteger(amount)) throw new RangeError(`balance of ${zone} is not an integer: ${amount}`)
  const total = entries.reduce((s, [, v]) => s + v, 0)
  if (total !== 0) throw new RangeError(`balances do not add up to zero: ${total}`)
  if (entries.length > EXACT_LIMIT) return greedy(entries)
  return zeroSumGroups(entries.map(([, v]) => v)).flatMap((group) => greedy(group.map((i) => entries[i]!)))
}

/** The largest partition into zero-sum groups, as index lists (dynamic programming over subsets). */
function zeroSumGroups(values: readonly number[]): number[][] {
  const n = values.length
  const size = 1 << n
  const sum = new Float64Array(size)
  const best = new Int8Array(size) // the most zero-sum groups the subset's members can complete
  const last = new Int8Array(size) // the member removed to reach best
  for (let mask = 1; mask < size; mask++) {
    const low = 31 - Math.clz32(mask & -mask)
    sum[mask] = sum[mask & (mask - 1)]! + values[low]!
    let top = -1
    let pick = 0
    for (let i = 0; i < n; i++) {
      if (!(mask & (1 << i))) continue
      const b = best[mask ^ (1 << i)]!
      if (b > top) {
        top = b
        pick = i
      }
    }
    best[mask] = top + (sum[mask] === 0 ? 1 : 0)
    last[mask] = pick
  }
  // Walk back: members removed after a zero-sum prefix form one group.
  const groups: number[][] = []
  let current: number[] = []
  let mask = size - 1
  while (mask) {
    if (sum[mask] === 0 && current.length > 0) {
      groups.push(current)
      current = []
    }
    const i = last[mask]!
    current.push(i)
    mask ^= 1 << i
  }
  if (current.length > 0) groups.push(current)
  return groups
}

/** Largest debtor pays largest creditor until all are even: at most (members − 1) transfers. */
function greedy(entries: ReadonlyArray<readonly [string, number]>): Transfer[] {
  const debtors = entries.filter(([, v]) => v < 0).map(([z, v]) => ({ zone: z, left: -v }))
  const creditors = entries.filter(([, v]) => v > 0).map(([z, v]) => ({ zone: z, left: v }))
  const byLeft = (a: { left: number; zone: string }, b: { left: number; zone: string }) =>
    b.left - a.left || (a.zone < b.zone ? -1 : 1)
  const transfers: Transfer[] = []
  while (debtors.length > 0 && creditors.length > 0) {
    debtors.sort(byLeft)
    creditors.sort(byLeft)
    const d = debtors[0]!
    const c = creditors[0]!
    const amount = Math.min(d.left, c.left)
    transfers.push({ from: d.zone, to: c.zone, amount })
    d.left -= amount
    c.left -= amount
    if (d.left === 0) debtors.shift()
    if (c.left === 0) creditors.shift()
  }
  return transfers
}
