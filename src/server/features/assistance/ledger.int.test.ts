// The person-hours ledger through the HTTP API on a real database: postings weighted by the rates in force
// (night, Saturday, public holiday), idempotent and reversible; versioned rates (the old version ends the day
// before, overlap 409, out of range 422, history unchanged); balances per zone, pair and month summing to zero;
// a zone's statement naming partner people only through a reason (and logging it), with its CSV; the
// settlement proposal in hours and euros and the recorded settlement that zeroes the balances up to its day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  correct,
  makeAssistanceDeployment,
  post,
  type DeploymentRef,
} from '../../../../test/assistance-ledger.factories.ts'
import {
  makeAgreement,
  makeAssociation,
  makePerson,
  makeUser,
  sessionFor,
  type AssociationRef,
  type PersonRef,
  type ZoneRef,
} from '../../../../test/factories.ts'
import { startTestApp, type Session, type TestApp } from '../../../../test/harness.ts'

let t: TestApp
let association: AssociationRef
let a: ZoneRef
let b: ZoneRef
let c: ZoneRef
let admin: Session
let chiefA: Session
let financeB: Session
let officerA: Session
let foreignPlanner: Session
let foreignAdmin: Session
let pA: PersonRef
let pB: PersonRef
let pC: PersonRef
let weekday: DeploymentRef
let saturday: DeploymentRef

const codeOf = (res: { json(): { error: { code: string } } }) => res.json().error.code
const url = (path: string, id = association.id) => `/api/assistance/associations/${id}${path}`
const STAR = { category: '*', base: 1, extra: { night: 0.5, saturday: 0.25, sunday: 0.5, holiday: 1 } }

async function linesOf(deploymentId: string) {
  return t.database.db
    .selectFrom('assistance_ledger_lines')
    .selectAll()
    .where('deployment_id', '=', deploymentId)
    .orderBy('id')
    .execute()
}

beforeAll(async () => {
  t = await startTestApp()
  association = await makeAssociation(t, { zoneCount: 3 })
  ;[a, b, c] = association.zones as [ZoneRef, ZoneRef, ZoneRef]
  await makeAgreement(t, { association, domains: ['assistance'] })
  const foreign = await makeAssociation(t, { zoneCount: 1 })
  admin = await sessionFor(t, await makeUser(t, 'admin', association))
  chiefA = await sessionFor(t, await makeUser(t, 'korpschef', a))
  financeB = await sessionFor(t, await makeUser(t, 'finance', b))
  officerA = await sessionFor(t, await makeUser(t, 'officer', a))
  foreignPlanner = await sessionFor(t, await makeUser(t, 'planner', foreign.zones[0]!))
  foreignAdmin = await sessionFor(t, await makeUser(t, 'admin', foreign))
  pA = await makePerson(t, { zone: a })
  pB = await makePerson(t, { zone: b, rank: 'hoofdinspecteur' })
  pC = await makePerson(t, { zone: c })
  const rate = await admin.request({ method: 'POST', url: url('/rates'), payload: { ...STAR, from: '2025-01-01' } })
  expect(rate.statusCode).toBe(201)
  // B helps A on a Wednesday daytime: 240 plain minutes.
  weekday = await makeAssistanceDeployment(t, {
    association,
    helped: a,
    person: pB,
    start: '2026-03-04T10:00',
    end: '2026-03-04T14:00',
    place: '=HYPERLINK("x")',
  })
  // C helps A on a Saturday evening into the night: 240 minutes, 120 of them night, all Saturday → 360.
  saturday = await makeAssistanceDeployment(t, {
    association,
    helped: a,
    person: pC,
    start: '2026-03-07T20:00',
    end: '2026-03-08T00:00',
    category: 'event',
  })
  // A helps B on Easter Monday 2026 (a public holiday), 08:00–10:00: 120 minutes → 240.
  await makeAssistanceDeployment(t, {
    association,
    helped: b,
    person: pA,
    start: '2026-04-06T08:00',
    end: '2026-04-06T10:00',
  })
})
afterAll(() => t.close())

