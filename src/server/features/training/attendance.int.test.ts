// Attendance and results (issue 11) through the HTTP API, on PGlite and PostgreSQL: the window (from the start
// until 60 days after the end), who records (organiser's trainer, a listed trainer of a partner zone; not the
// partner's korpschef), only enrolled people, the result rules, the qualification renewed by a pass, the session
// completed when everyone has attendance, and a correction audited in the organiser's and the person's chain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestClock } from '../../platform/clock.ts'
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
import { makeCourse, makeEnrolment, makeTrainingSession, type CourseRef } from '../../../../test/training.factories.ts'

const START = '2026-03-02T09:00:00Z'
const clock = new TestClock(START)
const H = 3_600_000
const DAY = 24 * H

let t: TestApp
let assoc: AssociationRef
let a: ZoneRef
let b: ZoneRef
let trainerA: Session
let korpschefB: Session
let trainerBPerson: PersonRef
let trainerB: Session

beforeAll(async () => {
  t = await startTestApp({ sessionTtlHours: 100_000, sessionIdleMinutes: 1_000_000 }, { clock })
  assoc = await makeAssociation(t)
  ;[a, b] = assoc.zones as [ZoneRef, ZoneRef]
  await makeAgreement(t, { association: assoc, domains: ['training'], clock })
  trainerA = await sessionFor(t, await makeUser(t, 'trainer', a))
  korpschefB = await sessionFor(t, await makeUser(t, 'korpschef', b))
  trainerBPerson = await makePerson(t, { zone: b })
  trainerB = await sessionFor(t, await makeUser(t, 'trainer', b, { personId: trainerBPerson.id }))
})
afterAll(() => t?.close())

/** A session of `course` that started an hour ago, with an enrolled person of A and of B and one B waiting. */
async function started(course: CourseRef, opts: { trainers?: PersonRef[] } = {}) {
  clock.set(START)
  const s = await makeTrainingSession(t, {
    association: assoc,
    zone: a,
    course,
    from: new Date(new Date(START).getTime() - H),
    cancelDeadline: new Date(new Date(START).getTime() - 2 * H),
    places: [
      { zone: a, places: 1 },
      { zone: b, places: 1 },
    ],
    trainers: (opts.trainers ?? []).map((person) => ({ person })),
  })
  const pa = await makePerson(t, { zone: a })
  const pb = await makePerson(t, { zone: b })
  const ea = await makeEnrolment(t, { session: s, person: pa })
  const eb = await makeEnrolment(t, { session: s, person: pb })
  const waiting = await makeEnrolment(t, { session: s, person: await makePerson(t, { zone: b }), status: 'waitlisted' })
  return { s, pa, pb, ea, eb, waiting }
}

const record = (who: Session, sessionId: string, entries: Record<string, unknown>[]) =>
  who.request({ method: 'PUT', url: `/api/training/sessions/${sessionId}/attendance`, payload: { entries } })

describe('recording attendance', () => {
  it('opens at the start and closes 60 days after the end', async () => {
    const course = await makeCourse(t, { association: assoc })
    const { s, ea } = await started(course)
    clock.set(new Date(new Date(START).getTime() - 2 * H))
    const early = await record(trainerA, s.id, [{ enrolmentId: ea.id, attendance: 'present' }])
    expect(early.json().error.code).toBe('ATTENDANCE_NOT_OPEN')
    clock.set(new Date(s.to.getTime() + 61 * DAY))
    expect((await record(trainerA, s.id, [{ enrolmentId: ea.id, attendance: 'present' }])).json().error.code).toBe(
      'ATTENDANCE_NOT_OPEN',
    )
    clock.set(new Date(s.to.getTime() + 59 * DAY))
    expect((await record(trainerA, s.id, [{ enrolmentId: ea.id, attendance: 'present' }])).statusCode).toBe(200)
    clock.set(START)
  })

  it('only for enrolled people, a result only when present, a result when the course grants a qualification', async () => {
    const course = await makeCourse(t, {
      association: assoc,
      kind: 'first_aid',
      qualification: { code: 'first_aid', months: 36 },
    })
    const { s, ea, eb, waiting, pb } = await started(course)
    expect(
      (await record(trainerA, s.id, [{ enrolmentId: waiting.id, attendance: 'present', result: 'passed' }])).json()
        .error.code,
    ).toBe('ATTENDANCE_NOT_ENROLLED')
    expect(
      (await record(trainerA, s.id, [{ enrolmentId: ea.id, attendance: 'absent', result: 'failed' }])).json().error
        .code,
    ).toBe('RESULT_WITHOUT_PRESENCE')
    expect((await record(trainerA, s.id, [{ enrolmentId: ea.id, attendance: 'present' }])).json().error.code).toBe(
      'RESULT_REQUIRED',
    )
    // The partner zone's korpschef sees the session but does not record.
    expect((await record(korpschefB, s.id, [{ enrolmentId: eb.id, attendance: 'absent' }])).statusCode).toBe(403)
    const first = await record(trainerA, s.id, [{ enrolmentId: ea.id, attendance: 'excused' }])
    expect(first.json().sessionStatus).toBe('planned')
    const done = await record(trainerA, s.id, [{ enrolmentId: eb.id, attendance: 'present', result: 'passed' }])
    expect(done.statusCode).toBe(200)
    expect(done.json()).toMatchObject({
      sessionStatus: 'completed',
      enrolments: [{ id: eb.id, attendance: 'present', result: 'passed' }],
    })
    const q = await t.database.db
      .selectFrom('person_qualifications')
      .select(['obtained_on', 'valid_until'])
      .where('person_id', '=', pb.id)
      .where('qualification_code', '=', 'first_aid')
      .executeTakeFirstOrThrow()
    expect([String(q.obtained_on), String(q.valid_until)]).toEqual(['2026-03-02', '2029-03-02'])
    // A correction: audited again, in the organiser's and B's chain.
    expect(
      (await record(trainerA, s.id, [{ enrolmentId: eb.id, attendance: 'present', result: 'failed' }])).statusCode,
    ).toBe(200)
    const chains = await t.database.db
      .selectFrom('audit_events')
      .select('chain_zone_id')
      .where('action', '=', 'training.attendance.record')
      .where('object_id', '=', s.id)
      .execute()
    expect(chains.filter((c) => c.chain_zone_id === b.id)).toHaveLength(2)
    expect(chains.filter((c) => c.chain_zone_id === a.id)).toHaveLength(3)
  })

  it('lets a trainer of the partner zone listed on the session record, and shows them every enrolled person', async () => {
    const course = await makeCourse(t, { association: assoc, kind: 'gpi48_evaluation' })
    const { s, ea } = await started(course, { trainers: [trainerBPerson] })
    const listed = (await trainerB.request({ method: 'GET', url: `/api/training/sessions/${s.id}/enrolments` })).json()
    expect(listed.enrolments.map((e: { id: string }) => e.id)).toContain(ea.id)
    const res = await record(trainerB, s.id, [{ enrolmentId: ea.id, attendance: 'present', result: 'passed' }])
    expect(res.statusCode).toBe(200)
  })
})
