// The daily GPI 48 reminders (issue 11), on a real database with a TestClock: a person behind or falling behind
// and a person whose qualification lapses are notified once per 7 days (not the compliant one, not one without an
// account), the zone's planners get one digest a day with the counts; a second run is a no-op.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  makeAssociation,
  makePerson,
  makeUser,
  type AssociationRef,
  type PersonRef,
  type UserRef,
  type ZoneRef,
} from '../../../../test/factories.ts'
import { startTestApp, type TestApp } from '../../../../test/harness.ts'
import { makeCourse, makeEnrolment, makeTrainingSession, type CourseRef } from '../../../../test/training.factories.ts'
import { runWithClock, TestClock } from '../../platform/clock.ts'
import { COMPLIANCE_REMINDER_JOB, remindCompliance, trainingComplianceJobs } from './compliance-jobs.ts'

const NOW = new Date('2026-06-01T03:00:00Z')
const clock = new TestClock(NOW)
/** The job's run at `at`, under the clock (as the job runner runs it): notifications are stamped then. */
const runAt = (at: Date) => {
  clock.set(at)
  return runWithClock(clock, () => remindCompliance(t.database.db, at))
}
const DAY = 86_400_000
let t: TestApp
let association: AssociationRef
let zone: ZoneRef
let tr: CourseRef, ev: CourseRef
let behind: PersonRef, dueSoon: PersonRef, compliant: PersonRef, noAccount: PersonRef, lapsing: PersonRef
let users: Record<'behind' | 'dueSoon' | 'compliant' | 'lapsing', UserRef>
let planner: UserRef, korpschef: UserRef

async function attend(person: PersonRef, course: CourseRef, day: string, result?: 'passed') {
  const session = await makeTrainingSession(t, {
    association,
    zone,
    course,
    from: new Date(`${day}T09:00:00Z`),
    status: 'completed',
  })
  await makeEnrolment(t, { session, person, attendance: 'present', ...(result ? { result } : {}) })
}
const five = async (person: PersonRef, first: string, days: string[]) => {
  await attend(person, ev, first, 'passed')
  for (const d of days) await attend(person, tr, d)
}

beforeAll(async () => {
  t = await startTestApp({}, { clock })
  association = await makeAssociation(t, { zoneCount: 1 })
  zone = association.zones[0]!
  tr = await makeCourse(t, { association, kind: 'gpi48_training' })
  ev = await makeCourse(t, { association, kind: 'gpi48_evaluation' })
  behind = await makePerson(t, { zone })
  await five(behind, '2025-09-01', ['2025-10-01'])
  dueSoon = await makePerson(t, { zone })
  await five(dueSoon, '2025-07-01', ['2025-09-01', '2025-11-01', '2026-01-05', '2026-03-01'])
  compliant = await makePerson(t, { zone })
  await five(compliant, '2026-01-05', ['2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01'])
  lapsing = await makePerson(t, { zone })
  await five(lapsing, '2026-01-05', ['2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01'])
  await t.database.db
    .insertInto('person_qualifications')
    .values([
      { person_id: lapsing.id, qualification_code: 'first_aid', obtained_on: null, valid_until: '2026-07-15' },
      { person_id: compliant.id, qualification_code: 'first_aid', obtained_on: null, valid_until: '2026-12-31' },
    ])
    .execute()
  noAccount = await makePerson(t, { zone })
  users = {
    behind: await makeUser(t, 'officer', zone, { personId: behind.id }),
    dueSoon: await makeUser(t, 'officer', zone, { personId: dueSoon.id }),
    compliant: await makeUser(t, 'officer', zone, { personId: compliant.id }),
    lapsing: await makeUser(t, 'officer', zone, { personId: lapsing.id }),
  }
  planner = await makeUser(t, 'planner', zone)
  korpschef = await makeUser(t, 'korpschef', zone)
})
afterAll(async () => {
  await t?.close()
})

const notificationsOf = (userId: string) =>
  t.database.db
    .selectFrom('notifications')
    .select(['kind', 'params', 'object_type', 'object_id'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute()

describe(COMPLIANCE_REMINDER_JOB, () => {
  it('is a daily recurring job', () => {
    expect(trainingComplianceJobs()).toEqual([expect.objectContaining({ kind: COMPLIANCE_REMINDER_JOB, every: DAY })])
  })

  it('reminds people behind or due soon and lapsing qualifications, digests for planners; once', async () => {
    // Only this zone records GPI 48: the demo zones of the test database (no attendance) are not reminded.
    expect(await runAt(NOW)).toEqual({ complianceDue: 2, qualificationExpiring: 1, digests: 1 })
    expect(await notificationsOf(users.behind.id)).toEqual([
      {
        kind: 'training.compliance_due',
        params: { counted: '2', required: '5', date: '01/06/2026' },
        object_type: 'training_person',
        object_id: behind.id,
      },
    ])
    expect(await notificationsOf(users.dueSoon.id)).toEqual([
      expect.objectContaining({
        kind: 'training.compliance_due',
        params: { counted: '5', required: '5', date: '01/07/2026' },
      }),
    ])
    expect(await notificationsOf(users.lapsing.id)).toEqual([
      expect.objectContaining({
        kind: 'training.qualification_expiring',
        params: { qualification: 'first_aid', validUntil: '15/07/2026' },
      }),
    ])
    expect(await notificationsOf(users.compliant.id)).toEqual([])
    expect(await notificationsOf(planner.id)).toEqual([
      {
        kind: 'training.compliance_digest',
        params: { behind: '2', dueSoon: '1', expiring: '1' },
        object_type: 'training_zone',
        object_id: zone.id,
      },
    ])
    expect(await notificationsOf(korpschef.id)).toEqual([])
    // noAccount (behind, no linked account) is counted in the digest but notified nowhere.
    expect(noAccount.id).toBeTruthy()

    // Again the same day: nothing. The next days: only the digest, until 7 days have passed.
    expect(await runAt(new Date(NOW.getTime() + 3_600_000))).toEqual({
      complianceDue: 0,
      qualificationExpiring: 0,
      digests: 0,
    })
    expect(await runAt(new Date(NOW.getTime() + DAY))).toEqual({
      complianceDue: 0,
      qualificationExpiring: 0,
      digests: 1,
    })
    expect((await notificationsOf(planner.id)).length).toBe(2)
    expect((await notificationsOf(users.behind.id)).length).toBe(1)
    await runAt(new Date(NOW.getTime() + 7 * DAY))
    expect((await notificationsOf(users.behind.id)).length).toBe(2)
    expect((await notificationsOf(users.lapsing.id)).length).toBe(2)
    expect(await notificationsOf(users.compliant.id)).toEqual([])
  })
})