describe('posting', () => {
  it('posts two mirror lines weighted by the rate in force, booked on the Brussels day of the start', async () => {
    const lines = await linesOf(saturday.deploymentId)
    expect(lines.map((l) => [l.zone_id, l.amount])).toEqual([
      [c.id, 360],
      [a.id, -360],
    ])
    expect(lines[0]).toMatchObject({
      kind: 'deployment',
      booked_on: '2026-03-07',
      minutes_total: 240,
      minutes_night: 120,
      minutes_saturday: 240,
    })
    expect(lines[0]!.rate_id).not.toBeNull()
  })

  it('is idempotent: a deployment already posted posts nothing', async () => {
    await post(t, weekday.deploymentId)
    expect((await linesOf(weekday.deploymentId)).map((l) => l.amount)).toEqual([240, -240])
  })

  it('refuses a deployment without both confirmations (a programming error)', async () => {
    const d = await makeAssistanceDeployment(t, {
      association,
      helped: a,
      person: pB,
      start: '2026-02-02T10:00',
      end: '2026-02-02T11:00',
      post: false,
    })
    await t.database.db
      .updateTable('assistance_deployments')
      .set({ helped_confirmed_at: null })
      .where('id', '=', d.deploymentId)
      .execute()
    await expect(post(t, d.deploymentId)).rejects.toThrow(/confirmed/)
  })

  it('reverses and posts anew on a correction; reversing twice changes nothing', async () => {
    const d = await makeAssistanceDeployment(t, {
      association,
      helped: c,
      person: pB,
      start: '2026-01-14T09:00',
      end: '2026-01-14T10:00',
    })
    await correct(t, d.deploymentId, { start: '2026-01-14T09:00', end: '2026-01-14T11:00' })
    await correct(t, d.deploymentId)
    await correct(t, d.deploymentId)
    const lines = await linesOf(d.deploymentId)
    expect(lines.map((l) => [l.kind, l.zone_id === b.id ? 'B' : 'C', l.amount])).toEqual([
      ['deployment', 'B', 60],
      ['deployment', 'C', -60],
      ['reversal', 'B', -60],
      ['reversal', 'C', 60],
      ['deployment', 'B', 120],
      ['deployment', 'C', -120],
      ['reversal', 'B', -120],
      ['reversal', 'C', 120],
    ])
    expect(lines.reduce((s, l) => s + l.amount, 0)).toBe(0)
  })

  it('uses the plain rate when the association has none', async () => {
    const other = await makeAssociation(t, { zoneCount: 2 })
    const person = await makePerson(t, { zone: other.zones[1]! })
    const d = await makeAssistanceDeployment(t, {
      association: other,
      helped: other.zones[0]!,
      person,
      start: '2026-03-08T10:00',
      end: '2026-03-08T11:30',
    })
    const lines = await linesOf(d.deploymentId)
    expect(lines.map((l) => l.amount)).toEqual([90, -90])
    expect(lines[0]!.rate_id).toBeNull()
    expect(lines[0]!.minutes_sunday).toBe(90)
  })
})

