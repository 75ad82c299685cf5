// All SQL of bookings and loans (issue 10). The exclusion constraint equipment_bookings_no_overlap has the last
// word on double booking (a concurrent request that loses answers 409 BOOKING_CONFLICT); the chain of custody's
// weapon_custody_no_overlap keeps one holder of a weapon per instant (409 CUSTODY_CONFLICT).
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely'
import type { AssetKind, AssetStatus, BookingStatus, ValidityKind } from '../../platform/enums.ts'
import { registerConstraintCodes } from '../../platform/errors.ts'
import type { DB } from '../../platform/schema.ts'
import { personVisible, type VisibilityScope } from '../../platform/visibility.ts'
import type { LoanTerms, Period } from './domain/booking.ts'

registerConstraintCodes({
  equipment_bookings_no_overlap: 'BOOKING_CONFLICT',
  equipment_bookings_period: 'BOOKING_PERIOD_INVALID',
  weapon_custody_no_overlap: 'CUSTODY_CONFLICT',
})

type Db = Kysely<DB> | Transaction<DB>

/** An asset as a booking needs it: its keeper zone, status, flags, counters and validities. */
export interface BookableAsset {
  id: string
  zoneId: string
  zone: { id: string; code: string; name: string }
  kind: AssetKind
  name: string
  identifier: string
  status: AssetStatus
  lendable: boolean
  odometerKm: number | null
  counter: number | null
  validities: { kind: ValidityKind; validUntil: string }[]
}

/** A booking row with what the API shows of it (asset, zones, requester, collector). */
export interface BookingRow {
  id: string
  group_id: string
  asset_id: string
  asset_kind: AssetKind
  asset_name: string
  asset_identifier: string
  zone_id: string
  zone_code: string
  zone_name: string
  borrower_zone_id: string
  borrower_code: string
  borrower_name: string
  agreement_id: string | null
  association_id: string | null
  period_from: Date
  period_to: Date
  blocked_from: Date
  blocked_to: Date
  status: BookingStatus
  purpose: string
  fee_cents_per_day: number
  auto_approved: boolean
  requested_by: string | null
  requested_by_name: string | null
  requested_at: Date
  decided_at: Date | null
  decision_note: string | null
  collector_person_id: string | null
  collector_name: string | null
  idempotency_key: string | null
  overdue_reminded_at: Date | null
}

export interface HandoverRow {
  id: string
  booking_id: string
  kind: 'check_out' | 'check_in'
  at: Date
  handed_by_person_id: string
  handed_by_name: string
  received_by_person_id: string
  received_by_name: string
  condition: 'good' | 'worn' | 'damaged'
  odometer_km: number | null
  counter: number | null
  damage_note: string | null
}

export const range = (p: Period) =>
  sql<string>`tstzrange(${new Date(p.from).toISOString()}::timestamptz, ${new Date(p.to).toISOString()}::timestamptz, '[)')`

const ACTIVE = ['requested', 'approved', 'checked_out']

/** The booking rows with their joins; `where` is a SQL condition on `b` (and the joined tables). */
const selectBookings = (where: ReturnType<typeof sql>, tail: ReturnType<typeof sql> = sql``) => sql<BookingRow>`
  SELECT b.id, b.group_id, b.asset_id, a.kind AS asset_kind, a.name AS asset_name, a.identifier AS asset_identifier,
         b.zone_id, kz.code AS zone_code, kz.name AS zone_name,
         b.borrower_zone_id, bz.code AS borrower_code, bz.name AS borrower_name,
         b.agreement_id, b.association_id,
         lower(b.period) AS period_from, upper(b.period) AS period_to,
         lower(b.blocked) AS blocked_from, upper(b.blocked) AS blocked_to,
         b.status, b.purpose, b.fee_cents_per_day, b.auto_approved,
         b.requested_by, u.display_name AS requested_by_name, b.requested_at, b.decided_at, b.decision_note,
         b.collector_person_id,
         CASE WHEN c.id IS NULL THEN NULL ELSE c.first_name || ' ' || c.last_name END AS collector_name,
         b.idempotency_key, b.overdue_reminded_at
    FROM equipment_bookings b
    JOIN assets a ON a.id = b.asset_id AND a.zone_id = b.zone_id
    JOIN zones kz ON kz.id = b.zone_id
    JOIN zones bz ON bz.id = b.borrower_zone_id
    LEFT JOIN users u ON u.id = b.requested_by
    LEFT JOIN people c ON c.id = b.collector_person_id
   WHERE ${where} ${tail}`

