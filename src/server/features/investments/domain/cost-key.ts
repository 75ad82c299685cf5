// The cost key of a joint investment (issue 10): how a cost is divided among the zones that are party to it on a
// day. Pure and exact: every fraction is a ratio of BigInts, so a mix of methods never drifts by a float, and
// splitting cents (platform/money.ts) by these fractions adds up to the cent.
//
// Methods (the key format agreed with the investments part, migration 0019):
//   equal        every party the same
//   population   by `inputs[zone].population` (inhabitants, as agreed in the key)
//   fte          by `inputs[zone].fte` (two decimals)
//   custom       by `inputs[zone].percent` (two decimals; the parties' percents add up to 100)
//   usage_hours  by the hours the party borrowed the investment's assets in the part of the period settled
//   mix          `weights` (relative) of the methods above, each method's fractions computed as above
// A method whose inputs are all zero among the parties present (nobody borrowed the radar this year, no
// population filled in) falls back to equal for that part: someone must carry the cost, and equal is the
// neutral choice; the settlement says so in a note. A party that is absent on a day (joined later, left) is
// not among `parties` for that day: the others carry the whole cost then.
import type { CostKeyMethod } from '../../../platform/enums.ts'

export type BaseMethod = Exclude<CostKeyMethod, 'mix'>
export const BASE_METHODS: readonly BaseMethod[] = ['equal', 'population', 'fte', 'usage_hours', 'custom']

export interface KeyInput {
  population?: number | null
  fte?: number | null
  percent?: number | null
}

export interface CostKey {
  method: CostKeyMethod
  /** Only for mix: relative weights of the base methods. */
  weights: Partial<Record<BaseMethod, number>>
  /** Per zone id. */
  inputs: Readonly<Record<string, KeyInput>>
}

/** An exact fraction n/d, d > 0, reduced. */
export interface Fraction {
  n: bigint
  d: bigint
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a
  let y = b < 0n ? -b : b
  while (y !== 0n) [x, y] = [y, x % y]
  return x
}
export const fraction = (n: bigint, d: bigint): Fraction => {
  if (d === 0n) throw new RangeError('fraction: zero denominator')
  const g = gcd(n, d) || 1n
  const sign = d < 0n ? -1n : 1n
  return { n: (sign * n) / g, d: (sign * d) / g }
}
const add = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.d + b.n * a.d, a.d * b.d)
const mul = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.n, a.d * b.d)
const ZERO: Fraction = { n: 0n, d: 1n }

/** A number with at most two decimals (fte, percent, mix weights) as hundredths; negative and NaN count as 0. */
export const hundredths = (value: number | null | undefined): bigint =>
  value === null || value === undefined || !Number.isFinite(value) || value <= 0 ? 0n : BigInt(Math.round(value * 100))

/** Each party's raw weight under a base method (integers; their ratios are the method's fractions). */
function rawWeights(
  method: BaseMethod,
  key: CostKey,
  parties: readonly string[],
  usage: ReadonlyMap<string, bigint>,
): bigint[] {
  return parties.map((zone) => {
    const input = key.inputs[zone] ?? {}
    switch (method) {
      case 'equal':
        return 1n
      case 'population':
        return hundredths(input.population)
      case 'fte':
        return hundredths(input.fte)
      case 'custom':
        return hundredths(input.percent)
      case 'usage_hours':
        return usage.get(zone) ?? 0n
    }
  })
}

export interface KeyOutcome {
  /** Per party (in the order given): its exact fraction; they add up to exactly 1. */
  fractions: Map<string, Fraction>
  /** The base methods whose inputs were all zero among these parties (equal was used instead). */
  fellBackToEqual: BaseMethod[]
}

/** One base method's fractions among the parties (equal when its inputs are all zero). */
function methodFractions(
  method: BaseMethod,
  key: CostKey,
  parties: readonly string[],
  usage: ReadonlyMap<string, bigint>,
  fallbacks: BaseMethod[],
): Fraction[] {
  let raw = rawWeights(method, key, parties, usage)
  let total = raw.reduce((s, w) => s + w, 0n)
  if (total === 0n) {
    fallbacks.push(method)
    raw = parties.map(() => 1n)
    total = BigInt(parties.length)
  }
  return raw.map((w) => fraction(w, total))
}

/**
 * The exact fraction of each party of `key` (parties: the zones party on the day or the part of the period
 * considered; usage: per zone, the borrowed time in any one unit, e.g. minutes, over that part).
 */
export function keyFractions(
  key: CostKey,
  parties: readonly string[],
  usage: ReadonlyMap<string, bigint> = new Map(),
): KeyOutcome {
  if (parties.length === 0) throw new RangeError('keyFractions: no parties')
  const fallbacks: BaseMethod[] = []
  let result: Fraction[]
  if (key.method !== 'mix') {
    result = methodFractions(key.method, key, parties, usage, fallbacks)
  } else {
    const mixed = BASE_METHODS.map((m) => [m, hundredths(key.weights[m])] as const).filter(([, w]) => w > 0n)
    const totalWeight = mixed.reduce((s, [, w]) => s + w, 0n)
    if (totalWeight === 0n) {
      fallbacks.push('equal')
      result = methodFractions('equal', key, parties, usage, [])
    } else {
      result = parties.map(() => ZERO)
      for (const [method, weight] of mixed) {
        const share = fraction(weight, totalWeight)
        methodFractions(method, key, parties, usage, fallbacks).forEach((f, i) => {
          result[i] = add(result[i]!, mul(share, f))
        })
      }
    }
  }
  return { fractions: new Map(parties.map((zone, i) => [zone, result[i]!])), fellBackToEqual: fallbacks }
}

/** Integer weights with exactly the ratios of `fractions` (over their common denominator), for splitCents. */
export function integerWeights(fractions: readonly Fraction[]): bigint[] {
  const common = fractions.reduce((l, f) => (l / gcd(l, f.d)) * f.d, 1n)
  return fractions.map((f) => (f.n * common) / f.d)
}

/** A fraction as a decimal string with four places, rounded half up: 4321/10000 → '0.4321'. */
export function fractionText(f: Fraction): string {
  const scaled = (f.n * 10_000n * 2n + f.d) / (2n * f.d)
  const whole = scaled / 10_000n
  return `${whole}.${String(scaled % 10_000n).padStart(4, '0')}`
}
