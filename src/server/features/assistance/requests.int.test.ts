// Assistance requests through the HTTP API on a real database (issue 9): the urgent request from send to close
// (offer of two named inspecteurs, acceptance, deployments, hours recorded by the helping zone and confirmed by
// the helped one), a planned request that partners see only once approved, illegal transitions, bad input with
// its catalogue codes, a true double-click that makes one request, partner names shown only on the request the
// person was deployed on (and the read audited), and zones without `assistance` in force seeing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  makeAgreement,
  makeAssociation,
  makePerson,
  makeUser,
  sessionFor,
  type PersonRef,
  type ZoneRef,
} from '../../../../test/factories.ts'
import { startTestApp, type Session, type TestApp } from '../../../../test/harness.ts'
import type { AssistanceRequestDetail } from './schema.ts'

let t: TestApp
let A: ZoneRef, B: ZoneRef, C: ZoneRef, E: ZoneRef, F: ZoneRef
let officerA: Session, plannerA: Session, officerB: Session, officerC: Session, officerE: Session, officerF: Session
let b1: PersonRef, b2: PersonRef
let keySeq = 0

const key = () => `key-${Date.now()}-${keySeq++}`
const codeOf = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code
const detail = (res: { json(): unknown }) => res.json() as AssistanceRequestDetail
const HOUR = 3_600_000
const isoAgo = (h: number) => new Date(Date.now() - h * HOUR).toISOString()

const body = (over: Record<string, unknown> = {}) => ({
  urgency: 'urgent',
  category: 'urgent_backup',
  place: 'Markt 1',
  contact: 'Dispatch 011 00 00 00',
  lines: [{ capability: 'inspecteur', count: 2 }],
  addressing: 'all',
  send: true,
  idempotencyKey: key(),
  ...over,
})

const create = (s: Session, payload: Record<string, unknown>) =>
  s.request({ method: 'POST', url: '/api/assistance/requests', payload })
const get = (s: Session, id: string) => s.request({ method: 'GET', url: `/api/assistance/requests/${id}` })
const act = (s: Session, id: string, action: string, extra: Record<string, unknown> = {}) =>
  s.request({ method: 'POST', url: `/api/assistance/requests/${id}/transitions`, payload: { action, ...extra } })

beforeAll(async () => {
  t = await startTestApp()
  const association = await makeAssociation(t, { zoneCount: 4 })
  ;[A, B, C, E] = association.zones as [ZoneRef, ZoneRef, ZoneRef, ZoneRef]
  await makeAgreement(t, { association, parties: [A, B, C], domains: ['assistance'] })
  // E is a partner of A, but not for assistance.
  await makeAgreement(t, { association, parties: [A, E], domains: ['training'] })
  const foreign = await makeAssociation(t, { zoneCount: 1 })
  F = foreign.zones[0]!
  officerA = await sessionFor(t, await makeUser(t, 'officer', A))
  plannerA = await sessionFor(t, await makeUser(t, 'planner', A))
  officerB = await sessionFor(t, await makeUser(t, 'officer', B))
  officerC = await sessionFor(t, await makeUser(t, 'officer', C))
  officerE = await sessionFor(t, await makeUser(t, 'officer', E))
  officerF = await sessionFor(t, await makeUser(t, 'officer', F))
  b1 = await makePerson(t, { zone: B, rank: 'inspecteur' })
  b2 = await makePerson(t, { zone: B, rank: 'inspecteur' })
})

afterAll(async () => {
  await t.close()
})

describe('partners', () => {
  it('lists the partners under assistance of the own zone, not those of other domains', async () => {
    const res = await officerA.request({ method: 'GET', url: '/api/assistance/partners' })
    expect(res.statusCode).toBe(200)
    const items = res.json().items as { zoneId: string; partners: { zoneId: string }[] }[]
    expect(items).toHaveLength(1)
    expect(items[0]!.zoneId).toBe(A.id)
    expect(items[0]!.partners.map((p) => p.zoneId).sort()).toEqual([B.id, C.id].sort())
  })
})

