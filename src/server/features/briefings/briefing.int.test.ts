// The shift briefing (issue 11) through the API, on a real database. Zones A and B share `briefing` under an
// agreement in force; A and C share only `equipment`; F is of another association. Proves: who sees an item (a
// foreign association and a partner without `briefing` see nothing: 404), targets only zones sharing `briefing`,
// restricted items (not for CALog staff, accounts without a person, or zones they are not for; every view with a
// justification in the audit log; out of view after their validity), the shift view, read confirmations and the
// read status, photos, and settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  makeBriefingItem,
  makeCalogPerson,
  makeTeam,
  PNG_1X1,
  setTeam,
  type TeamRef,
} from '../../../../test/briefing.factories.ts'
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
import { TestClock } from '../../platform/clock.ts'

const NOW = new Date('2026-05-12T10:00:00Z') // noon in Brussels: the early shift of 12 May
const HOUR = 3_600_000
const clock = new TestClock(NOW)
let t: TestApp
let A: ZoneRef, B: ZoneRef, C: ZoneRef, F: ZoneRef
let teamA1: TeamRef, teamA2: TeamRef
let plannerA: Session, officerA: Session, officerA2: Session, officerB: Session, calogB: Session
let noPersonB: Session, officerC: Session, officerF: Session, korpschefA: Session
let personA: PersonRef, personA2: PersonRef, personB: PersonRef

const JUSTIFY = { 'x-justification': encodeURIComponent('Controle op de openbare weg, verdachte herkend') }
const at = (ms: number) => new Date(NOW.getTime() + ms)
const userWithPerson = async (role: 'officer' | 'planner' | 'logistics' | 'korpschef', zone: ZoneRef, p?: PersonRef) =>
  sessionFor(t, await makeUser(t, role, zone, p ? { personId: p.id } : {}))
const newItem = (over: Record<string, unknown> = {}) => ({
  category: 'attention_point',
  priority: 'normal',
  title: 'Inbraken in de Stationsstraat',
  body: 'Extra toezicht tussen 22 en 6 uur.',
  validFrom: at(-HOUR).toISOString(),
  validTo: at(48 * HOUR).toISOString(),
  shifts: ['early', 'late', 'night'],
  targets: [{ zoneId: A.id }],
  ...over,
})

beforeAll(async () => {
  t = await startTestApp({ sessionTtlHours: 10_000, sessionIdleMinutes: 100_000 }, { clock })
  const assoc = await makeAssociation(t, { zoneCount: 3 })
  ;[A, B, C] = assoc.zones as [ZoneRef, ZoneRef, ZoneRef]
  await makeAgreement(t, { association: assoc, parties: [A, B], domains: ['briefing'], clock })
  await makeAgreement(t, { association: assoc, parties: [A, C], domains: ['equipment'], clock })
  const foreign = await makeAssociation(t, { zoneCount: 1 })
  F = foreign.zones[0]!
  teamA1 = await makeTeam(t, { zone: A, code: 'interventie', name: 'Interventie' })
  teamA2 = await makeTeam(t, { zone: A, code: 'verkeer', name: 'Verkeer' })
  personA = await makePerson(t, { zone: A })
  personA2 = await makePerson(t, { zone: A })
  await setTeam(t, personA, teamA1)
  await setTeam(t, personA2, teamA2)
  personB = await makePerson(t, { zone: B })
  plannerA = await userWithPerson('planner', A, await makePerson(t, { zone: A }))
  korpschefA = await userWithPerson('korpschef', A)
  officerA = await userWithPerson('officer', A, personA)
  officerA2 = await userWithPerson('officer', A, personA2)
  officerB = await userWithPerson('officer', B, personB)
  calogB = await userWithPerson('logistics', B, await makeCalogPerson(t, { zone: B }))
  noPersonB = await userWithPerson('officer', B)
  officerC = await userWithPerson('officer', C, await makePerson(t, { zone: C }))
  officerF = await userWithPerson('officer', F, await makePerson(t, { zone: F }))
})
afterAll(async () => {
  await t?.close()
})

const get = (s: Session, url: string, headers: Record<string, string> = {}) =>
  s.request({ method: 'GET', url, headers })
const restrictedReads = (zoneId: string, itemId: string) =>
  t.database.db
    .selectFrom('audit_events')
    .select(['actor_user_id', 'details', 'domain'])
    .where('chain_zone_id', '=', zoneId)
    .where('action', '=', 'restricted.read')
    .where('object_id', '=', itemId)
    .execute()

