// The training demo: upcoming sessions shared by Voeren and Bilzen-Hoeselt-Riemst with places by FTE, Het
// Houtsche's own sessions on two range lanes, trainers seen across the pair, free places left; seeded once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../../test/harness.ts'
import { today } from '../../platform/clock.ts'
import { addDays } from '../../platform/time.ts'
import { seedDemoAssets } from '../equipment/demo-assets.ts'
import { seedDemoTraining } from './demo-training.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

interface Summary {
  id: string
  zone: { code: string }
  course: { code: string }
  places: number
  free: number
  enrolled: number
}

describe('training demo', () => {
  it('seeds shared and own sessions once, with places, trainers, lanes and free places', async () => {
    await seedDemoAssets(t.database.db)
    const counts = await seedDemoTraining(t.database.db)
    expect(counts.sessions).toBe(18)
    expect(counts.laneBookings).toBe(16)
    expect(await seedDemoTraining(t.database.db)).toEqual({})

    const url = `/api/training/sessions?from=${today()}&to=${addDays(today(), 62)}`
    const trainer = await t.login('trainer.5382@demo.verbond.be')
    const list = (await trainer.request({ method: 'GET', url })).json<{ sessions: Summary[] }>().sessions
    expect(new Set(list.map((s) => s.zone.code))).toEqual(new Set(['5382', '5381']))
    expect(list.some((s) => s.course.code === 'GPI48-EV')).toBe(true)
    expect(list.every((s) => s.places > 0 && s.free > 0)).toBe(true)
    expect(list.some((s) => s.enrolled > 0)).toBe(true)

    const candidates = (await trainer.request({ method: 'GET', url: '/api/training/trainer-candidates' })).json<{
      candidates: { zone: { code: string } }[]
    }>()
    expect(candidates.candidates.some((c) => c.zone.code === '5381')).toBe(true)

    const houtsche = await t.login('korpschef.5447@demo.verbond.be')
    const own = (await houtsche.request({ method: 'GET', url })).json<{ sessions: Summary[] }>().sessions
    expect(own.length).toBe(8)
    const one = (await houtsche.request({ method: 'GET', url: `/api/training/sessions/${own[0]!.id}` })).json<{
      lanes: { assetName: string; bookingStatus: string }[]
    }>()
    expect(one.lanes.map((l) => l.assetName)).toEqual(['Schietstand Oostkamp baan 1', 'Schietstand Oostkamp baan 2'])
  })
})
