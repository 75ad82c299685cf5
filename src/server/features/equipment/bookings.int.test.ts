// Bookings and loans (issue 10) through the HTTP API, on PGlite and PostgreSQL: no double booking (the exclusion
// constraint, also under concurrent requests), buffers and touching periods, partners only under `equipment` in
// force, lendability, auto-approval, idempotency, the lifecycle, handovers and the overdue reminder.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestClock } from '../../platform/clock.ts'
import { makeAsset, makeLoanTerms, type AssetRef } from '../../../../test/equipment.factories.ts'
import {
  makeAgreement,
  makeAssociation,
  makePerson,
  makeUser,
  sessionFor,
  type AgreementRef,
  type AssociationRef,
  type PersonRef,
  type ZoneRef,
} from '../../../../test/factories.ts'
import { startTestApp, type Session, type TestApp } from '../../../../test/harness.ts'
import { bookingJobs } from './booking-jobs.ts'

const START = '2026-03-02T09:00:00Z'
const clock = new TestClock(START)
const H = 3_600_000
/** An instant `hours` after the test's start. */
const at = (hours: number) => new Date(new Date(START).getTime() + hours * H).toISOString()

let t: TestApp
let assoc: AssociationRef
let borrower: ZoneRef
let keeper: ZoneRef
let agreement: AgreementRef
let borrowerLogistics: Session
let keeperLogistics: Session
let keeperKorpschef: Session
let keeperPerson: PersonRef
let collector: PersonRef
let otherBorrowerPerson: PersonRef

beforeAll(async () => {
  // Sessions outlive the test's moves of the clock (hours ahead for handovers and overdue loans).
  t = await startTestApp({ sessionTtlHours: 1000, sessionIdleMinutes: 10_000 }, { clock })
  assoc = await makeAssociation(t)
  ;[borrower, keeper] = assoc.zones as [ZoneRef, ZoneRef]
  agreement = await makeAgreement(t, { association: assoc, domains: ['equipment'], clock })
  borrowerLogistics = await sessionFor(t, await makeUser(t, 'logistics', borrower))
  keeperLogistics = await sessionFor(t, await makeUser(t, 'logistics', keeper))
  keeperKorpschef = await sessionFor(t, await makeUser(t, 'korpschef', keeper))
  keeperPerson = await makePerson(t, { zone: keeper })
  collector = await makePerson(t, { zone: borrower })
  otherBorrowerPerson = await makePerson(t, { zone: borrower })
})
afterAll(() => t?.close())

const key = () => `k-${randomBytes(8).toString('hex')}`
const book = (s: Session, body: Record<string, unknown>) =>
  s.request({
    method: 'POST',
    url: '/api/equipment/bookings',
    payload: { purpose: 'Snelheidscontrole', idempotencyKey: key(), ...body },
  })
const radar = (opts: Partial<Parameters<typeof makeAsset>[1]> = {}): Promise<AssetRef> =>
  makeAsset(t, { zone: keeper, kind: 'speed_radar', ...opts })

