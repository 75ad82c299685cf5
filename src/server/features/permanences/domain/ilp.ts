// The roster problem as an exact integer program, for comparing our solver with a MIP solver (HiGHS, in
// bench/roster.ts and ilp.test.ts). Pure: this file writes CPLEX LP text and reads a solution back; the
// caller runs the solver (the `highs` package is a devDependency, never loaded by the product).
//
// Same hard rules as rules.ts, same objective as state.ts:
// - one binary y[p,s] per person p and free slot s that p may take next to their fixed duties (busy
//   duties elsewhere and locked slots): `blockers` of rules.ts decides, so eligibility, leave and clashes
//   with fixed duties are the product's own rules;
// - every pair of slots that p may not hold together (again asked of `blockers`: overlap, rest, on-call
//   gap, a pair already over the daily or weekly work limit or the on-call frequency) is a row
//   y[p,s] + y[p,t] ≤ 1; the rules that add up more than two duties are rows of their own: work in every
//   24-hour window that starts at a duty's start or ends at a duty's end, work per calendar week, on-call
//   duties of the rotation in every `windowDays` window that starts on a duty's day;
// - every free slot gets exactly its missing number of people;
// - objective = ZONE × Σ_zones a_z² + Σ_eligible people d_p² + Σ soft costs × y, with
//   a_z = (zone load − target) / u and d_p = (load_p / FTE_p − zone mean) / u, linear in y.
// MIP solvers take linear objectives only (HiGHS solves no mixed-integer quadratic programs), so each
// square is a variable t ≥ v² kept by tangent cuts t ≥ 2cv − c² (outer approximation). The solver solves,
// `addCutsAt` adds the tangents at the solution's values, and it solves again: the LP's optimum is a lower
// bound of the true optimum, the true objective of its roster an upper bound; when they meet, the roster
// is optimal (every variable is a function of y, so a roster seen twice is exact and the loop ends).
import { lockedSlots } from './check.ts'
import { blockers, prepare, type Duty } from './rules.ts'
import { createState, place, ZONE } from './state.ts'
import type { Assignment, RosterInput } from './types.ts'
import { arithmetic, gcd, gridTerm, subsetSums, tangentTerm, type Term } from './ilp-terms.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR

interface Variable {
  name: string
  person: number
  slot: number
}

export interface IntegerProgram {
  /** The LP text with every cut added so far. */
  lp(): string
  /** Adds tangent cuts at the values a solution gives the squared terms; returns how many were added (0:
   * the model is exact at this solution). */
  addCutsAt(values: ReadonlyMap<string, number>): number
  /** The roster a solution describes (locked slots as they are). */
  assignments(values: ReadonlyMap<string, number>): Assignment[]
  /** Free slots nobody may take (the program is then infeasible). */
  uncoverable: string[]
  variables: number
  rows: number
}

