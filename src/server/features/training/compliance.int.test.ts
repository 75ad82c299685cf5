// GPI 48 compliance over HTTP (issue 11), on a real database: a person's standing (themself, their zone's
// korpschef/planner/trainer; nobody else: 404), the zone overview (sorted behind → due soon → compliant, CSV for
// Excel nl-BE), the zone's thresholds (korpschef; audited; they change the verdict) and the suggested sessions
// (GPI 48 first when behind, renewals of expiring qualifications, never a clash with duties or leave).
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  makeAgreement,
  makeAssociation,
  makeDuty,
  makePerson,
  makeRotation,
  makeUser,
  sessionFor,
  type AssociationRef,
  type PersonRef,
  type ZoneRef,
} from '../../../../test/factories.ts'
import { startTestApp, type Session, type TestApp } from '../../../../test/harness.ts'
import { makeCourse, makeEnrolment, makeTrainingSession, type CourseRef } from '../../../../test/training.factories.ts'
import { TestClock } from '../../platform/clock.ts'

const clock = new TestClock('2026-06-01T08:00:00Z')
const AS_OF = '2026-06-01'
let t: TestApp
let association: AssociationRef
let zoneA: ZoneRef, zoneB: ZoneRef, foreign: ZoneRef
let tr: CourseRef, ev: CourseRef, ehbo: CourseRef
let p: PersonRef, q: PersonRef, r: PersonRef, formerColleague: PersonRef
let officerP: Session, korpschefA: Session, plannerA: Session, officerA2: Session, korpschefB: Session

/** An attended session of `course` on `day` (09:00 UTC), organised by the person's zone. */
async function attended(
  person: PersonRef,
  course: CourseRef,
  day: string,
  opts: { attendance?: 'present' | 'absent'; result?: 'passed' | 'failed'; zone?: ZoneRef } = {},
) {
  const zone = opts.zone ?? (person.zoneId === zoneA.id ? zoneA : zoneB)
  const session = await makeTrainingSession(t, {
    association,
    zone,
    course,
    from: new Date(`${day}T09:00:00Z`),
    status: 'completed',
  })
  await makeEnrolment(t, {
    session,
    person,
    attendance: opts.attendance ?? 'present',
    ...(opts.result ? { result: opts.result } : {}),
  })
  return session
}

beforeAll(async () => {
  t = await startTestApp({}, { clock })
  association = await makeAssociation(t, { zoneCount: 2 })
  ;[zoneA, zoneB] = association.zones as [ZoneRef, ZoneRef]
  foreign = (await makeAssociation(t, { zoneCount: 1 })).zones[0]!
  await makeAgreement(t, { association, domains: ['training'] })
  tr = await makeCourse(t, { association, kind: 'gpi48_training', title: 'Schieten' })
  ev = await makeCourse(t, { association, kind: 'gpi48_evaluation', title: 'Evaluatie' })
  ehbo = await makeCourse(t, {
    association,
    kind: 'first_aid',
    title: 'EHBO',
    qualification: { code: 'first_aid', months: 36 },
  })

  // p: four counted sessions (one a passed evaluation), an absent one: behind (4/5).
  p = await makePerson(t, { zone: zoneA })
  await attended(p, ev, '2025-09-01', { result: 'passed' })
  for (const day of ['2025-10-01', '2025-11-01', '2025-12-01']) await attended(p, tr, day)
  await attended(p, tr, '2026-01-10', { attendance: 'absent' })
  await t.database.db
    .insertInto('person_qualifications')
    .values({ person_id: p.id, qualification_code: 'first_aid', obtained_on: '2023-07-01', valid_until: '2026-07-01' })
    .execute()
  // q: compliant today, but the evaluation of 2025-07-01 leaves the window on 2026-07-01: due soon.
  q = await makePerson(t, { zone: zoneA })
  await attended(q, ev, '2025-07-01', { result: 'passed' })
  for (const day of ['2025-09-01', '2025-11-01', '2026-01-05', '2026-03-01']) await attended(q, tr, day)
  // r: compliant well beyond the horizon.
  r = await makePerson(t, { zone: zoneA })
  await attended(r, ev, '2026-01-05', { result: 'passed' })
  for (const day of ['2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01']) await attended(r, tr, day)
  // Not in the overview: a colleague who left before asOf, and a CALog colleague.
  formerColleague = await makePerson(t, { zone: zoneA })
  await t.database.db
    .updateTable('people')
    .set({ employed_to: '2026-05-01' })
    .where('id', '=', formerColleague.id)
    .execute()
  await t.database.db
    .updateTable('people')
    .set({ staff_kind: 'calog', rank: null, calog_level: 'B' })
    .where('id', '=', (await makePerson(t, { zone: zoneA })).id)
    .execute()

  officerP = await sessionFor(t, await makeUser(t, 'officer', zoneA, { personId: p.id }))
  officerA2 = await sessionFor(t, await makeUser(t, 'officer', zoneA, { personId: r.id }))
  korpschefA = await sessionFor(t, await makeUser(t, 'korpschef', zoneA))
  plannerA = await sessionFor(t, await makeUser(t, 'planner', zoneA))
  korpschefB = await sessionFor(t, await makeUser(t, 'korpschef', zoneB))
})
afterAll(async () => {
  await t?.close()
})

