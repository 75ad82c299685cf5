// Swaps, give-aways and leave replacements through the API on a test clock: offer, ranked candidates across zones,
// take (and the race of two takes), one approval per zone concerned, the duties changed through the publication
// seam (who was on duty at T, as known before and after), illegal transitions, expiry, leave raising a need, gaps,
// and a foreign association's 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  makeAgreement,
  makeAssociation,
  makeDuty,
  makePerson,
  makeUser,
  sessionFor,
  type AssociationRef,
  type PersonRef,
  type ZoneRef,
} from '../../../../test/factories.ts'
import { startTestApp, type Session, type TestApp } from '../../../../test/harness.ts'
import { TestClock } from '../../platform/clock.ts'

const clock = new TestClock('2026-03-02T09:00:00Z') // Monday 10:00 in Brussels
let t: TestApp
let assoc: AssociationRef
let a: ZoneRef, b: ZoneRef, c: ZoneRef
let plannerA: Session, plannerB: Session, plannerC: Session
let rotationId: string
// a1, a2 of zone A; b1, b2, b3 of zone B; each with an officer account.
const p: Record<string, PersonRef> = {}
const s: Record<string, Session> = {}
const userOf: Record<string, string> = {}

const post = (who: Session, url: string, payload: object = {}) => who.request({ method: 'POST', url, payload })
const get = (who: Session, url: string) => who.request({ method: 'GET', url })
const onDutyAt = async (at: string, asKnownAt?: string) =>
  (
    await get(plannerA, `/api/rotations/${rotationId}/duties?at=${at}${asKnownAt ? `&asKnownAt=${asKnownAt}` : ''}`)
  ).json().items as Array<{ person: { personId: string } | null }>

async function notificationsOf(name: string, kind: string) {
  return t.database.db
    .selectFrom('notifications')
    .select(['kind', 'object_id'])
    .where('user_id', '=', userOf[name]!)
    .where('kind', '=', kind)
    .execute()
}

beforeAll(async () => {
  // Sessions outlive the test clock's jumps of days and weeks.
  t = await startTestApp({ sessionTtlHours: 24 * 365, sessionIdleMinutes: 24 * 60 * 365 }, { clock })
  assoc = await makeAssociation(t, { zoneCount: 3 })
  ;[a, b, c] = assoc.zones as [ZoneRef, ZoneRef, ZoneRef]
  await makeAgreement(t, { association: assoc, parties: [a, b], domains: ['permanence.officer_of_duty'], clock })
  const planner = async (zone: ZoneRef) => {
    const u = await makeUser(t, 'planner', zone)
    return sessionFor(t, u)
  }
  plannerA = await planner(a)
  plannerB = await planner(b)
  plannerC = await planner(c)
  const created = await post(plannerA, '/api/rotations', {
    associationId: assoc.id,
    domain: 'permanence.officer_of_duty',
    name: 'OvW A+B',
    zoneIds: [a.id, b.id],
    dutyKind: 'on_call',
    pattern: { kind: 'weekly', handoffWeekday: 1, handoffTime: '07:00' },
    validFrom: '2026-01-01',
  })
  expect(created.statusCode).toBe(201)
  rotationId = created.json().id
  for (const [name, zone, planner] of [
    ['a1', a, plannerA],
    ['a2', a, plannerA],
    ['b1', b, plannerB],
    ['b2', b, plannerB],
    ['b3', b, plannerB],
  ] as const) {
    p[name] = await makePerson(t, { zone, rank: 'commissaris' })
    const res = await post(planner, `/api/rotations/${rotationId}/members`, {
      personId: p[name].id,
      from: '2026-01-01',
    })
    expect(res.statusCode).toBe(201)
    const user = await makeUser(t, 'officer', zone, { personId: p[name].id })
    userOf[name] = user.id
    s[name] = await sessionFor(t, user)
  }
})
afterAll(() => t.close())

