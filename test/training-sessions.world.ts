// training sessions (issue 11, train-sessions): the policy matrix's world and fixtures for courses, sessions,
// places, trainer candidates and trainer hours. Per target zone (own 5373, partner 5375 — which share no
// `training`, so a partner's session is out of reach —, foreign 5447) a course of the target's association, a
// planned session of the zone (reading it), a cancelled one (editing or cancelling it is a stable conflict, 409),
// and one that ended (posting its trainer hours: nothing to post, 200).
import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import type { TestApp } from './harness.ts'
import type { Fixture, Target, World, WorldObject } from './policy-matrix.world.ts'

export interface TrainingSessionsWorld {
  course: Record<Target, string>
  planned: Record<Target, string>
  cancelled: Record<Target, string>
  ended: Record<Target, string>
}

const HOUR = 3_600_000
const DAY = 24 * HOUR

export async function trainingSessionsWorld(
  t: TestApp,
  zone: World['zone'],
  association: World['association'],
): Promise<TrainingSessionsWorld> {
  const db = t.database.db
  const at = new Date()
  const world: TrainingSessionsWorld = { course: {}, planned: {}, cancelled: {}, ended: {} } as TrainingSessionsWorld
  for (const tg of ['own', 'partner', 'foreign'] as const) {
    const { id: course } = await db
      .insertInto('training_courses')
      .values({
        association_id: association[tg],
        code: `MX-${randomBytes(3).toString('hex').toUpperCase()}`,
        kind: 'gpi48_training',
        title: `Matrix ${tg}`,
        duration_minutes: 120,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    world.course[tg] = course
    const session = async (startMs: number, status: 'planned' | 'cancelled') =>
      db.transaction().execute(async (trx) => {
        const from = new Date(startMs)
        const { id } = await trx
          .insertInto('training_sessions')
          .values({
            association_id: association[tg],
            zone_id: zone[tg],
            course_id: course,
            period: sql<string>`tstzrange(${from.toISOString()}::timestamptz, ${new Date(startMs + 2 * HOUR).toISOString()}::timestamptz, '[)')`,
            location: 'Matrix',
            capacity: 4,
            cancel_deadline: new Date(startMs - DAY),
            status,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        await trx
          .insertInto('training_session_places')
          .values({ session_id: id, zone_id: zone[tg], places: 4 })
          .execute()
        return id
      })
    world.planned[tg] = await session(at.getTime() + 20 * DAY, 'planned')
    world.cancelled[tg] = await session(at.getTime() + 21 * DAY, 'cancelled')
    world.ended[tg] = await session(at.getTime() - 3 * DAY, 'planned')
  }
  return world
}

/** Managing: the organising zone only (an admin sees its association's sessions, but does not manage them). */
const organised = (tg: Target): WorldObject => ({ zones: [tg] })
const seenSession = (tg: Target): WorldObject => ({ zones: [tg], association: tg === 'foreign' ? 'foreign' : 'own' })
const ofAssociation = (tg: Target): WorldObject => ({ zones: [], association: tg === 'foreign' ? 'foreign' : 'own' })

let slot = 0
/** Fresh, disjoint periods for every new session (five weeks ahead, three hours apart). */
const period = () => {
  const from = Date.now() + 35 * DAY + slot++ * 3 * HOUR
  return { from: new Date(from).toISOString(), to: new Date(from + 2 * HOUR).toISOString() }
}
const code = () => `MX-${randomBytes(4).toString('hex').toUpperCase()}`
const session = (which: 'planned' | 'cancelled' | 'ended') => (w: World, tg: Target) =>
  `/api/training/sessions/${w.trainingSessions[which][tg]}`

export const TRAINING_SESSION_FIXTURES: Record<string, Fixture | Fixture[]> = {
  listTrainingCourses: {
    request: (w, tg) => ({ method: 'GET', url: `/api/training/courses?associationId=${w.association[tg]}` }),
    object: ofAssociation,
  },
  createTrainingCourse: {
    request: (w, tg) => ({
      method: 'POST',
      url: '/api/training/courses',
      payload: {
        associationId: w.association[tg],
        code: code(),
        kind: 'first_aid',
        title: 'Matrix',
        durationMinutes: 60,
      },
    }),
    object: ofAssociation,
    ok: 201,
  },
  updateTrainingCourse: {
    request: (w, tg) => ({
      method: 'PATCH',
      url: `/api/training/courses/${w.trainingSessions.course[tg]}`,
      payload: { title: 'Matrix' },
    }),
    object: ofAssociation,
  },
  listTrainingSessions: {
    request: () => ({ method: 'GET', url: `/api/training/sessions?from=2026-01-01&to=2026-03-31` }),
  },
  createTrainingSession: {
    request: (w, tg) => ({
      method: 'POST',
      url: '/api/training/sessions',
      payload: {
        courseId: w.trainingSessions.course[tg],
        zoneId: w.zone[tg],
        ...period(),
        location: 'Matrix',
        capacity: 4,
        placeKey: 'equal',
        zoneIds: [w.zone[tg]],
        trainers: [],
        idempotencyKey: `matrix-${randomBytes(6).toString('hex')}`,
      },
    }),
    object: organised,
    ok: 201,
  },
  getTrainingSession: { request: (w, tg) => ({ method: 'GET', url: session('planned')(w, tg) }), object: seenSession },
  updateTrainingSession: {
    request: (w, tg) => ({ method: 'PATCH', url: session('cancelled')(w, tg), payload: { location: 'Matrix' } }),
    object: organised,
    seen: seenSession,
    ok: 409,
  },
  cancelTrainingSession: {
    request: (w, tg) => ({
      method: 'POST',
      url: `${session('cancelled')(w, tg)}/cancel`,
      payload: { reason: 'Matrix' },
    }),
    object: organised,
    seen: seenSession,
    ok: 409,
  },
  postTrainerHours: {
    request: (w, tg) => ({ method: 'POST', url: `${session('ended')(w, tg)}/trainer-hours` }),
    object: organised,
    seen: seenSession,
  },
  suggestPlacesSplit: {
    request: (w, tg) => ({
      method: 'GET',
      url: `/api/training/places-split?capacity=5&zoneIds=${w.zone[tg]}&key=fte&day=2026-06-01`,
    }),
    object: organised,
    // A zone that does not share training with one of the actor's: 422 TRAINING_ZONE_NOT_SHARED, whoever asks.
    outside: 422,
  },
  listTrainerCandidates: {
    request: (w, tg) => ({ method: 'GET', url: `/api/training/trainer-candidates?zoneId=${w.zone[tg]}` }),
    object: organised,
  },
}