describe('booking a partner asset', () => {
  it('requests it under the agreement, the keeper approves, the requester is notified', async () => {
    const asset = await radar()
    const res = await book(borrowerLogistics, { assetIds: [asset.id], from: at(24), to: at(30) })
    expect(res.statusCode).toBe(201)
    const [b] = res.json().bookings
    expect(b).toMatchObject({ status: 'requested', autoApproved: false, actions: ['cancel'] })
    expect(b.borrowerZone.id).toBe(borrower.id)
    const approved = await keeperLogistics.request({
      method: 'POST',
      url: `/api/equipment/bookings/${b.id}/approve`,
      payload: { note: 'OK' },
    })
    expect(approved.statusCode).toBe(200)
    expect(approved.json()).toMatchObject({ status: 'approved', decisionNote: 'OK', actions: ['cancel', 'check_out'] })
    const again = await keeperLogistics.request({
      method: 'POST',
      url: `/api/equipment/bookings/${b.id}/approve`,
      payload: {},
    })
    expect(again.json().error.code).toBe('BOOKING_TRANSITION_INVALID')
    // The borrower cannot decide its own request.
    const own = await borrowerLogistics.request({
      method: 'POST',
      url: `/api/equipment/bookings/${b.id}/reject`,
      payload: {},
    })
    expect(own.statusCode).toBe(403)
    const kinds = await t.database.db.selectFrom('notifications').select('kind').where('object_id', '=', b.id).execute()
    expect(kinds.map((k) => k.kind).sort()).toEqual(['equipment.booking_decided', 'equipment.booking_requested'])
  })

  it('warns of a conflict before submit, refuses the overlap with its period, allows the touching period', async () => {
    const asset = await radar({ kind: 'vehicle' })
    await makeLoanTerms(t, { agreement, kind: 'vehicle', bufferMinutes: 30 })
    expect((await book(borrowerLogistics, { assetIds: [asset.id], from: at(48), to: at(50) })).statusCode).toBe(201)
    const check = await borrowerLogistics.request({
      method: 'POST',
      url: '/api/equipment/bookings/check',
      payload: { assetIds: [asset.id], from: at(50), to: at(52) },
    })
    expect(check.json()).toMatchObject({
      ok: false,
      assets: [
        { assetId: asset.id, conflicts: [{ from: at(48), to: at(50.5), own: true }], lendability: { lendable: true } },
      ],
    })
    const overlap = await book(borrowerLogistics, { assetIds: [asset.id], from: at(50.25), to: at(52) })
    expect(overlap.statusCode).toBe(409)
    expect(overlap.json().error).toMatchObject({
      code: 'BOOKING_CONFLICT',
      details: { assetId: asset.id, conflicting: { from: at(48), to: at(50.5) } },
    })
    // [) : the next booking may start where the buffer ends.
    expect((await book(borrowerLogistics, { assetIds: [asset.id], from: at(50.5), to: at(52) })).statusCode).toBe(201)
  })

  it('books all assets or none', async () => {
    const free = await radar()
    const busy = await radar()
    await book(borrowerLogistics, { assetIds: [busy.id], from: at(60), to: at(62) })
    const res = await book(borrowerLogistics, { assetIds: [free.id, busy.id], from: at(61), to: at(63) })
    expect(res.statusCode).toBe(409)
    const rows = await t.database.db
      .selectFrom('equipment_bookings')
      .select('id')
      .where('asset_id', '=', free.id)
      .execute()
    expect(rows).toEqual([])
  })

  it('auto-approves within the terms, not beyond', async () => {
    const asset = await radar({ kind: 'drone' })
    await makeLoanTerms(t, {
      agreement,
      kind: 'drone',
      autoApprove: true,
      autoApproveMaxHours: 8,
      feeCentsPerDay: 2500,
    })
    const short = (await book(borrowerLogistics, { assetIds: [asset.id], from: at(70), to: at(78) })).json().bookings[0]
    expect(short).toMatchObject({ status: 'approved', autoApproved: true, feeCentsPerDay: 2500 })
    const long = (await book(borrowerLogistics, { assetIds: [asset.id], from: at(80), to: at(90) })).json().bookings[0]
    expect(long).toMatchObject({ status: 'requested', autoApproved: false })
  })

  it('ignores cancelled and rejected bookings', async () => {
    const asset = await radar()
    const first = (await book(borrowerLogistics, { assetIds: [asset.id], from: at(100), to: at(102) })).json()
      .bookings[0]
    await borrowerLogistics.request({ method: 'POST', url: `/api/equipment/bookings/${first.id}/cancel` })
    const second = (await book(borrowerLogistics, { assetIds: [asset.id], from: at(100), to: at(102) })).json()
      .bookings[0]
    const rejected = await keeperLogistics.request({
      method: 'POST',
      url: `/api/equipment/bookings/${second.id}/reject`,
      payload: {},
    })
    expect(rejected.json().status).toBe('rejected')
    expect((await book(borrowerLogistics, { assetIds: [asset.id], from: at(100), to: at(102) })).statusCode).toBe(201)
  })

  it('answers a double submit with the same group, another body with a conflict', async () => {
    const asset = await radar()
    const body = { assetIds: [asset.id], from: at(110), to: at(112), purpose: 'Actie', idempotencyKey: key() }
    const first = await borrowerLogistics.request({ method: 'POST', url: '/api/equipment/bookings', payload: body })
    const second = await borrowerLogistics.request({ method: 'POST', url: '/api/equipment/bookings', payload: body })
    expect([first.statusCode, second.statusCode]).toEqual([201, 200])
    expect(second.json().groupId).toBe(first.json().groupId)
    const changed = await borrowerLogistics.request({
      method: 'POST',
      url: '/api/equipment/bookings',
      payload: { ...body, purpose: 'Iets anders' },
    })
    expect(changed.json().error.code).toBe('BOOKING_IDEMPOTENCY_CONFLICT')
  })

  it('lets exactly one of concurrent overlapping requests win', async () => {
    const asset = await radar()
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        book(borrowerLogistics, { assetIds: [asset.id], from: at(120 + i * 0.1), to: at(124) }),
      ),
    )
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1)
    const losers = results.filter((r) => r.statusCode !== 201)
    expect(losers).toHaveLength(7)
    for (const r of losers) {
      expect(r.statusCode).toBe(409)
      expect(r.json().error).toMatchObject({ code: 'BOOKING_CONFLICT', details: { assetId: asset.id } })
      expect(r.json().error.details.conflicting.to).toBe(at(124))
    }
  })

  it('refuses what cannot be lent, bad periods, and partners without `equipment` in force', async () => {
    const inMaintenance = await radar({ status: 'maintenance' })
    const lapsing = await radar({ validities: [{ kind: 'calibration', validUntil: '2026-03-03' }] })
    const notLendable = await radar({ lendable: false })
    const res = (asset: AssetRef, from = at(24), to = at(48)) =>
      book(borrowerLogistics, { assetIds: [asset.id], from, to })
    expect((await res(inMaintenance)).json().error).toMatchObject({
      code: 'ASSET_NOT_LENDABLE',
      details: { reason: 'status' },
    })
    expect((await res(lapsing)).json().error).toMatchObject({
      code: 'ASSET_NOT_LENDABLE',
      details: { reason: 'validity', kind: 'calibration', validUntil: '2026-03-03' },
    })
    // Kept for the keeper's own use: a partner cannot see it, in the catalogue or here.
    expect((await res(notLendable)).statusCode).toBe(404)
    expect((await res(lapsing, at(2), at(3))).statusCode).toBe(201)
    expect((await res(inMaintenance, at(5), at(4))).json().error.code).toBe('BOOKING_PERIOD_INVALID')
    expect((await res(inMaintenance, at(-30), at(4))).json().error.code).toBe('BOOKING_PERIOD_INVALID')
    // Another association's zone, and a partner without `equipment`: as if the asset did not exist.
    const other = await makeAssociation(t)
    const foreign = await makeAsset(t, { zone: other.zones[0]! })
    expect((await res(foreign)).statusCode).toBe(404)
    const noEquipment = await makeAssociation(t, { zones: [borrower, other.zones[1]!] })
    await makeAgreement(t, { association: noEquipment, domains: ['training'], clock })
    expect((await res(await makeAsset(t, { zone: other.zones[1]! }))).statusCode).toBe(404)
  })
})

