// Outbox → bus: an event written in a transaction reaches subscribers when (and only when) it commits, in
// order, once per process; on PostgreSQL also the subscribers of another process (another pool + LISTEN).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, usingPostgres } from '../../../test/databases.ts'
import { openDatabase, type Database } from './db.ts'
import { startEventBus, type BusEvent, type EventBus } from './events.ts'
import { emit } from './outbox.ts'
import { until } from '../../../test/wait.ts'

let database: Database & { url: string | null }
let bus: EventBus
let zoneId: string
const busErrors: unknown[] = []

beforeAll(async () => {
  database = await openTestDatabase()
  bus = await startEventBus(database, {
    databaseUrl: database.url,
    pollMs: 60_000,
    log: { error: (obj) => void busErrors.push(obj) },
  })
  zoneId = (await database.db.selectFrom('zones').select('id').limit(1).executeTakeFirstOrThrow()).id
})
afterAll(async () => {
  await bus.close()
  await database.close()
})

describe('outbox and event bus', () => {
  it('delivers a committed event with its scope, and nothing for a rolled-back one', async () => {
    const seen: BusEvent[] = []
    const off = bus.subscribe((e) => void seen.push(e), { types: ['test.happened', 'test.rolled_back'] })
    await expect(
      database.db.transaction().execute(async (trx) => {
        await emit(trx, { type: 'test.rolled_back', zoneId })
        throw new Error('rollback')
      }),
    ).rejects.toThrow('rollback')
    await database.db
      .transaction()
      .execute((trx) => emit(trx, { type: 'test.happened', zoneId, domain: 'assistance', payload: { n: 1 } }))
    // Woken by the commit's NOTIFY (the poll is a minute away).
    await until(() => seen.length > 0)
    await bus.flush()
    off()
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatchObject({
      type: 'test.happened',
      zoneId,
      associationId: null,
      domain: 'assistance',
      payload: { n: 1 },
    })
    const rows = await database.db.selectFrom('outbox_events').select('type').execute()
    expect(rows.map((r) => r.type)).not.toContain('test.rolled_back')
  })

  it('numbers events without gaps in commit-safe order; since() resumes after an id', async () => {
    const seen: number[] = []
    const off = bus.subscribe((e) => void seen.push(e.id))
    const before = bus.lastDelivered()
    // Interleaved transactions: ids are given at publication, not at insert, so no gap appears later.
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        database.db.transaction().execute((trx) => emit(trx, { type: 'test.numbered', payload: { n } })),
      ),
    )
    await bus.flush()
    off()
    expect(seen).toEqual([before + 1, before + 2, before + 3, before + 4, before + 5])
    const resumed = await bus.since(before + 2)
    expect(resumed.map((e) => e.id)).toEqual([before + 3, before + 4, before + 5])
  })

  it('a failing subscriber does not keep the event from the others', async () => {
    const seen: string[] = []
    const offBad = bus.subscribe(() => {
      throw new Error('subscriber bug')
    })
    const offGood = bus.subscribe((e) => void seen.push(e.type))
    const errors: unknown[] = []
    const quiet = await startEventBus(database, {
      databaseUrl: database.url,
      pollMs: 60_000,
      log: { error: (obj) => void errors.push(obj) },
    })
    quiet.subscribe(() => Promise.reject(new Error('async subscriber bug')))
    await database.db.transaction().execute((trx) => emit(trx, { type: 'test.robust' }))
    await bus.flush()
    await quiet.flush()
    await until(() => errors.length === 1)
    await quiet.close()
    offBad()
    offGood()
    expect(seen).toEqual(['test.robust'])
    expect(busErrors).toHaveLength(1)
  })

  it.runIf(usingPostgres())('reaches the subscribers of another process, once each (LISTEN/NOTIFY)', async () => {
    const other = await openDatabase({ databaseUrl: database.url, dataDir: null, poolSize: 2 })
    const otherBus = await startEventBus(other, { databaseUrl: database.url, pollMs: 60_000 })
    try {
      const here: BusEvent[] = []
      const there: BusEvent[] = []
      bus.subscribe((e) => void here.push(e), { types: ['test.cross', 'test.cross_rolled_back'] })
      otherBus.subscribe((e) => void there.push(e), { types: ['test.cross', 'test.cross_rolled_back'] })
      await other.db
        .transaction()
        .execute(async (trx) => {
          await emit(trx, { type: 'test.cross_rolled_back' })
          throw new Error('rollback')
        })
        .catch(() => undefined) // the rollback is the point
      await database.db.transaction().execute((trx) => emit(trx, { type: 'test.cross', payload: { from: 'one' } }))
      await other.db.transaction().execute((trx) => emit(trx, { type: 'test.cross', payload: { from: 'two' } }))
      // No flush: only the notifications can carry the events across.
      await until(() => here.length >= 2 && there.length >= 2)
      await new Promise((resolve) => setTimeout(resolve, 200)) // any duplicate would arrive by now
      const sources = (events: BusEvent[]) => events.map((e) => e.payload.from)
      expect(sources(here)).toEqual(['one', 'two'])
      expect(sources(there)).toEqual(['one', 'two'])
      expect(there.map((e) => e.id)).toEqual(here.map((e) => e.id))
    } finally {
      await otherBus.close()
      await other.close()
    }
  })
})
