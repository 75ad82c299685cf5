// Durable jobs: work to do at a time, kept in the `jobs` table so that it survives a restart.
// - enqueue(trx, …) in the caller's transaction: a rollback enqueues nothing. The idempotency key is unique
//   per kind: the same work enqueued twice (two processes, a retried request) is one job.
// - A runner claims due jobs with FOR UPDATE SKIP LOCKED (several processes never claim one job twice) and
//   leases them: a job whose process died mid-run is claimed again when its lease ends. So a handler runs at
//   least once, and twice only after a crash or a run longer than the lease: keep handlers idempotent.
// - A failure is retried with exponential back-off up to maxAttempts, the last error kept on the row.
// - Recurring work (`every`): one job per period, keyed by the period's start; finishing one enqueues the next.
import { hostname } from 'node:os'
import type { Kysely } from 'kysely'
import { currentClock, runWithClock, systemClock, type Clock } from './clock.ts'
import { runWithNotificationMail } from './notifications.ts'
import type { Log } from './events.ts'
import type { DB } from './schema.ts'

export interface JobRequest {
  kind: string
  /** When it is due (default: now). */
  runAt?: Date
  payload?: Record<string, unknown>
  /** Unique per kind; default: a random one (every call a new job). */
  idempotencyKey?: string
  maxAttempts?: number
}

export interface Job {
  id: number
  kind: string
  idempotencyKey: string
  payload: Record<string, unknown>
  /** 1 on the first run. */
  attempt: number
  runAt: Date
}

export interface JobContext {
  db: Kysely<DB>
  /** The runner's clock at the start of the run (handlers may also call now() from clock.ts). */
  now: Date
}

export interface JobDefinition {
  kind: string
  run(job: Job, context: JobContext): Promise<void>
  /** Default 5. */
  maxAttempts?: number
  /** Delay before retry n is baseMs · 2^(n-1), at most maxMs. Default 10 s and 1 h. */
  backoff?: { baseMs: number; maxMs: number }
  /** Recurring: one job per period of this many milliseconds. */
  every?: number
}

const DEFAULT_MAX_ATTEMPTS = 5
const DEFAULT_BACKOFF = { baseMs: 10_000, maxMs: 3_600_000 }

/** The delay before the retry that follows failed attempt `attempt` (1-based). */
export function backoffMs(attempt: number, backoff = DEFAULT_BACKOFF): number {
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1))
}

/**
 * Enqueues a job in the caller's transaction; `created` is false when the idempotency key already had one.
 * `at` (the creation time, and the default due time) defaults to the current clock's now.
 */
export async function enqueue(db: Kysely<DB>, request: JobRequest, at: Date = currentClock().now()) {
  const key = request.idempotencyKey ?? crypto.randomUUID()
  const inserted = await db
    .insertInto('jobs')
    .values({
      kind: request.kind,
      idempotency_key: key,
      payload: JSON.stringify(request.payload ?? {}),
      run_at: request.runAt ?? at,
      max_attempts: request.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      created_at: at,
    })
    .onConflict((oc) => oc.columns(['kind', 'idempotency_key']).doNothing())
    .returning('id')
    .executeTakeFirst()
  if (inserted) return { id: inserted.id, created: true }
  const existing = await db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', request.kind)
    .where('idempotency_key', '=', key)
    .executeTakeFirstOrThrow()
  return { id: existing.id, created: false }
}

/** The period a recurring job of `every` ms belongs to, by its start. */
const periodStart = (at: Date, every: number): Date => new Date(Math.floor(at.getTime() / every) * every)
const periodKey = (start: Date): string => `period:${start.toISOString()}`

export interface JobRunnerOptions {
  clock?: Clock
  /** How often an idle runner looks for due jobs (default 1000 ms). */
  pollMs?: number
  /** How long a claimed job is this runner's (default 5 minutes). */
  leaseMs?: number
  log?: Log
  /** Notifications made by jobs are mailed too (the process has SMTP_URL), as those made by requests are. */
  mail?: boolean
}

export interface JobRunner {
  /** Makes sure every recurring kind has a job to come (the current period's if none), then polls. */
  start(): Promise<void>
  /** Claims up to `limit` due jobs and runs them, one after the other; returns how many ran. */
  runDue(limit?: number): Promise<number>
  /** Stops polling and waits for the job that is running. */
  stop(): Promise<void>
}

