// The briefing demo (issue 11) on the demo data: four teams per zone, every operational person in one, items of
// every category for the zones of the associations (one restricted wanted person each), and nothing more a second time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../../test/harness.ts'
import { seedDemoBriefing } from './demo.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(async () => {
  await t?.close()
})

describe('seedDemoBriefing', () => {
  it('makes teams, puts operational people in them, writes current items; idempotent', async () => {
    const db = t.database.db
    const first = await seedDemoBriefing(db)
    expect(first.items).toBeGreaterThan(0)
    const bilzen = await db.selectFrom('zones').select('id').where('code', '=', '5381').executeTakeFirstOrThrow()
    const teams = await db.selectFrom('teams').select('code').where('zone_id', '=', bilzen.id).orderBy('code').execute()
    expect(teams.map((x) => x.code)).toEqual(['interventie', 'recherche', 'verkeer', 'wijk'])
    const teamless = await db
      .selectFrom('people')
      .select('id')
      .where('zone_id', '=', bilzen.id)
      .where('staff_kind', '=', 'operational')
      .where('team_id', 'is', null)
      .execute()
    expect(teamless).toEqual([])
    const items = await db
      .selectFrom('briefing_items')
      .select(['category', 'restricted', 'title'])
      .where('zone_id', '=', bilzen.id)
      .execute()
    expect(new Set(items.map((i) => i.category))).toEqual(
      new Set(['wanted_person', 'wanted_vehicle', 'attention_point', 'event', 'working_instruction', 'officer_safety']),
    )
    expect(items.filter((i) => i.restricted).map((i) => i.category)).toEqual(['wanted_person'])
    expect(items.find((i) => i.category === 'event')?.title).toMatch(/Bilzen-Hoeselt|Riemst/)
    expect(await seedDemoBriefing(db)).toEqual({ teams: 0, people: 0, items: 0 })
  })
})
