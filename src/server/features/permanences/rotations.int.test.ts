// Rotations and members through the API: who may set them up and see them, the validation codes, the audit
// entries in every covered zone's chain, and the visibility a membership gives partner zones (and takes back).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  makeAgreement,
  makeAssociation,
  makePerson,
  makeUser,
  sessionFor,
  type AssociationRef,
  type ZoneRef,
} from '../../../../test/factories.ts'
import { startTestApp, type Session, type TestApp } from '../../../../test/harness.ts'

let t: TestApp
let assoc: AssociationRef
let a: ZoneRef, b: ZoneRef, c: ZoneRef
let plannerA: Session, plannerB: Session, plannerC: Session, officerA: Session, foreignAdmin: Session

const body = (over: Record<string, unknown> = {}) => ({
  associationId: assoc.id,
  domain: 'permanence.officer_of_duty',
  name: `OvW ${Math.random().toString(36).slice(2, 8)}`,
  zoneIds: [a.id, b.id],
  dutyKind: 'on_call',
  pattern: { kind: 'weekly', handoffWeekday: 1, handoffTime: '07:00' },
  validFrom: '2026-01-01',
  ...over,
})

beforeAll(async () => {
  t = await startTestApp()
  assoc = await makeAssociation(t, { zoneCount: 3 })
  ;[a, b, c] = assoc.zones as [ZoneRef, ZoneRef, ZoneRef]
  await makeAgreement(t, { association: assoc, parties: [a, b], domains: ['permanence.officer_of_duty'] })
  await makeAgreement(t, { association: assoc, parties: [a, c], domains: ['training'] })
  plannerA = await sessionFor(t, await makeUser(t, 'planner', a))
  plannerB = await sessionFor(t, await makeUser(t, 'planner', b))
  plannerC = await sessionFor(t, await makeUser(t, 'planner', c))
  officerA = await sessionFor(t, await makeUser(t, 'officer', a))
  const other = await makeAssociation(t, { zoneCount: 2 })
  foreignAdmin = await sessionFor(t, await makeUser(t, 'admin', other))
})
afterAll(() => t.close())

