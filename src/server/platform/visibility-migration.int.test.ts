// Migration 0007 on a database that already holds shared functions: each becomes a visibility reason with the
// same person, domain and period, pointing back at its row; the old table is frozen afterwards.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from './db.ts'
import { migrate, MIGRATIONS_DIR } from './migrate.ts'

let database: Database | null = null
let before: string | null = null
afterAll(async () => {
  await database?.close()
  if (before) await rm(before, { recursive: true, force: true })
})

describe('migration 0007', () => {
  it('copies every shared function into visibility_reasons and freezes the old table', async () => {
    // The migrations before 0007, as a database migrated before this change has them.
    before = await mkdtemp(path.join(tmpdir(), 'vb-0007-'))
    for (const file of await readdir(MIGRATIONS_DIR))
      if (file < '0007') await cp(path.join(MIGRATIONS_DIR, file), path.join(before, file))
    database = await openDatabase({ databaseUrl: null, dataDir: null })
    const db = database.db
    await migrate(database, before)
    await sql`INSERT INTO zones (code, name, region) VALUES ('9001', 'Zone A', 'flanders')`.execute(db)
    const zone = (await db.selectFrom('zones').select('id').executeTakeFirstOrThrow()).id
    const people = await sql<{ id: string }>`INSERT INTO people
        (zone_id, employee_number, first_name, last_name, staff_kind, rank, employed_from)
      VALUES (${zone}, 'A1', 'An', 'Peeters', 'operational', 'inspecteur', '2020-01-01'),
             (${zone}, 'A2', 'Bert', 'Janssens', 'operational', 'agent', '2020-01-01') RETURNING id`.execute(db)
    const [a, b] = people.rows.map((r) => r.id)
    await sql`INSERT INTO person_shared_functions (person_id, domain_code, valid_from, valid_to) VALUES
      (${a}, 'permanence.officer_of_duty', '2021-01-01', NULL),
      (${a}, 'assistance', '2021-01-01', '2022-06-30'),
      (${b}, 'dpo', '2023-05-01', NULL)`.execute(db)

    await migrate(database)

    const copied = await sql<{ person_id: string; domain_code: string; period: string; kind: string; same: boolean }>`
      SELECT r.person_id, r.domain_code, r.period::text AS period, r.kind,
             (r.source_table = 'person_shared_functions' AND r.source_id = sf.id AND r.owner_zone_id = ${zone}
              AND r.partner_zone_id IS NULL) AS same
        FROM visibility_reasons r JOIN person_shared_functions sf ON sf.id = r.source_id
       ORDER BY r.person_id = ${a} DESC, r.domain_code`.execute(db)
    expect(copied.rows).toEqual([
      {
        person_id: a,
        domain_code: 'assistance',
        period: '[2021-01-01,2022-07-01)',
        kind: 'shared_function',
        same: true,
      },
      {
        person_id: a,
        domain_code: 'permanence.officer_of_duty',
        period: '[2021-01-01,)',
        kind: 'shared_function',
        same: true,
      },
      { person_id: b, domain_code: 'dpo', period: '[2023-05-01,)', kind: 'shared_function', same: true },
    ])
    await expect(
      sql`UPDATE person_shared_functions SET valid_to = '2024-01-01' WHERE person_id = ${b}`.execute(db),
    ).rejects.toThrow(/frozen/)
  })
})
