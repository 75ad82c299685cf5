// Joint investments through the HTTP API on a real database: created with parties, assets and a first key
// version; key versions over days (closePrevious, overlap 409 by the exclusion constraint, only future versions
// removable); running costs frozen by a recorded settlement; parties joining mid-year; the suggested key
// inputs; and the reach: a party zone's roles, the association's admin, nobody else (404).
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeAsset } from '../../../../test/equipment.factories.ts'
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
let association: AssociationRef
let a: ZoneRef
let b: ZoneRef
let c: ZoneRef
let financeA: Session
let logisticsB: Session
let chiefC: Session
let admin: Session
let foreignAdmin: Session
let foreignChief: Session
let agreementId: string

const codeOf = (res: { json(): { error: { code: string } } }) => res.json().error.code

beforeAll(async () => {
  t = await startTestApp()
  association = await makeAssociation(t, { zoneCount: 3 })
  ;[a, b, c] = association.zones as [ZoneRef, ZoneRef, ZoneRef]
  agreementId = (await makeAgreement(t, { association, parties: [a, b], domains: ['investment', 'equipment'] })).id
  const foreign = await makeAssociation(t, { zoneCount: 1 })
  ;[financeA, logisticsB, chiefC, admin, foreignAdmin, foreignChief] = await Promise.all([
    makeUser(t, 'finance', a).then((u) => sessionFor(t, u)),
    makeUser(t, 'logistics', b).then((u) => sessionFor(t, u)),
    makeUser(t, 'korpschef', c).then((u) => sessionFor(t, u)),
    makeUser(t, 'admin', association).then((u) => sessionFor(t, u)),
    makeUser(t, 'admin', foreign).then((u) => sessionFor(t, u)),
    makeUser(t, 'korpschef', foreign.zones[0]!).then((u) => sessionFor(t, u)),
  ])
})
afterAll(() => t.close())

const baseBody = () => ({
  associationId: association.id,
  title: 'Gemeenschappelijk serverpark',
  supplier: 'Realdolmen',
  purchasedOn: '2025-03-15',
  amountCents: 18_425_000,
  depreciationMonths: 60,
  paidByZoneId: a.id,
  managingZoneId: a.id,
  parties: [{ zoneId: a.id }, { zoneId: b.id }],
  costKey: {
    method: 'mix',
    weights: { population: 50, fte: 50 },
    inputs: { [a.id]: { population: 4000, fte: 20.5 }, [b.id]: { population: 9000, fte: 31 } },
  },
})

async function create(body: Record<string, unknown> = {}) {
  const res = await financeA.request({ method: 'POST', url: '/api/investments', payload: { ...baseBody(), ...body } })
  expect(res.statusCode, res.body).toBe(201)
  return res.json<{ id: string; costKeys: { id: string; validFrom: string; validTo: string | null }[] }>()
}

