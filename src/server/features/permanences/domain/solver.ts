// solveRoster: assigns every slot of a rotation so that all hard rules hold, the zones share the weighted
// load as the zone key says, and within a zone the load is spread evenly.
//
// The algorithm, in four phases over one state (state.ts):
// 1. Keep: locked slots (pinned, or started before `now`) get exactly their previous holders, even if a
//    rule is now broken there (those are reported in `keptViolations`, never changed).
// 2. Warm start: in a re-solve, each future slot first gets its previous holders back when they still
//    satisfy every rule; a soft "change" cost in the objective keeps the diff small later on.
// 3. Greedy construction: the remaining positions, scarce slots first (at most twice as many people who
//    could take them as it needs), then in time order (a rotation then cycles naturally: with "one week in
//    any three" and three people, time order finds the cycle where heavy-first orders get stuck). Each goes to the feasible person whose taking it lowers the objective most:
//    that is the zone furthest below its target, then the least-loaded person in it; ties go to whoever's
//    nearest duty is furthest away, then to a seeded random order. A position nobody can take triggers a
//    repair (one ejection step): a candidate's nearby duties of this solve are lifted, the slot given to
//    them, and the lifted duties re-placed; if any cannot be, everything is rolled back.
// 4. Local search: hill climbing with two moves, "give this position to someone else" (best feasible
//    candidate) and "swap two positions between two people" (best of a seeded sample), accepted only when
//    every rule still holds and the objective strictly drops. It stops after an iteration budget that
//    depends only on the input (so the result is deterministic for an input and seed), after a long run
//    without improvement, or at the time limit (`timedOut`: then the result may depend on machine speed).
//    Positions still empty then get one more construction-and-repair attempt. The time limit bounds the
//    search only: construction always completes (tens of milliseconds for a year of slots).
//
// Guarantees: every position the solver fills satisfies every hard rule (checkRoster finds nothing outside
// locked slots); a position it cannot fill is listed in `unfilled` with the rules that blocked each person,
// never filled in breach of a rule. Zone shares: the objective weighs a zone's distance to its target 50×
// more than the spread within a zone, so zones end up within one slot's load of their integer targets
// whenever the rules and availability allow it (`stats.zones` shows the outcome).
import { checkPrepared, lockedSlots, sameSet } from './check.ts'
import { blockers, prepare } from './rules.ts'
import { mulberry32, shuffle } from './random.ts'
import { bestCandidate, kick, repair, restore, tryMove, trySwap } from './search.ts'
import { canTake, createState, objectiveValue, place, type State } from './state.ts'
import type { Assignment, RosterInput, RuleCode, Violation } from './types.ts'

export interface SolveOptions {
  timeLimitMs?: number
  onProgress?: (fraction: number) => void
  /** Local-search iterations per slot position (default 40). */
  effort?: number
}

export interface Unfilled {
  slotId: string
  missing: number
  /** How many people each rule kept from the slot, most first. */
  blockedBy: Array<{ rule: RuleCode; people: number }>
}

export interface SolveResult {
  assignments: Assignment[]
  unfilled: Unfilled[]
  keptViolations: Violation[]
  diff: Array<{ slotId: string; before: string[]; after: string[] }>
  stats: {
    zones: Array<{ zoneId: string; target: number; load: number; deviation: number }>
    maxZoneDeviation: number
    maxSlotLoad: number
    people: Array<{ personId: string; zoneId: string; load: number; slots: number }>
    iterations: number
    improvements: number
    timedOut: boolean
    elapsedMs: number
  }
}