describe('urgent request, end to end', () => {
  let id: string
  let detailA: AssistanceRequestDetail

  it('is created and sent at once to every partner', async () => {
    const res = await create(officerA, body())
    expect(res.statusCode, res.body).toBe(201)
    detailA = detail(res)
    id = detailA.id
    expect(detailA.status).toBe('requested')
    expect(detailA.requestedAt).not.toBeNull()
    expect(detailA.addressees.map((a) => a.zone.id).sort()).toEqual([B.id, C.id].sort())
    expect(detailA.retroApproval?.overdue).toBe(false)
    expect(detailA.actions).toContain('deploy')
  })

  it('a partner sees its own addressee row only, and may offer', async () => {
    const res = await get(officerB, id)
    expect(res.statusCode).toBe(200)
    const d = detail(res)
    expect(d.addressees.map((a) => a.zone.id)).toEqual([B.id])
    expect(d.respondingZoneIds).toEqual([B.id])
    expect(d.actions).toEqual(expect.arrayContaining(['offer', 'decline', 'ask_info']))
    const list = await officerB.request({ method: 'GET', url: '/api/assistance/requests?direction=incoming' })
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(id)
  })

  it('the partner offers two named inspecteurs; the requester sees rank and zone, not yet the names', async () => {
    const res = await officerB.request({
      method: 'POST',
      url: `/api/assistance/requests/${id}/offers`,
      payload: {
        lines: [
          { capability: 'inspecteur', count: 1, personId: b1.id },
          { capability: 'inspecteur', count: 1, personId: b2.id },
        ],
        expectedArrival: new Date(Date.now() + HOUR / 2).toISOString(),
      },
    })
    expect(res.statusCode).toBe(201)
    expect(detail(res).status).toBe('offered')
    const d = detail(await get(officerA, id))
    const lines = d.offers[0]!.lines
    expect(lines).toHaveLength(2)
    expect(lines.every((l) => l.person?.name === null && l.person.rank === 'inspecteur')).toBe(true)
    expect(d.addressees.find((a) => a.zone.id === B.id)?.state).toBe('offered')
  })

  it('a named person twice, or of another zone, is refused', async () => {
    const res = await officerB.request({
      method: 'POST',
      url: `/api/assistance/requests/${id}/offers`,
      payload: { lines: [{ capability: 'inspecteur', count: 1, personId: b1.id }] },
    })
    expect(res.statusCode).toBe(422)
    expect(codeOf(res)).toBe('ASSISTANCE_OFFER_PERSON_INVALID')
  })

  it('the requester accepts both lines: the people are deployed and named to the requester', async () => {
    const lineIds = detail(await get(officerA, id)).offers[0]!.lines.map((l) => l.id)
    const res = await officerA.request({
      method: 'POST',
      url: `/api/assistance/requests/${id}/decisions`,
      payload: { accept: lineIds, decline: [] },
    })
    expect(res.statusCode).toBe(200)
    const d = detail(res)
    expect(d.status).toBe('accepted')
    expect(d.deployments).toHaveLength(2)
    expect(d.deployments.every((x) => x.person.name !== null && x.person.name.includes('Persoon'))).toBe(true)
    const again = await officerA.request({
      method: 'POST',
      url: `/api/assistance/requests/${id}/decisions`,
      payload: { accept: [lineIds[0]], decline: [] },
    })
    expect(again.statusCode).toBe(409)
    expect(codeOf(again)).toBe('ASSISTANCE_OFFER_LINE_DECIDED')
    // The read of the names is in the audit log of the person's zone, with the reason.
    const audited = await t.database.db
      .selectFrom('audit_events')
      .select(['chain_zone_id', 'domain'])
      .where('action', '=', 'person.read')
      .where('object_id', '=', b1.id)
      .execute()
    expect(audited.length).toBeGreaterThan(0)
    expect(audited.every((a) => a.chain_zone_id === B.id && a.domain === 'assistance')).toBe(true)
  })

  it('starts; hours recorded by the helping zone, confirmed by the helped zone; completes and closes', async () => {
    expect((await act(officerA, id, 'start')).statusCode).toBe(200)
    const d = detail(await get(officerB, id))
    expect(d.status).toBe('under_way')
    for (const dep of d.deployments) {
      const res = await officerB.request({
        method: 'PUT',
        url: `/api/assistance/deployments/${dep.id}/hours`,
        payload: { start: isoAgo(3), end: isoAgo(1) },
      })
      expect(res.statusCode).toBe(200)
    }
    expect((await act(officerA, id, 'complete')).statusCode).toBe(200)
    const early = await act(officerA, id, 'close')
    expect(early.statusCode).toBe(409)
    expect(codeOf(early)).toBe('ASSISTANCE_HOURS_UNCONFIRMED')
    for (const dep of d.deployments) {
      const res = await officerA.request({ method: 'POST', url: `/api/assistance/deployments/${dep.id}/confirm` })
      expect(res.statusCode).toBe(200)
    }
    const closed = await act(officerA, id, 'close')
    expect(closed.statusCode).toBe(200)
    expect(detail(closed).status).toBe('closed')
    expect(detail(closed).timeline.map((e) => e.action)).toEqual(
      expect.arrayContaining(['create', 'submit', 'offer', 'accept', 'start', 'hours', 'hours_confirm', 'close']),
    )
    const locked = await officerB.request({
      method: 'PUT',
      url: `/api/assistance/deployments/${d.deployments[0]!.id}/hours`,
      payload: { start: isoAgo(4), end: isoAgo(1) },
    })
    expect(locked.statusCode).toBe(409)
    expect(codeOf(locked)).toBe('ASSISTANCE_LOCKED')
  })

  it('names the partner person only on the request they were deployed on', async () => {
    const other = detail(await create(officerA, body()))
    const offered = await officerB.request({
      method: 'POST',
      url: `/api/assistance/requests/${other.id}/offers`,
      payload: { lines: [{ capability: 'inspecteur', count: 1, personId: b1.id }] },
    })
    expect(offered.statusCode).toBe(201)
    const line = detail(await get(officerA, other.id)).offers[0]!.lines[0]!
    expect(line.person).toMatchObject({ id: b1.id, name: null, rank: 'inspecteur', zone: { id: B.id } })
    // The helping zone sees its own person's name.
    expect(detail(await get(officerB, other.id)).offers[0]!.lines[0]!.person?.name).not.toBeNull()
  })
})

