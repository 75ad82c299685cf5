// The payroll split of a month (pure): how many minutes of on-call (B&T, bereikbaar & terugroepbaar) and of
// call-outs (wachtoproep) fall on ordinary weekdays, Saturdays, Sundays and public holidays, and how many of
// them at night — the categories an officer types into the federal HR portal (GALoP Lite) by hand today.
//
// Decisions (docs/permanences.md, "Call-outs and the monthly statement"):
// - Days are read in Brussels local time and cut at local midnight; a 25-hour or 23-hour day has 25 or 23 hours.
// - Each minute has exactly one DAY category, by precedence: public holiday > Sunday > Saturday > weekday. So
//   weekday + saturday + sunday + holiday = total (a holiday on a Sunday counts as holiday).
// - NIGHT is an overlay, not a fifth category: the minutes between 22:00 and 06:00 (DOMAIN.md) on any day, also
//   counted in their day's category, because the night allowance comes on top of the weekend/holiday one.
//   `weekdayDay` is what remains: weekday minutes outside the night.
// - A duty or call-out crossing a month boundary is split at local midnight of the first of the month.
// - On-call minutes are the duty's minus the call-outs within it: a recalled hour is worked time (Wachtoproep),
//   not availability (B&T), so no minute is counted twice.
// Minutes are integers; every boundary (midnight, 22:00, 06:00, a whole-minute input) is a whole minute.
import { Temporal } from 'temporal-polyfill'
import { localDateOf, localInstant, overlap, DEFAULT_NIGHT, type NightWindow } from '../permanences/domain/hours.ts'

const MINUTE = 60_000

export interface Interval {
  start: number
  end: number
}

/** Minutes per category; `total` = weekday + saturday + sunday + holiday; night ⊆ total. */
export interface HoursSplit {
  total: number
  weekday: number
  weekdayDay: number
  night: number
  saturday: number
  sunday: number
  holiday: number
}

export const CATEGORIES = ['total', 'weekdayDay', 'night', 'saturday', 'sunday', 'holiday'] as const

export const emptySplit = (): HoursSplit => ({
  total: 0,
  weekday: 0,
  weekdayDay: 0,
  night: 0,
  saturday: 0,
  sunday: 0,
  holiday: 0,
})

export const addSplits = (a: HoursSplit, b: HoursSplit): HoursSplit => ({
  total: a.total + b.total,
  weekday: a.weekday + b.weekday,
  weekdayDay: a.weekdayDay + b.weekdayDay,
  night: a.night + b.night,
  saturday: a.saturday + b.saturday,
  sunday: a.sunday + b.sunday,
  holiday: a.holiday + b.holiday,
})

type DayCategory = 'holiday' | 'sunday' | 'saturday' | 'weekday'

export function dayCategory(date: Temporal.PlainDate, holidays: ReadonlySet<string>): DayCategory {
  if (holidays.has(date.toString())) return 'holiday'
  if (date.dayOfWeek === 7) return 'sunday'
  if (date.dayOfWeek === 6) return 'saturday'
  return 'weekday'
}

/** The split of a set of intervals (assumed not to overlap each other). */
export function splitIntervals(
  intervals: readonly Interval[],
  holidays: ReadonlySet<string>,
  night: NightWindow = DEFAULT_NIGHT,
): HoursSplit {
  const nightStart = Temporal.PlainTime.from(night.start)
  const nightEnd = Temporal.PlainTime.from(night.end)
  const wraps = Temporal.PlainTime.compare(nightStart, nightEnd) > 0
  const midnight = new Temporal.PlainTime()
  const ms = { weekday: 0, saturday: 0, sunday: 0, holiday: 0, night: 0, weekdayNight: 0 }
  for (const { start, end } of intervals) {
    if (end <= start) continue
    for (let date = localDateOf(start); ; date = date.add({ days: 1 })) {
      const dayStart = localInstant(date, midnight)
      if (dayStart >= end) break
      const dayEnd = localInstant(date.add({ days: 1 }), midnight)
      const category = dayCategory(date, holidays)
      ms[category] += overlap(start, end, dayStart, dayEnd)
      const nights: Array<[number, number]> = wraps
        ? [
            [dayStart, localInstant(date, nightEnd)],
            [localInstant(date, nightStart), dayEnd],
          ]
        : [[localInstant(date, nightStart), localInstant(date, nightEnd)]]
      for (const [from, until] of nights) {
        const inNight = overlap(start, end, from, until)
        ms.night += inNight
        if (category === 'weekday') ms.weekdayNight += inNight
      }
    }
  }
  const min = (x: number) => Math.round(x / MINUTE)
  const split = {
    weekday: min(ms.weekday),
    saturday: min(ms.saturday),
    sunday: min(ms.sunday),
    holiday: min(ms.holiday),
    night: min(ms.night),
  }
  return {
    ...split,
    total: split.weekday + split.saturday + split.sunday + split.holiday,
    weekdayDay: split.weekday - min(ms.weekdayNight),
  }
}

/** The instants of a Brussels calendar month 'YYYY-MM': [first day 00:00, first day of next month 00:00). */
export function monthBounds(month: string): Interval {
  const first = Temporal.PlainYearMonth.from(month).toPlainDate({ day: 1 })
  const midnight = new Temporal.PlainTime()
  return { start: localInstant(first, midnight), end: localInstant(first.add({ months: 1 }), midnight) }
}

/** The month 'YYYY-MM' (Brussels) of an instant. */
export const monthOf = (instant: number): string => localDateOf(instant).toPlainYearMonth().toString()

/** The months (Brussels) an interval touches. */
export function monthsOf(interval: Interval): string[] {
  const months: string[] = []
  let m = Temporal.PlainYearMonth.from(monthOf(interval.start))
  const last = Temporal.PlainYearMonth.from(monthOf(Math.max(interval.start, interval.end - 1)))
  while (Temporal.PlainYearMonth.compare(m, last) <= 0) {
    months.push(m.toString())
    m = m.add({ months: 1 })
  }
  return months
}

export const clip = (intervals: readonly Interval[], bounds: Interval): Interval[] =>
  intervals
    .map((i) => ({ start: Math.max(i.start, bounds.start), end: Math.min(i.end, bounds.end) }))
    .filter((i) => i.end > i.start)

/** `intervals` minus `holes` (holes may overlap each other). */
export function subtract(intervals: readonly Interval[], holes: readonly Interval[]): Interval[] {
  const sorted = [...holes].sort((a, b) => a.start - b.start)
  const result: Interval[] = []
  for (const interval of intervals) {
    let cursor = interval.start
    for (const hole of sorted) {
      if (hole.end <= cursor || hole.start >= interval.end) continue
      if (hole.start > cursor) result.push({ start: cursor, end: hole.start })
      cursor = Math.max(cursor, hole.end)
    }
    if (cursor < interval.end) result.push({ start: cursor, end: interval.end })
  }
  return result
}

export interface MonthStatement {
  onCall: HoursSplit
  callOuts: HoursSplit
}

/** One person's month: on-call duties and call-outs cut to the month; on-call minus the call-outs. */
export function monthStatement(input: {
  month: string
  onCall: readonly Interval[]
  callOuts: readonly Interval[]
  holidays: ReadonlySet<string>
  night?: NightWindow
}): MonthStatement {
  const bounds = monthBounds(input.month)
  const callOuts = clip(input.callOuts, bounds)
  const onCall = subtract(clip(input.onCall, bounds), callOuts)
  return {
    onCall: splitIntervals(onCall, input.holidays, input.night),
    callOuts: splitIntervals(callOuts, input.holidays, input.night),
  }
}
