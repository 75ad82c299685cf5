// checkRoster: every hard rule broken by a roster, each violation naming the slot, the person and the
// rule (stable codes). A clash between two slots of the roster is reported from both sides. Used by the
// solver's tests as the independent judge, and by the service before a planner publishes an edited roster.
import { blockers, insertDuty, prepare, removeDuty, type Duty, type Prepared } from './rules.ts'
import type { Assignment, RosterInput, Violation } from './types.ts'

/** Slots kept exactly as in `previous`: pinned ones, and those that started before `now`. */
export function lockedSlots(input: RosterInput): Set<string> {
  const locked = new Set(input.pinned ?? [])
  if (input.now !== undefined) {
    for (const slot of input.slots) if (slot.start < input.now) locked.add(slot.id)
  }
  return locked
}

export function checkRoster(input: RosterInput, assignments: readonly Assignment[]): Violation[] {
  const prep = prepare(input)
  return checkPrepared(prep, assignments)
}

export function checkPrepared(prep: Prepared, assignments: readonly Assignment[]): Violation[] {
  const { input } = prep
  const violations: Violation[] = []
  const timelines = prep.busy.map((list) => [...list])
  const placed: Array<{ slotId: string; personId: string; person: number; duty: Duty }> = []
  const staffed = new Map<string, number>()
  for (const assignment of assignments) {
    const slot = prep.slotIndex.get(assignment.slotId)
    if (slot === undefined) {
      violations.push({ rule: 'UNKNOWN_SLOT', slotId: assignment.slotId, personId: null })
      continue
    }
    const seen = new Set<string>()
    for (const personId of assignment.personIds) {
      const person = prep.personIndex.get(personId)
      if (person === undefined) {
        violations.push({ rule: 'UNKNOWN_PERSON', slotId: assignment.slotId, personId })
        continue
      }
      if (seen.has(personId)) {
        violations.push({ rule: 'DUPLICATE_IN_SLOT', slotId: assignment.slotId, personId })
        continue
      }
      seen.add(personId)
      const duty = prep.slotDuties[slot]
      if (!duty) continue
      insertDuty(timelines[person] ?? [], duty)
      placed.push({ slotId: assignment.slotId, personId, person, duty })
    }
    staffed.set(assignment.slotId, (staffed.get(assignment.slotId) ?? 0) + seen.size)
  }
  for (const { slotId, personId, person, duty } of placed) {
    const timeline = timelines[person] ?? []
    removeDuty(timeline, duty)
    for (const b of blockers(prep, person, duty, timeline))
      violations.push({ rule: b.rule, slotId, personId, ...(b.other ? { other: b.other } : {}) })
    insertDuty(timeline, duty)
  }
  const wanted = input.rotation.peoplePerSlot
  for (const slot of input.slots) {
    const count = staffed.get(slot.id) ?? 0
    if (count < wanted) violations.push({ rule: 'SLOT_UNDERSTAFFED', slotId: slot.id, personId: null })
    if (count > wanted) violations.push({ rule: 'SLOT_OVERSTAFFED', slotId: slot.id, personId: null })
  }
  const previous = new Map((input.previous ?? []).map((a) => [a.slotId, a.personIds]))
  const now = new Map(assignments.map((a) => [a.slotId, a.personIds]))
  for (const slotId of lockedSlots(input)) {
    if (!sameSet(previous.get(slotId) ?? [], now.get(slotId) ?? [])) {
      violations.push({ rule: 'LOCKED_SLOT_CHANGED', slotId, personId: null })
    }
  }
  return violations
}

export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x))
}
