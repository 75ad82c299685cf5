// Months as the statement counts them (YYYY-MM, Brussels) and the local wall time of the call-out form.
import { brusselsDate, brusselsInstant } from '../availability/periods.ts'

export const monthOfDate = (date: string): string => date.slice(0, 7)

/** The month before or after 'YYYY-MM'. */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const d = new Date(Date.UTC(y, m - 1 + by, 1))
  return d.toISOString().slice(0, 7)
}

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Brussels',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** The Brussels date and HH:mm of an instant (what the form shows). */
export const brusselsWall = (iso: string): { date: string; time: string } => ({
  date: brusselsDate(iso),
  time: timeFormat.format(new Date(iso)),
})

/** The ISO instant of a Brussels date and HH:mm (24 h), or null when either is missing or malformed. */
export const wallInstant = (date: string | null, time: string): string | null =>
  date && /^\d{2}:\d{2}$/.test(time) ? brusselsInstant(date, time) : null

/** Minutes as hours with two decimals the Belgian way is the formatter's job; this is the number. */
export const hoursOf = (minutes: number): number => Math.round((minutes / 60) * 100) / 100