describe('writing items', () => {
  it('the planner writes an item for the own zone and a partner sharing briefing; audited in both chains', async () => {
    const res = await plannerA.request({
      method: 'POST',
      url: '/api/briefing/items',
      payload: newItem({ targets: [{ zoneId: A.id, teamIds: [teamA1.id] }, { zoneId: B.id }] }),
    })
    expect(res.statusCode).toBe(201)
    const item = res.json()
    expect(item).toMatchObject({ zone: { id: A.id }, restricted: false, canEdit: true })
    expect(item.targets).toEqual([
      {
        zone: { id: A.id, code: A.code, name: A.name },
        teams: [{ id: teamA1.id, code: 'interventie', name: 'Interventie' }],
      },
      { zone: { id: B.id, code: B.code, name: B.name }, teams: [] },
    ])
    const entries = await t.database.db
      .selectFrom('audit_events')
      .select(['chain_zone_id', 'details'])
      .where('action', '=', 'briefing.item.create')
      .where('object_id', '=', item.id)
      .execute()
    expect(entries.map((e) => e.chain_zone_id).sort()).toEqual([A.id, B.id].sort())
    expect(JSON.stringify(entries)).not.toContain('Stationsstraat') // no content in the log
    const events = await t.database.db
      .selectFrom('outbox_events')
      .select('zone_id')
      .where('type', '=', 'briefing.item.changed')
      .where(({ eb }) => eb.val(true))
      .execute()
    expect(events.map((e) => e.zone_id)).toEqual(expect.arrayContaining([A.id, B.id]))
  })

  it('refuses a zone not sharing briefing (422), a team of another zone (422) and a validity over 90 days', async () => {
    const post = (payload: Record<string, unknown>) =>
      plannerA.request({ method: 'POST', url: '/api/briefing/items', payload: newItem(payload) })
    expect((await post({ targets: [{ zoneId: C.id }] })).json().error.code).toBe('BRIEFING_TARGET_NOT_SHARED')
    expect((await post({ targets: [{ zoneId: F.id }] })).json().error.code).toBe('BRIEFING_TARGET_NOT_SHARED')
    const team = await post({ targets: [{ zoneId: B.id, teamIds: [teamA1.id] }] })
    expect([team.statusCode, team.json().error.code]).toEqual([422, 'BRIEFING_TEAM_INVALID'])
    const long = await post({ validTo: at(91 * 24 * HOUR).toISOString() })
    expect([long.statusCode, long.json().error.code]).toEqual([422, 'BRIEFING_VALIDITY_INVALID'])
    const backwards = await post({ validTo: at(-2 * HOUR).toISOString() })
    expect(backwards.json().error.code).toBe('BRIEFING_VALIDITY_INVALID')
    // Another zone as the author: a partner's zone is seen (403), a foreign one is not (404).
    expect((await post({ zoneId: B.id, targets: [{ zoneId: B.id }] })).statusCode).toBe(403)
    expect((await post({ zoneId: F.id, targets: [{ zoneId: F.id }] })).statusCode).toBe(404)
  })

  it('a wanted person is always restricted; an officer edits only their own items, the planner any', async () => {
    const res = await officerA.request({
      method: 'POST',
      url: '/api/briefing/items',
      payload: newItem({ category: 'wanted_person', restricted: false, title: 'Gezocht: J. Janssens' }),
    })
    expect(res.statusCode).toBe(201)
    expect(res.json().restricted).toBe(true)
    const id = res.json().id
    const patch = (s: Session, payload: Record<string, unknown>) =>
      s.request({ method: 'PATCH', url: `/api/briefing/items/${id}`, payload })
    expect((await patch(officerA, { priority: 'urgent' })).statusCode).toBe(200)
    expect((await patch(officerA2, { priority: 'high' })).statusCode).toBe(403)
    expect((await patch(plannerA, { priority: 'high', restricted: false })).json()).toMatchObject({
      priority: 'high',
      restricted: true,
    })
    expect((await officerB.request({ method: 'POST', url: `/api/briefing/items/${id}/withdraw` })).statusCode).toBe(
      404, // B is not a target of this item
    )
    const withdrawn = await officerA.request({ method: 'POST', url: `/api/briefing/items/${id}/withdraw` })
    expect(withdrawn.json().withdrawnAt).not.toBeNull()
    expect((await patch(plannerA, { priority: 'normal' })).statusCode).toBe(404) // a withdrawn restricted item: gone
  })
})

