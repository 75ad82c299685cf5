// Test databases: one template per run (migrated + demo data), one copy per test file.
// PGlite: the template is a data-directory dump loaded into an in-memory instance (no initdb per file).
// PostgreSQL (TEST_DATABASE_URL): CREATE DATABASE … TEMPLATE, which copies files, not rows.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { openDatabase, type Database } from '../src/server/platform/db.ts'

export const CACHE_DIR = path.resolve('.cache')
// Uncompressed: each test file loads it, and gunzipping 46 MB cost every file about half a second.
export const PGLITE_TEMPLATE = path.join(CACHE_DIR, 'test-template.tar')

export function postgresUrl(): string {
  const url = process.env.TEST_DATABASE_URL
  if (!url) throw new Error('TEST_DATABASE_URL is not set, but the postgres test project is running')
  return url
}

/** The same server, another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

export const templateName = (url: string): string => `${new URL(url).pathname.slice(1)}_template`

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(postgresUrl(), 'postgres') })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/**
 * Drops a test database once its connections are gone. pg-pool's end() can resolve before the server has
 * seen every connection close; dropping WITH (FORCE) then kills them, and the pool reports 57P01 as an
 * unhandled error in whichever test file is running. So wait for them first, and force only as a last resort.
 */
async function dropWhenClosed(name: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    try {
      await adminQuery(`DROP DATABASE IF EXISTS "${name}"`)
      return
    } catch (err) {
      if ((err as { code?: string }).code !== '55006') throw err // object in use: a connection is still closing
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
}

export const usingPostgres = (): boolean => process.env.VERBOND_TEST_DB === 'postgres'

/** A fresh database holding the template's contents, for one test file. */
export async function openTestDatabase(): Promise<Database & { url: string | null }> {
  if (usingPostgres()) {
    const base = postgresUrl()
    const name = `${new URL(base).pathname.slice(1)}_t${randomBytes(5).toString('hex')}`
    await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${templateName(base)}"`)
    const url = withDatabase(base, name)
    const database = await openDatabase({ databaseUrl: url, dataDir: null, poolSize: 4 })
    return {
      ...database,
      url,
      close: async () => {
        await database.close()
        await dropWhenClosed(name)
      },
    }
  }
  if (!existsSync(PGLITE_TEMPLATE))
    throw new Error(`PGlite test template missing at ${PGLITE_TEMPLATE}: run the tests through vitest`)
  const dump = new Blob([await readFile(PGLITE_TEMPLATE)])
  return { ...(await openDatabase({ databaseUrl: null, dataDir: null, loadDataDir: dump })), url: null }
}
