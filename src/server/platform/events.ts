// The event bus, fed from the outbox (outbox.ts). Each process runs one dispatcher:
//   1. publish: under an advisory lock (one dispatcher at a time, whichever process), give the pending
//      outbox rows their positions (1, 2, 3 … without gaps) and NOTIFY the new last position;
//   2. deliver: read the rows after the last position this process delivered, in order, and hand each to
//      the local subscribers, once.
// It is woken by NOTIFY (an emitting transaction's commit, another process's publication): on PostgreSQL
// through a dedicated LISTEN connection, so several server processes see the same events; on PGlite by the
// embedded instance's own notifications, in process. A slow poll catches anything a lost connection missed.
import pg from 'pg'
import { AsyncLocalStorage } from 'node:async_hooks'
import { sql } from 'kysely'
import { systemClock, type Clock } from './clock.ts'
import type { Database } from './db.ts'
import { EVENTS_CHANNEL } from './outbox.ts'

/** A published event. `id` is its position: increasing, without gaps; an SSE stream resumes after it. */
export interface BusEvent {
  id: number
  type: string
  zoneId: string | null
  associationId: string | null
  domain: string | null
  /** Addressed to this user only (a notification), or null. */
  userId: string | null
  payload: Record<string, unknown>
  createdAt: Date
}

export type Listener = (event: BusEvent) => void | Promise<void>

export interface Log {
  error(obj: unknown, msg: string): void
}

export interface EventBus {
  /** Calls `listener` for every event published from now on (of the given types, if any); returns unsubscribe. */
  subscribe(listener: Listener, options?: { types?: readonly string[] }): () => void
  /** Published events after `afterId`, oldest first (resumption with Last-Event-ID). */
  since(afterId: number, limit?: number): Promise<BusEvent[]>
  /** The position of the last event this process delivered. */
  lastDelivered(): number
  /** Publishes pending outbox rows and delivers what is new, now; resolves when done (tests, shutdown). */
  flush(): Promise<void>
  /** Stops listening and polling; waits for a running cycle. Subscribers are dropped. */
  close(): Promise<void>
}

export interface EventBusOptions {
  /** PostgreSQL: the URL for the LISTEN connection (the pool cannot hold one open). */
  databaseUrl?: string | null
  clock?: Clock
  /** The safety-net poll, in ms (default 2000). */
  pollMs?: number
  log?: Log
}

// pg_advisory_xact_lock key for "one publisher at a time" (7305001 is migrate.ts's).
const PUBLISH_LOCK = 7305006
const BATCH = 500
const consoleLog: Log = { error: (obj, msg) => console.error(msg, obj) }

interface OutboxRow {
  position: number
  type: string
  zone_id: string | null
  association_id: string | null
  domain: string | null
  user_id: string | null
  payload: Record<string, unknown>
  created_at: Date
}

const toEvent = (r: OutboxRow): BusEvent => ({
  id: r.position,
  type: r.type,
  zoneId: r.zone_id,
  associationId: r.association_id,
  domain: r.domain,
  userId: r.user_id,
  payload: r.payload,
  createdAt: r.created_at,
})