describe('planned request', () => {
  it('needs approval in the requesting zone before partners see it', async () => {
    const start = new Date(Date.now() + 48 * HOUR).toISOString()
    const end = new Date(Date.now() + 52 * HOUR).toISOString()
    const res = await create(officerA, body({ urgency: 'planned', category: 'traffic_action', start, end }))
    expect(res.statusCode).toBe(201)
    const d = detail(res)
    expect(d.status).toBe('awaiting_approval')
    expect((await get(officerB, d.id)).statusCode).toBe(404)
    const list = await officerB.request({ method: 'GET', url: '/api/assistance/requests' })
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(d.id)
    const byOfficer = await officerA.request({ method: 'POST', url: `/api/assistance/requests/${d.id}/approval` })
    expect(byOfficer.statusCode).toBe(403)
    const approved = await plannerA.request({ method: 'POST', url: `/api/assistance/requests/${d.id}/approval` })
    expect(approved.statusCode).toBe(200)
    expect(detail(approved).status).toBe('requested')
    expect(detail(approved).approvedAt).not.toBeNull()
    expect((await get(officerB, d.id)).statusCode).toBe(200)
    // A planned request is not deployed at once.
    const deploy = await act(officerA, d.id, 'deploy')
    expect(deploy.statusCode).toBe(409)
    expect(codeOf(deploy)).toBe('ASSISTANCE_TRANSITION_INVALID')
  })

  it('an urgent request is approved afterwards', async () => {
    const d = detail(await create(officerA, body()))
    expect(d.canApprove).toBe(false)
    expect(detail(await get(plannerA, d.id)).canApprove).toBe(true)
    const res = await plannerA.request({ method: 'POST', url: `/api/assistance/requests/${d.id}/approval` })
    expect(res.statusCode).toBe(200)
    expect(detail(res).retroApproval).toBeNull()
    expect(detail(res).status).toBe('requested')
  })
})

