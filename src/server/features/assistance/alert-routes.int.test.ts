// The alert routes through the HTTP API on a real database (issue 9): the open alerts of the caller's zones,
// the acknowledgement (once; a second answers with the first; what it writes and emits), the 404 of a request
// not addressed to the caller, bad input; and the response-time report (numbers, CSV, policy, bad periods).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { alertWorld, ALERT_AT, type AlertWorld } from '../../../../test/assistance-alerts.world.ts'
import { makeAssociation, makePerson, makeUser, sessionFor } from '../../../../test/factories.ts'
import { startTestApp, type Session, type TestApp } from '../../../../test/harness.ts'
import { TestClock } from '../../platform/clock.ts'

let t: TestApp
let w: AlertWorld
const clock = new TestClock(ALERT_AT)
const MINUTE = 60_000
const codeOf = (res: { json(): { error: { code: string } } }) => res.json().error.code
const ack = (s: Session, id: string, payload: unknown = {}) =>
  s.request({ method: 'POST', url: `/api/assistance/requests/${id}/acknowledge`, payload: payload as object })
const alertsOf = async (s: Session) => {
  const res = await s.request({ method: 'GET', url: '/api/assistance/alerts' })
  expect(res.statusCode).toBe(200)
  return res.json().items as { requestId: string; zoneId: string; addressedToMe: boolean; level: string }[]
}

beforeAll(async () => {
  t = await startTestApp({}, { clock })
  w = await alertWorld(t, clock)
})
afterAll(async () => {
  await t?.close()
})

