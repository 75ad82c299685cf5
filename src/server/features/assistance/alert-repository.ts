// All SQL of the alerts (issue 9): who is alerted in a partner zone (duties in force at an instant), the
// addressee rows an alert lives in (its escalation plan, its acknowledgement), and the open alerts of a zone.
import { sql, type Kysely, type Transaction } from 'kysely'
import { ruleRow } from '../../platform/policy.ts'
import type { DB } from '../../platform/schema.ts'
import type { EscalationLevel } from './domain/escalation.ts'

/** The zone roles that may answer a request (the rule `assistance.respond`): only they are alerted. */
const RESPOND_ROLES: readonly string[] = (() => {
  const who = ruleRow('assistance.respond').who
  return typeof who === 'object' ? who.zoneRoles : []
})()

/** The request's statuses in which an alert still waits for an answer (sent, not finished). */
export const OPEN_STATUSES = ['requested', 'info_requested', 'offered', 'accepted', 'under_way'] as const

/** One step of the plan as stored in assistance_addressees.escalation (instants as ISO strings). */
export interface StoredStep {
  level: EscalationLevel
  userIds: string[]
  at: string
}

export interface AddresseeRow {
  request_id: string
  zone_id: string
  association_id: string
  requesting_zone_id: string
  requesting_zone_name: string
  urgency: 'urgent' | 'planned'
  category: string
  status: string
  place: string
  start: Date
  alerted_at: Date | null
  acknowledged_at: Date | null
  acknowledged_by: string | null
  declined_at: Date | null
  escalation: StoredStep[]
  escalated_level: EscalationLevel | null
}

export interface OpenAlertRow {
  request_id: string
  zone_id: string
  requesting_zone_id: string
  requesting_zone_code: string
  requesting_zone_name: string
  urgency: 'urgent' | 'planned'
  category: string
  status: string
  start: Date
  end: Date
  place: string
  municipality_id: string | null
  alerted_at: Date
  escalated_level: EscalationLevel | null
  escalation: StoredStep[]
  lines: { capability: string; count: number }[]
}

const addresseeColumns = sql`
  a.request_id, a.zone_id, r.association_id, r.zone_id AS requesting_zone_id, z.name AS requesting_zone_name,
  r.urgency, r.category, r.status, r.place, lower(r.period) AS start, a.alerted_at, a.acknowledged_at,
  a.acknowledged_by, a.declined_at, a.escalation, a.escalated_level`

