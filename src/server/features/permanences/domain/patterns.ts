// Shift patterns: which slots a rotation has, described in Brussels local time and expanded into
// instants. A daily 07:00 → 07:00 slot is 23 hours on the last Sunday of March and 25 hours on the last
// Sunday of October, because its end is a local time, not a duration. Start times that do not exist
// (02:30 on the spring-forward day) resolve with Temporal's 'compatible' rule: moved forward by the gap
// (03:30); ambiguous autumn times take the first occurrence. Every slot carries its hours per category
// (night, Saturday, Sunday, holiday), the inputs of the weighted load.
import { Temporal } from 'temporal-polyfill'
import { holidayDates } from '../../../platform/holidays.ts'
import { DEFAULT_NIGHT, hoursSplitter, localInstant, type NightWindow } from './hours.ts'
import type { Slot } from './types.ts'

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

export interface ShiftDefinition {
  /** Unique within the pattern; part of the slot id. */
  label: string
  /** The weekdays on which this shift starts. */
  weekdays: readonly Weekday[]
  /** Local start time, 'HH:MM'. */
  start: string
  /** Either a local end time (`days` later; by default the same day, or the next when `time` ≤ `start`),
   * or an absolute duration in minutes (then a DST change does not stretch it). */
  end: { time: string; days?: number } | { durationMinutes: number }
}

export type ShiftPattern =
  /** One slot a week, e.g. Monday 07:00 → next Monday 07:00. */
  | { kind: 'weekly'; handoffWeekday: Weekday; handoffTime: string }
  /** One slot a day, handoff to handoff. */
  | { kind: 'daily'; handoffTime: string }
  /** A day and a night slot, e.g. 07:00–19:00 and 19:00–07:00. */
  | { kind: 'day_night'; dayStart: string; nightStart: string }
  | { kind: 'custom'; shifts: readonly ShiftDefinition[] }

const EVERY_DAY: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7]

/** The pattern as a list of shift definitions. */
export function shiftsOf(pattern: ShiftPattern): readonly ShiftDefinition[] {
  switch (pattern.kind) {
    case 'weekly':
      return [
        {
          label: 'week',
          weekdays: [pattern.handoffWeekday],
          start: pattern.handoffTime,
          end: { time: pattern.handoffTime, days: 7 },
        },
      ]
    case 'daily':
      return [
        { label: 'day', weekdays: EVERY_DAY, start: pattern.handoffTime, end: { time: pattern.handoffTime, days: 1 } },
      ]
    case 'day_night':
      return [
        { label: 'day', weekdays: EVERY_DAY, start: pattern.dayStart, end: { time: pattern.nightStart } },
        { label: 'night', weekdays: EVERY_DAY, start: pattern.nightStart, end: { time: pattern.dayStart } },
      ]
    case 'custom':
      return pattern.shifts
  }
}

export interface ExpandOptions {
  /** Holiday dates (YYYY-MM-DD); default: the national days (platform/holidays.ts) of the years covered. */
  holidays?: ReadonlySet<string>
  night?: NightWindow
}

/** The slots that start on a local date in [fromDate, toDate), sorted by start then label. */
export function expandPattern(
  pattern: ShiftPattern,
  fromDate: string,
  toDate: string,
  options: ExpandOptions = {},
): Slot[] {
  const from = Temporal.PlainDate.from(fromDate)
  const to = Temporal.PlainDate.from(toDate)
  const holidays = options.holidays ?? holidayDates(from.year, to.year + 1)
  const split = hoursSplitter({ holidays, night: options.night ?? DEFAULT_NIGHT })
  const shifts = shiftsOf(pattern).map((shift) => ({ ...shift, startTime: Temporal.PlainTime.from(shift.start) }))
  const slots: Slot[] = []
  for (let date = from; Temporal.PlainDate.compare(date, to) < 0; date = date.add({ days: 1 })) {
    for (const shift of shifts) {
      if (!shift.weekdays.includes(date.dayOfWeek as Weekday)) continue
      const start = localInstant(date, shift.startTime)
      const end = endOf(shift.end, date, shift.startTime, start)
      const localDate = date.toString()
      slots.push({
        id: `${shift.label}:${localDate}`,
        label: shift.label,
        localDate,
        start,
        end,
        hours: split(start, end),
      })
    }
  }
  return slots.sort((a, b) => a.start - b.start || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
}

function endOf(end: ShiftDefinition['end'], date: Temporal.PlainDate, startTime: Temporal.PlainTime, start: number) {
  let instant: number
  if ('durationMinutes' in end) instant = start + end.durationMinutes * 60_000
  else {
    const time = Temporal.PlainTime.from(end.time)
    const days = end.days ?? (Temporal.PlainTime.compare(time, startTime) <= 0 ? 1 : 0)
    instant = localInstant(date.add({ days }), time)
  }
  // A bad pattern is the caller's input error (the service maps RangeError to a 4xx), never an empty slot.
  if (!(instant > start))
    throw new RangeError(`shift ends before it starts: ${date.toString()} ${startTime.toString()}`)
  return instant
}