describe('rotations', () => {
  it('a planner of a covered zone sets one up; it is audited in every covered chain; outsiders get 404', async () => {
    const res = await plannerA.request({ method: 'POST', url: '/api/rotations', payload: body() })
    expect(res.statusCode).toBe(201)
    const rotation = res.json()
    expect(rotation).toMatchObject({
      domain: 'permanence.officer_of_duty',
      peoplePerSlot: 1,
      zoneKey: { kind: 'equal' },
      rules: { minRestHours: 11, onCallFrequency: { maxDuties: 1, windowDays: 14 } },
      eligibility: { anyOf: [{ ranks: ['commissaris'] }, { ranks: ['hoofdinspecteur'], qualifications: ['obp'] }] },
      canManage: true,
    })
    const chains = await t.database.db
      .selectFrom('audit_events')
      .select('chain_zone_id')
      .where('object_id', '=', rotation.id)
      .where('action', '=', 'rotation.create')
      .execute()
    expect(chains.map((r) => r.chain_zone_id).sort()).toEqual([a.id, b.id].sort())
    expect((await plannerB.request({ method: 'GET', url: `/api/rotations/${rotation.id}` })).json().canManage).toBe(
      true,
    )
    expect((await officerA.request({ method: 'GET', url: `/api/rotations/${rotation.id}` })).json().canManage).toBe(
      false,
    )
    for (const s of [plannerC, foreignAdmin]) {
      const got = await s.request({ method: 'GET', url: `/api/rotations/${rotation.id}` })
      expect(got.statusCode).toBe(404)
      const list = (await s.request({ method: 'GET', url: '/api/rotations' })).json().items as { id: string }[]
      expect(list.map((r) => r.id)).not.toContain(rotation.id)
    }
    const patched = await plannerB.request({
      method: 'PATCH',
      url: `/api/rotations/${rotation.id}`,
      payload: { zoneKey: { kind: 'custom', weights: { [a.id]: 2, [b.id]: 1 } } },
    })
    expect(patched.statusCode).toBe(200)
    expect(
      patched
        .json()
        .zones.map((z: { weight: number }) => z.weight)
        .sort(),
    ).toEqual([1, 2])
    const officerPatch = await officerA.request({
      method: 'PATCH',
      url: `/api/rotations/${rotation.id}`,
      payload: { name: 'x' },
    })
    expect(officerPatch.statusCode).toBe(403)
    const foreignPatch = await foreignAdmin.request({
      method: 'PATCH',
      url: `/api/rotations/${rotation.id}`,
      payload: { name: 'x' },
    })
    expect(foreignPatch.statusCode).toBe(404)
  })

  it('refuses zones that do not share the domain, bad patterns, keys and periods, with their codes', async () => {
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ zoneIds: [a.id, c.id] }, 422, 'ROTATION_ZONES_NOT_SHARED'],
      [{ zoneIds: [a.id, b.id], domain: 'ict' }, 422, 'ROTATION_ZONES_NOT_SHARED'],
      [{ zoneIds: [a.id] }, 400, 'VALIDATION_FAILED'],
      [{ name: 'OvW\u0000' }, 400, 'VALIDATION_FAILED'],
      [{ domain: 'assistance' }, 400, 'VALIDATION_FAILED'],
      [
        {
          pattern: {
            kind: 'custom',
            shifts: [{ label: 'x', weekdays: [1], start: '08:00', end: { time: '07:00', days: 0 } }],
          },
        },
        422,
        'ROTATION_PATTERN_INVALID',
      ],
      [{ zoneKey: { kind: 'custom', weights: { [a.id]: 1 } } }, 422, 'ROTATION_ZONE_KEY_INVALID'],
      [{ validTo: '2025-12-31' }, 422, 'ROTATION_PERIOD_INVALID'],
    ]
    for (const [over, status, code] of cases) {
      const res = await plannerA.request({ method: 'POST', url: '/api/rotations', payload: body(over) })
      expect({ over, status: res.statusCode, code: res.json().error.code }).toEqual({ over, status, code })
    }
    const officer = await officerA.request({ method: 'POST', url: '/api/rotations', payload: body() })
    expect(officer.statusCode).toBe(403)
    const outsider = await plannerC.request({ method: 'POST', url: '/api/rotations', payload: body() })
    expect(outsider.statusCode).toBe(403)
    const name = 'Dubbel'
    expect(
      (await plannerA.request({ method: 'POST', url: '/api/rotations', payload: body({ name }) })).statusCode,
    ).toBe(201)
    const twice = await plannerA.request({ method: 'POST', url: '/api/rotations', payload: body({ name }) })
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'ROTATION_NAME_TAKEN'])
  })
})

