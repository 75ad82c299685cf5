// The bookings demo: a year of returned loans of the joint radar, once; the keeper sees Voeren's loans with their
// collector, and the radar's usage-hours key has usage of both zones to divide.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../../test/harness.ts'
import { today } from '../../platform/clock.ts'
import { seedDemoInvestments } from '../investments/demo-investments.ts'
import { seedDemoBookings } from './demo-bookings.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

interface Booking {
  status: string
  borrowerZone: { code: string }
  collector: { name: string } | null
  handovers: unknown[]
}

describe('bookings demo', () => {
  it('seeds a year of returned loans of the joint radar once, used by both zones', async () => {
    expect(await seedDemoBookings(t.database.db)).toEqual({ bookings: 0 }) // no radar yet
    await seedDemoInvestments(t.database.db)
    const { bookings } = await seedDemoBookings(t.database.db)
    expect(bookings).toBeGreaterThan(40)
    expect(await seedDemoBookings(t.database.db)).toEqual({ bookings: 0 })

    const keeper = await t.login('logistics.5381@demo.verbond.be')
    const list = (
      await keeper.request({ method: 'GET', url: '/api/equipment/bookings?side=keeper&status=returned' })
    ).json<{ items: Booking[] }>()
    const voeren = list.items.filter((b) => b.borrowerZone.code === '5382')
    expect(voeren.length).toBeGreaterThan(0)
    expect(voeren.every((b) => b.collector !== null && b.handovers.length === 2)).toBe(true)

    const chief = await t.login('korpschef.5382@demo.verbond.be')
    const investments = (await chief.request({ method: 'GET', url: '/api/investments' })).json<{
      items: { id: string; title: string }[]
    }>()
    const radar = investments.items.find((i) => i.title === 'Mobiele snelheidsradar')!
    const from = new Date(Date.parse(`${today()}T00:00:00Z`) - 360 * 86_400_000).toISOString().slice(0, 10)
    const shares = (
      await chief.request({ method: 'GET', url: `/api/investments/${radar.id}/shares?from=${from}&to=${today()}` })
    ).json<{ keys: { method: string; inputs: { usageHours: number | null }[] }[] }>()
    const usage = shares.keys.find((k) => k.method === 'usage_hours')!
    expect(usage.inputs.every((i) => (i.usageHours ?? 0) > 0)).toBe(true)

    // Voeren's loans carry the agreed fee: the settlement charges it to Voeren and credits the keeper.
    const { association_id } = await t.database.db
      .selectFrom('equipment_loan_terms')
      .select('association_id')
      .where('kind', '=', 'speed_radar')
      .executeTakeFirstOrThrow()
    const settlement = (
      await chief.request({
        method: 'GET',
        url: `/api/investments/associations/${association_id}/settlement?from=${from}&to=${today()}`,
      })
    ).json<{
      zones: { zone: { code: string }; lines: { kind: string; chargedCents: number; creditedCents: number }[] }[]
    }>()
    const fees = (code: string) =>
      settlement.zones.find((z) => z.zone.code === code)!.lines.filter((l) => l.kind === 'loan_fee')
    expect(fees('5382').reduce((sum, l) => sum + l.chargedCents, 0)).toBeGreaterThan(0)
    expect(fees('5381').reduce((sum, l) => sum + l.creditedCents, 0)).toBe(
      fees('5382').reduce((sum, l) => sum + l.chargedCents, 0),
    )
  })
})
