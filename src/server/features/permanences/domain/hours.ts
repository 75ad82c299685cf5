// How many of a duty's hours fall in the night, on a Saturday, a Sunday or a public holiday, read in
// Brussels local time (DST-correct: the night of the spring change is one hour shorter). Days are cut at
// local midnight; the night window is given in local times and may wrap past midnight.
import { Temporal } from 'temporal-polyfill'
import { TIME_ZONE } from '../../../platform/time.ts'
import type { SlotHours } from './types.ts'

export interface NightWindow {
  /** Local time the night starts, 'HH:MM' (default 22:00). */
  start: string
  /** Local time the night ends, 'HH:MM' (default 06:00); before `start` means the next morning. */
  end: string
}

export const DEFAULT_NIGHT: NightWindow = { start: '22:00', end: '06:00' }

export interface HoursOptions {
  holidays: ReadonlySet<string>
  night: NightWindow
}

interface LocalDay {
  start: number
  end: number
  category: 'holiday' | 'sunday' | 'saturday' | 'weekday'
  nights: Array<[number, number]>
}

const HOUR = 3_600_000

/** The instant of a local date and time in Brussels; a time in the spring-forward gap moves forward
 * ('compatible': 02:30 → 03:30), an ambiguous autumn time takes the first (summer-time) occurrence. */
export function localInstant(date: Temporal.PlainDate, time: Temporal.PlainTime): number {
  return date.toZonedDateTime({ timeZone: TIME_ZONE, plainTime: time }).epochMilliseconds
}

/** The local date in Brussels at an instant. */
export function localDateOf(instant: number): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(TIME_ZONE).toPlainDate()
}

/** A reusable splitter: caches each local day's boundaries, so expanding a year stays cheap. */
export function hoursSplitter(options: HoursOptions): (start: number, end: number) => SlotHours {
  const nightStart = Temporal.PlainTime.from(options.night.start)
  const nightEnd = Temporal.PlainTime.from(options.night.end)
  const midnight = new Temporal.PlainTime()
  const wraps = Temporal.PlainTime.compare(nightStart, nightEnd) > 0
  const days = new Map<string, LocalDay>()

  const dayOf = (date: Temporal.PlainDate): LocalDay => {
    const key = date.toString()
    const cached = days.get(key)
    if (cached) return cached
    const next = date.add({ days: 1 })
    const start = localInstant(date, midnight)
    const end = localInstant(next, midnight)
    const category = options.holidays.has(key)
      ? 'holiday'
      : date.dayOfWeek === 7
        ? 'sunday'
        : date.dayOfWeek === 6
          ? 'saturday'
          : 'weekday'
    const nights: Array<[number, number]> = wraps
      ? [
          [start, localInstant(date, nightEnd)],
          [localInstant(date, nightStart), end],
        ]
      : [[localInstant(date, nightStart), localInstant(date, nightEnd)]]
    const day = { start, end, category, nights } satisfies LocalDay
    days.set(key, day)
    return day
  }

  return (start, end) => {
    const hours: SlotHours = { total: (end - start) / HOUR, night: 0, saturday: 0, sunday: 0, holiday: 0 }
    let date = localDateOf(start)
    for (;;) {
      const day = dayOf(date)
      if (day.start >= end) break
      const inDay = overlap(start, end, day.start, day.end)
      if (day.category !== 'weekday') hours[day.category] += inDay / HOUR
      for (const [from, until] of day.nights) hours.night += overlap(start, end, from, until) / HOUR
      date = date.add({ days: 1 })
    }
    return hours
  }
}

export function overlap(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  return Math.max(0, Math.min(aEnd, bEnd) - Math.max(aStart, bStart))
}
