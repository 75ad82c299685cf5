// Which upcoming present duties of a person break the working-time rules BECAUSE of their call-outs (pure).
// A call-out is worked time: after a night recall the rest before the next present shift may be shorter than
// 11 hours, or the day or week may hold too much work. The rules are the roster's own (permanences/domain/rules.ts,
// each duty's rotation's configuration); each present duty is checked against the person's other duties with and
// without the call-outs, and only the rules broken with them and not without are reported.
import { CALLOUT_RULE_WARNINGS, type CallOutRuleWarning } from '../../platform/enums.ts'
import { localDateOf } from '../permanences/domain/hours.ts'
import { blockers, prepare } from '../permanences/domain/rules.ts'
import type { BusyInterval, RosterInput, WorkingTimeRules } from '../permanences/domain/types.ts'

export interface TimelineDuty {
  id: string
  rotationId: string
  start: number
  end: number
  kind: 'on_call' | 'present'
  /** The rotation's working-time rules (the association's configuration). */
  rules: Partial<WorkingTimeRules>
}

export interface CallOutInterval {
  id: string
  start: number
  end: number
}

export interface RestWarning {
  dutyId: string
  rules: CallOutRuleWarning[]
}

const isWarning = (rule: string): rule is CallOutRuleWarning =>
  (CALLOUT_RULE_WARNINGS as readonly string[]).includes(rule)

function brokenRules(
  person: { id: string; zoneId: string },
  duty: TimelineDuty,
  busy: readonly BusyInterval[],
): Set<CallOutRuleWarning> {
  const input: RosterInput = {
    rotation: {
      id: duty.rotationId,
      dutyKind: 'present',
      peoplePerSlot: 1,
      eligibility: { anyOf: [] },
      zones: [{ id: person.zoneId }],
      zoneKey: { kind: 'equal' },
    },
    slots: [
      {
        id: 'checked',
        label: 'checked',
        localDate: localDateOf(duty.start).toString(),
        start: duty.start,
        end: duty.end,
        hours: { total: 0, night: 0, saturday: 0, sunday: 0, holiday: 0 },
      },
    ],
    people: [{ id: person.id, zoneId: person.zoneId, rank: null, qualifications: [] }],
    busy,
    rules: duty.rules,
  }
  const prep = prepare(input)
  const slotDuty = prep.slotDuties[0]
  if (!slotDuty) return new Set()
  // Eligibility is not the question here (NOT_ELIGIBLE is dropped): only the working-time rules are.
  return new Set(
    blockers(prep, 0, slotDuty, prep.busy[0] ?? [])
      .map((b) => b.rule)
      .filter(isWarning),
  )
}

/** The upcoming present duties (`upcoming`) the call-outs make break a rule, given the person's `duties`. */
export function restWarnings(input: {
  person: { id: string; zoneId: string }
  upcoming: readonly TimelineDuty[]
  duties: readonly TimelineDuty[]
  callOuts: readonly CallOutInterval[]
}): RestWarning[] {
  const warnings: RestWarning[] = []
  for (const duty of input.upcoming) {
    if (duty.kind !== 'present') continue
    const others: BusyInterval[] = input.duties
      .filter((d) => d.id !== duty.id)
      .map((d) => ({
        personId: input.person.id,
        start: d.start,
        end: d.end,
        kind: d.kind === 'present' ? 'work' : 'on_call',
        rotationId: d.rotationId,
        ref: `duty:${d.id}`,
      }))
    const callOuts: BusyInterval[] = input.callOuts.map((c) => ({
      personId: input.person.id,
      start: c.start,
      end: c.end,
      kind: 'work',
      ref: `call_out:${c.id}`,
    }))
    const without = brokenRules(input.person, duty, others)
    const withCallOuts = brokenRules(input.person, duty, [...others, ...callOuts])
    const rules = CALLOUT_RULE_WARNINGS.filter((r) => withCallOuts.has(r) && !without.has(r))
    if (rules.length > 0) warnings.push({ dutyId: duty.id, rules })
  }
  return warnings
}