describe('give away across zones', () => {
  let duty: { id: string }
  let requestId: string

  it('offers a future duty to eligible colleagues of both zones, ranked, and tells them', async () => {
    duty = await makeDuty(t, { rotationId, person: p.a1!, monday: '2026-03-09' })
    await makeDuty(t, { rotationId, person: p.a2!, monday: '2026-03-16' }) // the week after: not rested enough
    await makeDuty(t, { rotationId, person: p.b1!, monday: '2026-04-13' }) // b1 carries more load nearby
    const res = await post(s.a1!, '/api/swaps', { dutyId: duty.id, kind: 'give_away', note: 'Familiefeest' })
    expect(res.statusCode).toBe(201)
    requestId = res.json().id
    expect(res.json()).toMatchObject({ status: 'open', kind: 'give_away', mine: true, canWithdraw: true })
    const detail = (await get(s.a1!, `/api/swaps/${requestId}`)).json()
    const ranked = detail.candidates.map((x: { personId: string }) => x.personId)
    expect(ranked).not.toContain(p.a1!.id)
    // a2 stands the week after (at most one on-call week in three, the officer-of-duty preset): not offered.
    expect(new Set(ranked)).toEqual(new Set([p.b1!.id, p.b2!.id, p.b3!.id]))
    expect(ranked.slice(-1)).toEqual([p.b1!.id]) // the heaviest load last
    expect(detail.candidates[2].loadHours).toBeGreaterThan(168)
    expect(detail.candidates[0].loadHours).toBe(0)
    expect(Object.keys(detail.candidates[0]).sort()).toEqual(
      ['firstName', 'lastName', 'loadHours', 'personId', 'rank', 'workPhone', 'zoneCode', 'zoneId'].sort(),
    )
    expect(await notificationsOf('b1', 'swap.offered')).toEqual([{ kind: 'swap.offered', object_id: requestId }])
    // The partner zone's people shown to a1 are logged as reads in zone B's chain, with the rotation's domain.
    const logged = await t.database.db
      .selectFrom('audit_events')
      .select(['chain_zone_id', 'domain'])
      .where('action', '=', 'person.list')
      .where('object_id', '=', requestId)
      .execute()
    expect(logged).toContainEqual({ chain_zone_id: b.id, domain: 'permanence.officer_of_duty' })
  })

  it('refuses a second request on the same duty, someone else’s duty, and a duty that started', async () => {
    const again = await post(s.a1!, '/api/swaps', { dutyId: duty.id, kind: 'swap' })
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'SWAP_ALREADY_REQUESTED'])
    const other = await post(s.b1!, '/api/swaps', { dutyId: duty.id, kind: 'give_away' })
    expect([other.statusCode, other.json().error.code]).toEqual([403, 'FORBIDDEN'])
    const past = await makeDuty(t, { rotationId, person: p.a1!, monday: '2026-02-23' })
    const started = await post(s.a1!, '/api/swaps', { dutyId: past.id, kind: 'give_away' })
    expect([started.statusCode, started.json().error.code]).toEqual([422, 'SWAP_DUTY_NOT_OPEN'])
  })

  it('hides the request from a zone outside the rotation (404, as for an unknown id)', async () => {
    for (const [method, url] of [
      ['GET', `/api/swaps/${requestId}`],
      ['POST', `/api/swaps/${requestId}/approve`],
      ['POST', `/api/swaps/${requestId}/reject`],
    ] as const) {
      const res = await plannerC.request({ method, url, payload: {} })
      expect([url, res.statusCode]).toEqual([url, 404])
    }
    expect((await get(plannerC, '/api/swaps')).json().items).toEqual([])
  })

  it('is taken by a partner-zone colleague; approval needs both zones’ planners; then the duty changes', async () => {
    const approveEarly = await post(plannerA, `/api/swaps/${requestId}/approve`)
    expect([approveEarly.statusCode, approveEarly.json().error.code]).toEqual([409, 'SWAP_STATE_CONFLICT'])
    const taken = await post(s.b1!, `/api/swaps/${requestId}/take`)
    expect(taken.statusCode).toBe(200)
    expect(taken.json()).toMatchObject({ status: 'taken', taker: { personId: p.b1!.id } })
    expect(taken.json().zonesConcerned.sort()).toEqual([a.id, b.id].sort())
    expect(await notificationsOf('a1', 'swap.taken')).toHaveLength(1)
    clock.set('2026-03-03T09:00:00Z')
    const first = await post(plannerA, `/api/swaps/${requestId}/approve`)
    expect(first.json()).toMatchObject({ status: 'taken', approvedZoneIds: [a.id], canApprove: false })
    const twice = await post(plannerA, `/api/swaps/${requestId}/approve`)
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'SWAP_ALREADY_APPROVED'])
    expect((await onDutyAt('2026-03-10T12:00:00Z'))[0]?.person?.personId).toBe(p.a1!.id)
    clock.set('2026-03-04T09:00:00Z')
    const last = await post(plannerB, `/api/swaps/${requestId}/approve`)
    expect(last.json()).toMatchObject({ status: 'approved' })
    // Who is on duty on 10 March: b1 as known now, a1 as it was known the day before the approval.
    expect((await onDutyAt('2026-03-10T12:00:00Z'))[0]?.person?.personId).toBe(p.b1!.id)
    expect((await onDutyAt('2026-03-10T12:00:00Z', '2026-03-03T12:00:00Z'))[0]?.person?.personId).toBe(p.a1!.id)
    const rows = await t.database.db
      .selectFrom('duties')
      .select(['cause', 'cause_id', 'person_id'])
      .where('cause', '=', 'swap')
      .execute()
    expect(rows).toEqual([{ cause: 'swap', cause_id: requestId, person_id: p.b1!.id }])
    expect(await notificationsOf('a1', 'swap.approved')).toHaveLength(1)
    expect(await notificationsOf('b1', 'swap.approved')).toHaveLength(1)
  })

  it('answers illegal transitions with 409', async () => {
    for (const [who, action] of [
      [s.a1!, 'withdraw'],
      [s.b2!, 'take'],
      [plannerB, 'reject'],
      [plannerB, 'approve'],
    ] as const) {
      const res = await post(who, `/api/swaps/${requestId}/${action}`)
      expect([action, res.statusCode, res.json().error.code]).toEqual([action, 409, 'SWAP_STATE_CONFLICT'])
    }
  })
})

