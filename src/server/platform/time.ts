// Time, the Belgian way: instants are UTC, calendar dates are read in Europe/Brussels (DST-correct).
import { Temporal } from 'temporal-polyfill'

export const TIME_ZONE = 'Europe/Brussels'

/** The calendar date (YYYY-MM-DD) in Brussels at the given instant. */
export function brusselsDate(at: Date): string {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(TIME_ZONE).toPlainDate().toString()
}

/** Adds whole months to a date (end-of-month clamped), e.g. the end of a trial period. */
export function addMonths(date: string, months: number): string {
  return Temporal.PlainDate.from(date).add({ months }).toString()
}

/** A date plus (or minus) whole days, e.g. the horizon of a validity warning. */
export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString()
}

/** The day before a date: a period of N months starting D ends on D + N months - 1 day. */
export function dayBefore(date: string): string {
  return Temporal.PlainDate.from(date).subtract({ days: 1 }).toString()
}

/** True for a real calendar date in YYYY-MM-DD form (2024-02-30 is not). */
export function isValidDate(value: string): boolean {
  try {
    return Temporal.PlainDate.from(value, { overflow: 'reject' }).toString() === value
  } catch {
    return false
  }
}
