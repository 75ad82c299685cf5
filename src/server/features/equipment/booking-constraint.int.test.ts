// The database's own guard against double booking (migration 0019), on PGlite and PostgreSQL, without the
// application: the exclusion constraint rejects overlapping blocked periods of active bookings of one asset,
// allows touching ones (`[)`), and ignores cancelled, rejected and returned bookings.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeAsset, type AssetRef } from '../../../../test/equipment.factories.ts'
import { makeZone, type ZoneRef } from '../../../../test/factories.ts'
import { startTestApp, type TestApp } from '../../../../test/harness.ts'
import type { BookingStatus } from '../../platform/enums.ts'

let t: TestApp
let zone: ZoneRef
beforeAll(async () => {
  t = await startTestApp()
  zone = await makeZone(t)
})
afterAll(() => t?.close())

const insert = (asset: AssetRef, from: string, to: string, status: BookingStatus = 'approved') => {
  const range = sql<string>`tstzrange(${from}::timestamptz, ${to}::timestamptz, '[)')`
  return t.database.db
    .insertInto('equipment_bookings')
    .values({
      group_id: crypto.randomUUID(),
      asset_id: asset.id,
      zone_id: asset.zoneId,
      borrower_zone_id: asset.zoneId,
      period: range,
      blocked: range,
      status,
      purpose: 'Constraint',
      requested_at: new Date(),
    })
    .execute()
}
const failure = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e as { code?: string; constraint?: string },
  )
  return err && { code: err.code, constraint: err.constraint }
}

describe('equipment_bookings_no_overlap', () => {
  it('rejects an overlap of active bookings, allows touching periods', async () => {
    const asset = await makeAsset(t, { zone })
    await insert(asset, '2026-05-01T08:00:00Z', '2026-05-01T12:00:00Z')
    for (const status of ['requested', 'approved', 'checked_out'] as const)
      expect(await failure(insert(asset, '2026-05-01T11:59:00Z', '2026-05-01T13:00:00Z', status))).toEqual({
        code: '23P01',
        constraint: 'equipment_bookings_no_overlap',
      })
    await insert(asset, '2026-05-01T12:00:00Z', '2026-05-01T14:00:00Z')
    await insert(asset, '2026-05-01T06:00:00Z', '2026-05-01T08:00:00Z', 'requested')
  })

  it('ignores cancelled, rejected and returned bookings, and other assets', async () => {
    const asset = await makeAsset(t, { zone })
    const other = await makeAsset(t, { zone })
    for (const status of ['cancelled', 'rejected', 'returned'] as const)
      await insert(asset, '2026-06-01T08:00:00Z', '2026-06-01T12:00:00Z', status)
    await insert(asset, '2026-06-01T08:00:00Z', '2026-06-01T12:00:00Z')
    await insert(other, '2026-06-01T08:00:00Z', '2026-06-01T12:00:00Z')
    // Reviving a cancelled booking over an active one is refused too.
    expect(
      await failure(
        t.database.db
          .updateTable('equipment_bookings')
          .set({ status: 'approved' })
          .where('asset_id', '=', asset.id)
          .where('status', '=', 'cancelled')
          .execute(),
      ),
    ).toEqual({ code: '23P01', constraint: 'equipment_bookings_no_overlap' })
  })
})
