// The period settlement of an association (issue 10), pure: from plain facts (investments with their parties,
// key versions, running costs and the usage of their assets; partner loans with their fee; the assistance
// ledger's balances) to lines per zone, net positions and the fewest transfers.
//
// Shares: the period [from, to) of each investment is cut into parts where neither the key version nor the set
// of parties changes (a zone joining on 1 July cuts the year in two). Each part's depreciation
// (depreciation.ts, exact per day) is split among that part's parties by the key (cost-key.ts; usage hours over
// that part) to the cent, and credited in full to the zone that paid the purchase. A running cost is split by
// the key and parties of the day it was incurred (usage: over the part containing that day) and credited to its
// payer. A loan fee: fee per day × the days of the loan started inside the period (day k starts k × 24 h
// Brussels time after the loan's start; a day belongs to the period in which it starts, so periods add up),
// charged to the borrower, credited to the keeper. Assistance: each zone's ledger balance over the period in
// euros at the association's hourly rate (assistance's balanceCents: they add up to zero). Every split adds up,
// so the nets add up to zero and settle() finds the fewest transfers.
import { Temporal } from 'temporal-polyfill'
import { formatEuros, splitCents } from '../../../platform/money.ts'
import { settle } from '../../../platform/settle.ts'
import { balanceCents } from '../../assistance/settlement-euros.ts'
import {
  fractionText,
  integerWeights,
  keyFractions,
  type BaseMethod,
  type CostKey,
  type Fraction,
  type KeyOutcome,
} from './cost-key.ts'
import { depreciationBetween, lifeEnd } from './depreciation.ts'

const TIME_ZONE = 'Europe/Brussels'

export interface PartyPeriod {
  zoneId: string
  joinedOn: string
  /** Exclusive; null: still a party. */
  leftOn: string | null
}

export interface KeyVersion extends CostKey {
  id: string
  validFrom: string
  validTo: string | null
}

export interface RunningCostFact {
  id: string
  kind: string
  incurredOn: string
  amountCents: number
  description: string
  paidByZoneId: string
}

/** A booking of one of the investment's assets (approved, checked out or returned): ISO instants. */
export interface UsageFact {
  borrowerZoneId: string
  start: string
  end: string
}

export interface InvestmentFacts {
  id: string
  title: string
  amountCents: number
  purchasedOn: string
  depreciationMonths: number
  paidByZoneId: string
  parties: PartyPeriod[]
  keys: KeyVersion[]
  costs: RunningCostFact[]
  usage: UsageFact[]
}

export interface LoanFact {
  bookingId: string
  assetName: string
  keeperZoneId: string
  borrowerZoneId: string
  start: string
  end: string
  feeCentsPerDay: number
}

export interface SettlementFacts {
  from: string
  to: string
  investments: InvestmentFacts[]
  loans: LoanFact[]
  /** Weighted minutes per zone over the period (+ the zone is owed), and the association's rate (null: none). */
  assistance: { hourlyRateCents: number | null; minutes: ReadonlyMap<string, number> }
}

export type LineKind = 'depreciation' | 'running_cost' | 'loan_fee' | 'assistance'

export interface Line {
  kind: LineKind
  zoneId: string
  investmentId: string | null
  title: string
  chargedCents: number
  creditedCents: number
  detail: string
}

export interface KeyInputView {
  zoneId: string
  population: number | null
  fte: number | null
  percent: number | null
  usageHours: number | null
  fraction: string
}

export interface KeyView {
  keyId: string
  validFrom: string
  validTo: string | null
  method: CostKey['method']
  weights: CostKey['weights']
  inputs: KeyInputView[]
}

export interface CostShare {
  cost: RunningCostFact
  parts: Map<string, number>
}

export interface InvestmentShares {
  investmentId: string
  keys: KeyView[]
  depreciationCents: number
  depreciation: Map<string, number>
  costs: CostShare[]
  notes: string[]
}

export interface ZoneStatement {
  zoneId: string
  lines: Line[]
  chargedCents: number
  creditedCents: number
  netCents: number
}

