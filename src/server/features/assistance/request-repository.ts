// All SQL of assistance requests, offers and deployments (issue 9), built from the caller's transaction (or the
// root db for plain reads). Periods are tstzrange `[)`; the API's start/end are their bounds.
import { sql, type Kysely, type Transaction } from 'kysely'
import { registerConstraintCodes } from '../../platform/errors.ts'
import type { AssistanceStatus, OfferLineStatus, Rank } from '../../platform/enums.ts'
import type { DB } from '../../platform/schema.ts'

// The constraints of migration 0018 a request of this part can hit (the rest are shapes validation refuses first).
registerConstraintCodes({
  assistance_requests_idempotency: 'ASSISTANCE_IDEMPOTENCY_CONFLICT',
  assistance_requests_period: 'ASSISTANCE_WINDOW_INVALID',
  assistance_request_lines_count: 'ASSISTANCE_COUNT_INVALID',
  assistance_offer_lines_count: 'ASSISTANCE_COUNT_INVALID',
  assistance_offer_lines_named: 'ASSISTANCE_OFFER_PERSON_INVALID',
  assistance_offer_lines_person: 'ASSISTANCE_OFFER_PERSON_INVALID',
  assistance_deployments_no_overlap: 'ASSISTANCE_DEPLOYMENT_OVERLAP',
  assistance_deployments_once: 'ASSISTANCE_DEPLOYMENT_DUPLICATE',
  assistance_deployments_period: 'ASSISTANCE_DEPLOYMENT_PERIOD_INVALID',
})

type Db = Kysely<DB> | Transaction<DB>

export interface RequestRow {
  id: string
  association_id: string
  association_name: string
  zone_id: string
  zone_code: string
  zone_name: string
  urgency: 'urgent' | 'planned'
  category: string
  status: AssistanceStatus
  start: Date
  end: Date
  municipality_id: string | null
  municipality_name: string | null
  place: string
  purpose: string
  contact: string
  addressing: 'all' | 'chosen'
  created_by: string | null
  created_at: Date
  requested_at: Date | null
  approved_by: string | null
  approved_by_name: string | null
  approved_at: Date | null
  cancel_reason: string | null
  lines: { capability: string; count: number }[]
  offered_count: number
  accepted_count: number
}

export interface AddresseeRow {
  zone_id: string
  zone_code: string
  zone_name: string
  alerted_at: Date | null
  acknowledged_at: Date | null
  acknowledged_by: string | null
  acknowledged_by_name: string | null
  first_offer_at: Date | null
  declined_at: Date | null
  declined_by: string | null
  declined_by_name: string | null
  decline_reason: string | null
  escalated_level: 'on_duty' | 'shift_leader' | 'korpschef' | null
}

export interface PersonCols {
  person_id: string | null
  person_first_name: string | null
  person_last_name: string | null
  person_rank: Rank | null
  person_zone_id: string | null
  person_zone_code: string | null
  person_zone_name: string | null
}

export interface OfferRow {
  id: string
  zone_id: string
  zone_code: string
  zone_name: string
  expected_arrival: Date | null
  note: string
  withdrawn_at: Date | null
  created_at: Date
  created_by: string | null
  created_by_name: string | null
}

export interface OfferLineRow extends PersonCols {
  id: string
  offer_id: string
  zone_id: string
  capability: string
  count: number
  status: OfferLineStatus
  decided_at: Date | null
}

export interface DeploymentRow extends PersonCols {
  id: string
  request_id: string
  helping_zone_id: string
  helped_zone_id: string
  offer_line_id: string | null
  capability: string
  arrived_at: Date | null
  start: Date | null
  end: Date | null
  recorded_by: string | null
  recorded_by_name: string | null
  recorded_at: Date | null
  helping_confirmed_at: Date | null
  helping_confirmed_by: string | null
  helping_confirmed_by_name: string | null
  helped_confirmed_at: Date | null
  helped_confirmed_by: string | null
  helped_confirmed_by_name: string | null
}

