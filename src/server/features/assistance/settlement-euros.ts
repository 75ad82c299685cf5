// Weighted minutes to euro cents for a settlement in euros (issue 9): an exact fraction (minutes × the hourly
// rate in cents / 60) per amount, floored, and the cents the flooring lost handed out one by one to the largest
// remainders (ties: the earlier amount), so the rounded amounts add up exactly to the rounded total — a
// settlement never creates or loses a cent. BigInt keeps the products exact whatever the sizes (platform/money.ts).
import { largestRemainder } from '../../platform/money.ts'

/** Half away from zero of n / d (d > 0). */
const roundDiv = (n: bigint, d: bigint): bigint => (n >= 0n ? (2n * n + d) / (2n * d) : -((-2n * n + d) / (2n * d)))

/** Cents of positive transfers of weighted minutes; they add up to the total's cents, rounded. */
export function transferCents(minutes: readonly number[], hourlyRateCents: number): number[] {
  const rate = BigInt(hourlyRateCents)
  const numerators = minutes.map((m) => BigInt(m) * rate)
  return largestRemainder(
    numerators,
    60n,
    roundDiv(
      numerators.reduce((s, n) => s + n, 0n),
      60n,
    ),
  )
}

/** Cents of zone balances that add up to zero (so do the results). */
export function balanceCents(minutes: readonly number[], hourlyRateCents: number): number[] {
  const rate = BigInt(hourlyRateCents)
  return largestRemainder(
    minutes.map((m) => BigInt(m) * rate),
    60n,
    0n,
  )
}
