// What every write of a booking leaves behind (issue 10), in its transaction: an audit entry in the chains of the
// keeper and the borrower zone, the outbox event `equipment.booking_changed` for both zones (their lists refresh
// live), and the notifications of a request, a decision and an overdue loan.
import type { Transaction } from 'kysely'
import { audit, type AuditAction, type AuditActor } from '../../platform/audit.ts'
import { notify } from '../../platform/notifications.ts'
import { emit } from '../../platform/outbox.ts'
import type { DB } from '../../platform/schema.ts'
import { brusselsDateTime } from './booking-time.ts'
import { bookingRepository, type BookingRow } from './booking-repository.ts'

export const BOOKING_CHANGED = 'equipment.booking_changed'
export const DOMAIN = 'equipment'
const KEEPER_ROLES = ['logistics'] as const

type Row = Pick<BookingRow, 'id' | 'group_id' | 'zone_id' | 'borrower_zone_id' | 'status'>

export async function recordBookingWrite(
  trx: Transaction<DB>,
  actor: AuditActor,
  row: Row,
  action: AuditAction,
  details: Record<string, unknown> = {},
): Promise<void> {
  await audit.write(
    trx,
    actor,
    action,
    { type: 'equipment_booking', id: row.id },
    { groupId: row.group_id, status: row.status, ...details },
    { chains: [row.zone_id, row.borrower_zone_id], domain: DOMAIN },
  )
  const zones = [...new Set([row.zone_id, row.borrower_zone_id])]
  await emit(
    trx,
    ...zones.map((zoneId) => ({
      type: BOOKING_CHANGED,
      zoneId,
      domain: DOMAIN,
      payload: { bookingId: row.id, groupId: row.group_id, status: row.status },
    })),
  )
}

/** A partner's request waits for the keeper: its logistics staff hear of it. */
export async function notifyRequested(trx: Transaction<DB>, row: BookingRow): Promise<void> {
  await notify(trx, {
    recipients: await bookingRepository(trx).usersWithRole(row.zone_id, KEEPER_ROLES),
    kind: 'equipment.booking_requested',
    params: { zone: row.borrower_name, asset: row.asset_name, from: brusselsDateTime(row.period_from) },
    object: { type: 'equipment_booking', id: row.id },
  })
}

/** The requester hears of the keeper's decision. */
export async function notifyDecided(trx: Transaction<DB>, row: BookingRow, decision: 'approved' | 'rejected') {
  if (!row.requested_by) return
  await notify(trx, {
    recipients: [row.requested_by],
    kind: 'equipment.booking_decided',
    params: { asset: row.asset_name, decision, from: brusselsDateTime(row.period_from) },
    object: { type: 'equipment_booking', id: row.id },
  })
}

/** A loan still out after its end: the logistics staff of both zones. */
export async function notifyOverdue(trx: Transaction<DB>, row: BookingRow): Promise<void> {
  const repo = bookingRepository(trx)
  const recipients = [
    ...(await repo.usersWithRole(row.borrower_zone_id, KEEPER_ROLES)),
    ...(await repo.usersWithRole(row.zone_id, KEEPER_ROLES)),
  ]
  await notify(trx, {
    recipients,
    kind: 'equipment.booking_overdue',
    params: { asset: row.asset_name, zone: row.borrower_name, to: brusselsDateTime(row.period_to) },
    object: { type: 'equipment_booking', id: row.id },
  })
}

/** An overdue loan: both zones' lists show it as overdue (no audit entry: no one acted). */
export async function recordOverdue(trx: Transaction<DB>, row: BookingRow): Promise<void> {
  await emit(
    trx,
    ...[...new Set([row.zone_id, row.borrower_zone_id])].map((zoneId) => ({
      type: BOOKING_CHANGED,
      zoneId,
      domain: DOMAIN,
      payload: { bookingId: row.id, groupId: row.group_id, status: row.status, overdue: true },
    })),
  )
}
