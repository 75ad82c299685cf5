// Training sessions (issue 11, train-sessions): the calendar list, one session, creating one (places split by key,
// trainers, range lanes booked by the equipment rules in the same transaction), editing (places and capacity —
// then the waiting list is promoted), cancelling (lane bookings cancelled, people notified). The organiser's
// trainer or korpschef manages; a partner zone sees a session that gives it places under `training` in force.
import type { Kysely, Transaction } from 'kysely'
import { audit, type AuditAction } from '../../platform/audit.ts'
import { now } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { notify } from '../../platform/notifications.ts'
import { emit } from '../../platform/outbox.ts'
import { decide, scope } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { Temporal } from 'temporal-polyfill'
import { addDays, brusselsDate, TIME_ZONE } from '../../platform/time.ts'
import { recordBookingWrite } from '../equipment/booking-record.ts'
import { bookingRepository } from '../equipment/booking-repository.ts'
import { bookAssetsIn } from '../equipment/booking-service.ts'
import { brusselsDateTime } from '../equipment/booking-time.ts'
import { courseRepository } from './course-repository.ts'
import { promoteWaiting } from './promotion.ts'
import { deadlineOf, periodOf, placesOf, sharingAgreement, trainersOf, type Period } from './session-input.ts'
import { DOMAIN, presentSession, presentSummaries, reachOf } from './session-present.ts'
import { sessionRepository, type SessionRow } from './session-repository.ts'
import type {
  SessionCreateBody,
  SessionList,
  SessionListQuery,
  SessionPatchBody,
  TrainingSession,
} from './session-schema.ts'

export const SESSION_CHANGED = 'training.session.changed'
const MAX_DAYS = 93
const day = (d: Date) => brusselsDate(d)
/** The start of a Brussels day as an instant. */
const instantOfDay = (date: string) =>
  new Date(Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: TIME_ZONE }).epochMilliseconds)

/** Audit (organiser's and every place-holding zone's chain) and the live event of a session's write. */
async function record(
  trx: Transaction<DB>,
  ctx: PolicyContext,
  row: Pick<SessionRow, 'id' | 'zone_id' | 'status'>,
  action: AuditAction,
  details: Record<string, unknown>,
): Promise<void> {
  const zones = [row.zone_id, ...(await sessionRepository(trx).places([row.id])).map((p) => p.zone_id)]
  const chains = [...new Set(zones)]
  await audit.write(trx, ctx.actor, action, { type: 'training_session', id: row.id }, details, {
    chains,
    domain: DOMAIN,
  })
  await emit(trx, {
    type: SESSION_CHANGED,
    zoneId: row.zone_id,
    domain: DOMAIN,
    payload: { sessionId: row.id, status: row.status, zoneIds: chains },
  })
}

/** The session, visible to the reader and managed by them (the organiser's trainer or korpschef); locked. */
async function managed(trx: Transaction<DB>, ctx: PolicyContext, id: string): Promise<SessionRow> {
  const row = await sessionRepository(trx).byId(id, await reachOf(ctx), true)
  if (!row) throw new AppError('NOT_FOUND')
  if (!(await decide(ctx, 'training.manage', { zoneIds: [row.zone_id] })).allowed) throw new AppError('FORBIDDEN')
  return row
}

/** Cancels the live bookings of the session's range lanes (a cancelled or moved session). */
async function cancelLanes(trx: Transaction<DB>, ctx: PolicyContext, groupId: string | null): Promise<string[]> {
  if (!groupId) return []
  const repo = bookingRepository(trx)
  const assetIds: string[] = []
  for (const b of await repo.byGroup(groupId)) {
    if (b.status !== 'requested' && b.status !== 'approved') continue
    assetIds.push(b.asset_id)
    await repo.setStatus(b.id, 'cancelled', null)
    await recordBookingWrite(trx, ctx.actor, { ...b, status: 'cancelled' }, 'equipment.booking_cancel', {
      from: b.status,
      trainingSession: true,
    })
  }
  return assetIds
}

async function bookLanes(
  trx: Transaction<DB>,
  ctx: PolicyContext,
  opts: { zoneId: string; assetIds: readonly string[]; period: Period; purpose: string },
): Promise<string | null> {
  if (opts.assetIds.length === 0) return null
  const repo = bookingRepository(trx)
  for (const id of opts.assetIds) {
    const asset = await repo.asset(id)
    if (asset && asset.kind !== 'range_lane') throw new AppError('VALIDATION_FAILED', { field: 'rangeLaneAssetIds' })
  }
  const { groupId } = await bookAssetsIn(trx, ctx, {
    borrowerZoneId: opts.zoneId,
    assetIds: opts.assetIds,
    period: { from: opts.period.from.getTime(), to: opts.period.to.getTime() },
    purpose: opts.purpose.slice(0, 200),
    collector: null,
    idempotencyKey: null,
  })
  return groupId
}

const isUniqueViolation = (err: unknown, constraint: string) =>
  err instanceof Error &&
  (err as { code?: unknown }).code === '23505' &&
  (err as { constraint?: unknown }).constraint === constraint

