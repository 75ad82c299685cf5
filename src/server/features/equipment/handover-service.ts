// Check-out and check-in (issue 10): the keeper records each handover (who handed over, who received, when, the
// condition, the counters, damage with a note), in the transaction that moves the booking on. The asset's counters
// only go up; a weapon changes holder in its chain of custody at the handover's instant. Damage leaves the asset
// available: putting it in maintenance is the keeper's separate decision (the assets' status).
import type { Kysely, Transaction } from 'kysely'
import { now } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { scope } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { canSee, presentAll, standingOf } from './booking-present.ts'
import { recordBookingWrite } from './booking-record.ts'
import { bookingRepository, type BookingRow } from './booking-repository.ts'
import type { Booking, CheckInBody, CheckOutBody, CustodyChain } from './booking-schema.ts'
import { custodyChain, handOverWeapon } from './custody.ts'
import { transition } from './domain/booking.ts'

const MINUTE = 60_000
/** A check-out may be recorded up to a day afterwards, and a few minutes "ahead" (clocks of tablets drift). */
const AT_PAST_MS = 24 * 60 * MINUTE
const AT_FUTURE_MS = 10 * MINUTE

const refusePerson = (field: string): never => {
  throw new AppError('HANDOVER_PERSON_INVALID', { field })
}

/** A person of the keeper zone. */
async function keeperPerson(trx: Transaction<DB>, row: BookingRow, personId: string, field: string) {
  return (await bookingRepository(trx).personIn(personId, row.zone_id)) ?? refusePerson(field)
}

/** A person of the borrower zone the keeper may name: the collector, or one it sees through a reason. */
async function borrowerPerson(
  trx: Transaction<DB>,
  ctx: PolicyContext,
  row: BookingRow,
  personId: string,
  field: string,
) {
  const person = (await bookingRepository(trx).personIn(personId, row.borrower_zone_id)) ?? refusePerson(field)
  if (row.zone_id === row.borrower_zone_id || personId === row.collector_person_id) return person
  const s = await scope(ctx.on(trx), 'person.read')
  return (await bookingRepository(trx).personSeen(personId, s)) ? person : refusePerson(field)
}

type HandoverInput = CheckInBody & { at?: string }

export function handoverService(db: Kysely<DB>) {
  async function handover(ctx: PolicyContext, id: string, kind: 'check_out' | 'check_in', body: HandoverInput) {
    return db.transaction().execute(async (trx): Promise<Booking> => {
      const c = ctx.on(trx)
      const s = await standingOf(c)
      const repo = bookingRepository(trx)
      const row = await repo.byId(id, true)
      if (!row || !canSee(s, row)) throw new AppError('NOT_FOUND')
      if (!s.keeperZoneIds.includes(row.zone_id)) throw new AppError('FORBIDDEN')
      const to = transition(row.status, kind)
      if (to === null) throw new AppError('BOOKING_TRANSITION_INVALID', { status: row.status, action: kind })
      const damageNote = body.damageNote?.trim() || null
      if (body.condition === 'damaged' && damageNote === null)
        throw new AppError('HANDOVER_DAMAGE_NOTE_REQUIRED', { field: 'damageNote' })
      const current = now()
      const at = body.at === undefined ? current : new Date(body.at)
      if (at.getTime() < current.getTime() - AT_PAST_MS || at.getTime() > current.getTime() + AT_FUTURE_MS)
        throw new AppError('VALIDATION_FAILED', { field: 'at' })
      const [handedBy, receivedBy] =
        kind === 'check_out'
          ? [
              await keeperPerson(trx, row, body.handedByPersonId, 'handedByPersonId'),
              await borrowerPerson(trx, c, row, body.receivedByPersonId, 'receivedByPersonId'),
            ]
          : [
              await borrowerPerson(trx, c, row, body.handedByPersonId, 'handedByPersonId'),
              await keeperPerson(trx, row, body.receivedByPersonId, 'receivedByPersonId'),
            ]
      if (handedBy.id === receivedBy.id) refusePerson('receivedByPersonId')
      const asset = (await repo.asset(row.asset_id))!
      if (body.odometerKm !== undefined && asset.odometerKm !== null && body.odometerKm < asset.odometerKm)
        throw new AppError('HANDOVER_COUNTER_BACKWARDS', { field: 'odometerKm', last: asset.odometerKm })
      if (body.counter !== undefined && asset.counter !== null && body.counter < asset.counter)
        throw new AppError('HANDOVER_COUNTER_BACKWARDS', { field: 'counter', last: asset.counter })

      const { id: handoverId } = await repo.insertHandover({
        booking_id: row.id,
        zone_id: row.zone_id,
        kind,
        at,
        handed_by_person_id: handedBy.id,
        received_by_person_id: receivedBy.id,
        condition: body.condition,
        odometer_km: body.odometerKm ?? null,
        counter: body.counter ?? null,
        damage_note: damageNote,
        recorded_by: ctx.actor.userId,
        recorded_at: current,
      })
      await repo.recordCounters({ id: row.asset_id, zoneId: row.zone_id }, body, current)
      if (asset.kind === 'weapon')
        await handOverWeapon(
          trx,
          { assetId: row.asset_id, zoneId: row.zone_id },
          kind === 'check_out'
            ? { personId: receivedBy.id, zoneId: row.borrower_zone_id }
            : { personId: null, zoneId: row.zone_id },
          at,
          handoverId,
          ctx.actor.userId,
        )
      await repo.setStatus(row.id, to, null)
      const after = (await repo.byId(row.id))!
      await recordBookingWrite(
        trx,
        ctx.actor,
        after,
        kind === 'check_out' ? 'equipment.booking_check_out' : 'equipment.booking_check_in',
        { handoverId, condition: body.condition, damaged: body.condition === 'damaged' },
      )
      return (await presentAll(trx, c, [after], s))[0]!
    })
  }

  return {
    checkOut: (ctx: PolicyContext, id: string, body: CheckOutBody) => handover(ctx, id, 'check_out', body),
    checkIn: (ctx: PolicyContext, id: string, body: CheckInBody) => handover(ctx, id, 'check_in', body),

    /** A weapon's chain of custody: the keeping zone only (anyone else: 404); other assets have none. */
    async custody(ctx: PolicyContext, assetId: string): Promise<CustodyChain> {
      const s = await standingOf(ctx)
      const asset = await bookingRepository(db).asset(assetId)
      if (!asset || !s.readZoneIds.includes(asset.zoneId)) throw new AppError('NOT_FOUND')
      const chain = asset.kind === 'weapon' ? await custodyChain(db, asset.id, asset.zoneId) : []
      return {
        items: chain.map((l) => ({
          holder: {
            kind: l.holderPersonId === null ? ('armoury' as const) : ('person' as const),
            zone: l.holderZone,
            ...(l.holderPersonId !== null ? { person: { id: l.holderPersonId, name: l.holderPersonName ?? '' } } : {}),
          },
          from: l.from.toISOString(),
          to: l.to === null ? null : l.to.toISOString(),
          handoverId: l.handoverId,
        })),
      }
    },
  }
}
