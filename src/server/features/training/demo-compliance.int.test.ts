// The demo's year of GPI 48 attendance (issue 11), on the demo data set: fast, about 70/15/15 compliant, due soon
// and behind in every zone, officer.5381 behind with exactly 4/5 (one passed evaluation, nothing leaving the window
// within 60 days), first_aid expiry dates; a second run adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../../test/harness.ts'
import { today } from '../../platform/clock.ts'
import { complianceRepository } from './compliance-repository.ts'
import { zoneStanding } from './compliance-service.ts'
import { seedDemoCompliance } from './demo-compliance.ts'

let t: TestApp
let first: Record<string, number>
let ms: number
beforeAll(async () => {
  t = await startTestApp()
  const started = Date.now()
  first = await seedDemoCompliance(t.database.db)
  ms = Date.now() - started
})
afterAll(async () => {
  await t?.close()
})

describe('seedDemoCompliance', () => {
  it('makes a year of sessions for every demo zone in a few seconds, once', async () => {
    expect(first.sessions).toBeGreaterThan(0)
    expect(first.enrolments).toBeGreaterThan(first.sessions!)
    expect(ms).toBeLessThan(15_000)
    expect(await seedDemoCompliance(t.database.db)).toEqual({
      sessions: 0,
      enrolments: 0,
      qualifications: 0,
      upcoming: 0,
    })
  })

  it('gives each zone about 70 % compliant, 15 % due soon, 15 % behind', async () => {
    // The zones of an association (their sessions need one); a zone of none has no demo sessions.
    const zones = await t.database.db
      .selectFrom('zones')
      .select(['id', 'code'])
      .where('id', 'in', (eb) => eb.selectFrom('association_memberships').select('zone_id'))
      .execute()
    let checked = 0
    for (const z of zones) {
      const { people } = await zoneStanding(complianceRepository(t.database.db), z.id, today())
      if (people.length < 40) continue
      const share = (s: string) => people.filter((p) => p.gpi48.status === s).length / people.length
      expect(share('compliant'), z.code).toBeGreaterThan(0.6)
      expect(share('compliant'), z.code).toBeLessThan(0.8)
      expect(share('due_soon'), z.code).toBeGreaterThan(0.07)
      expect(share('behind'), z.code).toBeGreaterThan(0.07)
      checked++
    }
    expect(checked).toBeGreaterThanOrEqual(4)
  })

  it('leaves officer.5381 behind with 4/5, one passed evaluation, nothing leaving within 60 days', async () => {
    const session = await t.login('officer.5381@demo.verbond.be')
    const me = {
      personId: (await session.request({ method: 'GET', url: '/api/me' })).json<{ person: { id: string } }>().person.id,
    }
    const res = await session.request({ method: 'GET', url: `/api/training/compliance/people/${me.personId}` })
    expect(res.statusCode).toBe(200)
    const { gpi48, sessions } = res.json()
    expect(gpi48).toMatchObject({ status: 'behind', counted: 4, evaluations: 1, required: { sessions: 5 } })
    const latest = sessions.filter((s: { counted: boolean }) => s.counted).at(-1).day as string
    expect(latest < today()).toBe(true)
    expect(Date.parse(today()) - Date.parse(latest)).toBeGreaterThan(14 * 86_400_000)
    // 60 days on, with no new session, still four.
    const later = new Date(Date.parse(today()) + 60 * 86_400_000).toISOString().slice(0, 10)
    const then = await session.request({
      method: 'GET',
      url: `/api/training/compliance/people/${me.personId}?asOf=${later}`,
    })
    expect(then.json().gpi48.counted).toBe(4)
    // Something to suggest: GPI 48 first, as the officer is behind.
    const suggested = await session.request({ method: 'GET', url: '/api/training/suggestions' })
    expect(suggested.statusCode).toBe(200)
    expect(suggested.json().suggestions[0]).toMatchObject({ reason: 'gpi48_behind', clash: null })
  })

  it('dates first_aid: some expire within 60 days, some have lapsed', async () => {
    const rows = await t.database.db
      .selectFrom('person_qualifications')
      .select('valid_until')
      .where('qualification_code', '=', 'first_aid')
      .execute()
    const day = today()
    const horizon = new Date(Date.parse(day) + 60 * 86_400_000).toISOString().slice(0, 10)
    expect(rows.filter((r) => r.valid_until !== null && r.valid_until < day).length).toBeGreaterThan(5)
    expect(
      rows.filter((r) => r.valid_until !== null && r.valid_until >= day && r.valid_until <= horizon).length,
    ).toBeGreaterThan(5)
  })
})
