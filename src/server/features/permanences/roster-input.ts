// Builds the solver's RosterInput from what the database holds (pure): the rotation's set-up, its slots over
// the period, its members (a member only for part of the period is unavailable outside it), their leave and
// preferences, their duties in other rotations and their call-outs (worked time), and the duties in force of this rotation as the previous roster.
import { Temporal } from 'temporal-polyfill'
import { TIME_ZONE } from '../../platform/time.ts'
import { expandPattern } from './domain/patterns.ts'
import type { Interval, RosterInput, Slot } from './domain/types.ts'
import type { DutyRow } from './roster-repository.ts'
import type { Rotation } from './schema.ts'

export interface MemberInput {
  person_id: string
  zone_id: string
  rank: RosterInput['people'][number]['rank']
  qualifications: string[] | null
  fte: number
  from: string
  to: string | null
}

export interface InputRows {
  rotation: Rotation
  /** Zone figures: FTE and population per zone id. */
  figures: ReadonlyMap<string, { fte: number; population: number }>
  from: string
  /** Inclusive last local date. */
  to: string
  members: readonly MemberInput[]
  unavailability: readonly { person_id: string; start: Date; end: Date }[]
  preferences: readonly { person_id: string; start: Date; end: Date; preference: 'wish' | 'rather_not' }[]
  busy: readonly DutyRow[]
  /** callouts (issue 8): the members' call-outs (wachtoproep) near the period: worked time for the rest rules. */
  callOuts?: readonly { id: string; person_id: string; start: Date; end: Date }[]
  /** This rotation's duties in force from some weeks before the period to its end. */
  inForce: readonly DutyRow[]
  now: Date
}

/** Midnight (Brussels) at the start of a local date, in epoch ms. */
export const localMidnight = (date: string): number =>
  Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: TIME_ZONE }).epochMilliseconds

export const nextDay = (date: string): string => Temporal.PlainDate.from(date).add({ days: 1 }).toString()

export const slotsOf = (rotation: Rotation, from: string, to: string): Slot[] =>
  expandPattern(rotation.pattern, from, nextDay(to))

export function buildRosterInput(rows: InputRows): { input: RosterInput; slots: Slot[] } {
  const { rotation } = rows
  const slots = slotsOf(rotation, rows.from, rows.to)
  const start = slots[0]?.start ?? localMidnight(rows.from)
  const end = slots.reduce((max, s) => Math.max(max, s.end), localMidnight(nextDay(rows.to)))
  const outside: Interval[] = rows.members.flatMap((m) => [
    ...(localMidnight(m.from) > start ? [{ personId: m.person_id, start, end: localMidnight(m.from) }] : []),
    ...(m.to !== null && localMidnight(nextDay(m.to)) < end
      ? [{ personId: m.person_id, start: localMidnight(nextDay(m.to)), end }]
      : []),
  ])
  const slotIds = new Set(slots.map((s) => s.id))
  const previous = new Map<string, string[]>()
  for (const d of rows.inForce) {
    if (!slotIds.has(d.slot_key)) continue
    previous.set(d.slot_key, [...(previous.get(d.slot_key) ?? []), d.person_id])
  }
  const before = rows.inForce.filter((d) => !slotIds.has(d.slot_key) && d.end.getTime() <= start)
  const input: RosterInput = {
    rotation: {
      id: rotation.id,
      dutyKind: rotation.dutyKind,
      peoplePerSlot: rotation.peoplePerSlot,
      eligibility: rotation.eligibility,
      zones: rotation.zones.map((z) => ({
        id: z.zoneId,
        fte: rows.figures.get(z.zoneId)?.fte ?? 0,
        population: rows.figures.get(z.zoneId)?.population ?? 0,
      })),
      zoneKey: rotation.zoneKey,
    },
    slots,
    people: rows.members.map((m) => ({
      id: m.person_id,
      zoneId: m.zone_id,
      rank: m.rank,
      qualifications: m.qualifications ?? [],
      fte: m.fte > 0 ? m.fte : 1,
    })),
    unavailability: [
      ...rows.unavailability.map((u) => ({ personId: u.person_id, start: u.start.getTime(), end: u.end.getTime() })),
      ...outside,
    ],
    preferences: rows.preferences.map((p) => ({
      personId: p.person_id,
      start: p.start.getTime(),
      end: p.end.getTime(),
      kind: p.preference,
    })),
    busy: [
      ...rows.busy.map((d) => ({
        personId: d.person_id,
        start: d.start.getTime(),
        end: d.end.getTime(),
        kind: d.duty_kind === 'present' ? ('work' as const) : ('on_call' as const),
        rotationId: d.rotation_id,
        ref: `rotation:${d.rotation_id}:slot:${d.slot_key}`,
      })),
      ...before.map((d) => ({
        personId: d.person_id,
        start: d.start.getTime(),
        end: d.end.getTime(),
        kind: d.duty_kind === 'present' ? ('work' as const) : ('on_call' as const),
        rotationId: d.rotation_id,
        ref: `rotation:${d.rotation_id}:slot:${d.slot_key}`,
      })),
      ...(rows.callOuts ?? []).map((c) => ({
        personId: c.person_id,
        start: c.start.getTime(),
        end: c.end.getTime(),
        kind: 'work' as const,
        ref: `call_out:${c.id}`,
      })),
    ],
    rules: rotation.rules,
    weights: rotation.weights,
    previous: [...previous].map(([slotId, personIds]) => ({ slotId, personIds })),
    pinned: [...new Set(rows.inForce.filter((d) => d.pinned).map((d) => d.slot_key))],
    now: rows.now.getTime(),
    seed: 1,
  }
  return { input, slots }
}
