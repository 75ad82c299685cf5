// Calendar feeds end to end: tokens over real HTTP, the feed parsed by a real iCalendar parser (ical.js) across
// both 2027 DST changes, stable UIDs with a growing SEQUENCE, revocation, and what a rotation feed may show.
import ICAL from 'ical.js'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  makeAgreement,
  makeAssociation,
  makePerson,
  makeUser,
  makeVisibilityReason,
  makeZone,
  sessionFor,
  type AssociationRef,
  type PersonRef,
  type ZoneRef,
} from '../../../../test/factories.ts'
import { startTestApp, type Session, type TestApp } from '../../../../test/harness.ts'
import { TestClock } from '../../../../src/server/platform/clock.ts'

const clock = new TestClock('2027-03-01T09:00:00Z')
let t: TestApp
let association: AssociationRef
let zoneA: ZoneRef
let zoneB: ZoneRef
let pa: PersonRef
let pbShared: PersonRef
let pbPrivate: PersonRef
let rotation: string
let onlyB: string
let foreign: string
let officer: Session
let rotationName: string

const run = <T>(query: ReturnType<typeof sql<T>>) => query.execute(t.database.db)

/** A rotation of `associationId` covering `zones`, inserted as perm-core's tables hold it (migration 0012). */
async function makeRotation(associationId: string, zones: ZoneRef[], name: string): Promise<string> {
  const { rows } = await run(sql<{ id: string }>`
    INSERT INTO rotations (association_id, domain_code, name, duty_kind, pattern, eligibility, zone_key, valid_from, created_at, updated_at)
    VALUES (${associationId}, 'permanence.officer_of_duty', ${name}, 'on_call', '{"kind":"weekly"}', '{"anyOf":[]}',
            '{"kind":"equal"}', '2026-01-01', now(), now()) RETURNING id`)
  const id = rows[0]!.id
  for (const z of zones) await run(sql`INSERT INTO rotation_zones (rotation_id, zone_id) VALUES (${id}, ${z.id})`)
  return id
}

/** A duty in force from `recordedFrom` (a row of the bitemporal duties table). */
async function insertDuty(opts: {
  rotationId: string
  person: PersonRef
  slotKey: string
  from: string
  to: string
  position?: number
  recordedFrom?: string
}): Promise<string> {
  const { rows } = await run(sql<{ id: string }>`
    INSERT INTO duties (rotation_id, slot_key, position, period, duty_kind, person_id, zone_id, cause, cause_id, recorded)
    VALUES (${opts.rotationId}, ${opts.slotKey}, ${opts.position ?? 1}, tstzrange(${opts.from}::timestamptz, ${opts.to}::timestamptz),
            'on_call', ${opts.person.id}, ${opts.person.zoneId}, 'override', gen_random_uuid(),
            tstzrange(${opts.recordedFrom ?? '2027-01-10T10:00:00Z'}::timestamptz, NULL))
    RETURNING id`)
  return rows[0]!.id
}

/** Closes a duty's transaction time: it is no longer in force (a change after publishing, or a removal). */
const closeDuty = (id: string, at: string) =>
  run(sql`UPDATE duties SET recorded = tstzrange(lower(recorded), ${at}::timestamptz) WHERE id = ${id}`)

interface ParsedEvent {
  uid: string
  sequence: number
  summary: string
  startLocal: string
  startUtc: string
  endLocal: string
  endUtc: string
  tzid: string
}

/** Parses a feed with ical.js, resolving TZID through the feed's own VTIMEZONE only. */
function parseFeed(body: string): { calendar: ICAL.Component; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(body))
  const vtimezone = calendar.getFirstSubcomponent('vtimezone')
  expect(vtimezone).not.toBeNull()
  ICAL.TimezoneService.reset()
  ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone!))
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v)
    return {
      uid: e.uid,
      sequence: e.sequence,
      summary: e.summary,
      startLocal: e.startDate.toString(),
      startUtc: e.startDate.toJSDate().toISOString(),
      endLocal: e.endDate.toString(),
      endUtc: e.endDate.toJSDate().toISOString(),
      tzid: e.startDate.zone?.tzid ?? '',
    }
  })
  return { calendar, events }
}