export function solveRoster(input: RosterInput, options: SolveOptions = {}): SolveResult {
  const started = performance.now()
  const deadline = started + (options.timeLimitMs ?? 10_000)
  const progress = options.onProgress ?? (() => {})
  const prep = prepare(input)
  const lockedIds = lockedSlots(input)
  const locked = input.slots.map((s) => lockedIds.has(s.id))
  const st = createState(prep, locked)
  const random = mulberry32(input.seed ?? 1)
  const previous = new Map((input.previous ?? []).map((a) => [a.slotId, a.personIds]))
  const personIdx = (id: string) => prep.personIndex.get(id) ?? -1
  const candidates = input.people.map((_, i) => i).filter((i) => prep.ineligible[i] === null)
  const tieRank = shuffle(input.people.length, random)

  // 1 and 2: keep locked slots, warm-start the others from the previous roster.
  // Locked slots first, all of them: a warm-started slot must not clash with a pinned one further on.
  for (const keep of [true, false]) {
    input.slots.forEach((slot, s) => {
      if (locked[s] !== keep) return
      const people = (previous.get(slot.id) ?? []).map(personIdx).filter((p) => p >= 0)
      let k = 0
      for (const p of people) {
        if (k >= st.per) break
        if (keep || canTake(st, p, s)) place(st, s * st.per + k++, p)
      }
    })
  }
  const keptViolations = checkPrepared(prep, keptAssignments(st)).filter(
    (v) => v.rule !== 'SLOT_UNDERSTAFFED' && v.rule !== 'LOCKED_SLOT_CHANGED' && v.personId !== null,
  )

  // 3: greedy construction.
  const scarcity = input.slots.map((_, s) => candidates.filter((p) => canTake(st, p, s)).length)
  const order = input.slots
    .map((_, s) => s)
    .filter((s) => !locked[s])
    .sort((a, b) => {
      const scarceA = (scarcity[a] ?? 0) <= 2 * st.per ? 0 : 1
      const scarceB = (scarcity[b] ?? 0) <= 2 * st.per ? 0 : 1
      return scarceA - scarceB || a - b
    })
  order.forEach((s, n) => {
    for (let k = 0; k < st.per; k++) {
      const pos = s * st.per + k
      if ((st.holder[pos] ?? -1) >= 0) continue
      const best = bestCandidate(st, s, candidates, tieRank)
      if (best >= 0) place(st, pos, best)
      else repair(st, pos, candidates, tieRank)
    }
    if (n % 64 === 0) progress((0.5 * n) / Math.max(1, order.length))
  })
  progress(0.5)

  // 4: local search, then 5: iterated local search from the best roster so far.
  const free = order.flatMap((s) => Array.from({ length: st.per }, (_, k) => s * st.per + k))
  const budget = Math.max(1, Math.round((options.effort ?? 40) * free.length))
  const kicks =
    (options.effort ?? 40) > 0 && free.length > 1 ? Math.min(10_000, Math.max(budget, 500 * free.length)) : 0
  let iterations = 0
  let improvements = 0
  let timedOut = false
  /** Hill climbing until `stall` tries in a row fail or `limit` iterations are spent. */
  const climb = (limit: number, stall: number) => {
    let sinceImprovement = 0
    for (let n = 0; n < limit && free.length > 0; n++, iterations++) {
      if (iterations % 64 === 0) {
        if (performance.now() > deadline) {
          timedOut = true
          return
        }
        if (iterations % 4096 === 0) progress(0.5 + (0.5 * Math.min(iterations, budget + kicks)) / (budget + kicks))
      }
      const pos = free[Math.floor(random() * free.length)] ?? 0
      if ((st.holder[pos] ?? -1) < 0) continue
      const improved = random() < 0.5 ? tryMove(st, pos, candidates) : trySwap(st, pos, free, random)
      if (improved) {
        improvements++
        sinceImprovement = 0
      } else if (++sinceImprovement > stall) return
    }
  }
  climb(budget, 4 * free.length + 200)
  // Kicks: a few random changes, then climbing again; kept when the objective drops, undone otherwise. The
  // budget depends on the input only (deterministic); small instances get enough kicks to leave the local
  // optima that two-position moves cannot leave (e.g. zone loads that only a different mix of slots fits).
  if (kicks > 0) {
    const stop = iterations + kicks
    let best = objectiveValue(st)
    let bestHolders = Int32Array.from(st.holder)
    let failed = 0
    while (!timedOut && iterations < stop && failed < 200) {
      kick(st, free, candidates, random, 2 + Math.floor(random() * 3))
      climb(stop - iterations, 2 * free.length + 50)
      const value = objectiveValue(st)
      if (value < best - 1e-9) {
        best = value
        bestHolders = Int32Array.from(st.holder)
        failed = 0
      } else {
        restore(st, bestHolders)
        failed++
      }
    }
    restore(st, bestHolders)
  }
  // The search moved duties around: a position the construction could not fill may be fillable now.
  for (const pos of free) {
    if ((st.holder[pos] ?? -1) >= 0) continue
    const best = bestCandidate(st, Math.floor(pos / st.per), candidates, tieRank)
    if (best >= 0) place(st, pos, best)
    else repair(st, pos, candidates, tieRank)
  }
  progress(1)
  return result(st, previous, keptViolations, { iterations, improvements, timedOut, started })
}

