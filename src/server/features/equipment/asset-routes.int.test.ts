// The asset catalogue on a real database (issue 10): who sees which assets (own zone: all; partner under
// `equipment`: the lendable ones; a zone without `equipment` or of another association: nothing, 404 by id), the
// availability search ("which speed radar is free next Tuesday 06:00–14:00?"), the timeline (a partner sees only
// its own bookings named), and the keeper's writes with their audit entries, events and a weapon's first custody.
import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeAsset, type AssetRef } from '../../../../test/equipment.factories.ts'
import {
  makeAgreement,
  makeAssociation,
  makeUser,
  sessionFor,
  type AgreementRef,
  type ZoneRef,
} from '../../../../test/factories.ts'
import { startTestApp, type Session, type TestApp } from '../../../../test/harness.ts'
import { TestClock } from '../../platform/clock.ts'
import { assetForBooking } from './asset-repository.ts'

// Monday 1 June 2026, 10:00 in Brussels; "next Tuesday 06:00–14:00" is 04:00Z–12:00Z on 2 June (summer time).
const clock = new TestClock('2026-06-01T08:00:00Z')
const TUESDAY = { from: '2026-06-02T04:00:00.000Z', to: '2026-06-02T12:00:00.000Z' }

let t: TestApp
let keeper: ZoneRef, partner: ZoneRef, outsider: ZoneRef, foreign: ZoneRef
let agreement: AgreementRef
const s = {} as Record<
  'keeperLogistics' | 'keeperOfficer' | 'partnerLogistics' | 'outsiderLogistics' | 'foreignLogistics',
  Session
>
const a = {} as Record<'radar' | 'expiring' | 'weapon' | 'maintenance' | 'retired' | 'partnerVan', AssetRef>
let partnerBooking: string

