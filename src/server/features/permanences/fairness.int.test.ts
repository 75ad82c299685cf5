// The fairness report through the API, on a roster generated and published by the roster service: the numbers
// of four plain winter weeks, who sees whom (own zone in full, partner names through the rotation, logged), a
// zone outside the rotation and a foreign association (404), the CSV for Excel, bad periods.
import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  makeAgreement,
  makeAssociation,
  makePerson,
  makeUser,
  sessionFor,
  type AssociationRef,
  type PersonRef,
  type ZoneRef,
  draftSolved,
} from '../../../../test/factories.ts'
import { startTestApp, type Session, type TestApp } from '../../../../test/harness.ts'
import { TestClock } from '../../platform/clock.ts'

const clock = new TestClock('2026-01-15T09:00:00Z')
let t: TestApp
let assoc: AssociationRef
let a: ZoneRef, b: ZoneRef, c: ZoneRef
let plannerA: Session, plannerB: Session, plannerC: Session, officerA: Session, admin: Session
let rotationId: string
const people: PersonRef[] = []
let stranger: PersonRef

// Four weeks from Monday 2 February 2026 07:00 to Monday 2 March 07:00, no holiday, no DST change: each week
// 168 h, 56 night hours, a whole Saturday and Sunday: 168 + 0.5 × 56 + 0.5 × 24 + 1 × 24 = 232 weighted hours.
const WEEK = 232
const PERIOD = 'from=2026-02-02&to=2026-03-02'

beforeAll(async () => {
  t = await startTestApp({}, { clock })
  assoc = await makeAssociation(t, { zoneCount: 3 })
  ;[a, b, c] = assoc.zones as [ZoneRef, ZoneRef, ZoneRef]
  await makeAgreement(t, { association: assoc, parties: [a, b], domains: ['permanence.officer_of_duty'], clock })
  plannerA = await sessionFor(t, await makeUser(t, 'planner', a))
  plannerB = await sessionFor(t, await makeUser(t, 'planner', b))
  plannerC = await sessionFor(t, await makeUser(t, 'planner', c))
  officerA = await sessionFor(t, await makeUser(t, 'officer', a))
  admin = await sessionFor(t, await makeUser(t, 'admin', assoc))
  const created = await plannerA.request({
    method: 'POST',
    url: '/api/rotations',
    payload: {
      associationId: assoc.id,
      domain: 'permanence.officer_of_duty',
      name: 'OvW Fairness A+B',
      zoneIds: [a.id, b.id],
      dutyKind: 'on_call',
      pattern: { kind: 'weekly', handoffWeekday: 1, handoffTime: '07:00' },
      validFrom: '2026-01-01',
    },
  })
  expect(created.statusCode).toBe(201)
  rotationId = created.json().id
  for (const [zone, s] of [
    [a, plannerA],
    [b, plannerB],
  ] as const)
    for (let i = 0; i < 2; i++) {
      const p = await makePerson(t, { zone, rank: 'commissaris' })
      people.push(p)
      const res = await s.request({
        method: 'POST',
        url: `/api/rotations/${rotationId}/members`,
        payload: { personId: p.id, from: '2026-01-01' },
      })
      expect(res.statusCode).toBe(201)
    }
  const generated = await plannerA.request({
    method: 'POST',
    url: `/api/rotations/${rotationId}/roster/generate`,
    payload: { from: '2026-02-02', to: '2026-03-01' },
  })
  expect(generated.statusCode).toBe(202)
  const draft = await draftSolved(plannerA, rotationId)
  expect(draft.unfilled).toEqual([])
  const published = await plannerA.request({
    method: 'POST',
    url: `/api/rotations/${rotationId}/roster/publish`,
    payload: { versionId: draft.versionId },
  })
  expect(published.json()).toMatchObject({ inserted: 4 })
  // A person of zone B who is not (any more) a member: one duty in force, and no reason that names them to A.
  stranger = await makePerson(t, { zone: b, rank: 'commissaris' })
  await sql`INSERT INTO duties (rotation_id, slot_key, position, period, duty_kind, person_id, zone_id, cause, cause_id, recorded)
    VALUES (${rotationId}, 'week:2026-03-16', 1, tstzrange('2026-03-16T06:00:00Z', '2026-03-23T06:00:00Z'), 'on_call',
            ${stranger.id}, ${b.id}, 'override', gen_random_uuid(), tstzrange(now(), NULL))`.execute(t.database.db)
})
afterAll(() => t.close())

