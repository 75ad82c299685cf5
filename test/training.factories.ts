// training (issue 11): factories of the training tests. Courses, sessions with their places per zone, trainers and
// enrolments are inserted directly, as migration 0020 holds them (each test builds its own; the write paths have
// their own tests). The database still guards them: places add up to the capacity, enrolled people never
// outnumber their zone's places.
import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import type { Attendance, CourseKind, EnrolmentStatus, TrainingResult } from '../src/server/platform/enums.ts'
import type { AssociationRef, PersonRef, ZoneRef } from './factories.ts'
import type { TestApp } from './harness.ts'

const unique = () => randomBytes(3).toString('hex').toUpperCase()

export interface CourseRef {
  id: string
  associationId: string
  code: string
  kind: CourseKind
  title: string
}

/** A course of `association`'s catalogue (a GPI 48 training of two hours by default). */
export async function makeCourse(
  t: TestApp,
  opts: {
    association: AssociationRef
    kind?: CourseKind
    code?: string
    title?: string
    durationMinutes?: number
    qualification?: { code: string; months: number }
  },
): Promise<CourseRef> {
  const kind = opts.kind ?? 'gpi48_training'
  const code = opts.code ?? `C-${unique()}`
  const title = opts.title ?? `Test ${kind} ${code}`
  const now = new Date()
  const { id } = await t.database.db
    .insertInto('training_courses')
    .values({
      association_id: opts.association.id,
      code,
      kind,
      title,
      duration_minutes: opts.durationMinutes ?? 120,
      qualification_code: opts.qualification?.code ?? null,
      qualification_months: opts.qualification?.months ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id, associationId: opts.association.id, code, kind, title }
}

export interface TrainingSessionRef {
  id: string
  associationId: string
  zoneId: string
  courseId: string
  from: Date
  to: Date
  capacity: number
}

/**
 * A session of `course` organised by `zone`, from `from` for the course's two hours (or until `to`), with
 * `places` per zone (by default all for the organising zone: `capacity`, 10). The cancellation deadline is 48 hours
 * before the start, or the start when that is sooner than now + 48 hours' worth (never after the start).
 */
export async function makeTrainingSession(
  t: TestApp,
  opts: {
    association: AssociationRef
    zone: ZoneRef
    course: CourseRef
    from: Date
    to?: Date
    places?: { zone: ZoneRef; places: number }[]
    capacity?: number
    agreementId?: string
    cancelDeadline?: Date
    status?: 'planned' | 'cancelled' | 'completed'
    location?: string
    trainers?: { person: PersonRef; minutes?: number }[]
  },
): Promise<TrainingSessionRef> {
  const to = opts.to ?? new Date(opts.from.getTime() + 2 * 3_600_000)
  const places = opts.places ?? [{ zone: opts.zone, places: opts.capacity ?? 10 }]
  const capacity = places.reduce((sum, p) => sum + p.places, 0)
  const deadline = opts.cancelDeadline ?? new Date(opts.from.getTime() - 48 * 3_600_000)
  const now = new Date()
  return t.database.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('training_sessions')
      .values({
        association_id: opts.association.id,
        zone_id: opts.zone.id,
        course_id: opts.course.id,
        agreement_id: opts.agreementId ?? null,
        period: sql<string>`tstzrange(${opts.from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')`,
        location: opts.location ?? 'Testlocatie',
        capacity,
        cancel_deadline: deadline,
        status: opts.status ?? 'planned',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('training_session_places')
      .values(places.map((p) => ({ session_id: id, zone_id: p.zone.id, places: p.places })))
      .execute()
    for (const tr of opts.trainers ?? [])
      await trx
        .insertInto('training_session_trainers')
        .values({ session_id: id, zone_id: tr.person.zoneId, person_id: tr.person.id, minutes: tr.minutes ?? 120 })
        .execute()
    return {
      id,
      associationId: opts.association.id,
      zoneId: opts.zone.id,
      courseId: opts.course.id,
      from: opts.from,
      to,
      capacity,
    }
  })
}

export interface EnrolmentRef {
  id: string
  sessionId: string
  personId: string
  zoneId: string
  status: EnrolmentStatus
}

/** An enrolment of `person` in `session` (enrolled by default; queued now, or at `queuedAt`). */
export async function makeEnrolment(
  t: TestApp,
  opts: {
    session: TrainingSessionRef
    person: PersonRef
    status?: EnrolmentStatus
    queuedAt?: Date
    attendance?: Attendance
    result?: TrainingResult
  },
): Promise<EnrolmentRef> {
  const status = opts.status ?? 'enrolled'
  const at = opts.queuedAt ?? new Date()
  const { id } = await t.database.db
    .insertInto('training_enrolments')
    .values({
      session_id: opts.session.id,
      zone_id: opts.person.zoneId,
      person_id: opts.person.id,
      status,
      queued_at: at,
      enrolled_at: status === 'enrolled' ? at : null,
      cancelled_at: status === 'cancelled' ? at : null,
      attendance: opts.attendance ?? null,
      result: opts.result ?? null,
      recorded_at: opts.attendance ? at : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id, sessionId: opts.session.id, personId: opts.person.id, zoneId: opts.person.zoneId, status }
}
