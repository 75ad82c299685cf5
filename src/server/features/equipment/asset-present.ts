// Asset rows → the API's shapes (issue 10). Validity states and the availability answer come from the pure rule
// (domain/lendable.ts); who sees which booking is decided here: the keeper sees every booking of its assets, a
// partner zone only its own zone's (the others are just "busy").
import { validityFlags, lendability } from './domain/lendable.ts'
import type { AssetRow, BusyRow } from './asset-repository.ts'
import type { AssetDetail, AssetSummary, BusyPeriod } from './asset-schema.ts'

/** Every validity of the asset with its state on `today` (Brussels): ok, expiring (within 30 days) or expired. */
export function validityStates(row: Pick<AssetRow, 'validities'>, today: string): AssetSummary['validities'] {
  const flagged = new Map(validityFlags(row.validities, today).map((f) => [f.kind, f.state]))
  return row.validities.map((v) => ({ kind: v.kind, validUntil: v.validUntil, state: flagged.get(v.kind) ?? 'ok' }))
}

/** Whether the asset can be lent and is free over a searched period ending on `lastDay` (Brussels). */
export function availabilityOf(
  row: Pick<AssetRow, 'status' | 'validities'>,
  lastDay: string,
  busy: boolean,
): NonNullable<AssetSummary['availability']> {
  const rule = lendability(row.status, row.validities, lastDay)
  if (!rule.lendable) return { available: false, reason: rule.reason }
  return busy ? { available: false, reason: 'busy' } : { available: true, reason: null }
}

export function presentSummary(row: AssetRow, today: string): AssetSummary {
  return {
    id: row.id,
    zone: { id: row.zone_id, code: row.zone_code, name: row.zone_name },
    investmentId: row.investment_id,
    kind: row.kind,
    name: row.name,
    identifier: row.identifier,
    status: row.status,
    location: row.location,
    lendable: row.lendable,
    validities: validityStates(row, today),
  }
}

export function presentDetail(row: AssetRow, today: string, ownZoneIds: readonly string[]): AssetDetail {
  return {
    ...presentSummary(row, today),
    description: row.description,
    odometerKm: row.odometer_km,
    counter: row.counter,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    own: ownZoneIds.includes(row.zone_id),
  }
}

/**
 * A busy period as the reader may see it: the booking and its borrower when the reader keeps the asset or
 * borrows it; else only that it is busy.
 */
export function presentBusy(row: BusyRow, keeperZoneId: string, ownZoneIds: readonly string[]): BusyPeriod {
  const visible = ownZoneIds.includes(keeperZoneId) || ownZoneIds.includes(row.borrower_zone_id)
  return {
    from: new Date(row.from).toISOString(),
    to: new Date(row.to).toISOString(),
    status: row.status,
    bookingId: visible ? row.booking_id : null,
    borrowerZone: visible
      ? { id: row.borrower_zone_id, code: row.borrower_zone_code, name: row.borrower_zone_name }
      : null,
  }
}
