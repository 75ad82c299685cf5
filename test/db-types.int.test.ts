// The committed database types (src/server/platform/db-types.ts) are what kysely-codegen generates from the
// migrated database: on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { DB_TYPES_PATH, dbTypesSource } from '../scripts/db-types.ts'
import { openTestDatabase } from './databases.ts'

let database: Awaited<ReturnType<typeof openTestDatabase>>
beforeAll(async () => {
  database = await openTestDatabase()
})
afterAll(async () => {
  await database.close()
})

it('match the migrated database (run npm run gen:db after adding a migration)', async () => {
  const committed = await readFile(DB_TYPES_PATH, 'utf8')
  expect(committed, 'db-types.ts is stale: run npm run gen:db').toBe(await dbTypesSource(database.db))
})
