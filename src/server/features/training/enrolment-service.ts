// Enrolments (issue 11): enrolling (oneself, or a person of one's zone as planner, korpschef or trainer), the
// waiting list, cancelling (with promotion of the waiting), the list of a session's enrolments and the people the
// reader may enrol. A zone's places row is locked before its enrolments are counted, so concurrent enrolments
// for the last place queue behind each other: one is enrolled, the others wait in line, none fails.
import type { Kysely, Transaction } from 'kysely'
import { audit } from '../../platform/audit.ts'
import { now } from '../../platform/clock.ts'
import { GPI48_COURSE_KINDS } from '../../platform/enums.ts'
import { AppError } from '../../platform/errors.ts'
import { decide, scope } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { addDays, brusselsDate } from '../../platform/time.ts'
import { addReasons, limitDomains, removeReasonsOf } from '../../platform/visibility.ts'
import { admission, positions } from './domain/waitlist.ts'
import {
  cancelVerdict,
  DOMAIN,
  presentEnrolment,
  seesEnrolment,
  standingOf,
  type SessionStanding,
} from './enrolment-access.ts'
import { enrolmentRepository, type EnrolmentRow, type SessionRow } from './enrolment-repository.ts'
import { notifyPeople, notifyWaitlisted, recordEnrolmentWrite } from './enrolment-record.ts'
import type {
  CancelEnrolmentBody,
  EnrolableList,
  EnrolBody,
  Enrolment,
  EnrolmentList,
  EnrolmentResult,
} from './enrolment-schema.ts'
import { promoteWaiting } from './promotion.ts'

/** A partner's enrolled person stays visible to the organiser until 30 days after the session. */
const REASON_DAYS_AFTER = 30

/** The session the reader sees, and how they stand to it (not visible: 404). */
export async function visibleSession(
  trx: Transaction<DB>,
  ctx: PolicyContext,
  id: string,
  lock = false,
): Promise<{ session: SessionRow; standing: SessionStanding }> {
  const session = await enrolmentRepository(trx).session(id, lock)
  if (!session) throw new AppError('NOT_FOUND')
  const standing = await standingOf(ctx.on(trx), session)
  if (!standing.visible) throw new AppError('NOT_FOUND')
  return { session, standing }
}

/** Waiting-list positions per zone of some enrolments (each zone's line in queue order). */
function positionsOf(rows: readonly Pick<EnrolmentRow, 'id' | 'zone_id' | 'status' | 'queued_at'>[]) {
  const out = new Map<string, number>()
  for (const zoneId of new Set(rows.map((r) => r.zone_id)))
    for (const [id, pos] of positions(
      rows
        .filter((r) => r.zone_id === zoneId && r.status === 'waitlisted')
        .map((r) => ({ id: r.id, queuedAt: new Date(r.queued_at) })),
    ))
      out.set(id, pos)
  return out
}

