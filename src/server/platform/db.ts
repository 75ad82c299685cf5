// One Kysely instance over either embedded PGlite (default) or a PostgreSQL server (DATABASE_URL).
// Both speak the same SQL; type parsing is aligned so that code never sees a difference:
// `date` stays a 'YYYY-MM-DD' string (never a local-time Date), int8 and numeric become numbers.
import { AsyncLocalStorage } from 'node:async_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { PGlite } from '@electric-sql/pglite'
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist'
import { citext } from '@electric-sql/pglite/contrib/citext'
import {
  Kysely,
  PGliteDialect,
  PostgresDialect,
  type DatabaseConnection,
  type KyselyConfig,
  type Transaction,
  type TransactionBuilder,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type TransactionSettings,
} from 'kysely'
import pg from 'pg'
import type { DatabaseKind } from '../config.ts'
import { lockDataDir, type DataDirLock } from './datadir-lock.ts'
import type { DB } from './schema.ts'

const OID = { int8: 20, numeric: 1700, date: 1082 } as const
const toNumber = (v: string): number => Number(v)
const keep = (v: string): string => v

export interface Database {
  db: Kysely<DB>
  kind: DatabaseKind
  /** The embedded instance (PGlite only): used for backups and test templates. */
  pglite: PGlite | null
  /** PGlite on a data directory: this process's exclusive hold on it (datadir-lock.ts). */
  dataDirLock: DataDirLock | null
  /**
   * PGlite: an uncompressed tarball of the data directory, taken between two transactions after a
   * CHECKPOINT, so it is consistent while the server keeps serving (online backup).
   */
  dumpDataDir(): Promise<Uint8Array>
  /** Runs a multi-statement SQL script atomically (migrations, restores). */
  execScript(script: string): Promise<void>
  /** PostgreSQL: the server's URL (a dedicated LISTEN connection needs it); PGlite: null. */
  url: string | null
  /**
   * Notifications on the channels of POOL_CHANNELS that reach this process's own connections. A commit
   * through this Database hands its own notifications to these listeners *before* the committing call
   * returns (PGlite: its single connection; PostgreSQL: every pool connection LISTENs, and the server sends
   * a session its own notifications ahead of ReadyForQuery). Other processes' commits may arrive here too,
   * but only platform/invalidation.ts's dedicated connection is sure to hear them.
   */
  onNotification(listener: (channel: string, payload: string) => void): () => void
  close(): Promise<void>
}

/** The channels every connection of the pool LISTENs on (see `Database.onNotification`). */
export const POOL_CHANNELS = ['verbond_invalidate'] as const

export interface OpenOptions {
  databaseUrl: string | null
  /** PGlite data directory; `null` keeps the database in memory (tests). */
  dataDir: string | null
  /** PGlite: start from a dump made by `dumpDataDir` (test template, restore). */
  loadDataDir?: Blob
  /** PostgreSQL pool size. */
  poolSize?: number
  /** The verbond command opening a data directory, shown to a process that finds it locked. */
  command?: string
  /** A transaction open longer than this is reported (default 5 s; 0 turns the report off). */
  longTransactionMs?: number
  /** Receives that report; default: a process warning (VERBOND_LONG_TRANSACTION) with the opening stack. */
  onLongTransaction?: (report: LongTransaction) => void
}

export interface LongTransaction {
  ms: number
  /** Where `db.transaction().execute()` was called. */
  stack: string
}

/**
 * A query on the root `db` while the same async context is inside `db.transaction()`: on PGlite it would wait
 * for the connection its own transaction holds, forever (and every later request behind it). A programming
 * error, answered as INTERNAL: use the transaction (`trx`) instead.
 */
export class DatabaseReentryError extends Error {
  constructor() {
    super(
      'Database re-entry: a query on the root db inside db.transaction() of the same async context. ' +
        'Use the transaction (trx) passed to the callback; on PGlite this call would wait for itself forever.',
    )
    this.name = 'DatabaseReentryError'
  }
}

/** SQLSTATEs after which the whole transaction may succeed when run again. */
const RETRYABLE = new Set(['40001', '40P01']) // serialization_failure, deadlock_detected
/** Attempts of one transaction before its serialization failure or deadlock reaches the caller (→ 503 TRY_AGAIN). */
export const TRANSACTION_ATTEMPTS = 4

const retryable = (err: unknown): boolean =>
  err instanceof Error && RETRYABLE.has((err as { code?: unknown }).code as string)

/**
 * Which transaction the current async context is running: `opening` until it has the connection, `holding`
 * while its callback runs, `done` after. A query asking for a connection while its context is `holding` is
 * re-entry (see DatabaseReentryError).
 */
interface Holder {
  state: 'opening' | 'holding' | 'done'
  /** When the transaction got its connection (waiting in the queue is not holding). */
  heldSince: number
}
const holders = new AsyncLocalStorage<Holder>()

function refuseReentry(): void {
  if (holders.getStore()?.state === 'holding') throw new DatabaseReentryError()
}

