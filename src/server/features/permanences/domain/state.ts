// The solver's working state: who holds each slot position, every person's timeline and load, the
// zones' loads against their targets, and the objective's change for a move, computed in O(1).
//
// Objective (lower is better), in units u = the mean load of one slot position:
//   ZONE × Σ_zones ((zone load − zone target) / u)²              the zone key, dominant
//   + Σ_zones Σ_eligible people ((person load / FTE − zone mean) / u)²  even spread within a zone
//   + Σ_assignments soft cost                                     wishes (−), rather-not (+), changes (+)
import { slotLoad } from './load.ts'
import { blockers, insertDuty, prepare, removeDuty, type Duty, type Prepared } from './rules.ts'
import { DEFAULT_PREFERENCE_WEIGHTS, DEFAULT_WEIGHTS, type Assignment, type RosterInput } from './types.ts'
import { zoneTargets } from './zone-key.ts'

export const ZONE = 50

export interface State {
  prep: Prepared
  per: number
  /** Weighted load of each slot (one position). */
  slotLoads: number[]
  /** Person index at slot × per + k, or -1 when empty. */
  holder: Int32Array
  locked: boolean[]
  timelines: Duty[][]
  personLoad: Float64Array
  zoneOf: Int32Array
  /** 1 / FTE for the people the within-zone spread counts (the eligible), 0 for the others: the spread
   * compares load per FTE, so a half-time officer carries half the load. */
  spreadScale: Float64Array
  zoneLoad: Float64Array
  zoneTarget: Float64Array
  zoneS1: Float64Array
  zoneS2: Float64Array
  zoneCount: Int32Array
  unit: number
  soft: (person: number, slot: number) => number
}

export function createState(prep: Prepared, locked: boolean[]): State {
  const { input } = prep
  const per = input.rotation.peoplePerSlot
  const weights = { ...DEFAULT_WEIGHTS, ...input.weights }
  const slotLoads = input.slots.map((s) => slotLoad(s.hours, weights))
  const zones = input.rotation.zones
  const zoneIndex = new Map(zones.map((z, i) => [z.id, i]))
  const total = slotLoads.reduce((a, b) => a + b, 0) * per
  const targets = zoneTargets(total, input.rotation.zoneKey, zones)
  const zoneOf = Int32Array.from(input.people, (p) => zoneIndex.get(p.zoneId) ?? -1)
  const spreadScale = Float64Array.from(input.people, (p, i) =>
    prep.ineligible[i] === null ? 1 / (p.fte !== undefined && p.fte > 0 ? p.fte : 1) : 0,
  )
  const zoneCount = new Int32Array(zones.length)
  spreadScale.forEach((scale, i) => {
    const z = zoneOf[i] ?? -1
    if (scale > 0 && z >= 0) zoneCount[z] = (zoneCount[z] ?? 0) + 1
  })
  const unit = Math.max(1, total / Math.max(1, slotLoads.length * per))
  return {
    prep,
    per,
    slotLoads,
    holder: new Int32Array(slotLoads.length * per).fill(-1),
    locked,
    timelines: prep.busy.map((list) => [...list]),
    personLoad: new Float64Array(input.people.length),
    zoneOf,
    spreadScale,
    zoneLoad: new Float64Array(zones.length),
    zoneTarget: Float64Array.from(zones, (z) => targets.get(z.id) ?? 0),
    zoneS1: new Float64Array(zones.length),
    zoneS2: new Float64Array(zones.length),
    zoneCount,
    unit,
    soft: softCosts(prep),
  }
}

/** Wishes and rather-nots overlapping a slot, and the cost of replacing the previous roster's person. */
function softCosts(prep: Prepared): (person: number, slot: number) => number {
  const { input } = prep
  const w = { ...DEFAULT_PREFERENCE_WEIGHTS, ...input.preferenceWeights }
  const byPerson = input.people.map(() => [] as Array<{ start: number; end: number; cost: number }>)
  for (const p of input.preferences ?? []) {
    const i = prep.personIndex.get(p.personId)
    if (i !== undefined)
      byPerson[i]?.push({ start: p.start, end: p.end, cost: p.kind === 'wish' ? -w.wish : w.ratherNot })
  }
  const previous = new Map((input.previous ?? []).map((a) => [a.slotId, new Set(a.personIds)]))
  const before = input.slots.map((s) => previous.get(s.id))
  return (person, slot) => {
    const s = input.slots[slot]
    if (!s) return 0
    let cost = 0
    for (const p of byPerson[person] ?? []) if (p.start < s.end && p.end > s.start) cost += p.cost
    const was = before[slot]
    if (was && was.size > 0 && !was.has(input.people[person]?.id ?? '')) cost += w.change
    return cost
  }
}

function zoneCost(st: State, z: number, load: number, s1: number, s2: number): number {
  const u = st.unit
  const off = (load - (st.zoneTarget[z] ?? 0)) / u
  const n = st.zoneCount[z] ?? 0
  return ZONE * off * off + (n > 0 ? (s2 - (s1 * s1) / n) / (u * u) : 0)
}