export interface EventRow {
  id: number
  action: string
  from_status: AssistanceStatus | null
  to_status: AssistanceStatus | null
  zone_id: string
  zone_code: string
  zone_name: string
  user_id: string | null
  user_name: string | null
  at: Date
  details: Record<string, unknown>
}

/** The request's columns with its zone, association, municipality, lines and offered/accepted counts. */
const requestSelect = sql`
  SELECT r.id, r.association_id, a.name AS association_name, r.zone_id, z.code AS zone_code, z.name AS zone_name,
         r.urgency, r.category, r.status, lower(r.period) AS start, upper(r.period) AS "end",
         r.municipality_id, m.name AS municipality_name, r.place, r.purpose, r.contact, r.addressing,
         r.created_by, r.created_at, r.requested_at, r.approved_by, au.display_name AS approved_by_name,
         r.approved_at, r.cancel_reason,
         coalesce((SELECT jsonb_agg(jsonb_build_object('capability', l.capability, 'count', l.count) ORDER BY l.capability)
                     FROM assistance_request_lines l WHERE l.request_id = r.id), '[]'::jsonb) AS lines,
         coalesce((SELECT sum(ol.count) FROM assistance_offer_lines ol JOIN assistance_offers o ON o.id = ol.offer_id
                    WHERE o.request_id = r.id AND ol.status IN ('offered', 'accepted')), 0)::int AS offered_count,
         coalesce((SELECT sum(ol.count) FROM assistance_offer_lines ol JOIN assistance_offers o ON o.id = ol.offer_id
                    WHERE o.request_id = r.id AND ol.status = 'accepted'), 0)::int AS accepted_count
    FROM assistance_requests r
    JOIN associations a ON a.id = r.association_id
    JOIN zones z ON z.id = r.zone_id
    LEFT JOIN municipalities m ON m.id = r.municipality_id
    LEFT JOIN users au ON au.id = r.approved_by`

const personJoin = (alias: string) => sql`
    LEFT JOIN people p ON p.id = ${sql.ref(`${alias}.person_id`)}
    LEFT JOIN zones pz ON pz.id = p.zone_id`
const personSelect = sql`p.id AS person_id, p.first_name AS person_first_name, p.last_name AS person_last_name,
         p.rank AS person_rank, p.zone_id AS person_zone_id, pz.code AS person_zone_code, pz.name AS person_zone_name`

export interface ListFilter {
  /** Requests of these zones (outgoing), or of these associations (an admin's). */
  ownZoneIds: readonly string[]
  associationIds: readonly string[]
  direction: 'outgoing' | 'incoming' | 'all'
  statuses: readonly string[] | null
  from: string | null
  to: string | null
  before: { at: Date; id: string } | null
  limit: number
}

export interface ListRow extends RequestRow {
  incoming: boolean
}