describe('illegal transitions', () => {
  it('every requester action but submit and cancel is refused on a draft (409)', async () => {
    const d = detail(await create(officerA, body({ send: false })))
    expect(d.status).toBe('draft')
    for (const action of ['answer_info', 'accept', 'deploy', 'start', 'complete', 'close']) {
      const res = await act(officerA, d.id, action, { note: 'x' })
      expect(res.statusCode, action).toBe(409)
      expect(codeOf(res)).toBe('ASSISTANCE_TRANSITION_INVALID')
    }
    // A partner does not see a draft at all.
    expect((await act(officerB, d.id, 'decline')).statusCode).toBe(404)
    expect((await act(officerA, d.id, 'cancel', { note: 'no longer needed' })).statusCode).toBe(200)
    const again = await act(officerA, d.id, 'cancel')
    expect(again.statusCode).toBe(409)
  })

  it('a partner may not act as the requester, nor the requester as a partner', async () => {
    const d = detail(await create(officerA, body()))
    expect((await act(officerB, d.id, 'cancel')).statusCode).toBe(403)
    expect((await act(officerA, d.id, 'decline')).statusCode).toBe(403)
    const ask = await act(officerB, d.id, 'ask_info')
    expect(ask.statusCode).toBe(400)
  })

  it('the request is declined only when every addressed zone declined', async () => {
    const d = detail(await create(officerA, body()))
    const first = await act(officerB, d.id, 'decline', { note: 'nobody free' })
    expect(detail(first).status).toBe('requested')
    const last = await act(officerC, d.id, 'decline')
    expect(detail(last).status).toBe('declined')
  })
})

