// People across zones: filters may use only what the partner view shows, totals count only visible people,
// and every read of a partner's people is logged in that zone's chain with every domain that allowed it.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type Session, type TestApp } from '../../../../test/harness.ts'
import { addReasons } from '../../platform/visibility.ts'

let t: TestApp
let planner: Session
let partnerZone: string
/** A 5375 person shared with 5373 through the officer-of-duty pool, made an informant handler here. */
let shared: string

const zoneId = async (code: string) =>
  (await t.database.db.selectFrom('zones').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id

beforeAll(async () => {
  t = await startTestApp()
  planner = await t.login('planner.5373@demo.verbond.be')
  partnerZone = await zoneId('5375')
  const db = t.database.db
  shared = (
    await db
      .selectFrom('people as p')
      .innerJoin('visibility_reasons as r', 'r.person_id', 'p.id')
      .select('p.id')
      .where('p.zone_id', '=', partnerZone)
      .where('r.kind', '=', 'shared_function')
      .where('r.domain_code', '=', 'permanence.officer_of_duty')
      .orderBy('p.employee_number')
      .executeTakeFirstOrThrow()
  ).id
  await sql`INSERT INTO person_qualifications (person_id, qualification_code) VALUES (${shared}, 'informant_handler'), (${shared}, 'ogp')
            ON CONFLICT DO NOTHING`.execute(db)
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
    expect(past.total).toBeGreaterThan(0)
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