describe('rates and settings', () => {
  it('a new version ends the one in force the day before; postings keep their rate', async () => {
    const res = await admin.request({
      method: 'POST',
      url: url('/rates'),
      payload: { ...STAR, base: 2, from: '2026-06-01' },
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ category: '*', from: '2026-06-01', to: null, base: 2 })
    const list = await chiefA.request({ method: 'GET', url: url('/rates') })
    expect(list.json().items.map((r: { from: string; to: string | null }) => [r.from, r.to])).toEqual([
      ['2025-01-01', '2026-05-31'],
      ['2026-06-01', null],
    ])
    expect((await linesOf(weekday.deploymentId)).map((l) => l.amount)).toEqual([240, -240])
    const june = await makeAssistanceDeployment(t, {
      association,
      helped: c,
      person: pA,
      start: '2026-06-10T10:00',
      end: '2026-06-10T11:00',
    })
    expect((await linesOf(june.deploymentId)).map((l) => l.amount)).toEqual([120, -120])
    await correct(t, june.deploymentId) // out of the way of the balances below
  })

  it('refuses an overlap (409) and values out of range (422)', async () => {
    const same = await admin.request({ method: 'POST', url: url('/rates'), payload: { ...STAR, from: '2026-06-01' } })
    expect([same.statusCode, codeOf(same)]).toEqual([409, 'ASSISTANCE_RATE_OVERLAP'])
    // A category's own version from before the '*' one does not overlap it; a later one inside it does.
    const own = await admin.request({
      method: 'POST',
      url: url('/rates'),
      payload: { ...STAR, category: 'search', from: '2027-01-01' },
    })
    expect(own.statusCode).toBe(201)
    const before = await admin.request({
      method: 'POST',
      url: url('/rates'),
      payload: { ...STAR, category: 'search', from: '2026-12-01' },
    })
    expect([before.statusCode, codeOf(before)]).toEqual([409, 'ASSISTANCE_RATE_OVERLAP'])
    for (const payload of [
      { ...STAR, base: 0, from: '2030-01-01' },
      { ...STAR, base: 10.5, from: '2030-01-01' },
      { ...STAR, base: 1.0001, from: '2030-01-01' },
      { ...STAR, extra: { ...STAR.extra, night: -1 }, from: '2030-01-01' },
    ]) {
      const res = await admin.request({ method: 'POST', url: url('/rates'), payload })
      expect([res.statusCode, codeOf(res)]).toEqual([422, 'ASSISTANCE_RATE_INVALID'])
    }
  })

  it('settings: defaults, then the admin sets them; others 403/404', async () => {
    const fresh = await chiefA.request({ method: 'GET', url: url('/settings') })
    expect(fresh.json()).toMatchObject({
      retroApprovalDays: 3,
      escalationMinutes: 5,
      hourlyRateCents: null,
      updatedAt: null,
    })
    const payload = { retroApprovalDays: 7, escalationMinutes: 10, hourlyRateCents: null }
    const put = await admin.request({ method: 'PUT', url: url('/settings'), payload })
    expect(put.statusCode).toBe(200)
    expect(put.json()).toMatchObject(payload)
    // Logged in the chain of every member zone, as an agreement write is in every party's.
    const logged = await t.database.db
      .selectFrom('audit_events')
      .select('chain_zone_id')
      .where('action', '=', 'assistance.settings_update')
      .where('object_id', '=', association.id)
      .execute()
    expect(logged.map((r) => r.chain_zone_id).sort()).toEqual(association.zones.map((z) => z.id).sort())
    expect((await chiefA.request({ method: 'PUT', url: url('/settings'), payload })).statusCode).toBe(403)
    expect((await foreignAdmin.request({ method: 'PUT', url: url('/settings'), payload })).statusCode).toBe(404)
    const bad = await admin.request({
      method: 'PUT',
      url: url('/settings'),
      payload: { ...payload, escalationMinutes: 0 },
    })
    expect(bad.statusCode).toBe(400)
  })
})

