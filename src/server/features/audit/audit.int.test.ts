// The DPO's first question: who looked at person X, and why? Filters by person, user and period, names
// where the DPO may see them, a CSV export for the supervisory body (itself logged), and a partner DPO who
// reads a partner zone's log only from the moment the dpo sharing is in force.
import { parse } from 'csv-parse/sync'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { makeAgreement, makeAssociation, makeUser, sessionFor, type ZoneRef } from '../../../../test/factories.ts'
import { startTestApp, type Session, type TestApp } from '../../../../test/harness.ts'
import { appendAudit } from '../../platform/audit.ts'
import { brusselsDate } from '../../platform/time.ts'

let t: TestApp
let dpo: Session
let dpoId: string
let reader: Session
let readerId: string
let readerName: string
let person: { id: string; first_name: string; last_name: string }
let zone5373: string

interface Listed {
  items: {
    action: string
    actorUserId: string | null
    actorName: string | null
    objectId: string | null
    objectName: string | null
    domain: string | null
    domains: string[]
    zoneCode: string
    details: Record<string, unknown>
  }[]
  total: number
}

const zoneId = async (code: string) =>
  (await t.database.db.selectFrom('zones').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id
const today = () => brusselsDate(new Date())

beforeAll(async () => {
  t = await startTestApp()
  zone5373 = await zoneId('5373')
  person = await t.database.db
    .selectFrom('people as p')
    .innerJoin('visibility_reasons as r', 'r.person_id', 'p.id')
    .select(['p.id', 'p.first_name', 'p.last_name'])
    .where('p.zone_id', '=', zone5373)
    .where('r.kind', '=', 'shared_function')
    .where('r.domain_code', '=', 'permanence.officer_of_duty')
    .orderBy('p.employee_number')
    .executeTakeFirstOrThrow()
  // A planner of the partner zone reads the person, alone and in a list.
  reader = await t.login('planner.5375@demo.verbond.be')
  const me = (await reader.request({ method: 'GET', url: '/api/me' })).json<{ id: string; displayName: string }>()
  readerId = me.id
  readerName = me.displayName
  expect((await reader.request({ method: 'GET', url: `/api/people/${person.id}` })).statusCode).toBe(200)
  expect((await reader.request({ method: 'GET', url: `/api/people?zoneId=${zone5373}&limit=200` })).statusCode).toBe(
    200,
  )
  dpo = await t.login('dpo.5373@demo.verbond.be')
  dpoId = (await dpo.request({ method: 'GET', url: '/api/me' })).json<{ id: string }>().id
})
afterAll(() => t.close())

const events = async (query: string) => {
  const res = await dpo.request({ method: 'GET', url: `/api/audit/events?${query}` })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<Listed>()
}

describe('who looked at person X', () => {
  it('filters by person: the reads of them, alone or in a list, with the reader and the reason', async () => {
    const found = await events(`personId=${person.id}`)
    const actions = found.items.map((e) => e.action).sort()
    expect(actions).toEqual(['person.list', 'person.read'])
    const read = found.items.find((e) => e.action === 'person.read')!
    expect(read).toMatchObject({
      actorUserId: readerId,
      actorName: readerName,
      objectId: person.id,
      objectName: `${person.first_name} ${person.last_name}`,
      domain: 'permanence.officer_of_duty',
      domains: ['permanence.officer_of_duty'],
      zoneCode: '5373',
    })
    const list = found.items.find((e) => e.action === 'person.list')!
    expect(list.details.personIds).toContain(person.id)
    expect(found.total).toBe(2)
  })

  it('filters by user and by Brussels dates, and refuses a period that ends before it starts', async () => {
    const byReader = await events(`actorUserId=${readerId}&limit=200`)
    expect(byReader.items.length).toBeGreaterThan(0)
    expect(byReader.items.every((e) => e.actorUserId === readerId)).toBe(true)
    expect((await events(`personId=${person.id}&from=${today()}&to=${today()}`)).total).toBe(2)
    expect((await events(`personId=${person.id}&to=2020-01-01`)).total).toBe(0)
    expect((await events(`personId=${person.id}&from=2999-01-01`)).total).toBe(0)
    const bad = await dpo.request({ method: 'GET', url: '/api/audit/events?from=2026-02-01&to=2026-01-31' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.code).toBe('AUDIT_PERIOD_INVALID')
  })

  it('offers the users who acted in the log as filter options', async () => {
    const res = await dpo.request({ method: 'GET', url: '/api/audit/actors' })
    expect(res.statusCode).toBe(200)
    expect(res.json().items).toContainEqual({ id: readerId, name: readerName, zoneCodes: ['5375'] })
  })

  it('exports the filtered log as CSV for the supervisory body, and logs the export', async () => {
    const res = await dpo.request({ method: 'GET', url: `/api/audit/export?personId=${person.id}&from=2020-01-01` })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="verbond-auditlog_5373_2020-01-01_${today()}.csv"`,
    )
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const rows = parse<Record<string, string>>(res.rawPayload, { bom: true, delimiter: ';', columns: true })
    expect(rows).toHaveLength(2)
    const read = rows.find((r) => r.Handeling === 'person.read')!
    expect(read).toMatchObject({
      Gebruiker: readerName,
      'Zone van de gebruiker': '5375',
      Object: person.id,
      Naam: `${person.first_name} ${person.last_name}`,
      'Reden (samenwerkingsdomeinen)': 'permanence.officer_of_duty',
      'Zone (keten)': '5373',
    })
    expect(read['Tijdstip (Brussel)']).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/)
    const logged = await t.database.db
      .selectFrom('audit_events')
      .select(['chain_zone_id', 'details'])
      .where('action', '=', 'audit.export')
      .where('actor_user_id', '=', dpoId)
      .execute()
    expect(logged).toEqual([
      {
        chain_zone_id: zone5373,
        details: { filters: { personId: person.id, from: '2020-01-01' }, events: 2, zones: ['5373'] },
      },
    ])
  })

  it('is for DPOs only', async () => {
    const planner = await t.login('planner.5373@demo.verbond.be')
    for (const url of ['/api/audit/export', '/api/audit/actors'])
      expect((await planner.request({ method: 'GET', url })).statusCode).toBe(403)
  })
})

describe('a partner DPO (shared dpo domain)', () => {
  it("reads a partner zone's events only from the moment the sharing is in force", async () => {
    const db = t.database.db
    // Two zones of their own (factories), so the sharing below changes nothing the other tests look at.
    const association = await makeAssociation(t, { zoneCount: 2 })
    const [own, partnerZone] = association.zones as [ZoneRef, ZoneRef]
    const write = (action: string) =>
      db
        .transaction()
        .execute((trx) =>
          appendAudit(trx, [{ chainZoneId: partnerZone.id, actorUserId: null, actorZoneId: partnerZone.id, action }]),
        )
    // The partner's history before any dpo sharing: two days ago.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() - 2 * 86_400_000 })
    try {
      await write('test.before_sharing')
    } finally {
      vi.useRealTimers()
    }
    // From today, the two zones share their DPO: an agreement both approve, in force through consent.
    await makeAgreement(t, { association, domains: ['dpo'], effectiveFrom: today() })
    await write('test.after_sharing')
    const sharedDpo = await sessionFor(t, await makeUser(t, 'dpo', own))

    const listed = await sharedDpo.request({
      method: 'GET',
      url: `/api/audit/events?zoneId=${partnerZone.id}&limit=200`,
    })
    expect(listed.statusCode).toBe(200)
    const actions = listed.json<Listed>().items.map((e) => e.action)
    expect(actions).toContain('test.after_sharing')
    expect(actions).not.toContain('test.before_sharing')
    const exported = await sharedDpo.request({ method: 'GET', url: `/api/audit/export?zoneId=${partnerZone.id}` })
    expect(exported.body).toContain('test.after_sharing')
    expect(exported.body).not.toContain('test.before_sharing')
    // The reading is logged in the partner's chain; verification covers the whole chain, content-free.
    const logged = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_events
      WHERE chain_zone_id = ${partnerZone.id} AND action IN ('audit.list', 'audit.export') AND domain = 'dpo'`.execute(
      db,
    )
    expect(logged.rows[0]!.n).toBe(2)
    const verified = (await sharedDpo.request({ method: 'GET', url: '/api/audit/verify' })).json()
    expect(verified).toMatchObject({ ok: true, zones: [own.code, partnerZone.code].sort() })
    expect(Object.keys(verified).sort()).toEqual(['events', 'firstBrokenId', 'ok', 'zones'])
  })
})
