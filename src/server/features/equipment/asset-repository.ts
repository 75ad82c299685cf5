// All SQL of the asset catalogue (issue 10), built from the caller's transaction (or the root db for plain reads).
// Who may see what is decided by the service and handed in as a `Reach`: the caller's own zones (every asset)
// and the partner zones under `equipment` in force (their lendable assets that are not retired).
import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely'
import type { AssetKind, AssetStatus, BookingStatus, ValidityKind } from '../../platform/enums.ts'
import { ACTIVE_BOOKING_STATUSES } from '../../platform/enums.ts'
import { registerConstraintCodes } from '../../platform/errors.ts'
import type { DB } from '../../platform/schema.ts'
import type { Validity } from './domain/lendable.ts'

// The constraints of migration 0019 an asset write can hit (the other shapes are refused by validation first).
registerConstraintCodes({
  assets_identifier_unique: 'ASSET_IDENTIFIER_TAKEN',
})

type Db = Kysely<DB> | Transaction<DB>

/** The zones whose assets the caller sees: own zones (all), partner zones (lendable, not retired). */
export interface Reach {
  ownZoneIds: readonly string[]
  partnerZoneIds: readonly string[]
}

export interface AssetRow {
  id: string
  zone_id: string
  zone_code: string
  zone_name: string
  investment_id: string | null
  kind: AssetKind
  name: string
  identifier: string
  status: AssetStatus
  location: string | null
  description: string | null
  lendable: boolean
  odometer_km: number | null
  counter: number | null
  created_at: Date
  updated_at: Date
  validities: Validity[]
}

export interface AssetFilter {
  zoneId?: string
  kind?: AssetKind
  status?: AssetStatus
  q?: string
  assetId?: string
  /** Leave retired assets out (the timeline). */
  active?: boolean
  /** Only the assets lendable over [from, to) and free then; `lastDay`: the Brussels day of `to`. */
  available?: { from: Date; to: Date; lastDay: string }
}

export interface BusyRow {
  asset_id: string
  booking_id: string
  from: Date
  to: Date
  status: BookingStatus
  borrower_zone_id: string
  borrower_zone_code: string
  borrower_zone_name: string
}

export interface DueValidityRow {
  id: string
  asset_id: string
  zone_id: string
  asset_name: string
  identifier: string
  kind: ValidityKind
  valid_until: string
}

const ACTIVE = [...ACTIVE_BOOKING_STATUSES]

const period = (from: Date, to: Date) =>
  sql`tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')`

/** The asset's columns with its zone and validities (as [{ kind, validUntil }], earliest first). */
const assetColumns = sql`
  a.id, a.zone_id, z.code AS zone_code, z.name AS zone_name, a.investment_id, a.kind, a.name, a.identifier,
  a.status, a.location, a.description, a.lendable, a.odometer_km, a.counter, a.created_at, a.updated_at,
  COALESCE((SELECT jsonb_agg(jsonb_build_object('kind', v.kind, 'validUntil', v.valid_until)
                             ORDER BY v.valid_until, v.kind)
              FROM asset_validities v WHERE v.asset_id = a.id AND v.zone_id = a.zone_id), '[]'::jsonb) AS validities`

/** The assets in reach: every asset of an own zone; a partner zone's lendable ones that are not retired. */
function inReach(reach: Reach): Expression<SqlBool> {
  return sql<SqlBool>`(a.zone_id = ANY(${[...reach.ownZoneIds]}::uuid[])
    OR (a.zone_id = ANY(${[...reach.partnerZoneIds]}::uuid[]) AND a.lendable AND a.status <> 'retired'))`
}

/** An active booking of the asset blocks part of [from, to). */
const busyIn = (from: Date, to: Date) => sql<SqlBool>`EXISTS (
  SELECT 1 FROM equipment_bookings b
   WHERE b.asset_id = a.id AND b.zone_id = a.zone_id AND b.status = ANY(${ACTIVE}::text[])
     AND b.blocked && ${period(from, to)})`

function conditions(reach: Reach, f: AssetFilter) {
  const parts = [inReach(reach)]
  if (f.zoneId) parts.push(sql<SqlBool>`a.zone_id = ${f.zoneId}::uuid`)
  if (f.kind) parts.push(sql<SqlBool>`a.kind = ${f.kind}`)
  if (f.status) parts.push(sql<SqlBool>`a.status = ${f.status}`)
  if (f.assetId) parts.push(sql<SqlBool>`a.id = ${f.assetId}::uuid`)
  if (f.active) parts.push(sql<SqlBool>`a.status <> 'retired'`)
  if (f.q) {
    // A plain "contains": the typed text's LIKE wildcards stand for themselves.
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    parts.push(sql<SqlBool>`(a.name ILIKE ${like} OR a.identifier ILIKE ${like} OR a.location ILIKE ${like})`)
  }
  if (f.available) {
    const { from, to, lastDay } = f.available
    parts.push(sql<SqlBool>`a.status = 'available'`)
    parts.push(sql<SqlBool>`NOT EXISTS (SELECT 1 FROM asset_validities v
      WHERE v.asset_id = a.id AND v.zone_id = a.zone_id AND v.valid_until < ${lastDay}::date)`)
    parts.push(sql<SqlBool>`NOT ${busyIn(from, to)}`)
  }
  return sql.join(parts, sql` AND `)
}

