// bookings (issue 10): the policy matrix's world and fixtures for bookings, handovers, custody and loan terms.
// Per target an asset of that zone (own 5373, partner 5375, foreign 5447), a weapon, and a booking of the asset by
// its own zone that was returned: reading it is stable, and every step on it is a stable conflict (409). A new
// booking names the target zone as the borrower (own: the actor's zone books its own asset, 201; partner: a zone
// in which the actor does not book, but sees under `equipment` — 403; foreign: 404), each over a fresh period.
import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import type { TestApp } from './harness.ts'
import type { Fixture, Target, World, WorldObject } from './policy-matrix.world.ts'

export interface EquipmentBookingsWorld {
  asset: Record<Target, string>
  weapon: Record<Target, string>
  /** A returned booking of the target zone's asset by the same zone. */
  returned: Record<Target, string>
}

const HOUR = 3_600_000

export async function equipmentBookingsWorld(t: TestApp, zone: World['zone']): Promise<EquipmentBookingsWorld> {
  const db = t.database.db
  const at = new Date()
  const asset = async (tg: Target, kind: 'speed_radar' | 'weapon') => {
    const { id } = await db
      .insertInto('assets')
      .values({
        zone_id: zone[tg],
        kind,
        name: `Matrix ${kind} ${tg}`,
        identifier: `MATRIX-${randomBytes(4).toString('hex')}`,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (kind === 'weapon')
      await db
        .insertInto('weapon_custody')
        .values({
          asset_id: id,
          zone_id: zone[tg],
          holder_zone_id: zone[tg],
          period: sql<string>`tstzrange(${at.toISOString()}::timestamptz - interval '1 day', NULL, '[)')`,
        })
        .execute()
    return id
  }
  const returned = async (tg: Target, assetId: string) => {
    const period = sql<string>`tstzrange(${new Date(at.getTime() - 48 * HOUR)}::timestamptz, ${new Date(at.getTime() - 24 * HOUR)}::timestamptz, '[)')`
    const { id } = await db
      .insertInto('equipment_bookings')
      .values({
        group_id: crypto.randomUUID(),
        asset_id: assetId,
        zone_id: zone[tg],
        borrower_zone_id: zone[tg],
        period,
        blocked: period,
        status: 'returned',
        purpose: 'Matrix',
        requested_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return id
  }
  const assets = {} as Record<Target, string>
  const weapons = {} as Record<Target, string>
  const bookings = {} as Record<Target, string>
  for (const tg of ['own', 'partner', 'foreign'] as const) {
    assets[tg] = await asset(tg, 'speed_radar')
    weapons[tg] = await asset(tg, 'weapon')
    bookings[tg] = await returned(tg, assets[tg])
  }
  return { asset: assets, weapon: weapons, returned: bookings }
}

const ofZone = (tg: Target): WorldObject => ({ zones: [tg], association: tg === 'foreign' ? 'foreign' : 'own' })
/** A zone as the borrower: a partner zone is seen under `equipment`. */
const borrowing = (tg: Target): WorldObject => ({ ...ofZone(tg), shared: true })
const anAgreement = (tg: Target): WorldObject =>
  tg === 'foreign'
    ? { zones: ['foreign', 'foreign2'], association: 'foreign' }
    : { zones: ['own', 'partner'], association: 'own' }

// Fresh, disjoint periods for every new booking (a month ahead, two hours apart).
let slot = 0
const period = () => {
  const from = Date.now() + 30 * 24 * HOUR + slot++ * 2 * HOUR
  return { from: new Date(from).toISOString(), to: new Date(from + HOUR).toISOString() }
}
const handover = {
  handedByPersonId: '00000000-0000-4000-8000-000000000001',
  receivedByPersonId: '00000000-0000-4000-8000-000000000002',
  condition: 'good',
}
const step = (path: string, payload?: Record<string, unknown>): Fixture => ({
  request: (w, tg) => ({
    method: 'POST',
    url: `/api/equipment/bookings/${w.equipmentBookings.returned[tg]}/${path}`,
    ...(payload ? { payload } : {}),
  }),
  object: ofZone,
  ok: 409,
})

export const EQUIPMENT_BOOKING_FIXTURES: Record<string, Fixture | Fixture[]> = {
  checkBooking: {
    request: (w, tg) => ({
      method: 'POST',
      url: '/api/equipment/bookings/check',
      payload: { assetIds: [w.equipmentBookings.asset[tg]], borrowerZoneId: w.zone[tg], ...period() },
    }),
    object: borrowing,
  },
  createBooking: {
    request: (w, tg) => ({
      method: 'POST',
      url: '/api/equipment/bookings',
      payload: {
        assetIds: [w.equipmentBookings.asset[tg]],
        borrowerZoneId: w.zone[tg],
        purpose: 'Matrix',
        idempotencyKey: `matrix-${randomBytes(6).toString('hex')}`,
        ...period(),
      },
    }),
    object: borrowing,
    ok: 201,
  },
  listBookings: { request: () => ({ method: 'GET', url: '/api/equipment/bookings?side=keeper' }) },
  getBooking: {
    request: (w, tg) => ({ method: 'GET', url: `/api/equipment/bookings/${w.equipmentBookings.returned[tg]}` }),
    object: ofZone,
  },
  approveBooking: step('approve', {}),
  rejectBooking: step('reject', {}),
  cancelBooking: step('cancel'),
  checkOutBooking: step('check-out', handover),
  checkInBooking: step('check-in', handover),
  getWeaponCustody: {
    request: (w, tg) => ({ method: 'GET', url: `/api/equipment/assets/${w.equipmentBookings.weapon[tg]}/custody` }),
    object: ofZone,
  },
  getLoanTerms: {
    request: (w, tg) => ({ method: 'GET', url: `/api/equipment/agreements/${w.agreement[tg]}/terms` }),
    object: anAgreement,
  },
  setLoanTerms: {
    request: (w, tg) => ({
      method: 'PUT',
      url: `/api/equipment/agreements/${w.agreement[tg]}/terms`,
      payload: {
        items: [{ kind: '*', autoApprove: false, autoApproveMaxHours: null, bufferMinutes: 0, feeCentsPerDay: 0 }],
      },
    }),
    object: anAgreement,
  },
}
