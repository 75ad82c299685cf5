// What every enrolment write leaves behind (issue 11), in its transaction: an audit entry in the organiser's and
// the person's zone chain, the outbox event `training.enrolment.changed` for every zone concerned (session pages
// and compliance views refresh on it), and the notifications of the people concerned.
import type { Transaction } from 'kysely'
import { audit, type AuditAction, type AuditActor } from '../../platform/audit.ts'
import { notify, type NotificationKind } from '../../platform/notifications.ts'
import { emit } from '../../platform/outbox.ts'
import type { DB } from '../../platform/schema.ts'
import { brusselsDateTime } from '../equipment/booking-time.ts'
import { DOMAIN } from './enrolment-access.ts'
import { enrolmentRepository, type SessionRow } from './enrolment-repository.ts'

export const ENROLMENT_CHANGED = 'training.enrolment.changed'

export async function recordEnrolmentWrite(
  trx: Transaction<DB>,
  actor: AuditActor,
  session: Pick<SessionRow, 'id' | 'zone_id'>,
  action: AuditAction,
  object: { type: 'training_enrolment' | 'training_session'; id: string },
  zoneIds: readonly string[],
  details: Record<string, unknown>,
): Promise<void> {
  const zones = [...new Set([session.zone_id, ...zoneIds])].sort()
  await audit.write(
    trx,
    actor,
    action,
    object,
    { sessionId: session.id, ...details },
    { chains: zones, domain: DOMAIN },
  )
  await emitChanged(trx, session, zones)
}

/** The live event for the zones concerned (no audit: e.g. a promotion, recorded with the cancellation). */
export async function emitChanged(
  trx: Transaction<DB>,
  session: Pick<SessionRow, 'id' | 'zone_id'>,
  zoneIds: readonly string[],
): Promise<void> {
  await emit(
    trx,
    ...[...new Set([session.zone_id, ...zoneIds])].map((zoneId) => ({
      type: ENROLMENT_CHANGED,
      zoneId,
      domain: DOMAIN,
      payload: { sessionId: session.id },
    })),
  )
}

type PersonKind = Extract<NotificationKind, 'training.enrolled' | 'training.promoted' | 'training.enrolment_cancelled'>

/** Notifies the people (their linked accounts) of an enrolment change in `session`. */
export async function notifyPeople(
  trx: Transaction<DB>,
  session: Pick<SessionRow, 'id' | 'course_title' | 'from'>,
  personIds: readonly string[],
  kind: PersonKind,
): Promise<void> {
  const users = await enrolmentRepository(trx).usersOf(personIds)
  await notify(trx, {
    recipients: users.map((u) => u.userId),
    kind,
    params: { course: session.course_title, from: brusselsDateTime(session.from) },
    object: { type: 'training_session', id: session.id },
  })
}

export async function notifyWaitlisted(
  trx: Transaction<DB>,
  session: Pick<SessionRow, 'id' | 'course_title' | 'from'>,
  personId: string,
  position: number,
): Promise<void> {
  const users = await enrolmentRepository(trx).usersOf([personId])
  await notify(trx, {
    recipients: users.map((u) => u.userId),
    kind: 'training.waitlisted',
    params: { course: session.course_title, from: brusselsDateTime(session.from), position: String(position) },
    object: { type: 'training_session', id: session.id },
  })
}
