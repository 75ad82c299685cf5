// Database errors as the client sees them: named constraints mapped to specific codes (their names stay in the
// log), and serialization failures and deadlocks run again a bounded number of times, then 503 TRY_AGAIN.
// The concurrency cases need a real server (PGlite has one connection, so nothing ever collides).
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/server/app.ts'
import { loadConfig } from '../src/server/config.ts'
import { TRANSACTION_ATTEMPTS } from '../src/server/platform/db.ts'
import { registerConstraintCodes, registeredConstraintCodes } from '../src/server/platform/errors.ts'
import { openTestDatabase, usingPostgres } from './databases.ts'

/** Resolves once `parties` callers have arrived: makes two transactions interleave where the test wants. */
function barrier(parties: number): () => Promise<void> {
  let arrived = 0
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return () => {
    if (++arrived === parties) open()
    return opened
  }
}

let database: Awaited<ReturnType<typeof openTestDatabase>>
let app: FastifyInstance
const attempts = { collide: 0 }

beforeAll(async () => {
  database = await openTestDatabase()
  const { db } = database
  await sql`CREATE TABLE seams_probe (n int NOT NULL CONSTRAINT seams_probe_n_positive CHECK (n > 0),
    CONSTRAINT seams_probe_n_unique UNIQUE (n))`.execute(db)
  await sql`CREATE TABLE seams_pair (id int PRIMARY KEY, v int NOT NULL)`.execute(db)
  await sql`INSERT INTO seams_pair VALUES (1, 0), (2, 0)`.execute(db)
  // A feature's registration; any code other than the SQLSTATE's default (CONFLICT) shows the registry wins.
  registerConstraintCodes({ seams_probe_n_unique: 'AGREEMENT_NOT_EDITABLE' })

  const config = loadConfig({}, { logLevel: 'silent', rateLimitPerMinute: 0, webDir: '/nonexistent', demo: true })
  app = await buildApp(config, database)
  app.post<{ Body: { n: number } }>('/test/probe', async (req) => {
    await db.transaction().execute((trx) => sql`INSERT INTO seams_probe VALUES (${req.body.n})`.execute(trx))
    return { ok: true }
  })
  // Every attempt reads the table, then a competing serializable transaction on another connection writes to
  // it and commits, then this one writes: a write skew PostgreSQL refuses with 40001, on every attempt.
  app.post('/test/collide', async () => {
    await db
      .transaction()
      .setIsolationLevel('serializable')
      .execute(async (trx) => {
        attempts.collide++
        const seen = await sql<{ c: number }>`SELECT count(*)::int AS c FROM seams_probe`.execute(trx)
        const other = new pg.Client({ connectionString: database.url ?? '' })
        await other.connect()
        try {
          await other.query('BEGIN ISOLATION LEVEL SERIALIZABLE')
          const { rows } = await other.query<{ c: number }>('SELECT count(*)::int AS c FROM seams_probe')
          await other.query('INSERT INTO seams_probe VALUES ($1)', [1000 + attempts.collide * 2 + (rows[0]?.c ?? 0)])
          await other.query('COMMIT')
        } finally {
          await other.end()
        }
        await sql`INSERT INTO seams_probe VALUES (${2001 + attempts.collide * 2 + (seen.rows[0]?.c ?? 0)})`.execute(trx)
      })
    return { ok: true }
  })
  await app.ready()
})

afterAll(async () => {
  await app.close()
  await database.close()
})

describe('named constraints', () => {
  it('answers a registered constraint with its own code, and never names the constraint', async () => {
    expect((await app.inject({ method: 'POST', url: '/test/probe', payload: { n: 7 } })).statusCode).toBe(200)
    const res = await app.inject({ method: 'POST', url: '/test/probe', payload: { n: 7 } })
    expect(res.statusCode).toBe(409)
    expect(res.json()).toEqual({ error: { code: 'AGREEMENT_NOT_EDITABLE', message: expect.any(String) } })
    expect(res.body).not.toContain('seams_probe')
  })

  it('falls back to the SQLSTATE for a constraint no feature registered, still without its name', async () => {
    const res = await app.inject({ method: 'POST', url: '/test/probe', payload: { n: -1 } })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.any(String) } })
    expect(res.body).not.toContain('seams_probe')
  })

  it('refuses to map one constraint to two codes', () => {
    expect(() => registerConstraintCodes({ seams_probe_n_unique: 'CONFLICT' })).toThrow(/already mapped/)
    expect(registeredConstraintCodes().get('seams_probe_n_unique')).toBe('AGREEMENT_NOT_EDITABLE')
  })
})

