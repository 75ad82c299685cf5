import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../../test/harness.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const associationId = async (code: string) =>
  (await t.database.db.selectFrom('associations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id

describe('zones and associations', () => {
  it('keeps the 2025 mergers as history: Ham and Tessenderlo until 2024, Tessenderlo-Ham from 2025', async () => {
    const zone = (await t.app.inject({ method: 'GET', url: '/api/zones/5373' })).json()
    const byName = Object.fromEntries(
      (zone.municipalities as { name: string; validTo: string | null; mergedIntoName: string | null }[]).map((m) => [
        m.name,
        m,
      ]),
    )
    expect(byName.Ham).toMatchObject({ validTo: '2024-12-31', mergedIntoName: 'Tessenderlo-Ham' })
    expect(byName['Tessenderlo-Ham']).toMatchObject({ validFrom: '2025-01-01', validTo: null })
    expect(zone.associations.map((a: { code: string }) => a.code)).toEqual(['bht-heusden-zolder'])
  })

  it('shows MIDOW with its remaining municipalities, and where Meulebeke went, without prose in one language', async () => {
    const zone = (await t.app.inject({ method: 'GET', url: '/api/zones/5454' })).json()
    const current = (zone.municipalities as { name: string; validTo: string | null }[]).filter((m) => !m.validTo)
    expect(current.map((m) => m.name).sort()).toEqual(['Dentergem', 'Ingelmunster', 'Oostrozebeke', 'Wielsbeke'])
    const meulebeke = zone.municipalities.find((m: { name: string }) => m.name === 'Meulebeke')
    expect(meulebeke).toMatchObject({
      mergedIntoName: 'Tielt',
      mergedIntoZone: { code: '5448', name: 'Regio Tielt' },
      note: null,
    })
    // Ham merged into Tessenderlo-Ham within its own zone: nothing to add.
    const bht = (await t.app.inject({ method: 'GET', url: '/api/zones/5373' })).json()
    expect(bht.municipalities.find((m: { name: string }) => m.name === 'Ham').mergedIntoZone).toBeNull()
  })

  it('computes the association in figures per zone and in total, on any date', async () => {
    const chief = await t.login('korpschef.5373@demo.verbond.be')
    const id = await associationId('bht-heusden-zolder')
    const now = (await chief.request({ method: 'GET', url: `/api/associations/${id}/figures?date=2026-01-01` })).json()
    expect(now.total).toMatchObject({ municipalities: 3, population: 110_440, areaKm2: 216.36 })
    expect(now.zones.map((z: { code: string }) => z.code)).toEqual(['5373', '5375'])
    expect(now.total.staff).toBe(now.zones[0].staff + now.zones[1].staff)
    const before = (
      await chief.request({ method: 'GET', url: `/api/associations/${id}/figures?date=2024-06-01` })
    ).json()
    expect(before.total.municipalities).toBe(4)
    expect(now.quoted).toBeNull()
  })

  it('shows WVL4 staff summing to the 858 of the protocol, next to the figures the protocol quotes', async () => {
    const dpo = await t.login('dpo.5453@demo.verbond.be')
    const figures = (
      await dpo.request({ method: 'GET', url: `/api/associations/${await associationId('wvl4')}/figures` })
    ).json()
    expect(figures.total.staff).toBe(858)
    expect(figures.total.municipalities).toBe(13)
    expect(figures.quoted).toMatchObject({
      municipalities: 13,
      areaKm2: 624.63,
      staff: 858,
      budgetTotalCents: 8_907_830_000,
    })
  })

  it('says which year the population figures are from, whatever the reference date', async () => {
    const chief = await t.login('korpschef.5373@demo.verbond.be')
    const id = await associationId('bht-heusden-zolder')
    for (const date of ['2024-06-01', '2031-01-01']) {
      const figures = (
        await chief.request({ method: 'GET', url: `/api/associations/${id}/figures?date=${date}` })
      ).json()
      expect(figures.populationYears, date).toEqual([2020])
    }
  })

  it('rejects an impossible date', async () => {
    const chief = await t.login('korpschef.5373@demo.verbond.be')
    const res = await chief.request({
      method: 'GET',
      url: `/api/associations/${await associationId('bht-heusden-zolder')}/figures?date=2024-02-30`,
    })
    expect(res.statusCode).toBe(400)
  })
})

describe('people', () => {
  it('filters, pages and counts; partner people are only those shared', async () => {
    const planner = await t.login('planner.5375@demo.verbond.be')
    const all = (await planner.request({ method: 'GET', url: '/api/people?limit=200' })).json()
    const own = all.items.filter((p: { visibility: string }) => p.visibility === 'own')
    const partner = all.items.filter((p: { visibility: string }) => p.visibility === 'partner')
    expect(own.length).toBeGreaterThan(50)
    expect(partner.length).toBeGreaterThan(0)
    expect(
      partner.every((p: { zoneCode: string; sharedVia: string[] }) => p.zoneCode === '5373' && p.sharedVia.length > 0),
    ).toBe(true)
    const page2 = (await planner.request({ method: 'GET', url: '/api/people?limit=10&offset=10' })).json()
    expect(page2.total).toBe(all.total)
    expect(page2.items.map((p: { id: string }) => p.id)).toEqual(
      all.items.slice(10, 20).map((p: { id: string }) => p.id),
    )
    const past = (await planner.request({ method: 'GET', url: `/api/people?offset=${all.total + 5}` })).json()
    expect(past).toEqual({ items: [], total: all.total })
    const commissarissen = (
      await planner.request({ method: 'GET', url: '/api/people?rank=commissaris&limit=200' })
    ).json()
    expect(commissarissen.items.every((p: { rank: string }) => p.rank === 'commissaris')).toBe(true)
    const search = own[0].lastName as string
    const found = (
      await planner.request({ method: 'GET', url: `/api/people?q=${encodeURIComponent(search.toUpperCase())}` })
    ).json()
    expect(found.items.some((p: { id: string }) => p.id === own[0].id)).toBe(true)
    expect((await planner.request({ method: 'GET', url: '/api/people?q=%25' })).json().total).toBe(0)
  })
})
