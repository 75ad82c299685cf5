// All SQL of training sessions (issue 11, train-sessions): sessions with their course and organiser, places per
// zone with their counts, trainers, range-lane bookings, the reader's own enrolment, FTE per zone, trainer
// candidates. The database guards the places (migration 0020's triggers): fewer places than enrolled people →
// 409 PLACES_BELOW_ENROLLED; places that do not add up to the capacity (at commit) → 422 PLACES_NOT_CAPACITY.
import { sql, type Kysely, type Transaction } from 'kysely'
import type { CourseKind, TrainingSessionStatus } from '../../platform/enums.ts'
import { registerConstraintCodes } from '../../platform/errors.ts'
import type { DB } from '../../platform/schema.ts'
import {
  partnerReasons,
  personVisible,
  type VisibilityReason,
  type VisibilityScope,
} from '../../platform/visibility.ts'

registerConstraintCodes({
  training_session_places_enrolled: 'PLACES_BELOW_ENROLLED',
  training_session_places_capacity: 'PLACES_NOT_CAPACITY',
  training_sessions_deadline: 'VALIDATION_FAILED',
  training_sessions_period: 'TRAINING_SESSION_PERIOD_INVALID',
  training_session_trainers_person: 'TRAINER_NOT_AVAILABLE',
})

type Db = Kysely<DB> | Transaction<DB>

export interface SessionRow {
  id: string
  association_id: string
  zone_id: string
  zone_code: string
  zone_name: string
  agreement_id: string | null
  from: Date
  to: Date
  location: string
  note: string | null
  status: TrainingSessionStatus
  capacity: number
  cancel_deadline: Date
  booking_group_id: string | null
  course_id: string
  course_code: string
  course_kind: CourseKind
  course_title: string
  duration_minutes: number
  qualification_code: string | null
  qualification_months: number | null
}

export interface PlaceRow {
  session_id: string
  zone_id: string
  zone_code: string
  zone_name: string
  places: number
  enrolled: number
  waitlisted: number
}

export interface TrainerRow {
  id: string
  session_id: string
  person_id: string
  name: string
  zone_id: string
  zone_code: string
  zone_name: string
  minutes: number
  ledger_posting: string | null
}

/** (viewer zone, organiser zone) pairs under an agreement in force today listing `training`. */
export interface PartnerPair {
  viewerZoneId: string
  organiserZoneId: string
}

const SESSION = sql`
  SELECT s.id, s.association_id, s.zone_id, z.code AS zone_code, z.name AS zone_name, s.agreement_id,
         lower(s.period) AS "from", upper(s.period) AS "to", s.location, s.note, s.status, s.capacity,
         s.cancel_deadline, s.booking_group_id, c.id AS course_id, c.code AS course_code, c.kind AS course_kind,
         c.title AS course_title, c.duration_minutes, c.qualification_code, c.qualification_months
    FROM training_sessions s
    JOIN zones z ON z.id = s.zone_id
    JOIN training_courses c ON c.id = s.course_id`

/** An agreement in force on the session's (Brussels) day lists `training` for the organiser and zone `zoneCol`. */
const sharedOnSessionDay = (zoneCol: string) => sql`EXISTS (
  SELECT 1 FROM agreements a
    JOIN agreement_domains d ON d.agreement_id = a.id AND d.domain_code = 'training'
    JOIN agreement_parties p1 ON p1.agreement_id = a.id AND p1.zone_id = s.zone_id
    JOIN agreement_parties p2 ON p2.agreement_id = a.id AND p2.zone_id = ${sql.ref(zoneCol)}
   WHERE a.status IN ('in_force', 'ended')
     AND a.effective_from <= (lower(s.period) AT TIME ZONE 'Europe/Brussels')::date
     AND (a.effective_to IS NULL OR a.effective_to >= (lower(s.period) AT TIME ZONE 'Europe/Brussels')::date))`

/** The sessions a reader sees: own zones' (organiser), administered associations', partner sessions with places. */
export interface Reach {
  ownZoneIds: readonly string[]
  associationIds: readonly string[]
  partners: readonly PartnerPair[]
}

