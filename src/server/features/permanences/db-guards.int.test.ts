// The database's last word on permanences (migration 0012): one person in one duty at a time across
// rotations, one person per position of a slot, members only from covered zones and of their own zone, and the
// bitemporal history answering "who was on duty at T, as known at T".
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeAssociation, makePerson, makeZone, type PersonRef, type ZoneRef } from '../../../../test/factories.ts'
import { startTestApp, type TestApp } from '../../../../test/harness.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const run = <T>(query: ReturnType<typeof sql<T>>) => query.execute(t.database.db)

async function rotation(zones: ZoneRef[], name = `R ${Math.random()}`): Promise<string> {
  const association = await makeAssociation(t, { zones })
  const { rows } = await run(sql<{ id: string }>`
    INSERT INTO rotations (association_id, domain_code, name, duty_kind, pattern, eligibility, zone_key, valid_from, created_at, updated_at)
    VALUES (${association.id}, 'permanence.officer_of_duty', ${name}, 'on_call', '{"kind":"weekly"}', '{"anyOf":[]}',
            '{"kind":"equal"}', '2026-01-01', now(), now()) RETURNING id`)
  const id = rows[0]!.id
  for (const z of zones) await run(sql`INSERT INTO rotation_zones (rotation_id, zone_id) VALUES (${id}, ${z.id})`)
  return id
}

const duty = (
  rotationId: string,
  person: PersonRef,
  position: number,
  from: string,
  to: string,
  recordedFrom = '2026-01-01T00:00:00Z',
) =>
  run(sql<{ id: string }>`
    INSERT INTO duties (rotation_id, slot_key, position, period, duty_kind, person_id, zone_id, cause, cause_id, recorded)
    VALUES (${rotationId}, ${`week:${from.slice(0, 10)}`}, ${position}, tstzrange(${from}::timestamptz, ${to}::timestamptz),
            'on_call', ${person.id}, ${person.zoneId}, 'override', gen_random_uuid(), tstzrange(${recordedFrom}::timestamptz, NULL))
    RETURNING id`)

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise
    return null
  } catch (error) {
    const e = error as { code?: string; constraint?: string }
    return { code: e.code, constraint: e.constraint }
  }
}

describe('permanences in the database', () => {
  it('refuses a person in two overlapping duties, in two rotations', async () => {
    const zone = await makeZone(t)
    const person = await makePerson(t, { zone, rank: 'commissaris' })
    const a = await rotation([zone])
    const b = await rotation([zone])
    await duty(a, person, 1, '2026-03-02T06:00:00Z', '2026-03-09T06:00:00Z')
    expect(await failure(duty(b, person, 1, '2026-03-08T18:00:00Z', '2026-03-09T06:00:00Z'))).toEqual({
      code: '23P01',
      constraint: 'duties_person_no_overlap',
    })
    // Back to back is fine: periods are '[)'.
    expect(await failure(duty(b, person, 1, '2026-03-09T06:00:00Z', '2026-03-16T06:00:00Z'))).toBeNull()
  })

  it('refuses two people in one position of one slot, allows a second position', async () => {
    const zone = await makeZone(t)
    const [p1, p2, p3] = [await makePerson(t, { zone }), await makePerson(t, { zone }), await makePerson(t, { zone })]
    const r = await rotation([zone])
    await duty(r, p1, 1, '2026-04-06T05:00:00Z', '2026-04-13T05:00:00Z')
    expect(await failure(duty(r, p2, 1, '2026-04-06T05:00:00Z', '2026-04-13T05:00:00Z'))).toEqual({
      code: '23P01',
      constraint: 'duties_position_taken',
    })
    expect(await failure(duty(r, p3, 2, '2026-04-06T05:00:00Z', '2026-04-13T05:00:00Z'))).toBeNull()
  })

  it('keeps the history: a swap closes the old row, and "as known at T" still names the first person', async () => {
    const zone = await makeZone(t)
    const [first, second] = [await makePerson(t, { zone }), await makePerson(t, { zone })]
    const r = await rotation([zone])
    const [{ id }] = (await duty(r, first, 1, '2026-05-04T05:00:00Z', '2026-05-11T05:00:00Z')).rows as [{ id: string }]
    // The swap is recorded on 6 May 12:00: the old row's knowledge ends then, the new one's starts.
    await run(sql`UPDATE duties SET recorded = tstzrange(lower(recorded), '2026-05-06T12:00:00Z') WHERE id = ${id}`)
    await duty(r, second, 1, '2026-05-04T05:00:00Z', '2026-05-11T05:00:00Z', '2026-05-06T12:00:00Z')
    const onDuty = async (at: string, knownAt: string | null) =>
      (
        await run(sql<{ person_id: string }>`
          SELECT person_id FROM duties
           WHERE rotation_id = ${r} AND period @> ${at}::timestamptz
             AND ${knownAt === null ? sql`upper_inf(recorded)` : sql`recorded @> ${knownAt}::timestamptz`}`)
      ).rows.map((row) => row.person_id)
    expect(await onDuty('2026-05-05T03:00:00Z', '2026-05-05T03:00:00Z')).toEqual([first.id])
    expect(await onDuty('2026-05-05T03:00:00Z', null)).toEqual([second.id])
    expect(await onDuty('2026-05-07T03:00:00Z', '2026-05-07T03:00:00Z')).toEqual([second.id])
  })

  it('takes members only from covered zones, in their own zone', async () => {
    const [covered, other] = [await makeZone(t), await makeZone(t)]
    const r = await rotation([covered])
    const outsider = await makePerson(t, { zone: other })
    const insider = await makePerson(t, { zone: covered })
    const member = (person: PersonRef, zoneId: string) =>
      run(sql`INSERT INTO rotation_members (rotation_id, zone_id, person_id, period)
              VALUES (${r}, ${zoneId}, ${person.id}, daterange('2026-01-01', NULL))`)
    expect(await failure(member(outsider, other.id))).toMatchObject({
      code: '23503',
      constraint: 'rotation_members_zone',
    })
    expect(await failure(member(outsider, covered.id))).toMatchObject({
      code: '23503',
      constraint: 'rotation_members_person',
    })
    expect(await failure(member(insider, covered.id))).toBeNull()
    expect(await failure(member(insider, covered.id))).toMatchObject({
      code: '23P01',
      constraint: 'rotation_members_no_overlap',
    })
  })

  it('allows one draft per rotation, and a published version only with its publication time', async () => {
    const zone = await makeZone(t)
    const r = await rotation([zone])
    const version = (n: number, status: string, publishedAt: string | null) =>
      run(sql`INSERT INTO roster_versions (rotation_id, version, status, horizon, created_at, published_at)
              VALUES (${r}, ${n}, ${status}, tstzrange('2026-01-01', '2027-01-01'), now(), ${publishedAt}::timestamptz)`)
    expect(await failure(version(1, 'draft', null))).toBeNull()
    expect(await failure(version(2, 'draft', null))).toMatchObject({ code: '23505' })
    expect(await failure(version(3, 'published', null))).toMatchObject({
      code: '23514',
      constraint: 'roster_versions_published',
    })
    expect(await failure(version(3, 'published', '2026-01-02T10:00:00Z'))).toBeNull()
  })
})
