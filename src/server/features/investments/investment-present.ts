// The shapes of the investments API, built from the repository's rows: summaries for lists (a few grouped
// queries for a whole page, never one per row) and the detail of one investment.
import type { Transaction, Kysely } from 'kysely'
import type { CostKeyMethod } from '../../platform/enums.ts'
import type { DB } from '../../platform/schema.ts'
import type { ZoneKeyInput } from './investment-schema.ts'
import { investmentRepository, type InvestmentRow, type PartyRow } from './investment-repository.ts'
import type { InvestmentDetail, InvestmentSummary } from './investment-schema.ts'

type Db = Kysely<DB> | Transaction<DB>
type ZoneRef = { id: string; code: string; name: string }

const UNKNOWN_ZONE = (id: string): ZoneRef => ({ id, code: '', name: '' })

export async function presentSummaries(
  db: Db,
  rows: readonly InvestmentRow[],
  day: string,
): Promise<InvestmentSummary[]> {
  const repo = investmentRepository(db)
  const ids = rows.map((r) => r.id)
  const parties = await repo.parties(ids)
  const zoneIds = new Set([
    ...parties.map((p) => p.zone_id),
    ...rows.flatMap((r) => [r.paid_by_zone_id, r.managing_zone_id]),
  ])
  const [zones, methods, counts] = await Promise.all([
    repo.zones([...zoneIds]),
    repo.currentMethods(ids, day),
    repo.assetCounts(ids),
  ])
  const zone = new Map(zones.map((z) => [z.id, z]))
  const zoneOf = (id: string) => zone.get(id) ?? UNKNOWN_ZONE(id)
  const method = new Map(methods.map((m) => [m.investment_id, m.method]))
  const count = new Map(counts.map((c) => [c.investment_id, Number(c.n)]))
  const partiesOf = new Map<string, PartyRow[]>()
  for (const p of parties) partiesOf.set(p.investment_id, [...(partiesOf.get(p.investment_id) ?? []), p])
  return rows.map((r) => {
    const current: CostKeyMethod | undefined = method.get(r.id)
    return {
      id: r.id,
      associationId: r.association_id,
      title: r.title,
      supplier: r.supplier,
      purchasedOn: r.purchased_on,
      amountCents: Number(r.amount_cents),
      depreciationMonths: r.depreciation_months,
      paidByZone: zoneOf(r.paid_by_zone_id),
      managingZone: zoneOf(r.managing_zone_id),
      parties: (partiesOf.get(r.id) ?? [])
        .map((p) => ({ zone: zoneOf(p.zone_id), joinedOn: p.joined_on, leftOn: p.left_on }))
        .sort((a, b) => a.joinedOn.localeCompare(b.joinedOn) || a.zone.code.localeCompare(b.zone.code)),
      currentKey: current ? { method: current } : null,
      assetCount: count.get(r.id) ?? 0,
    }
  })
}

/** JSON numbers of a stored object (weights), dropping anything else. */
const numbers = (value: Record<string, unknown>): Record<string, number> =>
  Object.fromEntries(Object.entries(value).filter((e): e is [string, number] => typeof e[1] === 'number'))

/** The stored inputs per zone, with only the numeric fields of the contract. */
function inputsOf(value: Record<string, unknown>): Record<string, ZoneKeyInput> {
  const out: Record<string, ZoneKeyInput> = {}
  for (const [zoneId, raw] of Object.entries(value)) {
    if (typeof raw !== 'object' || raw === null) continue
    const fields = numbers(raw as Record<string, unknown>)
    out[zoneId] = {
      ...(fields['population'] !== undefined ? { population: fields['population'] } : {}),
      ...(fields['fte'] !== undefined ? { fte: fields['fte'] } : {}),
      ...(fields['percent'] !== undefined ? { percent: fields['percent'] } : {}),
    }
  }
  return out
}

export async function presentDetail(
  db: Db,
  row: InvestmentRow,
  day: string,
  actions: InvestmentDetail['actions'],
): Promise<InvestmentDetail> {
  const repo = investmentRepository(db)
  const [summary] = await presentSummaries(db, [row], day)
  if (!summary) throw new Error('presentDetail: no summary')
  const [assets, keys, costs] = await Promise.all([repo.assets(row.id), repo.keys(row.id), repo.costs(row.id)])
  const payers = await repo.zones([...new Set(costs.map((c) => c.paid_by_zone_id))])
  const payer = new Map(payers.map((z) => [z.id, z]))
  return {
    ...summary,
    description: row.description,
    agreementId: row.agreement_id,
    assets: assets.map((a) => ({ id: a.id, kind: a.kind, name: a.name, identifier: a.identifier, zoneId: a.zone_id })),
    costKeys: keys.map((k) => ({
      id: k.id,
      validFrom: k.valid_from,
      validTo: k.valid_to,
      method: k.method,
      weights: numbers(k.weights),
      inputs: inputsOf(k.inputs),
      note: k.note,
      createdAt: new Date(k.created_at).toISOString(),
    })),
    costs: costs.map((c) => ({
      id: c.id,
      kind: c.kind,
      incurredOn: c.incurred_on,
      amountCents: Number(c.amount_cents),
      description: c.description,
      paidByZone: payer.get(c.paid_by_zone_id) ?? UNKNOWN_ZONE(c.paid_by_zone_id),
      createdAt: new Date(c.created_at).toISOString(),
      removable: !c.settled,
    })),
    actions,
  }
}