export function jobRunner(
  db: Kysely<DB>,
  definitions: readonly JobDefinition[],
  options: JobRunnerOptions = {},
): JobRunner {
  const clock = options.clock ?? systemClock
  const log = options.log ?? { error: (obj, msg) => console.error(msg, obj) }
  const leaseMs = options.leaseMs ?? 300_000
  const owner = `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`
  const byKind = new Map(definitions.map((d) => [d.kind, d]))
  const kinds = [...byKind.keys()]

  const enqueuePeriod = (trx: Kysely<DB>, definition: JobDefinition, start: Date) =>
    enqueue(
      trx,
      { kind: definition.kind, runAt: start, idempotencyKey: periodKey(start), maxAttempts: definition.maxAttempts },
      clock.now(),
    )

  async function claim(limit: number) {
    if (kinds.length === 0) return []
    const now = clock.now()
    return db
      .updateTable('jobs')
      .set((eb) => ({
        state: 'running',
        attempts: eb('attempts', '+', 1),
        locked_by: owner,
        locked_until: new Date(now.getTime() + leaseMs),
      }))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('jobs')
          .select('id')
          .where('kind', 'in', kinds)
          .where((w) =>
            w.or([
              w.and([w('state', '=', 'pending'), w('run_at', '<=', now)]),
              w.and([w('state', '=', 'running'), w('locked_until', '<=', now)]), // its process died
            ]),
          )
          .orderBy('run_at')
          .orderBy('id')
          .limit(limit)
          .forUpdate()
          .skipLocked(),
      )
      .returningAll()
      .execute()
  }

  type Claimed = Awaited<ReturnType<typeof claim>>[number]

  /** Records the outcome, unless the lease was lost meanwhile (another runner has the job now). */
  async function finish(row: Claimed, definition: JobDefinition, error: unknown): Promise<void> {
    const now = clock.now()
    const final = error === undefined || row.attempts >= row.max_attempts
    const lastError = error === undefined ? null : errorText(error)
    await db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('jobs')
        .set(
          final
            ? { state: error === undefined ? 'done' : 'failed', finished_at: now, last_error: lastError }
            : {
                state: 'pending',
                run_at: new Date(now.getTime() + backoffMs(row.attempts, definition.backoff)),
                last_error: lastError,
              },
        )
        .set({ locked_by: null, locked_until: null })
        .where('id', '=', row.id)
        .where('locked_by', '=', owner)
        .where('attempts', '=', row.attempts)
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) === 0) return
      // The next period, counted from now: a runner that was down for a while does not replay every period.
      if (final && definition.every)
        await enqueuePeriod(trx, definition, new Date(periodStart(now, definition.every).getTime() + definition.every))
    })
    if (error !== undefined) log.error({ err: error, job: row.id, kind: row.kind, attempt: row.attempts }, 'job failed')
  }

  async function runDue(limit = 10): Promise<number> {
    const claimed = await claim(limit)
    for (const row of claimed) {
      const definition = byKind.get(row.kind)
      if (!definition) continue // claim() takes only known kinds
      let error: unknown = undefined
      try {
        const job: Job = {
          id: row.id,
          kind: row.kind,
          idempotencyKey: row.idempotency_key,
          payload: row.payload,
          attempt: row.attempts,
          runAt: row.run_at,
        }
        await runWithClock(clock, () =>
          runWithNotificationMail(options.mail ?? false, () => definition.run(job, { db, now: clock.now() })),
        )
      } catch (err) {
        error = err ?? new Error('job failed without an error')
      }
      await finish(row, definition, error)
    }
    return claimed.length
  }

  let timer: NodeJS.Timeout | null = null
  let running: Promise<void> | null = null
  let stopped = false
  const tick = async (): Promise<void> => {
    try {
      while (!stopped && (await runDue()) > 0);
    } catch (err) {
      log.error({ err }, 'job runner failed')
    }
  }
  const schedule = (): void => {
    if (stopped) return
    timer = setTimeout(() => {
      running = tick().finally(() => {
        running = null
        schedule()
      })
    }, options.pollMs ?? 1000)
    timer.unref() // the server stops the runner at shutdown; a forgotten runner must not keep a process alive
  }

  return {
    async start() {
      stopped = false
      const now = clock.now()
      for (const d of definitions) {
        const every = d.every
        if (!every) continue
        // A pending or running one is kept (run late if its period is past); none: the current period's.
        const open = await db
          .selectFrom('jobs')
          .select('id')
          .where('kind', '=', d.kind)
          .where('state', 'in', ['pending', 'running'])
          .limit(1)
          .executeTakeFirst()
        if (!open) await enqueuePeriod(db, d, periodStart(now, every))
      }
      schedule()
    },
    runDue,
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
    },
  }
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err)
  return text.slice(0, 4000)
}
