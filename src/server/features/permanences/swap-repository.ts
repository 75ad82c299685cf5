// The SQL of swap, give-away and replacement requests (migration 0016), their approvals, and the duty reads the
// flow needs (a person's duties around an instant, my duties, gaps). Instants come back as Date.
import { sql, type Kysely, type Transaction } from 'kysely'
import { registerConstraintCodes } from '../../platform/errors.ts'
import type { SwapKind, SwapStatus } from '../../platform/enums.ts'
import type { DB } from '../../platform/schema.ts'
import type { DutyRow } from './roster-repository.ts'

registerConstraintCodes({
  swap_requests_one_active: 'SWAP_ALREADY_REQUESTED',
  swap_approvals_pkey: 'SWAP_ALREADY_APPROVED',
})

type Db = Kysely<DB> | Transaction<DB>

const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`

export interface SwapRow {
  id: string
  kind: SwapKind
  rotation_id: string
  association_id: string
  rotation_name: string
  domain_code: string
  duty_id: string
  slot_key: string
  position: number
  start: Date
  end: Date
  requester_person_id: string
  requester_zone_id: string
  requested_by: string | null
  note: string | null
  unavailability_id: string | null
  status: SwapStatus
  taker_person_id: string | null
  taker_zone_id: string | null
  return_duty_id: string | null
  return_start: Date | null
  return_end: Date | null
  return_slot_key: string | null
  return_rotation_id: string | null
  created_at: Date
  taken_at: Date | null
  decided_at: Date | null
  /** The zones whose planner approved, so far. */
  approved_zone_ids: string[]
  /** The zones the rotation covers. */
  rotation_zone_ids: string[]
}

const swapSelect = sql`
  SELECT s.id, s.kind, s.rotation_id, r.association_id, r.name AS rotation_name, r.domain_code, s.duty_id, s.slot_key,
         s.position, lower(s.period) AS start, upper(s.period) AS "end", s.requester_person_id, s.requester_zone_id,
         s.requested_by, s.note, s.unavailability_id, s.status, s.taker_person_id, s.taker_zone_id, s.return_duty_id,
         lower(rd.period) AS return_start, upper(rd.period) AS return_end, rd.slot_key AS return_slot_key,
         rd.rotation_id AS return_rotation_id, s.created_at, s.taken_at, s.decided_at,
         coalesce((SELECT array_agg(a.zone_id ORDER BY a.zone_id) FROM swap_approvals a WHERE a.swap_request_id = s.id),
                  '{}') AS approved_zone_ids,
         (SELECT array_agg(z.zone_id ORDER BY z.zone_id) FROM rotation_zones z WHERE z.rotation_id = s.rotation_id)
           AS rotation_zone_ids
    FROM swap_requests s
    JOIN rotations r ON r.id = s.rotation_id
    LEFT JOIN duties rd ON rd.id = s.return_duty_id`

export interface SwapListFilter {
  /** Rotations covering one of these zones, or of these associations. */
  zoneIds: readonly string[]
  associationIds: readonly string[]
  statuses?: readonly SwapStatus[]
  /** Only requests whose duty ends after this instant. */
  endingAfter: Date
}

export function swapRepository(db: Db) {
  return {
    /** The open or taken request on one position of a slot, if any. */
    activeOnPosition: (rotationId: string, slotKey: string, position: number) =>
      db
        .selectFrom('swap_requests')
        .select('id')
        .where('rotation_id', '=', rotationId)
        .where('slot_key', '=', slotKey)
        .where('position', '=', position)
        .where('status', 'in', ['open', 'taken'])
        .executeTakeFirst(),

    /** A person's own open or taken requests: which duty each is about. */
    activeOf: (personId: string) =>
      db
        .selectFrom('swap_requests')
        .select(['id', 'duty_id'])
        .where('requester_person_id', '=', personId)
        .where('status', 'in', ['open', 'taken'])
        .execute(),

    /** The rotations a person is a member of on `date`. */
    memberRotations: async (personId: string, date: string) =>
      (
        await db
          .selectFrom('rotation_members')
          .select('rotation_id')
          .where('person_id', '=', personId)
          .where(sql<boolean>`period @> ${date}::date`)
          .execute()
      ).map((r) => r.rotation_id),

    /** The enabled users with the planner role in these zones. */
    plannerUsers: async (zoneIds: readonly string[]) =>
      zoneIds.length === 0
        ? []
        : (
            await db
              .selectFrom('user_roles as r')
              .innerJoin('users as u', 'u.id', 'r.user_id')
              .select('u.id')
              .where('r.role', '=', 'planner')
              .where('r.zone_id', 'in', [...zoneIds])
              .where('u.disabled_at', 'is', null)
              .execute()
          ).map((u) => u.id),

    /** A duty row by id, with whether it is in force now (its `recorded` is open). */
    duty: (id: string) =>
      sql<DutyRow & { in_force: boolean }>`
        SELECT d.id, d.rotation_id, d.slot_key, d.position, lower(d.period) AS start, upper(d.period) AS "end",
               d.person_id, d.zone_id, d.pinned, d.cause, d.duty_kind, upper_inf(d.recorded) AS in_force
          FROM duties d WHERE d.id = ${id}`
        .execute(db)
        .then((r) => r.rows[0]),

    /** Duties in force of these people overlapping [from, to), in every rotation. */
    dutiesOf: (personIds: readonly string[], from: Date, to: Date) =>
      personIds.length === 0
        ? Promise.resolve([] as DutyRow[])
        : sql<DutyRow>`
            SELECT d.id, d.rotation_id, d.slot_key, d.position, lower(d.period) AS start, upper(d.period) AS "end",
                   d.person_id, d.zone_id, d.pinned, d.cause, d.duty_kind
              FROM duties d
             WHERE d.person_id = ANY(${[...personIds]}::uuid[]) AND upper_inf(d.recorded)
               AND d.period && tstzrange(${iso(from)}, ${iso(to)})
             ORDER BY lower(d.period)`
            .execute(db)
            .then((r) => r.rows),

    /** One person's duties in force ending after `after`, with their rotation's name (my duties). */
    upcoming: (personId: string, after: Date) =>
      sql<DutyRow & { rotation_name: string; domain_code: string }>`
        SELECT d.id, d.rotation_id, d.slot_key, d.position, lower(d.period) AS start, upper(d.period) AS "end",
               d.person_id, d.zone_id, d.pinned, d.cause, d.duty_kind, r.name AS rotation_name, r.domain_code
          FROM duties d JOIN rotations r ON r.id = d.rotation_id
         WHERE d.person_id = ${personId} AND upper_inf(d.recorded) AND upper(d.period) > ${iso(after)}
         ORDER BY lower(d.period) LIMIT 200`
        .execute(db)
        .then((r) => r.rows),

    insert: (r: {
      kind: SwapKind
      duty: DutyRow
      requesterZoneId: string
      requestedBy: string | null
      note: string | null
      unavailabilityId: string | null
      at: Date
    }) =>
      db
        .insertInto('swap_requests')
        .values({
          kind: r.kind,
          rotation_id: r.duty.rotation_id,
          duty_id: r.duty.id,
          slot_key: r.duty.slot_key,
          position: r.duty.position,
          period: sql<string>`tstzrange(${iso(r.duty.start)}, ${iso(r.duty.end)})`,
          requester_person_id: r.duty.person_id,
          requester_zone_id: r.requesterZoneId,
          requested_by: r.requestedBy,
          note: r.note,
          unavailability_id: r.unavailabilityId,
          status: 'open',
          created_at: r.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),

    byId: (id: string) => sql<SwapRow>`${swapSelect} WHERE s.id = ${id}`.execute(db).then((r) => r.rows[0]),

    /** Locks the request: transitions of one request run one after the other. */
    lock: (id: string) => sql`SELECT id FROM swap_requests WHERE id = ${id} FOR UPDATE`.execute(db),

    list: (f: SwapListFilter) =>
      sql<SwapRow>`${swapSelect}
        WHERE (r.association_id = ANY(${[...f.associationIds]}::uuid[])
               OR EXISTS (SELECT 1 FROM rotation_zones z WHERE z.rotation_id = s.rotation_id
                           AND z.zone_id = ANY(${[...f.zoneIds]}::uuid[])))
          AND upper(s.period) > ${iso(f.endingAfter)}
          ${f.statuses ? sql`AND s.status = ANY(${[...f.statuses]}::text[])` : sql``}
        ORDER BY lower(s.period), s.created_at
        LIMIT 500`
        .execute(db)
        .then((r) => r.rows),

    /** open → taken, only if still open (the second of two concurrent takes changes nothing). */
    take: (id: string, taker: { personId: string; zoneId: string }, returnDutyId: string | null, at: Date) =>
      db
        .updateTable('swap_requests')
        .set({
          status: 'taken',
          taker_person_id: taker.personId,
          taker_zone_id: taker.zoneId,
          return_duty_id: returnDutyId,
          taken_at: at,
        })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .returning('id')
        .executeTakeFirst(),

    /** Moves a request from one of `from` to `to`; undefined when it was in none of them. */
    decide: (id: string, from: readonly SwapStatus[], to: SwapStatus, by: string | null, at: Date) =>
      db
        .updateTable('swap_requests')
        .set({ status: to, decided_at: at, decided_by: by })
        .where('id', '=', id)
        .where('status', 'in', [...from])
        .returning('id')
        .executeTakeFirst(),

    approve: (id: string, zoneId: string, by: string, at: Date) =>
      db
        .insertInto('swap_approvals')
        .values({ swap_request_id: id, zone_id: zoneId, approved_by: by, approved_at: at })
        .execute(),

    /** Published slots of these rotations in [from, to) without a duty in force (from the latest published version
     *  that plans them). */
    gaps: (rotationIds: readonly string[], from: Date, to: Date) =>
      rotationIds.length === 0
        ? Promise.resolve([])
        : sql<{ rotation_id: string; slot_key: string; position: number; start: Date; end: Date }>`
            SELECT v.rotation_id, s.slot_key, s.position, lower(s.period) AS start, upper(s.period) AS "end"
              FROM roster_draft_slots s
              JOIN roster_versions v ON v.id = s.roster_version_id AND v.status = 'published'
             WHERE v.rotation_id = ANY(${[...rotationIds]}::uuid[])
               AND s.period && tstzrange(${iso(from)}, ${iso(to)})
               AND NOT EXISTS (SELECT 1 FROM roster_versions w
                                WHERE w.rotation_id = v.rotation_id AND w.status = 'published'
                                  AND w.version > v.version AND w.horizon @> lower(s.period))
               AND NOT EXISTS (SELECT 1 FROM duties d
                                WHERE d.rotation_id = v.rotation_id AND d.slot_key = s.slot_key
                                  AND d.position = s.position AND upper_inf(d.recorded))
             ORDER BY lower(s.period), v.rotation_id, s.position
             LIMIT 500`
            .execute(db)
            .then((r) => r.rows),
  }
}

export type SwapRepository = ReturnType<typeof swapRepository>