export function buildIntegerProgram(input: RosterInput): IntegerProgram {
  const prep = prepare(input)
  const lockedIds = lockedSlots(input)
  const locked = input.slots.map((s) => lockedIds.has(s.id))
  const st = createState(prep, locked)
  const previous = new Map((input.previous ?? []).map((a) => [a.slotId, a.personIds]))
  input.slots.forEach((slot, s) => {
    if (!locked[s]) return
    ;(previous.get(slot.id) ?? []).slice(0, st.per).forEach((id, k) => {
      const p = prep.personIndex.get(id)
      if (p !== undefined) place(st, s * st.per + k, p)
    })
  })
  const { rules } = prep
  const u = st.unit
  const vars: Variable[] = []
  const byPerson = input.people.map(() => [] as Variable[])
  const bySlot = input.slots.map(() => [] as Variable[])
  input.people.forEach((_, p) => {
    if (prep.ineligible[p] !== null) return
    const fixed = st.timelines[p] ?? []
    input.slots.forEach((_, s) => {
      const duty = prep.slotDuties[s]
      if (locked[s] || !duty || blockers(prep, p, duty, fixed, true).length > 0) return
      const v = { name: `y${p}_${s}`, person: p, slot: s }
      vars.push(v)
      byPerson[p]?.push(v)
      bySlot[s]?.push(v)
    })
  })
  const constraints: string[] = []
  const uncoverable: string[] = []

  // Coverage.
  input.slots.forEach((slot, s) => {
    if (locked[s]) return
    const list = bySlot[s] ?? []
    if (list.length < st.per) uncoverable.push(slot.id)
    constraints.push(`${linear(list.map((v) => [1, v.name]))} = ${st.per}`)
  })

  // Hard rules per person.
  byPerson.forEach((list, p) => {
    const fixed = st.timelines[p] ?? []
    const duty = (v: Variable) => prep.slotDuties[v.slot] as Duty
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i] as Variable
        const b = list[j] as Variable
        const da = duty(a)
        const db = duty(b)
        if (db.start >= da.end + prep.reach + prep.longest || da.start >= db.end + prep.reach + prep.longest) continue
        const clash =
          blockers(prep, p, da, withDuty(fixed, db), true).length > 0 ||
          blockers(prep, p, db, withDuty(fixed, da), true).length > 0
        if (clash)
          constraints.push(
            `${linear([
              [1, a.name],
              [1, b.name],
            ])} <= 1`,
          )
      }
    }
    if (list.length === 0) return
    const kind = duty(list[0] as Variable).kind
    if (kind === 'work') {
      const work = fixed.filter((d) => d.kind === 'work')
      const all = [...work, ...list.map(duty)]
      const starts = new Set(all.flatMap((d) => [d.start, d.end - DAY]))
      for (const from of starts) sumRow(list, work, from, from + DAY, rules.maxWorkHoursPer24h * HOUR)
      const weeks = new Map(list.flatMap((v) => duty(v).weeks.map((w) => [w[0], w] as const)))
      for (const [from, until] of weeks.values()) sumRow(list, work, from, until, rules.maxWorkHoursPerWeek * HOUR)
    } else if (rules.onCallFrequency && rules.onCallFrequency.maxDuties > 1) {
      // With at most one duty per window the pairs above already say it all.
      const { maxDuties, windowDays } = rules.onCallFrequency
      const same = fixed.filter((d) => d.kind === 'on_call' && d.sameRotation)
      const days = new Set([...same, ...list.map(duty)].map((d) => d.startDay))
      for (const first of days) {
        const inWindow = (d: Duty) => d.startDay >= first && d.startDay < first + windowDays
        const terms = list.filter((v) => inWindow(duty(v)))
        const room = maxDuties - same.filter(inWindow).length
        if (terms.length > room) constraints.push(`${linear(terms.map((v) => [1, v.name]))} <= ${room}`)
      }
    }
  })

  function sumRow(list: readonly Variable[], work: readonly Duty[], from: number, until: number, limit: number) {
    const terms: Array<[number, string]> = []
    for (const v of list) {
      const d = prep.slotDuties[v.slot] as Duty
      const hours = overlap(d.start, d.end, from, until) / HOUR
      if (hours > 0) terms.push([hours, v.name])
    }
    const room = (limit - work.reduce((sum, d) => sum + overlap(d.start, d.end, from, until), 0)) / HOUR
    if (terms.reduce((sum, [h]) => sum + h, 0) > room + 1e-9) constraints.push(`${linear(terms)} <= ${num(room)}`)
  }

  // Symmetry: people who are interchangeable (same zone, FTE and slots they may take, no fixed duty, no
  // soft cost) are ordered by load, so the solver does not search every permutation of the same roster.
  const signature = (p: number) => {
    const list = byPerson[p] ?? []
    if ((st.timelines[p] ?? []).length > 0 || list.some((v) => st.soft(p, v.slot) !== 0)) return null
    return `${st.zoneOf[p]}|${st.spreadScale[p]}|${list.map((v) => v.slot).join(',')}`
  }
  const groups = new Map<string, number[]>()
  byPerson.forEach((list, p) => {
    const key = list.length > 0 ? signature(p) : null
    if (key !== null) groups.set(key, [...(groups.get(key) ?? []), p])
  })
  for (const group of groups.values()) {
    for (let i = 1; i < group.length; i++) {
      const a = byPerson[group[i - 1] ?? -1] ?? []
      const b = byPerson[group[i] ?? -1] ?? []
      const terms: Array<[number, string]> = [
        ...a.map((v): [number, string] => [st.slotLoads[v.slot] ?? 0, v.name]),
        ...b.map((v): [number, string] => [-(st.slotLoads[v.slot] ?? 0), v.name]),
      ]
      constraints.push(`${linear(terms)} >= 0`)
    }
  }

  // Objective. Loads are whole weighted minutes, so a zone's load and a person's load take values on a
  // known grid; a convex function of such a value is bounded exactly by the secants between neighbouring
  // grid values (no fractional point in between to cut off), a much stronger bound than tangents.
  const slotLoad = (v: Variable) => st.slotLoads[v.slot] ?? 0
  const terms: Term[] = []
  st.zoneTarget.forEach((target, z) => {
    const members = input.people.flatMap((_, p) => (st.zoneOf[p] === z && (st.spreadScale[p] ?? 0) > 0 ? [p] : []))
    const n = members.length
    const zoneVars = byPerson.flatMap((list, p) => (st.zoneOf[p] === z ? list : []))
    constraints.push(
      `${linear([[1, `L${z}`], ...zoneVars.map((v): [number, string] => [-slotLoad(v), v.name])])} = ${num(st.zoneLoad[z] ?? 0)}`,
    )
    const unscaled = members.every((p) => st.spreadScale[p] === 1)
    if (unscaled) {
      // Σ_p (x_p − L/n)² = Σ_p x_p² − L²/n: the zone term and −L²/n are one convex function of L.
      const step = gcd(zoneVars.map(slotLoad))
      const f = (L: number) => ZONE * ((L - target) / u) ** 2 - (n > 0 ? (L / u) ** 2 / n : 0)
      const zoneFar = [-8, -4, -2, -1, -0.5, 0.5, 1, 2, 4, 8].map((k) => target + k * u)
      terms.push(gridTerm(`L${z}`, f, arithmetic(st.zoneLoad[z] ?? 0, step), target, 40, zoneFar))
      for (const p of members) {
        const list = byPerson[p] ?? []
        constraints.push(
          `${linear([[1, `x${p}`], ...list.map((v): [number, string] => [-slotLoad(v), v.name])])} = ${num(st.personLoad[p] ?? 0)}`,
        )
        const grid = subsetSums(st.personLoad[p] ?? 0, list.map(slotLoad))
        const most = list.reduce((sum, v) => sum + slotLoad(v), st.personLoad[p] ?? 0)
        const personFar = Array.from({ length: Math.ceil(most / u) + 1 }, (_, k) => k * u)
        terms.push(gridTerm(`x${p}`, (x) => (x / u) ** 2, grid, n > 0 ? target / n : 0, 30, personFar))
      }
      return
    }
    // Loads per FTE are not on a common grid: a_z, the mean m_z and d_p as variables, tangents.
    constraints.push(
      `${linear([
        [u, `a${z}`],
        [-1, `L${z}`],
      ])} = ${num(-target)}`,
    )
    terms.push(tangentTerm(`a${z}`, ZONE, [-1, -0.5, -0.25, 0, 0.25, 0.5, 1]))
    if (n === 0) return
    const mean: Array<[number, string]> = [[n * u, `m${z}`]]
    let fixedSum = 0
    for (const p of members) {
      const scale = st.spreadScale[p] ?? 0
      fixedSum += (st.personLoad[p] ?? 0) * scale
      for (const v of byPerson[p] ?? []) mean.push([-slotLoad(v) * scale, v.name])
    }
    constraints.push(`${linear(mean)} = ${num(fixedSum)}`)
    for (const p of members) {
      const scale = st.spreadScale[p] ?? 0
      const row: Array<[number, string]> = [
        [u, `d${p}`],
        [u, `m${z}`],
      ]
      for (const v of byPerson[p] ?? []) row.push([-slotLoad(v) * scale, v.name])
      constraints.push(`${linear(row)} = ${num((st.personLoad[p] ?? 0) * scale)}`)
      terms.push(tangentTerm(`d${p}`, 1, [-3, -2, -1.5, -1, -0.5, -0.25, 0, 0.25, 0.5, 1, 1.5, 2, 3]))
    }
  })
  const soft: Array<[number, string]> = vars.flatMap((v) => {
    const c = st.soft(v.person, v.slot)
    return c !== 0 ? [[c, v.name] as [number, string]] : []
  })
  let fixedSoft = 0
  st.holder.forEach((p, pos) => {
    if (p >= 0) fixedSoft += st.soft(p, Math.floor(pos / st.per))
  })

  const cuts: string[] = []
  const line = (t: string, v: string, slope: number, at: number, value: number) =>
    cuts.push(
      `${linear([
        [1, t],
        [-slope, v],
      ])} >= ${num(value - slope * at)}`,
    )
  for (const term of terms) for (const [slope, at, value] of term.initial) line(term.t, term.v, slope, at, value)
  const free = [
    ...terms.flatMap((term) => [term.v, term.t]),
    ...Array.from(st.zoneTarget, (_, z) => [`L${z}`, `m${z}`]).flat(),
  ]

  return {
    uncoverable,
    variables: vars.length,
    get rows() {
      return constraints.length + cuts.length
    },
    lp() {
      const objective = linear([...terms.map((term): [number, string] => [term.weight, term.t]), ...soft])
      return [
        'Minimize',
        ` obj: ${objective}${fixedSoft !== 0 ? ` + ${num(fixedSoft)} constant` : ''}`,
        'Subject To',
        ...constraints.map((c, i) => ` c${i}: ${c}`),
        ...cuts.map((c, i) => ` k${i}: ${c}`),
        ...(fixedSoft !== 0 ? [' fix: constant = 1'] : []),
        'Bounds',
        ...free.map((v) => ` ${v} free`),
        'Binary',
        ...chunks(vars.map((v) => v.name)),
        'End',
        '',
      ].join('\n')
    },
    addCutsAt(values) {
      let added = 0
      for (const term of terms) {
        const v = values.get(term.v) ?? 0
        const t = values.get(term.t) ?? 0
        if (t >= term.f(v) - 1e-9 * Math.max(1, Math.abs(term.f(v)))) continue
        for (const [slope, at, value] of term.at(v)) line(term.t, term.v, slope, at, value)
        added++
      }
      return added
    },
    assignments(values) {
      const held = input.slots.map(() => [] as string[])
      for (const v of vars) if ((values.get(v.name) ?? 0) > 0.5) held[v.slot]?.push(input.people[v.person]?.id ?? '')
      return input.slots.map((slot, s) => {
        if (!locked[s]) return { slotId: slot.id, personIds: held[s] ?? [] }
        const ids: string[] = []
        for (let k = 0; k < st.per; k++) {
          const p = st.holder[s * st.per + k] ?? -1
          if (p >= 0) ids.push(input.people[p]?.id ?? '')
        }
        return { slotId: slot.id, personIds: ids }
      })
    },
  }
}