const get = (s: Session, url: string) => s.request({ method: 'GET', url })

describe('a person’s compliance', () => {
  it('shows the standing, which sessions count, and qualifications with their state', async () => {
    const res = await get(officerP, `/api/training/compliance/people/${p.id}?asOf=${AS_OF}`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.gpi48).toMatchObject({
      status: 'behind',
      counted: 4,
      evaluations: 1,
      required: { sessions: 5, evaluations: 1 },
      windowStart: '2025-06-02',
      fallsBehindOn: null,
    })
    expect(body.person).toMatchObject({ id: p.id, zone: { id: zoneA.id } })
    expect(body.rules).toEqual({ windowMonths: 12, minSessions: 5, minEvaluations: 1, minGapDays: 14, warnDays: 60 })
    expect(body.sessions.map((s: { day: string; counted: boolean }) => [s.day, s.counted])).toEqual([
      ['2025-09-01', true],
      ['2025-10-01', true],
      ['2025-11-01', true],
      ['2025-12-01', true],
      ['2026-01-10', false],
    ])
    expect(body.sessions[4]).toMatchObject({ attendance: 'absent', kind: 'training', courseTitle: 'Schieten' })
    expect(body.qualifications).toEqual([
      { code: 'first_aid', obtainedOn: '2023-07-01', validUntil: '2026-07-01', state: 'expiring' },
    ])
  })

  it('is read by the zone’s korpschef and planner, and by nobody of another zone or a colleague officer (404)', async () => {
    for (const s of [korpschefA, plannerA])
      expect((await get(s, `/api/training/compliance/people/${p.id}`)).statusCode).toBe(200)
    for (const s of [korpschefB, officerA2]) {
      const res = await get(s, `/api/training/compliance/people/${p.id}`)
      expect(res.statusCode).toBe(404)
      expect(res.json().error.code).toBe('NOT_FOUND')
    }
    expect((await get(korpschefA, `/api/training/compliance/people/${crypto.randomUUID()}`)).statusCode).toBe(404)
  })

  it('refuses a date that does not exist', async () => {
    const res = await get(officerP, `/api/training/compliance/people/${p.id}?asOf=2026-02-30`)
    expect(res.statusCode).toBe(400)
  })
})