describe('open alerts and their acknowledgement', () => {
  it('lists the alert to the zone, marks whom it reached, and closes it on the first acknowledgement', async () => {
    const request = await w.send([w.b])
    const officer = await sessionFor(t, w.bOfficer)
    const korpschef = await sessionFor(t, w.bKorpschef)
    const mine = (await alertsOf(officer)).find((a) => a.requestId === request.id)
    expect(mine).toMatchObject({ zoneId: w.b.id, level: 'on_duty', addressedToMe: true })
    const full = (await officer.request({ method: 'GET', url: '/api/assistance/alerts' }))
      .json()
      .items.find((a: { requestId: string }) => a.requestId === request.id)
    expect(full).toMatchObject({
      requestingZone: { id: w.a.id, code: w.a.code },
      urgency: 'urgent',
      category: 'urgent_backup',
      lines: [{ capability: 'inspecteur', count: 2 }],
    })
    // The korpschef sees the zone's alert; it reaches them only at the last step.
    expect((await alertsOf(korpschef)).find((a) => a.requestId === request.id)?.addressedToMe).toBe(false)
    // The requesting zone is not alerted.
    expect((await alertsOf(await sessionFor(t, w.aOfficer))).map((a) => a.requestId)).not.toContain(request.id)

    clock.advance(30_000)
    const first = await ack(officer, request.id)
    expect(first.statusCode).toBe(200)
    expect(first.json()).toEqual({
      requestId: request.id,
      zoneId: w.b.id,
      acknowledgedAt: new Date(Date.parse(ALERT_AT) + 30_000).toISOString(),
      acknowledgedBy: { userId: w.bOfficer.id, displayName: w.bOfficer.displayName },
    })
    clock.advance(MINUTE)
    const second = await ack(korpschef, request.id)
    expect(second.statusCode).toBe(200)
    expect(second.json()).toEqual(first.json())
    clock.set(ALERT_AT)

    expect((await alertsOf(officer)).map((a) => a.requestId)).not.toContain(request.id)
    const db = t.database.db
    const timeline = await db
      .selectFrom('assistance_events')
      .select(['action', 'zone_id', 'user_id'])
      .where('request_id', '=', request.id)
      .execute()
    expect(timeline).toEqual([{ action: 'acknowledge', zone_id: w.b.id, user_id: w.bOfficer.id }])
    const events = await db
      .selectFrom('outbox_events')
      .select(['type', 'user_id', 'zone_id', 'domain', 'payload'])
      .where('type', 'in', ['assistance.request_changed', 'assistance.alert_acknowledged'])
      .execute()
    const about = events.filter((e) => (e.payload as { requestId?: string }).requestId === request.id)
    expect(about.map((e) => [e.type, e.user_id, e.zone_id, e.domain]).sort()).toEqual(
      [
        ['assistance.alert_acknowledged', w.bOfficer.id, w.b.id, 'assistance'],
        ['assistance.request_changed', null, w.a.id, 'assistance'],
      ].sort(),
    )
    expect(about.find((e) => e.type === 'assistance.request_changed')?.payload).toEqual({
      requestId: request.id,
      status: 'requested',
      action: 'acknowledge',
      coveredZoneIds: [w.a.id, w.b.id],
    })
    const audit = await db
      .selectFrom('audit_events')
      .select(['chain_zone_id', 'action'])
      .where('object_id', '=', request.id)
      .execute()
    expect(audit.map((a) => a.chain_zone_id).sort()).toEqual([w.a.id, w.b.id].sort())
    expect(audit.every((a) => a.action === 'assistance.acknowledge')).toBe(true)
  })

  it('answers 404 for a request not addressed to the caller’s zone, or of another association', async () => {
    const request = await w.send([w.b])
    expect(codeOf(await ack(await sessionFor(t, w.aOfficer), request.id))).toBe('NOT_FOUND')
    expect(codeOf(await ack(await sessionFor(t, w.cOfficer), request.id))).toBe('NOT_FOUND')
    expect(codeOf(await ack(await sessionFor(t, w.bOfficer), crypto.randomUUID()))).toBe('NOT_FOUND')
    const foreign = await makeAssociation(t, { zoneCount: 1 })
    const stranger = await sessionFor(t, await makeUser(t, 'officer', foreign.zones[0]!))
    expect(codeOf(await ack(stranger, request.id))).toBe('NOT_FOUND')
    expect((await alertsOf(stranger)).length).toBe(0)
    // Finance answers no request: the rule's roles.
    const finance = await sessionFor(t, w.bFinance)
    expect((await ack(finance, request.id)).statusCode).toBe(403)
  })

  it('asks which zone when the request reaches several of the caller’s zones', async () => {
    const request = await w.send([w.b, w.c])
    const both = await makeUser(t, 'officer', w.b)
    await t.database.db
      .insertInto('user_roles')
      .values({ user_id: both.id, role: 'officer', zone_id: w.c.id })
      .execute()
    const s = await sessionFor(t, both)
    const res = await ack(s, request.id)
    expect([res.statusCode, codeOf(res)]).toEqual([422, 'ASSISTANCE_ZONE_REQUIRED'])
    const forC = await ack(s, request.id, { zoneId: w.c.id })
    expect([forC.statusCode, forC.json().zoneId]).toEqual([200, w.c.id])
    expect((await alertsOf(s)).filter((a) => a.requestId === request.id).map((a) => a.zoneId)).toEqual([w.b.id])
  })

  it('refuses an acknowledgement of an ended request, and bad input, with catalogue codes', async () => {
    const request = await w.send([w.b])
    const officer = await sessionFor(t, w.bOfficer)
    for (const payload of [
      { zoneId: 'x\u0000y' },
      { zoneId: 'not-a-uuid' },
      { other: 1 },
      { zoneId: 'a'.repeat(100_000) },
    ]) {
      const res = await ack(officer, request.id, payload)
      expect(res.statusCode, JSON.stringify(payload).slice(0, 40)).toBeGreaterThanOrEqual(400)
      expect(res.statusCode).toBeLessThan(500)
    }
    expect(
      (await officer.request({ method: 'POST', url: '/api/assistance/requests/nope/acknowledge', payload: {} }))
        .statusCode,
    ).toBe(400)
    await t.database.db
      .updateTable('assistance_requests')
      .set({ status: 'closed' })
      .where('id', '=', request.id)
      .execute()
    const res = await ack(officer, request.id)
    expect([res.statusCode, codeOf(res)]).toEqual([409, 'ASSISTANCE_TRANSITION_INVALID'])
    expect((await alertsOf(officer)).map((a) => a.requestId)).not.toContain(request.id)
  })
})

