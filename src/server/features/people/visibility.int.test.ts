// The people feature does not know where visibility comes from: any feature's reason row, of any kind, makes a
// person visible to exactly the partner zone and domain it names, while an agreement in force lists that
// domain for both zones; the read is logged with that reason. The visibility fragment is answered by indexes.
import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type Session, type TestApp } from '../../../../test/harness.ts'
import { loadGrants } from '../../platform/grants.ts'
import { brusselsDate } from '../../platform/time.ts'
import { addReasons, personVisible, visibilityScope, type NewReason } from '../../platform/visibility.ts'

let t: TestApp
const zones: Record<string, string> = {}
/** Planners of three WVL4 zones: 5453 (RIHO), 5456 (Vlas) and 5373 (BHT, another association). */
let riho: Session
let vlas: Session
let bht: Session

const zoneId = async (code: string) =>
  (await t.database.db.selectFrom('zones').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id

/** An operational person of Westkust (5461) for whom no reason exists yet. */
const personWithoutReasons = async (skip: readonly string[] = []) =>
  (
    await t.database.db
      .selectFrom('people as p')
      .select('p.id')
      .where('p.zone_id', '=', zones['5461']!)
      .where('p.staff_kind', '=', 'operational')
      .where('p.id', 'not in', skip.length ? [...skip] : [randomUUID()])
      .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM visibility_reasons r WHERE r.person_id = p.id)`)
      .orderBy('p.employee_number')
      .executeTakeFirstOrThrow()
  ).id

const reason = (personId: string, overrides: Partial<NewReason>): NewReason => ({
  personId,
  ownerZoneId: zones['5461']!,
  partnerZoneId: zones['5453']!,
  domain: 'equipment',
  // A kind no feature knows today: the people feature must not care.
  kind: 'joint_exercise',
  source: { table: 'joint_exercises', id: randomUUID() },
  from: '2020-01-01',
  to: null,
  ...overrides,
})
const add = (...reasons: NewReason[]) => t.database.db.transaction().execute((trx) => addReasons(trx, reasons))
const status = async (session: Session, id: string) =>
  (await session.request({ method: 'GET', url: `/api/people/${id}` })).statusCode

beforeAll(async () => {
  t = await startTestApp()
  for (const code of ['5453', '5456', '5461', '5373']) zones[code] = await zoneId(code)
  ;[riho, vlas, bht] = await Promise.all([
    t.login('planner.5453@demo.verbond.be'),
    t.login('planner.5456@demo.verbond.be'),
    t.login('planner.5373@demo.verbond.be'),
  ])
})
afterAll(() => t.close())

describe('a visibility reason of a new kind', () => {
  it('shows the person to exactly the partner zone and domain it names, logged with that reason', async () => {
    const person = await personWithoutReasons()
    await sql`INSERT INTO person_qualifications (person_id, qualification_code) VALUES (${person}, 'drone_pilot'), (${person}, 'informant_handler')
              ON CONFLICT DO NOTHING`.execute(t.database.db)
    for (const s of [riho, vlas, bht]) expect(await status(s, person)).toBe(404)

    await add(reason(person, {}))

    const res = await riho.request({ method: 'GET', url: `/api/people/${person}` })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      visibility: 'partner',
      reasons: [{ kind: 'joint_exercise', domain: 'equipment' }],
      sharedVia: ['equipment'],
      // The equipment view shows drone pilots, never the informant handler.
      qualifications: ['drone_pilot'],
    })
    // Vlas is party to the same agreement, listing the same domain, but the reason does not name it.
    expect(await status(vlas, person)).toBe(404)
    expect(await status(bht, person)).toBe(404)
    const listed = await riho.request({ method: 'GET', url: `/api/people?zoneId=${zones['5461']}&limit=200` })
    expect(listed.json<{ items: { id: string }[] }>().items.map((p) => p.id)).toContain(person)
    const vlasList = await vlas.request({ method: 'GET', url: `/api/people?zoneId=${zones['5461']}&limit=200` })
    expect(vlasList.json<{ items: { id: string }[] }>().items.map((p) => p.id)).not.toContain(person)

    const logged = await t.database.db
      .selectFrom('audit_events')
      .select(['actor_zone_id', 'domain', 'details'])
      .where('chain_zone_id', '=', zones['5461']!)
      .where('action', '=', 'person.read')
      .where('object_id', '=', person)
      .execute()
    expect(logged).toEqual([
      {
        actor_zone_id: zones['5453'],
        domain: 'equipment',
        details: {
          personIds: [person],
          domains: ['equipment'],
          reasons: [{ kind: 'joint_exercise', domain: 'equipment' }],
        },
      },
    ])
  })

  it('opens nothing unless the agreement in force lists its domain for both zones, on the day of access', async () => {
    const person = await personWithoutReasons()
    // WVL4's agreement does not list `briefing`; a reason under it opens nothing.
    await add(reason(person, { domain: 'briefing' }))
    expect(await status(riho, person)).toBe(404)
    // BHT has no agreement with Westkust at all.
    await add(reason(person, { partnerZoneId: zones['5373']!, domain: 'assistance' }))
    expect(await status(bht, person)).toBe(404)
    // A reason that starts tomorrow, or ended yesterday, opens nothing today.
    const today = brusselsDate(new Date())
    const tomorrow = new Date(`${today}T12:00:00Z`)
    tomorrow.setUTCDate(tomorrow.getUTCDate() + 1)
    await add(reason(person, { from: tomorrow.toISOString().slice(0, 10) }))
    await add(reason(person, { domain: 'ict', from: '2020-01-01', to: '2021-12-31' }))
    expect(await status(riho, person)).toBe(404)
    // Open to every partner of the domain (a shared function): RIHO and Vlas both see them, BHT still not.
    await add(reason(person, { partnerZoneId: null, domain: 'assistance', kind: 'shared_function', source: null }))
    expect(await status(riho, person)).toBe(200)
    expect(await status(vlas, person)).toBe(200)
    expect(await status(bht, person)).toBe(404)
  })

  it('is refused by the database when the owner zone is not the person’s zone', async () => {
    const person = await personWithoutReasons()
    await expect(add(reason(person, { ownerZoneId: zones['5456']! }))).rejects.toThrow(/visibility_reasons_person/)
  })
})

describe('the same reason', () => {
  it('may end and start again, but never twice for one day', async () => {
    const person = await personWithoutReasons()
    const designation = (from: string, to: string | null) =>
      reason(person, { partnerZoneId: null, domain: 'assistance', kind: 'shared_function', source: null, from, to })
    await add(designation('2020-01-01', '2020-12-31'), designation('2022-01-01', null))
    await expect(add(designation('2023-01-01', '2023-01-31'))).rejects.toThrow(/visibility_reasons_no_overlap/)
  })
})

describe('shared functions before migration 0007', () => {
  it('are frozen: a new designation is a visibility reason', async () => {
    const person = await personWithoutReasons()
    await expect(
      sql`INSERT INTO person_shared_functions (person_id, domain_code, valid_from) VALUES (${person}, 'assistance', '2024-01-01')`.execute(
        t.database.db,
      ),
    ).rejects.toThrow(/frozen/)
  })
})

describe('the visibility fragment', () => {
  it('is answered through indexes (uuid[] parameters, no casts of columns)', async () => {
    const date = brusselsDate(new Date())
    const scope = visibilityScope([zones['5453']!], await loadGrants(t.database.db, [zones['5453']!], date), date)
    expect(scope.reach.length).toBeGreaterThan(0)
    const plan = await t.database.db.transaction().execute(async (trx) => {
      // Sequential scans made as dear as possible: where an index can answer, the planner must take it.
      await sql`SET LOCAL enable_seqscan = off`.execute(trx)
      const rows = await trx.selectFrom('people as p').select('p.id').where(personVisible(scope)).explain()
      return rows.map((r) => String(r['QUERY PLAN'])).join('\n')
    })
    expect(plan).not.toMatch(/Seq Scan on (people|visibility_reasons)/)
    // People are found by zone through the index, not read whole (a column cast would leave only a full scan).
    expect(plan).toMatch(/Index Cond: \(zone_id = ANY/)
    expect(plan).not.toMatch(/::text/)
    expect(plan).toMatch(/Index Scan (using|on) visibility_reasons_/)
  })
})
