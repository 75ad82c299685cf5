// All SQL of GPI 48 compliance (issue 11): a zone's thresholds, the attended GPI 48 sessions of one person or of a
// whole zone (one query), qualifications with their expiry, the upcoming sessions a person could enrol in (minus
// those clashing with their duties in force or their leave), and who to remind. Days are Brussels days.
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Rank } from '../../platform/enums.ts'
import type { DB } from '../../platform/schema.ts'
import { DEFAULT_GPI48_RULES, type Gpi48Rules, type Gpi48Session } from './domain/gpi48.ts'

type Db = Kysely<DB> | Transaction<DB>

/** The Brussels day of a session's start. */
const sessionDay = sql<string>`to_char(lower(s.period) AT TIME ZONE 'Europe/Brussels', 'YYYY-MM-DD')`
/** The GPI 48 kind of a course: its evaluation, or a training. */
const gpi48Kind = sql<
  'training' | 'evaluation'
>`CASE c.kind WHEN 'gpi48_evaluation' THEN 'evaluation' ELSE 'training' END`

export interface ZoneRow {
  id: string
  code: string
  name: string
}

export interface PersonRow {
  id: string
  first_name: string
  last_name: string
  rank: Rank | null
  zone_id: string
  staff_kind: 'operational' | 'calog'
}

export interface AttendedRow extends Gpi48Session {
  person_id: string
}

export interface EnrolledSessionRow {
  session_id: string
  day: string
  course_title: string
  kind: 'training' | 'evaluation'
  attendance: 'present' | 'absent' | 'excused' | null
  result: 'passed' | 'failed' | null
}

export interface QualificationRow {
  person_id: string
  code: string
  obtained_on: string | null
  valid_until: string | null
}

export interface CandidateSession {
  id: string
  association_id: string
  zone_id: string
  zone_code: string
  zone_name: string
  course_title: string
  course_kind: string
  qualification_code: string | null
  from: Date
  to: Date
  location: string
  places: number
  enrolled: number
}

export interface SettingsRow {
  rules: Gpi48Rules
  updated_at: Date | null
  isDefault: boolean
}

export const personName = (p: { first_name: string; last_name: string }) => `${p.first_name} ${p.last_name}`

