// Availability through the HTTP API on a real database: own entry, the zone's planner entering for a colleague
// (recorded, notified), a partner zone's planner seeing nothing (404), overlaps refused by the database, whole
// days across the DST change, and bad input answered with catalogue codes.
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

let t: TestApp
let own: ZoneRef
let officer: Session
let colleague: Session
let planner: Session
let korpschef: Session
let partnerPlanner: Session
let foreignPlanner: Session
let noPerson: Session
let officerPerson: PersonRef
let colleaguePerson: PersonRef

interface Entry {
  id: string
  personId: string
  kind: string
  from: string
  to: string
  wholeDays: { from: string; to: string } | null
  note: string | null
  enteredBy: { userId: string; name: string } | null
}

beforeAll(async () => {
  t = await startTestApp()
  const association = await makeAssociation(t, { zoneCount: 2 })
  const [a, b] = association.zones as [ZoneRef, ZoneRef]
  own = a
  // Partners in force for the permanences: still no reach into each other's availability.
  await makeAgreement(t, { association, domains: ['permanence.officer_of_duty', 'assistance'] })
  const foreign = await makeAssociation(t, { zoneCount: 1 })
  officerPerson = await makePerson(t, { zone: own })
  colleaguePerson = await makePerson(t, { zone: own })
  officer = await sessionFor(t, await makeUser(t, 'officer', own, { personId: officerPerson.id }))
  colleague = await sessionFor(t, await makeUser(t, 'officer', own, { personId: colleaguePerson.id }))
  planner = await sessionFor(
    t,
    await makeUser(t, 'planner', own, { personId: (await makePerson(t, { zone: own })).id }),
  )
  korpschef = await sessionFor(t, await makeUser(t, 'korpschef', own))
  partnerPlanner = await sessionFor(t, await makeUser(t, 'planner', b))
  foreignPlanner = await sessionFor(t, await makeUser(t, 'planner', foreign.zones[0]!))
  noPerson = await sessionFor(t, await makeUser(t, 'officer', own))
})
afterAll(() => t.close())

const post = (s: Session, payload: Record<string, unknown>) =>
  s.request({ method: 'POST', url: '/api/availability', payload })
const list = async (s: Session, query = ''): Promise<Entry[]> => {
  const res = await s.request({ method: 'GET', url: `/api/availability${query}` })
  expect(res.statusCode).toBe(200)
  return res.json().items
}
const codeOf = (res: { json(): { error: { code: string } } }) => res.json().error.code

