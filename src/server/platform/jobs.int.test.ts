// Durable jobs: idempotent enqueue in the caller's transaction, back-off, recurring periods, a restart, a
// crashed runner's lease, and (PostgreSQL) eight runners on two pools running every job exactly once.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, PGLITE_TEMPLATE, usingPostgres } from '../../../test/databases.ts'
import { TestClock, now } from './clock.ts'
import { openDatabase, type Database } from './db.ts'
import { backoffMs, enqueue, jobRunner, type JobDefinition } from './jobs.ts'
import { migrate } from './migrate.ts'

let database: Database & { url: string | null }
const quiet = { error: () => undefined }

beforeAll(async () => {
  database = await openTestDatabase()
})
afterAll(() => database.close())

const jobRow = (id: number) => database.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

describe('durable jobs', () => {
  it('enqueues in the caller transaction, once per idempotency key, and runs a due job once', async () => {
    const ran: unknown[] = []
    const runner = jobRunner(database.db, [{ kind: 'test.once', run: async (job) => void ran.push(job.payload) }], {
      log: quiet,
    })
    await database.db
      .transaction()
      .execute(async (trx) => {
        await enqueue(trx, { kind: 'test.once', idempotencyKey: 'rolled-back' })
        throw new Error('rollback')
      })
      .catch(() => undefined) // the rollback is the point
    const first = await database.db
      .transaction()
      .execute((trx) => enqueue(trx, { kind: 'test.once', idempotencyKey: 'k1', payload: { n: 1 } }))
    const again = await enqueue(database.db, { kind: 'test.once', idempotencyKey: 'k1', payload: { n: 2 } })
    expect(first.created).toBe(true)
    expect(again).toEqual({ id: first.id, created: false })
    expect(await runner.runDue()).toBe(1)
    expect(await runner.runDue()).toBe(0)
    expect(ran).toEqual([{ n: 1 }])
    expect(await jobRow(first.id)).toMatchObject({ state: 'done', attempts: 1, last_error: null, locked_by: null })
    // Done is done: the same key does not make the work come back.
    expect((await enqueue(database.db, { kind: 'test.once', idempotencyKey: 'k1' })).created).toBe(false)
    const rolledBack = await database.db
      .selectFrom('jobs')
      .select('id')
      .where('idempotency_key', '=', 'rolled-back')
      .execute()
    expect(rolledBack).toEqual([])
  })

  it('retries a failing job with exponential back-off, keeps the last error, gives up after maxAttempts', async () => {
    const clock = new TestClock('2026-05-04T08:00:00Z')
    let calls = 0
    const flaky: JobDefinition = {
      kind: 'test.flaky',
      maxAttempts: 3,
      backoff: { baseMs: 10_000, maxMs: 15_000 },
      run: async (job) => {
        calls++
        // The handler runs under the runner's clock.
        expect(now().toISOString()).toBe(clock.now().toISOString())
        throw new Error(`boom ${job.attempt}`)
      },
    }
    const runner = jobRunner(database.db, [flaky], { clock, log: quiet })
    const { id } = await enqueue(database.db, { kind: 'test.flaky', maxAttempts: 3 }, clock.now())
    expect(await runner.runDue()).toBe(1)
    let row = await jobRow(id)
    expect(row).toMatchObject({ state: 'pending', attempts: 1 })
    expect(row.last_error).toContain('boom 1')
    expect(row.run_at.toISOString()).toBe('2026-05-04T08:00:10.000Z')
    clock.advance(9_999)
    expect(await runner.runDue()).toBe(0) // not due yet
    clock.advance(1)
    expect(await runner.runDue()).toBe(1)
    row = await jobRow(id)
    expect(row.run_at.toISOString()).toBe('2026-05-04T08:00:25.000Z') // 2 × 10 s, capped at 15 s
    clock.advance(15_000)
    expect(await runner.runDue()).toBe(1)
    row = await jobRow(id)
    expect(row).toMatchObject({ state: 'failed', attempts: 3 })
    expect(row.last_error).toContain('boom 3')
    expect(row.finished_at?.toISOString()).toBe('2026-05-04T08:00:25.000Z')
    clock.advance(3_600_000)
    expect(await runner.runDue()).toBe(0)
    expect(calls).toBe(3)
    expect([1, 2, 3, 4, 10].map((n) => backoffMs(n))).toEqual([10_000, 20_000, 40_000, 80_000, 3_600_000])
  })

  it('recurring work: one job per period, whatever the number of runners or restarts', async () => {
    const clock = new TestClock('2026-05-04T08:03:00Z')
    const ran: string[] = []
    const every: JobDefinition = {
      kind: 'test.every_ten_minutes',
      every: 10 * 60_000,
      run: async (job) => void ran.push(job.idempotencyKey),
    }
    const a = jobRunner(database.db, [every], { clock, log: quiet, pollMs: 3_600_000 })
    const b = jobRunner(database.db, [every], { clock, log: quiet, pollMs: 3_600_000 })
    await a.start()
    await b.start()
    expect((await a.runDue()) + (await b.runDue())).toBe(1)
    await b.stop()
    await b.start() // a restart in the same period
    expect(await b.runDue()).toBe(0)
    clock.advance(7 * 60_000) // 08:10
    expect((await a.runDue()) + (await b.runDue())).toBe(1)
    clock.advance(60 * 60_000) // 09:10, after a long pause: the missed period runs once, late, not every one
    await b.stop()
    await b.start()
    expect((await a.runDue()) + (await b.runDue())).toBe(1)
    expect((await a.runDue()) + (await b.runDue())).toBe(0)
    clock.advance(10 * 60_000) // 09:20: and the next one counts from now
    expect((await a.runDue()) + (await b.runDue())).toBe(1)
    await a.stop()
    await b.stop()
    expect(ran).toEqual([
      'period:2026-05-04T08:00:00.000Z',
      'period:2026-05-04T08:10:00.000Z',
      'period:2026-05-04T08:20:00.000Z',
      'period:2026-05-04T09:20:00.000Z',
    ])
  })

  it('a job whose runner died is run again when its lease ends; the dead runner cannot overwrite the result', async () => {
    const clock = new TestClock('2026-05-04T10:00:00Z')
    let release!: () => void
    const hanging = new Promise<void>((resolve) => (release = resolve))
    const runs: string[] = []
    const dead = jobRunner(
      database.db,
      [{ kind: 'test.lease', maxAttempts: 3, run: async () => (runs.push('dead'), hanging) }],
      { clock, leaseMs: 60_000, log: quiet },
    )
    const alive = jobRunner(database.db, [{ kind: 'test.lease', run: async () => void runs.push('alive') }], {
      clock,
      leaseMs: 60_000,
      log: quiet,
    })
    const { id } = await enqueue(database.db, { kind: 'test.lease', maxAttempts: 3 }, clock.now())
    const stuck = dead.runDue()
    while (runs.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    expect(await alive.runDue()).toBe(0) // leased
    clock.advance(60_000)
    expect(await alive.runDue()).toBe(1)
    release()
    await stuck
    expect(runs).toEqual(['dead', 'alive'])
    expect(await jobRow(id)).toMatchObject({ state: 'done', attempts: 2, locked_by: null })
  })

  it('survives a restart: a job enqueued before the database closed runs after it reopens', async () => {
    const dir = usingPostgres() ? null : await mkdtemp(path.join(tmpdir(), 'verbond-jobs-'))
    const open = () => openDatabase({ databaseUrl: database.url, dataDir: dir, poolSize: 2 })
    try {
      // PGlite: a data directory on disk, started from the test template (as `verbond restore` would).
      const before = dir
        ? await openDatabase({
            databaseUrl: null,
            dataDir: dir,
            loadDataDir: new Blob([await readFile(PGLITE_TEMPLATE)]),
          })
        : await open()
      await migrate(before)
      const { id } = await before.db
        .transaction()
        .execute((trx) => enqueue(trx, { kind: 'test.restart', idempotencyKey: 'restart', payload: { n: 7 } }))
      await before.close()
      const after = await open()
      const ran: unknown[] = []
      const runner = jobRunner(after.db, [{ kind: 'test.restart', run: async (job) => void ran.push(job.payload) }], {
        log: quiet,
      })
      expect(await runner.runDue()).toBe(1)
      expect(ran).toEqual([{ n: 7 }])
      expect(await after.db.selectFrom('jobs').select('state').where('id', '=', id).executeTakeFirstOrThrow()).toEqual({
        state: 'done',
      })
      await after.close()
    } finally {
      if (dir) await rm(dir, { recursive: true, force: true })
    }
  })

  it.runIf(usingPostgres())('runners on two pools run each of 40 jobs exactly once', async () => {
    const other = await openDatabase({ databaseUrl: database.url, dataDir: null, poolSize: 2 })
    try {
      const runs = new Map<string, number>()
      const definition: JobDefinition = {
        kind: 'test.concurrent',
        run: async (job) => {
          const key = job.idempotencyKey
          runs.set(key, (runs.get(key) ?? 0) + 1)
          await new Promise((resolve) => setTimeout(resolve, 5))
        },
      }
      await database.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 40; i++) await enqueue(trx, { kind: 'test.concurrent', idempotencyKey: `c${i}` })
      })
      const drain = async (runner: ReturnType<typeof jobRunner>) => {
        let total = 0
        for (let n = await runner.runDue(3); n > 0; n = await runner.runDue(3)) total += n
        return total
      }
      // Four runners on each pool, all claiming at once: contention on every claim.
      const counts = await Promise.all(
        [database, other, database, other, database, other, database, other].map((d) =>
          drain(jobRunner(d.db, [definition], { log: quiet })),
        ),
      )
      expect(counts.reduce((a, b) => a + b)).toBe(40)
      expect(counts.filter((n) => n > 0).length).toBeGreaterThan(1)
      expect(runs.size).toBe(40)
      expect([...runs.values()].every((n) => n === 1)).toBe(true)
    } finally {
      await other.close()
    }
  })
})