export function enrolmentService(db: Kysely<DB>) {
  /** One enrolment as the reader sees it, its position read from its zone's whole line. */
  async function presentOne(
    trx: Transaction<DB>,
    ctx: PolicyContext,
    session: SessionRow,
    row: EnrolmentRow,
  ): Promise<Enrolment> {
    const line = await enrolmentRepository(trx).line(session.id, row.zone_id)
    const position = positions(line.waiting).get(row.id) ?? null
    return presentEnrolment(row, { position, cancel: cancelVerdict(ctx.actor, session, row, now()).allowed })
  }

  async function enrolIn(trx: Transaction<DB>, ctx: PolicyContext, sessionId: string, body: EnrolBody) {
    const c = ctx.on(trx)
    const repo = enrolmentRepository(trx)
    const { session } = await visibleSession(trx, c, sessionId, true)
    const personId = body.personId ?? ctx.actor.personId
    if (!personId) throw new AppError('ENROLMENT_PERSON_REQUIRED')
    const person = await repo.person(personId)
    if (!person || !person.employed) throw new AppError('NOT_FOUND')
    const allowed = await decide(c, 'training.enrol', { zoneIds: [person.zone_id], personId })
    if (!allowed.allowed)
      throw new AppError(ctx.actor.roles.some((r) => r.zoneId === person.zone_id) ? 'FORBIDDEN' : 'NOT_FOUND')
    const at = now()
    if (session.status !== 'planned' || at.getTime() >= session.from.getTime()) throw new AppError('ENROLMENT_CLOSED')
    if (!session.places.some((p) => p.zoneId === person.zone_id && p.places > 0))
      throw new AppError('NO_PLACES_FOR_ZONE')
    if ((GPI48_COURSE_KINDS as readonly string[]).includes(session.course_kind) && person.staff_kind !== 'operational')
      throw new AppError('COURSE_NOT_FOR_STAFF')
    // The zone's places row first: concurrent enrolments of the zone wait here, then count what committed.
    const places = (await repo.lockPlaces(session.id, person.zone_id)) ?? 0
    const line = await repo.line(session.id, person.zone_id)
    const status = admission({ places, enrolled: line.enrolled })
    // Queued when the lock is held: the line's order is the order in which enrolments were admitted.
    const queuedAt = now()
    const id = await repo.insert({
      sessionId: session.id,
      zoneId: person.zone_id,
      personId,
      status,
      at: queuedAt,
      userId: ctx.actor.userId,
    })
    if (person.zone_id !== session.zone_id)
      await addReasons(trx, [
        {
          personId,
          ownerZoneId: person.zone_id,
          partnerZoneId: session.zone_id,
          domain: DOMAIN,
          kind: 'enrolment',
          source: { table: 'training_enrolments', id },
          from: brusselsDate(at),
          to: addDays(brusselsDate(session.to), REASON_DAYS_AFTER),
        },
      ])
    await recordEnrolmentWrite(
      trx,
      ctx.actor,
      session,
      'training.enrolment.create',
      { type: 'training_enrolment', id },
      [person.zone_id],
      { personId, status },
    )
    const row = (await repo.byId(id))!
    const enrolment = await presentOne(trx, c, session, row)
    if (status === 'waitlisted') await notifyWaitlisted(trx, session, personId, enrolment.position ?? 1)
    else if (ctx.actor.personId !== personId) await notifyPeople(trx, session, [personId], 'training.enrolled')
    return { enrolment }
  }

  return {
    enrol: (ctx: PolicyContext, sessionId: string, body: EnrolBody): Promise<EnrolmentResult> =>
      db.transaction().execute((trx) => enrolIn(trx, ctx, sessionId, body)),

    cancel: (ctx: PolicyContext, id: string, body: CancelEnrolmentBody): Promise<EnrolmentResult> =>
      db.transaction().execute(async (trx) => {
        const c = ctx.on(trx)
        const repo = enrolmentRepository(trx)
        const first = await repo.byId(id)
        if (!first) throw new AppError('NOT_FOUND')
        const { session, standing } = await visibleSession(trx, c, first.session_id, true)
        if (!seesEnrolment(ctx.actor, standing, first)) throw new AppError('NOT_FOUND')
        // The zone's places row, then the enrolment: the order an enrolment and a promotion lock in.
        await repo.lockPlaces(session.id, first.zone_id)
        const row = (await repo.byId(id, true))!
        const at = now()
        const verdict = cancelVerdict(ctx.actor, session, row, at)
        if (!verdict.allowed) throw new AppError(verdict.code)
        await repo.cancel(id, { at, userId: ctx.actor.userId, late: verdict.late })
        await removeReasonsOf(trx, { table: 'training_enrolments', id })
        const promoted =
          row.status === 'enrolled' ? await promoteWaiting(trx, { sessionId: session.id, zoneId: row.zone_id, at }) : []
        await recordEnrolmentWrite(
          trx,
          ctx.actor,
          session,
          'training.enrolment.cancel',
          { type: 'training_enrolment', id },
          [row.zone_id],
          {
            personId: row.person_id,
            from: row.status,
            late: verdict.late,
            reason: body.reason?.trim() || null,
            promoted: promoted.map((p) => p.enrolmentId),
          },
        )
        if (ctx.actor.personId !== row.person_id)
          await notifyPeople(trx, session, [row.person_id], 'training.enrolment_cancelled')
        return { enrolment: await presentOne(trx, c, session, (await repo.byId(id))!) }
      }),

    list: (ctx: PolicyContext, sessionId: string): Promise<EnrolmentList> =>
      db.transaction().execute(async (trx) => {
        const c = ctx.on(trx)
        const { session, standing } = await visibleSession(trx, c, sessionId)
        const people = limitDomains(await scope(c, 'person.read'), [DOMAIN])
        const all = standing.organiser || standing.trainer
        // A listed trainer of a partner zone sees every enrolled person, to record attendance (logged below).
        const rows = await enrolmentRepository(trx).list(session.id, {
          zoneIds: [...standing.zoneIds, ...(standing.trainer ? session.places.map((p) => p.zoneId) : [])],
          all,
          scope: people,
        })
        const own = new Set(ctx.actor.roles.flatMap((r) => (r.zoneId ? [r.zoneId] : [])))
        const reads = new Map<string, { reasons: { kind: string; domain: string }[]; personIds: string[] }>()
        for (const r of rows.filter((x) => !own.has(x.zone_id))) {
          const reasons = r.reasons.length > 0 ? r.reasons : [{ kind: 'session_trainer', domain: DOMAIN }]
          const read = reads.get(r.zone_id) ?? { reasons, personIds: [] }
          read.personIds.push(r.person_id)
          reads.set(r.zone_id, read)
        }
        await audit.partnerReads(
          trx,
          ctx.actor,
          [...reads].map(([zoneId, read]) => ({
            zoneId,
            action: 'person.read' as const,
            reasons: read.reasons,
            object: { type: 'training_session', id: session.id },
            details: { personIds: read.personIds },
          })),
        )
        const pos = positionsOf(rows)
        const at = now()
        return {
          enrolments: rows.map((r) =>
            presentEnrolment(r, {
              position: pos.get(r.id) ?? null,
              cancel: cancelVerdict(ctx.actor, session, r, at).allowed,
            }),
          ),
        }
      }),

    enrolable: (ctx: PolicyContext, sessionId: string): Promise<EnrolableList> =>
      db.transaction().execute(async (trx) => {
        const c = ctx.on(trx)
        const { session, standing } = await visibleSession(trx, c, sessionId)
        const s = await scope(c, 'training.enrol')
        const withPlaces = (z: string) => session.places.some((p) => p.zoneId === z && p.places > 0)
        const zoneIds = s.ownZoneIds.filter((z) => standing.zoneIds.includes(z) && withPlaces(z))
        const repo = enrolmentRepository(trx)
        const rows = await repo.enrolable(session.id, {
          zoneIds,
          selfId: ctx.actor.personId,
          operationalOnly: (GPI48_COURSE_KINDS as readonly string[]).includes(session.course_kind),
          date: c.date,
        })
        const lines = new Map<string, Map<string, number>>()
        for (const zoneId of new Set(rows.filter((r) => r.status === 'waitlisted').map((r) => r.zone_id)))
          lines.set(zoneId, positions((await repo.line(session.id, zoneId)).waiting))
        return {
          people: rows.map((r) => ({
            id: r.id,
            name: `${r.first_name} ${r.last_name}`,
            zone: { id: r.zone_id, code: r.zone_code, name: r.zone_name },
            rank: r.rank,
            staffKind: r.staff_kind,
            self: r.id === ctx.actor.personId,
            status: r.status === 'enrolled' || r.status === 'waitlisted' ? r.status : null,
            position:
              r.status === 'waitlisted' && r.enrolment_id ? (lines.get(r.zone_id)?.get(r.enrolment_id) ?? null) : null,
          })),
        }
      }),
  }
}