describe('leave and unavailability', () => {
  it('turns whole days into Brussels instants across the DST change, and back', async () => {
    // 29 March 2026: clocks go from 02:00 to 03:00; the day is 23 hours long.
    const res = await post(officer, { kind: 'leave', from: '2026-03-28', to: '2026-03-29', note: 'Paasverlof' })
    expect(res.statusCode).toBe(201)
    const entry: Entry = res.json()
    expect(entry).toMatchObject({
      personId: officerPerson.id,
      kind: 'leave',
      from: '2026-03-27T23:00:00.000Z',
      to: '2026-03-29T22:00:00.000Z',
      wholeDays: { from: '2026-03-28', to: '2026-03-29' },
      note: 'Paasverlof',
    })
    expect(entry.enteredBy?.userId).toBeDefined()
  })

  it('keeps instants as typed, with no whole days when they are not at midnight', async () => {
    const res = await post(officer, {
      kind: 'training',
      from: '2026-10-25T01:30:00+02:00',
      to: '2026-10-25T02:30:00+01:00',
    })
    expect(res.statusCode).toBe(201)
    // Across the autumn change: 01:30 CEST to 02:30 CET is two hours.
    expect(res.json()).toMatchObject({
      from: '2026-10-24T23:30:00.000Z',
      to: '2026-10-25T01:30:00.000Z',
      wholeDays: null,
    })
  })

  it('refuses an overlap with AVAILABILITY_OVERLAP, and accepts the adjacent day', async () => {
    const overlap = await post(officer, { kind: 'sick', from: '2026-03-29', to: '2026-03-31' })
    expect(overlap.statusCode).toBe(409)
    expect(codeOf(overlap)).toBe('AVAILABILITY_OVERLAP')
    const next = await post(officer, { kind: 'sick', from: '2026-03-30', to: '2026-03-31' })
    expect(next.statusCode).toBe(201)
  })

  it('lets the zone planner enter for a colleague: recorded, notified, visible to the person and the planner only', async () => {
    const res = await post(planner, {
      personId: colleaguePerson.id,
      kind: 'sick',
      from: '2026-04-06',
      to: '2026-04-08',
      note: 'Attest ontvangen',
    })
    expect(res.statusCode).toBe(201)
    const entry: Entry = res.json()
    expect(entry.enteredBy?.name).toMatch(/Test planner/)

    const notes = (await colleague.request({ method: 'GET', url: '/api/notifications' })).json().items
    expect(notes).toContainEqual(
      expect.objectContaining({
        kind: 'availability.entered_for_you',
        params: { from: '2026-04-06', to: '2026-04-08', enteredBy: entry.enteredBy?.name },
        link: '/availability',
      }),
    )
    // The person sees it with its note; the planner and the korpschef of the zone too.
    expect((await list(colleague)).map((e) => e.note)).toContain('Attest ontvangen')
    for (const s of [planner, korpschef])
      expect((await list(s, `?personId=${colleaguePerson.id}`)).map((e) => e.id)).toEqual([entry.id])
    // A colleague does not: not in the list, and not by person (404, no hint it exists).
    expect((await list(officer)).map((e) => e.personId)).not.toContain(colleaguePerson.id)
    const asked = await officer.request({ method: 'GET', url: `/api/availability?personId=${colleaguePerson.id}` })
    expect(asked.statusCode).toBe(404)
    const change = await officer.request({
      method: 'PATCH',
      url: `/api/availability/${entry.id}`,
      payload: { note: 'x' },
    })
    expect(change.statusCode).toBe(404)

    // The audit log says who changed whose availability, never the kind or the note.
    const logged = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'details', 'chain_zone_id'])
      .where('object_id', '=', entry.id)
      .execute()
    expect(logged).toHaveLength(1)
    expect(logged[0]).toMatchObject({ action: 'availability.create', chain_zone_id: own.id })
    expect(JSON.stringify(logged[0]!.details)).not.toMatch(/sick|Attest/)
  })

  it('does not notify a person who enters their own', async () => {
    const before = (await officer.request({ method: 'GET', url: '/api/notifications' })).json().total
    expect((await post(officer, { kind: 'other', from: '2026-05-01', to: '2026-05-01' })).statusCode).toBe(201)
    expect((await officer.request({ method: 'GET', url: '/api/notifications' })).json().total).toBe(before)
  })

  it('shows a partner zone and another association nothing: lists without them, 404 by person and by id', async () => {
    const [mine] = await list(officer, '?from=2026-03-28&to=2026-03-28')
    expect(mine).toBeDefined()
    for (const s of [partnerPlanner, foreignPlanner]) {
      expect(await list(s)).toEqual([])
      const byPerson = await s.request({ method: 'GET', url: `/api/availability?personId=${officerPerson.id}` })
      expect(byPerson.statusCode).toBe(404)
      const enter = await post(s, { personId: officerPerson.id, kind: 'leave', from: '2027-01-04', to: '2027-01-05' })
      expect(enter.statusCode).toBe(404)
      expect(codeOf(enter)).toBe('NOT_FOUND')
      const change = await s.request({ method: 'PATCH', url: `/api/availability/${mine!.id}`, payload: { note: 'x' } })
      expect(change.statusCode).toBe(404)
      expect((await s.request({ method: 'DELETE', url: `/api/availability/${mine!.id}` })).statusCode).toBe(404)
    }
  })

  it('filters by window: entries that overlap the Brussels days asked', async () => {
    const april = await list(planner, '?from=2026-04-08&to=2026-04-30')
    expect(april.map((e) => e.wholeDays?.from)).toEqual(['2026-04-06'])
    expect(await list(planner, '?from=2026-04-09&to=2026-04-30')).toEqual([])
  })

  it('changes and removes an entry; a change into an overlap is refused', async () => {
    const created: Entry = (await post(officer, { kind: 'leave', from: '2026-06-01', to: '2026-06-05' })).json()
    const moved = await officer.request({
      method: 'PATCH',
      url: `/api/availability/${created.id}`,
      payload: { from: '2026-06-02', to: '2026-06-06', note: 'Verschoven' },
    })
    expect(moved.statusCode).toBe(200)
    expect(moved.json()).toMatchObject({ wholeDays: { from: '2026-06-02', to: '2026-06-06' }, note: 'Verschoven' })
    const onlyOne = await officer.request({
      method: 'PATCH',
      url: `/api/availability/${created.id}`,
      payload: { from: '2026-06-03' },
    })
    expect(codeOf(onlyOne)).toBe('AVAILABILITY_PERIOD_INVALID')
    const clash = await officer.request({
      method: 'PATCH',
      url: `/api/availability/${created.id}`,
      payload: { from: '2026-05-01', to: '2026-06-06' },
    })
    expect(clash.statusCode).toBe(409)
    expect(codeOf(clash)).toBe('AVAILABILITY_OVERLAP')
    expect((await planner.request({ method: 'DELETE', url: `/api/availability/${created.id}` })).statusCode).toBe(204)
    expect((await officer.request({ method: 'DELETE', url: `/api/availability/${created.id}` })).statusCode).toBe(404)
  })

  it('answers bad input with 4xx and a catalogue code', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ kind: 'leave', from: '2026-07-01', to: '2026-07-01', note: 'a\u0000b' }, 400, 'VALIDATION_FAILED'],
      [{ kind: 'leave', from: '2026-07-10', to: '2026-07-01' }, 422, 'AVAILABILITY_PERIOD_INVALID'],
      [{ kind: 'leave', from: '2026-07-01T10:00:00Z', to: '2026-07-01T10:00:00Z' }, 422, 'AVAILABILITY_PERIOD_INVALID'],
      [{ kind: 'leave', from: '2026-07-01', to: '2026-07-01T10:00:00Z' }, 422, 'AVAILABILITY_PERIOD_INVALID'],
      [{ kind: 'leave', from: '2026-02-30', to: '2026-03-01' }, 422, 'AVAILABILITY_PERIOD_INVALID'],
      [{ kind: 'leave', from: '2026-07-01', to: '2028-07-01' }, 422, 'AVAILABILITY_PERIOD_TOO_LONG'],
      [{ kind: 'leave', from: '2026-07-01T00:00:00', to: '2026-07-02T00:00:00' }, 400, 'VALIDATION_FAILED'],
      [{ kind: 'holiday', from: '2026-07-01', to: '2026-07-01' }, 400, 'VALIDATION_FAILED'],
      [{ kind: 'leave', from: '2026-07-01', to: '2026-07-01', note: 'x'.repeat(501) }, 400, 'VALIDATION_FAILED'],
    ]
    for (const [payload, status, code] of cases) {
      const res = await post(officer, payload)
      expect([res.statusCode, codeOf(res)], JSON.stringify(payload)).toEqual([status, code])
    }
    // Exactly two years is allowed: 1 July 2033 up to and including 30 June 2035.
    expect((await post(officer, { kind: 'leave', from: '2033-07-01', to: '2035-06-30' })).statusCode).toBe(201)
    const window = await officer.request({ method: 'GET', url: '/api/availability?from=2026-07-10&to=2026-07-01' })
    expect(codeOf(window)).toBe('AVAILABILITY_PERIOD_INVALID')
    const unknown = await planner.request({
      method: 'POST',
      url: '/api/availability',
      payload: {
        personId: '00000000-0000-4000-8000-000000000000',
        kind: 'leave',
        from: '2030-01-01',
        to: '2030-01-01',
      },
    })
    expect([unknown.statusCode, codeOf(unknown)]).toEqual([404, 'NOT_FOUND'])
    const own = await noPerson.request({
      method: 'POST',
      url: '/api/availability',
      payload: { kind: 'leave', from: '2030-01-01', to: '2030-01-01' },
    })
    expect([own.statusCode, codeOf(own)]).toEqual([422, 'AVAILABILITY_NO_PERSON'])
  })
})

