// All SQL of enrolments, the waiting list and attendance (issue 11). The session is read here for the rules of
// enrolment only (its page is the sessions part's). The database has the last word on places: the trigger
// training_enrolments_places (409 NO_PLACE_LEFT; never seen when the places row is locked first, as here) and the
// unique index training_enrolments_one_live (409 ALREADY_ENROLLED, a double submit of the same person).
import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely'
import type { Attendance, CourseKind, EnrolmentStatus, TrainingResult } from '../../platform/enums.ts'
import { registerConstraintCodes } from '../../platform/errors.ts'
import type { DB } from '../../platform/schema.ts'
import {
  partnerReasons,
  personVisible,
  type VisibilityReason,
  type VisibilityScope,
} from '../../platform/visibility.ts'

registerConstraintCodes({
  training_enrolments_places: 'NO_PLACE_LEFT',
  training_enrolments_one_live: 'ALREADY_ENROLLED',
})

type Db = Kysely<DB> | Transaction<DB>

/** A session as the enrolment rules need it: organiser, period, deadline, status, course, places, trainers. */
export interface SessionRow {
  id: string
  association_id: string
  zone_id: string
  status: 'planned' | 'cancelled' | 'completed'
  from: Date
  to: Date
  cancel_deadline: Date
  course_kind: CourseKind
  course_title: string
  qualification_code: string | null
  qualification_months: number | null
  places: { zoneId: string; places: number }[]
  /** The trainers listed on the session: person and zone. */
  trainers: { personId: string; zoneId: string }[]
}

export interface EnrolmentRow {
  id: string
  session_id: string
  zone_id: string
  zone_code: string
  zone_name: string
  person_id: string
  first_name: string
  last_name: string
  rank: string | null
  status: EnrolmentStatus
  queued_at: Date
  enrolled_at: Date | null
  promoted_at: Date | null
  cancelled_at: Date | null
  late_cancel: boolean
  attendance: Attendance | null
  result: TrainingResult | null
}

export interface PersonForEnrolment {
  id: string
  zone_id: string
  staff_kind: 'operational' | 'calog'
  employed: boolean
}

const enrolmentColumns = [
  'e.id',
  'e.session_id',
  'e.zone_id',
  'z.code as zone_code',
  'z.name as zone_name',
  'e.person_id',
  'p.first_name',
  'p.last_name',
  'p.rank',
  'e.status',
  'e.queued_at',
  'e.enrolled_at',
  'e.promoted_at',
  'e.cancelled_at',
  'e.late_cancel',
  'e.attendance',
  'e.result',
] as const

