// The solver's moves (see solver.ts for the whole algorithm): pick the best person for a position, repair
// a position nobody can take by one ejection step, and the two local-search moves. Every move checks the
// hard rules before it changes anything and leaves the state as it found it when it fails.
import { canTake, loadDelta, place, unplace, type State } from './state.ts'

export function bestCandidate(st: State, s: number, candidates: readonly number[], tieRank: Int32Array): number {
  const w = st.slotLoads[s] ?? 0
  const duty = st.prep.slotDuties[s]
  let best = -1
  let bestCost = Infinity
  let bestGap = -1
  for (const p of candidates) {
    const cost = loadDelta(st, p, w, -1, 0) + st.soft(p, s)
    if (cost > bestCost + 1e-9) continue
    if (!canTake(st, p, s)) continue
    const gap = duty ? nearestGap(st.timelines[p] ?? [], duty.start) : 0
    const better =
      cost < bestCost - 1e-9 || gap > bestGap || (gap === bestGap && (tieRank[p] ?? 0) < (tieRank[best] ?? 0))
    if (better) {
      best = p
      bestCost = cost
      bestGap = gap
    }
  }
  return best
}

function nearestGap(timeline: ReadonlyArray<{ start: number }>, at: number): number {
  let gap = Infinity
  for (const t of timeline) gap = Math.min(gap, Math.abs(t.start - at))
  return gap
}

/** One ejection step for a position nobody can take (see the header). */
export function repair(st: State, pos: number, candidates: readonly number[], tieRank: Int32Array): boolean {
  const slot = Math.floor(pos / st.per)
  const duty = st.prep.slotDuties[slot]
  if (!duty) return false
  const tried = candidates
    .filter(
      (p) =>
        st.prep.ineligible[p] === null &&
        !st.prep.unavailable[p]?.some((u) => u.start < duty.end && u.end > duty.start),
    )
    .slice(0, 40)
  for (const q of tried) {
    const lifted: number[] = []
    for (let other = 0; other < st.holder.length; other++) {
      const s2 = Math.floor(other / st.per)
      const d2 = st.prep.slotDuties[s2]
      if (st.holder[other] !== q || st.locked[s2] || !d2) continue
      if (d2.end > duty.start - st.prep.reach && d2.start < duty.end + st.prep.reach) lifted.push(other)
    }
    if (lifted.length === 0) continue
    for (const other of lifted) unplace(st, other)
    if (!canTake(st, q, slot)) {
      for (const other of lifted) place(st, other, q)
      continue
    }
    place(st, pos, q)
    const refilled: number[] = []
    for (const other of lifted) {
      const s2 = Math.floor(other / st.per)
      const taker = bestCandidate(st, s2, candidates, tieRank)
      if (taker < 0) break
      place(st, other, taker)
      refilled.push(other)
    }
    if (refilled.length === lifted.length) return true
    for (const other of refilled) unplace(st, other)
    unplace(st, pos)
    for (const other of lifted) place(st, other, q)
  }
  return false
}

export function tryMove(st: State, pos: number, candidates: readonly number[]): boolean {
  const slot = Math.floor(pos / st.per)
  const p = st.holder[pos] ?? -1
  const w = st.slotLoads[slot] ?? 0
  const base = st.soft(p, slot)
  const improving: Array<{ q: number; delta: number }> = []
  for (const q of candidates) {
    if (q === p) continue
    const delta = loadDelta(st, p, -w, q, w) + st.soft(q, slot) - base
    if (delta < -1e-9) improving.push({ q, delta })
  }
  improving.sort((a, b) => a.delta - b.delta || a.q - b.q)
  for (const { q } of improving) {
    if (!canTake(st, q, slot)) continue
    unplace(st, pos)
    place(st, pos, q)
    return true
  }
  return false
}

export function trySwap(st: State, pos: number, free: readonly number[], random: () => number): boolean {
  const s1 = Math.floor(pos / st.per)
  const p = st.holder[pos] ?? -1
  const w1 = st.slotLoads[s1] ?? 0
  const improving: Array<{ other: number; delta: number }> = []
  for (let n = 0; n < 24; n++) {
    const other = free[Math.floor(random() * free.length)] ?? 0
    const s2 = Math.floor(other / st.per)
    const q = st.holder[other] ?? -1
    if (q < 0 || q === p || s2 === s1) continue
    const w2 = st.slotLoads[s2] ?? 0
    const soft = st.soft(p, s2) + st.soft(q, s1) - st.soft(p, s1) - st.soft(q, s2)
    const delta = loadDelta(st, p, w2 - w1, q, w1 - w2) + soft
    if (delta < -1e-9) improving.push({ other, delta })
  }
  improving.sort((a, b) => a.delta - b.delta || a.other - b.other)
  for (const { other } of improving) {
    const s2 = Math.floor(other / st.per)
    const q = st.holder[other] ?? -1
    unplace(st, pos)
    unplace(st, other)
    if (canTake(st, q, s1) && canTake(st, p, s2)) {
      place(st, pos, q)
      place(st, other, p)
      return true
    }
    place(st, pos, p)
    place(st, other, q)
  }
  return false
}

/** A perturbation for the iterated local search: `moves` random feasible changes (a position to another
 * person who may take it, or two positions exchanged), whatever they do to the objective. */
export function kick(
  st: State,
  free: readonly number[],
  candidates: readonly number[],
  random: () => number,
  moves: number,
) {
  for (let m = 0; m < moves * 4 && moves > 0; m++) {
    const pos = free[Math.floor(random() * free.length)] ?? 0
    const p = st.holder[pos] ?? -1
    if (p < 0) continue
    const slot = Math.floor(pos / st.per)
    if (random() < 0.5) {
      const q = candidates[Math.floor(random() * candidates.length)] ?? -1
      if (q < 0 || q === p || !canTake(st, q, slot)) continue
      unplace(st, pos)
      place(st, pos, q)
    } else {
      const other = free[Math.floor(random() * free.length)] ?? 0
      const s2 = Math.floor(other / st.per)
      const q = st.holder[other] ?? -1
      if (q < 0 || q === p || s2 === slot) continue
      unplace(st, pos)
      unplace(st, other)
      if (!canTake(st, q, slot) || !canTake(st, p, s2)) {
        place(st, pos, p)
        place(st, other, q)
        continue
      }
      place(st, pos, q)
      place(st, other, p)
    }
    moves--
  }
}

/** Puts the state back to `holders` (a copy of `st.holder` taken earlier). */
export function restore(st: State, holders: Int32Array): void {
  const changed: number[] = []
  holders.forEach((p, pos) => {
    if (st.holder[pos] !== p) changed.push(pos)
  })
  for (const pos of changed) unplace(st, pos)
  for (const pos of changed) if ((holders[pos] ?? -1) >= 0) place(st, pos, holders[pos] ?? -1)
}
