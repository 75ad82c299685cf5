// The database's own guards of a session's places (migration 0020), on PGlite and PostgreSQL, without the
// application: a zone's enrolled people never outnumber its places (also when a waiting enrolment is promoted),
// a zone's places never drop below its enrolled people, the places add up to the capacity (checked at commit),
// and a person has one live enrolment per session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeAssociation, makePerson, type AssociationRef, type PersonRef } from '../../../../test/factories.ts'
import { startTestApp, type TestApp } from '../../../../test/harness.ts'
import {
  makeCourse,
  makeEnrolment,
  makeTrainingSession,
  type CourseRef,
  type TrainingSessionRef,
} from '../../../../test/training.factories.ts'

let t: TestApp
let association: AssociationRef
let course: CourseRef
let people: PersonRef[]
beforeAll(async () => {
  t = await startTestApp()
  association = await makeAssociation(t)
  course = await makeCourse(t, { association })
  people = []
  for (let i = 0; i < 4; i++) people.push(await makePerson(t, { zone: association.zones[i % 2]! }))
})
afterAll(() => t?.close())

const failure = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e as { code?: string; constraint?: string },
  )
  return err && { code: err.code, constraint: err.constraint }
}

const session = (places: [number, number]): Promise<TrainingSessionRef> =>
  makeTrainingSession(t, {
    association,
    zone: association.zones[0]!,
    course,
    from: new Date(Date.now() + 7 * 86_400_000),
    places: [
      { zone: association.zones[0]!, places: places[0] },
      { zone: association.zones[1]!, places: places[1] },
    ],
  })

describe('training places, guarded by the database', () => {
  it('refuses an enrolment beyond the zone’s places, and a promotion into a full zone', async () => {
    const s = await session([1, 1])
    const [a1, b1, a2] = [people[0]!, people[1]!, people[2]!]
    await makeEnrolment(t, { session: s, person: a1 })
    await makeEnrolment(t, { session: s, person: b1 })
    expect(await failure(makeEnrolment(t, { session: s, person: a2 }))).toEqual({
      code: '23514',
      constraint: 'training_enrolments_places',
    })
    const waiting = await makeEnrolment(t, { session: s, person: a2, status: 'waitlisted' })
    const promote = t.database.db
      .updateTable('training_enrolments')
      .set({ status: 'enrolled', enrolled_at: new Date() })
      .where('id', '=', waiting.id)
      .execute()
    expect(await failure(promote)).toEqual({ code: '23514', constraint: 'training_enrolments_places' })
  })

  it('refuses fewer places than enrolled people, and places that do not add up to the capacity', async () => {
    const s = await session([2, 1])
    await makeEnrolment(t, { session: s, person: people[0]! })
    await makeEnrolment(t, { session: s, person: people[2]! })
    const shrink = t.database.db
      .updateTable('training_session_places')
      .set({ places: 1 })
      .where('session_id', '=', s.id)
      .where('zone_id', '=', association.zones[0]!.id)
      .execute()
    expect(await failure(shrink)).toEqual({ code: '23514', constraint: 'training_session_places_enrolled' })
    const unbalanced = t.database.db
      .updateTable('training_session_places')
      .set({ places: 3 })
      .where('session_id', '=', s.id)
      .where('zone_id', '=', association.zones[1]!.id)
      .execute()
    expect(await failure(unbalanced)).toEqual({ code: '23514', constraint: 'training_session_places_capacity' })
    // Moving a place between zones and the capacity with it, in one transaction, is fine.
    await t.database.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('training_session_places')
        .set({ places: 3 })
        .where('session_id', '=', s.id)
        .where('zone_id', '=', association.zones[1]!.id)
        .execute()
      await trx.updateTable('training_sessions').set({ capacity: 5 }).where('id', '=', s.id).execute()
    })
  })

  it('keeps one live enrolment per person and session; a cancelled one does not count', async () => {
    const s = await session([2, 2])
    await makeEnrolment(t, { session: s, person: people[1]!, status: 'cancelled' })
    await makeEnrolment(t, { session: s, person: people[1]! })
    expect(await failure(makeEnrolment(t, { session: s, person: people[1]!, status: 'waitlisted' }))).toEqual({
      code: '23505',
      constraint: 'training_enrolments_one_live',
    })
  })
})