describe('members', () => {
  it('a member becomes visible to the partner planner (name, zone, rank, work phone) and stops being so', async () => {
    const rotation = (await plannerA.request({ method: 'POST', url: '/api/rotations', payload: body() })).json()
    const officer = await makePerson(t, { zone: a, rank: 'commissaris', qualifications: ['ogp'] })
    expect((await plannerB.request({ method: 'GET', url: `/api/people/${officer.id}` })).statusCode).toBe(404)
    const added = await plannerA.request({
      method: 'POST',
      url: `/api/rotations/${rotation.id}/members`,
      payload: { personId: officer.id },
    })
    expect(added.statusCode).toBe(201)
    const memberId = added.json().id
    const seen = await plannerB.request({ method: 'GET', url: `/api/people/${officer.id}` })
    expect(seen.statusCode).toBe(200)
    const person = seen.json()
    expect(person).toMatchObject({ visibility: 'partner', sharedVia: ['permanence.officer_of_duty'] })
    expect(person.reasons).toEqual([{ kind: 'rotation', domain: 'permanence.officer_of_duty' }])
    expect(person).not.toHaveProperty('employeeNumber')
    expect(person).not.toHaveProperty('workEmail')
    const logged = await t.database.db
      .selectFrom('audit_events')
      .select(['chain_zone_id', 'details'])
      .where('object_id', '=', officer.id)
      .where('action', '=', 'person.read')
      .execute()
    expect(logged).toHaveLength(1)
    expect(logged[0]!.chain_zone_id).toBe(a.id)
    expect(JSON.stringify(logged[0]!.details)).toContain('"kind":"rotation"')
    // Zone C is no party to the officer-of-duty agreement: it sees nothing.
    expect((await plannerC.request({ method: 'GET', url: `/api/people/${officer.id}` })).statusCode).toBe(404)
    const again = await plannerA.request({
      method: 'POST',
      url: `/api/rotations/${rotation.id}/members`,
      payload: { personId: officer.id },
    })
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'ROTATION_MEMBER_EXISTS'])

    const ended = await plannerA.request({ method: 'DELETE', url: `/api/rotations/${rotation.id}/members/${memberId}` })
    expect(ended.statusCode).toBe(200)
    expect(ended.json().removed).toBe(true) // it started today: ending it yesterday removes it
    expect((await plannerB.request({ method: 'GET', url: `/api/people/${officer.id}` })).statusCode).toBe(404)
    const reasons = await t.database.db
      .selectFrom('visibility_reasons')
      .select('id')
      .where('person_id', '=', officer.id)
      .execute()
    expect(reasons).toEqual([])
  })

  it('a membership ended later keeps its reason for its own period', async () => {
    const rotation = (await plannerA.request({ method: 'POST', url: '/api/rotations', payload: body() })).json()
    const officer = await makePerson(t, { zone: a, rank: 'hoofdinspecteur', qualifications: ['obp'] })
    const added = await plannerA.request({
      method: 'POST',
      url: `/api/rotations/${rotation.id}/members`,
      payload: { personId: officer.id, from: '2025-01-01' },
    })
    expect(added.statusCode).toBe(201)
    const ended = await plannerA.request({
      method: 'DELETE',
      url: `/api/rotations/${rotation.id}/members/${added.json().id}?lastDay=2025-06-30`,
    })
    expect(ended.json()).toMatchObject({ removed: false, to: '2025-06-30' })
    expect((await plannerB.request({ method: 'GET', url: `/api/people/${officer.id}` })).statusCode).toBe(404)
    const reasons = await t.database.db
      .selectFrom('visibility_reasons')
      .select(['kind', 'partner_zone_id'])
      .where('person_id', '=', officer.id)
      .execute()
    expect(reasons).toEqual([{ kind: 'rotation', partner_zone_id: b.id }])
  })

  it('refuses people of another zone, unknown ids and ineligible people', async () => {
    const rotation = (await plannerA.request({ method: 'POST', url: '/api/rotations', payload: body() })).json()
    const ofB = await makePerson(t, { zone: b, rank: 'commissaris' })
    const agent = await makePerson(t, { zone: a, rank: 'hoofdinspecteur' })
    const cases: Array<[string, number, string]> = [
      [ofB.id, 422, 'ROTATION_MEMBER_ZONE'],
      ['00000000-0000-4000-8000-000000000000', 422, 'ROTATION_MEMBER_ZONE'],
      [agent.id, 422, 'ROTATION_MEMBER_NOT_ELIGIBLE'],
      ['not-a-uuid', 400, 'VALIDATION_FAILED'],
    ]
    for (const [personId, status, code] of cases) {
      const res = await plannerA.request({
        method: 'POST',
        url: `/api/rotations/${rotation.id}/members`,
        payload: { personId },
      })
      expect([personId, res.statusCode, res.json().error.code]).toEqual([personId, status, code])
    }
    const members = await plannerB.request({ method: 'GET', url: `/api/rotations/${rotation.id}/members` })
    expect(members.json().items).toEqual([])
    const foreign = await foreignAdmin.request({
      method: 'POST',
      url: `/api/rotations/${rotation.id}/members`,
      payload: { personId: agent.id },
    })
    expect(foreign.statusCode).toBe(404)
  })
})
