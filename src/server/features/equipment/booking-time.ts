// Instants of bookings as Brussels dates and times (notifications, visibility reasons).
import { Temporal } from 'temporal-polyfill'
import { brusselsDate, TIME_ZONE } from '../../platform/time.ts'

/** 2026-03-02T09:00:00Z → "02/03/2026 10:00" (Belgian usage, 24 h). */
export function brusselsDateTime(at: Date | string): string {
  const z = Temporal.Instant.fromEpochMilliseconds(new Date(at).getTime()).toZonedDateTimeISO(TIME_ZONE)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${two(z.day)}/${two(z.month)}/${z.year} ${two(z.hour)}:${two(z.minute)}`
}

/** The Brussels day an exclusive end falls in (an end at midnight belongs to the day before). */
export const lastBrusselsDay = (toMs: number): string => brusselsDate(new Date(toMs - 1))
