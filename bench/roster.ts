// Roster solver benchmark (issue 8). Pure domain code, no database. Prints one JSON line with --json.
//
// `wvl4-year`: the WVL4 demo association (bench/roster-wvl4.ts: demo people, zone FTE and population), 2026,
// five rotations solved one after another, each seeing the earlier ones' duties as `busy`. `seconds` is the
// solver's time for all five; `hardViolations` what checkRoster (the independent judge) finds; `unfilled` the
// slots the solver could not staff; `zoneShareMaxDeviation` the largest |zone load − zone target| over the
// rotations, in slots of that rotation (its mean slot load); `loadSpread` the largest max − min weighted load
// of two eligible people of one zone in one rotation, in weighted hours (`loadSpreadPerFte`: per FTE, which
// is what the solver evens out); `rotations` the same per rotation.
//
// `year-*`: the generated year instances of earlier runs (4 zones × 30 people), kept for comparison.
//
// `small-*`: ten generated instances (2–4 zones, 6–20 people, 20–60 slots, fixed seeds) solved by our solver
// and as an exact integer program by HiGHS (domain/ilp.ts: the same hard rules and the same objective,
// state.ts's, solved by outer approximation; `highs.seconds` is the whole loop, cold, single-threaded WASM,
// limited to --highs-seconds per instance). `objective` is state.ts's objective of each roster; `atOptimum`
// is true when HiGHS proved its roster optimal and ours is no worse (1e-6 relative); `gap` = (ours − best
// known) / best known. When HiGHS hits its time limit, `highs.lowerBound` is what it proved so far.
// `speedup` = HiGHS CPU time / ours: a speed comparison only where HiGHS proved its optimum (status Optimal).
//
// `baselineMs`: expanding the instance's pattern(s) in the same run; `ratio` = solve time / baseline, so
// figures compare across machines. The solver is warmed up first (JIT); HiGHS is loaded before timing.
// Usage: npm run bench:roster -- [--json] [--highs-seconds 100] [--no-highs] [--only small-2,small-6]
import { parseArgs } from 'node:util'
import * as highsModule from 'highs'
import type { LegacyHighs } from 'highs'
import { checkRoster } from '../src/server/features/permanences/domain/check.ts'
import { solveExactly } from '../src/server/features/permanences/domain/ilp.ts'
import { expandPattern, type ShiftPattern } from '../src/server/features/permanences/domain/patterns.ts'
import { solveRoster, type SolveResult } from '../src/server/features/permanences/domain/solver.ts'
import { rosterObjective } from '../src/server/features/permanences/domain/state.ts'
import { makeInstance, type InstanceShape } from '../src/server/features/permanences/domain/testing.ts'
import type { Assignment, BusyInterval, RosterInput } from '../src/server/features/permanences/domain/types.ts'
import { wvl4Instances } from './roster-wvl4.ts'

const { values } = parseArgs({
  options: {
    json: { type: 'boolean' },
    'highs-seconds': { type: 'string', default: '100' },
    'no-highs': { type: 'boolean' },
    /** Comma-separated instance names: run only these (e.g. a long HiGHS proof of one instance). */
    only: { type: 'string' },
  },
})
const highsSeconds = Number(values['highs-seconds'])

const FROM = '2026-01-01'
const TO = '2027-01-01'
const daily: ShiftPattern = { kind: 'daily', handoffTime: '07:00' }
const weekly: ShiftPattern = { kind: 'weekly', handoffWeekday: 1, handoffTime: '07:00' }
const dayNight: ShiftPattern = { kind: 'day_night', dayStart: '07:00', nightStart: '19:00' }

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits

function duties(input: RosterInput, assignments: readonly Assignment[]): BusyInterval[] {
  const slots = new Map(input.slots.map((s) => [s.id, s]))
  const kind = input.rotation.dutyKind === 'present' ? ('work' as const) : ('on_call' as const)
  return assignments.flatMap((a) => {
    const slot = slots.get(a.slotId)
    if (!slot) return []
    return a.personIds.map((personId) => ({
      personId,
      start: slot.start,
      end: slot.end,
      kind,
      ref: `${input.rotation.id}:${a.slotId}`,
      rotationId: input.rotation.id,
    }))
  })
}