describe('the response-time report', () => {
  it('gives per zone and category the median and P90 to acknowledgement, offer and arrival; JSON and CSV', async () => {
    const db = t.database.db
    const base = Date.parse('2026-03-10T08:00:00Z')
    const person = await makePerson(t, { zone: w.b })
    // Three urgent requests to B (acknowledged after 1, 2, 9 minutes; an offer after 5; an arrival after 20),
    // one to C never answered.
    for (const [i, minutes] of [1, 2, 9].entries()) {
      const request = await w.send([w.b], { at: new Date(base + i * 86_400_000) })
      const sent = base + i * 86_400_000
      await db
        .updateTable('assistance_addressees')
        .set({
          acknowledged_at: new Date(sent + minutes * MINUTE),
          ...(i === 0 ? { first_offer_at: new Date(sent + 5 * MINUTE) } : {}),
        })
        .where('request_id', '=', request.id)
        .execute()
      if (i === 0)
        await db
          .insertInto('assistance_deployments')
          .values({
            request_id: request.id,
            association_id: w.association.id,
            helping_zone_id: w.b.id,
            helped_zone_id: w.a.id,
            person_id: person.id,
            capability: 'inspecteur',
            arrived_at: new Date(sent + 20 * MINUTE),
            created_at: new Date(sent),
          })
          .execute()
    }
    await w.send([w.c], { at: new Date(base) })
    const admin = await sessionFor(t, await makeUser(t, 'admin', w.association))
    const url = `/api/assistance/response-times?associationId=${w.association.id}&from=2026-03-01&to=2026-03-31`
    const res = await admin.request({ method: 'GET', url })
    expect(res.statusCode).toBe(200)
    const rows = res.json().rows as {
      zone: { id: string }
      requests: number
      acknowledged: unknown
      offered: unknown
      arrived: unknown
    }[]
    const b = rows.find((r) => r.zone.id === w.b.id)
    expect(b).toMatchObject({
      category: 'urgent_backup',
      requests: 3,
      acknowledged: { count: 3, medianMs: 2 * MINUTE, p90Ms: 9 * MINUTE },
      offered: { count: 1, medianMs: 5 * MINUTE, p90Ms: 5 * MINUTE },
      arrived: { count: 1, medianMs: 20 * MINUTE, p90Ms: 20 * MINUTE },
    })
    expect(rows.find((r) => r.zone.id === w.c.id)).toMatchObject({
      requests: 1,
      acknowledged: { count: 0, medianMs: null },
    })
    // The korpschef of a party zone sees it too; filtered to one zone.
    const korpschef = await sessionFor(t, w.bKorpschef)
    const onlyC = await korpschef.request({ method: 'GET', url: `${url}&zoneId=${w.c.id}` })
    expect(onlyC.json().rows.map((r: { zone: { id: string } }) => r.zone.id)).toEqual([w.c.id])

    const csv = await korpschef.request({ method: 'GET', url, headers: { accept: 'text/csv' } })
    expect(csv.headers['content-type']).toMatch(/^text\/csv/)
    expect(csv.headers['content-disposition']).toContain('verbond-responstijden_2026-03-01_2026-03-31.csv')
    expect(csv.body.startsWith('\uFEFF')).toBe(true)
    const line = csv.body.split('\r\n').find((l) => l.startsWith(w.b.code))!
    expect(line.split(';')).toEqual([
      w.b.code,
      w.b.name,
      'urgent_backup',
      '3',
      '3',
      '2,0',
      '9,0',
      '1',
      '5,0',
      '5,0',
      '1',
      '20,0',
      '20,0',
    ])
    expect((await korpschef.request({ method: 'GET', url: `${url}&format=csv` })).body).toBe(csv.body)
  })

  it('answers 404 for another association, 403 for a role without the ledger, 422 for a bad period', async () => {
    const url = (associationId: string, from = '2026-01-01', to = '2026-12-31') =>
      `/api/assistance/response-times?associationId=${associationId}&from=${from}&to=${to}`
    const korpschef = await sessionFor(t, w.bKorpschef)
    const foreign = await makeAssociation(t, { zoneCount: 1 })
    expect(codeOf(await korpschef.request({ method: 'GET', url: url(foreign.id) }))).toBe('NOT_FOUND')
    expect(codeOf(await korpschef.request({ method: 'GET', url: url(crypto.randomUUID()) }))).toBe('NOT_FOUND')
    expect(
      (await (await sessionFor(t, w.bOfficer)).request({ method: 'GET', url: url(w.association.id) })).statusCode,
    ).toBe(403)
    for (const [from, to] of [
      ['2026-02-01', '2026-01-31'],
      ['2016-01-01', '2026-01-01'],
      ['2026-02-30', '2026-03-01'],
    ] as const) {
      const res = await korpschef.request({ method: 'GET', url: url(w.association.id, from, to) })
      expect(res.statusCode, `${from}..${to}`).toBeGreaterThanOrEqual(400)
      expect(res.statusCode).toBeLessThan(500)
    }
    const tooLong = await korpschef.request({ method: 'GET', url: url(w.association.id, '2016-01-01', '2026-01-01') })
    expect([tooLong.statusCode, codeOf(tooLong)]).toEqual([422, 'ASSISTANCE_PERIOD_INVALID'])
    const tenYears = await korpschef.request({ method: 'GET', url: url(w.association.id, '2016-01-02', '2026-01-01') })
    expect(tenYears.statusCode).toBe(200)
  })
})
