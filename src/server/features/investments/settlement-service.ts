// The money of issue 10 as use cases: an investment's shares over a period, an association's period settlement
// (computed from the facts of the database by the pure domain/settlement.ts), recording it (frozen: the
// statement as computed then is stored and returned from then on), and one zone's statement (CSV, PDF).
// Statements are figures of zones, not personal data: no partner reads are logged.
import { Temporal } from 'temporal-polyfill'
import type { Kysely, Transaction } from 'kysely'
import { audit } from '../../platform/audit.ts'
import { now, today } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { emit } from '../../platform/outbox.ts'
import { decide } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { Rule } from '../../platform/policy.ts'
import type { DB } from '../../platform/schema.ts'
import { isValidDate } from '../../platform/time.ts'
import { ledgerRepository } from '../assistance/ledger-repository.ts'
import type { CostKey, KeyInput } from './domain/cost-key.ts'
import {
  investmentShares,
  settlePeriod,
  type InvestmentFacts,
  type KeyView as DomainKeyView,
  type Settlement as DomainSettlement,
} from './domain/settlement.ts'
import type {
  InvestmentShares,
  KeyView,
  PeriodQuery,
  Settlement,
  SettlementCreate,
  SettlementList,
  StatementQuery,
  ZoneSettlement,
} from './settlement-schema.ts'
import { settlementRepository } from './settlement-repository.ts'

type Db = Kysely<DB> | Transaction<DB>
type ZoneRef = { id: string; code: string; name: string }

const MAX_PERIOD_DAYS = 2 * 366

/** A period of days [from, to): valid dates, from before to, at most two years. */
function checkPeriod(from: string, to: string): { from: string; to: string } {
  if (!isValidDate(from) || !isValidDate(to)) throw new AppError('SETTLEMENT_PERIOD_INVALID')
  const days = Temporal.PlainDate.from(from).until(to, { largestUnit: 'days' }).days
  if (days <= 0 || days > MAX_PERIOD_DAYS) throw new AppError('SETTLEMENT_PERIOD_INVALID')
  return { from, to }
}

/** The period asked (`to` left out: a year from `from`), or a calendar year: `yearsBack` 0 = this year, 1 = last. */
function periodOf(q: { from?: string | undefined; to?: string | undefined }, yearsBack: number) {
  const year = Number(today().slice(0, 4)) - yearsBack
  const from = q.from ?? `${year}-01-01`
  if (q.to !== undefined) return checkPeriod(from, q.to)
  return checkPeriod(from, isValidDate(from) ? Temporal.PlainDate.from(from).add({ years: 1 }).toString() : from)
}

async function authorizeAssociation(db: Db, ctx: PolicyContext, rule: Rule, associationId: string, seenThrough?: Rule) {
  const association = await settlementRepository(db).association(associationId)
  if (!association) throw new AppError('NOT_FOUND')
  const target = { associationIds: [associationId], domains: ['investment', 'equipment'] }
  if ((await decide(ctx, rule, target)).allowed) return association
  if (seenThrough && (await decide(ctx, seenThrough, target)).allowed) throw new AppError('FORBIDDEN')
  throw new AppError('NOT_FOUND')
}

const asNumber = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

/** The stored jsonb of a key version in the agreed format (investments' key-input.ts validates what is written). */
function keyOf(method: CostKey['method'], weights: Record<string, unknown>, inputs: Record<string, unknown>): CostKey {
  const w: CostKey['weights'] = {}
  for (const m of ['equal', 'population', 'fte', 'usage_hours', 'custom'] as const) {
    const n = asNumber(weights[m])
    if (n !== null) w[m] = n
  }
  const i: Record<string, KeyInput> = {}
  for (const [zone, raw] of Object.entries(inputs)) {
    const r = (raw ?? {}) as Record<string, unknown>
    i[zone] = { population: asNumber(r.population), fte: asNumber(r.fte), percent: asNumber(r.percent) }
  }
  return { method, weights: w, inputs: i }
}

/** Everything the pure settlement needs about the investments (one or all of an association) in [from, to). */
async function investmentFacts(
  db: Db,
  rows: Awaited<ReturnType<ReturnType<typeof settlementRepository>['investments']>>,
  from: string,
  to: string,
): Promise<InvestmentFacts[]> {
  const repo = settlementRepository(db)
  const ids = rows.map((r) => r.id)
  const [parties, keys, costs, usage] = await Promise.all([
    repo.parties(ids),
    repo.keys(ids),
    repo.costs(ids, from, to),
    repo.usage(ids, from, to),
  ])
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    amountCents: Number(r.amount_cents),
    purchasedOn: r.purchased_on,
    depreciationMonths: r.depreciation_months,
    paidByZoneId: r.paid_by_zone_id,
    parties: parties
      .filter((p) => p.investment_id === r.id)
      .map((p) => ({ zoneId: p.zone_id, joinedOn: p.joined_on, leftOn: p.left_on })),
    keys: keys
      .filter((k) => k.investment_id === r.id)
      .map((k) => ({
        id: k.id,
        validFrom: k.valid_from,
        validTo: k.valid_to,
        ...keyOf(k.method, k.weights, k.inputs),
      })),
    costs: costs
      .filter((c) => c.investment_id === r.id)
      .map((c) => ({
        id: c.id,
        kind: c.kind,
        incurredOn: c.incurred_on,
        amountCents: Number(c.amount_cents),
        description: c.description,
        paidByZoneId: c.paid_by_zone_id,
      })),
    usage: usage
      .filter((u) => u.investment_id === r.id)
      .map((u) => ({ borrowerZoneId: u.borrower_zone_id, start: u.start.toISOString(), end: u.end.toISOString() })),
  }))
}

