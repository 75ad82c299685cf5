// The hard rules, as one function the checker and the solver share: may this person take this duty,
// given everything else on their timeline? A timeline is a person's duties sorted by start: duties in
// other rotations and call-outs (`busy`), plus the slots of this roster assigned to them.
import { Temporal } from 'temporal-polyfill'
import { localDateOf, localInstant, overlap } from './hours.ts'
import { ineligibility } from './eligibility.ts'
import { DEFAULT_RULES, type RosterInput, type RuleCode, type Slot, type WorkingTimeRules } from './types.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR

export interface Duty {
  start: number
  end: number
  kind: 'work' | 'on_call'
  /** Local start date as days since 1970-01-01 (for the on-call frequency, counted in local days). */
  startDay: number
  /** The calendar weeks (Brussels, Monday 00:00) the duty touches, as [start, end) instants. */
  weeks: ReadonlyArray<readonly [number, number]>
  /** Index of the slot in the roster, or -1 for a duty elsewhere. */
  slot: number
  /** A duty of this rotation (a slot of the roster, or a busy duty tagged with the rotation's id). */
  sameRotation: boolean
  ref: string
}

export interface Blocker {
  rule: RuleCode
  other?: string
}

export interface Prepared {
  input: RosterInput
  rules: WorkingTimeRules
  slotIndex: Map<string, number>
  personIndex: Map<string, number>
  /** Per slot, the duty it is for whoever takes it. */
  slotDuties: Duty[]
  /** Per person: why they can never take a slot of this rotation, or null. */
  ineligible: Array<RuleCode | null>
  unavailable: Array<Array<{ start: number; end: number; ref: string }>>
  /** Per person: duties outside this roster, sorted by start. */
  busy: Duty[][]
  /** How far from a duty another duty can still matter to a rule. */
  reach: number
  longest: number
}

export function prepare(input: RosterInput): Prepared {
  const rules = { ...DEFAULT_RULES, ...input.rules }
  const weeks = weekCache()
  const kind = input.rotation.dutyKind === 'present' ? 'work' : 'on_call'
  const slotDuties = input.slots.map((slot: Slot, i): Duty => ({
    start: slot.start,
    end: slot.end,
    kind,
    startDay: epochDay(Temporal.PlainDate.from(slot.localDate)),
    weeks: kind === 'work' ? weeks(slot.start, slot.end) : [],
    slot: i,
    sameRotation: true,
    ref: `slot:${slot.id}`,
  }))
  const personIndex = new Map(input.people.map((p, i) => [p.id, i]))
  const unavailable = input.people.map(() => [] as Prepared['unavailable'][number])
  for (const u of input.unavailability ?? []) {
    const i = personIndex.get(u.personId)
    if (i !== undefined) unavailable[i]?.push({ start: u.start, end: u.end, ref: 'unavailable' })
  }
  const busy = input.people.map(() => [] as Duty[])
  for (const b of input.busy ?? []) {
    const i = personIndex.get(b.personId)
    if (i === undefined) continue
    busy[i]?.push({
      start: b.start,
      end: b.end,
      kind: b.kind,
      startDay: epochDay(localDateOf(b.start)),
      weeks: b.kind === 'work' ? weeks(b.start, b.end) : [],
      slot: -1,
      sameRotation: b.rotationId === input.rotation.id,
      ref: b.ref ?? 'busy',
    })
  }
  for (const list of busy) list.sort((a, b) => a.start - b.start)
  const allDuties = [...slotDuties, ...busy.flat()]
  const longest = allDuties.reduce((m, d) => Math.max(m, d.end - d.start), 0)
  const reach = Math.max(
    8 * DAY,
    rules.minRestHours * HOUR,
    rules.minHoursBetweenOnCall * HOUR,
    ((rules.onCallFrequency?.windowDays ?? 0) + 1) * DAY,
  )
  return {
    input,
    rules,
    slotIndex: new Map(input.slots.map((s, i) => [s.id, i])),
    personIndex,
    slotDuties,
    ineligible: input.people.map((p) => ineligibility(input.rotation, p)),
    unavailable,
    busy,
    reach,
    longest,
  }
}

/** Everything that forbids `person` to take `duty` next to `timeline` (which must not contain it);
 * with `firstOnly`, stops at the first rule broken (the solver's fast path). */
