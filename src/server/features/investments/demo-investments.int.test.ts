// The investments demo: two investments of Voeren and Bilzen-Hoeselt-Riemst, with real population inputs, their
// assets and running costs, once; and what the korpschef of 5382 then sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../../test/harness.ts'
import { seedDemoInvestments } from './demo-investments.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

describe('investments demo', () => {
  it('seeds the server park and the speed radar once, with real figures as the key inputs', async () => {
    const seeded = await seedDemoInvestments(t.database.db)
    expect(seeded.investments).toBe(2)
    expect(seeded.assets).toBe(3)
    expect(seeded.costs).toBeGreaterThanOrEqual(6)
    expect(await seedDemoInvestments(t.database.db)).toEqual({ investments: 0, assets: 0, costs: 0 })
    const chief = await t.login('korpschef.5382@demo.verbond.be')
    const list = (await chief.request({ method: 'GET', url: '/api/investments' })).json()
    expect(list.items.map((i: { title: string }) => i.title).sort()).toEqual([
      'Gemeenschappelijk serverpark',
      'Mobiele snelheidsradar',
    ])
    const park = list.items.find((i: { title: string }) => i.title === 'Gemeenschappelijk serverpark')
    expect(park).toMatchObject({ amountCents: 18_425_000, currentKey: { method: 'mix' }, assetCount: 2 })
    const detail = (await chief.request({ method: 'GET', url: `/api/investments/${park.id}` })).json()
    const inputs = Object.values<{ population: number; fte: number }>(detail.costKeys[0].inputs)
    expect(inputs).toHaveLength(2)
    expect(inputs.every((i) => i.population > 1000)).toBe(true)
    const radar = list.items.find((i: { title: string }) => i.title === 'Mobiele snelheidsradar')
    const radarDetail = (await chief.request({ method: 'GET', url: `/api/investments/${radar.id}` })).json()
    expect(radarDetail.costKeys.map((k: { method: string }) => k.method)).toEqual(['usage_hours', 'equal'])
    // Nobody of another association sees them.
    const foreign = await t.login('korpschef.5373@demo.verbond.be')
    expect((await foreign.request({ method: 'GET', url: `/api/investments/${park.id}` })).statusCode).toBe(404)
  })
})
