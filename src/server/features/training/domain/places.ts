// Training (issue 11): splitting a session's capacity in places per zone by the agreement's key. Pure.
// `equal`: every zone weighs 1; `fte`: a zone weighs the FTE of its operational people employed on the session's
// day. The capacity is divided in proportion with the largest remainder (platform/money.ts), so the places always
// add up to the capacity; zones are taken in the order of their code, so a tie goes to the lower code. When every
// weight is zero (no operational staff anywhere), the split falls back to equal.
import { largestRemainder } from '../../../platform/money.ts'

export const PLACE_KEYS = ['equal', 'fte', 'custom'] as const
export type PlaceKey = (typeof PLACE_KEYS)[number]

export interface ZoneWeight {
  zoneId: string
  code: string
  /** FTE (or 1 for `equal`); ≥ 0. */
  weight: number
}

export interface ZonePlaces {
  zoneId: string
  places: number
}

/** FTE counted in thousandths: exact integers for the split. */
const MILLI = 1000

export function splitPlaces(capacity: number, zones: readonly ZoneWeight[]): ZonePlaces[] {
  if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError(`splitPlaces: capacity ${capacity}`)
  if (zones.length === 0) return []
  const ordered = [...zones].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
  let weights = ordered.map((z) => BigInt(Math.max(0, Math.round(z.weight * MILLI))))
  if (weights.every((w) => w === 0n)) weights = ordered.map(() => 1n)
  const sum = weights.reduce((s, w) => s + w, 0n)
  const places = largestRemainder(
    weights.map((w) => w * BigInt(capacity)),
    sum,
    BigInt(capacity),
  )
  return ordered.map((z, i) => ({ zoneId: z.zoneId, places: places[i]! }))
}

/** The custom places, when they name exactly the zones and add up to the capacity; else why not. */
export function customProblem(
  capacity: number,
  zoneIds: readonly string[],
  places: readonly ZonePlaces[],
): 'zones' | 'sum' | null {
  const named = new Set(places.map((p) => p.zoneId))
  if (named.size !== places.length || named.size !== new Set(zoneIds).size || zoneIds.some((z) => !named.has(z)))
    return 'zones'
  return places.reduce((s, p) => s + p.places, 0) === capacity ? null : 'sum'
}