describe('balances and statement', () => {
  it('per zone, pair and month, summing to zero', async () => {
    const res = await financeB.request({ method: 'GET', url: url('/balances?from=2026-03-01&to=2026-04-30') })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    const closing = Object.fromEntries(
      body.zones.map((z: { zoneId: string; closing: number }) => [z.zoneId, z.closing]),
    )
    expect(closing).toEqual({ [a.id]: -360, [b.id]: 0, [c.id]: 360 })
    expect(body.zones.reduce((s: number, z: { closing: number }) => s + z.closing, 0)).toBe(0)
    const za = body.zones.find((z: { zoneId: string }) => z.zoneId === a.id)
    expect(za).toMatchObject({ opening: 0, credit: 240, debit: 600, movements: 3 })
    const pairAB = body.pairs.find(
      (p: { zoneId: string; counterpartZoneId: string }) =>
        [p.zoneId, p.counterpartZoneId].sort().join() === [a.id, b.id].sort().join(),
    )
    expect(pairAB.closing === 0).toBe(true)
    const marchA = body.monthly.find(
      (m: { zoneId: string; month: string }) => m.zoneId === a.id && m.month === '2026-03',
    )
    expect(marchA).toMatchObject({ net: -600, balance: -600 })
    const aprilA = body.monthly.find(
      (m: { zoneId: string; month: string }) => m.zoneId === a.id && m.month === '2026-04',
    )
    expect(aprilA).toMatchObject({ net: 240, balance: -360 })
    // The opening carries what came before.
    const april = (
      await financeB.request({ method: 'GET', url: url('/balances?from=2026-04-01&to=2026-04-30') })
    ).json()
    expect(april.zones.find((z: { zoneId: string }) => z.zoneId === a.id)).toMatchObject({
      opening: -600,
      closing: -360,
    })
  })

  it('refuses a bad period (422), other roles (403) and other associations (404)', async () => {
    const bad = await chiefA.request({ method: 'GET', url: url('/balances?from=2026-05-01&to=2026-04-30') })
    expect([bad.statusCode, codeOf(bad)]).toEqual([422, 'ASSISTANCE_PERIOD_INVALID'])
    const long = await chiefA.request({ method: 'GET', url: url('/balances?from=2000-01-01&to=2026-04-30') })
    expect(codeOf(long)).toBe('ASSISTANCE_PERIOD_INVALID')
    expect(
      (await officerA.request({ method: 'GET', url: url('/balances?from=2026-01-01&to=2026-12-31') })).statusCode,
    ).toBe(403)
    expect(
      (await foreignPlanner.request({ method: 'GET', url: url('/balances?from=2026-01-01&to=2026-12-31') })).statusCode,
    ).toBe(404)
    const unknown = url('/balances?from=2026-01-01&to=2026-12-31', '00000000-0000-4000-8000-000000000000')
    expect((await chiefA.request({ method: 'GET', url: unknown })).statusCode).toBe(404)
  })

  it("names a partner's person only through a reason, and logs the read", async () => {
    const q = `/statement?zoneId=${a.id}&from=2026-03-01&to=2026-03-31`
    const own = (await chiefA.request({ method: 'GET', url: url(q) })).json()
    expect(own).toMatchObject({ opening: 0, closing: -600, zoneCode: a.code })
    const byRequest = (id: string) => own.lines.find((l: { request: { id: string } }) => l.request.id === id)
    expect(byRequest(weekday.requestId).person).toEqual({
      zoneCode: b.code,
      rank: 'hoofdinspecteur',
      name: `${pB.firstName} ${pB.lastName}`,
    })
    expect(byRequest(saturday.requestId)).toMatchObject({
      amount: -360,
      minutes: { total: 240, night: 120, saturday: 240, sunday: 0, holiday: 0 },
      rate: { base: 1, extra: { night: 0.5 } },
    })
    const logged = await t.database.db
      .selectFrom('audit_events')
      .select(['chain_zone_id', 'action'])
      .where('object_type', '=', 'assistance_statement')
      .where('object_id', '=', a.id)
      .execute()
    expect(logged.map((e) => e.chain_zone_id).sort()).toEqual([b.id, c.id].sort())
    // B's finance reading A's statement: its own person named, C's person only by rank and zone.
    const partner = (await financeB.request({ method: 'GET', url: url(q) })).json()
    const ofB = partner.lines.find((l: { request: { id: string } }) => l.request.id === weekday.requestId)
    const ofC = partner.lines.find((l: { request: { id: string } }) => l.request.id === saturday.requestId)
    expect(ofB.person.name).toBe(`${pB.firstName} ${pB.lastName}`)
    expect(ofC.person).toEqual({ zoneCode: c.code, rank: 'inspecteur', name: null })
  })

  it('exports the statement as CSV for Excel nl-BE', async () => {
    const res = await chiefA.request({
      method: 'GET',
      url: url(`/statement.csv?zoneId=${a.id}&from=2026-03-01&to=2026-03-31`),
    })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/csv')
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="verbond-bijstand_${a.code}_2026-03-01_2026-03-31.csv"`,
    )
    expect(res.body.startsWith('\uFEFF')).toBe(true)
    const rows = res.body.slice(1).trim().split('\r\n')
    expect(rows[0]!.split(';')[0]).toBe('Datum')
    expect(rows).toHaveLength(5) // header, opening, two lines, closing
    expect(res.body).toContain(';-6,00;')
    expect(res.body).toContain(`'=HYPERLINK`)
    expect(rows.at(-1)).toContain('-10,00')
  })

  it('a zone outside the association is not found', async () => {
    const other = await makeAssociation(t, { zoneCount: 1 })
    const res = await chiefA.request({
      method: 'GET',
      url: url(`/statement?zoneId=${other.zones[0]!.id}&from=2026-03-01&to=2026-03-31`),
    })
    expect(res.statusCode).toBe(404)
  })
})

