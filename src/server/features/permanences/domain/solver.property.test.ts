// Property tests of the solver against the independent checker, on generated instances: 2–4 zones, a few
// people each, any pattern, dates all over the year (DST weeks included), leave, limits, pinned slots.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkRoster } from './check.ts'
import type { ShiftPattern } from './patterns.ts'
import { solveRoster } from './solver.ts'
import { makeInstance } from './testing.ts'
import type { RosterInput, ZoneKey } from './types.ts'

const patterns: ShiftPattern[] = [
  { kind: 'daily', handoffTime: '07:00' },
  { kind: 'weekly', handoffWeekday: 1, handoffTime: '07:00' },
  { kind: 'day_night', dayStart: '07:00', nightStart: '19:00' },
  { kind: 'custom', shifts: [{ label: 'early', weekdays: [1, 2, 3, 4, 5], start: '06:00', end: { time: '14:00' } }] },
  { kind: 'custom', shifts: [{ label: 'we', weekdays: [6, 7], start: '02:30', end: { durationMinutes: 600 } }] },
]
const zoneKeys: ZoneKey[] = [
  { kind: 'equal' },
  { kind: 'fte' },
  { kind: 'population' },
  { kind: 'custom', weights: { 'zone-1': 3, 'zone-2': 1, 'zone-3': 2 } },
]
const date = fc.integer({ min: 0, max: 364 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10))
const plusDays = (from: string, days: number) =>
  new Date(Date.parse(from) + days * 86_400_000).toISOString().slice(0, 10)

const instance = fc
  .record({
    zones: fc.integer({ min: 2, max: 4 }),
    peoplePerZone: fc.integer({ min: 1, max: 8 }),
    pattern: fc.constantFrom(...patterns),
    from: date,
    days: fc.integer({ min: 7, max: 60 }),
    dutyKind: fc.constantFrom('on_call' as const, 'present' as const),
    peoplePerSlot: fc.integer({ min: 1, max: 2 }),
    leavePerPerson: fc.integer({ min: 0, max: 2 }),
    zoneKey: fc.constantFrom(...zoneKeys),
    seed: fc.integer({ min: 1, max: 1000 }),
    frequency: fc.option(
      fc.record({ maxDuties: fc.integer({ min: 1, max: 3 }), windowDays: fc.integer({ min: 1, max: 28 }) }),
    ),
    minHoursBetweenOnCall: fc.constantFrom(0, 0, 12, 48),
    maxWorkHoursPer24h: fc.constantFrom(10, 13),
  })
  .map((g): RosterInput => ({
    ...makeInstance({ ...g, to: plusDays(g.from, g.days) }),
    rules: {
      onCallFrequency: g.frequency,
      minHoursBetweenOnCall: g.minHoursBetweenOnCall,
      maxWorkHoursPer24h: g.maxWorkHoursPer24h,
    },
    seed: g.seed,
  }))

describe('solveRoster (properties)', () => {
  it('never breaks a hard rule: the checker finds only the slots the solver reports unfilled', () => {
    fc.assert(
      fc.property(instance, (input) => {
        const result = solveRoster(input, { timeLimitMs: 10_000 })
        const unfilled = new Set(result.unfilled.map((u) => u.slotId))
        const violations = checkRoster(input, result.assignments)
        for (const v of violations) {
          expect(v.rule).toBe('SLOT_UNDERSTAFFED')
          expect(unfilled).toContain(v.slotId)
        }
        expect(violations).toHaveLength(unfilled.size)
        for (const u of result.unfilled) expect(u.blockedBy.length).toBeGreaterThan(0)
      }),
      { numRuns: 60 },
    )
  })

  it('re-solving keeps every locked slot as it was', () => {
    fc.assert(
      fc.property(instance, fc.double({ min: 0, max: 1, noNaN: true }), (input, cut) => {
        const first = solveRoster(input)
        const now =
          (input.slots[0]?.start ?? 0) + cut * ((input.slots.at(-1)?.start ?? 0) - (input.slots[0]?.start ?? 0))
        const pinned = input.slots.filter((_, i) => i % 5 === 2).map((s) => s.id)
        const again = { ...input, previous: first.assignments, now, pinned, seed: (input.seed ?? 1) + 1 }
        const second = solveRoster(again)
        // Nothing changed but the cut: the re-solved roster is as lawful as the first, locked slots kept.
        const emptyBefore = new Set(
          first.assignments.filter((a) => a.personIds.length < input.rotation.peoplePerSlot).map((a) => a.slotId),
        )
        const unfilled = new Set(second.unfilled.map((u) => u.slotId))
        for (const v of checkRoster(again, second.assignments)) {
          expect(v.rule).toBe('SLOT_UNDERSTAFFED')
          expect(unfilled.has(v.slotId) || emptyBefore.has(v.slotId)).toBe(true)
        }
        expect(second.keptViolations).toEqual([])
      }),
      { numRuns: 30 },
    )
  })

  it('fills every slot and keeps each zone within one slot of its target when nothing else binds', () => {
    const loose = fc
      .record({
        zones: fc.integer({ min: 2, max: 4 }),
        peoplePerZone: fc.integer({ min: 2, max: 8 }),
        pattern: fc.constantFrom(...patterns),
        from: date,
        days: fc.integer({ min: 14, max: 90 }),
        zoneKey: fc.constantFrom(...zoneKeys),
        seed: fc.integer({ min: 1, max: 1000 }),
      })
      .map((g) => ({ ...makeInstance({ ...g, to: plusDays(g.from, g.days) }), seed: g.seed }))
    fc.assert(
      fc.property(loose, (input) => {
        const result = solveRoster(input, { timeLimitMs: 10_000 })
        expect(result.unfilled).toEqual([])
        expect(checkRoster(input, result.assignments)).toEqual([])
        // Zones that can hold slots at all: a zone whose key share is 0 gets none.
        expect(result.stats.maxZoneDeviation).toBeLessThanOrEqual(result.stats.maxSlotLoad)
      }),
      { numRuns: 60 },
    )
  })

  it('finds the cycle when "one week in any N" for N people leaves no slack', () => {
    const tight = fc
      .record({
        zones: fc.integer({ min: 1, max: 3 }),
        peoplePerZone: fc.integer({ min: 1, max: 3 }),
        weeks: fc.integer({ min: 4, max: 20 }),
        from: date,
        seed: fc.integer({ min: 1, max: 1000 }),
      })
      .map((g) => {
        const base = makeInstance({
          ...g,
          pattern: patterns[1] ?? { kind: 'daily', handoffTime: '07:00' },
          to: plusDays(g.from, 7 * g.weeks),
        })
        const windowDays = 7 * g.zones * g.peoplePerZone
        return { ...base, seed: g.seed, rules: { onCallFrequency: { maxDuties: 1, windowDays } } }
      })
    fc.assert(
      fc.property(tight, (input) => {
        const result = solveRoster(input)
        expect(result.unfilled).toEqual([])
        expect(checkRoster(input, result.assignments)).toEqual([])
      }),
      { numRuns: 40 },
    )
  })
})