/** Zone deviation in slots and the load spreads within a zone, of any roster of the input. */
function fairness(input: RosterInput, result: SolveResult) {
  const meanSlot = result.stats.zones.reduce((a, z) => a + z.target, 0) / Math.max(1, input.slots.length)
  let loadSpread = 0
  let loadSpreadPerFte = 0
  const fte = new Map(input.people.map((p) => [p.id, p.fte ?? 1]))
  for (const zone of input.rotation.zones) {
    const people = result.stats.people.filter((p) => p.zoneId === zone.id)
    if (people.length === 0) continue
    const loads = people.map((p) => p.load / 60)
    const perFte = people.map((p) => p.load / 60 / (fte.get(p.personId) ?? 1))
    loadSpread = Math.max(loadSpread, Math.max(...loads) - Math.min(...loads))
    loadSpreadPerFte = Math.max(loadSpreadPerFte, Math.max(...perFte) - Math.min(...perFte))
  }
  return {
    zoneShareMaxDeviation: result.stats.maxZoneDeviation / Math.max(1, meanSlot),
    loadSpread,
    loadSpreadPerFte,
  }
}

/** Stats of a roster found elsewhere (HiGHS): solve nothing, keep every slot as given. */
function statsOf(input: RosterInput, assignments: readonly Assignment[]): SolveResult {
  return solveRoster({ ...input, previous: assignments, pinned: input.slots.map((s) => s.id) }, { effort: 0 })
}

function chain(name: string, rotations: ReadonlyArray<{ name: string; input: RosterInput }>, patterns: ShiftPattern[]) {
  const baselineStart = performance.now()
  for (const p of patterns) expandPattern(p, FROM, TO)
  const baselineMs = performance.now() - baselineStart
  let busy: BusyInterval[] = []
  let solveMs = 0
  let cpuMs = 0
  const rows = rotations.map(({ name: rotation, input: given }) => {
    const input = { ...given, busy: [...(given.busy ?? []), ...busy] }
    const start = performance.now()
    const cpu = process.cpuUsage()
    const result = solveRoster(input, { timeLimitMs: 10_000 })
    const ms = performance.now() - start
    cpuMs += process.cpuUsage(cpu).user / 1000
    solveMs += ms
    busy = busy.concat(duties(input, result.assignments))
    const f = fairness(input, result)
    return {
      name: rotation,
      people: input.people.length,
      slots: input.slots.length,
      seconds: round(ms / 1000, 3),
      hardViolations: checkRoster(input, result.assignments).length,
      unfilled: result.unfilled.length,
      zoneShareMaxDeviation: round(f.zoneShareMaxDeviation, 3),
      loadSpread: round(f.loadSpread, 1),
      loadSpreadPerFte: round(f.loadSpreadPerFte, 1),
      timedOut: result.stats.timedOut,
    }
  })
  const people = new Set(rotations.flatMap((r) => r.input.people.map((p) => p.id))).size
  return {
    name,
    people,
    rotations: rows.length,
    slots: rows.reduce((a, r) => a + r.slots, 0),
    seconds: round(solveMs / 1000, 3),
    cpuSeconds: round(cpuMs / 1000, 3),
    hardViolations: rows.reduce((a, r) => a + r.hardViolations, 0),
    unfilled: rows.reduce((a, r) => a + r.unfilled, 0),
    zoneShareMaxDeviation: Math.max(...rows.map((r) => r.zoneShareMaxDeviation)),
    loadSpread: Math.max(...rows.map((r) => r.loadSpread)),
    loadSpreadPerFte: Math.max(...rows.map((r) => r.loadSpreadPerFte)),
    baselineMs: round(baselineMs, 1),
    ratio: round(solveMs / baselineMs, 2),
    highs: null,
    ...(rows.length > 1 ? { perRotation: rows } : {}),
  }
}

function generatedYear(pattern: ShiftPattern, dutyKind: 'on_call' | 'present', seed: number): RosterInput {
  const base = makeInstance({
    zones: 4,
    peoplePerZone: 30,
    pattern,
    from: FROM,
    to: TO,
    dutyKind,
    leavePerPerson: 3,
    zoneKey: { kind: 'fte' },
    seed: 11,
  })
  return {
    ...base,
    rotation: { ...base.rotation, id: `rotation-${seed}` },
    seed,
    rules: dutyKind === 'present' ? { maxWorkHoursPer24h: 13 } : {},
  }
}

