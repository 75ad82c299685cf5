// A training session as the API shows it (issue 11, train-sessions): its places per zone (counts only), range
// lanes, trainers (a partner zone's trainer by name through their shared function of domain `training`, logged as
// a partner read in the trainer's zone's chain), the reader's own enrolment and what the reader may do.
import type { Transaction } from 'kysely'
import { audit } from '../../platform/audit.ts'
import { now } from '../../platform/clock.ts'
import { actorZones, decide, scope } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { bookingRepository } from '../equipment/booking-repository.ts'
import {
  sessionRepository,
  type PartnerPair,
  type PlaceRow,
  type Reach,
  type SessionRow,
} from './session-repository.ts'
import type { SessionSummary, TrainingSession } from './session-schema.ts'

const iso = (d: Date) => new Date(d).toISOString()
export const DOMAIN = 'training'

/** What the reader reaches under training.read: own zones, administered associations, partner pairs today. */
export async function reachOf(ctx: PolicyContext): Promise<Reach> {
  const s = await scope(ctx, 'training.read')
  const partners: PartnerPair[] = []
  for (const g of s.grants.filter((x) => x.domains.includes(DOMAIN)))
    for (const v of g.zoneIds.filter((z) => s.ownZoneIds.includes(z)))
      for (const o of g.zoneIds.filter((z) => z !== v)) partners.push({ viewerZoneId: v, organiserZoneId: o })
  return { ownZoneIds: s.ownZoneIds, associationIds: s.associationIds, partners }
}

/** The zones whose places count for the reader: own zones; an admin of the association without one: every zone. */
function readerPlaces(ctx: PolicyContext, row: SessionRow, places: readonly PlaceRow[], reach: Reach) {
  const own = places.filter((p) => reach.ownZoneIds.includes(p.zone_id))
  if (own.length > 0 || !reach.associationIds.includes(row.association_id)) return own
  return places
}

const sum = (xs: readonly PlaceRow[], f: (p: PlaceRow) => number) => xs.reduce((s, p) => s + f(p), 0)

export async function presentSummaries(
  trx: Transaction<DB>,
  ctx: PolicyContext,
  rows: readonly SessionRow[],
  reach: Reach,
): Promise<SessionSummary[]> {
  const repo = sessionRepository(trx)
  const ids = rows.map((r) => r.id)
  const places = await repo.places(ids)
  const mine = ctx.actor.personId ? await repo.myEnrolments(ctx.actor.personId, ids) : []
  return rows.map((r) => {
    const counted = readerPlaces(
      ctx,
      r,
      places.filter((p) => p.session_id === r.id),
      reach,
    )
    const my = mine.find((m) => m.session_id === r.id)
    return {
      id: r.id,
      course: { id: r.course_id, code: r.course_code, kind: r.course_kind, title: r.course_title },
      zone: { id: r.zone_id, code: r.zone_code, name: r.zone_name },
      from: iso(r.from),
      to: iso(r.to),
      location: r.location,
      status: r.status,
      capacity: r.capacity,
      places: sum(counted, (p) => p.places),
      free: sum(counted, (p) => Math.max(0, p.places - p.enrolled)),
      enrolled: sum(counted, (p) => p.enrolled),
      waitlisted: sum(counted, (p) => p.waitlisted),
      myEnrolment: my ? { id: my.id, status: my.status, position: my.position } : null,
    }
  })
}

export async function presentSession(
  trx: Transaction<DB>,
  ctx: PolicyContext,
  row: SessionRow,
  opts: { logReads: boolean },
): Promise<TrainingSession> {
  const repo = sessionRepository(trx)
  const c = ctx.on(trx)
  const places = await repo.places([row.id])
  const trainers = await repo.trainers(row.id)
  const lanes = row.booking_group_id ? await bookingRepository(trx).byGroup(row.booking_group_id) : []
  const mine = ctx.actor.personId ? await repo.myEnrolments(ctx.actor.personId, [row.id]) : []
  const own = actorZones(ctx.actor)
  const partnerTrainers = trainers.filter((t) => !own.includes(t.zone_id))
  if (opts.logReads && partnerTrainers.length > 0)
    await audit.partnerReads(
      trx,
      ctx.actor,
      [...new Set(partnerTrainers.map((t) => t.zone_id))].map((zoneId) => ({
        zoneId,
        action: 'person.list' as const,
        reasons: [{ kind: 'shared_function', domain: DOMAIN }],
        object: { type: 'training_session', id: row.id },
        details: { personIds: partnerTrainers.filter((t) => t.zone_id === zoneId).map((t) => t.person_id) },
      })),
    )
  const at = now().getTime()
  const planned = row.status === 'planned' && at < new Date(row.from).getTime()
  const manage = (await decide(c, 'training.manage', { zoneIds: [row.zone_id] })).allowed
  const attendance =
    (await decide(c, 'training.attendance', { zoneIds: [row.zone_id] })).allowed &&
    at >= new Date(row.from).getTime() &&
    row.status !== 'cancelled'
  const enrol = planned && places.some((p) => p.places > 0 && own.includes(p.zone_id))
  const my = mine[0]
  return {
    id: row.id,
    associationId: row.association_id,
    course: {
      id: row.course_id,
      code: row.course_code,
      kind: row.course_kind,
      title: row.course_title,
      durationMinutes: row.duration_minutes,
      qualificationCode: row.qualification_code,
      qualificationMonths: row.qualification_months,
    },
    zone: { id: row.zone_id, code: row.zone_code, name: row.zone_name },
    agreementId: row.agreement_id,
    from: iso(row.from),
    to: iso(row.to),
    location: row.location,
    note: row.note,
    status: row.status,
    capacity: row.capacity,
    cancelDeadline: iso(row.cancel_deadline),
    places: places.map((p) => ({
      zone: { id: p.zone_id, code: p.zone_code, name: p.zone_name },
      places: p.places,
      enrolled: p.enrolled,
      waitlisted: p.waitlisted,
    })),
    lanes: lanes.map((b) => ({
      bookingId: b.id,
      assetId: b.asset_id,
      assetName: b.asset_name,
      bookingStatus: b.status,
    })),
    trainers: trainers.map((t) => ({
      id: t.id,
      personId: t.person_id,
      name: t.name,
      zone: { id: t.zone_id, code: t.zone_code, name: t.zone_name },
      minutes: t.minutes,
      posted: t.ledger_posting !== null,
    })),
    myEnrolment: my ? { id: my.id, status: my.status, position: my.position } : null,
    actions: { manage, enrol, attendance },
  }
}
