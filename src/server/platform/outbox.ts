// The transactional outbox: a feature writes its events in the transaction of the data they describe.
// A rollback leaves no event; a commit loses none. The dispatcher (events.ts) publishes the rows on the bus.
// The NOTIFY below is queued by PostgreSQL (and PGlite) until COMMIT and dropped on ROLLBACK, so it wakes the
// dispatchers of every process exactly when there is something to publish.
import { sql, type Transaction } from 'kysely'
import { now } from './clock.ts'
import type { DB } from './schema.ts'

/** The channel every dispatcher listens on: '' = new outbox rows; a number = published up to that position. */
export const EVENTS_CHANNEL = 'verbond_events'

export interface OutboxEvent {
  /** dotted lower-case name, e.g. `assistance.request_created` */
  type: string
  /** The scope a subscriber filters on (the policy at delivery time): the zone and/or association concerned. */
  zoneId?: string | null
  associationId?: string | null
  /** The cooperation domain under which partners may see it, if any. */
  domain?: string | null
  /** Addressed to one user (a notification): only that user's streams receive it, whatever the other scope. */
  userId?: string | null
  /** Plain JSON; ids and facts, not whole rows (the subscriber reads what it may see). */
  payload?: Record<string, unknown>
}

/** Writes events in the caller's transaction. */
export async function emit(trx: Transaction<DB>, ...events: readonly OutboxEvent[]): Promise<void> {
  if (events.length === 0) return
  const at = now()
  await trx
    .insertInto('outbox_events')
    .values(
      events.map((e) => ({
        type: e.type,
        zone_id: e.zoneId ?? null,
        association_id: e.associationId ?? null,
        domain: e.domain ?? null,
        user_id: e.userId ?? null,
        payload: JSON.stringify(e.payload ?? {}),
        created_at: at,
      })),
    )
    .execute()
  await sql`SELECT pg_notify(${EVENTS_CHANNEL}, '')`.execute(trx)
}