export function assetRepository(db: Db) {
  return {
    /** One page of the assets in reach matching the filter (own zones first, then zone, kind, name), and the total. */
    async list(reach: Reach, f: AssetFilter, page: { limit: number; offset: number }) {
      const where = conditions(reach, f)
      const rows = await sql<AssetRow>`
        SELECT ${assetColumns} FROM assets a JOIN zones z ON z.id = a.zone_id
         WHERE ${where}
         ORDER BY (a.zone_id = ANY(${[...reach.ownZoneIds]}::uuid[])) DESC, z.code, a.kind, a.name, a.id
         LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db)
      const count = await sql<{ total: number }>`
        SELECT count(*)::int AS total FROM assets a WHERE ${where}`.execute(db)
      return { rows: rows.rows, total: count.rows[0]?.total ?? 0 }
    },

    /** One asset in reach; `lock` holds its row for the transaction (a write). */
    async byId(reach: Reach, id: string, lock = false): Promise<AssetRow | undefined> {
      const rows = await sql<AssetRow>`
        SELECT ${assetColumns} FROM assets a JOIN zones z ON z.id = a.zone_id
         WHERE a.id = ${id}::uuid AND ${inReach(reach)}
         ${lock ? sql`FOR UPDATE OF a` : sql``}`.execute(db)
      return rows.rows[0]
    },

    /** Of these assets, the ones an active booking blocks somewhere in [from, to). */
    async busyAssetIds(assetIds: readonly string[], from: Date, to: Date): Promise<Set<string>> {
      if (assetIds.length === 0) return new Set()
      const rows = await sql<{ asset_id: string }>`
        SELECT DISTINCT b.asset_id FROM equipment_bookings b
         WHERE b.asset_id = ANY(${[...assetIds]}::uuid[]) AND b.status = ANY(${ACTIVE}::text[])
           AND b.blocked && ${period(from, to)}`.execute(db)
      return new Set(rows.rows.map((r) => r.asset_id))
    },

    /** The active bookings' blocked periods of these assets overlapping [from, to), in time order. */
    async busy(assetIds: readonly string[], from: Date, to: Date): Promise<BusyRow[]> {
      if (assetIds.length === 0) return []
      const rows = await sql<BusyRow>`
        SELECT b.asset_id, b.id AS booking_id, lower(b.blocked) AS "from", upper(b.blocked) AS "to", b.status,
               b.borrower_zone_id, z.code AS borrower_zone_code, z.name AS borrower_zone_name
          FROM equipment_bookings b JOIN zones z ON z.id = b.borrower_zone_id
         WHERE b.asset_id = ANY(${[...assetIds]}::uuid[]) AND b.status = ANY(${ACTIVE}::text[])
           AND b.blocked && ${period(from, to)}
         ORDER BY lower(b.blocked), b.id`.execute(db)
      return rows.rows
    },

    /** Whether `zoneId` is a party (today) to the investment: an asset it keeps may belong to it. */
    async investmentParty(investmentId: string, zoneId: string, day: string): Promise<boolean> {
      const row = await db
        .selectFrom('investment_parties')
        .select('zone_id')
        .where('investment_id', '=', investmentId)
        .where('zone_id', '=', zoneId)
        .where('joined_on', '<=', day)
        .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', day)]))
        .executeTakeFirst()
      return row !== undefined
    },

    async insert(values: {
      zoneId: string
      kind: AssetKind
      name: string
      identifier: string
      location: string | null
      description: string | null
      lendable: boolean
      investmentId: string | null
      userId: string
      at: Date
    }): Promise<string> {
      const { id } = await db
        .insertInto('assets')
        .values({
          zone_id: values.zoneId,
          investment_id: values.investmentId,
          kind: values.kind,
          name: values.name,
          identifier: values.identifier,
          location: values.location,
          description: values.description,
          lendable: values.lendable,
          created_by: values.userId,
          created_at: values.at,
          updated_at: values.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return id
    },

    async update(
      id: string,
      changes: Partial<{
        name: string
        location: string | null
        description: string | null
        status: AssetStatus
        lendable: boolean
      }>,
      at: Date,
    ) {
      await db
        .updateTable('assets')
        .set({ ...changes, updated_at: at })
        .where('id', '=', id)
        .execute()
    },

    /** Sets a validity (insert or replace); a new date clears `reminded_at`, so the next lapse is flagged again. */
    async setValidity(
      asset: { id: string; zoneId: string },
      kind: ValidityKind,
      validUntil: string,
      note: string | null,
      at: Date,
    ) {
      await sql`
        INSERT INTO asset_validities (asset_id, zone_id, kind, valid_until, note, created_at)
        VALUES (${asset.id}::uuid, ${asset.zoneId}::uuid, ${kind}, ${validUntil}::date, ${note}, ${at.toISOString()}::timestamptz)
        ON CONFLICT ON CONSTRAINT asset_validities_once DO UPDATE
           SET note = EXCLUDED.note,
               reminded_at = CASE WHEN asset_validities.valid_until = EXCLUDED.valid_until
                                  THEN asset_validities.reminded_at END,
               valid_until = EXCLUDED.valid_until`.execute(db)
      await db.updateTable('assets').set({ updated_at: at }).where('id', '=', asset.id).execute()
    },

    /** Removes a validity; false when the asset had none of that kind. */
    async removeValidity(asset: { id: string; zoneId: string }, kind: ValidityKind, at: Date): Promise<boolean> {
      const removed = await db
        .deleteFrom('asset_validities')
        .where('zone_id', '=', asset.zoneId)
        .where('asset_id', '=', asset.id)
        .where('kind', '=', kind)
        .executeTakeFirst()
      if (Number(removed.numDeletedRows) === 0) return false
      await db.updateTable('assets').set({ updated_at: at }).where('id', '=', asset.id).execute()
      return true
    },

    /** A weapon's first link of its chain of custody: its keeping zone's armoury from `at` on. */
    async openArmouryCustody(asset: { id: string; zoneId: string }, userId: string, at: Date) {
      await db
        .insertInto('weapon_custody')
        .values({
          asset_id: asset.id,
          zone_id: asset.zoneId,
          holder_person_id: null,
          holder_zone_id: asset.zoneId,
          period: sql<string>`tstzrange(${at.toISOString()}::timestamptz, NULL, '[)')`,
          recorded_by: userId,
        })
        .execute()
    },

    /**
     * Validities lapsing on or before `horizon` (and not lapsed before `today`) not reminded yet, of assets not
     * retired, locked so two runners do not remind twice.
     */
    async dueValidities(today: string, horizon: string): Promise<DueValidityRow[]> {
      const rows = await sql<DueValidityRow>`
        SELECT v.id, v.asset_id, v.zone_id, a.name AS asset_name, a.identifier, v.kind, v.valid_until
          FROM asset_validities v JOIN assets a ON a.id = v.asset_id AND a.zone_id = v.zone_id
         WHERE v.reminded_at IS NULL AND v.valid_until >= ${today}::date AND v.valid_until <= ${horizon}::date
           AND a.status <> 'retired'
         ORDER BY v.zone_id, v.valid_until, v.id
         FOR UPDATE OF v SKIP LOCKED`.execute(db)
      return rows.rows
    },

    async markReminded(validityIds: readonly string[], at: Date) {
      if (validityIds.length === 0) return
      await db
        .updateTable('asset_validities')
        .set({ reminded_at: at })
        .where('id', 'in', [...validityIds])
        .execute()
    },

    /** Enabled users holding one of `roles` in the zone. */
    async usersWithRole(zoneId: string, roles: readonly string[]): Promise<string[]> {
      const rows = await sql<{ id: string }>`
        SELECT DISTINCT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id
         WHERE ur.zone_id = ${zoneId}::uuid AND ur.role = ANY(${[...roles]}::text[]) AND u.disabled_at IS NULL
         ORDER BY u.id`.execute(db)
      return rows.rows.map((r) => r.id)
    },
  }
}

/**
 * The facts a booking needs of one asset, whoever asks (the bookings part decides who may book it): its keeper,
 * kind, status, whether partners may book it, and its validities (for `lendability()` of domain/lendable.ts).
 * Read in the booking's transaction and locked FOR SHARE, so a concurrent retirement or status change waits
 * for the booking (or the booking for it). Undefined when there is no such asset.
 */
export async function assetForBooking(
  trx: Transaction<DB>,
  assetId: string,
): Promise<
  | { id: string; zoneId: string; kind: AssetKind; status: AssetStatus; lendable: boolean; validities: Validity[] }
  | undefined
> {
  const rows = await sql<{
    id: string
    zone_id: string
    kind: AssetKind
    status: AssetStatus
    lendable: boolean
    validities: Validity[]
  }>`
    SELECT a.id, a.zone_id, a.kind, a.status, a.lendable,
           COALESCE((SELECT jsonb_agg(jsonb_build_object('kind', v.kind, 'validUntil', v.valid_until)
                                      ORDER BY v.valid_until, v.kind)
                       FROM asset_validities v WHERE v.asset_id = a.id AND v.zone_id = a.zone_id), '[]'::jsonb)
             AS validities
      FROM assets a WHERE a.id = ${assetId}::uuid
       FOR SHARE OF a`.execute(trx)
  const r = rows.rows[0]
  return r
    ? { id: r.id, zoneId: r.zone_id, kind: r.kind, status: r.status, lendable: r.lendable, validities: r.validities }
    : undefined
}
