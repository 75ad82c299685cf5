// Call-outs and monthly statements through the HTTP API on a real database: own entry within an on-call duty,
// the planner entering for a colleague, partner and foreign zones seeing nothing, the overlap refused by the
// database, the working-time warnings about an upcoming present shift, the statement's split, the approval that
// freezes the numbers and locks the call-outs until the planner reopens, and the CSV for payroll.
import { Temporal } from 'temporal-polyfill'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  makeAgreement,
  makeAssociation,
  makePerson,
  makeRotation,
  makeUser,
  sessionFor,
  type PersonRef,
  type RotationRef,
  type ZoneRef,
} from '../../../../test/factories.ts'
import { startTestApp, type Session, type TestApp } from '../../../../test/harness.ts'
import { TestClock } from '../../platform/clock.ts'

let t: TestApp
const clock = new TestClock('2026-07-10T10:00:00Z')
let own: ZoneRef
let officer: Session
let planner: Session
let korpschef: Session
let partnerPlanner: Session
let foreignPlanner: Session
let noPerson: Session
let officerPerson: PersonRef
let colleaguePerson: PersonRef
let onCall: RotationRef
let present: RotationRef

/** A Brussels wall-clock time as an ISO instant with offset. */
const local = (at: string) =>
  Temporal.PlainDateTime.from(at).toZonedDateTime('Europe/Brussels').toString({ timeZoneName: 'never' })
const codeOf = (res: { json(): { error: { code: string } } }) => res.json().error.code

