// Checks of a rotation's set-up that the schemas cannot express, each failing with its catalogue code.
import { Temporal } from 'temporal-polyfill'
import { AppError } from '../../platform/errors.ts'
import type { Grant } from '../../platform/policy.ts'
import { expandPattern, type ShiftPattern } from './domain/patterns.ts'
import type { ZoneKey } from './domain/types.ts'

/**
 * Every covered zone is a party, together with each other covered zone, of an agreement of the association in
 * force today that lists the domain (pairs may rest on different agreements).
 */
export function assertShared(
  zoneIds: readonly string[],
  domain: string,
  associationId: string,
  grants: readonly Grant[],
) {
  const listing = grants.filter((g) => g.associationId === associationId && g.domains.includes(domain))
  const missing: Array<[string, string]> = []
  for (const [i, a] of zoneIds.entries())
    for (const b of zoneIds.slice(i + 1))
      if (!listing.some((g) => g.zoneIds.includes(a) && g.zoneIds.includes(b))) missing.push([a, b])
  if (missing.length > 0) throw new AppError('ROTATION_ZONES_NOT_SHARED', { domain, pairs: missing })
}

/** Labels are unique and every shift ends after it starts: expanded over two weeks from `from`. */
export function assertPattern(pattern: ShiftPattern, from: string) {
  if (pattern.kind === 'custom') {
    const labels = pattern.shifts.map((s) => s.label)
    if (new Set(labels).size !== labels.length)
      throw new AppError('ROTATION_PATTERN_INVALID', { rule: 'duplicate_label' })
  }
  try {
    const start = Temporal.PlainDate.from(from)
    expandPattern(pattern, start.toString(), start.add({ days: 14 }).toString())
  } catch (err) {
    if (err instanceof RangeError)
      throw new AppError('ROTATION_PATTERN_INVALID', { rule: 'ends_before_start', message: err.message })
    throw err
  }
}

/** A custom key weighs exactly the covered zones. */
export function assertZoneKey(key: ZoneKey, zoneIds: readonly string[]) {
  if (key.kind !== 'custom') return
  const keys = Object.keys(key.weights)
  const exact = keys.length === zoneIds.length && zoneIds.every((z) => keys.includes(z))
  if (!exact || Object.values(key.weights).some((w) => !(w > 0)))
    throw new AppError('ROTATION_ZONE_KEY_INVALID', { zoneIds: [...zoneIds], weighted: keys })
}

export function assertPeriod(from: string, to: string | null) {
  if (to !== null && to < from) throw new AppError('ROTATION_PERIOD_INVALID', { from, to })
}
