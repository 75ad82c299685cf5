// Money in integer cents (issues 9 and 10): dividing an amount into parts that add up exactly. Each part is an
// exact fraction (BigInt: no float drift whatever the sizes), floored, and the cents the flooring lost are handed
// out one by one to the largest remainders (ties: the earlier part), so the parts always add up to the target —
// a split never creates or loses a cent, and the same inputs always give the same parts.

/** Amounts of `numerators / denominator`, rounded so they add up to exactly `target`. */
export function largestRemainder(numerators: readonly bigint[], denominator: bigint, target: bigint): number[] {
  if (denominator <= 0n) throw new RangeError('largestRemainder: the denominator must be positive')
  const floorDiv = (n: bigint) => (n >= 0n ? n / denominator : -((-n + denominator - 1n) / denominator))
  const floors = numerators.map(floorDiv)
  const remainders = numerators.map((n, i) => n - floors[i]! * denominator)
  let missing = target - floors.reduce((s, f) => s + f, 0n)
  const order = remainders.map((r, i) => ({ r, i })).sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1))
  const result = [...floors]
  for (const { i } of order) {
    if (missing <= 0n) break
    result[i] = result[i]! + 1n
    missing -= 1n
  }
  return result.map(Number)
}

/**
 * `totalCents` divided in proportion to `weights` (integers ≥ 0, not all zero): parts that add up exactly to the
 * total. A weight of 0 gets 0: the cents lost to flooring are fewer than the parts with a remainder, and a zero
 * weight has none.
 */
export function splitCents(totalCents: number, weights: readonly bigint[]): number[] {
  if (!Number.isSafeInteger(totalCents)) throw new RangeError(`splitCents: not a whole number of cents: ${totalCents}`)
  const sum = weights.reduce((s, w) => s + w, 0n)
  if (weights.some((w) => w < 0n) || sum === 0n) throw new RangeError('splitCents: weights must be ≥ 0, not all 0')
  const total = BigInt(totalCents)
  return largestRemainder(
    weights.map((w) => w * total),
    sum,
    total,
  )
}

/**
 * Cents the Belgian way, for statements a finance department files: 123456 → '1.234,56 €', −5 → '-0,05 €'
 * (the same in nl, fr and en statements: one notation on every page of an association's settlement).
 */
export function formatEuros(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.')
  return `${sign}${whole},${String(abs % 100).padStart(2, '0')} €`
}
