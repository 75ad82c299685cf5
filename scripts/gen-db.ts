// npm run gen:db: migrates a fresh in-memory database and regenerates src/server/platform/db-types.ts;
// a test fails when the committed file is stale.
import { writeFile } from 'node:fs/promises'
import { openDatabase } from '../src/server/platform/db.ts'
import { migrate } from '../src/server/platform/migrate.ts'
import { DB_TYPES_PATH, dbTypesSource } from './db-types.ts'

const database = await openDatabase({ databaseUrl: null, dataDir: null })
try {
  await migrate(database)
  await writeFile(DB_TYPES_PATH, await dbTypesSource(database.db))
  console.log(`Wrote ${DB_TYPES_PATH}`)
} finally {
  await database.close()
}