describe('duty preferences', () => {
  it('are entered by the person, seen by the zone planner, removed only by the person', async () => {
    const res = await colleague.request({
      method: 'POST',
      url: '/api/duty-preferences',
      payload: { from: '2026-12-24', to: '2026-12-26', preference: 'rather_not', note: 'Kerst' },
    })
    expect(res.statusCode).toBe(201)
    const pref = res.json()
    expect(pref).toMatchObject({ personId: colleaguePerson.id, preference: 'rather_not', rotationId: null })
    const seen = await planner.request({ method: 'GET', url: `/api/duty-preferences?personId=${colleaguePerson.id}` })
    expect(seen.json().items.map((p: { id: string }) => p.id)).toEqual([pref.id])
    const officerSees = await officer.request({ method: 'GET', url: '/api/duty-preferences' })
    expect(officerSees.json().items.map((p: { personId: string }) => p.personId)).not.toContain(colleaguePerson.id)
    const partner = await partnerPlanner.request({
      method: 'GET',
      url: `/api/duty-preferences?personId=${colleaguePerson.id}`,
    })
    expect(partner.statusCode).toBe(404)
    // The planner sees it but may not remove it (403); another zone's planner does not see it (404).
    expect((await planner.request({ method: 'DELETE', url: `/api/duty-preferences/${pref.id}` })).statusCode).toBe(403)
    expect(
      (await partnerPlanner.request({ method: 'DELETE', url: `/api/duty-preferences/${pref.id}` })).statusCode,
    ).toBe(404)
    expect((await colleague.request({ method: 'DELETE', url: `/api/duty-preferences/${pref.id}` })).statusCode).toBe(
      204,
    )
  })

  it('names only a rotation that covers the person’s zone', async () => {
    const res = await colleague.request({
      method: 'POST',
      url: '/api/duty-preferences',
      payload: {
        rotationId: '00000000-0000-4000-8000-000000000000',
        from: '2026-12-24',
        to: '2026-12-24',
        preference: 'wish',
      },
    })
    expect([res.statusCode, codeOf(res)]).toEqual([404, 'NOT_FOUND'])
  })
})
