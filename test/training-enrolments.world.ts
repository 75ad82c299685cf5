// training enrolments (issue 11): the policy matrix's world and fixtures for enrolments, the waiting list and
// attendance. Per target zone (own 5373, partner 5375 — which shares no `training` with 5373: its sessions are
// not seen —, foreign 5447) a course of its association and two sessions organised by it: an upcoming one with
// places for the zone (every actor enrols their own person once: 201) holding a cancelled enrolment of a
// colleague (cancelling it again is a stable conflict, 409), and one that started an hour ago with an enrolled
// colleague (recording attendance again only corrects: 200).
import { sql } from 'kysely'
import type { TestApp } from './harness.ts'
import type { Fixture, Target, World, WorldObject } from './policy-matrix.world.ts'

export interface TrainingEnrolmentsWorld {
  upcoming: Record<Target, string>
  started: Record<Target, string>
  cancelled: Record<Target, string>
  enrolled: Record<Target, string>
}

const H = 3_600_000

export async function trainingEnrolmentsWorld(
  t: TestApp,
  zone: World['zone'],
  association: World['association'],
): Promise<TrainingEnrolmentsWorld> {
  const db = t.database.db
  const at = new Date()
  const colleague = async (zoneId: string, n: number) => {
    const { id } = await db
      .insertInto('people')
      .values({
        zone_id: zoneId,
        employee_number: `MTR-${n}-${Math.floor(Math.random() * 1e9)}`,
        first_name: 'Matrix',
        last_name: `Cursist ${n}`,
        staff_kind: 'operational',
        rank: 'inspecteur',
        employed_from: '2010-01-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return id
  }
  const session = async (tg: Target, courseId: string, from: Date) =>
    db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('training_sessions')
        .values({
          association_id: association[tg],
          zone_id: zone[tg],
          course_id: courseId,
          period: sql<string>`tstzrange(${from.toISOString()}::timestamptz, ${new Date(from.getTime() + 2 * H).toISOString()}::timestamptz, '[)')`,
          location: 'Matrix',
          capacity: 40,
          cancel_deadline: new Date(from.getTime() - H),
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await trx
        .insertInto('training_session_places')
        .values({ session_id: id, zone_id: zone[tg], places: 40 })
        .execute()
      return id
    })
  const w: TrainingEnrolmentsWorld = {
    upcoming: {},
    started: {},
    cancelled: {},
    enrolled: {},
  } as TrainingEnrolmentsWorld
  let n = 0
  for (const tg of ['own', 'partner', 'foreign'] as const) {
    const { id: courseId } = await db
      .insertInto('training_courses')
      .values({
        association_id: association[tg],
        code: `MTR-${tg.toUpperCase()}`,
        kind: 'other',
        title: `Matrix ${tg}`,
        duration_minutes: 120,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    w.upcoming[tg] = await session(tg, courseId, new Date(at.getTime() + 30 * 24 * H))
    w.started[tg] = await session(tg, courseId, new Date(at.getTime() - H))
    const enrolment = async (sessionId: string, status: 'enrolled' | 'cancelled') => {
      const { id } = await db
        .insertInto('training_enrolments')
        .values({
          session_id: sessionId,
          zone_id: zone[tg],
          person_id: await colleague(zone[tg], n++),
          status,
          queued_at: at,
          enrolled_at: at,
          cancelled_at: status === 'cancelled' ? at : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return id
    }
    w.cancelled[tg] = await enrolment(w.upcoming[tg], 'cancelled')
    w.enrolled[tg] = await enrolment(w.started[tg], 'enrolled')
  }
  return w
}

/** A session (or an enrolment in one) organised by the target zone: a partner's is not seen (no `training`). */
const ofZone = (tg: Target): WorldObject => ({ zones: [tg], association: tg === 'foreign' ? 'foreign' : 'own' })
/** Enrolling oneself (or listing whom one may enrol): the actor's own person, in an own-zone session. */
const oneself = (tg: Target): WorldObject => (tg === 'own' ? { ...ofZone(tg), owner: 'actor' } : ofZone(tg))

export const TRAINING_ENROLMENT_FIXTURES: Record<string, Fixture | Fixture[]> = {
  enrolInTrainingSession: {
    request: (w, tg) => ({
      method: 'POST',
      url: `/api/training/sessions/${w.trainingEnrolments.upcoming[tg]}/enrolments`,
      payload: {},
    }),
    object: oneself,
    ok: 201,
  },
  listTrainingEnrolments: {
    request: (w, tg) => ({
      method: 'GET',
      url: `/api/training/sessions/${w.trainingEnrolments.started[tg]}/enrolments`,
    }),
    object: ofZone,
  },
  listTrainingEnrolable: {
    request: (w, tg) => ({
      method: 'GET',
      url: `/api/training/sessions/${w.trainingEnrolments.upcoming[tg]}/enrolable`,
    }),
    object: oneself,
  },
  cancelTrainingEnrolment: {
    request: (w, tg) => ({
      method: 'POST',
      url: `/api/training/enrolments/${w.trainingEnrolments.cancelled[tg]}/cancel`,
      payload: {},
    }),
    object: ofZone,
    ok: 409,
  },
  recordTrainingAttendance: {
    request: (w, tg) => ({
      method: 'PUT',
      url: `/api/training/sessions/${w.trainingEnrolments.started[tg]}/attendance`,
      payload: { entries: [{ enrolmentId: w.trainingEnrolments.enrolled[tg], attendance: 'absent' }] },
    }),
    object: ofZone,
  },
}