export function alertRepository(db: Kysely<DB> | Transaction<DB>) {
  /** Users of `zoneId` able to respond whose own person holds a duty in force at `at` in a rotation of
   *  `domain` covering the zone; null when no such rotation covers the zone on that day at all. */
  async function onDutyUsers(zoneId: string, domain: string, at: Date, date: string): Promise<string[] | null> {
    const covering = await sql<{ id: string }>`
      SELECT r.id FROM rotations r JOIN rotation_zones rz ON rz.rotation_id = r.id AND rz.zone_id = ${zoneId}
       WHERE r.domain_code = ${domain} AND r.valid_from <= ${date}::date
         AND (r.valid_to IS NULL OR r.valid_to >= ${date}::date)`.execute(db)
    if (covering.rows.length === 0) return null
    const rows = await sql<{ id: string }>`
      SELECT DISTINCT u.id FROM duties d
        JOIN users u ON u.person_id = d.person_id AND u.disabled_at IS NULL
        JOIN user_roles ur ON ur.user_id = u.id AND ur.zone_id = ${zoneId} AND ur.role = ANY(${[...RESPOND_ROLES]}::text[])
       WHERE d.rotation_id = ANY(${covering.rows.map((r) => r.id)}::uuid[]) AND d.zone_id = ${zoneId}
         AND upper_inf(d.recorded) AND d.period @> ${at.toISOString()}::timestamptz
       ORDER BY u.id`.execute(db)
    return rows.rows.map((r) => r.id)
  }

  /** Enabled users holding one of `roles` in the zone. */
  async function usersWithRole(zoneId: string, roles: readonly string[]): Promise<string[]> {
    const rows = await sql<{ id: string }>`
      SELECT DISTINCT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id
       WHERE ur.zone_id = ${zoneId} AND ur.role = ANY(${[...roles]}::text[]) AND u.disabled_at IS NULL
       ORDER BY u.id`.execute(db)
    return rows.rows.map((r) => r.id)
  }

  return {
    /**
     * Who an urgent alert reaches in `zoneId` at `at`, level by level. on_duty: the officer of duty of the zone
     * (its own person on duty in an officer-of-duty rotation covering it); when no such rotation covers the zone,
     * the zone's dispatch instead (its officers and planners). shift_leader: the same for the shift-leader
     * rotation (nobody when none). korpschef: the zone's korpschef.
     */
    async recipients(zoneId: string, at: Date, date: string): Promise<Record<EscalationLevel, string[]>> {
      const onDuty = await onDutyUsers(zoneId, 'permanence.officer_of_duty', at, date)
      return {
        on_duty: onDuty ?? (await usersWithRole(zoneId, ['officer', 'planner'])),
        shift_leader: (await onDutyUsers(zoneId, 'permanence.shift_leader', at, date)) ?? [],
        korpschef: await usersWithRole(zoneId, ['korpschef']),
      }
    },

    usersWithRole,

    /** The escalation time of the association (minutes; the table's default when it has no settings row). */
    async escalationMinutes(associationId: string): Promise<number> {
      const row = await db
        .selectFrom('assistance_settings')
        .select('escalation_minutes')
        .where('association_id', '=', associationId)
        .executeTakeFirst()
      return row?.escalation_minutes ?? 5
    },

    /** The addressee row of one zone with its request's facts; locked for the transaction with `lock`. */
    async addressee(requestId: string, zoneId: string, lock = false): Promise<AddresseeRow | undefined> {
      const rows = await sql<AddresseeRow>`
        SELECT ${addresseeColumns}
          FROM assistance_addressees a
          JOIN assistance_requests r ON r.id = a.request_id
          JOIN zones z ON z.id = r.zone_id
         WHERE a.request_id = ${requestId} AND a.zone_id = ${zoneId}
         ${lock ? sql`FOR UPDATE OF a` : sql``}`.execute(db)
      return rows.rows[0]
    },

    /** The addressee rows of a request in these zones that were alerted (sent to them). */
    async alertedIn(requestId: string, zoneIds: readonly string[]): Promise<AddresseeRow[]> {
      if (zoneIds.length === 0) return []
      const rows = await sql<AddresseeRow>`
        SELECT ${addresseeColumns}
          FROM assistance_addressees a
          JOIN assistance_requests r ON r.id = a.request_id
          JOIN zones z ON z.id = r.zone_id
         WHERE a.request_id = ${requestId} AND a.zone_id = ANY(${[...zoneIds]}::uuid[]) AND a.alerted_at IS NOT NULL
         ORDER BY a.zone_id`.execute(db)
      return rows.rows
    },

    /** Every zone a request is addressed to. */
    async addressedZoneIds(requestId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('assistance_addressees')
        .select('zone_id')
        .where('request_id', '=', requestId)
        .orderBy('zone_id')
        .execute()
      return rows.map((r) => r.zone_id)
    },

    async storePlan(requestId: string, zoneId: string, plan: readonly StoredStep[], level: EscalationLevel | null) {
      await db
        .updateTable('assistance_addressees')
        .set({ escalation: JSON.stringify(plan), escalated_level: level })
        .where('request_id', '=', requestId)
        .where('zone_id', '=', zoneId)
        .execute()
    },

    async setLevel(requestId: string, zoneId: string, level: EscalationLevel) {
      await db
        .updateTable('assistance_addressees')
        .set({ escalated_level: level })
        .where('request_id', '=', requestId)
        .where('zone_id', '=', zoneId)
        .execute()
    },

    /** Records the first acknowledgement (the caller holds the row's lock and checked there was none). */
    async acknowledge(requestId: string, zoneId: string, userId: string, at: Date) {
      await db
        .updateTable('assistance_addressees')
        .set({ acknowledged_at: at, acknowledged_by: userId })
        .where('request_id', '=', requestId)
        .where('zone_id', '=', zoneId)
        .where('acknowledged_at', 'is', null)
        .execute()
    },

    /** A timeline entry of an act that changes no status (an acknowledgement). */
    async timeline(requestId: string, zoneId: string, action: string, userId: string, at: Date) {
      await db
        .insertInto('assistance_events')
        .values({ request_id: requestId, zone_id: zoneId, action, user_id: userId, at, details: '{}' })
        .execute()
    },

    async displayName(userId: string): Promise<string | null> {
      const row = await db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst()
      return row?.display_name ?? null
    },

    /** Alerts of these zones still waiting: sent, not acknowledged nor declined, the request still open. */
    async openAlerts(zoneIds: readonly string[]): Promise<OpenAlertRow[]> {
      if (zoneIds.length === 0) return []
      const rows = await sql<OpenAlertRow>`
        SELECT a.request_id, a.zone_id, r.zone_id AS requesting_zone_id, z.code AS requesting_zone_code,
               z.name AS requesting_zone_name, r.urgency, r.category, r.status, lower(r.period) AS start,
               upper(r.period) AS "end", r.place, r.municipality_id, a.alerted_at, a.escalated_level, a.escalation,
               COALESCE((SELECT jsonb_agg(jsonb_build_object('capability', l.capability, 'count', l.count)
                                          ORDER BY l.capability)
                           FROM assistance_request_lines l WHERE l.request_id = r.id), '[]'::jsonb) AS lines
          FROM assistance_addressees a
          JOIN assistance_requests r ON r.id = a.request_id
          JOIN zones z ON z.id = r.zone_id
         WHERE a.zone_id = ANY(${[...zoneIds]}::uuid[]) AND a.alerted_at IS NOT NULL
           AND a.acknowledged_at IS NULL AND a.declined_at IS NULL
           AND r.status = ANY(${[...OPEN_STATUSES]}::text[])
         ORDER BY (r.urgency = 'urgent') DESC, a.alerted_at DESC, a.zone_id`.execute(db)
      return rows.rows
    },
  }
}
