// One Kysely instance over either embedded PGlite (default) or a PostgreSQL server (DATABASE_URL).
// Both speak the same SQL; type parsing is aligned so that code never sees a difference:
// `date` stays a 'YYYY-MM-DD' string (never a local-time Date), int8 and numeric become numbers.
import { PGlite } from '@electric-sql/pglite'
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist'
import { citext } from '@electric-sql/pglite/contrib/citext'
import {
  Kysely,
  PGliteDialect,
  PostgresDialect,
  type DatabaseConnection,
  type Dialect,
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
  close(): Promise<void>
}

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
 * would then run inside another request's open transaction. This driver queues them (as Kysely's
 * SQLite driver does), so a transaction has the connection to itself until it ends.
 */
class SerialisedDriver implements Driver {
  #releases: (() => void)[] = []
  readonly inner: Driver
  readonly mutex: Mutex
  constructor(inner: Driver, mutex: Mutex) {
    this.inner = inner
    this.mutex = mutex
  }
  init(): Promise<void> {
    return this.inner.init()
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    this.#releases.push(await this.mutex.lock())
    return this.inner.acquireConnection()
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await this.inner.releaseConnection(connection)
    this.#releases.shift()?.()
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

function serialisedPgliteDialect(pglite: PGlite, mutex: Mutex): Dialect {
  const base = new PGliteDialect({ pglite })
  return {
    createAdapter: () => base.createAdapter(),
    createQueryCompiler: () => base.createQueryCompiler(),
    createIntrospector: (db) => base.createIntrospector(db),
    createDriver: () => new SerialisedDriver(base.createDriver(), mutex),
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

function openPostgres(databaseUrl: string, poolSize: number): Database {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
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
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  return {
    db,
    kind: 'postgres',
    pglite: null,
    dataDirLock: null,
    dumpDataDir: () => Promise.reject(new Error('A PostgreSQL database is backed up with pg_dump.')),
    async execScript(script) {
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
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10)
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
  const db = new Kysely<DB>({ dialect: serialisedPgliteDialect(pglite, mutex) })
  return {
    db,
    kind: 'pglite',
    pglite,
    dataDirLock,
    async execScript(script) {
      const release = await mutex.lock()
      try {
        await pglite.transaction((tx) => tx.exec(script))
      } finally {
        release()
      }
    },
    async dumpDataDir() {
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