describe('handovers', () => {
  const checkOut = (s: Session, id: string, body: Record<string, unknown>) =>
    s.request({ method: 'POST', url: `/api/equipment/bookings/${id}/check-out`, payload: body })
  const checkIn = (s: Session, id: string, body: Record<string, unknown>) =>
    s.request({ method: 'POST', url: `/api/equipment/bookings/${id}/check-in`, payload: body })

  it('hands a weapon out and back: custody moves, counters only go up, damage needs a note', async () => {
    const weapon = await makeAsset(t, { zone: keeper, kind: 'weapon' })
    await makeLoanTerms(t, { agreement, kind: 'weapon', autoApprove: true })
    const created = await book(borrowerLogistics, {
      assetIds: [weapon.id],
      from: at(0.5),
      to: at(3),
      collectorPersonId: collector.id,
    })
    const b = created.json().bookings[0]
    expect(b.status).toBe('approved')
    // The keeper sees the collector through the booking's visibility reason; not other people of the borrower.
    const stranger = await checkOut(keeperLogistics, b.id, {
      handedByPersonId: keeperPerson.id,
      receivedByPersonId: otherBorrowerPerson.id,
      condition: 'good',
    })
    expect(stranger.json().error.code).toBe('HANDOVER_PERSON_INVALID')
    const out = await checkOut(keeperLogistics, b.id, {
      handedByPersonId: keeperPerson.id,
      receivedByPersonId: collector.id,
      condition: 'good',
      counter: 100,
    })
    expect(out.statusCode).toBe(200)
    expect(out.json()).toMatchObject({ status: 'checked_out', collector: { personId: collector.id } })
    const damagedNoNote = { handedByPersonId: collector.id, receivedByPersonId: keeperPerson.id, condition: 'damaged' }
    expect((await checkIn(keeperLogistics, b.id, damagedNoNote)).json().error.code).toBe(
      'HANDOVER_DAMAGE_NOTE_REQUIRED',
    )
    expect(
      (await checkIn(keeperLogistics, b.id, { ...damagedNoNote, damageNote: 'Kras', counter: 99 })).json().error.code,
    ).toBe('HANDOVER_COUNTER_BACKWARDS')
    clock.advance(H)
    const back = await checkIn(keeperLogistics, b.id, { ...damagedNoNote, damageNote: 'Kras op de loop', counter: 112 })
    clock.set(START)
    expect(back.statusCode).toBe(200)
    expect(back.json().status).toBe('returned')
    expect(back.json().handovers.map((h: { kind: string }) => h.kind)).toEqual(['check_out', 'check_in'])
    // The borrower sees the note.
    const seen = await borrowerLogistics.request({ method: 'GET', url: `/api/equipment/bookings/${b.id}` })
    expect(seen.json().handovers[1]).toMatchObject({
      condition: 'damaged',
      damageNote: 'Kras op de loop',
      counter: 112,
    })
    const asset = await t.database.db
      .selectFrom('assets')
      .select(['counter', 'status'])
      .where('id', '=', weapon.id)
      .executeTakeFirstOrThrow()
    expect(asset).toEqual({ counter: 112, status: 'available' })

    const chain = (
      await keeperLogistics.request({ method: 'GET', url: `/api/equipment/assets/${weapon.id}/custody` })
    ).json()
    expect(chain.items.map((l: { holder: { kind: string } }) => l.holder.kind)).toEqual([
      'armoury',
      'person',
      'armoury',
    ])
    expect(chain.items[1].holder).toMatchObject({ zone: { id: borrower.id }, person: { id: collector.id } })
    for (let i = 1; i < chain.items.length; i++) expect(chain.items[i].from).toBe(chain.items[i - 1].to)
    expect(chain.items.at(-1).to).toBeNull()
    // The custody chain is the keeper's only.
    expect(
      (await borrowerLogistics.request({ method: 'GET', url: `/api/equipment/assets/${weapon.id}/custody` }))
        .statusCode,
    ).toBe(404)
  })

  it('keeps one holder of a weapon at every instant over a sequence of loans', async () => {
    const weapon = await makeAsset(t, { zone: keeper, kind: 'weapon' })
    for (let i = 0; i < 4; i++) {
      const b = (await book(keeperLogistics, { assetIds: [weapon.id], from: at(i * 2), to: at(i * 2 + 1) })).json()
        .bookings[0]
      clock.set(at(i * 2 + 0.25))
      const receiver = i % 2 === 0 ? keeperPerson : await makePerson(t, { zone: keeper })
      const giver = await makePerson(t, { zone: keeper })
      expect(
        (
          await checkOut(keeperLogistics, b.id, {
            handedByPersonId: giver.id,
            receivedByPersonId: receiver.id,
            condition: 'good',
          })
        ).statusCode,
      ).toBe(200)
      clock.set(at(i * 2 + 0.75))
      expect(
        (
          await checkIn(keeperLogistics, b.id, {
            handedByPersonId: receiver.id,
            receivedByPersonId: giver.id,
            condition: 'worn',
          })
        ).statusCode,
      ).toBe(200)
    }
    clock.set(START)
    const chain = (
      await keeperLogistics.request({ method: 'GET', url: `/api/equipment/assets/${weapon.id}/custody` })
    ).json().items
    expect(chain).toHaveLength(9)
    for (let i = 1; i < chain.length; i++) expect(chain[i].from).toBe(chain[i - 1].to)
    expect(chain.filter((l: { to: string | null }) => l.to === null)).toHaveLength(1)
  })
})

