// The period settlement through the HTTP API on a real database, built with factories: a year with two
// investments (one shared equally with a zone joining on 1 July, one by usage hours of its radar), a running
// cost, a partner loan with a fee and valued assistance hours — exact to the cent; an investment's shares; a
// zone's statement as CSV and as PDF (rendered in the worker pool, its text read back); recording freezes the
// statement, an overlapping period is refused (409); the policy (403, 404) and bad periods (422).
import { randomUUID } from 'node:crypto'
import { extractText } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { brussels, makeAssistanceDeployment } from '../../../../test/assistance-ledger.factories.ts'
import { makeAsset, makeInvestment, type InvestmentRef } from '../../../../test/equipment.factories.ts'
import {
  makeAgreement,
  makeAssociation,
  makePerson,
  makeUser,
  sessionFor,
  type AgreementRef,
  type AssociationRef,
  type ZoneRef,
} from '../../../../test/factories.ts'
import { startTestApp, type Session, type TestApp } from '../../../../test/harness.ts'
import type { InvestmentShares, Settlement } from './settlement-schema.ts'

let t: TestApp
let association: AssociationRef
let agreement: AgreementRef
let a: ZoneRef
let b: ZoneRef
let c: ZoneRef
let admin: Session
let chiefA: Session
let financeB: Session
let officerA: Session
let foreignAdmin: Session
let server: InvestmentRef

const YEAR = 'from=2025-01-01&to=2026-01-01'
const url = (path: string, id = association.id) => `/api/investments/associations/${id}${path}`
const codeOf = (res: { json(): { error: { code: string } } }) => res.json().error.code

async function book(opts: {
  assetId: string
  keeper: ZoneRef
  borrower: ZoneRef
  start: string
  end: string
  fee: number
  status: 'approved' | 'returned' | 'cancelled'
}) {
  const period = `[${brussels(opts.start)},${brussels(opts.end)})`
  const partner = opts.keeper.id !== opts.borrower.id
  await t.database.db
    .insertInto('equipment_bookings')
    .values({
      group_id: randomUUID(),
      asset_id: opts.assetId,
      zone_id: opts.keeper.id,
      borrower_zone_id: opts.borrower.id,
      agreement_id: partner ? agreement.id : null,
      association_id: association.id,
      period,
      blocked: period,
      status: opts.status,
      purpose: 'Snelheidscontrole',
      fee_cents_per_day: opts.fee,
      requested_at: new Date(brussels(opts.start)),
    })
    .execute()
}

beforeAll(async () => {
  t = await startTestApp()
  association = await makeAssociation(t, { zoneCount: 3 })
  ;[a, b, c] = association.zones as [ZoneRef, ZoneRef, ZoneRef]
  agreement = await makeAgreement(t, { association, domains: ['investment', 'equipment', 'assistance'] })
  const foreign = await makeAssociation(t, { zoneCount: 1 })
  admin = await sessionFor(t, await makeUser(t, 'admin', association))
  chiefA = await sessionFor(t, await makeUser(t, 'korpschef', a))
  financeB = await sessionFor(t, await makeUser(t, 'finance', b))
  officerA = await sessionFor(t, await makeUser(t, 'officer', a))
  foreignAdmin = await sessionFor(t, await makeUser(t, 'admin', foreign))

  // 12.000,00 € over 2025, equal; C joins on 1 July: Jan–Jun by halves (A, B), Jul–Dec by thirds. Paid by A.
  server = await makeInvestment(t, {
    association,
    title: 'Serverpark',
    amountCents: 1_200_000,
    purchasedOn: '2025-01-01',
    depreciationMonths: 12,
    parties: [{ zone: a }, { zone: b }, { zone: c, joinedOn: '2025-07-01' }],
  })
  // Maintenance on 1 September, paid by B: a third each.
  await t.database.db
    .insertInto('investment_costs')
    .values({
      investment_id: server.id,
      association_id: association.id,
      kind: 'maintenance',
      incurred_on: '2025-09-01',
      amount_cents: 30_000,
      description: 'Onderhoudscontract',
      paid_by_zone_id: b.id,
      created_at: new Date(),
    })
    .execute()
  // 6.000,00 € radar over 2025 by usage hours: A's own use 2 h, B borrows it 6 h (fee 25,00 € a day).
  const radar = await makeInvestment(t, {
    association,
    title: 'Snelheidsradar',
    amountCents: 600_000,
    purchasedOn: '2025-01-01',
    depreciationMonths: 12,
    parties: [{ zone: a }, { zone: b }],
    key: { method: 'usage_hours' },
  })
  const asset = await makeAsset(t, { zone: a, investmentId: radar.id })
  await book({
    assetId: asset.id,
    keeper: a,
    borrower: a,
    start: '2025-04-02T08:00',
    end: '2025-04-02T10:00',
    fee: 0,
    status: 'approved',
  })
  await book({
    assetId: asset.id,
    keeper: a,
    borrower: b,
    start: '2025-05-01T08:00',
    end: '2025-05-01T14:00',
    fee: 2_500,
    status: 'returned',
  })
  await book({
    assetId: asset.id,
    keeper: a,
    borrower: c,
    start: '2025-06-01T08:00',
    end: '2025-06-01T20:00',
    fee: 2_500,
    status: 'cancelled',
  })
  // Assistance: B helps A 4 hours on a Wednesday at 60,00 € an hour.
  const settings = await admin.request({
    method: 'PUT',
    url: `/api/assistance/associations/${association.id}/settings`,
    payload: { retroApprovalDays: 7, escalationMinutes: 15, hourlyRateCents: 6_000 },
  })
  expect(settings.statusCode).toBe(200)
  const person = await makePerson(t, { zone: b })
  await makeAssistanceDeployment(t, {
    association,
    helped: a,
    person,
    start: '2025-03-05T10:00',
    end: '2025-03-05T14:00',
  })
})