describe('the zone overview', () => {
  it('lists the operational people employed on asOf, behind → due soon → compliant', async () => {
    const res = await get(korpschefA, `/api/training/compliance/zones/${zoneA.id}?asOf=${AS_OF}`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.totals).toEqual({ compliant: 1, dueSoon: 1, behind: 1 })
    expect(body.people.map((x: { person: { id: string } }) => x.person.id)).toEqual([p.id, q.id, r.id])
    expect(body.people[0]).toMatchObject({
      gpi48: { status: 'behind', counted: 4, evaluations: 1, fallsBehindOn: null },
      qualifications: [{ code: 'first_aid', state: 'expiring' }],
    })
    expect(body.people[1].gpi48).toMatchObject({ status: 'due_soon', counted: 5, fallsBehindOn: '2026-07-01' })
    expect(body.people[2].gpi48.status).toBe('compliant')
  })

  it('is a CSV for Excel nl-BE: BOM, semicolons, dd/mm/yyyy', async () => {
    const res = await get(korpschefA, `/api/training/compliance/zones/${zoneA.id}?asOf=${AS_OF}&format=csv`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/csv/)
    expect(res.headers['content-disposition']).toContain(`verbond-gpi48_${zoneA.code}_${AS_OF}.csv`)
    expect(res.body.startsWith('\uFEFF')).toBe(true)
    const rows = parse<Record<string, string>>(res.body, { bom: true, delimiter: ';', columns: true })
    expect(rows).toHaveLength(3)
    expect(rows[0]).toMatchObject({ 'GPI 48-status': 'Achter', 'Sessies (van 5)': '4', 'Evaluaties (van 1)': '1' })
    expect(rows[0]!['Bekwaamheden (vervallend of vervallen)']).toBe('first_aid (vervalt 01/07/2026)')
    expect(rows[1]).toMatchObject({ 'GPI 48-status': 'Binnenkort achter', 'Achter op': '01/07/2026' })
  })

  it('is the zone’s own: another zone’s korpschef and an officer get 404', async () => {
    for (const s of [korpschefB, officerP])
      expect((await get(s, `/api/training/compliance/zones/${zoneA.id}`)).statusCode).toBe(404)
    expect((await get(korpschefA, `/api/training/compliance/zones/${foreign.id}`)).statusCode).toBe(404)
  })
})

describe('the zone’s thresholds', () => {
  const rules = { windowMonths: 12, minSessions: 4, minEvaluations: 1, minGapDays: 14, warnDays: 30 }

  it('are set by the korpschef (audited) and change the verdict; read by the zone’s staff', async () => {
    const zoneB2 = await makeAssociation(t, { zoneCount: 1 })
    const z = zoneB2.zones[0]!
    const chef = await sessionFor(t, await makeUser(t, 'korpschef', z))
    const before = await get(chef, `/api/training/settings/${z.id}`)
    expect(before.json()).toMatchObject({ isDefault: true, rules: { minSessions: 5 } })
    const person = await makePerson(t, { zone: z })
    await attended(person, ev, '2025-09-01', { result: 'passed', zone: z })
    for (const day of ['2025-10-01', '2025-11-01', '2025-12-01']) await attended(person, tr, day, { zone: z })
    const put = await chef.request({ method: 'PUT', url: `/api/training/settings/${z.id}`, payload: rules })
    expect(put.statusCode).toBe(200)
    expect(put.json()).toMatchObject({ isDefault: false, rules })
    const overview = await get(chef, `/api/training/compliance/zones/${z.id}?asOf=${AS_OF}`)
    expect(overview.json().people[0].gpi48).toMatchObject({ status: 'compliant', counted: 4 })
    const logged = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'chain_zone_id', 'details'])
      .where('action', '=', 'training.settings_update')
      .where('object_id', '=', z.id)
      .execute()
    expect(logged).toHaveLength(1)
    expect(logged[0]).toMatchObject({ chain_zone_id: z.id, details: { after: rules } })
  })

  it('are refused to a planner (403), another zone (404), and out of range (400)', async () => {
    expect((await get(plannerA, `/api/training/settings/${zoneA.id}`)).statusCode).toBe(200)
    const put = (s: Session, zoneId: string, payload: unknown) =>
      s.request({ method: 'PUT', url: `/api/training/settings/${zoneId}`, payload: payload as Record<string, unknown> })
    expect((await put(plannerA, zoneA.id, rules)).statusCode).toBe(403)
    expect((await put(korpschefB, zoneA.id, rules)).statusCode).toBe(404)
    expect((await put(korpschefA, zoneA.id, { ...rules, windowMonths: 37 })).statusCode).toBe(400)
    expect((await put(korpschefA, zoneA.id, { ...rules, warnDays: 0 })).statusCode).toBe(400)
    expect((await get(officerP, `/api/training/settings/${zoneA.id}`)).statusCode).toBe(404)
  })
})