async function duty(person: PersonRef, rotation: RotationRef, from: string, to: string, slotKey: string) {
  const kind = rotation === present ? 'present' : 'on_call'
  const row = await t.database.db
    .insertInto('duties')
    .values({
      rotation_id: rotation.id,
      slot_key: slotKey,
      position: 1,
      period: `[${local(from)},${local(to)})`,
      duty_kind: kind,
      person_id: person.id,
      zone_id: person.zoneId,
      cause: 'override',
      recorded: '[2020-01-01T00:00:00Z,)',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

const post = (s: Session, payload: Record<string, unknown>) =>
  s.request({ method: 'POST', url: '/api/callouts', payload })

beforeAll(async () => {
  t = await startTestApp({}, { clock })
  const association = await makeAssociation(t, { zoneCount: 2 })
  const [a, b] = association.zones as [ZoneRef, ZoneRef]
  own = a
  await makeAgreement(t, { association, domains: ['permanence.officer_of_duty'] })
  const foreign = await makeAssociation(t, { zoneCount: 1 })
  officerPerson = await makePerson(t, { zone: own })
  colleaguePerson = await makePerson(t, { zone: own })
  officer = await sessionFor(t, await makeUser(t, 'officer', own, { personId: officerPerson.id }))
  planner = await sessionFor(
    t,
    await makeUser(t, 'planner', own, { personId: (await makePerson(t, { zone: own })).id }),
  )
  korpschef = await sessionFor(t, await makeUser(t, 'korpschef', own))
  partnerPlanner = await sessionFor(t, await makeUser(t, 'planner', b))
  foreignPlanner = await sessionFor(t, await makeUser(t, 'planner', foreign.zones[0]!))
  noPerson = await sessionFor(t, await makeUser(t, 'officer', own))
  onCall = await makeRotation(t, { association })
  present = await makeRotation(t, {
    association,
    dutyKind: 'present',
    pattern: { kind: 'daily', handoffTime: '07:00' },
  })
  // An on-call week across 1 July, and a present shift right after it.
  await duty(officerPerson, onCall, '2026-06-29T07:00', '2026-07-06T07:00', 'week:2026-06-29')
  await duty(officerPerson, present, '2026-07-06T07:00', '2026-07-06T15:00', 'day:2026-07-06')
  await duty(colleaguePerson, onCall, '2026-07-06T07:00', '2026-07-13T07:00', 'week:2026-07-06')
})
afterAll(() => t.close())

describe('recording call-outs', () => {
  let first: string

  it('warns about nothing when the rest before the shift stays long enough', async () => {
    const res = await post(officer, {
      start: local('2026-07-03T14:00'),
      end: local('2026-07-03T15:30'),
      reason: 'Verkeersongeval',
    })
    expect(res.statusCode).toBe(201)
    expect(res.json().warnings).toEqual([])
  })

  it('records an own call-out within the on-call duty and warns about the present shift after it', async () => {
    const res = await post(officer, {
      start: local('2026-07-06T02:00'),
      end: local('2026-07-06T05:00'),
      reason: 'Inbraak Markt 3',
    })
    expect(res.statusCode).toBe(201)
    const body = res.json()
    first = body.callOut.id
    expect(body.callOut).toMatchObject({
      personId: officerPerson.id,
      rotationId: onCall.id,
      slotKey: 'week:2026-06-29',
      minutes: 180,
      reason: 'Inbraak Markt 3',
      locked: false,
    })
    // Three hours of work until 05:00, then a shift at 07:00: two hours of rest and 11 hours in 24.
    expect(body.warnings).toEqual([
      expect.objectContaining({ rotationId: present.id, rules: ['REST_TOO_SHORT', 'WORK_PER_24H'] }),
    ])
    const logged = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'chain_zone_id'])
      .where('object_id', '=', first)
      .execute()
    expect(logged).toEqual([{ action: 'callout.create', chain_zone_id: own.id }])
  })

  it('refuses an overlapping call-out of the same person (the database constraint)', async () => {
    const res = await post(officer, {
      start: local('2026-07-06T04:00'),
      end: local('2026-07-06T06:00'),
      reason: 'Dubbel',
    })
    expect(res.statusCode).toBe(409)
    expect(codeOf(res)).toBe('CALLOUT_OVERLAP')
  })

  it('refuses a start outside an on-call duty, a bad period, the future, an empty reason', async () => {
    const outside = await post(officer, {
      start: local('2026-07-08T10:00'),
      end: local('2026-07-08T11:00'),
      reason: 'x',
    })
    expect([outside.statusCode, codeOf(outside)]).toEqual([422, 'CALLOUT_NOT_IN_DUTY'])
    const backwards = await post(officer, {
      start: local('2026-07-01T10:00'),
      end: local('2026-07-01T09:00'),
      reason: 'x',
    })
    expect([backwards.statusCode, codeOf(backwards)]).toEqual([422, 'CALLOUT_PERIOD_INVALID'])
    const long = await post(officer, { start: local('2026-07-01T10:00'), end: local('2026-07-02T10:01'), reason: 'x' })
    expect([long.statusCode, codeOf(long)]).toEqual([422, 'CALLOUT_PERIOD_INVALID'])
    const future = await post(colleague(), {
      start: local('2026-07-12T10:00'),
      end: local('2026-07-12T11:00'),
      reason: 'x',
    })
    expect([future.statusCode, codeOf(future)]).toEqual([422, 'CALLOUT_IN_FUTURE'])
    const blank = await post(officer, {
      start: local('2026-07-01T10:00'),
      end: local('2026-07-01T11:00'),
      reason: '  ',
    })
    expect([blank.statusCode, codeOf(blank)]).toEqual([400, 'VALIDATION_FAILED'])
    const noOffset = await post(officer, { start: '2026-07-01T10:00', end: '2026-07-01T11:00', reason: 'x' })
    expect(noOffset.statusCode).toBe(400)
    const none = await post(noPerson, { start: local('2026-07-01T10:00'), end: local('2026-07-01T11:00'), reason: 'x' })
    expect([none.statusCode, codeOf(none)]).toEqual([422, 'CALLOUT_NO_PERSON'])
  })

  /** The planner on the colleague's behalf (the colleague has no account in this test). */
  const colleague = () => planner
  const forColleague = {
    personId: '',
    start: local('2026-07-07T23:30'),
    end: local('2026-07-08T01:00'),
    reason: 'Brand',
  }

  it('lets the planner of the zone enter for a colleague; partner and foreign planners see nothing', async () => {
    const payload = { ...forColleague, personId: colleaguePerson.id }
    for (const s of [partnerPlanner, foreignPlanner, officer]) {
      const res = await post(s, payload)
      expect([res.statusCode, codeOf(res)]).toEqual([404, 'NOT_FOUND'])
    }
    const chef = await post(korpschef, payload)
    expect([chef.statusCode, codeOf(chef)]).toEqual([403, 'FORBIDDEN'])
    const res = await post(planner, payload)
    expect(res.statusCode).toBe(201)
    expect(res.json().callOut.enteredBy.name).toMatch(/planner/)
    const list = await partnerPlanner.request({ method: 'GET', url: `/api/callouts?personId=${colleaguePerson.id}` })
    expect(list.statusCode).toBe(404)
  })

  it("lists the month's call-outs and the current or most recent on-call duty", async () => {
    const res = await officer.request({ method: 'GET', url: '/api/callouts?month=2026-07' })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.items.map((c: { reason: string }) => c.reason)).toEqual(['Verkeersongeval', 'Inbraak Markt 3'])
    expect(body.duty).toMatchObject({ rotationId: onCall.id, slotKey: 'week:2026-06-29', current: false })
    const colleagueList = await planner.request({ method: 'GET', url: `/api/callouts?personId=${colleaguePerson.id}` })
    expect(colleagueList.json().duty).toMatchObject({ slotKey: 'week:2026-07-06', current: true })
  })

  it('corrects and removes an own call-out', async () => {
    const patched = await officer.request({
      method: 'PATCH',
      url: `/api/callouts/${first}`,
      payload: { end: local('2026-07-06T04:00') },
    })
    expect(patched.statusCode).toBe(200)
    expect(patched.json().callOut.minutes).toBe(120)
    const extra = await post(officer, {
      start: local('2026-07-02T12:00'),
      end: local('2026-07-02T12:30'),
      reason: 'Weg',
    })
    const removed = await officer.request({ method: 'DELETE', url: `/api/callouts/${extra.json().callOut.id}` })
    expect(removed.statusCode).toBe(204)
  })
})