/** Zone ids → refs (code order is what every page and statement shows). */
async function zoneRefs(db: Db, ids: Iterable<string>): Promise<Map<string, ZoneRef>> {
  const rows = await settlementRepository(db).zones([...new Set(ids)])
  return new Map(rows.map((z) => [z.id, z]))
}

const refOf = (zones: Map<string, ZoneRef>, id: string): ZoneRef => zones.get(id) ?? { id, code: '?', name: '?' }

function presentKeys(keys: readonly DomainKeyView[], zones: Map<string, ZoneRef>): KeyView[] {
  return keys.map((k) => ({
    keyId: k.keyId,
    validFrom: k.validFrom,
    validTo: k.validTo,
    method: k.method,
    weights: { ...k.weights },
    inputs: k.inputs
      .map(({ zoneId, ...rest }) => ({ zone: refOf(zones, zoneId), ...rest }))
      .sort((a, b) => a.zone.code.localeCompare(b.zone.code)),
  }))
}

/** The settlement of [from, to) computed from the database now. */
async function compute(db: Db, association: ZoneRef, from: string, to: string): Promise<Settlement> {
  const repo = settlementRepository(db)
  const ledger = ledgerRepository(db)
  const lastDay = Temporal.PlainDate.from(to).subtract({ days: 1 }).toString()
  const [rows, loans, settings, totals] = await Promise.all([
    repo.investments(association.id, to),
    repo.loans(association.id, from, to),
    ledger.settings(association.id),
    ledger.zoneTotals(association.id, { from, to: lastDay }),
  ])
  const investments = await investmentFacts(db, rows, from, to)
  const result: DomainSettlement = settlePeriod({
    from,
    to,
    investments,
    loans: loans.map((l) => ({
      bookingId: l.id,
      assetName: `${l.name} (${l.identifier})`,
      keeperZoneId: l.zone_id,
      borrowerZoneId: l.borrower_zone_id,
      start: l.start.toISOString(),
      end: l.end.toISOString(),
      feeCentsPerDay: l.fee_cents_per_day,
    })),
    assistance: {
      hourlyRateCents: settings?.hourly_rate_cents ?? null,
      minutes: new Map(totals.map((t) => [t.zone_id, Number(t.credit) - Number(t.debit)])),
    },
  })
  const zoneIds = [
    ...result.zones.map((z) => z.zoneId),
    ...result.keys.flatMap((k) => k.keys.flatMap((v) => v.inputs.map((i) => i.zoneId))),
  ]
  const zones = await zoneRefs(db, zoneIds)
  const byCode = (a: { zone: ZoneRef }, b: { zone: ZoneRef }) => a.zone.code.localeCompare(b.zone.code)
  return {
    associationId: association.id,
    association,
    from,
    to,
    madeOn: today(),
    zones: result.zones
      .map((z): ZoneSettlement => ({
        zone: refOf(zones, z.zoneId),
        lines: z.lines.map(({ zoneId: _zone, ...line }) => line),
        chargedCents: z.chargedCents,
        creditedCents: z.creditedCents,
        netCents: z.netCents,
      }))
      .sort(byCode),
    transfers: result.transfers.map((t) => ({
      from: refOf(zones, t.from),
      to: refOf(zones, t.to),
      amountCents: t.amountCents,
    })),
    keys: result.keys.map((k) => ({ investmentId: k.investmentId, title: k.title, keys: presentKeys(k.keys, zones) })),
    notes: result.notes,
    recorded: null,
  }
}

const who = (id: string | null, name: string | null) => (id ? { userId: id, name: name ?? '' } : null)