function withDuty(timeline: readonly Duty[], duty: Duty): Duty[] {
  return [...timeline, duty].sort((a, b) => a.start - b.start)
}

function overlap(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  return Math.max(0, Math.min(aEnd, bEnd) - Math.max(aStart, bStart))
}

/** A number as LP text: plain decimals (no exponent), enough digits. */
function num(x: number): string {
  if (Number.isInteger(x)) return String(x)
  return x.toFixed(12).replace(/0+$/, '')
}

/** `3 x - 2 y + z`, broken into lines (LP readers limit line length). */
function linear(terms: ReadonlyArray<readonly [number, string]>): string {
  if (terms.length === 0) return '0 zero'
  const parts = terms.map(([c, name], i) => {
    const sign = c < 0 ? '-' : i === 0 ? '' : '+'
    const abs = Math.abs(c)
    return `${sign}${sign ? ' ' : ''}${abs === 1 ? '' : `${num(abs)} `}${name}`
  })
  return chunks(parts).join('\n  ')
}

function chunks(items: readonly string[], size = 12): string[] {
  const lines: string[] = []
  for (let i = 0; i < items.length; i += size) lines.push(items.slice(i, i + size).join(' '))
  return lines
}

/** What solveExactly needs of a MIP solver: the one-shot API of the `highs` package, structurally. */
export interface MipSolver {
  solve(
    lp: string,
    options: Record<string, string | number | boolean>,
  ): { Status: string; ObjectiveValue: number; Columns: Record<string, object> }
}

