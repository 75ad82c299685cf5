// The convex terms of the integer program's objective (ilp.ts) and the lines that bound them: tangents, valid
// everywhere, and secants between neighbouring values a load can take, exact at every such value.

/** A convex term weight × f(v) of the objective, kept by lines t ≥ value + slope × (v − at). */
export interface Term {
  t: string
  v: string
  weight: number
  f: (v: number) => number
  initial: Array<[slope: number, at: number, value: number]>
  /** The lines that make the bound exact at v. */
  at: (v: number) => Array<[slope: number, at: number, value: number]>
}

export function tangentTerm(v: string, weight: number, grid: readonly number[]): Term {
  const tangent = (c: number): [number, number, number] => [2 * c, c, c * c]
  return { t: `t${v}`, v, weight, f: (x) => x * x, initial: grid.map(tangent), at: (x) => [tangent(x)] }
}

/** The values a load can take, sorted, or a step from an origin (all multiples: a superset is safe). */
export type Grid = number[] | { origin: number; step: number }

export const arithmetic = (origin: number, step: number): Grid => ({ origin, step: Math.max(1, step) })

/** f on a grid of values: secants between neighbours, `around` the expected value first. */
export function gridTerm(
  v: string,
  f: (x: number) => number,
  grid: Grid,
  expected: number,
  count: number,
  far: readonly number[],
): Term {
  const secant = (a: number, b: number): [number, number, number] => [(f(b) - f(a)) / (b - a), a, f(a)]
  // The neighbours of x on the grid: the last value ≤ x and the first value > x.
  const around = (x: number): [number, number] => {
    if (!Array.isArray(grid)) {
      const k = Math.floor((x - grid.origin) / grid.step + 1e-9)
      return [grid.origin + k * grid.step, grid.origin + (k + 1) * grid.step]
    }
    let lo = 0
    let hi = grid.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((grid[mid] ?? 0) <= x + 1e-6) lo = mid
      else hi = mid - 1
    }
    return [grid[lo] ?? 0, grid[lo + 1] ?? (grid[lo] ?? 0) + 1]
  }
  const points: number[] = []
  if (Array.isArray(grid)) {
    const i = Math.max(0, grid.indexOf(around(expected)[0]))
    points.push(...grid.slice(Math.max(0, i - count), i + count + 1))
  } else {
    const [lo] = around(expected)
    for (let k = -count; k <= count; k++) points.push(lo + k * grid.step)
  }
  const initial = points.slice(1).map((b, i) => secant(points[i] ?? b - 1, b))
  // Far from the expected value, tangents (valid everywhere) keep the bound from falling off linearly.
  const tangent = (c: number): [number, number, number] => [f(c + 0.5) - f(c - 0.5), c, f(c)]
  for (const c of far) initial.push(tangent(c))
  return {
    t: `t${v}`,
    v,
    weight: 1,
    f,
    initial,
    at: (x) => {
      const [lo, hi] = around(x)
      const [below] = around(lo - 1e-3)
      return below < lo ? [secant(lo, hi), secant(below, lo)] : [secant(lo, hi)]
    },
  }
}

/** Every sum of a sub-multiset of `loads`, plus `base`, sorted (few distinct loads: counts, not subsets). */
export function subsetSums(base: number, loads: readonly number[]): Grid {
  const counts = new Map<number, number>()
  for (const l of loads) counts.set(l, (counts.get(l) ?? 0) + 1)
  let sums = new Set([base])
  for (const [load, n] of counts) {
    const next = new Set<number>()
    for (const s of sums) for (let k = 0; k <= n; k++) next.add(s + k * load)
    sums = next
    if (sums.size > 50_000) return arithmetic(base, gcd(loads))
  }
  return [...sums].sort((x, y) => x - y)
}

export function gcd(values: readonly number[]): number {
  let g = 0
  for (const v of values) {
    let a = Math.abs(Math.round(v))
    let b = g
    while (b) [a, b] = [b, a % b]
    g = a
  }
  return g
}