afterAll(async () => {
  await t.close()
})

describe('the settlement of 2025', () => {
  it('has every line exact to the cent, nets summing to zero, and the fewest transfers', async () => {
    const res = await financeB.request({ method: 'GET', url: url(`/settlement?${YEAR}`) })
    expect(res.statusCode).toBe(200)
    const s = res.json<Settlement>()
    expect(s.recorded).toBeNull()
    const zone = (z: ZoneRef) => s.zones.find((x) => x.zone.id === z.id)!
    const amounts = (z: ZoneRef, kind: string) =>
      zone(z)
        .lines.filter((l) => l.kind === kind)
        .map((l) => [l.title, l.chargedCents, l.creditedCents])
    expect(amounts(a, 'depreciation')).toEqual([
      ['Serverpark', 500_000, 1_200_000],
      ['Snelheidsradar', 150_000, 600_000],
    ])
    expect(amounts(b, 'depreciation')).toEqual([
      ['Serverpark', 500_000, 0],
      ['Snelheidsradar', 450_000, 0],
    ])
    expect(amounts(c, 'depreciation')).toEqual([['Serverpark', 200_000, 0]])
    expect(amounts(b, 'running_cost')).toEqual([['Serverpark', 10_000, 30_000]])
    expect(amounts(c, 'running_cost')).toEqual([['Serverpark', 10_000, 0]])
    expect(amounts(b, 'loan_fee')).toEqual([[expect.stringContaining('(SN-'), 2_500, 0]])
    expect(amounts(a, 'loan_fee')).toEqual([[expect.stringContaining('(SN-'), 0, 2_500]])
    expect(amounts(a, 'assistance')).toEqual([['', 24_000, 0]])
    expect(amounts(b, 'assistance')).toEqual([['', 0, 24_000]])
    expect(s.zones.map((z) => [z.zone.id, z.netCents])).toEqual(
      expect.arrayContaining([
        [a.id, 1_118_500],
        [b.id, -908_500],
        [c.id, -210_000],
      ]),
    )
    for (const z of s.zones) expect(z.netCents).toBe(z.creditedCents - z.chargedCents)
    expect(s.transfers.map((x) => [x.from.id, x.to.id, x.amountCents])).toEqual(
      expect.arrayContaining([
        [b.id, a.id, 908_500],
        [c.id, a.id, 210_000],
      ]),
    )
    expect(s.transfers).toHaveLength(2)
    const radarKey = s.keys.find((k) => k.title === 'Snelheidsradar')!.keys[0]!
    expect(radarKey.inputs.map((i) => [i.zone.id, i.usageHours, i.fraction])).toEqual([
      [a.id, 2, '0.2500'],
      [b.id, 6, '0.7500'],
    ])
  })

  it("gives an investment's shares per zone, the joining zone only from July", async () => {
    const res = await chiefA.request({ method: 'GET', url: `/api/investments/${server.id}/shares?${YEAR}` })
    expect(res.statusCode).toBe(200)
    const shares = res.json<InvestmentShares>()
    expect(shares.zones.map((z) => [z.zone.id, z.depreciationCents, z.runningCostCents, z.totalCents])).toEqual(
      expect.arrayContaining([
        [a.id, 500_000, 10_000, 510_000],
        [b.id, 500_000, 10_000, 510_000],
        [c.id, 200_000, 10_000, 210_000],
      ]),
    )
    expect(shares.totalCents).toBe(1_230_000)
    const foreign = await foreignAdmin.request({ method: 'GET', url: `/api/investments/${server.id}/shares` })
    expect(foreign.statusCode).toBe(404)
  })

  it("exports a zone's statement as CSV for Excel (BOM, ;, decimal comma)", async () => {
    const res = await financeB.request({ method: 'GET', url: url(`/statement.csv?zoneId=${b.id}&${YEAR}`) })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/csv')
    expect(res.headers['content-disposition']).toContain(`verbond-afrekening_${b.code}_2025-01-01_2025-12-31.csv`)
    expect(res.body.startsWith('\ufeff')).toBe(true)
    expect(res.body).toContain('Totaal;;;9625,00;540,00;-9085,00')
    expect(res.body).toContain(`${b.code} ${b.name} betaalt 9.085,00 € aan ${a.code} ${a.name}`)
  })

  it('renders the PDF in the worker pool, in the caller’s language, with the totals', async () => {
    const res = await financeB.request({ method: 'GET', url: url(`/statement.pdf?zoneId=${b.id}&${YEAR}`) })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.headers['content-disposition']).toContain('.pdf')
    const { text } = await extractText(new Uint8Array(res.rawPayload), { mergePages: true })
    expect(text).toContain('Afrekening gezamenlijke investeringen en uitlening')
    expect(text).toContain('9.625,00 €')
    expect(text).toContain('540,00 €')
    expect(text).toContain('-9.085,00 €')
    expect(text).toContain('voorlopig')
    expect(text).toContain('75,00 %')
  })

  it('refuses what the policy does not allow and bad periods', async () => {
    expect((await officerA.request({ method: 'GET', url: url('/settlement') })).statusCode).toBe(403)
    expect((await foreignAdmin.request({ method: 'GET', url: url('/settlement') })).statusCode).toBe(404)
    const bad = await financeB.request({ method: 'GET', url: url('/settlement?from=2025-01-01&to=2028-01-01') })
    expect([bad.statusCode, codeOf(bad)]).toEqual([422, 'SETTLEMENT_PERIOD_INVALID'])
    const reversed = await financeB.request({ method: 'GET', url: url('/settlement?from=2025-01-01&to=2024-01-01') })
    expect(codeOf(reversed)).toBe('SETTLEMENT_PERIOD_INVALID')
    const stranger = await financeB.request({ method: 'GET', url: url(`/statement.csv?zoneId=${randomUUID()}`) })
    expect(codeOf(stranger)).toBe('SETTLEMENT_ZONE_UNKNOWN')
    const record = await financeB.request({
      method: 'POST',
      url: url('/settlements'),
      payload: { from: '2025-01-01', to: '2026-01-01' },
    })
    expect(record.statusCode).toBe(403)
  })

  it('records the settlement: frozen from then on; an overlapping period is refused', async () => {
    const res = await admin.request({
      method: 'POST',
      url: url('/settlements'),
      payload: { from: '2025-01-01', to: '2026-01-01' },
    })
    expect(res.statusCode).toBe(201)
    const recorded = res.json<Settlement>()
    expect(recorded.recorded).not.toBeNull()
    // A cost booked afterwards does not change the recorded statement.
    await t.database.db
      .insertInto('investment_costs')
      .values({
        investment_id: server.id,
        association_id: association.id,
        kind: 'repair',
        incurred_on: '2025-10-01',
        amount_cents: 99_999,
        description: 'Herstelling',
        paid_by_zone_id: a.id,
        created_at: new Date(),
      })
      .execute()
    const again = (await financeB.request({ method: 'GET', url: url(`/settlement?${YEAR}`) })).json<Settlement>()
    expect(again.recorded?.id).toBe(recorded.recorded!.id)
    expect(again.zones).toEqual(recorded.zones)
    const pdf = await financeB.request({ method: 'GET', url: url(`/statement.pdf?zoneId=${b.id}&${YEAR}`) })
    expect((await extractText(new Uint8Array(pdf.rawPayload), { mergePages: true })).text).toContain('vastgelegd op')
    const overlap = await admin.request({
      method: 'POST',
      url: url('/settlements'),
      payload: { from: '2025-06-01', to: '2026-06-01' },
    })
    expect([overlap.statusCode, codeOf(overlap)]).toEqual([409, 'SETTLEMENT_PERIOD_TAKEN'])
    const list = await chiefA.request({ method: 'GET', url: url('/settlements') })
    expect(list.json<{ items: { from: string; to: string }[] }>().items).toEqual([
      expect.objectContaining({ from: '2025-01-01', to: '2026-01-01' }),
    ])
    const chains = await t.database.db
      .selectFrom('audit_events')
      .select('chain_zone_id')
      .where('action', '=', 'investment.settlement_record')
      .where('object_id', '=', association.id)
      .execute()
    expect(chains.map((r) => r.chain_zone_id).sort()).toEqual([a.id, b.id, c.id].sort())
  })
})