describe('who sees an item', () => {
  it('a foreign association and a partner zone without briefing in force see nothing (404)', async () => {
    const item = await makeBriefingItem(t, {
      zone: A,
      from: at(-HOUR),
      to: at(HOUR),
      targets: [{ zone: A }, { zone: B }],
    })
    expect((await get(officerB, `/api/briefing/items/${item.id}`)).statusCode).toBe(200)
    for (const s of [officerC, officerF]) {
      const res = await get(s, `/api/briefing/items/${item.id}`)
      expect([res.statusCode, res.json().error.code]).toEqual([404, 'NOT_FOUND'])
      expect((await s.request({ method: 'POST', url: `/api/briefing/items/${item.id}/read` })).statusCode).toBe(404)
    }
    // Addressed to C regardless (as if an agreement had ended): C still sees nothing.
    const toC = await makeBriefingItem(t, { zone: A, from: at(-HOUR), to: at(HOUR), targets: [{ zone: C }] })
    expect((await get(officerC, `/api/briefing/items/${toC.id}`)).statusCode).toBe(404)
    expect((await get(officerC, `/api/briefing/view?zoneId=${C.id}`)).json().items).toEqual([])
    // Another zone's view or list: 404.
    expect((await get(officerF, `/api/briefing/view?zoneId=${A.id}`)).statusCode).toBe(404)
    expect((await get(officerB, `/api/briefing/items?zoneId=${A.id}`)).statusCode).toBe(404)
    expect((await get(officerF, `/api/briefing/teams?zoneId=${A.id}`)).statusCode).toBe(404)
    expect((await get(officerC, `/api/briefing/teams?zoneId=${A.id}`)).statusCode).toBe(404)
    expect(
      (await get(officerB, `/api/briefing/teams?zoneId=${A.id}`)).json().teams.map((x: TeamRef) => x.name),
    ).toEqual(['Interventie', 'Verkeer'])
  })

  it('a restricted item: operational staff of a target zone with a justification, each view logged', async () => {
    const item = await makeBriefingItem(t, {
      zone: A,
      category: 'wanted_person',
      title: 'Gezocht: Pieter De Smet',
      from: at(-HOUR),
      to: at(5 * HOUR),
      targets: [{ zone: A }, { zone: B }],
      photo: { type: 'image/png', bytes: PNG_1X1 },
    })
    const url = `/api/briefing/items/${item.id}`
    const bare = await get(officerB, url)
    expect([bare.statusCode, bare.json().error.code]).toEqual([422, 'JUSTIFICATION_REQUIRED'])
    const read = await get(officerB, url, JUSTIFY)
    expect(read.statusCode).toBe(200)
    expect(read.json().title).toBe('Gezocht: Pieter De Smet')
    const photo = await get(officerB, `${url}/photo`, JUSTIFY)
    expect([photo.statusCode, photo.headers['content-type']]).toEqual([200, 'image/png'])
    expect(photo.rawPayload.equals(PNG_1X1)).toBe(true)
    expect((await get(officerB, `${url}/photo`)).statusCode).toBe(422)
    // In the author zone's chain with the justification and the reason, and in the reader's own zone's chain.
    const inA = await restrictedReads(A.id, item.id)
    expect(inA).toHaveLength(2)
    expect(inA[0]!.details).toMatchObject({
      justification: 'Controle op de openbare weg, verdachte herkend',
      reasons: [{ kind: 'briefing_target', domain: 'briefing' }],
    })
    expect((await restrictedReads(B.id, item.id)).length).toBe(2)
    // Not for CALog staff, accounts without a person, zones it is not for, another association: 404, no hint.
    for (const s of [calogB, noPersonB, officerC, officerF]) {
      expect((await get(s, url, JUSTIFY)).statusCode).toBe(404)
      expect((await get(s, `${url}/photo`, JUSTIFY)).statusCode).toBe(404)
    }
    const view = await get(calogB, `/api/briefing/view?zoneId=${B.id}`, JUSTIFY)
    expect(view.json().items.map((i: { id: string }) => i.id)).not.toContain(item.id)
    // After its validity: out of view for everyone, the author zone too.
    clock.set(at(5 * HOUR))
    try {
      expect((await get(officerB, url, JUSTIFY)).statusCode).toBe(404)
      expect((await get(officerA, url, JUSTIFY)).statusCode).toBe(404)
    } finally {
      clock.set(NOW)
    }
    expect((await restrictedReads(A.id, item.id)).length).toBe(2) // the refused reads left no entry
  })

  it('the view lists a restricted item locked without a justification, and whole with one (logged per item)', async () => {
    const wanted = await makeBriefingItem(t, {
      zone: B,
      category: 'wanted_person',
      title: 'Gezocht: K. Peeters',
      from: at(-HOUR),
      to: at(HOUR),
    })
    const locked = (await get(officerB, `/api/briefing/view?zoneId=${B.id}`)).json()
    const mine = locked.items.find((i: { id: string }) => i.id === wanted.id)
    expect(mine).toMatchObject({ restricted: true, title: null, body: null, category: 'wanted_person' })
    expect(await restrictedReads(B.id, wanted.id)).toHaveLength(0)
    const open = (await get(officerB, `/api/briefing/view?zoneId=${B.id}`, JUSTIFY)).json()
    expect(open.items.find((i: { id: string }) => i.id === wanted.id).title).toBe('Gezocht: K. Peeters')
    expect(await restrictedReads(B.id, wanted.id)).toHaveLength(1)
    const bad = await get(officerB, `/api/briefing/view?zoneId=${B.id}`, { 'x-justification': 'kort' })
    expect([bad.statusCode, bad.json().error.code]).toEqual([422, 'JUSTIFICATION_REQUIRED'])
  })
})

