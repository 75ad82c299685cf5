// People across zones: filters may use only what the partner view shows, totals count only visible people,
// and every read of a partner's people is logged in that zone's chain with every domain that allowed it.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  makeAgreement,
  makeAssociation,
  makePerson,
  makeUser,
  makeVisibilityReason,
  sessionFor,
} from '../../../../test/factories.ts'
import { startTestApp, type Session, type TestApp } from '../../../../test/harness.ts'
import { addReasons } from '../../platform/visibility.ts'

let t: TestApp
let planner: Session
let partnerZone: string
/** A partner-zone person shared through the officer-of-duty pool, an OGP and an informant handler. */
let shared: string

// Built by factories, not taken from the demo: two zones of a fresh association whose agreement in force lists
// the officer-of-duty pool and assistance; a planner of the one, a shared and an unshared person of the other.
beforeAll(async () => {
  t = await startTestApp()
  const association = await makeAssociation(t, { zoneCount: 2 })
  const [own, partner] = association.zones as [(typeof association.zones)[0], (typeof association.zones)[0]]
  await makeAgreement(t, { association, domains: ['permanence.officer_of_duty', 'assistance'] })
  planner = await sessionFor(t, await makeUser(t, 'planner', own))
  partnerZone = partner.id
  const person = await makePerson(t, { zone: partner, qualifications: ['informant_handler', 'ogp'] })
  await makeVisibilityReason(t, { person, domain: 'permanence.officer_of_duty', from: '2024-01-01' })
  shared = person.id
  // Not shared: never listed, never counted.
  await makePerson(t, { zone: partner, qualifications: ['informant_handler', 'ogp'] })
})
afterAll(() => t.close())

interface Listed {
  items: { id: string; zoneId: string; visibility: string; qualifications: string[] }[]
  total: number
}
const list = async (query: string) => {
  const res = await planner.request({ method: 'GET', url: `/api/people?${query}` })
  expect(res.statusCode).toBe(200)
  return res.json<Listed>()
}

describe('people of a partner zone', () => {
  it('are not found by a qualification the partner view does not show', async () => {
    const hidden = await list(`zoneId=${partnerZone}&qualification=informant_handler&limit=200`)
    expect(hidden.items.map((p) => p.id)).not.toContain(shared)
    expect(hidden.items.every((p) => p.qualifications.includes('informant_handler'))).toBe(true)
    expect(hidden.total).toBe(0)
    // The officer-of-duty view shows the OGP qualification: that filter still finds them.
    const visible = await list(`zoneId=${partnerZone}&qualification=ogp&limit=200`)
    expect(visible.items.map((p) => p.id)).toContain(shared)
    expect(visible.items.every((p) => p.qualifications.includes('ogp'))).toBe(true)
    expect(visible.total).toBe(1) // the unshared OGP of the same zone is neither listed nor counted
  })

  it('past the last page, the total counts only people the actor can see', async () => {
    expect((await list(`zoneId=${partnerZone}&qualification=informant_handler&offset=500`)).total).toBe(0)
    const page1 = await list(`zoneId=${partnerZone}&qualification=ogp&limit=1`)
    const past = await list(`zoneId=${partnerZone}&qualification=ogp&offset=500`)
    expect(past.items).toEqual([])
    expect(past.total).toBe(page1.total)
  })

  it('a page past the end still discloses a count of partner people: logged in their zone', async () => {
    const before = await t.database.db
      .selectFrom('audit_events')
      .select(sql<number>`coalesce(max(id), 0)::int`.as('id'))
      .executeTakeFirstOrThrow()
    const past = await list(`zoneId=${partnerZone}&offset=900`)
    expect(past.total).toBe(1) // the factory's shared person, and only them
    const logged = await t.database.db
      .selectFrom('audit_events')
      .select(['details', 'domain'])
      .where('chain_zone_id', '=', partnerZone)
      .where('action', '=', 'person.list')
      .where(sql<boolean>`details ? 'counted'`)
      .where('id', '>', before.id)
      .execute()
    const counted = logged.reduce((sum, e) => sum + Number((e.details as { counted: number }).counted), 0)
    expect(counted).toBe(past.total)
  })

  it('a read allowed by several domains logs every one of them', async () => {
    await t.database.db.transaction().execute((trx) =>
      addReasons(trx, [
        {
          personId: shared,
          ownerZoneId: partnerZone,
          partnerZoneId: null,
          domain: 'assistance',
          kind: 'shared_function',
          source: null,
          from: '2024-03-01',
          to: null,
        },
      ]),
    )
    const res = await planner.request({ method: 'GET', url: `/api/people/${shared}` })
    expect(res.json()).toMatchObject({ sharedVia: ['assistance', 'permanence.officer_of_duty'] })
    const logged = await t.database.db
      .selectFrom('audit_events')
      .select(['domain', 'details'])
      .where('chain_zone_id', '=', partnerZone)
      .where('action', '=', 'person.read')
      .where('object_id', '=', shared)
      .execute()
    expect(logged).toEqual([
      {
        domain: 'assistance',
        details: {
          personIds: [shared],
          domains: ['assistance', 'permanence.officer_of_duty'],
          reasons: [
            { kind: 'shared_function', domain: 'assistance' },
            { kind: 'shared_function', domain: 'permanence.officer_of_duty' },
          ],
        },
      },
    ])
  })
})
