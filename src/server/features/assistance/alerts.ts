// Alerts of an assistance request (issue 9): when a request goes out, each addressed partner zone is alerted —
// an urgent one at once to whoever is on duty there (the officer-of-duty rotation), escalating while nobody
// acknowledges; a planned one to the zone's planners. Owned by the alerts part (asst-alerts).
import type { Transaction } from 'kysely'
import type { DB } from '../../platform/schema.ts'

export interface AlertInput {
  requestId: string
  associationId: string
  /** The requesting zone. */
  zoneId: string
  urgency: 'urgent' | 'planned'
  /** The partner zones newly addressed (their assistance_addressees rows exist, alerted_at set). */
  zoneIds: readonly string[]
  /** The instant the request went out. */
  at: Date
}

/** Alerts the addressed zones, in the transaction that sends the request. */
export async function alertAddressees(trx: Transaction<DB>, input: AlertInput): Promise<void> {
  void trx
  void input
}