export function settlementService(db: Kysely<DB>) {
  /** The settlement of the period: the recorded one when that exact period was recorded, else computed now. */
  async function settlementOf(association: ZoneRef, from: string, to: string): Promise<Settlement> {
    const recorded = await settlementRepository(db).recorded(association.id, from, to)
    if (!recorded) return compute(db, association, from, to)
    return {
      ...(recorded.statement as unknown as Settlement),
      recorded: {
        id: recorded.id,
        createdAt: recorded.created_at.toISOString(),
        createdBy: who(recorded.created_by, recorded.created_by_name),
      },
    }
  }

  return {
    async shares(ctx: PolicyContext, investmentId: string, q: PeriodQuery): Promise<InvestmentShares> {
      const repo = settlementRepository(db)
      const row = await repo.investment(investmentId)
      if (!row) throw new AppError('NOT_FOUND')
      const partyZones = (await repo.parties([row.id])).map((p) => p.zone_id)
      const target = { zoneIds: partyZones, associationIds: [row.association_id] }
      if (!(await decide(ctx, 'investment.read', target)).allowed) throw new AppError('NOT_FOUND')
      const { from, to } = periodOf(q, 0)
      const [facts] = await investmentFacts(db, [row], from, to)
      const shares = investmentShares(facts!, from, to)
      const running = new Map<string, number>()
      for (const c of shares.costs) for (const [z, cents] of c.parts) running.set(z, (running.get(z) ?? 0) + cents)
      const zoneIds = [...new Set([...partyZones, ...shares.depreciation.keys(), ...running.keys()])]
      const zones = await zoneRefs(db, zoneIds)
      const list = zoneIds
        .map((id) => {
          const depreciationCents = shares.depreciation.get(id) ?? 0
          const runningCostCents = running.get(id) ?? 0
          return {
            zone: refOf(zones, id),
            depreciationCents,
            runningCostCents,
            totalCents: depreciationCents + runningCostCents,
          }
        })
        .sort((a, b) => a.zone.code.localeCompare(b.zone.code))
      return {
        investmentId,
        from,
        to,
        keys: presentKeys(shares.keys, zones),
        zones: list,
        totalCents: list.reduce((s, z) => s + z.totalCents, 0),
        notes: shares.notes,
      }
    },

    async settlement(ctx: PolicyContext, associationId: string, q: PeriodQuery): Promise<Settlement> {
      const association = await authorizeAssociation(db, ctx, 'investment.settlement', associationId)
      const { from, to } = periodOf(q, 1)
      return settlementOf(association, from, to)
    },

    async list(ctx: PolicyContext, associationId: string): Promise<SettlementList> {
      await authorizeAssociation(db, ctx, 'investment.settlement', associationId)
      const rows = await settlementRepository(db).list(associationId)
      return {
        items: rows.map((r) => ({
          id: r.id,
          associationId: r.association_id,
          from: r.from,
          to: r.to,
          createdAt: r.created_at.toISOString(),
          createdBy: who(r.created_by, r.created_by_name),
        })),
      }
    },

    /** Records (freezes) the settlement of [from, to): 409 SETTLEMENT_PERIOD_TAKEN when one overlaps it. */
    async record(ctx: PolicyContext, associationId: string, input: SettlementCreate): Promise<Settlement> {
      const association = await authorizeAssociation(
        db,
        ctx,
        'investment.settle',
        associationId,
        'investment.settlement',
      )
      const { from, to } = checkPeriod(input.from, input.to)
      await db.transaction().execute(async (trx) => {
        const statement = await compute(trx, association, from, to)
        const at = now()
        const { id } = await settlementRepository(trx).insert({
          association_id: associationId,
          from,
          to,
          statement,
          created_by: ctx.actor.userId,
          created_at: at,
        })
        const members = await ledgerRepository(trx).memberZoneIds(associationId, today())
        const chains = [...new Set([...members, ...statement.zones.map((z) => z.zone.id)])]
        await audit.write(
          trx,
          ctx.actor,
          'investment.settlement_record',
          { type: 'association', id: associationId },
          { settlementId: id, from, to, transfers: statement.transfers.length },
          { chains, domain: 'investment' },
        )
        await emit(trx, {
          type: 'investment.settlement_recorded',
          associationId,
          domain: 'investment',
          payload: { settlementId: id, from, to },
        })
      })
      return settlementOf(association, from, to)
    },

    /** One zone's part of the settlement (CSV, PDF): 422 when the zone is not of the association. */
    async statement(ctx: PolicyContext, associationId: string, q: StatementQuery) {
      const association = await authorizeAssociation(db, ctx, 'investment.settlement', associationId)
      const { from, to } = periodOf(q, 1)
      const settlement = await settlementOf(association, from, to)
      const listed = settlement.zones.find((z) => z.zone.id === q.zoneId)
      if (listed) return { settlement, zone: listed }
      // A member zone with nothing to settle gets a statement of zeros; any other zone has no part in it.
      const repo = settlementRepository(db)
      const ref = (await repo.zones([q.zoneId]))[0]
      if (!ref || !(await repo.isMember(associationId, q.zoneId, from, to)))
        throw new AppError('SETTLEMENT_ZONE_UNKNOWN')
      const zone: ZoneSettlement = { zone: ref, lines: [], chargedCents: 0, creditedCents: 0, netCents: 0 }
      return { settlement, zone }
    },
  }
}

export type SettlementService = ReturnType<typeof settlementService>