export function complianceRepository(db: Db) {
  return {
    async zone(zoneId: string): Promise<ZoneRow | undefined> {
      return db.selectFrom('zones').select(['id', 'code', 'name']).where('id', '=', zoneId).executeTakeFirst()
    },

    async person(personId: string): Promise<PersonRow | undefined> {
      return db
        .selectFrom('people')
        .select(['id', 'first_name', 'last_name', 'rank', 'zone_id', 'staff_kind'])
        .where('id', '=', personId)
        .executeTakeFirst()
    },

    /** The zone's operational people employed on `asOf`, by name. */
    async operationalPeople(zoneId: string, asOf: string): Promise<PersonRow[]> {
      return db
        .selectFrom('people')
        .select(['id', 'first_name', 'last_name', 'rank', 'zone_id', 'staff_kind'])
        .where('zone_id', '=', zoneId)
        .where('staff_kind', '=', 'operational')
        .where('employed_from', '<=', asOf)
        .where((eb) => eb.or([eb('employed_to', 'is', null), eb('employed_to', '>=', asOf)]))
        .orderBy('last_name')
        .orderBy('first_name')
        .orderBy('id')
        .execute()
    },

    /** The zone's thresholds (the defaults of 0020 without a row). */
    async settings(zoneId: string): Promise<SettingsRow> {
      const row = await db.selectFrom('training_settings').selectAll().where('zone_id', '=', zoneId).executeTakeFirst()
      if (!row) return { rules: DEFAULT_GPI48_RULES, updated_at: null, isDefault: true }
      return {
        rules: {
          windowMonths: row.gpi48_window_months,
          minSessions: row.gpi48_min_sessions,
          minEvaluations: row.gpi48_min_evaluations,
          minGapDays: row.gpi48_min_gap_days,
          warnDays: row.warn_days,
        },
        updated_at: row.updated_at,
        isDefault: false,
      }
    },

    async saveSettings(zoneId: string, rules: Gpi48Rules, userId: string, at: Date): Promise<void> {
      const values = {
        gpi48_window_months: rules.windowMonths,
        gpi48_min_sessions: rules.minSessions,
        gpi48_min_evaluations: rules.minEvaluations,
        gpi48_min_gap_days: rules.minGapDays,
        warn_days: rules.warnDays,
        updated_by: userId,
        updated_at: at,
      }
      await db
        .insertInto('training_settings')
        .values({ zone_id: zoneId, ...values })
        .onConflict((oc) => oc.column('zone_id').doUpdateSet(values))
        .execute()
    },

    /**
     * Attended GPI 48 sessions (present, in a session not cancelled) of the people of `zoneId` (or of one person),
     * from `from` to `to` (Brussels days, inclusive): one query for a whole zone.
     */
    async attended(who: { zoneId: string } | { personId: string }, from: string, to: string): Promise<AttendedRow[]> {
      const person = 'personId' in who ? sql`e.person_id = ${who.personId}::uuid` : sql`e.zone_id = ${who.zoneId}::uuid`
      const rows = await sql<AttendedRow>`
        SELECT e.person_id, ${sessionDay} AS day, ${gpi48Kind} AS kind, e.result
          FROM training_enrolments e
          JOIN training_sessions s ON s.id = e.session_id
          JOIN training_courses c ON c.id = s.course_id
         WHERE ${person} AND e.status = 'enrolled' AND e.attendance = 'present' AND s.status <> 'cancelled'
           AND c.kind IN ('gpi48_training', 'gpi48_evaluation')
           AND lower(s.period) >= (${from}::date::timestamp AT TIME ZONE 'Europe/Brussels')
           AND lower(s.period) < ((${to}::date + 1)::timestamp AT TIME ZONE 'Europe/Brussels')`.execute(db)
      return rows.rows
    },

    /** The GPI 48 sessions a person is (or was) enrolled in from `from` on, with attendance and result. */
    async enrolledSessions(personId: string, from: string): Promise<EnrolledSessionRow[]> {
      const rows = await sql<EnrolledSessionRow>`
        SELECT s.id AS session_id, ${sessionDay} AS day, c.title AS course_title, ${gpi48Kind} AS kind,
               e.attendance, e.result
          FROM training_enrolments e
          JOIN training_sessions s ON s.id = e.session_id
          JOIN training_courses c ON c.id = s.course_id
         WHERE e.person_id = ${personId}::uuid AND e.status = 'enrolled' AND s.status <> 'cancelled'
           AND c.kind IN ('gpi48_training', 'gpi48_evaluation')
           AND lower(s.period) >= (${from}::date::timestamp AT TIME ZONE 'Europe/Brussels')
         ORDER BY lower(s.period), s.id`.execute(db)
      return rows.rows
    },

    async qualifications(personIds: readonly string[]): Promise<QualificationRow[]> {
      if (personIds.length === 0) return []
      const rows = await sql<QualificationRow>`
        SELECT pq.person_id, pq.qualification_code AS code, pq.obtained_on::text AS obtained_on,
               pq.valid_until::text AS valid_until
          FROM person_qualifications pq JOIN qualifications q ON q.code = pq.qualification_code
         WHERE pq.person_id = ANY(${[...personIds]}::uuid[])
         ORDER BY pq.person_id, q.sort_order`.execute(db)
      return rows.rows
    },

    /**
     * Planned sessions starting after `after` (within `days`) with places for the person's zone, of courses that
     * are active, that the person is not enrolled in (nor waiting for), and that overlap none of their duties in
     * force (the roster's current rows: upper_inf(recorded)), their leave or unavailability, nor another session
     * they are enrolled in.
     */
    async candidates(person: { id: string; zone_id: string }, after: Date, days: number): Promise<CandidateSession[]> {
      const rows = await sql<CandidateSession>`
        SELECT s.id, s.association_id, s.zone_id, z.code AS zone_code, z.name AS zone_name, c.title AS course_title,
               c.kind AS course_kind, c.qualification_code, lower(s.period) AS "from", upper(s.period) AS "to",
               s.location, p.places,
               (SELECT count(*)::int FROM training_enrolments x
                 WHERE x.session_id = s.id AND x.zone_id = p.zone_id AND x.status = 'enrolled') AS enrolled
          FROM training_sessions s
          JOIN training_session_places p ON p.session_id = s.id AND p.zone_id = ${person.zone_id}::uuid AND p.places > 0
          JOIN training_courses c ON c.id = s.course_id AND c.active
          JOIN zones z ON z.id = s.zone_id
         WHERE s.status = 'planned'
           AND lower(s.period) > ${after}::timestamptz
           AND lower(s.period) < ${after}::timestamptz + make_interval(days => ${days}::int)
           AND NOT EXISTS (SELECT 1 FROM training_enrolments e
                            WHERE e.session_id = s.id AND e.person_id = ${person.id}::uuid AND e.status <> 'cancelled')
           AND NOT EXISTS (SELECT 1 FROM duties d
                            WHERE d.person_id = ${person.id}::uuid AND upper_inf(d.recorded) AND d.period && s.period)
           AND NOT EXISTS (SELECT 1 FROM unavailability u
                            WHERE u.person_id = ${person.id}::uuid AND u.period && s.period)
           AND NOT EXISTS (SELECT 1 FROM training_enrolments o JOIN training_sessions os ON os.id = o.session_id
                            WHERE o.person_id = ${person.id}::uuid AND o.status = 'enrolled'
                              AND os.status <> 'cancelled' AND os.period && s.period)
         ORDER BY lower(s.period), s.id
         LIMIT 300`.execute(db)
      return rows.rows
    },

    /** The enabled accounts linked to these people. */
    async linkedUsers(personIds: readonly string[]): Promise<Map<string, string>> {
      if (personIds.length === 0) return new Map()
      const rows = await db
        .selectFrom('users')
        .select(['id', 'person_id'])
        .where('person_id', 'in', [...personIds])
        .where('disabled_at', 'is', null)
        .execute()
      return new Map(rows.flatMap((r) => (r.person_id ? [[r.person_id, r.id] as const] : [])))
    },

    async usersWithRole(zoneId: string, roles: readonly string[]): Promise<string[]> {
      const rows = await sql<{ id: string }>`
        SELECT DISTINCT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id
         WHERE ur.zone_id = ${zoneId}::uuid AND ur.role = ANY(${[...roles]}::text[]) AND u.disabled_at IS NULL
         ORDER BY u.id`.execute(db)
      return rows.rows.map((r) => r.id)
    },

    /** The (user, object) pairs already notified of `kind` since `since` (the reminders' dedupe). */
    async notifiedSince(kind: string, since: Date): Promise<Set<string>> {
      const rows = await db
        .selectFrom('notifications')
        .select(['user_id', 'object_id'])
        .where('kind', '=', kind)
        .where('created_at', '>=', since)
        .execute()
      return new Set(rows.map((r) => `${r.user_id}|${r.object_id ?? ''}`))
    },

    /**
     * The zones that record GPI 48 in Verbond: people of theirs attended a GPI 48 session, or they set thresholds.
     * (A zone that has not started does not get every officer told they are behind.)
     */
    async zonesRecordingGpi48(): Promise<string[]> {
      const rows = await sql<{ zone_id: string }>`
        SELECT ts.zone_id FROM training_settings ts
        UNION
        SELECT DISTINCT e.zone_id
          FROM training_enrolments e
          JOIN training_sessions s ON s.id = e.session_id
          JOIN training_courses c ON c.id = s.course_id
         WHERE e.attendance = 'present' AND c.kind IN ('gpi48_training', 'gpi48_evaluation')
         ORDER BY zone_id`.execute(db)
      return rows.rows.map((r) => r.zone_id)
    },
  }
}