describe('the shift view', () => {
  it("lists the zone's items valid during the shift that name it, urgent first, newest first", async () => {
    const zone = (await makeAssociation(t, { zoneCount: 1 })).zones[0]!
    const s = await userWithPerson('officer', zone, await makePerson(t, { zone }))
    // The night of 12 May (Brussels): 22:00 → 06:00 = 20:00Z → 04:00Z.
    const night = { from: new Date('2026-05-12T20:00:00Z'), to: new Date('2026-05-13T04:00:00Z') }
    const normal = await makeBriefingItem(t, {
      zone,
      from: at(-HOUR),
      to: night.to,
      shifts: ['night'],
      createdAt: at(-2 * HOUR),
    })
    const newer = await makeBriefingItem(t, {
      zone,
      from: at(-HOUR),
      to: night.to,
      shifts: ['night'],
      createdAt: at(-HOUR),
    })
    const urgent = await makeBriefingItem(t, {
      zone,
      from: at(-HOUR),
      to: night.to,
      priority: 'urgent',
      createdAt: at(-3 * HOUR),
    })
    await makeBriefingItem(t, { zone, from: at(-HOUR), to: night.to, shifts: ['early'] }) // not at night
    await makeBriefingItem(t, { zone, from: at(-HOUR), to: night.from }) // ends as the night starts
    await makeBriefingItem(t, { zone, from: at(-HOUR), to: night.to, withdrawnAt: at(-HOUR / 2) })
    const res = (await get(s, `/api/briefing/view?zoneId=${zone.id}&date=2026-05-12&shift=night`)).json()
    expect(res.period).toEqual({ from: night.from.toISOString(), to: night.to.toISOString() })
    expect(res.items.map((i: { id: string }) => i.id)).toEqual([urgent.id, newer.id, normal.id])
    // Without date and shift: the current one (the early shift of 12 May at noon).
    const now = (await get(s, `/api/briefing/view?zoneId=${zone.id}`)).json()
    expect([now.date, now.shift]).toEqual(['2026-05-12', 'early'])
    expect((await get(s, `/api/briefing/view?zoneId=${zone.id}&date=2026-02-30`)).statusCode).toBe(400)
  })

  it("follows the zone's shift times, set by its korpschef (audited); a wrong order is refused", async () => {
    const put = (s: Session, payload: Record<string, unknown>) =>
      s.request({ method: 'PUT', url: `/api/briefing/settings/${A.id}`, payload })
    const body = {
      earlyStart: '07:00',
      lateStart: '15:00',
      nightStart: '23:00',
      retentionDays: 60,
      restrictedRetentionDays: 14,
    }
    expect((await put(plannerA, body)).statusCode).toBe(403)
    expect((await put(korpschefA, { ...body, lateStart: '06:00' })).json().error.code).toBe('BRIEFING_SETTINGS_INVALID')
    expect((await put(korpschefA, body)).json()).toMatchObject({ earlyStart: '07:00', restrictedRetentionDays: 14 })
    const view = (await get(officerA, `/api/briefing/view?zoneId=${A.id}&date=2026-05-12&shift=night`)).json()
    expect(view.period).toEqual({ from: '2026-05-12T21:00:00.000Z', to: '2026-05-13T05:00:00.000Z' })
    expect((await get(officerB, `/api/briefing/settings/${A.id}`)).statusCode).toBe(200)
    expect((await get(officerF, `/api/briefing/settings/${A.id}`)).statusCode).toBe(404)
    const audited = await t.database.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'briefing.settings.update')
      .where('chain_zone_id', '=', A.id)
      .execute()
    expect(audited).toHaveLength(1)
    await put(korpschefA, {
      earlyStart: '06:00',
      lateStart: '14:00',
      nightStart: '22:00',
      retentionDays: 90,
      restrictedRetentionDays: 30,
    })
  })
})

