// Backup → restore loses nothing: every table's row count and content checksum survive the round trip.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql, type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminQuery, openTestDatabase, postgresUrl, usingPostgres, withDatabase } from '../../../test/databases.ts'
import { loadConfig } from '../config.ts'
import { backup, restore } from './backup.ts'
import { LOCK_FILE } from './datadir-lock.ts'
import { openDatabase, type Database } from './db.ts'
import type { DB } from './schema.ts'

/** md5 of every table's rows in a stable order: equal fingerprints mean equal contents. */
async function fingerprint(db: Kysely<DB>): Promise<Record<string, string>> {
  const tables = await sql<{
    name: string
  }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`.execute(
    db,
  )
  const out: Record<string, string> = {}
  for (const { name } of tables.rows) {
    const row = await sql<{
      n: number
      h: string | null
    }>`SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM ${sql.table(name)} t`.execute(
      db,
    )
    out[name] = `${row.rows[0]?.n}:${row.rows[0]?.h}`
  }
  return out
}

let dir: string
let source: Database & { url: string | null }
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'verbond-backup-'))
  source = await openTestDatabase()
})
afterAll(async () => {
  await source.close()
  await rm(dir, { recursive: true, force: true })
})

describe('backup and restore', () => {
  it('round-trips every table without loss', async () => {
    const before = await fingerprint(source.db)
    expect(Number(before.people?.split(':')[0])).toBeGreaterThan(1000)
    const file = path.join(dir, usingPostgres() ? 'backup.sql' : 'backup.tar.gz')

    if (usingPostgres()) {
      execFileSync('pg_dump', ['--version']) // fails loudly when the client tools are missing
      const config = loadConfig({ DATABASE_URL: source.url! })
      await backup(config, file)
      const target = `${new URL(postgresUrl()).pathname.slice(1)}_restore_${process.pid}`
      await adminQuery(`CREATE DATABASE "${target}"`)
      try {
        const targetUrl = withDatabase(postgresUrl(), target)
        await restore(loadConfig({ DATABASE_URL: targetUrl }), file, { force: false })
        const restored = await openDatabase({ databaseUrl: targetUrl, dataDir: null, poolSize: 1 })
        expect(await fingerprint(restored.db)).toEqual(before)
        await restored.close()
      } finally {
        await adminQuery(`DROP DATABASE IF EXISTS "${target}" WITH (FORCE)`)
      }
      return
    }

    // PGlite: back up a data directory, restore into another one, compare.
    const dataDir = path.join(dir, 'data')
    const dump = await source.pglite!.dumpDataDir('gzip')
    const seeded = await openDatabase({ databaseUrl: null, dataDir, loadDataDir: dump })
    await seeded.close()
    await backup(loadConfig({ VERBOND_DATA_DIR: dataDir }), file)
    const restoredDir = path.join(dir, 'restored')
    await restore(loadConfig({ VERBOND_DATA_DIR: restoredDir }), file, { force: false })
    await expect(restore(loadConfig({ VERBOND_DATA_DIR: restoredDir }), file, { force: false })).rejects.toThrow(
      /--force/,
    )
    // --force keeps the old database aside and restores in its place; the lock file stays where it is.
    const forced = await restore(loadConfig({ VERBOND_DATA_DIR: restoredDir }), file, { force: true })
    const aside = /previous data kept in (\S+)\)/.exec(forced)?.[1]
    expect(aside && existsSync(path.join(aside, 'PG_VERSION'))).toBe(true)
    expect(existsSync(path.join(aside!, LOCK_FILE))).toBe(false)
    expect(existsSync(path.join(restoredDir, LOCK_FILE))).toBe(true)
    const restored = await openDatabase({ databaseUrl: null, dataDir: restoredDir })
    expect(await fingerprint(restored.db)).toEqual(before)
    await restored.close()
    // A dump and a restore of the whole demo data set (1,000+ people, every table): tens of seconds for PGlite's
    // WASM on a busy 2-core machine, more than the default test timeout.
  }, 120_000)
})