describe('bad input', () => {
  const expectCode = async (payload: Record<string, unknown>, status: number, code: string) => {
    const res = await create(officerA, body(payload))
    expect(res.statusCode, JSON.stringify(payload)).toBe(status)
    expect(codeOf(res)).toBe(code)
    return res
  }

  it('answers 4xx with catalogue codes, every problem listed', async () => {
    const now = Date.now()
    await expectCode(
      { start: new Date(now).toISOString(), end: new Date(now - HOUR).toISOString() },
      422,
      'ASSISTANCE_WINDOW_INVALID',
    )
    for (const count of [0, -1, 501])
      await expectCode({ lines: [{ capability: 'inspecteur', count }] }, 422, 'ASSISTANCE_COUNT_INVALID')
    await expectCode({ lines: [{ capability: 'unicorn', count: 1 }] }, 422, 'ASSISTANCE_CAPABILITY_UNKNOWN')
    const dup = await expectCode(
      {
        lines: [
          { capability: 'inspecteur', count: 1 },
          { capability: 'inspecteur', count: 2 },
        ],
      },
      422,
      'ASSISTANCE_LINE_DUPLICATE',
    )
    expect(dup.json().error.details.problems).toEqual([{ code: 'ASSISTANCE_LINE_DUPLICATE', field: 'lines.1' }])
    const many = await expectCode(
      { category: 'picnic', lines: [{ capability: 'unicorn', count: 0 }] },
      422,
      'ASSISTANCE_CATEGORY_UNKNOWN',
    )
    expect(many.json().error.details.problems.map((p: { code: string }) => p.code)).toEqual([
      'ASSISTANCE_CATEGORY_UNKNOWN',
      'ASSISTANCE_CAPABILITY_UNKNOWN',
      'ASSISTANCE_COUNT_INVALID',
    ])
    const nul = await create(officerA, body({ place: 'Markt\u00001' }))
    expect(nul.statusCode).toBe(400)
    await expectCode({ zoneId: F.id }, 404, 'NOT_FOUND')
    await expectCode({ addressing: 'chosen', zoneIds: [E.id] }, 422, 'ASSISTANCE_NOT_PARTNER')
    await expectCode({ addressing: 'chosen', zoneIds: [F.id] }, 422, 'ASSISTANCE_NOT_PARTNER')
  })

  it("another association's request is 404, as is a zone not addressed", async () => {
    const chosen = detail(await create(officerA, body({ addressing: 'chosen', zoneIds: [B.id] })))
    expect(chosen.addressees.map((a) => a.zone.id)).toEqual([B.id])
    expect((await get(officerC, chosen.id)).statusCode).toBe(404)
    expect((await get(officerF, chosen.id)).statusCode).toBe(404)
    expect((await get(officerE, chosen.id)).statusCode).toBe(404)
    const offer = await officerC.request({
      method: 'POST',
      url: `/api/assistance/requests/${chosen.id}/offers`,
      payload: { lines: [{ capability: 'inspecteur', count: 1 }] },
    })
    expect(offer.statusCode).toBe(404)
  })

  it('a zone whose agreement lacks assistance cannot create and sees nothing', async () => {
    const res = await create(officerE, body())
    expect(res.statusCode).toBe(422)
    expect(codeOf(res)).toBe('ASSISTANCE_NO_PARTNERS')
    const list = await officerE.request({ method: 'GET', url: '/api/assistance/requests' })
    expect(list.json().items).toEqual([])
    expect((await officerE.request({ method: 'GET', url: '/api/assistance/partners' })).json().items).toEqual([])
  })
})

describe('idempotency', () => {
  it('two concurrent sends with one key make one request, both answered with it', async () => {
    const payload = body()
    const [r1, r2] = await Promise.all([create(officerA, payload), create(officerA, payload)])
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 201])
    expect(detail(r1).id).toBe(detail(r2).id)
    const rows = await t.database.db
      .selectFrom('assistance_requests')
      .select('id')
      .where('idempotency_key', '=', payload.idempotencyKey)
      .execute()
    expect(rows).toHaveLength(1)
    const third = await create(officerA, payload)
    expect(third.statusCode).toBe(200)
    const changed = await create(officerA, { ...payload, place: 'Elders' })
    expect(changed.statusCode).toBe(409)
    expect(codeOf(changed)).toBe('ASSISTANCE_IDEMPOTENCY_CONFLICT')
  })
})

