import { describe, expect, it } from 'vitest'
import { checkRoster } from './check.ts'
import { slotLoad } from './load.ts'
import { solveRoster } from './solver.ts'
import { rosterObjective } from './state.ts'
import { makeInstance } from './testing.ts'
import type { RosterInput } from './types.ts'

const daily = { kind: 'daily', handoffTime: '07:00' } as const
const weekly = { kind: 'weekly', handoffWeekday: 1, handoffTime: '07:00' } as const
const dayNight = { kind: 'day_night', dayStart: '07:00', nightStart: '19:00' } as const
const H = 3_600_000

function solveAndCheck(input: RosterInput) {
  const result = solveRoster(input, { timeLimitMs: 20_000 })
  expect(result.stats.timedOut).toBe(false)
  expect(checkRoster(input, result.assignments)).toEqual([])
  expect(result.unfilled).toEqual([])
  return result
}

describe('solveRoster', () => {
  it('solves a year of daily slots for 4 zones × 30 people with leave, zone shares by FTE', () => {
    const input = makeInstance({
      zones: 4,
      peoplePerZone: 30,
      pattern: daily,
      from: '2026-01-01',
      to: '2027-01-01',
      leavePerPerson: 3,
      zoneKey: { kind: 'fte' },
    })
    const result = solveAndCheck(input)
    expect(result.assignments).toHaveLength(365)
    expect(result.stats.maxZoneDeviation).toBeLessThanOrEqual(result.stats.maxSlotLoad)
    const targets = result.stats.zones.map((z) => z.target)
    expect(targets.reduce((a, b) => a + b, 0)).toBe(result.stats.zones.reduce((a, z) => a + z.load, 0))
    expect(new Set(targets).size).toBe(4)
  })

  it('keeps present shifts within the rest and working-time rules across the autumn DST change', () => {
    const input: RosterInput = {
      ...makeInstance({
        zones: 2,
        peoplePerZone: 8,
        pattern: dayNight,
        from: '2026-10-19',
        to: '2026-11-02',
        dutyKind: 'present',
      }),
      // 12-hour shifts (13 on the night of 24–25 October) need a higher daily limit than the default 10 h.
      rules: { maxWorkHoursPer24h: 13 },
    }
    const result = solveAndCheck(input)
    expect(result.assignments.find((a) => a.slotId === 'night:2026-10-24')?.personIds).toHaveLength(1)
  })

  it('rotates weekly on-call duty over the spring DST change with "one week in any three"', () => {
    const input: RosterInput = {
      ...makeInstance({ zones: 3, peoplePerZone: 1, pattern: weekly, from: '2026-03-02', to: '2026-05-25' }),
      rules: { onCallFrequency: { maxDuties: 1, windowDays: 21 } },
    }
    const result = solveAndCheck(input)
    const holders = result.assignments.map((a) => a.personIds[0])
    for (let i = 3; i < holders.length; i++) expect(holders[i]).toBe(holders[i - 3])
  })

  it('names the slots it cannot fill and the rule that blocked each person', () => {
    const input = makeInstance({ zones: 2, peoplePerZone: 2, pattern: daily, from: '2026-06-01', to: '2026-06-08' })
    const slot = input.slots[3]
    const leave = input.people.map((p) => ({
      personId: p.id,
      start: (slot?.start ?? 0) + H,
      end: (slot?.start ?? 0) + 2 * H,
    }))
    const result = solveRoster({ ...input, unavailability: leave })
    expect(result.unfilled).toEqual([{ slotId: slot?.id, missing: 1, blockedBy: [{ rule: 'UNAVAILABLE', people: 4 }] }])
    expect(result.assignments.find((a) => a.slotId === slot?.id)?.personIds).toEqual([])
    // Everything else is filled and lawful: the only finding of the checker is the empty slot.
    expect(checkRoster({ ...input, unavailability: leave }, result.assignments).map((v) => v.rule)).toEqual([
      'SLOT_UNDERSTAFFED',
    ])

    const present = { ...input, rotation: { ...input.rotation, dutyKind: 'present' as const } }
    const tooLong = solveRoster(present)
    expect(tooLong.unfilled).toHaveLength(7)
    expect(tooLong.unfilled[0]?.blockedBy).toEqual([{ rule: 'WORK_PER_24H', people: 4 }])

    // People who could never take the slots do not drown the rule that bites.
    const withOthers = [
      ...input.people,
      { id: 'agent-1', zoneId: 'zone-1', rank: 'agent' as const, qualifications: [] },
    ]
    const withAgent = solveRoster({ ...input, people: withOthers, unavailability: leave })
    expect(withAgent.unfilled[0]?.blockedBy).toEqual([{ rule: 'UNAVAILABLE', people: 4 }])

    const nobody = solveRoster({ ...input, people: input.people.map((p) => ({ ...p, rank: 'inspecteur' as const })) })
    expect(nobody.unfilled.map((u) => u.blockedBy)).toEqual(Array(7).fill([{ rule: 'NOT_ELIGIBLE', people: 4 }]))
  })

  it('weighs holidays more: whoever holds Christmas holds fewer slots', () => {
    const input: RosterInput = {
      ...makeInstance({ zones: 2, peoplePerZone: 1, pattern: daily, from: '2026-12-01', to: '2026-12-31' }),
      weights: { holiday: 3, saturday: 0, sunday: 0, night: 0 },
    }
    const christmas = input.slots.find((s) => s.id === 'day:2026-12-25')
    const ordinary = input.slots.find((s) => s.id === 'day:2026-12-02')
    expect(slotLoad(christmas?.hours ?? ordinary!.hours, { holiday: 3, saturday: 0, sunday: 0, night: 0 })).toBe(
      24 * 60 + 3 * 17 * 60,
    )
    const result = solveAndCheck(input)
    const holder = result.assignments.find((a) => a.slotId === 'day:2026-12-25')?.personIds[0]
    const count = (id: string | undefined) => result.assignments.filter((a) => a.personIds[0] === id).length
    const other = input.people.find((p) => p.id !== holder)?.id
    expect(count(holder)).toBeLessThan(count(other))
    expect(result.stats.maxZoneDeviation).toBeLessThanOrEqual(result.stats.maxSlotLoad)
  })

  it('keeps past and pinned slots, changes only the future, and shows the diff', () => {
    const input = makeInstance({ zones: 3, peoplePerZone: 4, pattern: daily, from: '2026-06-01', to: '2026-07-01' })
    const first = solveAndCheck(input)
    const now = input.slots[10]?.start ?? 0
    const pinned = ['day:2026-06-20']
    const pinnedHolder = first.assignments.find((a) => a.slotId === 'day:2026-06-20')?.personIds[0] ?? ''
    // The person holding the most future slots (not the pinned one) goes on leave for the rest of June.
    const future = first.assignments.filter((a) => (input.slots.find((s) => s.id === a.slotId)?.start ?? 0) >= now)
    const leaver = future.map((a) => a.personIds[0]).find((p) => p !== pinnedHolder) ?? ''
    const leave = [{ personId: leaver, start: now, end: now + 30 * 24 * H }]
    const again: RosterInput = { ...input, previous: first.assignments, pinned, now, unavailability: leave }
    const second = solveRoster(again)
    expect(checkRoster(again, second.assignments)).toEqual([])
    for (const a of first.assignments.slice(0, 10)) expect(second.assignments).toContainEqual(a)
    expect(second.assignments.find((a) => a.slotId === 'day:2026-06-20')?.personIds).toEqual([pinnedHolder])
    expect(second.diff.length).toBeGreaterThan(0)
    for (const d of second.diff) {
      expect(pinned).not.toContain(d.slotId)
      expect((input.slots.find((s) => s.id === d.slotId)?.start ?? 0) >= now).toBe(true)
    }
    expect(second.diff.filter((d) => d.before.includes(leaver)).length).toBe(
      future.filter((a) => a.personIds.includes(leaver)).length,
    )
    // A re-solve with nothing new changes nothing.
    expect(solveRoster({ ...input, previous: first.assignments, now }).diff).toEqual([])
  })

  it('keeps a locked slot that now breaks a rule, and reports it instead of changing it', () => {
    const input = makeInstance({ zones: 2, peoplePerZone: 3, pattern: daily, from: '2026-06-01', to: '2026-06-15' })
    const first = solveAndCheck(input)
    const slot = input.slots[2]
    const holder = first.assignments[2]?.personIds[0] ?? ''
    const leave = [{ personId: holder, start: slot?.start ?? 0, end: slot?.end ?? 0 }]
    const result = solveRoster({
      ...input,
      previous: first.assignments,
      pinned: [slot?.id ?? ''],
      unavailability: leave,
    })
    expect(result.assignments[2]?.personIds).toEqual([holder])
    expect(result.keptViolations).toEqual([
      { rule: 'UNAVAILABLE', slotId: slot?.id, personId: holder, other: 'unavailable' },
    ])
  })

  it('gives a pinned slot precedence over the previous roster around it', () => {
    const input: RosterInput = {
      ...makeInstance({ zones: 2, peoplePerZone: 3, pattern: daily, from: '2026-06-01', to: '2026-06-15' }),
      rules: { minHoursBetweenOnCall: 72 },
    }
    // A broken previous roster: one person on every day. Only day 7 is pinned.
    const one = input.people[0]?.id ?? ''
    const previous = input.slots.map((s) => ({ slotId: s.id, personIds: [one] }))
    const again = { ...input, previous, pinned: ['day:2026-06-07'] }
    // Without local search (effort 0), so that the construction alone is what is tested.
    const result = solveRoster(again, { effort: 0 })
    expect(result.assignments[6]?.personIds).toEqual([one])
    expect(checkRoster(again, result.assignments)).toEqual([])
    expect(result.diff.map((d) => d.slotId)).not.toContain('day:2026-06-07')
  })

  it('spreads the load within a zone evenly, in proportion to FTE', () => {
    const base = makeInstance({ zones: 1, peoplePerZone: 3, pattern: daily, from: '2026-06-01', to: '2026-07-01' })
    const input: RosterInput = {
      ...base,
      people: base.people.map((p, i) => ({ ...p, fte: i === 0 ? 0.5 : 1 })),
      weights: { night: 0, saturday: 0, sunday: 0, holiday: 0 },
    }
    const result = solveAndCheck(input)
    // 30 equal slots over 2.5 FTE: 6 for the half-timer, 12 for each full-timer (one slot of leeway).
    const slots = result.stats.people.map((p) => p.slots)
    expect(Math.abs((slots[0] ?? 0) - 6)).toBeLessThanOrEqual(1)
    expect(Math.abs((slots[1] ?? 0) - 12)).toBeLessThanOrEqual(1)
    expect(Math.abs((slots[2] ?? 0) - 12)).toBeLessThanOrEqual(1)
  })

  it('honours wishes and rather-nots when the rules allow', () => {
    const input = makeInstance({ zones: 2, peoplePerZone: 4, pattern: daily, from: '2026-06-01', to: '2026-06-29' })
    const [a, b] = input.people
    const week = { start: input.slots[7]?.start ?? 0, end: input.slots[14]?.start ?? 0 }
    const wished = input.slots[20]
    const result = solveAndCheck({
      ...input,
      preferences: [
        { personId: a?.id ?? '', kind: 'rather_not', ...week },
        { personId: b?.id ?? '', kind: 'wish', start: wished?.start ?? 0, end: wished?.end ?? 0 },
      ],
    })
    expect(result.assignments.slice(7, 14).some((x) => x.personIds.includes(a?.id ?? ''))).toBe(false)
    expect(result.assignments[20]?.personIds).toEqual([b?.id])
  })

  it('is deterministic for an input and seed, and reports progress up to 1', () => {
    const input = makeInstance({
      zones: 4,
      peoplePerZone: 6,
      pattern: dayNight,
      from: '2026-03-16',
      to: '2026-04-13',
      leavePerPerson: 1,
    })
    const fractions: number[] = []
    const one = solveRoster({ ...input, seed: 42 }, { onProgress: (f) => fractions.push(f) })
    const two = solveRoster({ ...input, seed: 42 })
    expect(two.assignments).toEqual(one.assignments)
    expect(fractions.at(-1)).toBe(1)
    expect(fractions).toEqual([...fractions].sort((x, y) => x - y))
  })

  it('stops at the time limit with a lawful (if less fair) roster', () => {
    const input = makeInstance({ zones: 4, peoplePerZone: 30, pattern: dayNight, from: '2026-01-01', to: '2027-01-01' })
    const result = solveRoster(input, { timeLimitMs: 0 })
    expect(result.stats.timedOut).toBe(true)
    expect(checkRoster(input, result.assignments)).toEqual([])
  })

  it('reaches the optimum HiGHS proved for a small instance, where two-position moves alone stop short', () => {
    // bench/roster.ts `small-1`: 2 zones × 3 people, 20 daily slots. HiGHS proved 0.158408 optimal (domain/
    // ilp.ts); hill climbing with moves and swaps alone stopped at 0.248544 for every seed.
    const input = makeInstance({
      zones: 2,
      peoplePerZone: 3,
      pattern: daily,
      from: '2026-03-02',
      to: '2026-03-22',
      seed: 1,
    })
    for (const seed of [1, 2, 3]) {
      const result = solveAndCheck({ ...input, seed })
      expect(rosterObjective(input, result.assignments)).toBeCloseTo(0.15840766, 6)
    }
  })
})