export interface ExactResult {
  /** 'Optimal' when the roster is proved optimal; otherwise the MIP solver's status of the last round
   * ('Infeasible', 'Time limit reached', …) or 'Round limit reached'. */
  status: string
  /** The best roster found (null when none; when the time ran out, the MIP solver's incumbent), its
   * objective (state.ts's, recomputed by `objectiveOf`) and the lower bound proved by the last finished
   * round (null when none finished). */
  assignments: Assignment[] | null
  objective: number | null
  lowerBound: number | null
  rounds: number
  seconds: number
}

/** Outer approximation (see the header): solve, add the tangents at the solution, until the bound meets
 * the roster's true objective or the time runs out. `objectiveOf` is rosterObjective of state.ts. */
export function solveExactly(
  input: RosterInput,
  solver: MipSolver,
  objectiveOf: (assignments: readonly Assignment[]) => number,
  options: { timeLimitSeconds?: number; maxRounds?: number } = {},
): ExactResult {
  const started = performance.now()
  const limit = options.timeLimitSeconds ?? 60
  const program = buildIntegerProgram(input)
  let best: { assignments: Assignment[]; objective: number } | null = null
  let lowerBound: number | null = null
  let status = 'Round limit reached'
  let rounds = 0
  while (rounds < (options.maxRounds ?? 200)) {
    const left = limit - (performance.now() - started) / 1000
    if (left <= 0) {
      status = 'Time limit reached'
      break
    }
    rounds++
    const solution = solver.solve(program.lp(), {
      output_flag: false,
      time_limit: left,
      mip_rel_gap: 0,
      mip_abs_gap: 1e-9,
    })
    const values = new Map(
      Object.entries(solution.Columns).map(([name, c]) => [name, 'Primal' in c ? Number(c.Primal) : 0]),
    )
    if (solution.Status !== 'Optimal') {
      status = solution.Status
      // Stopped by the time limit: keep the best roster it had, if it staffs every slot.
      const assignments = program.assignments(values)
      const staffed = assignments.every((a) => a.personIds.length === input.rotation.peoplePerSlot)
      const objective = staffed ? objectiveOf(assignments) : Infinity
      if (staffed && (!best || objective < best.objective)) best = { assignments, objective }
      break
    }
    lowerBound = solution.ObjectiveValue
    const assignments = program.assignments(values)
    const objective = objectiveOf(assignments)
    if (!best || objective < best.objective) best = { assignments, objective }
    if (best.objective - lowerBound <= 1e-7 * Math.max(1, Math.abs(best.objective))) {
      status = 'Optimal'
      break
    }
    if (program.addCutsAt(values) === 0) {
      // Exact at this roster yet above the bound: only possible through the solver's tolerances.
      status = 'Optimal'
      break
    }
  }
  return {
    status,
    assignments: best?.assignments ?? null,
    objective: best?.objective ?? null,
    lowerBound,
    rounds,
    seconds: (performance.now() - started) / 1000,
  }
}