interface SmallShape extends InstanceShape {
  name: string
  rules?: RosterInput['rules']
}

const oneIn14 = { onCallFrequency: { maxDuties: 1, windowDays: 14 } }
const SMALL: SmallShape[] = [
  { name: 'small-1', zones: 2, peoplePerZone: 3, pattern: daily, from: '2026-03-02', to: '2026-03-22', seed: 1 },
  {
    name: 'small-2',
    zones: 2,
    peoplePerZone: 4,
    pattern: weekly,
    from: '2026-01-05',
    to: '2026-06-22',
    zoneKey: { kind: 'fte' },
    leavePerPerson: 1,
    rules: oneIn14,
    seed: 2,
  },
  {
    name: 'small-3',
    zones: 3,
    peoplePerZone: 2,
    pattern: daily,
    from: '2026-04-01',
    to: '2026-04-25',
    zoneKey: { kind: 'population' },
    seed: 3,
  },
  {
    name: 'small-4',
    zones: 2,
    peoplePerZone: 5,
    pattern: dayNight,
    from: '2026-10-19',
    to: '2026-11-01',
    dutyKind: 'present',
    rules: { maxWorkHoursPer24h: 13 },
    seed: 4,
  },
  {
    name: 'small-5',
    zones: 3,
    peoplePerZone: 3,
    pattern: weekly,
    from: '2026-01-05',
    to: '2026-07-06',
    zoneKey: { kind: 'population' },
    leavePerPerson: 1,
    rules: oneIn14,
    seed: 5,
  },
  {
    name: 'small-6',
    zones: 4,
    peoplePerZone: 2,
    pattern: daily,
    from: '2026-05-01',
    to: '2026-05-29',
    zoneKey: { kind: 'fte' },
    leavePerPerson: 1,
    seed: 6,
  },
  {
    name: 'small-7',
    zones: 2,
    peoplePerZone: 6,
    pattern: daily,
    from: '2026-07-01',
    to: '2026-08-10',
    zoneKey: { kind: 'fte' },
    leavePerPerson: 1,
    seed: 7,
  },
  {
    name: 'small-8',
    zones: 4,
    peoplePerZone: 3,
    pattern: weekly,
    from: '2026-01-05',
    to: '2026-07-27',
    leavePerPerson: 1,
    rules: oneIn14,
    seed: 8,
  },
  {
    name: 'small-9',
    zones: 3,
    peoplePerZone: 4,
    pattern: dayNight,
    from: '2026-03-23',
    to: '2026-04-07',
    dutyKind: 'present',
    zoneKey: { kind: 'fte' },
    rules: { maxWorkHoursPer24h: 13 },
    seed: 9,
  },
  {
    name: 'small-10',
    zones: 2,
    peoplePerZone: 10,
    pattern: daily,
    from: '2026-12-01',
    to: '2027-01-30',
    zoneKey: { kind: 'population' },
    leavePerPerson: 2,
    seed: 10,
  },
]

