// The factories build what they promise, through the app's own write paths, with nothing shared between calls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  makeAgreement,
  makeAssociation,
  makePerson,
  makeUser,
  makeVisibilityReason,
  makeZone,
  sessionFor,
} from './factories.ts'
import { startTestApp, type TestApp } from './harness.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

describe('factories', () => {
  it('make distinct zones and associations with their member zones', async () => {
    const [a, b] = [await makeZone(t), await makeZone(t)]
    expect(a.code).not.toBe(b.code)
    const association = await makeAssociation(t, { zones: [a, b] })
    const members = await t.database.db
      .selectFrom('association_memberships')
      .select('zone_id')
      .where('association_id', '=', association.id)
      .execute()
    expect(members.map((m) => m.zone_id).sort()).toEqual([a.id, b.id].sort())
  })

  it('make an agreement in force through consent: every party approved its current content', async () => {
    const association = await makeAssociation(t, { zoneCount: 3 })
    const agreement = await makeAgreement(t, { association, domains: ['training'] })
    const admin = await sessionFor(t, await makeUser(t, 'admin', association))
    const res = await admin.request({ method: 'GET', url: `/api/agreements/${agreement.id}` })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'in_force', inForceNow: true, domains: ['training'] })
    expect(res.json().consent.map((c: { state: string }) => c.state)).toEqual(['approved', 'approved', 'approved'])
    const draft = await makeAgreement(t, { association, domains: ['training'], inForce: false })
    expect(draft.status).toBe('draft')
  })

  it('make a person visible to exactly the partner zone and domain of a reason, under an agreement in force', async () => {
    const association = await makeAssociation(t, { zoneCount: 3 })
    const [owner, partner, bystander] = association.zones as [
      (typeof association.zones)[number],
      (typeof association.zones)[number],
      (typeof association.zones)[number],
    ]
    await makeAgreement(t, { association, domains: ['assistance', 'training'] })
    const person = await makePerson(t, { zone: owner, rank: 'hoofdinspecteur', qualifications: ['priority_driving'] })
    await makeVisibilityReason(t, { person, partnerZone: partner, domain: 'assistance', kind: 'deployment' })
    const seen = async (zone: typeof owner) => {
      const planner = await sessionFor(t, await makeUser(t, 'planner', zone))
      return planner.request({ method: 'GET', url: `/api/people/${person.id}` })
    }
    const own = await seen(owner)
    expect(own.json()).toMatchObject({ visibility: 'own', rank: 'hoofdinspecteur' })
    const partnerView = await seen(partner)
    expect(partnerView.statusCode).toBe(200)
    expect(partnerView.json()).toMatchObject({
      visibility: 'partner',
      reasons: [{ kind: 'deployment', domain: 'assistance' }],
    })
    expect((await seen(bystander)).statusCode).toBe(404)
  })
})