describe('settlement', () => {
  it('proposes the fewest transfers in hours; in euros only with an hourly rate', async () => {
    const hours = await chiefA.request({ method: 'GET', url: url('/settlement-proposal?until=2026-04-30') })
    expect(hours.statusCode).toBe(200)
    expect(hours.json().transfers).toEqual([{ fromZoneId: a.id, toZoneId: c.id, minutes: 360, cents: null }])
    const noRate = await chiefA.request({ method: 'GET', url: url('/settlement-proposal?until=2026-04-30&unit=euros') })
    expect([noRate.statusCode, codeOf(noRate)]).toEqual([422, 'ASSISTANCE_SETTLEMENT_NO_RATE'])
    const payload = { retroApprovalDays: 3, escalationMinutes: 5, hourlyRateCents: 6500 }
    expect((await admin.request({ method: 'PUT', url: url('/settings'), payload })).statusCode).toBe(200)
    const euros = (
      await chiefA.request({ method: 'GET', url: url('/settlement-proposal?until=2026-04-30&unit=euros') })
    ).json()
    expect(euros.transfers).toEqual([{ fromZoneId: a.id, toZoneId: c.id, minutes: 360, cents: 39000 }])
    expect(euros.balances.reduce((s: number, z: { cents: number }) => s + z.cents, 0)).toBe(0)
  })

  it('records it: balances up to its day become zero, later lines carry over, order is kept', async () => {
    const res = await admin.request({
      method: 'POST',
      url: url('/settlements'),
      payload: { until: '2026-04-30', unit: 'euros' },
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ until: '2026-04-30', unit: 'euros', hourlyRateCents: 6500 })
    const after = (await chiefA.request({ method: 'GET', url: url('/balances?from=2026-05-01&to=2026-05-31') })).json()
    expect(after.zones.every((z: { opening: number }) => z.opening === 0)).toBe(true)
    const again = await admin.request({
      method: 'POST',
      url: url('/settlements'),
      payload: { until: '2026-04-30', unit: 'hours' },
    })
    expect([again.statusCode, codeOf(again)]).toEqual([409, 'ASSISTANCE_SETTLEMENT_ORDER'])
    expect(
      (
        await chiefA.request({
          method: 'POST',
          url: url('/settlements'),
          payload: { until: '2026-05-31', unit: 'hours' },
        })
      ).statusCode,
    ).toBe(403)
    await makeAssistanceDeployment(t, {
      association,
      helped: b,
      person: pC,
      start: '2026-05-05T10:00',
      end: '2026-05-05T11:00',
    })
    const next = (await chiefA.request({ method: 'GET', url: url('/settlement-proposal?until=2026-05-31') })).json()
    expect(next.lastSettlementUntil).toBe('2026-04-30')
    expect(next.transfers).toEqual([{ fromZoneId: b.id, toZoneId: c.id, minutes: 60, cents: null }])
    const list = (await financeB.request({ method: 'GET', url: url('/settlements') })).json()
    expect(list.items).toHaveLength(1)
    expect(list.items[0].transfers).toEqual([{ fromZoneId: a.id, toZoneId: c.id, minutes: 360, cents: 39000 }])
    const statementC = (
      await chiefA.request({ method: 'GET', url: url(`/statement?zoneId=${c.id}&from=2026-04-30&to=2026-04-30`) })
    ).json()
    expect(statementC.lines.map((l: { kind: string; amount: number }) => [l.kind, l.amount])).toEqual([
      ['settlement', -360],
    ])
    expect(statementC.closing).toBe(0)
  })
})