describe('the overdue job', () => {
  it('reminds both zones once of a loan still out after its end', async () => {
    const asset = await radar({ kind: 'bodycam' })
    await makeLoanTerms(t, { agreement, kind: 'bodycam', autoApprove: true })
    const b = (
      await book(borrowerLogistics, { assetIds: [asset.id], from: at(0.5), to: at(2), collectorPersonId: collector.id })
    ).json().bookings[0]
    await keeperLogistics.request({
      method: 'POST',
      url: `/api/equipment/bookings/${b.id}/check-out`,
      payload: { handedByPersonId: keeperPerson.id, receivedByPersonId: collector.id, condition: 'good' },
    })
    const [job] = bookingJobs()
    const run = (hours: number) =>
      job!.run(
        { id: 0, kind: job!.kind, idempotencyKey: 'x', payload: {}, attempt: 1, runAt: new Date(at(hours)) },
        { db: t.database.db, now: new Date(at(hours)) },
      )
    await run(1)
    const count = async () =>
      (
        await t.database.db
          .selectFrom('notifications')
          .select('id')
          .where('object_id', '=', b.id)
          .where('kind', '=', 'equipment.booking_overdue')
          .execute()
      ).length
    expect(await count()).toBe(0)
    await run(3)
    expect(await count()).toBe(2)
    await run(4)
    expect(await count()).toBe(2)
    clock.set(at(3))
    const seen = await borrowerLogistics.request({ method: 'GET', url: `/api/equipment/bookings/${b.id}` })
    clock.set(START)
    expect(seen.json().overdue).toBe(true)
  })
})