describe('races, swaps, expiry', () => {
  it('of two concurrent takes, one wins and the other gets 409', async () => {
    const d = await makeDuty(t, { rotationId, person: p.a2!, monday: '2026-04-06' })
    const id = (await post(s.a2!, '/api/swaps', { dutyId: d.id, kind: 'give_away' })).json().id
    const [one, two] = await Promise.all([post(s.b2!, `/api/swaps/${id}/take`), post(s.b3!, `/api/swaps/${id}/take`)])
    expect([one.statusCode, two.statusCode].sort()).toEqual([200, 409])
    expect([one, two].find((r) => r.statusCode === 409)!.json().error.code).toBe('SWAP_STATE_CONFLICT')
    const withdrawn = await post(s.a2!, `/api/swaps/${id}/withdraw`)
    expect(withdrawn.json().status).toBe('withdrawn')
  })

  it('swaps two duties; the taker must name one of their own duties the requester can take', async () => {
    const mine = await makeDuty(t, { rotationId, person: p.a2!, monday: '2026-04-20' })
    const theirs = await makeDuty(t, { rotationId, person: p.b2!, monday: '2026-05-04' })
    const id = (await post(s.a2!, '/api/swaps', { dutyId: mine.id, kind: 'swap' })).json().id
    const none = await post(s.b2!, `/api/swaps/${id}/take`)
    expect([none.statusCode, none.json().error.code]).toEqual([422, 'SWAP_RETURN_DUTY_INVALID'])
    const notHis = await post(s.b3!, `/api/swaps/${id}/take`, { returnDutyId: theirs.id })
    expect([notHis.statusCode, notHis.json().error.code]).toEqual([422, 'SWAP_RETURN_DUTY_INVALID'])
    const taken = await post(s.b2!, `/api/swaps/${id}/take`, { returnDutyId: theirs.id })
    expect(taken.json()).toMatchObject({ status: 'taken', returnDuty: { dutyId: theirs.id } })
    await post(plannerB, `/api/swaps/${id}/approve`)
    expect((await post(plannerA, `/api/swaps/${id}/approve`)).json().status).toBe('approved')
    expect((await onDutyAt('2026-04-21T12:00:00Z'))[0]?.person?.personId).toBe(p.b2!.id)
    expect((await onDutyAt('2026-05-05T12:00:00Z'))[0]?.person?.personId).toBe(p.a2!.id)
  })

  it('a request reads as expired once its duty started, and can no longer be taken', async () => {
    const d = await makeDuty(t, { rotationId, person: p.a1!, monday: '2026-03-30' })
    const id = (await post(s.a1!, '/api/swaps', { dutyId: d.id, kind: 'give_away' })).json().id
    const before = clock.now()
    clock.set('2026-03-30T06:00:00Z') // 08:00 in Brussels: the duty started at 07:00
    try {
      const res = await post(s.b1!, `/api/swaps/${id}/take`)
      expect([res.statusCode, res.json().error.code]).toEqual([409, 'SWAP_EXPIRED'])
      expect((await get(s.a1!, `/api/swaps/${id}`)).json().request.status).toBe('expired')
    } finally {
      clock.set(before)
    }
  })

  it('refuses a taker who is not rested or not eligible (422 with the rule)', async () => {
    const d = await makeDuty(t, { rotationId, person: p.a1!, monday: '2026-05-18' })
    const id = (await post(s.a1!, '/api/swaps', { dutyId: d.id, kind: 'give_away' })).json().id
    const planner = await sessionFor(t, await makeUser(t, 'planner', a))
    const notMember = await post(planner, `/api/swaps/${id}/take`)
    expect([notMember.statusCode, notMember.json().error.code]).toEqual([422, 'SWAP_NOT_ELIGIBLE'])
    await post(plannerB, '/api/availability', {
      personId: p.b3!.id,
      kind: 'leave',
      from: '2026-05-19',
      to: '2026-05-20',
    })
    const onLeave = await post(s.b3!, `/api/swaps/${id}/take`)
    expect(onLeave.json()).toMatchObject({ error: { code: 'SWAP_NOT_ELIGIBLE', details: { rule: 'UNAVAILABLE' } } })
  })
})