describe('reads', () => {
  it('the addressed confirm once; the author zone sees its people by name and a partner as counts', async () => {
    const item = await makeBriefingItem(t, {
      zone: A,
      from: at(-HOUR),
      to: at(HOUR),
      targets: [{ zone: A, teams: [teamA1] }, { zone: B }],
    })
    const confirm = (s: Session) => s.request({ method: 'POST', url: `/api/briefing/items/${item.id}/read` })
    const first = await confirm(officerA)
    expect(first.statusCode).toBe(200)
    clock.advance(60_000)
    expect((await confirm(officerA)).json().readAt).toBe(first.json().readAt) // idempotent
    clock.set(NOW)
    expect((await confirm(officerA2)).json().error.code).toBe('BRIEFING_NOT_ADDRESSED') // another team
    expect((await confirm(noPersonB)).json().error.code).toBe('BRIEFING_NOT_ADDRESSED')
    expect((await confirm(officerB)).statusCode).toBe(200)
    const view = (await get(officerA, `/api/briefing/view?zoneId=${A.id}`)).json()
    expect(view.items.find((i: { id: string }) => i.id === item.id).readByMe).toBe(first.json().readAt)
    expect(view.items.find((i: { id: string }) => i.id === item.id).addressedToMe).toBe(true)
    const other = (await get(officerA2, `/api/briefing/view?zoneId=${A.id}`)).json()
    expect(other.items.find((i: { id: string }) => i.id === item.id)).toMatchObject({
      addressedToMe: false,
      readByMe: null,
    })
    const status = (await get(plannerA, `/api/briefing/items/${item.id}/reads`)).json()
    // Team Interventie of A: personA (read) only; B: its operational people, as counts.
    expect(status.own.people).toEqual([
      {
        personId: personA.id,
        name: `${personA.lastName} ${personA.firstName}`,
        team: 'Interventie',
        readAt: first.json().readAt,
      },
    ])
    expect(status.partners).toEqual([
      { zone: { id: B.id, code: B.code, name: B.name }, read: 1, total: 1 }, // personB; not B's CALog person
    ])
    expect(JSON.stringify(status)).not.toContain(personB.lastName)
    // Read status: writers of the author zone only.
    expect((await get(officerB, `/api/briefing/items/${item.id}/reads`)).statusCode).toBe(403)
    const audited = await t.database.db
      .selectFrom('audit_events')
      .select('chain_zone_id')
      .where('action', '=', 'briefing.read.confirm')
      .where('object_id', '=', item.id)
      .execute()
    expect(audited.map((a) => a.chain_zone_id).sort()).toEqual([A.id, A.id, B.id].sort())
  })
})

describe('photos', () => {
  it('takes a PNG whose bytes are PNG, refuses anything else (422)', async () => {
    const post = (photo: Record<string, unknown>) =>
      plannerA.request({ method: 'POST', url: '/api/briefing/items', payload: newItem({ photo }) })
    const ok = await post({ type: 'image/png', base64: PNG_1X1.toString('base64') })
    expect(ok.json().hasPhoto).toBe(true)
    const back = await get(officerA, `/api/briefing/items/${ok.json().id}/photo`)
    expect(back.rawPayload.equals(PNG_1X1)).toBe(true)
    const fake = await post({ type: 'image/jpeg', base64: PNG_1X1.toString('base64') })
    expect([fake.statusCode, fake.json().error.code]).toEqual([422, 'BRIEFING_PHOTO_INVALID'])
    const text = await post({ type: 'image/png', base64: Buffer.from('<svg/>').toString('base64') })
    expect(text.json().error.code).toBe('BRIEFING_PHOTO_INVALID')
    const removed = await plannerA.request({
      method: 'PATCH',
      url: `/api/briefing/items/${ok.json().id}`,
      payload: { photo: null },
    })
    expect(removed.json().hasPhoto).toBe(false)
  })
})