describe('investments', () => {
  it('records an investment with its parties, assets and first key version, audited in every party chain', async () => {
    const server = await makeAsset(t, { zone: a, kind: 'server', identifier: 'INV-T-1' })
    const res = await financeA.request({
      method: 'POST',
      url: '/api/investments',
      payload: { ...baseBody(), agreementId, assetIds: [server.id] },
    })
    expect(res.statusCode, res.body).toBe(201)
    const inv = res.json()
    expect(inv).toMatchObject({
      title: 'Gemeenschappelijk serverpark',
      amountCents: 18_425_000,
      agreementId,
      paidByZone: { id: a.id },
      currentKey: { method: 'mix' },
      assetCount: 1,
      assets: [{ id: server.id, kind: 'server' }],
      actions: ['edit', 'add_cost', 'add_key', 'edit_parties'],
    })
    expect(inv.parties.map((p: { zone: { id: string }; joinedOn: string }) => [p.zone.id, p.joinedOn]).sort()).toEqual(
      [
        [a.id, '2025-03-15'],
        [b.id, '2025-03-15'],
      ].sort(),
    )
    expect(inv.costKeys).toEqual([
      expect.objectContaining({ validFrom: '2025-03-15', validTo: null, weights: { population: 50, fte: 50 } }),
    ])
    expect(inv.costKeys[0].inputs[b.id]).toEqual({ population: 9000, fte: 31 })
    const chains = await t.database.db
      .selectFrom('audit_events')
      .select('chain_zone_id')
      .where('object_id', '=', inv.id)
      .where('action', '=', 'investment.create')
      .execute()
    expect(chains.map((r) => r.chain_zone_id).sort()).toEqual([a.id, b.id].sort())
    const events = await t.database.db
      .selectFrom('outbox_events')
      .select('type')
      .where(sql<boolean>`payload->>'investmentId' = ${inv.id}`)
      .execute()
    expect(events.map((e) => e.type)).toEqual(['investment.changed'])
  })

  it('refuses a key without the inputs of every party, naming the zone and field', async () => {
    const res = await financeA.request({
      method: 'POST',
      url: '/api/investments',
      payload: { ...baseBody(), costKey: { method: 'custom', inputs: { [a.id]: { percent: 60 } } } },
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().error).toMatchObject({
      code: 'COST_KEY_INVALID',
      details: { problems: [{ field: 'percent', problem: 'missing', zoneId: b.id }] },
    })
  })

  it('refuses parties outside the association, a payer that is no party, an agreement without investments', async () => {
    const outsider = (await makeAssociation(t, { zoneCount: 1 })).zones[0]!
    const notMember = await financeA.request({
      method: 'POST',
      url: '/api/investments',
      payload: { ...baseBody(), parties: [{ zoneId: a.id }, { zoneId: outsider.id }], costKey: { method: 'equal' } },
    })
    expect(codeOf(notMember)).toBe('INVESTMENT_PARTIES_INVALID')
    const payer = await financeA.request({
      method: 'POST',
      url: '/api/investments',
      payload: { ...baseBody(), paidByZoneId: c.id },
    })
    expect(codeOf(payer)).toBe('INVESTMENT_PARTIES_INVALID')
    const other = await makeAgreement(t, { association, parties: [a, b], domains: ['training'] })
    const agreement = await financeA.request({
      method: 'POST',
      url: '/api/investments',
      payload: { ...baseBody(), agreementId: other.id },
    })
    expect(codeOf(agreement)).toBe('INVESTMENT_AGREEMENT_INVALID')
    const foreignAsset = await makeAsset(t, { zone: c, kind: 'server' })
    const asset = await financeA.request({
      method: 'POST',
      url: '/api/investments',
      payload: { ...baseBody(), assetIds: [foreignAsset.id] },
    })
    expect(codeOf(asset)).toBe('INVESTMENT_ASSET_INVALID')
  })

  it('versions the key over days: closePrevious, overlap 409, only a future version removable', async () => {
    const inv = await create()
    const url = `/api/investments/${inv.id}/cost-keys`
    const next = await financeA.request({
      method: 'POST',
      url,
      payload: { validFrom: '2026-01-01', method: 'equal', note: 'Nieuwe afspraak' },
    })
    expect(next.statusCode, next.body).toBe(201)
    const keys = next.json().costKeys as { id: string; validFrom: string; validTo: string | null; method: string }[]
    expect(keys.map((k) => [k.validFrom, k.validTo, k.method])).toEqual([
      ['2026-01-01', null, 'equal'],
      ['2025-03-15', '2026-01-01', 'mix'],
    ])
    // Without closing, a version overlapping the open one: the exclusion constraint answers.
    const overlap = await financeA.request({
      method: 'POST',
      url,
      payload: { validFrom: '2099-01-01', method: 'equal', closePrevious: false },
    })
    expect(overlap.statusCode).toBe(409)
    expect(codeOf(overlap)).toBe('COST_KEY_OVERLAP')
    // Starting before the open version: closing it cannot help.
    const before = await financeA.request({
      method: 'POST',
      url,
      payload: { validFrom: '2025-06-01', method: 'equal' },
    })
    expect(codeOf(before)).toBe('COST_KEY_OVERLAP')
    const early = await financeA.request({ method: 'POST', url, payload: { validFrom: '2024-01-01', method: 'equal' } })
    expect(codeOf(early)).toBe('COST_KEY_INVALID')
    const future = await financeA.request({
      method: 'POST',
      url,
      payload: {
        validFrom: '2099-01-01',
        method: 'custom',
        inputs: { [a.id]: { percent: 40 }, [b.id]: { percent: 60 } },
      },
    })
    expect(future.statusCode, future.body).toBe(201)
    const futureId = (future.json().costKeys as { id: string }[])[0]!.id
    const started = await financeA.request({ method: 'DELETE', url: `${url}/${keys[0]!.id}` })
    expect(started.statusCode).toBe(409)
    expect(codeOf(started)).toBe('COST_KEY_STARTED')
    const removed = await financeA.request({ method: 'DELETE', url: `${url}/${futureId}` })
    expect(removed.statusCode, removed.body).toBe(200)
    // The version before it runs on again.
    expect((removed.json().costKeys as { validFrom: string; validTo: string | null }[])[0]).toMatchObject({
      validFrom: '2026-01-01',
      validTo: null,
    })
    const unknown = await financeA.request({ method: 'DELETE', url: `${url}/${futureId}` })
    expect(unknown.statusCode).toBe(404)
  })

  it('takes a zone joining mid-year, and asks its inputs in the versions from then on', async () => {
    const inv = await create()
    const parties = await financeA.request({
      method: 'PUT',
      url: `/api/investments/${inv.id}/parties`,
      payload: { parties: [{ zoneId: a.id }, { zoneId: b.id }, { zoneId: c.id, joinedOn: '2026-07-01' }] },
    })
    expect(parties.statusCode, parties.body).toBe(200)
    expect(parties.json().parties).toContainEqual(
      expect.objectContaining({ zone: expect.objectContaining({ id: c.id }), joinedOn: '2026-07-01', leftOn: null }),
    )
    const url = `/api/investments/${inv.id}/cost-keys`
    const inputs = { [a.id]: { population: 4000 }, [b.id]: { population: 9000 } }
    const missing = await financeA.request({
      method: 'POST',
      url,
      payload: { validFrom: '2026-07-01', method: 'population', inputs },
    })
    expect(missing.json().error.details.problems).toEqual([{ field: 'population', problem: 'missing', zoneId: c.id }])
    const ok = await financeA.request({
      method: 'POST',
      url,
      payload: { validFrom: '2026-07-01', method: 'population', inputs: { ...inputs, [c.id]: { population: 0 } } },
    })
    expect(ok.statusCode, ok.body).toBe(201)
    // Its chain now records the investment's changes too; the korpschef of the new party sees it.
    expect((await chiefC.request({ method: 'GET', url: `/api/investments/${inv.id}` })).statusCode).toBe(200)
    const left = await financeA.request({
      method: 'PUT',
      url: `/api/investments/${inv.id}/parties`,
      payload: { parties: [{ zoneId: a.id }, { zoneId: b.id, leftOn: '2025-03-15' }] },
    })
    expect(codeOf(left)).toBe('INVESTMENT_PARTIES_INVALID')
  })

  it('adds and removes running costs, but not in a period a recorded settlement froze', async () => {
    const inv = await create()
    const url = `/api/investments/${inv.id}/costs`
    const cost = (incurredOn: string) => ({
      kind: 'licence',
      incurredOn,
      amountCents: 1_250_000,
      description: 'Licenties 2025',
      paidByZoneId: b.id,
    })
    const added = await financeA.request({ method: 'POST', url, payload: cost('2025-06-01') })
    expect(added.statusCode, added.body).toBe(201)
    const costId = (added.json().costs as { id: string; removable: boolean }[])[0]!
    expect(costId.removable).toBe(true)
    const settled = await financeA.request({ method: 'POST', url, payload: cost('2025-07-01') })
    const settledId = (settled.json().costs as { id: string; incurredOn: string }[]).find(
      (x) => x.incurredOn === '2025-07-01',
    )!.id
    expect(codeOf(await financeA.request({ method: 'POST', url, payload: cost('2025-01-01') }))).toBe(
      'RUNNING_COST_INVALID',
    )
    expect(
      codeOf(await financeA.request({ method: 'POST', url, payload: { ...cost('2025-08-01'), paidByZoneId: c.id } })),
    ).toBe('RUNNING_COST_INVALID')
    expect((await financeA.request({ method: 'DELETE', url: `${url}/${costId.id}` })).statusCode).toBe(200)
    await t.database.db
      .insertInto('investment_settlements')
      .values({
        association_id: association.id,
        period: sql<string>`daterange('2025-07-01'::date, '2025-08-01'::date, '[)')`,
        statement: JSON.stringify({ lines: [] }),
        created_at: new Date(),
      })
      .execute()
    const refused = await financeA.request({ method: 'DELETE', url: `${url}/${settledId}` })
    expect(refused.statusCode).toBe(409)
    expect(codeOf(refused)).toBe('RUNNING_COST_SETTLED')
    expect(codeOf(await financeA.request({ method: 'POST', url, payload: cost('2025-07-15') }))).toBe(
      'RUNNING_COST_SETTLED',
    )
    const detail = (await financeA.request({ method: 'GET', url: `/api/investments/${inv.id}` })).json()
    expect(detail.costs).toEqual([expect.objectContaining({ id: settledId, removable: false })])
  })

  it('shows an investment to its parties and the admin only; logistics reads, a foreign association sees nothing', async () => {
    const inv = await create()
    const get = (s: Session) => s.request({ method: 'GET', url: `/api/investments/${inv.id}` })
    const seen = await get(logisticsB)
    expect(seen.statusCode).toBe(200)
    expect(seen.json().actions).toEqual([])
    expect((await get(admin)).json().actions).toContain('add_key')
    for (const s of [chiefC, foreignAdmin, foreignChief]) {
      const res = await get(s)
      expect(res.statusCode).toBe(404)
      expect(codeOf(res)).toBe('NOT_FOUND')
    }
    const listed = (s: Session) =>
      s
        .request({ method: 'GET', url: '/api/investments' })
        .then((r) => (r.json().items as { id: string }[]).map((i) => i.id))
    expect(await listed(logisticsB)).toContain(inv.id)
    expect(await listed(admin)).toContain(inv.id)
    expect(await listed(foreignAdmin)).not.toContain(inv.id)
    expect(await listed(foreignChief)).not.toContain(inv.id)
    const patch = await logisticsB.request({
      method: 'PATCH',
      url: `/api/investments/${inv.id}`,
      payload: { title: 'x' },
    })
    expect(patch.statusCode).toBe(403)
    const foreignPatch = await foreignAdmin.request({
      method: 'PATCH',
      url: `/api/investments/${inv.id}`,
      payload: { title: 'x' },
    })
    expect(foreignPatch.statusCode).toBe(404)
    const created = await foreignAdmin.request({ method: 'POST', url: '/api/investments', payload: baseBody() })
    expect(created.statusCode).toBe(404)
    const found = await admin.request({
      method: 'GET',
      url: `/api/investments?q=serverpark%20realdolmen&associationId=${association.id}`,
    })
    expect((found.json().items as { id: string }[]).map((i) => i.id)).toContain(inv.id)
  })

  it('links and unlinks assets kept by party zones, never one of another investment', async () => {
    const inv = await create()
    const other = await create()
    const radar = await makeAsset(t, { zone: b, kind: 'speed_radar' })
    const url = (id: string) => `/api/investments/${id}/assets`
    const linked = await financeA.request({ method: 'PUT', url: url(inv.id), payload: { assetIds: [radar.id] } })
    expect(linked.json()).toMatchObject({ assetCount: 1, assets: [{ id: radar.id }] })
    const taken = await financeA.request({ method: 'PUT', url: url(other.id), payload: { assetIds: [radar.id] } })
    expect(codeOf(taken)).toBe('INVESTMENT_ASSET_INVALID')
    const unlinked = await financeA.request({ method: 'PUT', url: url(inv.id), payload: { assetIds: [] } })
    expect(unlinked.json().assetCount).toBe(0)
  })

  it('suggests the population of the zone’s municipalities and its active staff on a day', async () => {
    const zone = (await makeAssociation(t, { zoneCount: 1 })).zones[0]!
    const nis = String(10_000 + Math.floor(Math.random() * 89_999))
    await t.database.db
      .insertInto('municipalities')
      .values([
        { nis_code: nis, name: `Testgemeente ${nis}`, zone_id: zone.id, population: 12_345, valid_to: '2024-12-31' },
        {
          nis_code: String(Number(nis) + 1).padStart(5, '0'),
          name: `Fusie ${nis}`,
          zone_id: zone.id,
          population: 20_000,
          valid_from: '2025-01-01',
        },
      ])
      .execute()
    await makePerson(t, { zone })
    await makePerson(t, { zone, employedFrom: '2026-06-01' })
    const ask = (on: string) =>
      logisticsB
        .request({ method: 'GET', url: `/api/investments/key-inputs?zoneIds=${zone.id},${a.id}&on=${on}` })
        .then((r) => r.json())
    expect((await ask('2024-06-01'))[zone.id]).toEqual({ population: 12_345, fte: 1 })
    expect((await ask('2026-07-01'))[zone.id]).toEqual({ population: 20_000, fte: 2 })
    expect((await ask('2026-07-01'))[a.id]).toEqual({ population: 0, fte: 0 })
    const bad = await logisticsB.request({
      method: 'GET',
      url: '/api/investments/key-inputs?zoneIds=nope&on=2026-01-01',
    })
    expect(bad.statusCode).toBe(400)
  })
})
