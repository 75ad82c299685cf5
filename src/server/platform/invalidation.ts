// Cache invalidation across processes. The triggers of migrations/0011_caches_and_audit_append.sql NOTIFY the
// channel `verbond_invalidate` in the transaction of any change that makes a cached session or grant stale;
// PostgreSQL sends it at COMMIT, never on ROLLBACK. Every process hears it:
//   - its own commits, before the committing call returns: PGlite's single connection, and on PostgreSQL every
//     pool connection LISTENs (db.ts), and the server hands a session its own notifications first;
//   - other processes' commits (PostgreSQL): through a dedicated LISTEN connection, the same transport as the
//     event bus (events.ts, listenPostgres), within milliseconds of the commit.
// While that connection is down a process may miss a change, so `live()` is false and caches must not serve
// what they hold; when it is back, everything is dropped. The channel carries account ids and the word
// 'grants', never a session token or its hash, and is not the outbox: nothing of it reaches a browser.
import { sql, type Kysely } from 'kysely'
import type { Database } from './db.ts'
import { listenPostgres, type Log } from './events.ts'
import type { DB } from './schema.ts'

/** One of db.ts's POOL_CHANNELS. */
export const INVALIDATION_CHANNEL = 'verbond_invalidate'

/** 'user:<uuid>' (that account's sessions), 'grants' (agreements in force), '*' (everything). */
export type InvalidationTopic = string

export interface Invalidations {
  /** False while changes may be missed (the LISTEN connection is down): a cache then reads through. */
  live(): boolean
  /** Called for every invalidation, in this process, synchronously; returns unsubscribe. */
  subscribe(listener: (topic: InvalidationTopic) => void): () => void
  close(): Promise<void>
}

const consoleLog: Log = { error: (obj, msg) => console.error(msg, obj) }

export async function startInvalidations(database: Database, log: Log = consoleLog): Promise<Invalidations> {
  const listeners = new Set<(topic: InvalidationTopic) => void>()
  const publish = (topic: InvalidationTopic) => {
    for (const listener of listeners) listener(topic)
  }
  const onChannel = (channel: string, payload: string | undefined) => {
    if (channel === INVALIDATION_CHANNEL) publish(payload ?? '*')
  }
  const offLocal = database.onNotification(onChannel)
  let live = true
  let stopListening: () => Promise<void> = async () => undefined
  if (database.kind === 'postgres') {
    if (!database.url) throw new Error('startInvalidations on PostgreSQL needs the database URL to LISTEN')
    stopListening = await listenPostgres(
      database.url,
      [INVALIDATION_CHANNEL],
      onChannel,
      {
        onLost: () => {
          live = false
          publish('*')
        },
        onReconnect: () => {
          live = true
          publish('*') // whatever happened while the connection was down
        },
      },
      log,
    )
  } else {
    // Through Kysely, so that LISTEN takes the single connection between two transactions.
    await sql.raw(`LISTEN ${INVALIDATION_CHANNEL}`).execute(database.db)
  }
  let closed = false
  return {
    live: () => live && !closed,
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    async close() {
      if (closed) return
      closed = true
      offLocal()
      listeners.clear()
      await stopListening()
    },
  }
}

// The invalidations of the process that serves on a database handle (buildApp attaches them), so that code
// given only `db` (grants.ts, a feature's service) can cache what it reads from it (platform/memo.ts).
const attached = new WeakMap<Kysely<DB>, Invalidations>()

/** Makes `invalidations` those of `db` until the returned function is called. */
export function attachInvalidations(db: Kysely<DB>, invalidations: Invalidations): () => void {
  attached.set(db, invalidations)
  return () => {
    if (attached.get(db) === invalidations) attached.delete(db)
  }
}

/** The invalidations attached to this root `db`; none for a transaction (it may see its own changes). */
export const invalidationsOf = (db: Kysely<DB>): Invalidations | undefined =>
  db.isTransaction ? undefined : attached.get(db)

// board (issue 8)
/**
 * Sends `topic` on the invalidation channel from the caller's transaction (at its COMMIT, never on ROLLBACK), for
 * tables that have no trigger of migration 0011 yet: the code that writes them calls this in the same
 * transaction (e.g. the rotations repository: topic 'rotations').
 */
export async function notifyInvalidation(db: Kysely<DB>, topic: InvalidationTopic): Promise<void> {
  await sql`SELECT pg_notify(${INVALIDATION_CHANNEL}, ${topic})`.execute(db)
}
