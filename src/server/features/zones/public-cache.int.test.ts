// Public data from memory: a strong ETag, 304 on If-None-Match, and a new version (new ETag, new content) as
// soon as a change commits, also when another server process on the same database made it.
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { postgresUrl, usingPostgres, withDatabase } from '../../../../test/databases.ts'
import { startTestApp, type TestApp } from '../../../../test/harness.ts'
import { openDatabase, type Database } from '../../platform/db.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const PUBLIC = ['/api/zones', '/api/zones/5373', '/api/associations', '/api/domains']

const get = (url: string, headers: Record<string, string> = {}, app: FastifyInstance = t.app) =>
  app.inject({ method: 'GET', url, headers })

const setPopulation = (database: Database, name: string, population: number) =>
  database.db.updateTable('municipalities').set({ population }).where('name', '=', name).execute()

const populationIn = (zones: { municipalities: { name: string; population: number | null }[] }[], name: string) =>
  zones.flatMap((z) => z.municipalities).find((m) => m.name === name)?.population

const databaseName = async () =>
  (await sql<{ name: string }>`SELECT current_database() AS name`.execute(t.database.db)).rows[0]?.name ?? ''

describe('public data cache', () => {
  it('sends a strong ETag and answers 304 without a body when If-None-Match names it', async () => {
    const etags = new Set<string>()
    for (const url of PUBLIC) {
      const first = await get(url)
      expect(first.statusCode, url).toBe(200)
      expect(first.headers['content-type']).toBe('application/json; charset=utf-8')
      expect(first.headers['cache-control']).toBe('no-cache')
      const etag = String(first.headers.etag)
      expect(etag, url).toMatch(/^"[A-Za-z0-9_-]{43}"$/)
      etags.add(etag)
      for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
        const again = await get(url, { 'if-none-match': ifNoneMatch })
        expect(again.statusCode, `${url} ${ifNoneMatch}`).toBe(304)
        expect(again.body).toBe('')
        expect(again.headers.etag).toBe(etag)
      }
      const stale = await get(url, { 'if-none-match': '"not-this-one"' })
      expect(stale.statusCode).toBe(200)
      expect(stale.body).toBe(first.body)
    }
    expect(etags.size).toBe(PUBLIC.length)
  })

  it('serves the same JSON as the schema describes (the cached body is the serialised response)', async () => {
    const zone = (await get('/api/zones/5373')).json()
    expect(zone).toMatchObject({ code: '5373', municipalities: expect.any(Array), associations: expect.any(Array) })
    expect((await get('/api/zones/9999')).statusCode).toBe(404)
  })

  it('changes the ETag and the content as soon as a municipality changes, and not for a rolled-back change', async () => {
    const before = await get('/api/zones')
    const old = populationIn(before.json().items, 'Heusden-Zolder')
    expect(old).toBeTypeOf('number')
    await t.database.db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('municipalities').set({ population: 1 }).where('name', '=', 'Heusden-Zolder').execute()
        throw new Error('roll back')
      })
      .catch(() => undefined)
    expect((await get('/api/zones', { 'if-none-match': String(before.headers.etag) })).statusCode).toBe(304)

    await setPopulation(t.database, 'Heusden-Zolder', 12_345)
    const after = await get('/api/zones', { 'if-none-match': String(before.headers.etag) })
    expect(after.statusCode).toBe(200)
    expect(after.headers.etag).not.toBe(before.headers.etag)
    expect(populationIn(after.json().items, 'Heusden-Zolder')).toBe(12_345)
    await setPopulation(t.database, 'Heusden-Zolder', old ?? 0)
    const restored = await get('/api/zones')
    // Same bytes, same tag: the ETag is the body's hash, not a counter.
    expect(restored.headers.etag).toBe(before.headers.etag)
  })

  it('sees a zone renamed in its associations too', async () => {
    const before = await get('/api/associations')
    await t.database.db
      .updateTable('zones')
      .set({ name: 'Heusden-Zolder (renamed)' })
      .where('code', '=', '5373')
      .execute()
    const after = await get('/api/associations')
    expect(after.headers.etag).not.toBe(before.headers.etag)
    expect(after.body).toContain('Heusden-Zolder (renamed)')
    expect((await get('/api/zones/5373')).json().name).toBe('Heusden-Zolder (renamed)')
  })

  it('two server instances on one database see each other’s change at once', async () => {
    // PostgreSQL: a second connection pool, as a second process would have. PGlite: one process owns the
    // database (datadir-lock.ts), so the second instance shares it.
    const second: Database = usingPostgres()
      ? await openDatabase({
          databaseUrl: withDatabase(postgresUrl(), await databaseName()),
          dataDir: null,
          poolSize: 2,
        })
      : t.database
    const other = await buildApp(t.config, second)
    try {
      await other.ready()
      const a = await get('/api/zones')
      const b = await get('/api/zones', {}, other)
      expect(b.headers.etag).toBe(a.headers.etag)
      // A write through the second instance's database, read through the first and the other way round.
      await setPopulation(second, 'Ingelmunster', 11_111)
      const seenByFirst = await get('/api/zones')
      expect(populationIn(seenByFirst.json().items, 'Ingelmunster')).toBe(11_111)
      await setPopulation(t.database, 'Ingelmunster', 22_222)
      const seenBySecond = await get('/api/zones', { 'if-none-match': String(seenByFirst.headers.etag) }, other)
      expect(seenBySecond.statusCode).toBe(200)
      expect(populationIn(seenBySecond.json().items, 'Ingelmunster')).toBe(22_222)
      expect((await get('/api/zones')).headers.etag).toBe(seenBySecond.headers.etag)
    } finally {
      await other.close()
      if (second !== t.database) await second.close()
    }
  })
})