interface GuardOptions {
  longTransactionMs: number
  onLongTransaction: (report: LongTransaction) => void
}

const warnLongTransaction = (report: LongTransaction): void =>
  process.emitWarning(`A database transaction has been open for ${report.ms} ms`, {
    code: 'VERBOND_LONG_TRANSACTION',
    detail: `Only database work belongs inside a transaction. Opened at:\n${report.stack}`,
  })

/**
 * Kysely, with transactions that (1) mark their async context, so that re-entry fails at once instead of
 * deadlocking, (2) run again after a serialization failure or deadlock, up to TRANSACTION_ATTEMPTS times, and
 * (3) report themselves when they stay open too long. A transaction callback may therefore run more than once:
 * it does database work only (no mail, no events outside the outbox, no awaits on anything else).
 */
class GuardedKysely extends Kysely<DB> {
  readonly #guard: GuardOptions
  constructor(config: KyselyConfig, guard: GuardOptions) {
    super(config)
    this.#guard = guard
  }
  override transaction(): TransactionBuilder<DB> {
    return guardTransactions(super.transaction(), this.#guard)
  }
}

function guardTransactions(builder: TransactionBuilder<DB>, guard: GuardOptions): TransactionBuilder<DB> {
  return new Proxy(builder, {
    get(target, prop) {
      if (prop === 'setAccessMode' || prop === 'setIsolationLevel')
        return (value: never) => guardTransactions(target[prop](value), guard)
      if (prop === 'execute') return (callback: never) => runTransaction(target, callback, guard)
      const value: unknown = Reflect.get(target, prop, target)
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
    },
  })
}

async function runTransaction<T>(
  builder: TransactionBuilder<DB>,
  callback: (trx: Transaction<DB>) => Promise<T>,
  guard: GuardOptions,
): Promise<T> {
  refuseReentry() // a transaction inside a transaction, through the root db
  const opened = new Error('transaction opened here')
  for (let attempt = 1; ; attempt++) {
    const holder: Holder = { state: 'opening', heldSince: 0 }
    let reported = false
    const timer =
      guard.longTransactionMs > 0
        ? setInterval(
            () => {
              const ms = Date.now() - holder.heldSince
              if (reported || holder.state !== 'holding' || ms < guard.longTransactionMs) return
              reported = true
              guard.onLongTransaction({ ms, stack: opened.stack ?? '' })
            },
            Math.max(10, guard.longTransactionMs / 2),
          ).unref()
        : null
    try {
      return await holders.run(holder, () => builder.execute(callback))
    } catch (err) {
      if (!retryable(err) || attempt >= TRANSACTION_ATTEMPTS) throw err
    } finally {
      holder.state = 'done'
      if (timer) clearInterval(timer)
    }
    // Back off a little, with jitter, so that the two transactions that collided do not collide again.
    await sleep(5 * 2 ** attempt * (0.5 + Math.random()))
  }
}

/** A FIFO lock: PGlite is one connection, so each query or transaction must have it alone. */
class Mutex {
  #tail: Promise<void> = Promise.resolve()
  lock(): Promise<() => void> {
    let release!: () => void
    const next = new Promise<void>((resolve) => (release = resolve))
    const ready = this.#tail.then(() => release)
    this.#tail = this.#tail.then(() => next)
    return ready
  }
}

/**
 * Kysely's PGlite driver hands the single connection to every caller at once; a query of one request
 * would then run inside another request's open transaction. With a mutex, this driver queues them (as
 * Kysely's SQLite driver does), so a transaction has the connection to itself until it ends. On both
 * databases it refuses a connection to a context whose transaction holds one (re-entry).
 */
class GuardedDriver implements Driver {
  #releases: (() => void)[] = []
  readonly inner: Driver
  readonly mutex: Mutex | null
  constructor(inner: Driver, mutex: Mutex | null) {
    this.inner = inner
    this.mutex = mutex
  }
  init(): Promise<void> {
    return this.inner.init()
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const holder = holders.getStore()
    if (holder?.state === 'holding') throw new DatabaseReentryError()
    if (this.mutex) this.#releases.push(await this.mutex.lock())
    if (holder?.state === 'opening') {
      holder.state = 'holding' // the transaction's own connection
      holder.heldSince = Date.now()
    }
    return this.inner.acquireConnection()
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await this.inner.releaseConnection(connection)
    if (this.mutex) this.#releases.shift()?.()
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(connection, settings)
  }
  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(connection)
  }
  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(connection)
  }
  savepoint: Driver['savepoint'] = (...args) => this.inner.savepoint!(...args)
  rollbackToSavepoint: Driver['rollbackToSavepoint'] = (...args) => this.inner.rollbackToSavepoint!(...args)
  releaseSavepoint: Driver['releaseSavepoint'] = (...args) => this.inner.releaseSavepoint!(...args)
  destroy(): Promise<void> {
    return this.inner.destroy()
  }
}

