// Straight-line depreciation of a joint investment (issue 10), exact to the cent and over days. The life is
// `months` months from the purchase day, each month running from the purchase day's date in that month (a
// purchase on 15 March: 15 March – 14 April is the first month; on 31 January the second month starts on
// 28/29 February, the third on 31 March). The amount is divided over the months by largest remainder (the
// earlier months take the leftover cents), each month's amount over its days the same way: so every day has
// an amount in whole cents, the days of the whole life add up exactly to the purchase amount, and the amount of
// a period is the sum of its days — two adjacent periods add up to the period that covers both.
import { Temporal } from 'temporal-polyfill'

export interface Depreciable {
  amountCents: number
  /** 'YYYY-MM-DD' */
  purchasedOn: string
  months: number
}

const day = (s: string) => Temporal.PlainDate.from(s)
const daysBetween = (a: Temporal.PlainDate, b: Temporal.PlainDate) => a.until(b, { largestUnit: 'days' }).days

/** Start of month k of the life (0-based), measured from the purchase day so a clamped month never drifts. */
const monthStart = (purchased: Temporal.PlainDate, k: number) => purchased.add({ months: k })

/** The first day after the life: the purchase day plus `months` months. */
export function lifeEnd(inv: Depreciable): string {
  return monthStart(day(inv.purchasedOn), inv.months).toString()
}

/** Of `count` equal parts of `total` (largest remainder, earlier first), the sum of parts [a, b). */
function partsSum(total: number, count: number, a: number, b: number): number {
  if (b <= a) return 0
  const base = Math.floor(total / count)
  const extra = total - base * count // the first `extra` parts take one cent more
  return (b - a) * base + Math.max(0, Math.min(b, extra) - a)
}

/** The depreciation of the days [from, to) ('YYYY-MM-DD'), in cents. */
export function depreciationBetween(inv: Depreciable, from: string, to: string): number {
  const purchased = day(inv.purchasedOn)
  let start = day(from)
  const end = day(to)
  if (Temporal.PlainDate.compare(start, purchased) < 0) start = purchased
  if (Temporal.PlainDate.compare(start, end) >= 0 || inv.amountCents === 0) return 0
  // The month of the life `start` falls in: an estimate, then forward (clamped month ends make `until` fuzzy).
  let k = Math.max(0, purchased.until(start, { largestUnit: 'months' }).months - 1)
  while (k < inv.months && Temporal.PlainDate.compare(monthStart(purchased, k + 1), start) <= 0) k++
  let sum = 0
  while (k < inv.months) {
    const ms = monthStart(purchased, k)
    if (Temporal.PlainDate.compare(ms, end) >= 0) break
    const me = monthStart(purchased, k + 1)
    const monthCents = partsSum(inv.amountCents, inv.months, k, k + 1)
    const days = daysBetween(ms, me)
    const a = Math.max(0, daysBetween(ms, start))
    const b = Math.min(days, daysBetween(ms, end))
    sum += partsSum(monthCents, days, a, b)
    k++
  }
  return sum
}