/** Change of the fairness part of the objective when person p's load changes by dp and person q's by dq
 * (p ≠ q; -1 for none). Scalar arithmetic only: this is the solver's innermost loop. */
export function loadDelta(st: State, p: number, dp: number, q: number, dq: number): number {
  const za = p >= 0 ? (st.zoneOf[p] ?? -1) : -1
  const zb = q >= 0 ? (st.zoneOf[q] ?? -1) : -1
  let delta = 0
  if (za >= 0) delta += zoneDelta(st, za, p, dp, zb === za ? q : -1, dq)
  if (zb >= 0 && zb !== za) delta += zoneDelta(st, zb, q, dq, -1, 0)
  return delta
}

function zoneDelta(st: State, z: number, p: number, dp: number, q: number, dq: number): number {
  let load = st.zoneLoad[z] ?? 0
  let s1 = st.zoneS1[z] ?? 0
  let s2 = st.zoneS2[z] ?? 0
  const before = zoneCost(st, z, load, s1, s2)
  load += dp
  const sp = st.spreadScale[p] ?? 0
  if (sp > 0) {
    const x = (st.personLoad[p] ?? 0) * sp
    const dx = dp * sp
    s1 += dx
    s2 += dx * (2 * x + dx)
  }
  if (q >= 0) {
    load += dq
    const sq = st.spreadScale[q] ?? 0
    if (sq > 0) {
      const x = (st.personLoad[q] ?? 0) * sq
      const dx = dq * sq
      s1 += dx
      s2 += dx * (2 * x + dx)
    }
  }
  return zoneCost(st, z, load, s1, s2) - before
}

export function place(st: State, pos: number, person: number): void {
  const slot = Math.floor(pos / st.per)
  const duty = st.prep.slotDuties[slot]
  if (!duty) return
  st.holder[pos] = person
  insertDuty(st.timelines[person] ?? [], duty)
  shiftLoad(st, person, st.slotLoads[slot] ?? 0)
}

export function unplace(st: State, pos: number): number {
  const person = st.holder[pos] ?? -1
  if (person < 0) return -1
  const slot = Math.floor(pos / st.per)
  const duty = st.prep.slotDuties[slot]
  if (duty) removeDuty(st.timelines[person] ?? [], duty)
  st.holder[pos] = -1
  shiftLoad(st, person, -(st.slotLoads[slot] ?? 0))
  return person
}

function shiftLoad(st: State, person: number, d: number): void {
  const z = st.zoneOf[person] ?? -1
  const l = st.personLoad[person] ?? 0
  if (z >= 0) {
    st.zoneLoad[z] = (st.zoneLoad[z] ?? 0) + d
    const scale = st.spreadScale[person] ?? 0
    if (scale > 0) {
      const x = l * scale
      const dx = d * scale
      st.zoneS1[z] = (st.zoneS1[z] ?? 0) + dx
      st.zoneS2[z] = (st.zoneS2[z] ?? 0) + dx * (2 * x + dx)
    }
  }
  st.personLoad[person] = l + d
}

/** True when `person` already holds another position of the slot. */
export function holdsSlot(st: State, slot: number, person: number): boolean {
  for (let k = 0; k < st.per; k++) if (st.holder[slot * st.per + k] === person) return true
  return false
}

/** May `person` take `slot` now (all hard rules, against their current timeline)? */
export function canTake(st: State, person: number, slot: number): boolean {
  const duty = st.prep.slotDuties[slot]
  if (!duty || holdsSlot(st, slot, person)) return false
  return blockers(st.prep, person, duty, st.timelines[person] ?? [], true).length === 0
}

/** The objective of the current state, recomputed from the people's loads (not from the running sums the
 * search keeps, so rounding does not accumulate): what the search lowers, and what domain/ilp.ts models. */
export function objectiveValue(st: State): number {
  const u = st.unit
  let total = 0
  st.zoneTarget.forEach((target, z) => {
    const off = ((st.zoneLoad[z] ?? 0) - target) / u
    const loads: number[] = []
    st.zoneOf.forEach((zone, p) => {
      const scale = st.spreadScale[p] ?? 0
      if (zone === z && scale > 0) loads.push((st.personLoad[p] ?? 0) * scale)
    })
    const mean = loads.reduce((a, b) => a + b, 0) / Math.max(1, loads.length)
    total += ZONE * off * off + loads.reduce((a, x) => a + ((x - mean) / u) ** 2, 0)
  })
  st.holder.forEach((p, pos) => {
    if (p >= 0) total += st.soft(p, Math.floor(pos / st.per))
  })
  return total
}

/** The objective of any roster of the input (rules are not checked: see checkRoster for that). */
export function rosterObjective(input: RosterInput, assignments: readonly Assignment[]): number {
  const prep = prepare(input)
  const st = createState(
    prep,
    input.slots.map(() => false),
  )
  for (const a of assignments) {
    const s = prep.slotIndex.get(a.slotId)
    if (s === undefined) continue
    a.personIds.slice(0, st.per).forEach((id, k) => {
      const p = prep.personIndex.get(id)
      if (p !== undefined) place(st, s * st.per + k, p)
    })
  }
  return objectiveValue(st)
}
