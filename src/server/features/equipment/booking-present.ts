// A booking as the API shows it (issue 10), with the actions the reader may take now, and the partner reads it
// carries: the names of the borrower's people (the collector, who handed over or received) seen by a keeper of
// another zone through the booking's visibility reason — logged in the borrower zone's chain (LED art. 25).
import type { Kysely, Transaction } from 'kysely'
import { audit, type PartnerRead } from '../../platform/audit.ts'
import { now } from '../../platform/clock.ts'
import { scope } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { bookingRepository, type BookingRow, type HandoverRow } from './booking-repository.ts'
import type { Booking, Handover } from './booking-schema.ts'
import { actionsFor, isOverdue } from './domain/booking.ts'

/** The zones in which the reader keeps assets (approve, hand over) and books (book, cancel). */
export interface Standing {
  readZoneIds: string[]
  keeperZoneIds: string[]
  borrowerZoneIds: string[]
}

export async function standingOf(ctx: PolicyContext): Promise<Standing> {
  const [read, approve, book] = await Promise.all([
    scope(ctx, 'equipment.read'),
    scope(ctx, 'equipment.approve'),
    scope(ctx, 'equipment.book'),
  ])
  return { readZoneIds: read.ownZoneIds, keeperZoneIds: approve.ownZoneIds, borrowerZoneIds: book.ownZoneIds }
}

/** Only the keeper zone and the borrower zone see a booking. */
export const canSee = (s: Standing, row: Pick<BookingRow, 'zone_id' | 'borrower_zone_id'>): boolean =>
  s.readZoneIds.includes(row.zone_id) || s.readZoneIds.includes(row.borrower_zone_id)

const iso = (d: Date) => new Date(d).toISOString()

function presentHandover(h: HandoverRow): Handover {
  return {
    id: h.id,
    kind: h.kind,
    at: iso(h.at),
    handedBy: { personId: h.handed_by_person_id, name: h.handed_by_name },
    receivedBy: { personId: h.received_by_person_id, name: h.received_by_name },
    condition: h.condition,
    odometerKm: h.odometer_km,
    counter: h.counter,
    damageNote: h.damage_note,
  }
}

export function presentBooking(row: BookingRow, handovers: readonly HandoverRow[], s: Standing): Booking {
  const period = { from: new Date(row.period_from).getTime(), to: new Date(row.period_to).getTime() }
  return {
    id: row.id,
    groupId: row.group_id,
    asset: {
      id: row.asset_id,
      kind: row.asset_kind,
      name: row.asset_name,
      identifier: row.asset_identifier,
      zone: { id: row.zone_id, code: row.zone_code, name: row.zone_name },
    },
    borrowerZone: { id: row.borrower_zone_id, code: row.borrower_code, name: row.borrower_name },
    period: { from: iso(row.period_from), to: iso(row.period_to) },
    blocked: { from: iso(row.blocked_from), to: iso(row.blocked_to) },
    status: row.status,
    purpose: row.purpose,
    feeCentsPerDay: row.fee_cents_per_day,
    autoApproved: row.auto_approved,
    requestedBy: row.requested_by_name === null ? null : { displayName: row.requested_by_name },
    requestedAt: iso(row.requested_at),
    decidedAt: row.decided_at === null ? null : iso(row.decided_at),
    decisionNote: row.decision_note,
    collector:
      row.collector_person_id === null ? null : { personId: row.collector_person_id, name: row.collector_name ?? '' },
    overdue: isOverdue(row.status, period, now().getTime()),
    handovers: handovers.filter((h) => h.booking_id === row.id).map(presentHandover),
    actions: actionsFor(row.status, {
      keeper: s.keeperZoneIds.includes(row.zone_id),
      borrower: s.borrowerZoneIds.includes(row.borrower_zone_id),
    }),
  }
}

/** The borrower zone's people a reader outside it sees in these bookings: one partner read per booking. */
function partnerReadsOf(rows: readonly BookingRow[], handovers: readonly HandoverRow[], s: Standing): PartnerRead[] {
  return rows.flatMap((row) => {
    if (row.zone_id === row.borrower_zone_id || s.readZoneIds.includes(row.borrower_zone_id)) return []
    const ids = new Set<string>()
    if (row.collector_person_id) ids.add(row.collector_person_id)
    for (const h of handovers.filter((x) => x.booking_id === row.id)) {
      // check-out: the borrower's person received; check-in: the borrower's person handed back.
      ids.add(h.kind === 'check_out' ? h.received_by_person_id : h.handed_by_person_id)
    }
    if (ids.size === 0) return []
    return [
      {
        zoneId: row.borrower_zone_id,
        action: 'person.read' as const,
        reasons: [{ kind: 'booking', domain: 'equipment' }],
        object: { type: 'equipment_booking', id: row.id },
        details: { personIds: [...ids].sort() },
      },
    ]
  })
}

/** The bookings with their handovers, as the reader sees them; logs the partner reads in `db`'s transaction. */
export async function presentAll(
  db: Kysely<DB> | Transaction<DB>,
  ctx: PolicyContext,
  rows: readonly BookingRow[],
  s: Standing,
): Promise<Booking[]> {
  const handovers = await bookingRepository(db).handovers(rows.map((r) => r.id))
  await audit.partnerReads(db, ctx.actor, partnerReadsOf(rows, handovers, s))
  return rows.map((r) => presentBooking(r, handovers, s))
}