const feedPath = (url: string) => new URL(url).pathname
const fetchFeed = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: feedPath(url), headers })

async function subscribe(session: Session, payload: Record<string, unknown>) {
  const res = await session.request({ method: 'POST', url: '/api/calendars', payload })
  expect(res.statusCode, res.body).toBe(201)
  return res.json<{ id: string; url: string; scope: string; rotationId: string | null }>()
}

beforeAll(async () => {
  t = await startTestApp({ publicUrl: 'https://verbond.test' }, { clock })
  association = await makeAssociation(t)
  ;[zoneA, zoneB] = association.zones as [ZoneRef, ZoneRef]
  await makeAgreement(t, { association, domains: ['permanence.officer_of_duty'], clock })
  pa = await makePerson(t, { zone: zoneA, rank: 'commissaris' })
  pbShared = await makePerson(t, { zone: zoneB, rank: 'commissaris' })
  pbPrivate = await makePerson(t, { zone: zoneB, rank: 'commissaris' })
  await makeVisibilityReason(t, { person: pbShared, domain: 'permanence.officer_of_duty', kind: 'rotation' })
  rotationName = `OvW ${association.code}`
  rotation = await makeRotation(association.id, [zoneA, zoneB], rotationName)
  onlyB = await makeRotation(association.id, [zoneB], `Alleen B ${association.code}`)
  const other = await makeAssociation(t)
  foreign = await makeRotation(other.id, other.zones, `Vreemd ${other.code}`)
  officer = await sessionFor(t, await makeUser(t, 'officer', zoneA, { personId: pa.id }))

  // Monday 22 March 07:00 CET → Monday 29 March 07:00 CEST: across the last Sunday of March 2027.
  await insertDuty({
    rotationId: rotation,
    person: pa,
    slotKey: 'week:2027-03-22',
    from: '2027-03-22T06:00:00Z',
    to: '2027-03-29T05:00:00Z',
  })
  // Monday 25 October 07:00 CEST → Monday 1 November 07:00 CET: across the last Sunday of October 2027.
  await insertDuty({
    rotationId: rotation,
    person: pa,
    slotKey: 'week:2027-10-25',
    from: '2027-10-25T05:00:00Z',
    to: '2027-11-01T06:00:00Z',
  })
  await insertDuty({
    rotationId: rotation,
    person: pbShared,
    slotKey: 'week:2027-03-29',
    from: '2027-03-29T05:00:00Z',
    to: '2027-04-05T05:00:00Z',
  })
  await insertDuty({
    rotationId: rotation,
    person: pbPrivate,
    slotKey: 'week:2027-04-05',
    from: '2027-04-05T05:00:00Z',
    to: '2027-04-12T05:00:00Z',
  })
  // Outside the window: more than a year ahead, and more than 30 days back.
  await insertDuty({
    rotationId: rotation,
    person: pa,
    slotKey: 'week:2028-04-03',
    from: '2028-04-03T05:00:00Z',
    to: '2028-04-10T05:00:00Z',
  })
  await insertDuty({
    rotationId: rotation,
    person: pa,
    slotKey: 'week:2027-01-04',
    from: '2027-01-04T06:00:00Z',
    to: '2027-01-11T06:00:00Z',
  })
  // Another association's rotation, with a duty of the same person.
  await insertDuty({
    rotationId: foreign,
    person: pbPrivate,
    slotKey: 'week:2027-03-22',
    from: '2027-03-22T06:00:00Z',
    to: '2027-03-29T05:00:00Z',
  })
})
afterAll(() => t.close())

