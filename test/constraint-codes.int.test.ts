// Every constraint name a feature maps to a catalogue code (registerConstraintCodes) exists in the migrated
// database: a renamed or dropped constraint would otherwise silently fall back to the generic code.
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import '../src/server/app.ts' // loads every feature, and with it every registration
import { registeredConstraintCodes } from '../src/server/platform/errors.ts'
import { openTestDatabase } from './databases.ts'

let database: Awaited<ReturnType<typeof openTestDatabase>>
beforeAll(async () => {
  database = await openTestDatabase()
})
afterAll(async () => {
  await database.close()
})

it('maps only constraints (or unique indexes) that exist', async () => {
  const names = [...registeredConstraintCodes().keys()]
  // A unique index that is no constraint (CREATE UNIQUE INDEX) reports its own name as the constraint.
  const { rows } = await sql<{ name: string }>`
    SELECT conname AS name FROM pg_constraint
    UNION SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indisunique
    -- training sessions (issue 11): a trigger raising a check_violation names itself as the constraint
    UNION SELECT tgname FROM pg_trigger WHERE NOT tgisinternal`.execute(database.db)
  const existing = new Set(rows.map((r) => r.name))
  expect(names.filter((n) => !existing.has(n))).toEqual([])
})