export function requestRepository(db: Db) {
  return {
    /** Locks the request row: transitions of one request serialize. */
    lock: (id: string) => sql`SELECT id FROM assistance_requests WHERE id = ${id} FOR UPDATE`.execute(db),

    async byId(id: string): Promise<RequestRow | undefined> {
      const { rows } = await sql<RequestRow>`${requestSelect} WHERE r.id = ${id}`.execute(db)
      return rows[0]
    },

    async byIdempotency(zoneId: string, userId: string, key: string) {
      return db
        .selectFrom('assistance_requests')
        .select('id')
        .where('zone_id', '=', zoneId)
        .where('created_by', '=', userId)
        .where('idempotency_key', '=', key)
        .executeTakeFirst()
    },

    /** The fingerprint of the body that created the request (its `create` event), to compare a resend with. */
    async createFingerprint(requestId: string): Promise<string | null> {
      const row = await db
        .selectFrom('assistance_events')
        .select(sql<string | null>`details->>'fingerprint'`.as('fingerprint'))
        .where('request_id', '=', requestId)
        .where('action', '=', 'create')
        .executeTakeFirst()
      return row?.fingerprint ?? null
    },

    async list(f: ListFilter): Promise<ListRow[]> {
      const own = [...f.ownZoneIds]
      const outgoing = sql`(r.zone_id = ANY(${own}::uuid[]) OR r.association_id = ANY(${[...f.associationIds]}::uuid[]))`
      // Incoming: addressed to an own zone and sent (never a draft or a request awaiting its approval).
      const incoming = sql`EXISTS (SELECT 1 FROM assistance_addressees ad WHERE ad.request_id = r.id
                                     AND ad.zone_id = ANY(${own}::uuid[]) AND ad.alerted_at IS NOT NULL)`
      const which =
        f.direction === 'outgoing'
          ? outgoing
          : f.direction === 'incoming'
            ? incoming
            : sql`(${outgoing} OR ${incoming})`
      const conditions = [which]
      if (f.statuses) conditions.push(sql`r.status = ANY(${[...f.statuses]}::text[])`)
      if (f.from) conditions.push(sql`upper(r.period) > (${f.from}::date::timestamp AT TIME ZONE 'Europe/Brussels')`)
      if (f.to) conditions.push(sql`lower(r.period) < ((${f.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Brussels')`)
      if (f.before) conditions.push(sql`(r.created_at, r.id) < (${f.before.at}::timestamptz, ${f.before.id}::uuid)`)
      const { rows } = await sql<ListRow>`
        SELECT q.*, NOT (q.zone_id = ANY(${own}::uuid[]) OR q.association_id = ANY(${[...f.associationIds]}::uuid[])) AS incoming
          FROM (${requestSelect} WHERE ${sql.join(conditions, sql` AND `)}
                ORDER BY r.created_at DESC, r.id DESC LIMIT ${f.limit}) q
         ORDER BY q.created_at DESC, q.id DESC`.execute(db)
      return rows
    },

    async addressees(requestIds: readonly string[]): Promise<(AddresseeRow & { request_id: string })[]> {
      if (requestIds.length === 0) return []
      const { rows } = await sql<AddresseeRow & { request_id: string }>`
        SELECT ad.request_id, ad.zone_id, z.code AS zone_code, z.name AS zone_name, ad.alerted_at,
               ad.acknowledged_at, ad.acknowledged_by, ku.display_name AS acknowledged_by_name, ad.first_offer_at,
               ad.declined_at, ad.declined_by, du.display_name AS declined_by_name, ad.decline_reason, ad.escalated_level
          FROM assistance_addressees ad
          JOIN zones z ON z.id = ad.zone_id
          LEFT JOIN users ku ON ku.id = ad.acknowledged_by
          LEFT JOIN users du ON du.id = ad.declined_by
         WHERE ad.request_id = ANY(${[...requestIds]}::uuid[])
         ORDER BY z.code`.execute(db)
      return rows
    },

    async offers(requestId: string): Promise<OfferRow[]> {
      const { rows } = await sql<OfferRow>`
        SELECT o.id, o.zone_id, z.code AS zone_code, z.name AS zone_name, o.expected_arrival, o.note, o.withdrawn_at,
               o.created_at, o.created_by, u.display_name AS created_by_name
          FROM assistance_offers o
          JOIN zones z ON z.id = o.zone_id
          LEFT JOIN users u ON u.id = o.created_by
         WHERE o.request_id = ${requestId}
         ORDER BY o.created_at, o.id`.execute(db)
      return rows
    },

    async offerLines(requestId: string): Promise<OfferLineRow[]> {
      const { rows } = await sql<OfferLineRow>`
        SELECT l.id, l.offer_id, l.zone_id, l.capability, l.count, l.status, l.decided_at, ${personSelect}
          FROM assistance_offer_lines l
          JOIN assistance_offers o ON o.id = l.offer_id
          ${personJoin('l')}
         WHERE o.request_id = ${requestId}
         ORDER BY l.capability, l.id`.execute(db)
      return rows
    },

    async offer(id: string) {
      return db.selectFrom('assistance_offers').selectAll().where('id', '=', id).executeTakeFirst()
    },

    async deployments(requestId: string): Promise<DeploymentRow[]> {
      const { rows } = await sql<DeploymentRow>`${deploymentSelect} WHERE d.request_id = ${requestId}
         ORDER BY d.created_at, d.id`.execute(db)
      return rows
    },

    async deployment(id: string): Promise<DeploymentRow | undefined> {
      const { rows } = await sql<DeploymentRow>`${deploymentSelect} WHERE d.id = ${id}`.execute(db)
      return rows[0]
    },

    async events(requestId: string): Promise<EventRow[]> {
      const { rows } = await sql<EventRow>`
        SELECT e.id::int AS id, e.action, e.from_status, e.to_status, e.zone_id, z.code AS zone_code,
               z.name AS zone_name, e.user_id, u.display_name AS user_name, e.at, e.details
          FROM assistance_events e
          JOIN zones z ON z.id = e.zone_id
          LEFT JOIN users u ON u.id = e.user_id
         WHERE e.request_id = ${requestId}
         ORDER BY e.id`.execute(db)
      return rows
    },

    /** The association's retroactive approval days (3 without a settings row). */
    async retroApprovalDays(associationId: string): Promise<number> {
      const row = await db
        .selectFrom('assistance_settings')
        .select('retro_approval_days')
        .where('association_id', '=', associationId)
        .executeTakeFirst()
      return row?.retro_approval_days ?? 3
    },

    /** People of the given ids with their zone and whether they are operational staff employed on `date`. */
    async people(ids: readonly string[], date: string) {
      if (ids.length === 0) return []
      const { rows } = await sql<{ id: string; zone_id: string; operational: boolean }>`
        SELECT p.id, p.zone_id,
               (p.staff_kind = 'operational' AND p.employed_from <= ${date}::date
                AND (p.employed_to IS NULL OR p.employed_to >= ${date}::date)) AS operational
          FROM people p WHERE p.id = ANY(${[...ids]}::uuid[])`.execute(db)
      return rows
    },

    async municipalityZone(id: string): Promise<string | undefined> {
      const row = await db.selectFrom('municipalities').select('zone_id').where('id', '=', id).executeTakeFirst()
      return row?.zone_id
    },

    /** Zones (id, code, name) by id. */
    async zones(ids: readonly string[]) {
      if (ids.length === 0) return []
      return db
        .selectFrom('zones')
        .select(['id', 'code', 'name'])
        .where('id', 'in', [...ids])
        .execute()
    },

    async associations(ids: readonly string[]) {
      if (ids.length === 0) return []
      return db
        .selectFrom('associations')
        .select(['id', 'name'])
        .where('id', 'in', [...ids])
        .execute()
    },

    /** The municipalities of zones in force on `date`. */
    async municipalities(zoneIds: readonly string[], date: string) {
      if (zoneIds.length === 0) return []
      return db
        .selectFrom('municipalities')
        .select(['id', 'name', 'zone_id'])
        .where('zone_id', 'in', [...zoneIds])
        .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', date)]))
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]))
        .orderBy('name')
        .execute()
    },
  }
}

const deploymentSelect = sql`
  SELECT d.id, d.request_id, d.helping_zone_id, d.helped_zone_id, d.offer_line_id, d.capability, d.arrived_at,
         lower(d.period) AS start, upper(d.period) AS "end", d.recorded_by, ru.display_name AS recorded_by_name,
         d.recorded_at, d.helping_confirmed_at, d.helping_confirmed_by, hu.display_name AS helping_confirmed_by_name,
         d.helped_confirmed_at, d.helped_confirmed_by, du.display_name AS helped_confirmed_by_name, ${personSelect}
    FROM assistance_deployments d
    ${personJoin('d')}
    LEFT JOIN users ru ON ru.id = d.recorded_by
    LEFT JOIN users hu ON hu.id = d.helping_confirmed_by
    LEFT JOIN users du ON du.id = d.helped_confirmed_by`

export type RequestRepository = ReturnType<typeof requestRepository>