describe('deployments and hours', () => {
  it('names its own people, refuses bad periods and overlaps, and a correction clears the other confirmation', async () => {
    const d = detail(await create(officerA, body()))
    const person = await makePerson(t, { zone: B, rank: 'inspecteur' })
    const other = detail(await create(officerA, body()))
    // Deployed at once: the requester deploys, the helping zone names its people.
    expect((await act(officerA, d.id, 'deploy')).statusCode).toBe(200)
    expect((await act(officerA, other.id, 'deploy')).statusCode).toBe(200)
    const add = (id: string, payload: Record<string, unknown>) =>
      officerB.request({ method: 'POST', url: `/api/assistance/requests/${id}/deployments`, payload })
    const first = await add(d.id, { personId: person.id, capability: 'inspecteur' })
    expect(first.statusCode).toBe(201)
    const twice = await add(d.id, { personId: person.id, capability: 'inspecteur' })
    expect(twice.statusCode).toBe(409)
    expect(codeOf(twice)).toBe('ASSISTANCE_DEPLOYMENT_DUPLICATE')
    const notMine = await officerC.request({
      method: 'POST',
      url: `/api/assistance/requests/${d.id}/deployments`,
      payload: { personId: person.id, capability: 'inspecteur' },
    })
    expect(notMine.statusCode).toBe(403)
    const dep = detail(first).deployments.find((x) => x.person.id === person.id)!
    const hours = (s: Session, id: string, start: string, end: string) =>
      s.request({ method: 'PUT', url: `/api/assistance/deployments/${id}/hours`, payload: { start, end } })
    for (const [start, end] of [
      [isoAgo(2), isoAgo(3)],
      [isoAgo(30), isoAgo(1)],
      [new Date(Date.now() + HOUR).toISOString(), new Date(Date.now() + 2 * HOUR).toISOString()],
    ] as const) {
      const res = await hours(officerB, dep.id, start, end)
      expect(res.statusCode).toBe(422)
      expect(codeOf(res)).toBe('ASSISTANCE_DEPLOYMENT_PERIOD_INVALID')
    }
    const noHours = await officerA.request({ method: 'POST', url: `/api/assistance/deployments/${dep.id}/confirm` })
    expect(noHours.statusCode).toBe(409)
    expect(codeOf(noHours)).toBe('ASSISTANCE_NO_HOURS')
    expect((await hours(officerB, dep.id, isoAgo(3), isoAgo(1))).statusCode).toBe(200)
    // The same person elsewhere at the same time.
    const second = detail(await add(other.id, { personId: person.id, capability: 'inspecteur' }))
    const dep2 = second.deployments.find((x) => x.person.id === person.id)!
    const overlap = await hours(officerB, dep2.id, isoAgo(2), isoAgo(0.5))
    expect(overlap.statusCode).toBe(409)
    expect(codeOf(overlap)).toBe('ASSISTANCE_DEPLOYMENT_OVERLAP')
    // A confirms; B corrects: A's confirmation is cleared.
    const confirmed = detail(
      await officerA.request({ method: 'POST', url: `/api/assistance/deployments/${dep.id}/confirm` }),
    ).deployments.find((x) => x.id === dep.id)!
    expect(confirmed.confirmed).toBe(true)
    const corrected = detail(await hours(officerB, dep.id, isoAgo(4), isoAgo(1))).deployments.find(
      (x) => x.id === dep.id,
    )!
    expect(corrected.helpedConfirmedAt).toBeNull()
    expect(corrected.helpingConfirmedAt).not.toBeNull()
    // Removed (not confirmed by both any more): the person is no longer named to A on this request.
    const removed = await officerB.request({ method: 'DELETE', url: `/api/assistance/deployments/${dep.id}` })
    expect(removed.statusCode).toBe(200)
    const reasons = await t.database.db
      .selectFrom('visibility_reasons')
      .select('id')
      .where('source_table', '=', 'assistance_deployments')
      .where('source_id', '=', dep.id)
      .execute()
    expect(reasons).toEqual([])
  })

  it('an edit of a draft is validated like a new request', async () => {
    const d = detail(await create(officerA, body({ send: false })))
    const bad = await officerA.request({
      method: 'PATCH',
      url: `/api/assistance/requests/${d.id}`,
      payload: { lines: [{ capability: 'inspecteur', count: 0 }] },
    })
    expect(bad.statusCode).toBe(422)
    expect(codeOf(bad)).toBe('ASSISTANCE_COUNT_INVALID')
    const ok = await officerA.request({
      method: 'PATCH',
      url: `/api/assistance/requests/${d.id}`,
      payload: { place: 'Kerkplein 2', addressing: 'chosen', zoneIds: [C.id] },
    })
    expect(ok.statusCode).toBe(200)
    expect(detail(ok).place).toBe('Kerkplein 2')
    const sent = detail(await act(officerA, d.id, 'submit'))
    expect(sent.status).toBe('requested')
    expect(sent.addressees.map((a) => a.zone.id)).toEqual([C.id])
    expect((await get(officerB, d.id)).statusCode).toBe(404)
  })
})
