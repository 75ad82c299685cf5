// The lists of src/server/platform/enums.ts are the source of every enum; the migrations are frozen SQL. These
// tests fail when the migrated database allows other values than a list, or its catalogue holds other rows.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENUM_COLUMNS } from '../scripts/db-types.ts'
import { DOMAIN_CATALOGUE, QUALIFICATION_CODES } from '../src/server/platform/enums.ts'
import { openTestDatabase } from './databases.ts'

let database: Awaited<ReturnType<typeof openTestDatabase>>
beforeAll(async () => {
  database = await openTestDatabase()
})
afterAll(async () => {
  await database.close()
})

/** `CHECK (column IN ('a', 'b'))` as PostgreSQL prints it back: `= ANY (ARRAY[…])`, or `=` for one value. */
const IN_LIST = /^CHECK \(\((\w+) = ANY \(ARRAY\[(.*)\]\)\)\)$/
const ONE_VALUE = /^CHECK \(\((\w+) = ('(?:[^']|'')*'::text)\)\)$/
const literals = (list: string): string[] =>
  [...list.matchAll(/'((?:[^']|'')*)'::text/g)].map((m) => (m[1] ?? '').replaceAll("''", "'"))

/** Every CHECK constraint that limits one text column to a list of values: `table.column` → the values. */
async function checkedLists(): Promise<Map<string, string[]>> {
  const { rows } = await sql<{ table: string; definition: string }>`
    SELECT c.conrelid::regclass::text AS "table", pg_get_constraintdef(c.oid) AS definition
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE c.contype = 'c' AND n.nspname = 'public'`.execute(database.db)
  const lists = new Map<string, string[]>()
  for (const { table, definition } of rows) {
    const match = IN_LIST.exec(definition) ?? ONE_VALUE.exec(definition)
    if (match) lists.set(`${table}.${match[1]}`, literals(match[2] ?? ''))
  }
  return lists
}

/** IN-list constraints that are no enum of the code: a single-row table's key. */
const NOT_ENUMS = ['data_versions.name']

describe('enums.ts and the migrated database', () => {
  it('every enum column allows exactly its list', async () => {
    const lists = await checkedLists()
    for (const [column, [type, values]] of Object.entries(ENUM_COLUMNS))
      expect([...(lists.get(column) ?? [])].sort(), `${column} (${type})`).toEqual([...values].sort())
  })

  it('every IN-list CHECK constraint is an enum of enums.ts', async () => {
    const lists = await checkedLists()
    const unknown = [...lists.keys()].filter((c) => !(c in ENUM_COLUMNS) && !NOT_ENUMS.includes(c))
    expect(unknown, 'add the list to enums.ts and the column to ENUM_COLUMNS in scripts/db-types.ts').toEqual([])
  })

  it('the cooperation-domain catalogue is DOMAIN_CATALOGUE, in its order', async () => {
    const rows = await database.db
      .selectFrom('cooperation_domains')
      .select(['code', 'category'])
      .orderBy('sort_order')
      .execute()
    expect(rows.map((r) => [r.code, r.category])).toEqual(DOMAIN_CATALOGUE.map(([code, category]) => [code, category]))
  })

  it('the qualification catalogue is QUALIFICATION_CODES, in its order', async () => {
    const rows = await database.db.selectFrom('qualifications').select('code').orderBy('sort_order').execute()
    expect(rows.map((r) => r.code)).toEqual([...QUALIFICATION_CODES])
  })
})
