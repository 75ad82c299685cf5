// Availability periods, pure: what a person typed (whole days, or from–to instants) becomes a half-open
// period of instants [start, end), DST-correct in Europe/Brussels; and back, a period that starts and ends at a
// Brussels midnight is shown as whole days. No I/O.
import { Temporal } from 'temporal-polyfill'
import { AppError } from '../../platform/errors.ts'
import { TIME_ZONE } from '../../platform/time.ts'

/** A period of instants, half-open: [start, end). */
export interface Period {
  start: Date
  end: Date
}

/** The longest period one entry may span: two years (a longer absence is split, and a typo of a year is caught). */
export const MAX_PERIOD_YEARS = 2

const DATE = /^\d{4}-\d{2}-\d{2}$/

const plainDate = (value: string): Temporal.PlainDate | null => {
  try {
    const d = Temporal.PlainDate.from(value, { overflow: 'reject' })
    return d.toString() === value ? d : null
  } catch {
    return null
  }
}

const instant = (value: string): Temporal.Instant | null => {
  try {
    return Temporal.Instant.from(value)
  } catch {
    return null
  }
}

/** The Brussels midnight that starts `date`, as an instant (23 or 25 hours apart around DST changes). */
const startOfDay = (date: Temporal.PlainDate): Temporal.Instant =>
  date.toZonedDateTime({ timeZone: TIME_ZONE }).toInstant()

const toDate = (i: Temporal.Instant): Date => new Date(i.epochMilliseconds)
const fromDate = (d: Date): Temporal.Instant => Temporal.Instant.fromEpochMilliseconds(d.getTime())

/**
 * The period of what was typed: two dates YYYY-MM-DD (the first and the LAST day, inclusive: from the start of
 * `from` to the start of the day after `to`, in Brussels), or two instants with an offset (end exclusive).
 * Throws AVAILABILITY_PERIOD_INVALID for a mix, a malformed value or an end not after the start, and
 * AVAILABILITY_PERIOD_TOO_LONG past two years.
 */
export function periodOf(from: string, to: string): Period {
  let start: Temporal.Instant | null
  let end: Temporal.Instant | null
  let fromDay: Temporal.PlainDate | null = null
  if (DATE.test(from) && DATE.test(to)) {
    fromDay = plainDate(from)
    const toDay = plainDate(to)
    start = fromDay && startOfDay(fromDay)
    end = toDay && startOfDay(toDay.add({ days: 1 }))
  } else if (!DATE.test(from) && !DATE.test(to)) {
    start = instant(from)
    end = instant(to)
  } else throw new AppError('AVAILABILITY_PERIOD_INVALID', { reason: 'mixed' })
  if (!start || !end) throw new AppError('AVAILABILITY_PERIOD_INVALID', { reason: 'malformed' })
  if (Temporal.Instant.compare(end, start) <= 0) throw new AppError('AVAILABILITY_PERIOD_INVALID', { reason: 'order' })
  const startDay = fromDay ?? start.toZonedDateTimeISO(TIME_ZONE).toPlainDate()
  const limit = startOfDay(startDay.add({ years: MAX_PERIOD_YEARS }))
  if (Temporal.Instant.compare(end, limit) > 0)
    throw new AppError('AVAILABILITY_PERIOD_TOO_LONG', { maxYears: MAX_PERIOD_YEARS })
  return { start: toDate(start), end: toDate(end) }
}

/** The whole Brussels days a period covers ({ from, to } inclusive), or null when it does not start and end at
 *  a Brussels midnight. */
export function wholeDaysOf(period: Period): { from: string; to: string } | null {
  const start = fromDate(period.start).toZonedDateTimeISO(TIME_ZONE)
  const end = fromDate(period.end).toZonedDateTimeISO(TIME_ZONE)
  const midnight = (z: Temporal.ZonedDateTime) =>
    z.hour === 0 && z.minute === 0 && z.second === 0 && z.millisecond === 0
  if (!midnight(start) || !midnight(end)) return null
  return { from: start.toPlainDate().toString(), to: end.toPlainDate().subtract({ days: 1 }).toString() }
}

/** The Brussels days of a query ({ from, to } inclusive, either open) as the instants that bound them. */
export function windowOf(from: string | undefined, to: string | undefined): { start: Date | null; end: Date | null } {
  const parse = (value: string | undefined): Temporal.PlainDate | null => {
    if (value === undefined) return null
    const d = plainDate(value)
    if (!d) throw new AppError('AVAILABILITY_PERIOD_INVALID', { reason: 'malformed' })
    return d
  }
  const first = parse(from)
  const last = parse(to)
  if (first && last && Temporal.PlainDate.compare(last, first) < 0)
    throw new AppError('AVAILABILITY_PERIOD_INVALID', { reason: 'order' })
  return {
    start: first ? toDate(startOfDay(first)) : null,
    end: last ? toDate(startOfDay(last.add({ days: 1 }))) : null,
  }
}
