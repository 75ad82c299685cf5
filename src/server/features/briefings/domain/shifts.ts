// The shifts of a zone's briefing (issue 11), pure: a zone's early, late and night shifts start at Brussels
// wall-clock times (briefing_settings, by default 06:00, 14:00, 22:00); a shift of day D runs from its start on D
// to the next shift's start, the night to the next day's early start. Computed with Temporal in Europe/Brussels,
// so the nights of the clock changes last 7 h (28→29 March 2026) and 9 h (24→25 October 2026).
import { Temporal } from 'temporal-polyfill'
import { SHIFTS, type Shift } from '../../../platform/enums.ts'
import { TIME_ZONE } from '../../../platform/time.ts'

/** The start times of a zone's shifts, 'HH:MM' (seconds allowed), early < late < night. */
export interface ShiftTimes {
  early: string
  late: string
  night: string
}

export const DEFAULT_SHIFT_TIMES: ShiftTimes = { early: '06:00', late: '14:00', night: '22:00' }

/** A half-open period [from, to) of instants, in epoch milliseconds. */
export interface Period {
  from: number
  to: number
}

/** The instant of a Brussels wall-clock time on a date (a time skipped by DST moves forward, as Temporal does). */
function at(date: string, time: string): number {
  return Temporal.PlainDate.from(date)
    .toZonedDateTime({ timeZone: TIME_ZONE, plainTime: Temporal.PlainTime.from(time) })
    .toInstant().epochMilliseconds
}

const nextDay = (date: string): string => Temporal.PlainDate.from(date).add({ days: 1 }).toString()
const previousDay = (date: string): string => Temporal.PlainDate.from(date).subtract({ days: 1 }).toString()

/** The period of one shift of day `date`. */
export function shiftPeriod(date: string, shift: Shift, times: ShiftTimes): Period {
  switch (shift) {
    case 'early':
      return { from: at(date, times.early), to: at(date, times.late) }
    case 'late':
      return { from: at(date, times.late), to: at(date, times.night) }
    case 'night':
      return { from: at(date, times.night), to: at(nextDay(date), times.early) }
  }
}

/** The shift (and its day) that contains an instant: before the early start it is the previous day's night. */
export function currentShift(instant: number, times: ShiftTimes): { date: string; shift: Shift; period: Period } {
  const date = Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(TIME_ZONE).toPlainDate().toString()
  for (const [day, shift] of [[previousDay(date), 'night'], ...SHIFTS.map((s) => [date, s] as const)] as const) {
    const period = shiftPeriod(day, shift, times)
    if (period.from <= instant && instant < period.to) return { date: day, shift, period }
  }
  // Unreachable with early < late < night: the four periods cover the whole Brussels day without gaps.
  throw new Error(`no shift contains ${new Date(instant).toISOString()}`)
}

/** True when an item valid over `valid` and shown in `shifts` belongs to the briefing of `shift` over `period`. */
export function showsIn(item: { valid: Period; shifts: readonly string[] }, shift: Shift, period: Period): boolean {
  return item.shifts.includes(shift) && item.valid.from < period.to && period.from < item.valid.to
}

/** 'HH:MM' of a time column ('06:00:00' → '06:00'). */
export const hhmm = (time: string): string => time.slice(0, 5)