function guardedDialect(base: Dialect, mutex: Mutex | null): Dialect {
  return {
    // Kysely queues the connections of a one-connection adapter itself, *before* the driver sees a request, so a
    // re-entering query would wait there forever. Our driver queues them (the mutex is shared with execScript
    // and dumpDataDir) and checks for re-entry first, so Kysely's own queue is switched off.
    createAdapter: () => {
      const adapter = base.createAdapter()
      if (!mutex) return adapter
      return Object.create(adapter, { supportsMultipleConnections: { value: true } }) as DialectAdapter
    },
    createQueryCompiler: () => base.createQueryCompiler(),
    createIntrospector: (db) => base.createIntrospector(db),
    createDriver: () => new GuardedDriver(base.createDriver(), mutex),
  }
}

function guardOptions(options: OpenOptions): GuardOptions {
  return {
    longTransactionMs: options.longTransactionMs ?? 5_000,
    onLongTransaction: options.onLongTransaction ?? warnLongTransaction,
  }
}

/** The bare embedded instance. On a data directory the caller must hold its lock (openDatabase does). */
export async function openPglite(dataDir: string | null, loadDataDir?: Blob): Promise<PGlite> {
  return PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: { btree_gist, citext },
    parsers: { [OID.int8]: toNumber, [OID.numeric]: toNumber, [OID.date]: keep },
  })
}

function openPostgres(databaseUrl: string, poolSize: number, guard: GuardOptions): Database {
  const listeners = new Set<(channel: string, payload: string) => void>()
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    // Before a new connection is handed out: LISTEN, so that a commit on it delivers its own invalidations to
    // this process before the committing call returns. A failure ends the connection and fails the checkout.
    // pg-pool awaits the promise (pg-pool 3.14: `_promiseTry(onConnect)`); @types/pg still declares `void`.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    onConnect: async (client) => {
      client.on('notification', (msg) => {
        for (const listener of listeners) listener(msg.channel, msg.payload ?? '')
      })
      for (const channel of POOL_CHANNELS) await client.query(`LISTEN ${channel}`)
    },
    // Every session talks UTC; presentation converts to Europe/Brussels.
    options: '-c TimeZone=UTC',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === OID.int8 || oid === OID.numeric) return toNumber
        if (oid === OID.date) return keep
        return pg.types.getTypeParser(oid, format) as (value: string) => unknown
      }) as typeof pg.types.getTypeParser,
    },
  })
  // An idle connection that the server ends (a restart, a failover, DROP DATABASE … WITH (FORCE)) is reported
  // on the pool; without a listener Node would take it for an unhandled error and end the process. The pool
  // drops that connection and opens another when one is needed; 57P01 (an administrator ended it) is expected.
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') console.error(`PostgreSQL: an idle connection failed and is replaced: ${error.message}`)
  })
  const db = new GuardedKysely({ dialect: guardedDialect(new PostgresDialect({ pool }), null) }, guard)
  return {
    db,
    kind: 'postgres',
    pglite: null,
    dataDirLock: null,
    url: databaseUrl,
    onNotification(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    dumpDataDir: () => Promise.reject(new Error('A PostgreSQL database is backed up with pg_dump.')),
    async execScript(script) {
      refuseReentry()
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        await client.query(script)
        await client.query('COMMIT')
      } catch (err) {
        await client.query('ROLLBACK')
        throw err
      } finally {
        client.release()
      }
    },
    close: () => db.destroy(),
  }
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10, guardOptions(options))
  // Lock first: a second process must stop before PGlite touches a single file.
  const dataDirLock = options.dataDir ? lockDataDir(options.dataDir, options.command ?? 'verbond') : null
  let pglite: PGlite
  try {
    pglite = await openPglite(options.dataDir, options.loadDataDir)
    if (options.loadDataDir) dataDirLock?.describe({}) // a foreign tarball may have brought its own lock file
    await pglite.exec("SET TIME ZONE 'UTC'")
  } catch (err) {
    dataDirLock?.release()
    throw err
  }
  const mutex = new Mutex()
  const db = new GuardedKysely({ dialect: guardedDialect(new PGliteDialect({ pglite }), mutex) }, guardOptions(options))
  return {
    db,
    kind: 'pglite',
    pglite,
    dataDirLock,
    url: null,
    // PGlite delivers a notification of its own connection while it reads the commit's reply, i.e. before
    // the committing call returns; `LISTEN` is the listener's business (invalidation.ts).
    onNotification: (listener) => pglite.onNotification(listener),
    async execScript(script) {
      refuseReentry()
      const release = await mutex.lock()
      try {
        await pglite.transaction((tx) => tx.exec(script))
      } finally {
        release()
      }
    },
    async dumpDataDir() {
      refuseReentry()
      const release = await mutex.lock()
      try {
        await pglite.exec('CHECKPOINT')
        const dump = await pglite.dumpDataDir('none')
        return new Uint8Array(await dump.arrayBuffer())
      } finally {
        release()
      }
    },
    close: async () => {
      try {
        await db.destroy()
        if (!pglite.closed) await pglite.close()
      } finally {
        dataDirLock?.release()
      }
    },
  }
}