export function enrolmentRepository(db: Db) {
  const enrolments = () =>
    db
      .selectFrom('training_enrolments as e')
      .innerJoin('people as p', (j) => j.onRef('p.id', '=', 'e.person_id').onRef('p.zone_id', '=', 'e.zone_id'))
      .innerJoin('zones as z', 'z.id', 'e.zone_id')

  return {
    /** The session (locked FOR SHARE with `lock`: a cancellation of the session waits for this enrolment). */
    async session(id: string, lock = false): Promise<SessionRow | undefined> {
      let q = db
        .selectFrom('training_sessions as s')
        .innerJoin('training_courses as c', 'c.id', 's.course_id')
        .select([
          's.id',
          's.association_id',
          's.zone_id',
          's.status',
          sql<Date>`lower(s.period)`.as('from'),
          sql<Date>`upper(s.period)`.as('to'),
          's.cancel_deadline',
          'c.kind as course_kind',
          'c.title as course_title',
          'c.qualification_code',
          'c.qualification_months',
          sql<{ zoneId: string; places: number }[]>`coalesce((SELECT jsonb_agg(jsonb_build_object('zoneId', sp.zone_id,
            'places', sp.places) ORDER BY sp.zone_id) FROM training_session_places sp WHERE sp.session_id = s.id), '[]')`.as(
            'places',
          ),
          sql<{ personId: string; zoneId: string }[]>`coalesce((SELECT jsonb_agg(jsonb_build_object('personId',
            t.person_id, 'zoneId', t.zone_id)) FROM training_session_trainers t WHERE t.session_id = s.id), '[]')`.as(
            'trainers',
          ),
        ])
        .where('s.id', '=', id)
      if (lock) q = q.forShare('s')
      const row = await q.executeTakeFirst()
      return (
        row && {
          ...row,
          from: new Date(row.from),
          to: new Date(row.to),
          cancel_deadline: new Date(row.cancel_deadline),
        }
      )
    },

    /** Locks the zone's places row of the session (every enrolment and promotion of that zone waits here). */
    async lockPlaces(sessionId: string, zoneId: string): Promise<number | null> {
      const row = await db
        .selectFrom('training_session_places')
        .select('places')
        .where('session_id', '=', sessionId)
        .where('zone_id', '=', zoneId)
        .forUpdate()
        .executeTakeFirst()
      return row?.places ?? null
    },

    /** The zone's enrolled count and waiting line in the session (read after locking its places row). */
    async line(sessionId: string, zoneId: string) {
      const rows = await db
        .selectFrom('training_enrolments')
        .select(['id', 'status', 'queued_at', 'person_id'])
        .where('session_id', '=', sessionId)
        .where('zone_id', '=', zoneId)
        .where('status', '<>', 'cancelled')
        .execute()
      return {
        enrolled: rows.filter((r) => r.status === 'enrolled').length,
        waiting: rows
          .filter((r) => r.status === 'waitlisted')
          .map((r) => ({ id: r.id, personId: r.person_id, queuedAt: new Date(r.queued_at) })),
      }
    },

    person: (personId: string): Promise<PersonForEnrolment | undefined> =>
      db
        .selectFrom('people')
        .select([
          'id',
          'zone_id',
          'staff_kind',
          sql<boolean>`(employed_to IS NULL OR employed_to >= current_date)`.as('employed'),
        ])
        .where('id', '=', personId)
        .executeTakeFirst(),

    async insert(e: {
      sessionId: string
      zoneId: string
      personId: string
      status: 'enrolled' | 'waitlisted'
      at: Date
      userId: string
    }): Promise<string> {
      const { id } = await db
        .insertInto('training_enrolments')
        .values({
          session_id: e.sessionId,
          zone_id: e.zoneId,
          person_id: e.personId,
          status: e.status,
          queued_at: e.at,
          enrolled_at: e.status === 'enrolled' ? e.at : null,
          enrolled_by: e.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return id
    },

    /** One enrolment with its person (locked FOR UPDATE with `lock`). */
    async byId(id: string, lock = false): Promise<EnrolmentRow | undefined> {
      let q = enrolments().select(enrolmentColumns).where('e.id', '=', id)
      if (lock) q = q.forUpdate('e')
      return q.executeTakeFirst()
    },

    async cancel(id: string, c: { at: Date; userId: string; late: boolean }): Promise<void> {
      await db
        .updateTable('training_enrolments')
        .set({ status: 'cancelled', cancelled_at: c.at, cancelled_by: c.userId, late_cancel: c.late })
        .where('id', '=', id)
        .execute()
    },

    async promote(ids: readonly string[], at: Date): Promise<void> {
      if (ids.length === 0) return
      await db
        .updateTable('training_enrolments')
        .set({ status: 'enrolled', enrolled_at: at, promoted_at: at })
        .where('id', 'in', [...ids])
        .where('status', '=', 'waitlisted')
        .execute()
    },

    /**
     * The enrolments of a session a reader sees: of `zoneIds` (own people), or of every zone when `all` and
     * the person is visible to `scope` (a partner's person through their enrolment reason). With the partner
     * reasons by which each is seen (logged as partner reads).
     */
    list(sessionId: string, seen: { zoneIds: readonly string[]; all: boolean; scope: VisibilityScope }) {
      return enrolments()
        .select(enrolmentColumns)
        .select(partnerReasons(seen.scope, { id: 'p.id', zoneId: 'p.zone_id' }).as('reasons'))
        .where('e.session_id', '=', sessionId)
        .where((eb) =>
          seen.all
            ? eb.or([sql<SqlBool>`e.zone_id = ANY(${[...seen.zoneIds]}::uuid[])`, personVisible(seen.scope)])
            : sql<SqlBool>`e.zone_id = ANY(${[...seen.zoneIds]}::uuid[])`,
        )
        .orderBy('e.queued_at')
        .orderBy('e.id')
        .execute() as Promise<(EnrolmentRow & { reasons: VisibilityReason[] })[]>
    },

    /** The session's live enrolments of the given ids (attendance). */
    liveOf: (sessionId: string, ids: readonly string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('training_enrolments')
            .select(['id', 'status', 'zone_id', 'person_id'])
            .where('session_id', '=', sessionId)
            .where('id', 'in', [...ids])
            .forUpdate()
            .execute(),

    async setAttendance(
      id: string,
      a: { attendance: Attendance; result: TrainingResult | null; userId: string; at: Date },
    ): Promise<void> {
      await db
        .updateTable('training_enrolments')
        .set({ attendance: a.attendance, result: a.result, recorded_by: a.userId, recorded_at: a.at })
        .where('id', '=', id)
        .execute()
    },

    /** Marks a planned session completed once every enrolled person has attendance (and at least one is enrolled). */
    async completeIfRecorded(sessionId: string, at: Date): Promise<boolean> {
      const done = await db
        .updateTable('training_sessions')
        .set({ status: 'completed', updated_at: at })
        .where('id', '=', sessionId)
        .where('status', '=', 'planned')
        .where(
          sql<SqlBool>`EXISTS (SELECT 1 FROM training_enrolments e WHERE e.session_id = ${sessionId} AND e.status = 'enrolled')
            AND NOT EXISTS (SELECT 1 FROM training_enrolments e WHERE e.session_id = ${sessionId}
                             AND e.status = 'enrolled' AND e.attendance IS NULL)`,
        )
        .executeTakeFirst()
      return Number(done.numUpdatedRows) > 0
    },

    /** The people an actor may enrol: of `zoneIds` (operational staff only for `operationalOnly`), and `selfId`. */
    enrolable(
      sessionId: string,
      o: { zoneIds: readonly string[]; selfId: string | null; operationalOnly: boolean; date: string },
    ) {
      return db
        .selectFrom('people as p')
        .innerJoin('zones as z', 'z.id', 'p.zone_id')
        .leftJoin('training_enrolments as e', (j) =>
          j
            .onRef('e.person_id', '=', 'p.id')
            .onRef('e.zone_id', '=', 'p.zone_id')
            .on('e.session_id', '=', sessionId)
            .on('e.status', '<>', 'cancelled'),
        )
        .select([
          'p.id',
          'p.first_name',
          'p.last_name',
          'p.rank',
          'p.staff_kind',
          'p.zone_id',
          'z.code as zone_code',
          'z.name as zone_name',
          'e.id as enrolment_id',
          'e.status',
          'e.queued_at',
        ])
        .where((eb) =>
          eb.or([sql<SqlBool>`p.zone_id = ANY(${[...o.zoneIds]}::uuid[])`, sql<SqlBool>`p.id = ${o.selfId}::uuid`]),
        )
        .where(sql<SqlBool>`(p.employed_to IS NULL OR p.employed_to >= ${o.date}::date)`)
        .$if(o.operationalOnly, (q) => q.where('p.staff_kind', '=', 'operational'))
        .orderBy('p.last_name')
        .orderBy('p.first_name')
        .orderBy('p.id')
        .limit(2000)
        .execute()
    },

    /** The active user accounts linked to these people (their notifications). */
    async usersOf(personIds: readonly string[]): Promise<{ userId: string; personId: string }[]> {
      if (personIds.length === 0) return []
      const rows = await db
        .selectFrom('users')
        .select(['id', 'person_id'])
        .where('person_id', 'in', [...personIds])
        .where('disabled_at', 'is', null)
        .execute()
      return rows.flatMap((r) => (r.person_id ? [{ userId: r.id, personId: r.person_id }] : []))
    },
  }
}
