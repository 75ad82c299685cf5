// Builds the test templates once per run: migrations + the demo data set, on PGlite and (when
// TEST_DATABASE_URL is set) on the PostgreSQL server. A missing server fails loudly here.
import { mkdir, writeFile } from 'node:fs/promises'
import type { TestProject } from 'vitest/node'
import { seedDemo } from '../src/server/demo/seed.ts'
import { DEMO_PASSWORD } from '../src/server/demo/data.ts'
import { openDatabase, type Database } from '../src/server/platform/db.ts'
import { migrate } from '../src/server/platform/migrate.ts'
import { testPasswordHash } from './passwords.ts'
import { adminQuery, CACHE_DIR, PGLITE_TEMPLATE, postgresUrl, templateName, withDatabase } from './databases.ts'

async function fill(database: Database, passwordHash: string): Promise<void> {
  await migrate(database)
  await seedDemo(database.db, { passwordHash })
}

/** Run once per test project: the pglite project builds the PGlite template, the postgres project its own. */
export default async function setup(project: TestProject): Promise<void> {
  // At the test cost (test/passwords.ts): every test login of a demo account verifies this hash.
  const passwordHash = await testPasswordHash(DEMO_PASSWORD)
  if (project.name === 'postgres') return buildPostgresTemplate(passwordHash)
  await mkdir(CACHE_DIR, { recursive: true })
  const pglite = await openDatabase({ databaseUrl: null, dataDir: null })
  await fill(pglite, passwordHash)
  const dump = await pglite.pglite!.dumpDataDir('none')
  await writeFile(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()))
  await pglite.close()
}

async function buildPostgresTemplate(passwordHash: string): Promise<void> {
  const base = postgresUrl()
  const template = templateName(base)
  await adminQuery(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`)
  await adminQuery(`CREATE DATABASE "${template}"`)
  const database = await openDatabase({ databaseUrl: withDatabase(base, template), dataDir: null, poolSize: 2 })
  await fill(database, passwordHash)
  await database.close()
}
