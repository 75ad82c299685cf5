// Seeds a fresh in-memory PGlite (not the shared test template, which already holds the demo data), so
// that the counts below come from this seed alone.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from '../platform/db.ts'
import { contentHash, keyFiguresContent } from '../features/agreements/domain.ts'
import { migrate } from '../platform/migrate.ts'
import { demoAccountEmail, demoData, ZONE_ROLES } from './data.ts'
import { chunks, seedDemo } from './seed.ts'

const FAKE_HASH = '$argon2id$test'
const WVL4_ZONES = ['5456', '5461', '5460', '5453']

let database: Database
let firstRun: Awaited<ReturnType<typeof seedDemo>>
let seedMs = 0

beforeAll(async () => {
  database = await openDatabase({ databaseUrl: null, dataDir: null })
  await migrate(database)
  const started = performance.now()
  firstRun = await seedDemo(database.db, { passwordHash: FAKE_HASH })
  seedMs = performance.now() - started
})

afterAll(async () => {
  await database.close()
})

const count = async (table: string): Promise<number> => {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(database.db)
  return rows[0]?.n ?? 0
}

describe('seedDemo', () => {
  it('seeds once, reports what it inserted, and is quick', () => {
    expect(firstRun.seeded).toBe(true)
    const data = demoData()
    expect(firstRun.counts).toMatchObject({
      zones: 11,
      municipalities: data.municipalities.length,
      associations: 4,
      agreements: 5,
      people: data.people.length,
      users: 1 + 11 * ZONE_ROLES.length,
    })
    // Generous: the point is "batched", not a benchmark (measured ~0.3 s on a laptop).
    expect(seedMs).toBeLessThan(10_000)
  })

  it('writes the counts the data set describes', async () => {
    const data = demoData()
    expect(await count('zones')).toBe(11)
    expect(await count('municipalities')).toBe(data.municipalities.length)
    expect(await count('associations')).toBe(4)
    expect(await count('association_memberships')).toBe(10)
    expect(await count('agreements')).toBe(5)
    expect(await count('agreement_parties')).toBe(12) // 2 + 2 + 2 + 2 (Houtsche–Tielt twice) + 4
    expect(await count('agreement_approvals')).toBe(data.agreements.flatMap((a) => a.approvals).length)
    expect(await count('agreement_key_figures')).toBe(1)
    expect(await count('people')).toBe(data.people.length)
    expect(await count('person_qualifications')).toBe(data.people.flatMap((p) => p.qualifications).length)
    expect(await count('visibility_reasons')).toBe(data.sharedFunctions.length)
    expect(await count('users')).toBe(1 + 11 * 7)
    expect(await count('user_roles')).toBe(4 + 11 * 7)
  })

  it('seeds approvals that bind the content of their agreement (the consent rule)', async () => {
    const agreements = await database.db.selectFrom('agreements').selectAll().execute()
    for (const a of agreements) {
      const parties = await database.db
        .selectFrom('agreement_parties')
        .select('zone_id')
        .where('agreement_id', '=', a.id)
        .execute()
      const domains = await database.db
        .selectFrom('agreement_domains')
        .select('domain_code')
        .where('agreement_id', '=', a.id)
        .execute()
      const f = await database.db
        .selectFrom('agreement_key_figures')
        .selectAll()
        .where('agreement_id', '=', a.id)
        .executeTakeFirst()
      const hash = contentHash({
        partyZoneIds: parties.map((p) => p.zone_id),
        domains: domains.map((d) => d.domain_code),
        effectiveFrom: a.effective_from,
        effectiveTo: a.effective_to,
        trialMonths: a.trial_months,
        keyFigures: keyFiguresContent(f),
      })
      expect(a.content_hash, a.title).toBe(hash)
      const approvals = await database.db
        .selectFrom('agreement_approvals')
        .selectAll()
        .where('agreement_id', '=', a.id)
        .execute()
      for (const ap of approvals) expect(ap.content_hash, a.title).toBe(hash)
    }
  })

  it('gives the WVL4 zones 858 people together', async () => {
    const rows = await database.db
      .selectFrom('people as p')
      .innerJoin('zones as z', 'z.id', 'p.zone_id')
      .select(['z.code', (eb) => eb.fn.countAll<number>().as('n')])
      .where('z.code', 'in', WVL4_ZONES)
      .groupBy('z.code')
      .execute()
    expect(rows).toHaveLength(4)
    expect(rows.reduce((sum, r) => sum + Number(r.n), 0)).toBe(858)
  })

  it('links merged municipalities to the new one and stores the WVL4 budget in cents', async () => {
    const meulebeke = await database.db
      .selectFrom('municipalities as m')
      .innerJoin('municipalities as into', 'into.id', 'm.merged_into_id')
      .innerJoin('zones as z', 'z.id', 'm.zone_id')
      .select(['into.nis_code', 'into.name', 'z.code'])
      .where('m.nis_code', '=', '37007')
      .executeTakeFirstOrThrow()
    expect(meulebeke).toEqual({ nis_code: '37022', name: 'Tielt', code: '5454' })
    const figures = await database.db
      .selectFrom('agreement_key_figures as f')
      .innerJoin('agreements as a', 'a.id', 'f.agreement_id')
      .innerJoin('associations as s', 's.id', 'a.association_id')
      .selectAll('f')
      .where('s.code', '=', 'wvl4')
      .executeTakeFirstOrThrow()
    expect(figures).toMatchObject({
      municipalities_count: 13,
      area_km2: 624.63,
      staff_count: 858,
      budget_ordinary_cents: 7_215_908_700,
      budget_extraordinary_cents: 1_691_921_300,
      budget_total_cents: 8_907_830_000,
    })
  })

  it('links each zone account to a person of its zone, all with the given hash', async () => {
    const rows = await database.db
      .selectFrom('users as u')
      .innerJoin('user_roles as r', 'r.user_id', 'u.id')
      .innerJoin('zones as z', 'z.id', 'r.zone_id')
      .innerJoin('people as p', 'p.id', 'u.person_id')
      .select(['u.email', 'u.password_hash', 'r.role', 'z.code as role_zone', 'p.zone_id', 'z.id as zone_id_of_role'])
      .execute()
    expect(rows).toHaveLength(11 * 7)
    for (const r of rows) {
      expect(r.email).toBe(demoAccountEmail(r.role as (typeof ZONE_ROLES)[number], r.role_zone))
      expect(r.zone_id).toBe(r.zone_id_of_role)
      expect(r.password_hash).toBe(FAKE_HASH)
    }
  })

  it('does nothing the second time', async () => {
    const again = await seedDemo(database.db, { passwordHash: FAKE_HASH })
    expect(again).toEqual({ seeded: false, counts: {} })
    expect(await count('people')).toBe(demoData().people.length)
  })
})

describe('chunks', () => {
  it('splits into batches of at most the given size, keeping order', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]])
    expect(chunks([], 500)).toEqual([])
  })
})
