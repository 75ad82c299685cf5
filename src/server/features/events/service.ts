// One Server-Sent Events stream per request of GET /api/events: bus events the session's actor may receive
// (domain.ts), decided when each is delivered. The session and the grants are re-read at every heartbeat and
// whenever they are older than `recheckMs`: a logout, an expired or disabled account ends the stream; an
// agreement that ends stops partner events. Streams end at server shutdown (closeAll, from preClose).
import type { ServerResponse } from 'node:http'
import type { Kysely } from 'kysely'
import type { SessionStore } from '../../platform/auth/sessions.ts'
import type { Clock } from '../../platform/clock.ts'
import type { BusEvent, EventBus, Log } from '../../platform/events.ts'
import { scope, type Scope } from '../../platform/policy.ts'
import { policyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { brusselsDate } from '../../platform/time.ts'
import { receives } from './domain.ts'
import type { LiveEvent } from './schema.ts'

export interface EventStreamOptions {
  /** A comment line this often keeps proxies from closing the stream; the session is re-checked with it. */
  heartbeatMs: number
  /** Session and grants are re-read before a delivery when older than this. */
  recheckMs: number
  /** The reconnection delay suggested to the browser (`retry:`). */
  retryMs: number
}

export const DEFAULT_STREAM_OPTIONS: EventStreamOptions = { heartbeatMs: 15_000, recheckMs: 5_000, retryMs: 3_000 }

/** A client that reads slower than this many buffered bytes is dropped (it reconnects and resumes). */
const MAX_BUFFERED = 1_000_000
const REPLAY_BATCH = 500

export interface StreamRequest {
  /** The session cookie's token, to re-check the session. */
  token: string
  /** Resume after this event id (Last-Event-ID), or live only. */
  lastEventId: number | null
  /** Headers already set on the reply (security headers). */
  headers: Record<string, string | number | string[] | undefined>
}

const toLive = (e: BusEvent): LiveEvent => ({
  id: e.id,
  type: e.type,
  zoneId: e.zoneId,
  associationId: e.associationId,
  domain: e.domain,
  userId: e.userId,
  payload: e.payload,
  createdAt: e.createdAt.toISOString(),
})

export function eventStreams(
  deps: { db: Kysely<DB>; sessions: SessionStore; bus: () => EventBus | undefined; clock: Clock; log: Log },
  options: EventStreamOptions,
) {
  const open = new Set<() => void>()

  function start(bus: EventBus, res: ServerResponse, request: StreamRequest): void {
    // What the actor may receive (rule events.stream), with the grants of the last re-check.
    let receivable: Scope | null = null
    let checkedAt = -Infinity
    let lastSent = request.lastEventId ?? 0
    let closed = false
    let chain: Promise<void> = Promise.resolve()

    const write = (chunk: string) => {
      if (closed) return
      res.write(chunk)
      if (res.writableLength > MAX_BUFFERED) end()
    }
    const end = (final?: string) => {
      if (closed) return
      if (final) res.write(final)
      closed = true
      clearInterval(heartbeat)
      unsubscribe()
      open.delete(end)
      res.end()
    }
    /** Re-reads the session (without touching it: a stream is not activity) and the grants; false = ended. */
    const refresh = async (force: boolean): Promise<boolean> => {
      if (closed) return false
      if (!force && deps.clock.now().getTime() - checkedAt < options.recheckMs) return true
      const session = await deps.sessions.resolve(request.token, { touch: false })
      if (!session) {
        end('event: session_ended\ndata: {}\n\n')
        return false
      }
      const ctx = policyContext(deps.db, session.actor, brusselsDate(deps.clock.now()))
      receivable = await scope(ctx, 'events.stream')
      checkedAt = deps.clock.now().getTime()
      return !closed
    }
    const send = async (event: BusEvent) => {
      if (closed || event.id <= lastSent) return
      lastSent = event.id
      if (!(await refresh(false)) || !receivable || !receives(receivable, event)) return
      write(`id: ${event.id}\ndata: ${JSON.stringify(toLive(event))}\n\n`)
    }
    // Everything goes through one chain: replay, live events and heartbeats stay in order.
    const then = (step: () => Promise<void>) => {
      chain = chain.then(step).catch((err: unknown) => {
        if (!closed) deps.log.error({ err }, 'event stream failed')
        end()
      })
    }

    res.writeHead(200, {
      ...request.headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no', // nginx: do not buffer the stream
    })
    res.write(`retry: ${options.retryMs}\n\n`)
    open.add(end)
    res.on('close', () => end())

    then(async () => {
      if (!(await refresh(true)) || request.lastEventId === null) return
      for (let after = request.lastEventId; !closed;) {
        const batch = await bus.since(after, REPLAY_BATCH)
        for (const event of batch) await send(event)
        if (batch.length < REPLAY_BATCH) break
        after = batch[batch.length - 1]!.id
      }
    })
    // Declared last, used only by later (asynchronous) steps.
    const unsubscribe = bus.subscribe((event) => then(() => send(event)))
    const heartbeat = setInterval(
      () =>
        then(async () => {
          if (await refresh(true)) write(': heartbeat\n\n')
        }),
      options.heartbeatMs,
    )
    heartbeat.unref()
  }

  return {
    /** The bus, or undefined when this process runs none (the route answers 503). */
    bus: deps.bus,
    start,
    /** Ends every open stream (server shutdown). */
    closeAll(): void {
      for (const end of [...open]) end()
    },
    get openCount(): number {
      return open.size
    },
  }
}

export type EventStreams = ReturnType<typeof eventStreams>