export interface Settlement {
  from: string
  to: string
  zones: ZoneStatement[]
  transfers: { from: string; to: string; amountCents: number }[]
  keys: { investmentId: string; title: string; keys: KeyView[] }[]
  notes: string[]
}

/** The instant a Brussels day starts. */
export const dayStart = (date: string): number =>
  Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: TIME_ZONE }).epochMilliseconds

/** dd/mm/jjjj */
export const belgianDate = (date: string): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`

const maxDate = (a: string, b: string) => (a > b ? a : b)
const minDate = (a: string, b: string) => (a < b ? a : b)

/** Per borrower zone, the milliseconds its bookings overlap [a, b) (days). */
function usageIn(usage: readonly UsageFact[], a: string, b: string): Map<string, bigint> {
  const lo = dayStart(a)
  const hi = dayStart(b)
  const out = new Map<string, bigint>()
  for (const u of usage) {
    const ms = Math.min(hi, Date.parse(u.end)) - Math.max(lo, Date.parse(u.start))
    if (ms > 0) out.set(u.borrowerZoneId, (out.get(u.borrowerZoneId) ?? 0n) + BigInt(ms))
  }
  return out
}

const presentOn = (p: PartyPeriod, day: string) => p.joinedOn <= day && (p.leftOn === null || day < p.leftOn)
const keyOn = (keys: readonly KeyVersion[], day: string) =>
  keys.find((k) => k.validFrom <= day && (k.validTo === null || day < k.validTo))

interface Part {
  from: string
  to: string
  key: KeyVersion | undefined
  parties: string[]
}

/** [from, to) cut where the key version or the parties change. */
function partsOf(inv: InvestmentFacts, from: string, to: string): Part[] {
  const cuts = new Set([from, to])
  for (const k of inv.keys) for (const d of [k.validFrom, k.validTo]) if (d && d > from && d < to) cuts.add(d)
  for (const p of inv.parties) for (const d of [p.joinedOn, p.leftOn]) if (d && d > from && d < to) cuts.add(d)
  const points = [...cuts].sort()
  return points.slice(0, -1).map((a, i) => ({
    from: a,
    to: points[i + 1]!,
    key: keyOn(inv.keys, a),
    parties: inv.parties.filter((p) => presentOn(p, a)).map((p) => p.zoneId),
  }))
}

const FALLBACK_NOTES: Partial<Record<BaseMethod, string>> = {
  usage_hours: 'usage_equal',
  population: 'population_equal',
  fte: 'fte_equal',
  custom: 'custom_equal',
}

/** Splits `cents` among the part's parties; the payer carries it when the part has no party. */
function splitInPart(
  inv: InvestmentFacts,
  part: Part,
  cents: number,
  notes: Set<string>,
  outcome: () => KeyOutcome | null,
): Map<string, number> {
  if (cents === 0) return new Map()
  const result = outcome()
  if (!result) {
    notes.add(`no_parties:${inv.title}`)
    return new Map([[inv.paidByZoneId, cents]])
  }
  if (!part.key) notes.add(`no_key:${inv.title}`)
  for (const m of result.fellBackToEqual) {
    const note = FALLBACK_NOTES[m]
    if (note) notes.add(`${note}:${inv.title}`)
  }
  const zones = [...result.fractions.keys()]
  const parts = splitCents(cents, integerWeights([...result.fractions.values()]))
  return new Map(zones.map((z, i) => [z, parts[i]!]))
}

const EQUAL_KEY: CostKey = { method: 'equal', weights: {}, inputs: {} }

/** The shares of one investment's depreciation and running costs over [from, to). */
export function investmentShares(inv: InvestmentFacts, from: string, to: string): InvestmentShares {
  const notes = new Set<string>()
  const parts = partsOf(inv, from, to)
  const outcomes = new Map<Part, KeyOutcome | null>()
  const outcomeOf = (part: Part) => () => {
    if (!outcomes.has(part))
      outcomes.set(
        part,
        part.parties.length === 0
          ? null
          : keyFractions(part.key ?? EQUAL_KEY, part.parties, usageIn(inv.usage, part.from, part.to)),
      )
    return outcomes.get(part) ?? null
  }
  const depreciation = new Map<string, number>()
  let depreciationCents = 0
  for (const part of parts) {
    const cents = depreciationBetween(
      { amountCents: inv.amountCents, purchasedOn: inv.purchasedOn, months: inv.depreciationMonths },
      part.from,
      part.to,
    )
    depreciationCents += cents
    for (const [zone, c] of splitInPart(inv, part, cents, notes, outcomeOf(part)))
      depreciation.set(zone, (depreciation.get(zone) ?? 0) + c)
  }
  const costs = inv.costs
    .filter((c) => c.incurredOn >= from && c.incurredOn < to)
    .sort((a, b) => a.incurredOn.localeCompare(b.incurredOn) || a.id.localeCompare(b.id))
    .map((cost) => {
      const part = parts.find((p) => p.from <= cost.incurredOn && cost.incurredOn < p.to)!
      return { cost, parts: splitInPart(inv, part, cost.amountCents, notes, outcomeOf(part)) }
    })
  return {
    investmentId: inv.id,
    keys: keyViews(inv, from, to),
    depreciationCents,
    depreciation,
    costs,
    notes: [...notes],
  }
}

/** The key versions in force in [from, to), with each party's inputs and fraction over that stretch. */
export function keyViews(inv: InvestmentFacts, from: string, to: string): KeyView[] {
  return [...inv.keys]
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom))
    .filter((k) => k.validFrom < to && (k.validTo === null || k.validTo > from))
    .map((k) => {
      const a = maxDate(k.validFrom, from)
      const b = k.validTo === null ? to : minDate(k.validTo, to)
      const parties = inv.parties
        .filter((p) => p.joinedOn < b && (p.leftOn === null || p.leftOn > a))
        .map((p) => p.zoneId)
      const usage = usageIn(inv.usage, a, b)
      const usesUsage = k.method === 'usage_hours' || (k.method === 'mix' && (k.weights.usage_hours ?? 0) > 0)
      const fractions: Map<string, Fraction> =
        parties.length > 0 ? keyFractions(k, parties, usage).fractions : new Map<string, Fraction>()
      return {
        keyId: k.id,
        validFrom: k.validFrom,
        validTo: k.validTo,
        method: k.method,
        weights: k.weights,
        inputs: parties.map((zoneId) => {
          const input = k.inputs[zoneId] ?? {}
          return {
            zoneId,
            population: input.population ?? null,
            fte: input.fte ?? null,
            percent: input.percent ?? null,
            usageHours: usesUsage ? Math.round(Number(usage.get(zoneId) ?? 0n) / 36_000) / 100 : null,
            fraction: fractionText(fractions.get(zoneId) ?? { n: 0n, d: 1n }),
          }
        }),
      }
    })
}

/** Of a loan, the days (24 h from its start, Brussels time) that start inside [from, to). */
export function startedDaysIn(start: string, end: string, from: string, to: string): number {
  const lo = dayStart(from)
  const hi = dayStart(to)
  const endMs = Date.parse(end)
  let day = Temporal.Instant.from(start).toZonedDateTimeISO(TIME_ZONE)
  let count = 0
  while (day.epochMilliseconds < endMs && day.epochMilliseconds < hi) {
    if (day.epochMilliseconds >= lo) count++
    day = day.add({ days: 1 })
  }
  return count
}

/** The settlement of the period: lines per zone, nets (credited − charged; they add up to zero), transfers. */
export function settlePeriod(facts: SettlementFacts): Settlement {
  const { from, to } = facts
  const lines = new Map<string, Line>()
  const notes = new Set<string>()
  const post = (ref: string, line: Omit<Line, 'chargedCents' | 'creditedCents'>, charged: number, credited: number) => {
    if (charged === 0 && credited === 0) return
    const id = `${line.kind}|${ref}|${line.zoneId}`
    const known = lines.get(id)
    if (known) {
      known.chargedCents += charged
      known.creditedCents += credited
    } else lines.set(id, { ...line, chargedCents: charged, creditedCents: credited })
  }
  const keys: Settlement['keys'] = []
  for (const inv of facts.investments) {
    const shares = investmentShares(inv, from, to)
    shares.notes.forEach((n) => notes.add(n))
    if (shares.keys.length > 0 || shares.depreciationCents > 0 || shares.costs.length > 0)
      keys.push({ investmentId: inv.id, title: inv.title, keys: shares.keys })
    const life = `${belgianDate(inv.purchasedOn)} – ${belgianDate(lifeEnd({ amountCents: inv.amountCents, purchasedOn: inv.purchasedOn, months: inv.depreciationMonths }))}`
    const depLine = (zoneId: string) => ({
      kind: 'depreciation' as const,
      zoneId,
      investmentId: inv.id,
      title: inv.title,
      detail: `${life} · ${formatEuros(shares.depreciationCents)}`,
    })
    for (const [zone, cents] of shares.depreciation) post(inv.id, depLine(zone), cents, 0)
    post(inv.id, depLine(inv.paidByZoneId), 0, shares.depreciationCents)
    for (const { cost, parts } of shares.costs) {
      const costLine = (zoneId: string) => ({
        kind: 'running_cost' as const,
        zoneId,
        investmentId: inv.id,
        title: inv.title,
        detail: `${belgianDate(cost.incurredOn)} · ${cost.description} · ${formatEuros(cost.amountCents)}`,
      })
      for (const [zone, cents] of parts) post(cost.id, costLine(zone), cents, 0)
      post(cost.id, costLine(cost.paidByZoneId), 0, cost.amountCents)
    }
  }
  for (const loan of [...facts.loans].sort(
    (a, b) => a.start.localeCompare(b.start) || a.bookingId.localeCompare(b.bookingId),
  )) {
    const days = startedDaysIn(loan.start, loan.end, from, to)
    const fee = days * loan.feeCentsPerDay
    const detail = `${days} × ${formatEuros(loan.feeCentsPerDay)}`
    const line = (zoneId: string) => ({
      kind: 'loan_fee' as const,
      zoneId,
      investmentId: null,
      title: loan.assetName,
      detail,
    })
    post(loan.bookingId, line(loan.borrowerZoneId), fee, 0)
    post(loan.bookingId, line(loan.keeperZoneId), 0, fee)
  }
  const minutes = [...facts.assistance.minutes].filter(([, m]) => m !== 0).sort(([a], [b]) => a.localeCompare(b))
  const rate = facts.assistance.hourlyRateCents
  if (minutes.length > 0 && rate === null) notes.add('assistance_no_rate')
  if (minutes.length > 0 && rate !== null) {
    const cents = balanceCents(
      minutes.map(([, m]) => m),
      rate,
    )
    minutes.forEach(([zoneId, m], i) => {
      const c = cents[i]!
      const hours = (m / 60).toFixed(2).replace('.', ',')
      post(
        'assistance',
        { kind: 'assistance', zoneId, investmentId: null, title: '', detail: `${hours} h × ${formatEuros(rate)}/h` },
        c < 0 ? -c : 0,
        c > 0 ? c : 0,
      )
    })
  }
  const byZone = new Map<string, Line[]>()
  for (const line of lines.values()) byZone.set(line.zoneId, [...(byZone.get(line.zoneId) ?? []), line])
  const zones = [...byZone].map(([zoneId, zoneLines]): ZoneStatement => {
    const chargedCents = zoneLines.reduce((s, l) => s + l.chargedCents, 0)
    const creditedCents = zoneLines.reduce((s, l) => s + l.creditedCents, 0)
    return { zoneId, lines: zoneLines, chargedCents, creditedCents, netCents: creditedCents - chargedCents }
  })
  const transfers = settle(new Map(zones.map((z) => [z.zoneId, z.netCents]))).map((t) => ({
    from: t.from,
    to: t.to,
    amountCents: t.amount,
  }))
  return { from, to, zones, transfers, keys, notes: [...notes].sort() }
}