describe.skipIf(!usingPostgres())('serialization failures and deadlocks (PostgreSQL)', () => {
  it('survives the server ending an idle pooled connection, and the next query gets a fresh one', async () => {
    const { db } = database
    // Two connections checked out together, then idle in the pool.
    await Promise.all([sql`SELECT pg_sleep(0.05)`.execute(db), sql`SELECT pg_sleep(0.05)`.execute(db)])
    const mine = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db)
    const admin = new pg.Client({ connectionString: database.url ?? '' })
    await admin.connect()
    // Every other connection of this database's pool, as an administrator (or a server restart) would.
    const ended = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND pid = ANY($1::int[])',
      [[mine.rows[0]!.pid]],
    )
    await admin.end()
    expect(ended.rowCount).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 200)) // the idle client's error arrives (unhandled: a crash)
    const again = await sql<{ one: number }>`SELECT 1 AS one`.execute(db)
    expect(again.rows).toEqual([{ one: 1 }])
  })

  it('runs a serializable transaction that lost a write skew again, and both commit', async () => {
    const { db } = database
    const runs = { a: 0, b: 0 }
    const bothRead = barrier(2)
    const add = (name: 'a' | 'b') =>
      db
        .transaction()
        .setIsolationLevel('serializable')
        .execute(async (trx) => {
          runs[name]++
          const { rows } = await sql<{ c: number }>`SELECT count(*)::int AS c FROM seams_pair WHERE v > 0`.execute(trx)
          if (runs[name] === 1) await bothRead() // the first attempts interleave: both read before either writes
          await sql`UPDATE seams_pair SET v = ${(rows[0]?.c ?? 0) + 1} WHERE id = ${name === 'a' ? 1 : 2}`.execute(trx)
        })
    await Promise.all([add('a'), add('b')])
    expect(runs.a + runs.b).toBe(3) // one of them collided once
    const values = await sql<{ v: number }>`SELECT v FROM seams_pair ORDER BY v`.execute(db)
    expect(values.rows.map((r) => r.v)).toEqual([1, 2]) // serial: the second saw the first's write
  })

  it('runs the victim of a deadlock again, and both commit', async () => {
    const { db } = database
    // Its own starting values: which row the write-skew test above left at 1 or 2 depends on who won there.
    await sql`UPDATE seams_pair SET v = id`.execute(db)
    const runs = { a: 0, b: 0 }
    const bothLocked = barrier(2)
    const swap = (name: 'a' | 'b', first: number, second: number) =>
      db.transaction().execute(async (trx) => {
        runs[name]++
        await sql`UPDATE seams_pair SET v = v + 10 WHERE id = ${first}`.execute(trx)
        if (runs[name] === 1) await bothLocked()
        await sql`UPDATE seams_pair SET v = v + 10 WHERE id = ${second}`.execute(trx)
      })
    await Promise.all([swap('a', 1, 2), swap('b', 2, 1)])
    expect(runs.a + runs.b).toBe(3)
    const values = await sql<{ v: number }>`SELECT v FROM seams_pair ORDER BY id`.execute(db)
    expect(values.rows.map((r) => r.v)).toEqual([21, 22])
  })

  it(`gives up after ${TRANSACTION_ATTEMPTS} attempts with 503 TRY_AGAIN and Retry-After`, async () => {
    attempts.collide = 0
    const res = await app.inject({ method: 'POST', url: '/test/collide' })
    expect(attempts.collide).toBe(TRANSACTION_ATTEMPTS)
    expect(res.statusCode).toBe(503)
    expect(res.headers['retry-after']).toBe('1')
    expect(res.json()).toEqual({ error: { code: 'TRY_AGAIN', message: expect.any(String) } })
  })
})