describe('lists and loan terms', () => {
  it('lists the keeper side and the borrower side', async () => {
    const keeperSide = (
      await keeperLogistics.request({ method: 'GET', url: '/api/equipment/bookings?side=keeper' })
    ).json()
    expect(keeperSide.items.length).toBeGreaterThan(0)
    expect(keeperSide.items.every((b: { asset: { zone: { id: string } } }) => b.asset.zone.id === keeper.id)).toBe(true)
    const borrowerSide = (
      await borrowerLogistics.request({ method: 'GET', url: '/api/equipment/bookings?side=borrower' })
    ).json()
    expect(borrowerSide.items.every((b: { borrowerZone: { id: string } }) => b.borrowerZone.id === borrower.id)).toBe(
      true,
    )
    expect(
      (await borrowerLogistics.request({ method: 'GET', url: '/api/equipment/bookings?side=keeper' })).json().items,
    ).toEqual([])
  })

  it('lets the korpschef replace the terms, not the logistics staff', async () => {
    const url = `/api/equipment/agreements/${agreement.id}/terms`
    const items = [{ kind: '*', autoApprove: true, autoApproveMaxHours: 24, bufferMinutes: 15, feeCentsPerDay: 0 }]
    const put = await keeperKorpschef.request({ method: 'PUT', url, payload: { items } })
    expect(put.statusCode).toBe(200)
    expect((await keeperKorpschef.request({ method: 'GET', url })).json().items).toEqual(items)
    expect((await keeperLogistics.request({ method: 'PUT', url, payload: { items } })).statusCode).toBe(403)
    const dup = await keeperKorpschef.request({ method: 'PUT', url, payload: { items: [...items, ...items] } })
    expect(dup.statusCode).toBe(400)
  })
})
