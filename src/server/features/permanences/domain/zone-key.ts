// The zone key (verdeelsleutel of a rotation): each zone's share of the weighted load, and integer
// targets that add up exactly to the total by the largest-remainder method (Hamilton): every zone gets
// the floor of its exact quota, the units left over go to the largest fractional remainders (ties: the
// zone listed first). Each target is therefore within one unit of the exact quota.
import type { ZoneInfo, ZoneKey } from './types.ts'

/** Each zone's share (summing to 1), in the order of `zones`. Zones with no data for the key's basis
 * weigh 0; when every zone weighs 0 the shares fall back to equal. */
export function zoneShares(key: ZoneKey, zones: readonly ZoneInfo[]): number[] {
  const raw = zones.map((zone) => {
    switch (key.kind) {
      case 'equal':
        return 1
      case 'fte':
        return positive(zone.fte)
      case 'population':
        return positive(zone.population)
      case 'custom':
        return positive(key.weights[zone.id])
    }
  })
  const sum = raw.reduce((a, b) => a + b, 0)
  if (sum === 0) return zones.map(() => 1 / zones.length)
  return raw.map((w) => w / sum)
}

/** Splits a whole number `total` by `weights` (any non-negative numbers, not all 0) into integers that
 * sum to `total`, each the floor or ceiling of its exact quota. */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError('total must be a non-negative integer')
  const sum = weights.reduce((a, b) => a + positive(b), 0)
  if (weights.length === 0) return []
  const quotas = weights.map((w) => (sum === 0 ? total / weights.length : (total * positive(w)) / sum))
  const result = quotas.map((q) => Math.floor(q))
  let left = total - result.reduce((a, b) => a + b, 0)
  const order = quotas.map((q, i) => ({ i, rest: q - Math.floor(q) })).sort((a, b) => b.rest - a.rest || a.i - b.i)
  for (const { i } of order) {
    if (left <= 0) break
    result[i] = (result[i] ?? 0) + 1
    left--
  }
  return result
}

/** Integer targets of weighted load per zone id, summing exactly to `totalLoad`. */
export function zoneTargets(totalLoad: number, key: ZoneKey, zones: readonly ZoneInfo[]): Map<string, number> {
  const targets = apportion(totalLoad, zoneShares(key, zones))
  return new Map(zones.map((zone, i) => [zone.id, targets[i] ?? 0]))
}

function positive(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : 0
}