describe('monthly statement', () => {
  it("splits the person's month: on-call minus call-outs, by night, weekend and weekday", async () => {
    const res = await officer.request({ method: 'GET', url: '/api/callouts/statement?month=2026-07' })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.status).toBe('open')
    // Call-outs: Fri 3 July 14:00–15:30 (weekday day) and Mon 6 July 02:00–04:00 (weekday night).
    expect(body.line.callOuts).toEqual({
      total: 210,
      weekday: 210,
      weekdayDay: 90,
      night: 120,
      saturday: 0,
      sunday: 0,
      holiday: 0,
    })
    // On call from 1 July 00:00 to 6 July 07:00 = 127 hours, minus the 3.5 hours of call-outs.
    expect(body.line.onCall.total).toBe(127 * 60 - 210)
    expect(body.line.onCall.saturday).toBe(24 * 60)
    expect(body.line.onCall.sunday).toBe(24 * 60)
    const june = await officer.request({ method: 'GET', url: '/api/callouts/statement?month=2026-06' })
    expect(june.json().line.onCall.total).toBe(41 * 60)
  })

  it('shows the zone statement to its planner and korpschef only', async () => {
    const url = `/api/zones/${own.id}/statements/2026-07`
    const res = await planner.request({ method: 'GET', url })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.lines.map((l: { personId: string }) => l.personId).sort()).toEqual(
      [officerPerson.id, colleaguePerson.id].sort(),
    )
    expect(body.totals.callOuts.total).toBe(210 + 90)
    expect((await korpschef.request({ method: 'GET', url })).statusCode).toBe(200)
    expect((await officer.request({ method: 'GET', url })).statusCode).toBe(403)
    expect((await partnerPlanner.request({ method: 'GET', url })).statusCode).toBe(404)
    expect((await foreignPlanner.request({ method: 'GET', url })).statusCode).toBe(404)
  })

  it('exports the zone statement as CSV that Excel in nl-BE opens: BOM, semicolons, decimal comma', async () => {
    const res = await planner.request({ method: 'GET', url: `/api/zones/${own.id}/statements/2026-07/csv` })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(res.headers['content-disposition']).toContain(`verbond-maandstaat_${own.code}_2026-07.csv`)
    expect(res.body.startsWith('\uFEFFStamnummer;Naam;B&T – Bereikbaar & Terugroepbaar: totaal (u);')).toBe(true)
    const row = res.body.split('\r\n').find((l) => l.startsWith(officerPerson.employeeNumber))
    // 127 h − 3,5 h on call; 3,5 h of call-outs of which 2,00 at night.
    expect(row).toContain(`;123,50;`)
    expect(row).toContain(';3,50;1,50;2,00;0,00;0,00;0,00')
    const mine = await officer.request({ method: 'GET', url: '/api/callouts/statement/csv?month=2026-07' })
    expect(mine.statusCode).toBe(200)
    expect(mine.body.split('\r\n').filter(Boolean)).toHaveLength(2)
  })

  it('approves: numbers frozen, call-outs locked; reopening unlocks them', async () => {
    const url = `/api/zones/${own.id}/statements/2026-07`
    const chef403 = await officer.request({ method: 'POST', url: `${url}/approve` })
    expect(chef403.statusCode).toBe(403)
    const future = await planner.request({ method: 'POST', url: `/api/zones/${own.id}/statements/2026-08/approve` })
    expect([future.statusCode, codeOf(future)]).toEqual([422, 'STATEMENT_MONTH_NOT_STARTED'])
    const res = await planner.request({ method: 'POST', url: `${url}/approve` })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'approved', approval: { reopenedAt: null } })
    const again = await planner.request({ method: 'POST', url: `${url}/approve` })
    expect([again.statusCode, codeOf(again)]).toEqual([409, 'STATEMENT_ALREADY_APPROVED'])

    const list = await officer.request({ method: 'GET', url: '/api/callouts?month=2026-07' })
    const item = list.json().items[0]
    expect(item.locked).toBe(true)
    const add = await post(officer, {
      start: local('2026-07-04T12:00'),
      end: local('2026-07-04T13:00'),
      reason: 'Laat',
    })
    expect([add.statusCode, codeOf(add)]).toEqual([409, 'CALLOUT_LOCKED'])
    const patch = await planner.request({ method: 'PATCH', url: `/api/callouts/${item.id}`, payload: { reason: 'x' } })
    expect([patch.statusCode, codeOf(patch)]).toEqual([409, 'CALLOUT_LOCKED'])
    const del = await officer.request({ method: 'DELETE', url: `/api/callouts/${item.id}` })
    expect([del.statusCode, codeOf(del)]).toEqual([409, 'CALLOUT_LOCKED'])

    // A duty changed after approval does not move the approved numbers.
    await duty(officerPerson, onCall, '2026-07-20T07:00', '2026-07-21T07:00', 'week:2026-07-20')
    const frozen = await officer.request({ method: 'GET', url: '/api/callouts/statement?month=2026-07' })
    expect(frozen.json()).toMatchObject({ status: 'approved', line: { onCall: { total: 127 * 60 - 210 } } })

    const reopened = await planner.request({ method: 'POST', url: `${url}/reopen` })
    expect(reopened.statusCode).toBe(200)
    expect(reopened.json().status).toBe('reopened')
    const live = await officer.request({ method: 'GET', url: '/api/callouts/statement?month=2026-07' })
    // 21 July is the national holiday: the added day counts 17 hours weekday (from 07:00) and 7 holiday.
    expect(live.json().line.onCall).toMatchObject({ total: (127 + 24) * 60 - 210, holiday: 7 * 60 })
    const fixed = await planner.request({
      method: 'PATCH',
      url: `/api/callouts/${item.id}`,
      payload: { reason: 'Verkeersongeval N74' },
    })
    expect(fixed.statusCode).toBe(200)
    const twice = await planner.request({ method: 'POST', url: `${url}/reopen` })
    expect([twice.statusCode, codeOf(twice)]).toEqual([409, 'STATEMENT_NOT_APPROVED'])
  })

  it('never lets a call-out slip into a month while it is being approved (both orders are consistent)', async () => {
    const url = `/api/zones/${own.id}/statements/2026-06`
    const [approval, created] = await Promise.all([
      planner.request({ method: 'POST', url: `${url}/approve` }),
      post(officer, { start: local('2026-06-30T10:00'), end: local('2026-06-30T10:30'), reason: 'Gelijktijdig' }),
    ])
    expect(approval.statusCode).toBe(200)
    const line = approval.json().lines.find((l: { personId: string }) => l.personId === officerPerson.id)
    if (created.statusCode === 201) expect(line.callOuts.total).toBe(30)
    else {
      expect([created.statusCode, codeOf(created)]).toEqual([409, 'CALLOUT_LOCKED'])
      expect(line.callOuts.total).toBe(0)
    }
  })
})