describe('suggestions', () => {
  it('puts GPI 48 first when behind, then a renewal, skipping clashes, enrolments and invisible sessions', async () => {
    const at = (iso: string) => new Date(iso)
    const gpiFree = await makeTrainingSession(t, {
      association,
      zone: zoneA,
      course: tr,
      from: at('2026-06-20T07:00:00Z'),
    })
    const gpiFull = await makeTrainingSession(t, {
      association,
      zone: zoneB,
      course: tr,
      from: at('2026-06-17T07:00:00Z'),
      places: [
        { zone: zoneA, places: 1 },
        { zone: zoneB, places: 4 },
      ],
    })
    await makeEnrolment(t, { session: gpiFull, person: q })
    const renewal = await makeTrainingSession(t, {
      association,
      zone: zoneA,
      course: ehbo,
      from: at('2026-06-05T07:00:00Z'),
    })
    const other = await makeTrainingSession(t, {
      association,
      zone: zoneA,
      course: await makeCourse(t, { association, kind: 'other', title: 'Verkeer' }),
      from: at('2026-06-03T07:00:00Z'),
    })
    // Clashes: a duty in force of p (week of 2026-06-08 from Monday 07:00), p's leave, an enrolment of p.
    const rotation = await makeRotation(t, { association, zones: [zoneA] })
    await makeDuty(t, { rotationId: rotation.id, person: p, monday: '2026-06-08' })
    const onDuty = await makeTrainingSession(t, {
      association,
      zone: zoneA,
      course: tr,
      from: at('2026-06-09T07:00:00Z'),
    })
    const onLeave = await makeTrainingSession(t, {
      association,
      zone: zoneA,
      course: tr,
      from: at('2026-06-25T07:00:00Z'),
    })
    await t.database.db
      .insertInto('unavailability')
      .values({
        person_id: p.id,
        zone_id: zoneA.id,
        kind: 'leave',
        period: '[2026-06-25 00:00+02,2026-06-26 00:00+02)',
        created_at: new Date(),
      })
      .execute()
    const enrolled = await makeTrainingSession(t, {
      association,
      zone: zoneA,
      course: tr,
      from: at('2026-06-15T07:00:00Z'),
    })
    await makeEnrolment(t, { session: enrolled, person: p, status: 'waitlisted' })
    // Another session p is enrolled in, and one overlapping it.
    const booked = await makeTrainingSession(t, {
      association,
      zone: zoneA,
      course: ehbo,
      from: at('2026-06-22T07:00:00Z'),
    })
    await makeEnrolment(t, { session: booked, person: p })
    const overlapping = await makeTrainingSession(t, {
      association,
      zone: zoneA,
      course: tr,
      from: at('2026-06-22T08:00:00Z'),
    })
    // Not for zone A: zone B's session without places for A, and a past one.
    const notForA = await makeTrainingSession(t, {
      association,
      zone: zoneB,
      course: tr,
      from: at('2026-06-12T07:00:00Z'),
    })
    const past = await makeTrainingSession(t, {
      association,
      zone: zoneA,
      course: tr,
      from: at('2026-05-30T07:00:00Z'),
    })

    const res = await get(officerP, '/api/training/suggestions')
    expect(res.statusCode).toBe(200)
    const list = res.json().suggestions as { sessionId: string; reason: string; availability: string; clash: null }[]
    expect(list.map((s) => [s.sessionId, s.reason, s.availability])).toEqual([
      [gpiFull.id, 'gpi48_behind', 'waiting_list'],
      [gpiFree.id, 'gpi48_behind', 'free'],
      [renewal.id, 'qualification_expiring', 'free'],
      [other.id, 'free_place', 'free'],
    ])
    expect(list.every((s) => s.clash === null)).toBe(true)
    const ids = list.map((s) => s.sessionId)
    for (const s of [onDuty, onLeave, enrolled, booked, overlapping, notForA, past]) expect(ids).not.toContain(s.id)

    // The planner asks for p; another zone's korpschef may not (404); an account without a person: 422.
    expect((await get(plannerA, `/api/training/suggestions?personId=${p.id}`)).json().suggestions).toHaveLength(4)
    expect((await get(korpschefB, `/api/training/suggestions?personId=${p.id}`)).statusCode).toBe(404)
    const none = await get(korpschefA, '/api/training/suggestions')
    expect(none.statusCode).toBe(422)
    expect(none.json().error.code).toBe('TRAINING_NO_PERSON')
  })
})
