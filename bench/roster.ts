// Roster solver benchmark: a year of daily slots and a year of day/night slots for 4 zones × 30 eligible
// people (three leave periods each), and a year of five rotations for the same people solved one after
// another, each seeing the earlier rotations' duties (the shape of WVL4's shared permanences). For each:
// solve time, the checker's hard violations, unfilled slots, the largest zone deviation (in mean slots)
// and the load spread within a zone (weighted hours). The baseline, measured in the same run, is
// expanding the instance's pattern(s) alone; `ratio` = solve time / baseline, so figures compare across
// machines. `highs` stays null: the comparison with an exact integer program (issue 8) is not built yet.
// Usage: npm run bench:roster -- [--json]
import { parseArgs } from 'node:util'
import { checkRoster } from '../src/server/features/permanences/domain/check.ts'
import { expandPattern, type ShiftPattern } from '../src/server/features/permanences/domain/patterns.ts'
import { solveRoster, type SolveResult } from '../src/server/features/permanences/domain/solver.ts'
import { makeInstance } from '../src/server/features/permanences/domain/testing.ts'
import type { BusyInterval, RosterInput } from '../src/server/features/permanences/domain/types.ts'

const { values } = parseArgs({ options: { json: { type: 'boolean' } } })

const FROM = '2026-01-01'
const TO = '2027-01-01'
const daily: ShiftPattern = { kind: 'daily', handoffTime: '07:00' }
const weekly: ShiftPattern = { kind: 'weekly', handoffWeekday: 1, handoffTime: '07:00' }
const dayNight: ShiftPattern = { kind: 'day_night', dayStart: '07:00', nightStart: '19:00' }

interface Rotation {
  pattern: ShiftPattern
  dutyKind: 'on_call' | 'present'
}

function instance(rotation: Rotation, busy: BusyInterval[], seed: number): RosterInput {
  const base = makeInstance({
    zones: 4,
    peoplePerZone: 30,
    pattern: rotation.pattern,
    from: FROM,
    to: TO,
    dutyKind: rotation.dutyKind,
    leavePerPerson: 3,
    zoneKey: { kind: 'fte' },
    seed: 11,
  })
  // Twelve-hour present shifts need a daily limit above the default 10 h (an association setting); 13 h
  // because the night of the autumn change lasts 13 hours.
  return {
    ...base,
    rotation: { ...base.rotation, id: `rotation-${seed}` },
    busy,
    seed,
    rules: rotation.dutyKind === 'present' ? { maxWorkHoursPer24h: 13 } : {},
  }
}

function measure(name: string, rotations: Rotation[]) {
  const baselineStart = performance.now()
  for (const r of rotations) expandPattern(r.pattern, FROM, TO)
  const baselineMs = performance.now() - baselineStart

  let busy: BusyInterval[] = []
  const solved: Array<{ input: RosterInput; result: SolveResult }> = []
  let solveMs = 0
  rotations.forEach((rotation, i) => {
    const input = instance(rotation, busy, i + 1)
    const start = performance.now()
    const result = solveRoster(input, { timeLimitMs: 10_000 })
    solveMs += performance.now() - start
    solved.push({ input, result })
    busy = busy.concat(duties(input, result, rotation.dutyKind === 'present' ? 'work' : 'on_call'))
  })
  let hardViolations = 0
  let unfilled = 0
  let zoneShareMaxDeviation = 0
  let loadSpread = 0
  let slots = 0
  for (const { input, result } of solved) {
    hardViolations += checkRoster(input, result.assignments).length
    unfilled += result.unfilled.length
    slots += input.slots.length
    const meanSlot = result.stats.zones.reduce((a, z) => a + z.load, 0) / Math.max(1, input.slots.length)
    zoneShareMaxDeviation = Math.max(zoneShareMaxDeviation, result.stats.maxZoneDeviation / meanSlot)
    for (const zone of input.rotation.zones) {
      const loads = result.stats.people.filter((p) => p.zoneId === zone.id).map((p) => p.load)
      loadSpread = Math.max(loadSpread, (Math.max(...loads) - Math.min(...loads)) / 60)
    }
  }
  return {
    name,
    people: solved[0]?.input.people.length ?? 0,
    rotations: rotations.length,
    slots,
    seconds: round(solveMs / 1000, 3),
    hardViolations,
    unfilled,
    zoneShareMaxDeviation: round(zoneShareMaxDeviation, 3),
    loadSpread: round(loadSpread, 1),
    baselineMs: round(baselineMs, 1),
    ratio: round(solveMs / baselineMs, 2),
    highs: null,
  }
}

function duties(input: RosterInput, result: SolveResult, kind: 'work' | 'on_call'): BusyInterval[] {
  const slots = new Map(input.slots.map((s) => [s.id, s]))
  return result.assignments.flatMap((a) => {
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

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits

// Warm up the JIT (solver and Temporal) so the first measurement is not the compiler's.
solveRoster(makeInstance({ zones: 2, peoplePerZone: 5, pattern: daily, from: FROM, to: '2026-03-01' }))
for (const pattern of [daily, dayNight]) expandPattern(pattern, FROM, TO)

const instances = [
  measure('year-daily-4x30', [{ pattern: daily, dutyKind: 'on_call' }]),
  measure('year-day-night-4x30', [{ pattern: dayNight, dutyKind: 'present' }]),
  measure('year-five-rotations-4x30', [
    { pattern: weekly, dutyKind: 'on_call' },
    { pattern: dayNight, dutyKind: 'present' },
    { pattern: weekly, dutyKind: 'on_call' },
    { pattern: weekly, dutyKind: 'on_call' },
    { pattern: weekly, dutyKind: 'on_call' },
  ]),
]

if (values.json) console.log(JSON.stringify({ instances }))
else {
  for (const i of instances) {
    console.log(
      `${i.name.padEnd(26)} ${String(i.slots).padStart(5)} slots  ${i.seconds.toFixed(3)} s  ` +
        `(${i.ratio}× expanding the pattern: ${i.baselineMs} ms)  violations ${i.hardViolations}  unfilled ${i.unfilled}  ` +
        `zone deviation ${i.zoneShareMaxDeviation} slots  load spread ${i.loadSpread} h`,
    )
  }
}
