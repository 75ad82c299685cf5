// The roster calendar's layout, in Brussels time whatever the browser's zone: which local days a duty touches,
// the handoff times shown on its first and last day (DST-correct: a week from Monday 07:00 to Monday 07:00 is
// 167 or 169 hours across a change, and still 07:00 on both ends), month grids starting on Monday, and who is
// on duty at noon of each day (the year view). Pure functions, tested in calendar.test.ts.
import { brusselsDate, brusselsInstant, daysOf } from '../availability/periods.ts'

/** One position of one slot, from the duties in force or from the draft. */
export interface CalendarEntry {
  slotKey: string
  position: number
  from: string
  until: string
  pinned?: boolean
  person: {
    personId: string
    zoneId: string
    zoneCode: string
    firstName: string
    lastName: string
  } | null
}

/** How an entry shows on one day: its start time there (null: it began earlier), its end (null: it goes on). */
export interface DayPiece {
  entry: CalendarEntry
  start: string | null
  end: string | null
}

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Brussels',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** The Brussels wall time (HH:mm) of an instant. */
export const brusselsTime = (iso: string): string => timeFormat.format(new Date(iso))

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export const weekdayOf = (date: string): number => {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay()
  return day === 0 ? 7 : day
}

/** YYYY-MM of a date. */
export const monthOf = (date: string): string => date.slice(0, 7)

/** The month before or after (`delta` months). */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) + delta
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The days of a month (YYYY-MM-DD). */
export function daysOfMonth(month: string): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`)
}

/** The weeks (Monday first) that hold the month's days; days of the months either side fill the edges. */
export function monthGrid(month: string): string[][] {
  const days = daysOfMonth(month)
  const first = addDays(days[0]!, 1 - weekdayOf(days[0]!))
  const last = addDays(days.at(-1)!, 7 - weekdayOf(days.at(-1)!))
  const weeks: string[][] = []
  for (let day = first; day <= last; day = addDays(day, 7))
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(day, i)))
  return weeks
}

/** The local days the month grid shows, as the range the API reads. */
export function gridRange(month: string): { from: string; to: string } {
  const weeks = monthGrid(month)
  return { from: weeks[0]![0]!, to: weeks.at(-1)![6]! }
}

/** Every entry on every local day it touches, with its start and end time where they fall on that day. */
export function piecesByDay(entries: readonly CalendarEntry[]): Map<string, DayPiece[]> {
  const byDay = new Map<string, DayPiece[]>()
  for (const entry of entries) {
    const days = daysOf({ from: entry.from, to: entry.until })
    const first = brusselsDate(entry.from)
    const endDay = brusselsDate(entry.until)
    for (const day of days) {
      const piece: DayPiece = {
        entry,
        start: day === first ? brusselsTime(entry.from) : null,
        end: day === endDay ? brusselsTime(entry.until) : null,
      }
      const list = byDay.get(day)
      if (list) list.push(piece)
      else byDay.set(day, [piece])
    }
  }
  for (const list of byDay.values())
    list.sort((a, b) => a.entry.from.localeCompare(b.entry.from) || a.entry.position - b.entry.position)
  return byDay
}

/** Who holds each position at noon (Brussels) of a day: the year view's one cell per day. */
export function atNoon(entries: readonly CalendarEntry[], day: string): CalendarEntry[] {
  const noon = brusselsInstant(day, '12:00')
  if (!noon) return []
  const t = Date.parse(noon)
  return entries
    .filter((e) => Date.parse(e.from) <= t && t < Date.parse(e.until))
    .sort((a, b) => a.position - b.position)
}

/** Colours for the covered zones, in the rotation's order; the zone code is always shown beside them. */
const PALETTE = ['blue', 'grape', 'teal', 'orange', 'cyan', 'pink', 'indigo', 'lime'] as const
export type ZoneColor = (typeof PALETTE)[number]
export function zoneColors(zoneIds: readonly string[]): Map<string, ZoneColor> {
  return new Map(zoneIds.map((id, i) => [id, PALETTE[i % PALETTE.length]!]))
}

/** Each zone's share of the load under the key (0…1), from weights (custom) or the zones' figures. */
export function zoneShares(
  key:
    { kind: 'equal' } | { kind: 'fte' } | { kind: 'population' } | { kind: 'custom'; weights: Record<string, number> },
  zoneIds: readonly string[],
  figures: ReadonlyMap<string, { staffFte: number; population: number }>,
): Map<string, number> | null {
  const weight = (id: string): number => {
    switch (key.kind) {
      case 'equal':
        return 1
      case 'custom':
        return key.weights[id] ?? 0
      case 'fte':
        return figures.get(id)?.staffFte ?? 0
      case 'population':
        return figures.get(id)?.population ?? 0
    }
  }
  const weights = zoneIds.map((id) => [id, weight(id)] as const)
  const total = weights.reduce((sum, [, w]) => sum + w, 0)
  if (!(total > 0)) return null
  return new Map(weights.map(([id, w]) => [id, w / total]))
}

/** The draft's diff, each change named: a slot filled that was empty, emptied, or given to someone else. */
export type ChangeKind = 'added' | 'removed' | 'changed'
export const changeKind = (before: string | null, after: string | null): ChangeKind =>
  before === null ? 'added' : after === null ? 'removed' : 'changed'