export async function startEventBus(database: Database, options: EventBusOptions = {}): Promise<EventBus> {
  const { db } = database
  const clock = options.clock ?? systemClock
  const log = options.log ?? consoleLog
  const subscribers = new Set<{ listener: Listener; types: ReadonlySet<string> | null }>()

  const readAfter = async (afterId: number, limit: number): Promise<BusEvent[]> =>
    (
      await db
        .selectFrom('outbox_events')
        .select(['position', 'type', 'zone_id', 'association_id', 'domain', 'user_id', 'payload', 'created_at'])
        .where('position', '>', afterId)
        .orderBy('position')
        .limit(limit)
        .execute()
    ).map((r) => toEvent({ ...r, position: r.position ?? 0 }))

  const top = await db
    .selectFrom('outbox_events')
    .select((eb) => eb.fn.max('position').as('top'))
    .executeTakeFirstOrThrow()
  let delivered = top.top ?? 0

  /** Gives pending rows their positions; returns how many. */
  async function publishPending(): Promise<number> {
    const pending = await db.selectFrom('outbox_events').select('id').where('position', 'is', null).limit(1).execute()
    if (pending.length === 0) return 0
    return db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${PUBLISH_LOCK})`.execute(trx)
      // Under the lock, max(position) is final: this batch continues the sequence without a gap.
      const published = await sql<{ position: number }>`
        WITH base AS (SELECT coalesce(max(position), 0) AS top FROM outbox_events),
             batch AS (SELECT id, row_number() OVER (ORDER BY id) AS n
                         FROM outbox_events WHERE position IS NULL ORDER BY id LIMIT ${BATCH})
        UPDATE outbox_events e SET position = base.top + batch.n, published_at = ${clock.now()}
          FROM base, batch WHERE e.id = batch.id
        RETURNING e.position`.execute(trx)
      const last = Math.max(0, ...published.rows.map((r) => Number(r.position)))
      if (last > 0) await sql`SELECT pg_notify(${EVENTS_CHANNEL}, ${String(last)})`.execute(trx)
      return published.rows.length
    })
  }

  function deliver(event: BusEvent): void {
    for (const s of subscribers) {
      if (s.types && !s.types.has(event.type)) continue
      try {
        const result = s.listener(event)
        if (result instanceof Promise)
          result.catch((err: unknown) => log.error({ err, event: event.id }, 'event subscriber failed'))
      } catch (err) {
        log.error({ err, event: event.id }, 'event subscriber failed')
      }
    }
  }

  async function deliverNew(): Promise<boolean> {
    const events = await readAfter(delivered, BATCH)
    for (const event of events) {
      delivered = event.id
      deliver(event)
    }
    return events.length === BATCH
  }

  // One cycle at a time; a wake-up during a cycle runs one more after it.
  let running: Promise<void> | null = null
  let again = false
  let wantPublish = false
  let closed = false
  async function loop(): Promise<void> {
    do {
      again = false
      const publish = wantPublish
      wantPublish = false
      try {
        if (publish && (await publishPending()) === BATCH) wantPublish = again = true
        if (await deliverNew()) again = true
      } catch (err) {
        if (!closed) log.error({ err }, 'event dispatch failed')
      }
    } while (again && !closed)
    running = null
  }
  function wake(publish: boolean): void {
    if (closed) return
    wantPublish ||= publish
    if (running) again = true
    else running = loop()
  }
  // '' comes from an emitting transaction (rows to publish); a position from a publisher (rows to deliver).
  const onNotify = (payload: string | undefined) => wake(!payload)

  let stopListening: () => Promise<void>
  if (database.kind === 'postgres') {
    if (!options.databaseUrl) throw new Error('startEventBus on PostgreSQL needs the databaseUrl to LISTEN')
    stopListening = await listenPostgres(
      options.databaseUrl,
      [EVENTS_CHANNEL],
      (_channel, payload) => onNotify(payload),
      { onReconnect: () => wake(true) },
      log,
    )
  } else {
    const pglite = database.pglite
    if (!pglite) throw new Error('startEventBus: no PGlite instance')
    // PGlite calls this while it reads the committing statement's reply, i.e. inside the emitting transaction's
    // async context: bound to this context instead, the publication it starts is not a re-entry (db.ts).
    const off = pglite.onNotification(
      AsyncLocalStorage.bind((channel: string, payload: string) => {
        if (channel === EVENTS_CHANNEL) onNotify(payload)
      }),
    )
    // Through Kysely, so that LISTEN takes the connection between two transactions.
    await sql.raw(`LISTEN ${EVENTS_CHANNEL}`).execute(db)
    stopListening = async () => {
      off()
      if (!pglite.closed) await sql.raw(`UNLISTEN ${EVENTS_CHANNEL}`).execute(db)
    }
  }
  const poll = setInterval(() => wake(true), options.pollMs ?? 2000)
  poll.unref()
  wake(true) // rows left pending by a previous run

  const settle = async () => {
    while (running) await running
  }

  return {
    subscribe(listener, subscribeOptions = {}) {
      const entry = { listener, types: subscribeOptions.types ? new Set(subscribeOptions.types) : null }
      subscribers.add(entry)
      return () => {
        subscribers.delete(entry)
      }
    },
    since: (afterId, limit = BATCH) => readAfter(afterId, limit),
    lastDelivered: () => delivered,
    async flush() {
      wake(true)
      await settle()
    },
    async close() {
      if (closed) return
      closed = true
      clearInterval(poll)
      await settle()
      subscribers.clear()
      await stopListening()
    },
  }
}

/** A dedicated connection that LISTENs, and comes back after an error (the poll covers the gap). */
export async function listenPostgres(
  url: string,
  channels: readonly string[],
  onNotify: (channel: string, payload: string | undefined) => void,
  hooks: { onReconnect: () => void; onLost?: () => void },
  log: Log,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null
  let stopped = false
  let retry: NodeJS.Timeout | null = null
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url })
    c.on('notification', (msg) => {
      if (channels.includes(msg.channel)) onNotify(msg.channel, msg.payload)
    })
    c.on('error', (err) => {
      if (stopped) return
      log.error({ err }, 'event listener connection lost; reconnecting')
      hooks.onLost?.()
      client = null
      c.end().catch(() => undefined) // already broken, and the error was just logged
      reconnect()
    })
    await c.connect()
    for (const channel of channels) await c.query(`LISTEN ${channel}`)
    if (stopped) await c.end()
    else client = c
  }
  const reconnect = (): void => {
    retry = setTimeout(() => {
      connect().then(hooks.onReconnect, (err: unknown) => {
        log.error({ err }, 'event listener cannot reconnect; trying again')
        if (!stopped) reconnect()
      })
    }, 1000)
    retry.unref()
  }
  await connect()
  return async () => {
    stopped = true
    if (retry) clearTimeout(retry)
    await client?.end()
  }
}