function keptAssignments(st: State): Assignment[] {
  const { slots, people } = st.prep.input
  return slots.flatMap((slot, s) => {
    if (!st.locked[s]) return []
    const ids: string[] = []
    for (let k = 0; k < st.per; k++) {
      const p = st.holder[s * st.per + k] ?? -1
      if (p >= 0) ids.push(people[p]?.id ?? '')
    }
    return [{ slotId: slot.id, personIds: ids }]
  })
}

function result(
  st: State,
  previous: Map<string, readonly string[]>,
  keptViolations: Violation[],
  run: { iterations: number; improvements: number; timedOut: boolean; started: number },
): SolveResult {
  const { input } = st.prep
  const assignments: Assignment[] = input.slots.map((slot, s) => {
    const ids: string[] = []
    for (let k = 0; k < st.per; k++) {
      const p = st.holder[s * st.per + k] ?? -1
      if (p >= 0) ids.push(input.people[p]?.id ?? '')
    }
    return { slotId: slot.id, personIds: ids }
  })
  const unfilled: Unfilled[] = []
  assignments.forEach((a, s) => {
    const missing = st.per - a.personIds.length
    if (missing <= 0 || st.locked[s]) return
    const counts = new Map<RuleCode, number>()
    const duty = st.prep.slotDuties[s]
    // Count over the people who could take the rotation's slots at all; only when there is nobody, say
    // why everyone is ineligible (otherwise NOT_ELIGIBLE would drown the rule that actually bites).
    const anyEligible = st.prep.ineligible.some((r) => r === null)
    input.people.forEach((_, p) => {
      if (anyEligible && st.prep.ineligible[p] !== null) return
      if (!duty || a.personIds.includes(input.people[p]?.id ?? '')) return
      for (const rule of new Set(blockers(st.prep, p, duty, st.timelines[p] ?? []).map((b) => b.rule))) {
        counts.set(rule, (counts.get(rule) ?? 0) + 1)
      }
    })
    const blockedBy = [...counts].map(([rule, people]) => ({ rule, people }))
    blockedBy.sort((x, y) => y.people - x.people || (x.rule < y.rule ? -1 : 1))
    unfilled.push({ slotId: a.slotId, missing, blockedBy })
  })
  const diff = input.previous
    ? assignments
        .map((a) => ({ slotId: a.slotId, before: [...(previous.get(a.slotId) ?? [])], after: [...a.personIds] }))
        .filter((d) => !sameSet(d.before, d.after))
    : []
  const zones = input.rotation.zones.map((zone, z) => {
    const target = st.zoneTarget[z] ?? 0
    const load = st.zoneLoad[z] ?? 0
    return { zoneId: zone.id, target, load, deviation: load - target }
  })
  const slotsHeld = new Int32Array(input.people.length)
  for (const p of st.holder) if (p >= 0) slotsHeld[p] = (slotsHeld[p] ?? 0) + 1
  return {
    assignments,
    unfilled,
    keptViolations,
    diff,
    stats: {
      zones,
      maxZoneDeviation: zones.reduce((m, z) => Math.max(m, Math.abs(z.deviation)), 0),
      maxSlotLoad: st.slotLoads.reduce((m, l) => Math.max(m, l), 0),
      people: input.people.map((person, p) => ({
        personId: person.id,
        zoneId: person.zoneId,
        load: st.personLoad[p] ?? 0,
        slots: slotsHeld[p] ?? 0,
      })),
      iterations: run.iterations,
      improvements: run.improvements,
      timedOut: run.timedOut,
      elapsedMs: performance.now() - run.started,
    },
  }
}