const visible = (r: Reach) => sql`(
  s.zone_id = ANY(${[...r.ownZoneIds]}::uuid[])
  OR s.association_id = ANY(${[...r.associationIds]}::uuid[])
  OR EXISTS (
    SELECT 1 FROM training_session_places sp
      JOIN unnest(${r.partners.map((p) => p.viewerZoneId)}::uuid[], ${r.partners.map((p) => p.organiserZoneId)}::uuid[])
        AS g(viewer_zone_id, organiser_zone_id) ON g.viewer_zone_id = sp.zone_id AND g.organiser_zone_id = s.zone_id
     WHERE sp.session_id = s.id AND sp.places > 0 AND ${sharedOnSessionDay('sp.zone_id')}))`

export function sessionRepository(db: Db) {
  return {
    async byId(id: string, reach: Reach | null, lock = false): Promise<SessionRow | null> {
      if (lock) await sql`SELECT 1 FROM training_sessions WHERE id = ${id} FOR UPDATE`.execute(db)
      const r =
        await sql<SessionRow>`${SESSION} WHERE s.id = ${id} ${reach ? sql`AND ${visible(reach)}` : sql``}`.execute(db)
      return r.rows[0] ?? null
    },

    async list(reach: Reach, q: { from: Date; to: Date; courseKind: string | null; zoneId: string | null }) {
      const r = await sql<SessionRow>`${SESSION}
        WHERE lower(s.period) >= ${q.from.toISOString()}::timestamptz AND lower(s.period) < ${q.to.toISOString()}::timestamptz
          ${q.courseKind ? sql`AND c.kind = ${q.courseKind}` : sql``}
          ${q.zoneId ? sql`AND s.zone_id = ${q.zoneId}` : sql``}
          AND ${visible(reach)}
        ORDER BY lower(s.period), z.code, s.id
        LIMIT 2000`.execute(db)
      return r.rows
    },

    async places(sessionIds: readonly string[]): Promise<PlaceRow[]> {
      if (sessionIds.length === 0) return []
      const r = await sql<PlaceRow>`
        SELECT p.session_id, p.zone_id, z.code AS zone_code, z.name AS zone_name, p.places,
               (SELECT count(*) FROM training_enrolments e WHERE e.session_id = p.session_id AND e.zone_id = p.zone_id
                   AND e.status = 'enrolled')::int AS enrolled,
               (SELECT count(*) FROM training_enrolments e WHERE e.session_id = p.session_id AND e.zone_id = p.zone_id
                   AND e.status = 'waitlisted')::int AS waitlisted
          FROM training_session_places p JOIN zones z ON z.id = p.zone_id
         WHERE p.session_id = ANY(${[...sessionIds]}::uuid[])
         ORDER BY z.code`.execute(db)
      return r.rows
    },

    async trainers(sessionId: string): Promise<TrainerRow[]> {
      const r = await sql<TrainerRow>`
        SELECT t.id, t.session_id, t.person_id, p.first_name || ' ' || p.last_name AS name, t.zone_id,
               z.code AS zone_code, z.name AS zone_name, t.minutes, t.ledger_posting
          FROM training_session_trainers t
          JOIN people p ON p.id = t.person_id
          JOIN zones z ON z.id = t.zone_id
         WHERE t.session_id = ${sessionId}
         ORDER BY p.last_name, p.first_name, t.id`.execute(db)
      return r.rows
    },

    /** The actor's person's live enrolments in these sessions, with the waiting-list position. */
    async myEnrolments(personId: string, sessionIds: readonly string[]) {
      if (sessionIds.length === 0) return []
      const r = await sql<{
        session_id: string
        id: string
        status: 'enrolled' | 'waitlisted'
        position: number | null
      }>`
        SELECT e.session_id, e.id, e.status,
               CASE WHEN e.status = 'waitlisted' THEN (
                 SELECT count(*) FROM training_enrolments w
                  WHERE w.session_id = e.session_id AND w.zone_id = e.zone_id AND w.status = 'waitlisted'
                    AND (w.queued_at, w.id) <= (e.queued_at, e.id))::int END AS position
          FROM training_enrolments e
         WHERE e.person_id = ${personId} AND e.session_id = ANY(${[...sessionIds]}::uuid[]) AND e.status <> 'cancelled'`.execute(
        db,
      )
      return r.rows
    },

    /** The people (with a user account) enrolled or waiting in a session: whom a cancellation concerns. */
    async enrolledUsers(sessionId: string) {
      return db
        .selectFrom('training_enrolments as e')
        .innerJoin('users as u', 'u.person_id', 'e.person_id')
        .select(['u.id as userId', 'e.zone_id as zoneId'])
        .where('e.session_id', '=', sessionId)
        .where('e.status', '<>', 'cancelled')
        .where('u.disabled_at', 'is', null)
        .execute()
    },

    async zones(ids: readonly string[]) {
      if (ids.length === 0) return []
      return db
        .selectFrom('zones')
        .select(['id', 'code', 'name'])
        .where('id', 'in', [...ids])
        .orderBy('code')
        .execute()
    },

    /** The FTE of each zone's operational people employed on `day`. */
    async fte(zoneIds: readonly string[], day: string): Promise<Map<string, number>> {
      if (zoneIds.length === 0) return new Map()
      const rows = await db
        .selectFrom('people')
        .select(['zone_id', sql<string>`coalesce(sum(fte), 0)::text`.as('fte')])
        .where('zone_id', 'in', [...zoneIds])
        .where('staff_kind', '=', 'operational')
        .where('employed_from', '<=', day)
        .where((eb) => eb.or([eb('employed_to', 'is', null), eb('employed_to', '>=', day)]))
        .groupBy('zone_id')
        .execute()
      return new Map(rows.map((r) => [r.zone_id, Number(r.fte)]))
    },

    async insert(v: {
      associationId: string
      zoneId: string
      courseId: string
      agreementId: string | null
      from: Date
      to: Date
      location: string
      capacity: number
      cancelDeadline: Date
      note: string | null
      userId: string | null
      at: Date
      idempotencyKey: string | null
    }): Promise<string> {
      const { id } = await db
        .insertInto('training_sessions')
        .values({
          association_id: v.associationId,
          zone_id: v.zoneId,
          course_id: v.courseId,
          agreement_id: v.agreementId,
          period: sql<string>`tstzrange(${v.from.toISOString()}::timestamptz, ${v.to.toISOString()}::timestamptz, '[)')`,
          location: v.location,
          capacity: v.capacity,
          cancel_deadline: v.cancelDeadline,
          note: v.note,
          created_by: v.userId,
          created_at: v.at,
          updated_at: v.at,
          idempotency_key: v.idempotencyKey,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return id
    },

    async byIdempotency(zoneId: string, userId: string, key: string): Promise<string | null> {
      const row = await db
        .selectFrom('training_sessions')
        .select('id')
        .where('zone_id', '=', zoneId)
        .where('created_by', '=', userId)
        .where('idempotency_key', '=', key)
        .executeTakeFirst()
      return row?.id ?? null
    },

    async update(
      id: string,
      v: Partial<{
        from: Date
        to: Date
        location: string
        note: string | null
        capacity: number
        cancelDeadline: Date
        status: TrainingSessionStatus
        bookingGroupId: string | null
      }>,
      at: Date,
    ): Promise<void> {
      await db
        .updateTable('training_sessions')
        .set({
          ...(v.from && v.to
            ? {
                period: sql<string>`tstzrange(${v.from.toISOString()}::timestamptz, ${v.to.toISOString()}::timestamptz, '[)')`,
              }
            : {}),
          ...(v.location !== undefined ? { location: v.location } : {}),
          ...(v.note !== undefined ? { note: v.note } : {}),
          ...(v.capacity !== undefined ? { capacity: v.capacity } : {}),
          ...(v.cancelDeadline !== undefined ? { cancel_deadline: v.cancelDeadline } : {}),
          ...(v.status !== undefined ? { status: v.status } : {}),
          ...(v.bookingGroupId !== undefined ? { booking_group_id: v.bookingGroupId } : {}),
          updated_at: at,
        })
        .where('id', '=', id)
        .execute()
    },

    /** Sets the zones' places: updates and adds the given ones, removes the others. */
    async setPlaces(sessionId: string, places: readonly { zoneId: string; places: number }[]): Promise<void> {
      const keep = places.map((p) => p.zoneId)
      await db
        .deleteFrom('training_session_places')
        .where('session_id', '=', sessionId)
        .$if(keep.length > 0, (q) => q.where('zone_id', 'not in', keep))
        .execute()
      if (places.length === 0) return
      await db
        .insertInto('training_session_places')
        .values(places.map((p) => ({ session_id: sessionId, zone_id: p.zoneId, places: p.places })))
        .onConflict((oc) =>
          oc.columns(['session_id', 'zone_id']).doUpdateSet((eb) => ({ places: eb.ref('excluded.places') })),
        )
        .execute()
    },

    /** Replaces the trainers that were not posted to the ledger (posted ones stay as they are). */
    async setTrainers(
      sessionId: string,
      trainers: readonly { personId: string; zoneId: string; minutes: number }[],
    ): Promise<void> {
      const posted = await db
        .selectFrom('training_session_trainers')
        .select('person_id')
        .where('session_id', '=', sessionId)
        .where('ledger_posting', 'is not', null)
        .execute()
      const keep = new Set(posted.map((p) => p.person_id))
      await db
        .deleteFrom('training_session_trainers')
        .where('session_id', '=', sessionId)
        .where('ledger_posting', 'is', null)
        .execute()
      const fresh = trainers.filter((t) => !keep.has(t.personId))
      if (fresh.length === 0) return
      await db
        .insertInto('training_session_trainers')
        .values(
          fresh.map((t) => ({ session_id: sessionId, zone_id: t.zoneId, person_id: t.personId, minutes: t.minutes })),
        )
        .execute()
    },

    async markPosted(trainerId: string, posting: string): Promise<void> {
      await db
        .updateTable('training_session_trainers')
        .set({ ledger_posting: posting })
        .where('id', '=', trainerId)
        .execute()
    },

    /** Whether the person has a shared function of domain `training` in force on `date`. */
    async sharesTraining(personId: string, date: string): Promise<boolean> {
      const r = await sql<{ one: number }>`
        SELECT 1 AS one FROM visibility_reasons v
         WHERE v.person_id = ${personId} AND v.kind = 'shared_function' AND v.domain_code = 'training'
           AND v.period @> ${date}::date LIMIT 1`.execute(db)
      return r.rows.length > 0
    },

    async person(personId: string) {
      return (
        (await db.selectFrom('people').select(['id', 'zone_id']).where('id', '=', personId).executeTakeFirst()) ?? null
      )
    },

    /**
     * Trainer candidates: `zoneId`'s people who hold the trainer role or the qualification firearms_instructor,
     * and people of `partnerZoneIds` with a shared function of domain `training` in force on the scope's date and
     * visible to the scope (with the reasons to log).
     */
    async candidates(zoneId: string, partnerZoneIds: readonly string[], s: VisibilityScope, date: string) {
      const r = await sql<{
        person_id: string
        name: string
        zone_id: string
        zone_code: string
        zone_name: string
        why: 'trainer' | 'firearms_instructor' | 'shared_function'
        reasons: VisibilityReason[]
      }>`
        SELECT p.id AS person_id, p.first_name || ' ' || p.last_name AS name, p.zone_id, z.code AS zone_code,
               z.name AS zone_name,
               CASE WHEN p.zone_id <> ${zoneId} THEN 'shared_function'
                    WHEN EXISTS (SELECT 1 FROM users u JOIN user_roles ur ON ur.user_id = u.id
                                  WHERE u.person_id = p.id AND ur.role = 'trainer' AND ur.zone_id = p.zone_id)
                    THEN 'trainer' ELSE 'firearms_instructor' END AS why,
               ${partnerReasons(s)} AS reasons
          FROM people p JOIN zones z ON z.id = p.zone_id
         WHERE (p.employed_to IS NULL OR p.employed_to >= ${date}::date)
           AND ((p.zone_id = ${zoneId} AND (
                  EXISTS (SELECT 1 FROM users u JOIN user_roles ur ON ur.user_id = u.id
                           WHERE u.person_id = p.id AND ur.role = 'trainer' AND ur.zone_id = p.zone_id)
                  OR EXISTS (SELECT 1 FROM person_qualifications q
                              WHERE q.person_id = p.id AND q.qualification_code = 'firearms_instructor'
                                AND (q.valid_until IS NULL OR q.valid_until >= ${date}::date))))
             OR (p.zone_id = ANY(${[...partnerZoneIds]}::uuid[])
                 AND EXISTS (SELECT 1 FROM visibility_reasons v
                              WHERE v.person_id = p.id AND v.kind = 'shared_function' AND v.domain_code = 'training'
                                AND v.period @> ${date}::date)
                 AND ${personVisible(s)}))
         ORDER BY (p.zone_id = ${zoneId}) DESC, z.code, p.last_name, p.first_name
         LIMIT 500`.execute(db)
      return r.rows
    },
  }
}
