// The person-hours ledger of mutual assistance (issue 9): every confirmed deployment posts two lines, the
// helping zone credited and the helped zone debited by the same weighted amount, so the ledger of an
// association always sums to zero. Amounts are integer weighted minutes: a person's worked minutes, split by
// Brussels local time into night, Saturday, Sunday and public holiday (the permanences' `hoursSplitter`), each
// category weighted by the association's rate in force on the day the deployment started.
import { Temporal } from 'temporal-polyfill'
import { localDateOf } from '../../permanences/domain/hours.ts'
import type { SlotHours } from '../../permanences/domain/types.ts'

/** A rate version of an association for one request category (or `*` for every category without its own). */
export interface Rate {
  category: string
  /** First day in force (Brussels date, inclusive); `to` is the last day, or null while in force. */
  from: string
  to: string | null
  /** Multiplier of every minute (1 = an hour is an hour). */
  base: number
  /** Extra multipliers on top of base for minutes in these categories (e.g. night 0.5 → a night hour is 1.5). */
  extra: { night: number; saturday: number; sunday: number; holiday: number }
}

export interface Deployment {
  id: string
  category: string
  helpingZoneId: string
  helpedZoneId: string
  personId: string
  /** Instants in epoch milliseconds; end > start. */
  start: number
  end: number
}

export interface LedgerLine {
  deploymentId: string
  zoneId: string
  counterpartZoneId: string
  /** Weighted minutes: positive for the helping zone (credit), negative for the helped zone (debit). */
  amount: number
  /** The plain minutes behind it, by category, for the statement. */
  minutes: SlotHours
}

/** The rate in force for `category` on `date`: the category's own, else the `*` one; null when none. */
export function rateFor(rates: readonly Rate[], category: string, date: string): Rate | null {
  const inForce = (r: Rate) =>
    Temporal.PlainDate.compare(r.from, date) <= 0 && (r.to === null || Temporal.PlainDate.compare(date, r.to) <= 0)
  return (
    rates.find((r) => r.category === category && inForce(r)) ??
    rates.find((r) => r.category === '*' && inForce(r)) ??
    null
  )
}

/** Weighted minutes of a split (hours in minutes), rounded half away from zero to a whole minute. */
export function weightedMinutes(minutes: SlotHours, rate: Rate): number {
  const { extra } = rate
  const raw =
    rate.base *
    (minutes.total +
      extra.night * minutes.night +
      extra.saturday * minutes.saturday +
      extra.sunday * minutes.sunday +
      extra.holiday * minutes.holiday)
  return Math.sign(raw) * Math.round(Math.abs(raw))
}

/**
 * The two lines a confirmed deployment posts. `split(start, end)` gives its hours by category (the
 * permanences' hoursSplitter, in hours); a deployment within one zone, without a rate, or of no time posts
 * nothing (null), and the caller says why.
 */
export function postDeployment(
  deployment: Deployment,
  rates: readonly Rate[],
  split: (start: number, end: number) => SlotHours,
): [LedgerLine, LedgerLine] | null {
  if (deployment.helpingZoneId === deployment.helpedZoneId || deployment.end <= deployment.start) return null
  const rate = rateFor(rates, deployment.category, localDateOf(deployment.start).toString())
  if (!rate) return null
  const hours = split(deployment.start, deployment.end)
  const minutes: SlotHours = {
    total: Math.round(hours.total * 60),
    night: Math.round(hours.night * 60),
    saturday: Math.round(hours.saturday * 60),
    sunday: Math.round(hours.sunday * 60),
    holiday: Math.round(hours.holiday * 60),
  }
  const amount = weightedMinutes(minutes, rate)
  const line = (zoneId: string, counterpartZoneId: string, sign: 1 | -1): LedgerLine => ({
    deploymentId: deployment.id,
    zoneId,
    counterpartZoneId,
    amount: sign * amount,
    minutes,
  })
  return [
    line(deployment.helpingZoneId, deployment.helpedZoneId, 1),
    line(deployment.helpedZoneId, deployment.helpingZoneId, -1),
  ]
}

/** Each zone's balance over the lines (credits minus debits); zones without lines are absent. */
export function balances(lines: readonly Pick<LedgerLine, 'zoneId' | 'amount'>[]): Map<string, number> {
  const result = new Map<string, number>()
  for (const l of lines) result.set(l.zoneId, (result.get(l.zoneId) ?? 0) + l.amount)
  return result
}

/** Balance between each pair of zones, from the first zone's side: positive when it helped the other more. */
export function pairBalances(lines: readonly Pick<LedgerLine, 'zoneId' | 'counterpartZoneId' | 'amount'>[]) {
  const result = new Map<string, number>()
  for (const l of lines) {
    if (l.zoneId > l.counterpartZoneId) continue // each pair from its lower id's side, counted once per line pair
    const key = `${l.zoneId}|${l.counterpartZoneId}`
    result.set(key, (result.get(key) ?? 0) + l.amount)
  }
  return result
}