function small(shape: SmallShape, highs: LegacyHighs | null) {
  const input: RosterInput = { ...makeInstance(shape), ...(shape.rules ? { rules: shape.rules } : {}) }
  const baselineStart = performance.now()
  expandPattern(shape.pattern, shape.from, shape.to)
  const baselineMs = performance.now() - baselineStart
  const start = performance.now()
  const cpu = process.cpuUsage()
  const result = solveRoster(input, { timeLimitMs: 10_000 })
  const ms = performance.now() - start
  const cpuMs = process.cpuUsage(cpu).user / 1000
  const ours = rosterObjective(input, result.assignments)
  const f = fairness(input, result)
  let exact = null
  let atOptimum = false
  let gap = null
  if (highs) {
    const highsCpu = process.cpuUsage()
    const e = solveExactly(input, highs, (a) => rosterObjective(input, a), { timeLimitSeconds: highsSeconds })
    const highsCpuSeconds = process.cpuUsage(highsCpu).user / 1e6
    const stats = e.assignments ? statsOf(input, e.assignments) : null
    const best = Math.min(ours, e.objective ?? Infinity)
    atOptimum = e.status === 'Optimal' && ours <= (e.objective ?? -Infinity) * (1 + 1e-6) + 1e-9
    gap = round((ours - best) / Math.max(1e-9, best), 4)
    exact = {
      status: e.status,
      seconds: round(e.seconds, 2),
      cpuSeconds: round(highsCpuSeconds, 2),
      loadSpread: stats ? round(fairness(input, stats).loadSpread, 1) : null,
      objective: e.objective === null ? null : round(e.objective, 6),
      lowerBound: e.lowerBound === null ? null : round(e.lowerBound, 6),
      rounds: e.rounds,
      hardViolations: e.assignments ? checkRoster(input, e.assignments).length : null,
    }
  }
  return {
    name: shape.name,
    zones: shape.zones,
    people: input.people.length,
    slots: input.slots.length,
    seconds: round(ms / 1000, 4),
    cpuSeconds: round(cpuMs / 1000, 4),
    hardViolations: checkRoster(input, result.assignments).length,
    unfilled: result.unfilled.length,
    zoneShareMaxDeviation: round(f.zoneShareMaxDeviation, 3),
    loadSpread: round(f.loadSpread, 1),
    objective: round(ours, 6),
    baselineMs: round(baselineMs, 2),
    ratio: round(ms / baselineMs, 2),
    highs: exact,
    atOptimum,
    gap,
    /** HiGHS CPU time / ours (the machine is shared: CPU time is the fairer clock). */
    speedup: exact ? round(exact.cpuSeconds / Math.max(1e-4, cpuMs / 1000), 0) : null,
  }
}

// Warm up the JIT (solver and Temporal) so the first measurement is not the compiler's.
solveRoster(makeInstance({ zones: 2, peoplePerZone: 5, pattern: daily, from: FROM, to: '2026-03-01' }))
for (const pattern of [daily, dayNight, weekly]) expandPattern(pattern, FROM, TO)
const loadHighs = highsModule.default as unknown as () => Promise<LegacyHighs>
const highs = values['no-highs'] ? null : await loadHighs()

const only = values.only?.split(',')
const wanted = (name: string) => !only || only.includes(name)
const instances = [
  ...(wanted('wvl4-year')
    ? [chain('wvl4-year', wvl4Instances(FROM, TO), [weekly, weekly, weekly, weekly, dayNight])]
    : []),
  ...(wanted('year-daily-4x30')
    ? [chain('year-daily-4x30', [{ name: 'daily', input: generatedYear(daily, 'on_call', 1) }], [daily])]
    : []),
  ...(wanted('year-day-night-4x30')
    ? [chain('year-day-night-4x30', [{ name: 'day-night', input: generatedYear(dayNight, 'present', 1) }], [dayNight])]
    : []),
  ...SMALL.filter((shape) => wanted(shape.name)).map((shape) => small(shape, highs)),
]
const smallRows = instances.filter((i): i is ReturnType<typeof small> => 'atOptimum' in i)
const summary = {
  smallAtOptimum: smallRows.filter((i) => i.atOptimum).length,
  smallProvedByHighs: smallRows.filter((i) => i.highs?.status === 'Optimal').length,
  smallInstances: smallRows.length,
}

if (values.json) console.log(JSON.stringify({ instances, summary }))
else {
  for (const i of instances) {
    const extra =
      'atOptimum' in i && i.highs
        ? `  objective ${i.objective} vs HiGHS ${i.highs.objective} (${i.highs.status}, bound ${i.highs.lowerBound}, ${i.highs.seconds} s)`
        : ''
    console.log(
      `${i.name.padEnd(22)} ${String(i.people).padStart(4)} people ${String(i.slots).padStart(5)} slots  ${i.seconds.toFixed(3)} s  ` +
        `violations ${i.hardViolations}  unfilled ${i.unfilled}  zone deviation ${i.zoneShareMaxDeviation} slots  ` +
        `load spread ${i.loadSpread} h${extra}`,
    )
  }
  console.log(summary)
}
