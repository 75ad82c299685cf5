// Plain data in and out of the permanence domain: ids are strings, instants are epoch milliseconds (UTC),
// local dates are 'YYYY-MM-DD' and local times 'HH:MM' in Europe/Brussels. No I/O, no clock: the caller
// passes "now" (from platform/clock.ts) in the input.

import type { Rank } from '../../../platform/enums.ts'

export type { Rank }

/** on_call = bereikbaar & terugroepbaar (not worked time); present = a worked shift. */
export type DutyKind = 'on_call' | 'present'

/** Hours of a slot, split into the categories fairness and the payroll statement count. */
export interface SlotHours {
  total: number
  /** Inside the night window (22:00–06:00 by default), whatever the day. */
  night: number
  /** On a Saturday that is not a public holiday. */
  saturday: number
  /** On a Sunday that is not a public holiday. */
  sunday: number
  /** On a public holiday (a holiday on a Sunday counts here only). */
  holiday: number
}

export interface Slot {
  /** Stable within a rotation: `<shift label>:<local start date>`, e.g. 'day:2026-03-29'. */
  id: string
  label: string
  /** Local date (Brussels) on which the slot starts. */
  localDate: string
  start: number
  end: number
  hours: SlotHours
}

/** A person may take a slot when they match one clause: a rank among `ranks` and every qualification. */
export interface EligibilityClause {
  ranks: readonly Rank[]
  qualifications?: readonly string[]
}
export interface Eligibility {
  anyOf: readonly EligibilityClause[]
}

export interface ZoneInfo {
  id: string
  fte?: number
  population?: number
}

export type ZoneKey =
  | { kind: 'equal' }
  | { kind: 'fte' }
  | { kind: 'population' }
  | { kind: 'custom'; weights: Readonly<Record<string, number>> }

export interface Rotation {
  id: string
  dutyKind: DutyKind
  peoplePerSlot: number
  eligibility: Eligibility
  zones: readonly ZoneInfo[]
  zoneKey: ZoneKey
}

export interface PersonInput {
  id: string
  zoneId: string
  rank: Rank | null
  qualifications: readonly string[]
  /** Working-time share (default 1): within a zone the solver spreads load in proportion to it. */
  fte?: number
}

export interface Interval {
  personId: string
  start: number
  end: number
}

/** A duty the person already has elsewhere (another rotation, a call-out): it blocks overlaps, and
 * `work` counts as worked time for the rest rules while `on_call` counts for the on-call limits. */
export interface BusyInterval extends Interval {
  kind: 'work' | 'on_call'
  /** The rotation it belongs to: duties of the rotation being solved (e.g. before the period) count for
   * its on-call frequency limit. */
  rotationId?: string
  /** What it is, for messages (e.g. 'rotation:<id>:slot:<id>'). */
  ref?: string
}

export interface Preference extends Interval {
  kind: 'wish' | 'rather_not'
}

/** The working-time rules (RPPol, DOMAIN.md), configurable per association. */
export interface WorkingTimeRules {
  /** Rest between two work periods (present duties, call-outs), hours. */
  minRestHours: number
  /** Work in any rolling 24 hours, hours. */
  maxWorkHoursPer24h: number
  /** Work in a calendar week (Monday 00:00 to Monday 00:00, Brussels), hours. */
  maxWorkHoursPerWeek: number
  /** At least this many hours between the end of one on-call duty and the start of the next; 0 = none. */
  minHoursBetweenOnCall: number
  /** At most `maxDuties` on-call duties of this rotation starting within any `windowDays` local days (e.g.
   * one weekly duty in any 3 weeks = { maxDuties: 1, windowDays: 21 }); null = no limit. */
  onCallFrequency: { maxDuties: number; windowDays: number } | null
}

export const DEFAULT_RULES: WorkingTimeRules = {
  minRestHours: 11,
  maxWorkHoursPer24h: 10,
  maxWorkHoursPerWeek: 50,
  minHoursBetweenOnCall: 0,
  onCallFrequency: null,
}

/** Extra weight per hour in a category, on top of 1 per hour: weighted hours = total + Σ extra × hours. */
export interface LoadWeights {
  night: number
  saturday: number
  sunday: number
  holiday: number
}

export const DEFAULT_WEIGHTS: LoadWeights = { night: 0.5, saturday: 0.5, sunday: 1, holiday: 1 }

/** Soft costs of preferences, in units of an average slot's weight squared (see objective.ts). */
export interface PreferenceWeights {
  wish: number
  ratherNot: number
  /** Cost of giving a slot of the previous roster to someone else (keeps a re-solve's diff small). */
  change: number
}

export const DEFAULT_PREFERENCE_WEIGHTS: PreferenceWeights = { wish: 0.5, ratherNot: 2, change: 1 }

export interface Assignment {
  slotId: string
  personIds: readonly string[]
}

export interface RosterInput {
  rotation: Rotation
  slots: readonly Slot[]
  people: readonly PersonInput[]
  unavailability?: readonly Interval[]
  busy?: readonly BusyInterval[]
  preferences?: readonly Preference[]
  rules?: Partial<WorkingTimeRules>
  weights?: Partial<LoadWeights>
  preferenceWeights?: Partial<PreferenceWeights>
  /** The roster in force (published or draft) that a re-solve starts from. */
  previous?: readonly Assignment[]
  /** Slots the planner pinned: kept exactly as in `previous`. */
  pinned?: readonly string[]
  /** Slots starting before this instant are kept as in `previous` (the past is never rewritten). */
  now?: number
  /** Seed of the solver's pseudo-random choices (default 1). */
  seed?: number
}

/** Stable codes of the hard rules; the UI translates them, tests and the API match on them. */
export type RuleCode =
  | 'UNKNOWN_SLOT'
  | 'UNKNOWN_PERSON'
  | 'SLOT_UNDERSTAFFED'
  | 'SLOT_OVERSTAFFED'
  | 'DUPLICATE_IN_SLOT'
  | 'ZONE_NOT_COVERED'
  | 'NOT_ELIGIBLE'
  | 'UNAVAILABLE'
  | 'OVERLAP'
  | 'REST_TOO_SHORT'
  | 'WORK_PER_24H'
  | 'WORK_PER_WEEK'
  | 'ON_CALL_GAP'
  | 'ON_CALL_FREQUENCY'
  | 'LOCKED_SLOT_CHANGED'

export interface Violation {
  rule: RuleCode
  slotId: string
  /** Null for a slot-level rule (understaffed). */
  personId: string | null
  /** What the slot clashes with, when it is one other duty or absence. */
  other?: string
}