export function sessionService(db: Kysely<DB>) {
  async function organiserOf(ctx: PolicyContext, given: string | undefined): Promise<string> {
    const s = await scope(ctx, 'training.manage')
    if (given === undefined) {
      if (s.ownZoneIds.length === 1) return s.ownZoneIds[0]!
      throw new AppError('VALIDATION_FAILED', { field: 'zoneId' })
    }
    if (s.ownZoneIds.includes(given)) return given
    const seen = await decide(ctx, 'training.read', { zoneIds: [given] })
    throw new AppError(seen.allowed ? 'FORBIDDEN' : 'NOT_FOUND')
  }

  async function createIn(trx: Transaction<DB>, outer: PolicyContext, body: SessionCreateBody) {
    const ctx = outer.on(trx)
    const zoneId = await organiserOf(ctx, body.zoneId)
    const repo = sessionRepository(trx)
    if (body.idempotencyKey) {
      const known = await repo.byIdempotency(zoneId, ctx.actor.userId, body.idempotencyKey)
      if (known) return { created: false, id: known }
    }
    const course = await courseRepository(trx).byId(body.courseId)
    const today = day(now())
    const member =
      course !== null &&
      ((await courseRepository(trx).associationsOf([zoneId], today)).includes(course.associationId) ||
        (await ctx.grants()).some((g) => g.associationId === course.associationId && g.zoneIds.includes(zoneId)))
    if (!course || !course.active || !member) throw new AppError('VALIDATION_FAILED', { field: 'courseId' })
    const period = periodOf(body.from, body.to)
    const sessionDay = day(period.from)
    const agreementId = await sharingAgreement(trx, {
      associationId: course.associationId,
      organiserZoneId: zoneId,
      zoneIds: body.zoneIds,
      day: sessionDay,
    })
    const places = await placesOf(trx, {
      capacity: body.capacity,
      zoneIds: body.zoneIds,
      key: body.placeKey,
      day: sessionDay,
      ...(body.places ? { places: body.places } : {}),
    })
    const trainers = await trainersOf(trx, {
      organiserZoneId: zoneId,
      associationId: course.associationId,
      trainers: body.trainers,
      defaultMinutes: Math.min(2880, Math.round((period.to.getTime() - period.from.getTime()) / 60_000)),
      day: sessionDay,
    })
    const at = now()
    const id = await repo.insert({
      associationId: course.associationId,
      zoneId,
      courseId: course.id,
      agreementId,
      from: period.from,
      to: period.to,
      location: body.location.trim(),
      capacity: body.capacity,
      cancelDeadline: deadlineOf(body.cancelDeadline, period.from),
      note: body.note?.trim() || null,
      userId: ctx.actor.userId,
      at,
      idempotencyKey: body.idempotencyKey ?? null,
    })
    await repo.setPlaces(id, places)
    await repo.setTrainers(id, trainers)
    const groupId = await bookLanes(trx, ctx, {
      zoneId,
      assetIds: body.rangeLaneAssetIds ?? [],
      period,
      purpose: `${course.code} ${course.title}`,
    })
    if (groupId) await repo.update(id, { bookingGroupId: groupId }, at)
    await record(trx, ctx, { id, zone_id: zoneId, status: 'planned' }, 'training.session.create', {
      courseId: course.id,
      key: body.placeKey,
      places,
      lanes: body.rangeLaneAssetIds ?? [],
    })
    return { created: true, id }
  }

  async function present(trx: Transaction<DB>, ctx: PolicyContext, id: string, logReads: boolean) {
    const row = await sessionRepository(trx).byId(id, null)
    return presentSession(trx, ctx, row!, { logReads })
  }

  return {
    async list(ctx: PolicyContext, q: SessionListQuery): Promise<SessionList> {
      if (q.to < q.from || addDays(q.from, MAX_DAYS) < q.to)
        throw new AppError('VALIDATION_FAILED', { field: 'to', maxDays: MAX_DAYS })
      const reach = await reachOf(ctx)
      return db.transaction().execute(async (trx) => {
        const rows = await sessionRepository(trx).list(reach, {
          from: instantOfDay(q.from),
          to: instantOfDay(addDays(q.to, 1)),
          courseKind: q.courseKind ?? null,
          zoneId: q.zoneId ?? null,
        })
        const sessions = await presentSummaries(trx, ctx.on(trx), rows, reach)
        return { sessions: q.onlyFree ? sessions.filter((s) => s.free > 0 && s.status === 'planned') : sessions }
      })
    },

    async get(ctx: PolicyContext, id: string): Promise<TrainingSession> {
      const reach = await reachOf(ctx)
      return db.transaction().execute(async (trx) => {
        const row = await sessionRepository(trx).byId(id, reach)
        if (!row) throw new AppError('NOT_FOUND')
        return presentSession(trx, ctx, row, { logReads: true })
      })
    },

    async create(ctx: PolicyContext, body: SessionCreateBody): Promise<{ created: boolean; session: TrainingSession }> {
      try {
        return await db.transaction().execute(async (trx) => {
          const { created, id } = await createIn(trx, ctx, body)
          return { created, session: await present(trx, ctx.on(trx), id, false) }
        })
      } catch (err) {
        // A true double submit: the other transaction committed the same key first. Answer its session.
        if (!isUniqueViolation(err, 'training_sessions_idempotency')) throw err
        return db.transaction().execute(async (trx) => {
          const { id } = await createIn(trx, ctx, body)
          return { created: false, session: await present(trx, ctx.on(trx), id, false) }
        })
      }
    },

    async update(outer: PolicyContext, id: string, body: SessionPatchBody): Promise<TrainingSession> {
      return db.transaction().execute(async (trx) => {
        const ctx = outer.on(trx)
        const row = await managed(trx, ctx, id)
        if (row.status !== 'planned') throw new AppError('TRAINING_SESSION_NOT_EDITABLE', { status: row.status })
        const repo = sessionRepository(trx)
        const started = now().getTime() >= new Date(row.from).getTime()
        const at = now()
        const moves = body.from !== undefined || body.to !== undefined
        if (moves && (started || body.from === undefined || body.to === undefined))
          throw new AppError(started ? 'TRAINING_SESSION_NOT_EDITABLE' : 'VALIDATION_FAILED', { field: 'from' })
        const period = moves ? periodOf(body.from!, body.to!) : { from: new Date(row.from), to: new Date(row.to) }
        const sessionDay = day(period.from)
        let deadline: Date | undefined
        if (body.cancelDeadline !== undefined) deadline = deadlineOf(body.cancelDeadline, period.from)
        else if (moves && new Date(row.cancel_deadline).getTime() > period.from.getTime())
          deadline = deadlineOf(undefined, period.from)
        if ((body.places !== undefined || body.capacity !== undefined) && started)
          throw new AppError('TRAINING_SESSION_NOT_EDITABLE', { field: 'places' })
        if (body.capacity !== undefined && body.places === undefined)
          throw new AppError('VALIDATION_FAILED', { field: 'places' })
        let placesChanged = false
        if (body.places !== undefined) {
          const zoneIds = body.places.map((p) => p.zoneId)
          const capacity = body.capacity ?? body.places.reduce((s, p) => s + p.places, 0)
          if (capacity < 1 || capacity > 500) throw new AppError('PLACES_NOT_CAPACITY', { capacity })
          await sharingAgreement(trx, {
            associationId: row.association_id,
            organiserZoneId: row.zone_id,
            zoneIds,
            day: sessionDay,
          })
          const places = await placesOf(trx, { capacity, zoneIds, key: 'custom', day: sessionDay, places: body.places })
          await repo.setPlaces(id, places)
          await repo.update(id, { capacity }, at)
          placesChanged = true
        }
        if (body.trainers !== undefined)
          await repo.setTrainers(
            id,
            await trainersOf(trx, {
              organiserZoneId: row.zone_id,
              associationId: row.association_id,
              trainers: body.trainers,
              defaultMinutes: Math.min(2880, Math.round((period.to.getTime() - period.from.getTime()) / 60_000)),
              day: sessionDay,
            }),
          )
        let groupId: string | null | undefined
        if (moves && row.booking_group_id) {
          const assetIds = await cancelLanes(trx, ctx, row.booking_group_id)
          groupId = await bookLanes(trx, ctx, {
            zoneId: row.zone_id,
            assetIds,
            period,
            purpose: `${row.course_code} ${row.course_title}`,
          })
        }
        await repo.update(
          id,
          {
            ...(moves ? { from: period.from, to: period.to } : {}),
            ...(body.location !== undefined ? { location: body.location.trim() } : {}),
            ...(body.note !== undefined ? { note: body.note?.trim() || null } : {}),
            ...(deadline !== undefined ? { cancelDeadline: deadline } : {}),
            ...(groupId !== undefined ? { bookingGroupId: groupId } : {}),
          },
          at,
        )
        if (placesChanged) await promoteWaiting(trx, { sessionId: id, at })
        await record(trx, ctx, row, 'training.session.update', { changed: Object.keys(body).sort() })
        return present(trx, ctx, id, true)
      })
    },

    async cancel(outer: PolicyContext, id: string, reason: string): Promise<TrainingSession> {
      return db.transaction().execute(async (trx) => {
        const ctx = outer.on(trx)
        const row = await managed(trx, ctx, id)
        if (row.status !== 'planned') throw new AppError('TRAINING_SESSION_NOT_EDITABLE', { status: row.status })
        const repo = sessionRepository(trx)
        await repo.update(id, { status: 'cancelled' }, now())
        await cancelLanes(trx, ctx, row.booking_group_id)
        const people = await repo.enrolledUsers(id)
        await notify(trx, {
          recipients: [...new Set(people.map((p) => p.userId))],
          kind: 'training.session_cancelled',
          params: { course: row.course_title, from: brusselsDateTime(row.from), reason: reason.trim() },
          object: { type: 'training_session', id },
        })
        await record(trx, ctx, { ...row, status: 'cancelled' }, 'training.session.cancel', { reason: reason.trim() })
        return present(trx, ctx, id, true)
      })
    },
  }
}
