// The database guards of platform/db.ts: re-entry fails at once (never a hang), a long transaction is reported.
// Runs on PGlite (where re-entry deadlocked) and on PostgreSQL (same rule, so code behaves the same on both).
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/server/app.ts'
import { loadConfig } from '../src/server/config.ts'
import { DatabaseReentryError, openDatabase, type LongTransaction } from '../src/server/platform/db.ts'
import { openTestDatabase } from './databases.ts'

/** Rejects when the promise has not settled within `ms`: a hang becomes a failing assertion, not a stuck run. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still pending after ${ms} ms`)), ms).unref()),
  ])
}

describe('database re-entry', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>
  beforeAll(async () => {
    database = await openTestDatabase()
  })
  afterAll(async () => {
    await database.close()
  })

  it('fails a root query inside a transaction at once, and the database keeps serving', async () => {
    const { db } = database
    const attempt = db.transaction().execute(async (trx) => {
      await trx.selectFrom('zones').select('id').limit(1).execute()
      return db.selectFrom('zones').select('id').limit(1).execute() // the mistake: db, not trx
    })
    await expect(within(2_000, attempt)).rejects.toBeInstanceOf(DatabaseReentryError)
    const rows = await within(2_000, db.selectFrom('zones').select('id').execute())
    expect(rows.length).toBeGreaterThan(0)
  })

  it('fails a transaction opened on the root db inside a transaction', async () => {
    const { db } = database
    const attempt = db.transaction().execute(() => db.transaction().execute((inner) => sql`select 1`.execute(inner)))
    await expect(within(2_000, attempt)).rejects.toBeInstanceOf(DatabaseReentryError)
  })

  it('leaves other contexts alone: queries started beside a transaction wait for it and succeed', async () => {
    const { db } = database
    let inside = 0
    const [count, beside] = await within(
      5_000,
      Promise.all([
        db.transaction().execute(async (trx) => {
          inside++
          await sql`select pg_sleep(0.05)`.execute(trx)
          return (await trx.selectFrom('zones').select('id').execute()).length
        }),
        db.selectFrom('zones').select('id').execute(),
      ]),
    )
    expect(inside).toBe(1)
    expect(beside).toHaveLength(count)
    // After the transaction has ended, the same code path uses the root db freely.
    await expect(db.selectFrom('zones').select('id').limit(1).execute()).resolves.toHaveLength(1)
  })

  it('answers a request that re-enters with 500 INTERNAL at once, and later requests are served', async () => {
    const config = loadConfig({}, { logLevel: 'silent', rateLimitPerMinute: 0, webDir: '/nonexistent', demo: true })
    const { db } = database
    const app = await buildApp(config, database)
    const seen: unknown[] = []
    app.addHook('onError', async (_req, _reply, err) => {
      seen.push(err)
    })
    app.get('/test/reentry', () =>
      db.transaction().execute(async () => ({ zones: (await db.selectFrom('zones').select('id').execute()).length })),
    )
    await app.ready()
    try {
      const res = await within(2_000, app.inject({ method: 'GET', url: '/test/reentry' }))
      expect(res.statusCode).toBe(500)
      expect(res.json()).toMatchObject({ error: { code: 'INTERNAL' } })
      expect(seen[0]).toBeInstanceOf(DatabaseReentryError)
      const later = await within(2_000, app.inject({ method: 'GET', url: '/api/zones' }))
      expect(later.statusCode).toBe(200)
    } finally {
      await app.close()
    }
  })
})

describe('long transactions', () => {
  it('reports a transaction open longer than the limit, with the stack that opened it', async () => {
    const reports: LongTransaction[] = []
    const database = await openDatabase({
      databaseUrl: null,
      dataDir: null,
      longTransactionMs: 50,
      onLongTransaction: (report) => reports.push(report),
    })
    try {
      await Promise.all([
        database.db.transaction().execute(async function holdsTheConnection(trx) {
          await sql`select 1`.execute(trx)
          await new Promise((resolve) => setTimeout(resolve, 150)) // not database work: what the report is for
        }),
        // Waits in the queue behind it (on PGlite) for longer than the limit, but holds the connection briefly.
        database.db.transaction().execute((trx) => sql`select 1`.execute(trx)),
      ])
      expect(reports).toHaveLength(1)
      expect(reports[0]?.ms).toBeGreaterThanOrEqual(50)
      expect(reports[0]?.stack).toContain('db-guards.int.test.ts')
    } finally {
      await database.close()
    }
  }, 90_000) // a fresh in-memory PGlite of its own: its start-up alone took 30 s on a loaded machine
})