export function bookingRepository(db: Db) {
  return {
    async asset(id: string): Promise<BookableAsset | null> {
      const row = await db
        .selectFrom('assets as a')
        .innerJoin('zones as z', 'z.id', 'a.zone_id')
        .select([
          'a.id',
          'a.zone_id',
          'z.code',
          'z.name as zone_name',
          'a.kind',
          'a.name',
          'a.identifier',
          'a.status',
          'a.lendable',
          'a.odometer_km',
          'a.counter',
        ])
        .where('a.id', '=', id)
        .executeTakeFirst()
      if (!row) return null
      const validities = await db
        .selectFrom('asset_validities')
        .select(['kind', sql<string>`valid_until::text`.as('valid_until')])
        .where('asset_id', '=', id)
        .execute()
      return {
        id: row.id,
        zoneId: row.zone_id,
        zone: { id: row.zone_id, code: row.code, name: row.zone_name },
        kind: row.kind,
        name: row.name,
        identifier: row.identifier,
        status: row.status,
        lendable: row.lendable,
        odometerKm: row.odometer_km,
        counter: row.counter,
        validities: validities.map((v) => ({ kind: v.kind, validUntil: v.valid_until })),
      }
    },

    async terms(agreementId: string): Promise<LoanTerms[]> {
      const rows = await db
        .selectFrom('equipment_loan_terms')
        .selectAll()
        .where('agreement_id', '=', agreementId)
        .orderBy('kind')
        .execute()
      return rows.map((r) => ({
        kind: r.kind,
        autoApprove: r.auto_approve,
        autoApproveMaxHours: r.auto_approve_max_hours,
        bufferMinutes: r.buffer_minutes,
        feeCentsPerDay: r.fee_cents_per_day,
      }))
    },

    async replaceTerms(agreementId: string, associationId: string, items: LoanTerms[], userId: string, at: Date) {
      await db.deleteFrom('equipment_loan_terms').where('agreement_id', '=', agreementId).execute()
      if (items.length === 0) return
      await db
        .insertInto('equipment_loan_terms')
        .values(
          items.map((t) => ({
            agreement_id: agreementId,
            association_id: associationId,
            kind: t.kind,
            auto_approve: t.autoApprove,
            auto_approve_max_hours: t.autoApproveMaxHours,
            buffer_minutes: t.bufferMinutes,
            fee_cents_per_day: t.feeCentsPerDay,
            updated_by: userId,
            updated_at: at,
          })),
        )
        .execute()
    },

    /** Active bookings of the asset whose blocked period overlaps `blocked` (a booking's own row left out). */
    async conflicts(assetId: string, zoneId: string, blocked: Period, exceptId: string | null = null) {
      const rows = await sql<{ id: string; borrower_zone_id: string; from: Date; to: Date }>`
        SELECT id, borrower_zone_id, lower(blocked) AS "from", upper(blocked) AS "to"
          FROM equipment_bookings
         WHERE zone_id = ${zoneId} AND asset_id = ${assetId} AND status = ANY(${ACTIVE}::text[])
           AND blocked && ${range(blocked)}
           ${exceptId ? sql`AND id <> ${exceptId}` : sql``}
         ORDER BY lower(blocked)`.execute(db)
      return rows.rows
    },

    async insert(row: {
      groupId: string
      assetId: string
      zoneId: string
      borrowerZoneId: string
      agreementId: string | null
      associationId: string | null
      period: Period
      blocked: Period
      status: BookingStatus
      purpose: string
      collectorPersonId: string | null
      feeCentsPerDay: number
      idempotencyKey: string | null
      userId: string
      at: Date
      autoApproved: boolean
    }): Promise<string> {
      const { id } = await db
        .insertInto('equipment_bookings')
        .values({
          group_id: row.groupId,
          asset_id: row.assetId,
          zone_id: row.zoneId,
          borrower_zone_id: row.borrowerZoneId,
          agreement_id: row.agreementId,
          association_id: row.associationId,
          period: range(row.period),
          blocked: range(row.blocked),
          status: row.status,
          purpose: row.purpose,
          collector_person_id: row.collectorPersonId,
          fee_cents_per_day: row.feeCentsPerDay,
          idempotency_key: row.idempotencyKey,
          requested_by: row.userId,
          requested_at: row.at,
          decided_at: row.status === 'approved' ? row.at : null,
          auto_approved: row.autoApproved,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return id
    },

    async byIdempotency(borrowerZoneId: string, userId: string, key: string): Promise<BookingRow[]> {
      const r = await selectBookings(
        sql`b.borrower_zone_id = ${borrowerZoneId} AND b.requested_by = ${userId} AND b.idempotency_key = ${key}`,
        sql`ORDER BY a.name, b.id`,
      ).execute(db)
      return r.rows
    },

    /** The bookings of one group (a training session's range lanes, issue 11). */
    async byGroup(groupId: string): Promise<BookingRow[]> {
      return (await selectBookings(sql`b.group_id = ${groupId}`, sql`ORDER BY a.name, b.id`).execute(db)).rows
    },

    async byIds(ids: readonly string[]): Promise<BookingRow[]> {
      if (ids.length === 0) return []
      const r = await selectBookings(
        sql`b.id = ANY(${[...ids]}::uuid[])`,
        sql`ORDER BY lower(b.period), a.name`,
      ).execute(db)
      return r.rows
    },

    async byId(id: string, lock = false): Promise<BookingRow | null> {
      if (lock) await sql`SELECT 1 FROM equipment_bookings WHERE id = ${id} FOR UPDATE`.execute(db)
      return (await selectBookings(sql`b.id = ${id}`).execute(db)).rows[0] ?? null
    },

    /** A page of bookings on one side (keeper: of the zones' assets; borrower: the zones' own bookings). */
    async list(q: {
      side: 'keeper' | 'borrower'
      zoneIds: string[]
      status: BookingStatus | null
      from: string | null
      to: string | null
      limit: number
      offset: number
    }): Promise<BookingRow[]> {
      const column = q.side === 'keeper' ? sql`b.zone_id` : sql`b.borrower_zone_id`
      const where = sql`${column} = ANY(${q.zoneIds}::uuid[])
        ${q.status ? sql`AND b.status = ${q.status}` : sql``}
        ${q.from ? sql`AND upper(b.period) > (${q.from}::date::timestamp AT TIME ZONE 'Europe/Brussels')` : sql``}
        ${q.to ? sql`AND lower(b.period) < ((${q.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Brussels')` : sql``}`
      const r = await selectBookings(
        where,
        sql`ORDER BY lower(b.period) DESC, a.name, b.id LIMIT ${q.limit} OFFSET ${q.offset}`,
      ).execute(db)
      return r.rows
    },

    async setStatus(
      id: string,
      status: BookingStatus,
      decision: { userId: string; at: Date; note: string | null } | null,
    ) {
      await db
        .updateTable('equipment_bookings')
        .set({
          status,
          ...(decision ? { decided_by: decision.userId, decided_at: decision.at, decision_note: decision.note } : {}),
        })
        .where('id', '=', id)
        .execute()
    },

    async handovers(bookingIds: readonly string[]): Promise<HandoverRow[]> {
      if (bookingIds.length === 0) return []
      const r = await sql<HandoverRow>`
        SELECT h.id, h.booking_id, h.kind, h.at, h.handed_by_person_id,
               hp.first_name || ' ' || hp.last_name AS handed_by_name, h.received_by_person_id,
               rp.first_name || ' ' || rp.last_name AS received_by_name,
               h.condition, h.odometer_km, h.counter, h.damage_note
          FROM equipment_handovers h
          JOIN people hp ON hp.id = h.handed_by_person_id
          JOIN people rp ON rp.id = h.received_by_person_id
         WHERE h.booking_id = ANY(${[...bookingIds]}::uuid[])
         ORDER BY h.at, h.kind DESC`.execute(db)
      return r.rows
    },

    /** A person of `zoneId` (employed), or null. */
    async personIn(personId: string, zoneId: string): Promise<{ id: string; name: string } | null> {
      const row = await db
        .selectFrom('people')
        .select(['id', sql<string>`first_name || ' ' || last_name`.as('name')])
        .where('id', '=', personId)
        .where('zone_id', '=', zoneId)
        .executeTakeFirst()
      return row ?? null
    },

    /** Whether the reader may see the person (its own zone's, or a partner's through a visibility reason). */
    async personSeen(personId: string, scope: VisibilityScope): Promise<boolean> {
      const row = await db
        .selectFrom('people as p')
        .select('p.id')
        .where('p.id', '=', personId)
        .where(personVisible(scope))
        .executeTakeFirst()
      return row !== undefined
    },

    insertHandover: (values: Insertable<DB['equipment_handovers']>) =>
      db.insertInto('equipment_handovers').values(values).returning('id').executeTakeFirstOrThrow(),

    /** The asset's counters as a handover read them (only those given). */
    async recordCounters(
      asset: { id: string; zoneId: string },
      counters: { odometerKm?: number | undefined; counter?: number | undefined },
      at: Date,
    ): Promise<void> {
      if (counters.odometerKm === undefined && counters.counter === undefined) return
      await db
        .updateTable('assets')
        .set({
          ...(counters.odometerKm !== undefined ? { odometer_km: counters.odometerKm } : {}),
          ...(counters.counter !== undefined ? { counter: counters.counter } : {}),
          updated_at: at,
        })
        .where('id', '=', asset.id)
        .where('zone_id', '=', asset.zoneId)
        .execute()
    },

    async usersWithRole(zoneId: string, roles: readonly string[]): Promise<string[]> {
      const rows = await sql<{ id: string }>`
        SELECT DISTINCT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id
         WHERE ur.zone_id = ${zoneId} AND ur.role = ANY(${[...roles]}::text[]) AND u.disabled_at IS NULL
         ORDER BY u.id`.execute(db)
      return rows.rows.map((r) => r.id)
    },

    /** Checked-out loans past their end that were not reminded yet (locked, skipping those another runner has). */
    async overdueToRemind(at: Date, limit: number): Promise<BookingRow[]> {
      const ids = await sql<{ id: string }>`
        SELECT id FROM equipment_bookings
         WHERE status = 'checked_out' AND upper(period) <= ${at} AND overdue_reminded_at IS NULL
         ORDER BY upper(period) LIMIT ${limit} FOR UPDATE SKIP LOCKED`.execute(db)
      return this.byIds(ids.rows.map((r) => r.id))
    },

    async markReminded(ids: readonly string[], at: Date) {
      if (ids.length === 0) return
      await db
        .updateTable('equipment_bookings')
        .set({ overdue_reminded_at: at })
        .where('id', 'in', [...ids])
        .execute()
    },
  }
}

export type BookingRepository = ReturnType<typeof bookingRepository>
