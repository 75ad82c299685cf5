// What the availability form sends, and what the month view marks, in Brussels time whatever the browser's
// zone: whole days go to the server as dates (it converts them, DST-correct); a from–to in hours becomes two
// instants computed here from the Brussels wall time. Pure functions, tested in periods.test.ts.

const TIME_ZONE = 'Europe/Brussels'

const offsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' })

/** Brussels' offset from UTC at an instant, in minutes (60 in winter, 120 in summer). */
function offsetMinutes(epochMs: number): number {
  const name = offsetFormat.formatToParts(new Date(epochMs)).find((p) => p.type === 'timeZoneName')?.value ?? ''
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name)
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0
}

/**
 * The instant of a Brussels wall time (date YYYY-MM-DD, time HH:mm), as an ISO string. A time the spring change
 * skips is read as after the change (02:30 → 03:30); one the autumn change repeats, as the first (summer) one.
 */
export function brusselsInstant(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const t = /^(\d{2}):(\d{2})$/.exec(time)
  if (!d || !t) return null
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]))
  const before = wall - offsetMinutes(wall - 12 * 3_600_000) * 60_000
  const after = wall - offsetMinutes(wall + 12 * 3_600_000) * 60_000
  // The offset that holds at the candidate instant is the right one; in a repeated hour both hold (take summer).
  const fits = (epoch: number) => epoch + offsetMinutes(epoch) * 60_000 === wall
  const chosen = [Math.min(before, after), Math.max(before, after)].find(fits) ?? Math.max(before, after)
  return new Date(chosen).toISOString()
}

export interface PeriodForm {
  wholeDays: boolean
  fromDate: string | null
  toDate: string | null
  fromTime: string
  toTime: string
}

/** The `from` and `to` the API takes, or null while the form is incomplete. */
export function periodInput(form: PeriodForm): { from: string; to: string } | null {
  if (!form.fromDate || !form.toDate) return null
  if (form.wholeDays) return { from: form.fromDate, to: form.toDate }
  const from = brusselsInstant(form.fromDate, form.fromTime)
  const to = brusselsInstant(form.toDate, form.toTime)
  return from && to ? { from, to } : null
}

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The Brussels date (YYYY-MM-DD) of an instant. */
export const brusselsDate = (iso: string): string => dayFormat.format(new Date(iso))

/** Every Brussels date an entry [from, to) touches (to exclusive), at most `limit` days. */
export function daysOf(entry: { from: string; to: string }, limit = 800): string[] {
  const first = brusselsDate(entry.from)
  const last = brusselsDate(new Date(new Date(entry.to).getTime() - 1).toISOString())
  const days: string[] = []
  // Noon UTC steps never skip or repeat a calendar day, DST or not.
  for (let t = Date.parse(`${first}T12:00:00Z`); days.length < limit; t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10)
    if (day > last) break
    days.push(day)
  }
  return days
}