describe('calendar feeds', () => {
  it('serves my duties as RFC 5545 that ical.js reads, DST-correct in March and October 2027', async () => {
    const feed = await subscribe(officer, { scope: 'person', label: 'Telefoon' })
    expect(feed.url).toMatch(/^https:\/\/verbond\.test\/ical\/[A-Za-z0-9_-]{43}\.ics$/)
    const res = await fetchFeed(feed.url)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8')
    expect(res.headers['cache-control']).toBe('private, max-age=300')
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/)
    // CRLF everywhere, no line over 75 octets.
    expect(res.body.endsWith('\r\n')).toBe(true)
    for (const line of res.body.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
    expect(res.body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)

    const { calendar, events } = parseFeed(res.body)
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Mijn permanenties')
    expect(events.map((e) => [e.uid, e.startLocal, e.startUtc, e.endLocal, e.endUtc, e.tzid])).toEqual([
      [
        `${rotation}-week:2027-03-22-1@verbond`,
        '2027-03-22T07:00:00',
        '2027-03-22T06:00:00.000Z',
        '2027-03-29T07:00:00',
        '2027-03-29T05:00:00.000Z',
        'Europe/Brussels',
      ],
      [
        `${rotation}-week:2027-10-25-1@verbond`,
        '2027-10-25T07:00:00',
        '2027-10-25T05:00:00.000Z',
        '2027-11-01T07:00:00',
        '2027-11-01T06:00:00.000Z',
        'Europe/Brussels',
      ],
    ])
    expect(events.every((e) => e.sequence === 0)).toBe(true)
    expect(events[0]!.summary).toBe(`${rotationName} (bereikbaar en terugroepbaar)`)
  })

  it('keeps the UID and raises SEQUENCE when a duty row is replaced; drops a removed duty', async () => {
    const feed = await subscribe(officer, { scope: 'person' })
    const before = await fetchFeed(feed.url)
    // The March duty moves one hour later (close the row in force, insert the new version).
    const [march] = (
      await run(
        sql<{
          id: string
        }>`SELECT id FROM duties WHERE rotation_id = ${rotation} AND slot_key = 'week:2027-03-22' AND upper_inf(recorded)`,
      )
    ).rows
    await closeDuty(march!.id, '2027-02-20T10:00:00Z')
    const replaced = await insertDuty({
      rotationId: rotation,
      person: pa,
      slotKey: 'week:2027-03-22',
      from: '2027-03-22T07:00:00Z',
      to: '2027-03-29T05:00:00Z',
      recordedFrom: '2027-02-20T10:00:00Z',
    })
    // The October duty is removed.
    const [october] = (
      await run(
        sql<{
          id: string
        }>`SELECT id FROM duties WHERE rotation_id = ${rotation} AND slot_key = 'week:2027-10-25' AND upper_inf(recorded)`,
      )
    ).rows
    await closeDuty(october!.id, '2027-02-20T10:00:00Z')

    const after = await fetchFeed(feed.url, { 'if-none-match': String(before.headers.etag) })
    expect(after.statusCode).toBe(200) // changed: the old ETag no longer matches
    const { events } = parseFeed(after.body)
    expect(events.map((e) => [e.uid, e.sequence, e.startLocal])).toEqual([
      [`${rotation}-week:2027-03-22-1@verbond`, 1, '2027-03-22T08:00:00'],
    ])
    // Unchanged data: 304 on the ETag.
    const again = await fetchFeed(feed.url, { 'if-none-match': String(after.headers.etag) })
    expect(again.statusCode).toBe(304)
    // Restore for the other tests.
    await closeDuty(replaced, '2027-02-21T10:00:00Z')
    await insertDuty({
      rotationId: rotation,
      person: pa,
      slotKey: 'week:2027-03-22',
      from: '2027-03-22T06:00:00Z',
      to: '2027-03-29T05:00:00Z',
      recordedFrom: '2027-02-21T10:00:00Z',
    })
    const third = parseFeed((await fetchFeed(feed.url)).body).events
    expect(third.map((e) => [e.uid, e.sequence])).toEqual([[`${rotation}-week:2027-03-22-1@verbond`, 2]])
    await insertDuty({
      rotationId: rotation,
      person: pa,
      slotKey: 'week:2027-10-25',
      from: '2027-10-25T05:00:00Z',
      to: '2027-11-01T06:00:00Z',
      recordedFrom: '2027-02-21T10:00:00Z',
    })
  })

  it('a rotation feed names own and shared people, only the zone of the others, and nothing of another rotation', async () => {
    const feed = await subscribe(officer, { scope: 'rotation', rotationId: rotation })
    const res = await fetchFeed(feed.url)
    expect(res.statusCode).toBe(200)
    const { calendar, events } = parseFeed(res.body)
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(`Permanentie: ${rotationName}`)
    const name = (p: PersonRef) => `${p.firstName} ${p.lastName}`
    expect(events.map((e) => e.summary)).toEqual([
      `${rotationName}: ${name(pa)} (${zoneA.name})`,
      `${rotationName}: ${name(pbShared)} (${zoneB.name})`,
      `${rotationName}: bezet (${zoneB.name})`,
      `${rotationName}: ${name(pa)} (${zoneA.name})`,
    ])
    expect(res.body).not.toContain(pbPrivate.lastName)
    expect(events.every((e) => e.uid.startsWith(`${rotation}-`))).toBe(true)
    // The shared partner's name read is in the audit log, in the partner zone's chain, once this hour.
    const logged = await t.database.db
      .selectFrom('audit_events')
      .select(['object_type', 'object_id', 'chain_zone_id', 'details'])
      .where('action', '=', 'person.list')
      .where('object_id', '=', rotation)
      .execute()
    expect(logged).toEqual([
      {
        object_type: 'rotation',
        object_id: rotation,
        chain_zone_id: zoneB.id,
        details: expect.objectContaining({ via: 'calendar_feed', personIds: [pbShared.id] }),
      },
    ])
    await fetchFeed(feed.url)
    const used = await t.database.db
      .selectFrom('calendar_tokens')
      .select('last_used_at')
      .where('id', '=', feed.id)
      .executeTakeFirstOrThrow()
    expect(used.last_used_at?.toISOString()).toBe(clock.now().toISOString())
    // Within the hour a fetch writes nothing more; after it, once more.
    const count = async () =>
      (await t.database.db.selectFrom('audit_events').select('id').where('object_id', '=', rotation).execute()).length
    expect(await count()).toBe(1)
    const back = clock.now()
    clock.advance(3_600_000)
    await fetchFeed(feed.url)
    expect(await count()).toBe(2)
    clock.set(back) // the other tests' sessions stay fresh
  })

  it('answers 404 for a rotation out of reach, another association’s, or one that does not exist', async () => {
    for (const rotationId of [onlyB, foreign, '00000000-0000-4000-8000-000000000000']) {
      const res = await officer.request({
        method: 'POST',
        url: '/api/calendars',
        payload: { scope: 'rotation', rotationId },
      })
      expect([rotationId, res.statusCode, res.json().error.code]).toEqual([rotationId, 404, 'NOT_FOUND'])
    }
  })

  it('revokes: the URL answers 404 with no hint, like an unknown token; a new URL replaces the old one', async () => {
    const first = await subscribe(officer, { scope: 'person' })
    const second = await subscribe(officer, { scope: 'person' })
    const unknown = await fetchFeed('https://x/ical/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics')
    const replaced = await fetchFeed(first.url)
    expect([unknown.statusCode, replaced.statusCode]).toEqual([404, 404])
    expect(replaced.body).toBe(unknown.body)
    expect((await fetchFeed(second.url)).statusCode).toBe(200)

    const list = await officer.request({ method: 'GET', url: '/api/calendars' })
    expect(
      list
        .json()
        .items.filter((f: { scope: string }) => f.scope === 'person')
        .map((f: { id: string }) => f.id),
    ).toEqual([second.id])
    expect(JSON.stringify(list.json())).not.toContain(new URL(second.url).pathname.slice(6, 30))

    expect((await officer.request({ method: 'DELETE', url: `/api/calendars/${second.id}` })).statusCode).toBe(204)
    expect((await fetchFeed(second.url)).statusCode).toBe(404)
    expect((await officer.request({ method: 'DELETE', url: `/api/calendars/${second.id}` })).statusCode).toBe(404)
    // Someone else's feed: 404, and it keeps working.
    const colleague = await sessionFor(t, await makeUser(t, 'planner', zoneA))
    const theirs = await subscribe(colleague, { scope: 'person' })
    expect((await officer.request({ method: 'DELETE', url: `/api/calendars/${theirs.id}` })).statusCode).toBe(404)
    expect((await fetchFeed(theirs.url)).statusCode).toBe(200)
  })

  it('a rotation feed stops when its owner no longer reaches the rotation', async () => {
    const zoneC: ZoneRef = await makeZone(t)
    const planner = await makeUser(t, 'planner', zoneC)
    const r = await makeRotation(association.id, [zoneA, zoneC], `Tijdelijk ${association.code}`)
    const feed = await subscribe(await sessionFor(t, planner), { scope: 'rotation', rotationId: r })
    expect((await fetchFeed(feed.url)).statusCode).toBe(200)
    await run(sql`DELETE FROM rotation_zones WHERE rotation_id = ${r} AND zone_id = ${zoneC.id}`)
    expect((await fetchFeed(feed.url)).statusCode).toBe(404)
  })

  it('refuses bad input with 4xx codes', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ scope: 'rotation' }, 422, 'CALENDAR_SCOPE_INVALID'],
      [{ scope: 'person', rotationId: rotation }, 422, 'CALENDAR_SCOPE_INVALID'],
      [{ scope: 'everything' }, 400, 'VALIDATION_FAILED'],
      [{ scope: 'rotation', rotationId: 'not-a-uuid' }, 400, 'VALIDATION_FAILED'],
      [{ scope: 'person', label: 'x'.repeat(81) }, 400, 'VALIDATION_FAILED'],
      [{ scope: 'person', extra: 1 }, 400, 'VALIDATION_FAILED'],
    ]
    for (const [payload, status, code] of cases) {
      const res = await officer.request({ method: 'POST', url: '/api/calendars', payload })
      expect([payload, res.statusCode, res.json().error.code]).toEqual([payload, status, code])
    }
    expect((await officer.request({ method: 'DELETE', url: '/api/calendars/nope' })).statusCode).toBe(400)
    // Not a token: the same 404 as an unknown one; an over-long path is the platform's 414.
    for (const [url, status] of [
      ['/ical/short.ics', 404],
      ['/ical/%ZZ.ics', 400], // the platform's BAD_URL
      ['/ical/.ics', 404],
      [`/ical/${'A'.repeat(43)}.txt`, 404],
      [`/ical/${'A'.repeat(101)}.ics`, 414],
    ] as const)
      expect([url, (await t.app.inject({ method: 'GET', url })).statusCode]).toEqual([url, status])
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/calendars', payload: { scope: 'person' } })).statusCode,
    ).toBe(401)
  })
})

describe('calendar feed rate limit', () => {
  it('limits requests to /ical like the API: guessing tokens by volume gets 429', async () => {
    const limited = await startTestApp({ rateLimitPerMinute: 2 })
    try {
      const statuses: number[] = []
      for (let i = 0; i < 3; i++) {
        const url = `/ical/${'x'.repeat(40)}${i}.ics`
        const res = await limited.app.inject({ method: 'GET', url, remoteAddress: '10.8.8.8' })
        statuses.push(res.statusCode)
      }
      expect(statuses).toEqual([404, 404, 429])
    } finally {
      await limited.close()
    }
  })
})
