// Who sees a session's enrolments and who may cancel one (issue 11), decided from the policy's scope of
// `training.read` and the session's own facts (organiser, places per zone, listed trainers). Pure except
// `standingOf`, which loads the grants once through the request's policy context.
import type { Actor } from '../../platform/policy.ts'
import { scope } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { EnrolmentRow, SessionRow } from './enrolment-repository.ts'
import type { Enrolment } from './enrolment-schema.ts'

export const DOMAIN = 'training'

/** How the reader stands to one session. */
export interface SessionStanding {
  /** A role in the organising zone: sees every enrolment (a partner's person through their reason). */
  organiser: boolean
  /** A trainer listed on the session (possibly of a partner zone): sees every enrolment, to record attendance. */
  trainer: boolean
  /** The reader's own zones through which the session is seen (the organiser's, partner zones with places). */
  zoneIds: string[]
  visible: boolean
}

/** The reader's standing: organiser, listed trainer, partner zone with places under `training`, the admin. */
export async function standingOf(ctx: PolicyContext, session: SessionRow): Promise<SessionStanding> {
  const s = await scope(ctx, 'training.read')
  const organiser = s.ownZoneIds.includes(session.zone_id)
  const partnerZoneIds = s.ownZoneIds.filter(
    (z) =>
      z !== session.zone_id &&
      session.places.some((p) => p.zoneId === z && p.places > 0) &&
      s.grants.some(
        (g) =>
          g.associationId === session.association_id &&
          g.domains.includes(DOMAIN) &&
          g.zoneIds.includes(z) &&
          g.zoneIds.includes(session.zone_id),
      ),
  )
  const { personId } = ctx.actor
  const trainer = personId !== null && session.trainers.some((t) => t.personId === personId)
  const admin = s.associationIds.includes(session.association_id)
  const zoneIds = [...(organiser ? [session.zone_id] : []), ...partnerZoneIds]
  return { organiser, trainer, zoneIds, visible: zoneIds.length > 0 || trainer || admin }
}

const holds = (actor: Actor, zoneId: string, roles: readonly string[]): boolean =>
  actor.roles.some((r) => r.zoneId === zoneId && roles.includes(r.role))

/** Whether the reader may cancel now (`late`: after the deadline), or why not (a catalogue code). */
export function cancelVerdict(
  actor: Actor,
  session: Pick<SessionRow, 'zone_id' | 'status' | 'from' | 'cancel_deadline'>,
  e: Pick<EnrolmentRow, 'status' | 'person_id' | 'zone_id'>,
  at: Date,
):
  | { allowed: true; late: boolean }
  | { allowed: false; code: 'ENROLMENT_CANCELLED' | 'ENROLMENT_CLOSED' | 'CANCEL_DEADLINE_PASSED' | 'FORBIDDEN' } {
  // The person's own zone (planner, korpschef) and the organiser (trainer, korpschef): until the start.
  const staff =
    holds(actor, e.zone_id, ['planner', 'korpschef']) || holds(actor, session.zone_id, ['trainer', 'korpschef'])
  const self = actor.personId !== null && actor.personId === e.person_id
  if (!staff && !self) return { allowed: false, code: 'FORBIDDEN' }
  if (e.status === 'cancelled') return { allowed: false, code: 'ENROLMENT_CANCELLED' }
  if (session.status !== 'planned' || at.getTime() >= session.from.getTime())
    return { allowed: false, code: 'ENROLMENT_CLOSED' }
  const late = at.getTime() > session.cancel_deadline.getTime()
  if (staff) return { allowed: true, late }
  return late ? { allowed: false, code: 'CANCEL_DEADLINE_PASSED' } : { allowed: true, late: false }
}

/** The reader sees this enrolment: organiser or listed trainer (all), own zones' people, or their own. */
export const seesEnrolment = (actor: Actor, st: SessionStanding, e: Pick<EnrolmentRow, 'zone_id' | 'person_id'>) =>
  st.organiser ||
  st.trainer ||
  st.zoneIds.includes(e.zone_id) ||
  (actor.personId !== null && actor.personId === e.person_id)

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString())

/** An enrolment as the API shows it, with its waiting-list position and whether the reader may cancel it. */
export function presentEnrolment(row: EnrolmentRow, o: { position: number | null; cancel: boolean }): Enrolment {
  return {
    id: row.id,
    sessionId: row.session_id,
    person: {
      id: row.person_id,
      name: `${row.first_name} ${row.last_name}`,
      zone: { id: row.zone_id, code: row.zone_code, name: row.zone_name },
      rank: row.rank,
    },
    status: row.status,
    position: row.status === 'waitlisted' ? o.position : null,
    queuedAt: iso(row.queued_at)!,
    enrolledAt: iso(row.enrolled_at),
    promotedAt: iso(row.promoted_at),
    cancelledAt: iso(row.cancelled_at),
    lateCancel: row.late_cancel,
    attendance: row.attendance,
    result: row.result,
    actions: { cancel: o.cancel },
  }
}
