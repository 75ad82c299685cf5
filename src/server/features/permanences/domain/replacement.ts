// Who can take over a duty (a give-away, a swap, a leave replacement), ranked by fairness. Pure: the service
// passes the candidates' other duties, absences and recent load. The hard rules are the solver's own
// (rules.ts: eligibility, absence, overlap, rest, on-call limits), checked against each candidate's timeline
// without the duty they would hand back; the ranking is by weighted load (load.ts) in the surrounding period
// per FTE, lowest first, so the same people do not always end up with the extra duty.
import { hoursSplitter, DEFAULT_NIGHT } from './hours.ts'
import { slotLoad } from './load.ts'
import { blockers, prepare } from './rules.ts'
import {
  DEFAULT_WEIGHTS,
  type BusyInterval,
  type Interval,
  type LoadWeights,
  type PersonInput,
  type Rotation,
  type RuleCode,
  type Slot,
  type WorkingTimeRules,
} from './types.ts'

/** One duty a candidate has (any rotation), with whether it counts for the load of the period. */
export interface CandidateDuty extends BusyInterval {
  /** An id of the duty: one `without` names it. */
  id: string
}

export interface TakeOverInput {
  rotation: Rotation
  /** The duty to take over, as a slot of its rotation. */
  duty: Slot
  rules?: Partial<WorkingTimeRules>
  weights?: Partial<LoadWeights>
  /** The members who could take it (anyone else is not offered it). */
  people: readonly PersonInput[]
  /** Their duties in force around the duty (every rotation). */
  duties: readonly CandidateDuty[]
  unavailability: readonly Interval[]
  /** Not offered: the person giving the duty away. */
  exclude?: readonly string[]
  /** Per person, the id of a duty that leaves their timeline when they take this one (a swap's return). */
  without?: Readonly<Record<string, string>>
  /** Belgian public holidays, 'YYYY-MM-DD', for the load's weighting. */
  holidays?: ReadonlySet<string>
}

export interface RankedCandidate {
  personId: string
  zoneId: string
  /** Weighted minutes of the candidate's duties in the period, per FTE. */
  load: number
  duties: number
}

export interface Blocked {
  personId: string
  rule: RuleCode
}

/** Every candidate that may take the duty, lowest load first (ties: fewer duties, then id), and why others may
 *  not. */
export function rankTakeOver(input: TakeOverInput): { candidates: RankedCandidate[]; blocked: Blocked[] } {
  const excluded = new Set(input.exclude ?? [])
  const people = input.people.filter((p) => !excluded.has(p.id))
  const without = input.without ?? {}
  const busy = input.duties.filter((d) => without[d.personId] !== d.id)
  const prep = prepare({
    rotation: input.rotation,
    slots: [input.duty],
    people,
    busy,
    unavailability: input.unavailability,
    ...(input.rules ? { rules: input.rules } : {}),
  })
  const duty = prep.slotDuties[0]
  if (!duty) return { candidates: [], blocked: [] }
  const split = hoursSplitter({ holidays: input.holidays ?? new Set(), night: DEFAULT_NIGHT })
  const candidates: RankedCandidate[] = []
  const blocked: Blocked[] = []
  people.forEach((person, i) => {
    const [first] = blockers(prep, i, duty, prep.busy[i] ?? [], true)
    if (first) {
      blocked.push({ personId: person.id, rule: first.rule })
      return
    }
    const own = busy.filter((d) => d.personId === person.id)
    const minutes = own.reduce(
      (sum, d) => sum + slotLoad(split(d.start, d.end), { ...DEFAULT_WEIGHTS, ...input.weights }),
      0,
    )
    const fte = person.fte !== undefined && person.fte > 0 ? person.fte : 1
    candidates.push({ personId: person.id, zoneId: person.zoneId, load: Math.round(minutes / fte), duties: own.length })
  })
  candidates.sort((a, b) => a.load - b.load || a.duties - b.duties || a.personId.localeCompare(b.personId))
  return { candidates, blocked }
}

/** Why `personId` may not take the duty (the first rule broken), or null: the same judge for one person. */
export function takeOverBlocker(input: TakeOverInput, personId: string): RuleCode | null {
  const person = input.people.find((p) => p.id === personId)
  if (!person) return 'NOT_ELIGIBLE'
  const { blocked } = rankTakeOver({ ...input, people: [person], exclude: [] })
  return blocked[0]?.rule ?? null
}
