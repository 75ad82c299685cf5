// The equipment demo (issue 10) on the demo data set: every demo zone gets its catalogue once (a second run adds
// nothing), validity dates follow the clock, Westkust's lendable radar is there for the e2e walk, Polder's second
// radar is flagged, RIHO's is in maintenance, every weapon starts in its zone's armoury, Oostkamp has four lanes.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../../test/harness.ts'
import { runWithClock, TestClock } from '../../platform/clock.ts'
import { seedDemoAssets } from './demo-assets.ts'

const clock = new TestClock('2026-06-01T08:00:00Z')
let t: TestApp
let first: { assets: number; validities: number }

beforeAll(async () => {
  t = await startTestApp({}, { clock })
  first = await runWithClock(clock, () => seedDemoAssets(t.database.db))
})
afterAll(async () => {
  await t?.close()
})

const assetsOf = (code: string) =>
  t.database.db
    .selectFrom('assets as a')
    .innerJoin('zones as z', 'z.id', 'a.zone_id')
    .select(['a.id', 'a.kind', 'a.name', 'a.status', 'a.lendable'])
    .where('z.code', '=', code)
    .execute()

describe('seedDemoAssets', () => {
  it('seeds every demo zone once; a second run adds nothing', async () => {
    const total = await t.database.db
      .selectFrom('assets')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
    expect(first.assets).toBe(total.n)
    expect(first.assets).toBeGreaterThan(60)
    for (const code of ['5456', '5461', '5460', '5453', '5382', '5381', '5373', '5375', '5447', '5448'])
      expect((await assetsOf(code)).length, code).toBeGreaterThanOrEqual(4)
    expect(await runWithClock(clock, () => seedDemoAssets(t.database.db))).toEqual({ assets: 0, validities: 0 })
  })

  it('gives each WVL4 zone a lendable mobile speed radar; Westkust’s calibration holds ~200 days', async () => {
    for (const code of ['5456', '5461', '5460', '5453']) {
      const radars = (await assetsOf(code)).filter((a) => a.kind === 'speed_radar' && a.lendable)
      expect(radars.length, code).toBeGreaterThanOrEqual(1)
    }
    const westkust = await t.database.db
      .selectFrom('assets as a')
      .innerJoin('asset_validities as v', 'v.asset_id', 'a.id')
      .select(['v.kind', 'v.valid_until'])
      .where('a.name', '=', 'Mobiele snelheidsradar Westkust')
      .orderBy('v.valid_until')
      .execute()
    expect(westkust).toEqual([
      { kind: 'calibration', valid_until: '2026-12-18' },
      { kind: 'approval', valid_until: '2027-11-03' },
    ])
  })

  it('has a radar lapsing in ten days, one in maintenance, weapons in their armoury, Oostkamp’s four lanes', async () => {
    const lapsing = await t.database.db
      .selectFrom('assets as a')
      .innerJoin('asset_validities as v', 'v.asset_id', 'a.id')
      .select('v.valid_until')
      .where('a.name', '=', 'Mobiele snelheidsradar Polder 2')
      .where('v.kind', '=', 'calibration')
      .executeTakeFirstOrThrow()
    expect(lapsing.valid_until).toBe('2026-06-11')
    expect((await assetsOf('5453')).filter((a) => a.status === 'maintenance').map((a) => a.name)).toEqual([
      'Mobiele snelheidsradar RIHO 2',
    ])
    const weapons = await t.database.db.selectFrom('assets').select('id').where('kind', '=', 'weapon').execute()
    const held = await t.database.db
      .selectFrom('weapon_custody')
      .select('asset_id')
      .where('holder_person_id', 'is', null)
      .where(sql<boolean>`upper_inf(period)`)
      .execute()
    expect(held.map((h) => h.asset_id).sort()).toEqual(weapons.map((w) => w.id).sort())
    const westkustWeapons = (await assetsOf('5461')).filter((a) => a.kind === 'weapon')
    expect(westkustWeapons.filter((w) => w.lendable).map((w) => w.name)).toEqual(['Oefenwapen Westkust'])
    expect(
      (await assetsOf('5447'))
        .filter((a) => a.kind === 'range_lane')
        .map((a) => a.name)
        .sort(),
    ).toEqual([1, 2, 3, 4].map((n) => `Schietstand Oostkamp baan ${n}`))
  })
})