type Report = {
  from: string
  to: string
  rotations: Array<{ id: string }>
  totals: Record<string, number>
  zones: Array<Record<string, unknown> & { zoneId: string }>
  people: Array<
    Record<string, unknown> & { person: { personId: string } | null; zoneId: string; weightedHours: number }
  >
}
const get = async (s: Session, url: string) => {
  const res = await s.request({ method: 'GET', url })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<Report>()
}

describe('fairness report', () => {
  it('counts the published roster against the zone key and the zone mean', async () => {
    const r = await get(plannerA, `/api/rotations/${rotationId}/fairness?${PERIOD}`)
    expect(r.totals).toEqual({
      slots: 4,
      hours: 672,
      weightedHours: 4 * WEEK,
      nightHours: 224,
      saturdayHours: 96,
      sundayHours: 96,
      holidayHours: 0,
    })
    // The solver follows the equal key exactly and spreads evenly: two weeks per zone, one per person.
    for (const zone of [a, b])
      expect(r.zones.find((z) => z.zoneId === zone.id)).toMatchObject({
        code: zone.code,
        slots: 2,
        weightedHours: 2 * WEEK,
        keyShare: 0.5,
        actualShare: 0.5,
        targetWeightedHours: 2 * WEEK,
        deviation: 0,
        members: 2,
        capacity: 2,
        meanWeightedHours: WEEK,
      })
    expect(r.people).toHaveLength(4)
    for (const p of r.people) expect(p.weightedHours).toBe(WEEK)
    // Own people in full; partner people by name, without their working-time share.
    const own = r.people.filter((p) => p.zoneId === a.id)
    expect(own.map((p) => p.person?.personId).sort()).toEqual(
      people
        .filter((p) => p.zoneId === a.id)
        .map((p) => p.id)
        .sort(),
    )
    for (const p of own)
      expect(p).toMatchObject({ ownZone: true, capacity: 1, expectedWeightedHours: WEEK, deviation: 0 })
    const partner = r.people.filter((p) => p.zoneId === b.id)
    expect(partner.every((p) => p.person !== null)).toBe(true)
    for (const p of partner)
      expect(p).toMatchObject({ ownZone: false, capacity: null, expectedWeightedHours: null, deviation: null })
  })

  it('logs the partner names it shows in the partner zone’s chain', async () => {
    const logged = await t.database.db
      .selectFrom('audit_events')
      .select(['chain_zone_id', 'details'])
      .where('action', '=', 'person.read')
      .where('object_id', '=', rotationId)
      .where('actor_zone_id', '=', a.id)
      .execute()
    expect(logged.map((l) => l.chain_zone_id)).toContain(b.id)
    const ids = logged.flatMap((l) => (l.details as { personIds?: string[] }).personIds ?? [])
    expect(ids).toEqual(expect.arrayContaining(people.filter((p) => p.zoneId === b.id).map((p) => p.id)))
  })

  it('does not name a partner person without a reason in force; their own zone does', async () => {
    const period = 'from=2026-03-16&to=2026-03-22'
    const forA = await get(plannerA, `/api/rotations/${rotationId}/fairness?${period}`)
    const row = forA.people.find((p) => p.zoneId === b.id && p.weightedHours > 0)
    expect(row).toMatchObject({ person: null, slots: 1, hours: 161 })
    expect(JSON.stringify(forA)).not.toContain(stranger.id)
    expect(forA.zones.find((z) => z.zoneId === b.id)).toMatchObject({ keyShare: 0.5, actualShare: 1 })
    const forB = await get(plannerB, `/api/rotations/${rotationId}/fairness?${period}`)
    expect(forB.people.find((p) => p.person?.personId === stranger.id)).toMatchObject({
      ownZone: true,
      capacity: 0,
      expectedWeightedHours: 0,
    })
    // The association's admin names everyone, as on the on-duty answer.
    const forAdmin = await get(admin, `/api/rotations/${rotationId}/fairness?${period}`)
    expect(forAdmin.people.find((p) => p.person?.personId === stranger.id)).toBeDefined()
  })

  it('hides the rotation from a zone it does not cover and from a foreign association; refuses an officer', async () => {
    const url = `/api/rotations/${rotationId}/fairness`
    const foreign = await makeAssociation(t, { zoneCount: 1 })
    const outsider = await sessionFor(t, await makeUser(t, 'planner', foreign.zones[0]!))
    for (const s of [plannerC, outsider]) {
      const res = await s.request({ method: 'GET', url })
      expect([res.statusCode, res.json().error.code]).toEqual([404, 'NOT_FOUND'])
    }
    expect((await officerA.request({ method: 'GET', url })).statusCode).toBe(403)
    // Association-wide, they plan nothing here.
    const all = await get(outsider, '/api/permanences/fairness')
    expect(all).toMatchObject({ rotations: [], zones: [], people: [] })
  })

  it('adds up every rotation the caller plans, optionally of one association; defaults to this year', async () => {
    const all = await get(plannerB, `/api/permanences/fairness?${PERIOD}&associationId=${assoc.id}`)
    expect(all.rotations.map((r) => r.id)).toContain(rotationId)
    expect(all.totals.weightedHours).toBe(4 * WEEK)
    const year = await get(plannerA, '/api/permanences/fairness')
    expect([year.from, year.to]).toEqual(['2026-01-01', '2026-12-31'])
    expect(year.totals.slots).toBe(5)
    const none = await get(plannerA, `/api/permanences/fairness?${PERIOD}&associationId=${randomUUID()}`)
    expect(none.rotations).toEqual([])
  })

  it('exports CSV for Excel nl-BE: BOM, semicolons, decimal comma, a row per zone and per person', async () => {
    for (const request of [
      { url: `/api/rotations/${rotationId}/fairness?${PERIOD}&format=csv` },
      { url: `/api/rotations/${rotationId}/fairness?${PERIOD}`, headers: { accept: 'text/csv' } },
    ]) {
      const res = await plannerA.request({ method: 'GET', ...request })
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="verbond-fairness_ovw-fairness-a-b_2026-02-02_2026-03-02.csv"`,
      )
      expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
      const lines = res.body
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n')
      expect(lines).toHaveLength(1 + 2 + 4)
      expect(lines[0]).toBe(
        'Niveau;Zone;Zonenaam;Persoon;Diensten;Uren;Gewogen uren;Nachturen;Zaterdaguren;Zondaguren;Feestdaguren;' +
          'Aandeel volgens sleutel (%);Werkelijk aandeel (%);Verwacht (gewogen uren);Afwijking (gewogen uren);' +
          'Beschikbaarheid (VTE × periode);Zonegemiddelde (gewogen uren)',
      )
      const zoneA = lines.find((l) => l.startsWith(`zone;${a.code};`))!.split(';')
      expect(zoneA.slice(4, 17)).toEqual([
        '2',
        '336,00',
        '464,00',
        '112,00',
        '48,00',
        '48,00',
        '0,00',
        '50,00',
        '50,00',
        '464,00',
        '0,00',
        '2,000',
        '232,00',
      ])
      const partner = lines.filter((l) => l.startsWith(`persoon;${b.code};`))
      expect(partner).toHaveLength(2)
      // No capacity, expectation or deviation for a partner zone's people.
      for (const line of partner) expect(line.split(';').slice(13)).toEqual(['', '', '', ''])
    }
    // JSON stays the default for a browser's Accept header.
    const json = await plannerA.request({
      method: 'GET',
      url: `/api/rotations/${rotationId}/fairness?${PERIOD}`,
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    })
    expect(json.headers['content-type']).toMatch(/^application\/json/)
  })

  it('refuses a period that ends before it starts or spans five years, and a date that does not exist', async () => {
    const url = `/api/rotations/${rotationId}/fairness`
    for (const [query, status, code] of [
      ['from=2026-03-01&to=2026-02-28', 422, 'FAIRNESS_PERIOD_INVALID'],
      ['from=2026-01-01&to=2031-01-01', 422, 'FAIRNESS_PERIOD_INVALID'],
      ['from=2026-02-30', 400, 'VALIDATION_FAILED'],
      ['format=xlsx', 400, 'VALIDATION_FAILED'],
    ] as const) {
      const res = await plannerA.request({ method: 'GET', url: `${url}?${query}` })
      expect([res.statusCode, res.json().error.code]).toEqual([status, code])
    }
    const wide = await plannerA.request({ method: 'GET', url: `${url}?from=2026-01-01&to=2030-12-31` })
    expect(wide.statusCode).toBe(200)
  })
})