export function blockers(prep: Prepared, person: number, duty: Duty, timeline: readonly Duty[], firstOnly = false) {
  const found: Blocker[] = []
  const add = (rule: RuleCode, other?: string) => {
    found.push(other === undefined ? { rule } : { rule, other })
    return firstOnly
  }
  const never = prep.ineligible[person]
  if (never && add(never)) return found
  for (const u of prep.unavailable[person] ?? []) {
    if (u.start < duty.end && u.end > duty.start && add('UNAVAILABLE', u.ref)) return found
  }
  const { rules } = prep
  const near: Duty[] = []
  for (let i = firstFrom(timeline, duty.start - prep.reach - prep.longest); i < timeline.length; i++) {
    const t = timeline[i]
    if (!t || t.start >= duty.end + prep.reach) break
    if (t.end > duty.start - prep.reach) near.push(t)
  }
  for (const t of near) {
    const gap = Math.max(t.start - duty.end, duty.start - t.end)
    if (gap < 0) {
      if (add('OVERLAP', t.ref)) return found
    } else if (duty.kind === 'work' && t.kind === 'work') {
      if (gap < rules.minRestHours * HOUR && add('REST_TOO_SHORT', t.ref)) return found
    } else if (duty.kind === 'on_call' && t.kind === 'on_call') {
      if (gap < rules.minHoursBetweenOnCall * HOUR && add('ON_CALL_GAP', t.ref)) return found
    }
  }
  if (duty.kind === 'work') {
    const work = near.filter((t) => t.kind === 'work')
    if (maxWorkIn24h(duty, work) > rules.maxWorkHoursPer24h * HOUR && add('WORK_PER_24H')) return found
    for (const [from, until] of duty.weeks) {
      let sum = overlap(duty.start, duty.end, from, until)
      for (const t of work) sum += overlap(t.start, t.end, from, until)
      if (sum > rules.maxWorkHoursPerWeek * HOUR && add('WORK_PER_WEEK')) return found
    }
  } else if (rules.onCallFrequency) {
    const { maxDuties, windowDays } = rules.onCallFrequency
    // Counted within the rotation: "one week in any three" is a rotation's rhythm, not a cap across all.
    const days = near.filter((t) => t.kind === 'on_call' && t.sameRotation).map((t) => t.startDay)
    for (const first of [duty.startDay, ...days]) {
      if (first > duty.startDay || first <= duty.startDay - windowDays) continue
      const count = 1 + days.filter((d) => d >= first && d < first + windowDays).length
      if (count > maxDuties) {
        add('ON_CALL_FREQUENCY')
        break
      }
    }
  }
  return found
}

/** The most work in any 24-hour window that contains part of `duty`: the maximum is reached at a window
 * starting where some duty starts, or ending where some duty ends. */
function maxWorkIn24h(duty: Duty, work: readonly Duty[]): number {
  const all = [duty, ...work]
  let best = 0
  for (const d of all) {
    for (const from of [d.start, d.end - DAY]) {
      if (from >= duty.end || from + DAY <= duty.start) continue
      let sum = 0
      for (const t of all) sum += overlap(t.start, t.end, from, from + DAY)
      best = Math.max(best, sum)
    }
  }
  return best
}

/** Index of the first duty starting at or after `at` (binary search on the sorted timeline). */
export function firstFrom(timeline: readonly Duty[], at: number): number {
  let lo = 0
  let hi = timeline.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((timeline[mid]?.start ?? 0) < at) lo = mid + 1
    else hi = mid
  }
  return lo
}

export function insertDuty(timeline: Duty[], duty: Duty): void {
  timeline.splice(firstFrom(timeline, duty.start), 0, duty)
}

export function removeDuty(timeline: Duty[], duty: Duty): void {
  const i = timeline.indexOf(duty, Math.max(0, firstFrom(timeline, duty.start)))
  if (i >= 0) timeline.splice(i, 1)
}

function epochDay(date: Temporal.PlainDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / DAY
}

/** The calendar weeks an interval touches, cached by their Monday. */
function weekCache() {
  const cache = new Map<string, readonly [number, number]>()
  return (start: number, end: number): Array<readonly [number, number]> => {
    const result: Array<readonly [number, number]> = []
    let monday = localDateOf(start)
    monday = monday.subtract({ days: monday.dayOfWeek - 1 })
    for (;;) {
      const key = monday.toString()
      let week = cache.get(key)
      if (!week) {
        const midnight = new Temporal.PlainTime()
        week = [localInstant(monday, midnight), localInstant(monday.add({ days: 7 }), midnight)] as const
        cache.set(key, week)
      }
      if (week[0] >= end) break
      result.push(week)
      monday = monday.add({ days: 7 })
    }
    return result
  }
}