async function book(asset: AssetRef, borrower: ZoneRef, from: string, to: string, status = 'approved') {
  const own = borrower.id === asset.zoneId
  const { id } = await t.database.db
    .insertInto('equipment_bookings')
    .values({
      group_id: randomUUID(),
      asset_id: asset.id,
      zone_id: asset.zoneId,
      borrower_zone_id: borrower.id,
      agreement_id: own ? null : agreement.id,
      association_id: own ? null : agreement.associationId,
      period: sql<string>`tstzrange(${from}::timestamptz, ${to}::timestamptz, '[)')`,
      blocked: sql<string>`tstzrange(${from}::timestamptz, ${to}::timestamptz, '[)')`,
      status: status as 'approved',
      purpose: 'Snelheidscontrole',
      requested_at: clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

type Listed = { items: { id: string; availability?: { available: boolean; reason: string | null } }[]; total: number }
const list = async (session: Session, query = '') => {
  const res = await session.request({ method: 'GET', url: `/api/equipment/assets${query}` })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<Listed>()
}
const ids = (l: Listed) => l.items.map((i) => i.id).sort()

beforeAll(async () => {
  t = await startTestApp({}, { clock })
  const association = await makeAssociation(t, { zoneCount: 3 })
  ;[keeper, partner, outsider] = association.zones as [ZoneRef, ZoneRef, ZoneRef]
  agreement = await makeAgreement(t, { association, parties: [keeper, partner], domains: ['equipment'], clock })
  // The third zone shares assistance only: no equipment.
  await makeAgreement(t, { association, parties: [keeper, outsider], domains: ['assistance'], clock })
  const other = await makeAssociation(t, { zoneCount: 2 })
  foreign = other.zones[0]!
  await makeAgreement(t, { association: other, domains: ['equipment'], clock })
  s.keeperLogistics = await sessionFor(t, await makeUser(t, 'logistics', keeper))
  s.keeperOfficer = await sessionFor(t, await makeUser(t, 'officer', keeper))
  s.partnerLogistics = await sessionFor(t, await makeUser(t, 'logistics', partner))
  s.outsiderLogistics = await sessionFor(t, await makeUser(t, 'logistics', outsider))
  s.foreignLogistics = await sessionFor(t, await makeUser(t, 'logistics', foreign))
  a.radar = await makeAsset(t, {
    zone: keeper,
    name: 'Mobiele snelheidsradar Keeper',
    validities: [{ kind: 'calibration', validUntil: '2026-12-18' }],
  })
  a.expiring = await makeAsset(t, { zone: keeper, validities: [{ kind: 'calibration', validUntil: '2026-06-11' }] })
  a.weapon = await makeAsset(t, { zone: keeper, kind: 'weapon', lendable: false })
  a.maintenance = await makeAsset(t, { zone: keeper, kind: 'speed_radar', status: 'maintenance' })
  a.retired = await makeAsset(t, { zone: keeper, kind: 'speed_radar', status: 'retired' })
  a.partnerVan = await makeAsset(t, { zone: partner, kind: 'vehicle', identifier: '1-ABC-123', location: 'Garage' })
  partnerBooking = await book(a.radar, partner, '2026-06-02T04:00:00Z', '2026-06-02T08:00:00Z')
  await book(a.radar, keeper, '2026-06-02T09:00:00Z', '2026-06-02T10:00:00Z')
  await book(a.expiring, keeper, '2026-06-03T09:00:00Z', '2026-06-03T10:00:00Z', 'cancelled')
})
afterAll(async () => {
  await t?.close()
})

describe('the catalogue: who sees what', () => {
  it('the keeping zone sees every asset it keeps, with validity states', async () => {
    const own = await list(s.keeperOfficer, `?zoneId=${keeper.id}`)
    expect(ids(own)).toEqual([a.radar, a.expiring, a.weapon, a.maintenance, a.retired].map((x) => x.id).sort())
    expect(own.total).toBe(5)
    const expiring = own.items.find((i) => i.id === a.expiring.id) as unknown as { validities: unknown[] }
    expect(expiring.validities).toEqual([{ kind: 'calibration', validUntil: '2026-06-11', state: 'expiring' }])
    const radar = own.items.find((i) => i.id === a.radar.id) as unknown as { validities: unknown[] }
    expect(radar.validities).toEqual([{ kind: 'calibration', validUntil: '2026-12-18', state: 'ok' }])
  })

  it('a partner under `equipment` sees the lendable catalogue (not the private weapon, not the retired radar)', async () => {
    const seen = await list(s.partnerLogistics)
    expect(ids(seen)).toEqual([a.radar, a.expiring, a.maintenance, a.partnerVan].map((x) => x.id).sort())
    expect(seen.items[0]!.id).toBe(a.partnerVan.id) // own zone first
    for (const hidden of [a.weapon, a.retired]) {
      const res = await s.partnerLogistics.request({ method: 'GET', url: `/api/equipment/assets/${hidden.id}` })
      expect(res.statusCode).toBe(404)
    }
    const detail = await s.partnerLogistics.request({ method: 'GET', url: `/api/equipment/assets/${a.radar.id}` })
    expect(detail.json()).toMatchObject({ id: a.radar.id, own: false, zone: { id: keeper.id } })
  })

  it('a zone without `equipment`, and a zone of another association, see none of it (404 by id)', async () => {
    for (const session of [s.outsiderLogistics, s.foreignLogistics]) {
      const seen = await list(session)
      expect(seen.total).toBe(0)
      const res = await session.request({ method: 'GET', url: `/api/equipment/assets/${a.radar.id}` })
      expect(res.statusCode).toBe(404)
      expect(res.json().error.code).toBe('NOT_FOUND')
    }
  })

  it('filters by kind, status and text (name, identifier, location; LIKE wildcards are plain text)', async () => {
    expect(ids(await list(s.partnerLogistics, '?kind=vehicle'))).toEqual([a.partnerVan.id])
    expect(ids(await list(s.partnerLogistics, '?q=abc-1'))).toEqual([a.partnerVan.id])
    expect(ids(await list(s.partnerLogistics, '?q=garage'))).toEqual([a.partnerVan.id])
    expect((await list(s.partnerLogistics, '?q=%25')).total).toBe(0)
    expect(ids(await list(s.keeperOfficer, '?status=maintenance'))).toEqual([a.maintenance.id])
  })
})

describe('the availability search', () => {
  it('which speed radar is free next Tuesday 06:00–14:00? Each answer has its reason', async () => {
    const q = `?kind=speed_radar&from=${TUESDAY.from}&to=${TUESDAY.to}`
    const all = await list(s.partnerLogistics, q)
    const reasons = Object.fromEntries(all.items.map((i) => [i.id, i.availability]))
    expect(reasons).toEqual({
      [a.radar.id]: { available: false, reason: 'busy' },
      [a.expiring.id]: { available: true, reason: null },
      [a.maintenance.id]: { available: false, reason: 'status' },
    })
    const free = await list(s.partnerLogistics, `${q}&onlyAvailable=true`)
    expect(ids(free)).toEqual([a.expiring.id])
    expect(free.total).toBe(1)
  })

  it('a period past a lapsing validity: not lendable, reason validity', async () => {
    const later = await list(s.keeperOfficer, `?from=2026-06-15T06:00:00Z&to=2026-06-15T10:00:00Z`)
    expect(later.items.find((i) => i.id === a.expiring.id)?.availability).toEqual({
      available: false,
      reason: 'validity',
    })
  })

  it('touching periods are free ([) ranges); cancelled bookings do not count', async () => {
    const after = await list(s.keeperOfficer, `?from=2026-06-02T10:00:00Z&to=2026-06-02T11:00:00Z&onlyAvailable=true`)
    expect(ids(after)).toContain(a.radar.id)
    const cancelled = await list(
      s.keeperOfficer,
      `?from=2026-06-03T09:00:00Z&to=2026-06-03T10:00:00Z&onlyAvailable=true`,
    )
    expect(ids(cancelled)).toContain(a.expiring.id)
  })

  it('a half or reversed period, or onlyAvailable without one, is a 422', async () => {
    for (const q of [
      `?from=${TUESDAY.from}`,
      `?from=${TUESDAY.to}&to=${TUESDAY.from}`,
      '?onlyAvailable=true',
      `?from=2026-01-01T00:00:00Z&to=2027-06-01T00:00:00Z`,
    ]) {
      const res = await s.partnerLogistics.request({ method: 'GET', url: `/api/equipment/assets${q}` })
      expect(res.statusCode, q).toBe(422)
      expect(res.json().error.code).toBe('ASSET_SEARCH_PERIOD_INVALID')
    }
  })
})

describe('the timeline', () => {
  const url = `/api/equipment/timeline?from=2026-06-01T22:00:00Z&to=2026-06-08T22:00:00Z&kind=speed_radar`
  type Line = {
    asset: { id: string }
    busy: { from: string; bookingId: string | null; borrowerZone: { id: string } | null }[]
  }

  it('a partner sees when an asset is busy, and names only its own bookings', async () => {
    const res = await s.partnerLogistics.request({ method: 'GET', url })
    expect(res.statusCode).toBe(200)
    const radar = res.json<{ assets: Line[] }>().assets.find((l) => l.asset.id === a.radar.id)!
    expect(radar.busy).toEqual([
      expect.objectContaining({ bookingId: partnerBooking, borrowerZone: expect.objectContaining({ id: partner.id }) }),
      expect.objectContaining({ from: '2026-06-02T09:00:00.000Z', bookingId: null, borrowerZone: null }),
    ])
    expect(res.json<{ assets: Line[] }>().assets.map((l) => l.asset.id)).not.toContain(a.retired.id)
  })

  it('the keeper sees every booking of its assets named', async () => {
    const res = await s.keeperOfficer.request({ method: 'GET', url: `${url}&assetId=${a.radar.id}` })
    const [radar] = res.json<{ assets: Line[] }>().assets
    expect(radar!.busy.map((b) => b.borrowerZone?.id)).toEqual([partner.id, keeper.id])
  })

  it('at most 62 days', async () => {
    const res = await s.keeperOfficer.request({
      method: 'GET',
      url: '/api/equipment/timeline?from=2026-06-01T00:00:00Z&to=2026-08-03T00:00:00Z',
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().error.code).toBe('ASSET_SEARCH_PERIOD_INVALID')
  })
})

describe('the keeper writes', () => {
  const create = (session: Session, payload: Record<string, unknown>) =>
    session.request({ method: 'POST', url: '/api/equipment/assets', payload })

  it('adds an asset with a validity: audited in its chain, an event for the catalogues; a taken identifier is a 409', async () => {
    const payload = {
      zoneId: keeper.id,
      kind: 'anpr_camera',
      name: '  Mobiele ANPR-camera 1 ',
      identifier: 'ANPR-0001',
      location: 'Commissariaat',
      validities: [{ kind: 'licence', validUntil: '2027-01-31' }],
    }
    const res = await create(s.keeperLogistics, payload)
    expect(res.statusCode, res.body).toBe(201)
    const asset = res.json<{ id: string }>()
    expect(asset).toMatchObject({
      name: 'Mobiele ANPR-camera 1',
      own: true,
      lendable: true,
      status: 'available',
      validities: [{ kind: 'licence', validUntil: '2027-01-31', state: 'ok' }],
    })
    const entry = await t.database.db
      .selectFrom('audit_events')
      .select(['chain_zone_id', 'domain'])
      .where('action', '=', 'equipment.asset_create')
      .where('object_id', '=', asset.id)
      .executeTakeFirstOrThrow()
    expect(entry).toEqual({ chain_zone_id: keeper.id, domain: 'equipment' })
    const event = await t.database.db
      .selectFrom('outbox_events')
      .select(['zone_id', 'domain'])
      .where('type', '=', 'equipment.asset_changed')
      .where(sql<boolean>`payload->>'assetId' = ${asset.id}`)
      .executeTakeFirstOrThrow()
    expect(event).toEqual({ zone_id: keeper.id, domain: 'equipment' })

    const again = await create(s.keeperLogistics, payload)
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('ASSET_IDENTIFIER_TAKEN')
  })

  it('a weapon starts in its keeping zone’s armoury (the first link of its custody)', async () => {
    const res = await create(s.keeperLogistics, {
      zoneId: keeper.id,
      kind: 'weapon',
      name: 'Dienstwapen',
      identifier: 'FN-509-0001',
      lendable: false,
    })
    expect(res.statusCode).toBe(201)
    const custody = await t.database.db
      .selectFrom('weapon_custody')
      .select([
        'holder_person_id',
        'holder_zone_id',
        sql<string>`lower(period)`.as('from'),
        sql<boolean>`upper_inf(period)`.as('open'),
      ])
      .where('asset_id', '=', res.json<{ id: string }>().id)
      .execute()
    expect(custody).toEqual([{ holder_person_id: null, holder_zone_id: keeper.id, from: clock.now(), open: true }])
  })

  it('others may not: a partner 403 (it sees the zone), a foreign zone 404, an officer 403, duplicate validities 422', async () => {
    const payload = { zoneId: keeper.id, kind: 'drone', name: 'Drone', identifier: `D-${randomUUID()}` }
    expect((await create(s.partnerLogistics, payload)).statusCode).toBe(403)
    expect((await create(s.foreignLogistics, payload)).statusCode).toBe(404)
    expect((await create(s.keeperOfficer, payload)).statusCode).toBe(403)
    const twice = await create(s.keeperLogistics, {
      ...payload,
      validities: [
        { kind: 'inspection', validUntil: '2027-01-01' },
        { kind: 'inspection', validUntil: '2027-02-01' },
      ],
    })
    expect(twice.json().error.code).toBe('ASSET_VALIDITY_DUPLICATE')
    const investment = await create(s.keeperLogistics, { ...payload, investmentId: randomUUID() })
    expect(investment.json().error.code).toBe('ASSET_INVESTMENT_INVALID')
  })

  it('retiring takes an asset out of the partners’ catalogue; the partner cannot change it', async () => {
    const asset = await makeAsset(t, { zone: keeper, kind: 'drone' })
    expect(
      (
        await s.partnerLogistics.request({
          method: 'PATCH',
          url: `/api/equipment/assets/${asset.id}`,
          payload: { status: 'retired' },
        })
      ).statusCode,
    ).toBe(403)
    const res = await s.keeperLogistics.request({
      method: 'PATCH',
      url: `/api/equipment/assets/${asset.id}`,
      payload: { status: 'retired', location: 'Depot' },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'retired', location: 'Depot' })
    const entry = await t.database.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'equipment.asset_update')
      .where('object_id', '=', asset.id)
      .executeTakeFirstOrThrow()
    expect(entry.details).toMatchObject({
      changed: { status: 'retired', location: 'Depot' },
      before: { status: 'available' },
    })
    const gone = await s.partnerLogistics.request({ method: 'GET', url: `/api/equipment/assets/${asset.id}` })
    expect(gone.statusCode).toBe(404)
  })

  it('sets, replaces and removes a validity; a new date clears the reminder mark', async () => {
    const asset = await makeAsset(t, { zone: keeper, validities: [{ kind: 'approval', validUntil: '2026-06-20' }] })
    await t.database.db
      .updateTable('asset_validities')
      .set({ reminded_at: clock.now() })
      .where('asset_id', '=', asset.id)
      .execute()
    const put = (validUntil: string) =>
      s.keeperLogistics.request({
        method: 'PUT',
        url: `/api/equipment/assets/${asset.id}/validities/approval`,
        payload: { validUntil, note: 'Certificaat 2026/123' },
      })
    const reminded = async () =>
      (
        await t.database.db
          .selectFrom('asset_validities')
          .select('reminded_at')
          .where('asset_id', '=', asset.id)
          .executeTakeFirstOrThrow()
      ).reminded_at
    expect((await put('2026-06-20')).statusCode).toBe(200)
    expect(await reminded()).not.toBeNull() // the same date: still reminded
    const res = await put('2027-06-20')
    expect(res.json()).toMatchObject({ validities: [{ kind: 'approval', validUntil: '2027-06-20', state: 'ok' }] })
    expect(await reminded()).toBeNull()
    const del = await s.keeperLogistics.request({
      method: 'DELETE',
      url: `/api/equipment/assets/${asset.id}/validities/approval`,
    })
    expect(del.json()).toMatchObject({ validities: [] })
    const again = await s.keeperLogistics.request({
      method: 'DELETE',
      url: `/api/equipment/assets/${asset.id}/validities/approval`,
    })
    expect(again.statusCode).toBe(200)
    const actions = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('object_id', '=', asset.id)
      .orderBy('id')
      .execute()
    expect(actions.map((r) => r.action)).toEqual([
      'equipment.validity_set',
      'equipment.validity_set',
      'equipment.validity_remove',
    ])
  })
})

describe('assetForBooking (the bookings part reads an asset through it)', () => {
  it('answers the facts a booking needs, or undefined', async () => {
    await t.database.db.transaction().execute(async (trx) => {
      expect(await assetForBooking(trx, a.expiring.id)).toEqual({
        id: a.expiring.id,
        zoneId: keeper.id,
        kind: 'speed_radar',
        status: 'available',
        lendable: true,
        validities: [{ kind: 'calibration', validUntil: '2026-06-11' }],
      })
      expect(await assetForBooking(trx, randomUUID())).toBeUndefined()
    })
  })
})
