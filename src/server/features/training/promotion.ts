// Training (issue 11): promoting the waiting list when places free up (a cancellation, more places for a zone).
// The train-enrol helper owns it; the sessions part calls it after changing a session's places.
import type { Transaction } from 'kysely'
import type { DB } from '../../platform/schema.ts'
import { promotions } from './domain/waitlist.ts'
import { enrolmentRepository } from './enrolment-repository.ts'
import { emitChanged, notifyPeople } from './enrolment-record.ts'

export interface Promotion {
  enrolmentId: string
  personId: string
  zoneId: string
}

/**
 * Promotes, per zone of the session (or only `zoneId`), the first people on the waiting list into the places
 * that are free, in the order they queued; notifies them. Runs inside the caller's transaction. Nothing moves
 * for a session that is not planned any more or has started (`at` at or after its start). Each zone's places
 * row is locked first (in zone order), as an enrolment does, so a concurrent enrolment and a promotion of the
 * same zone never both take its last place.
 */
export async function promoteWaiting(
  trx: Transaction<DB>,
  opts: { sessionId: string; zoneId?: string; at: Date },
): Promise<Promotion[]> {
  const repo = enrolmentRepository(trx)
  const session = await repo.session(opts.sessionId)
  if (!session || session.status !== 'planned' || opts.at.getTime() >= session.from.getTime()) return []
  const zoneIds = session.places
    .map((p) => p.zoneId)
    .filter((z) => opts.zoneId === undefined || z === opts.zoneId)
    .sort()
  const promoted: Promotion[] = []
  for (const zoneId of zoneIds) {
    const places = (await repo.lockPlaces(session.id, zoneId)) ?? 0
    const line = await repo.line(session.id, zoneId)
    const chosen = new Set(
      promotions([{ zoneId, places, enrolled: line.enrolled, waiting: line.waiting }]).map((p) => p.enrolmentId),
    )
    const moving = line.waiting.filter((w) => chosen.has(w.id))
    await repo.promote(
      moving.map((w) => w.id),
      opts.at,
    )
    promoted.push(...moving.map((w) => ({ enrolmentId: w.id, personId: w.personId, zoneId })))
  }
  if (promoted.length === 0) return promoted
  await notifyPeople(
    trx,
    session,
    promoted.map((p) => p.personId),
    'training.promoted',
  )
  await emitChanged(
    trx,
    session,
    promoted.map((p) => p.zoneId),
  )
  return promoted
}