describe('leave over a duty', () => {
  it('raises a replacement need with ranked candidates; the planner assigns one; gaps list it meanwhile', async () => {
    const d = await makeDuty(t, { rotationId, person: p.b1!, monday: '2026-06-01' })
    const leave = await post(plannerB, '/api/availability', {
      personId: p.b1!.id,
      kind: 'leave',
      from: '2026-06-02',
      to: '2026-06-04',
    })
    expect(leave.statusCode).toBe(201)
    const gaps = (await get(plannerB, '/api/permanences/gaps?days=120')).json()
    const need = gaps.needs.find((n: { dutyId: string }) => n.dutyId === d.id)
    expect(need).toMatchObject({ kind: 'replacement', status: 'open', requester: { personId: p.b1!.id } })
    expect(need.canAssign).toBe(true)
    expect(await notificationsOf('b2', 'swap.offered')).not.toHaveLength(0)
    const detail = (await get(plannerB, `/api/swaps/${need.id}`)).json()
    expect(detail.candidates.map((x: { personId: string }) => x.personId)).not.toContain(p.b1!.id)
    // A same-zone replacement needs only zone B's approval: assigning applies it at once.
    const assigned = await post(plannerB, `/api/swaps/${need.id}/assign`, { personId: p.b3!.id })
    expect(assigned.json()).toMatchObject({ status: 'approved', taker: { personId: p.b3!.id } })
    expect((await onDutyAt('2026-06-03T12:00:00Z'))[0]?.person?.personId).toBe(p.b3!.id)
    const cause = await t.database.db
      .selectFrom('duties')
      .select('cause')
      .where('cause_id', '=', need.id)
      .executeTakeFirst()
    expect(cause).toEqual({ cause: 'leave_replacement' })
    const after = (await get(plannerB, '/api/permanences/gaps?days=120')).json()
    expect(after.needs.map((n: { id: string }) => n.id)).not.toContain(need.id)
  })

  it('lists published slots with no one on duty as gaps, to the planners of the rotation only', async () => {
    const db = t.database.db
    const v = await db
      .insertInto('roster_versions')
      .values({
        rotation_id: rotationId,
        version: 1,
        status: 'published',
        horizon: '[2026-06-08T05:00:00Z,2026-06-15T05:00:00Z)',
        created_at: clock.now(),
        published_at: clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('roster_draft_slots')
      .values({
        roster_version_id: v.id,
        slot_key: 'week:2026-06-08',
        position: 1,
        period: '[2026-06-08T05:00:00Z,2026-06-15T05:00:00Z)',
        person_id: null,
      })
      .execute()
    const gaps = (await get(plannerA, '/api/permanences/gaps?days=120')).json()
    expect(gaps.slots).toEqual([
      expect.objectContaining({ slotKey: 'week:2026-06-08', rotation: expect.objectContaining({ id: rotationId }) }),
    ])
    expect((await get(plannerC, '/api/permanences/gaps?days=120')).json().slots).toEqual([])
  })

  it('my duties lists the caller’s own upcoming duties with the open request on each', async () => {
    const d = await makeDuty(t, { rotationId, person: p.b2!, monday: '2026-06-22' })
    const id = (await post(s.b2!, '/api/swaps', { dutyId: d.id, kind: 'give_away' })).json().id
    const mine = (await get(s.b2!, '/api/my-duties')).json().items
    expect(mine).toContainEqual(expect.objectContaining({ dutyId: d.id, requestId: id, slotKey: 'week:2026-06-22' }))
    expect(mine.every((x: { rotation: { id: string } }) => x.rotation.id === rotationId)).toBe(true)
  })
})
