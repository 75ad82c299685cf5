import * as highsModule from 'highs'
import type { LegacyHighs } from 'highs'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkRoster } from './check.ts'
import { solveExactly } from './ilp.ts'
import { solveRoster } from './solver.ts'
import { rosterObjective } from './state.ts'
import { makeInstance } from './testing.ts'
import type { RosterInput } from './types.ts'

const weekly = { kind: 'weekly', handoffWeekday: 1, handoffTime: '07:00' } as const
const dayNight = { kind: 'day_night', dayStart: '07:00', nightStart: '19:00' } as const

let highs: LegacyHighs
beforeAll(async () => {
  highs = await (highsModule.default as unknown as () => Promise<LegacyHighs>)()
})

function exact(input: RosterInput) {
  return solveExactly(input, highs, (a) => rosterObjective(input, a), { timeLimitSeconds: 60 })
}

describe('the roster as an exact integer program (HiGHS)', () => {
  const tiny: Array<[string, RosterInput]> = [
    [
      'weekly on-call, 2 zones × 2 people, one week in any two, zone key by FTE',
      {
        ...makeInstance({
          zones: 2,
          peoplePerZone: 2,
          pattern: weekly,
          from: '2026-03-02',
          to: '2026-04-20',
          zoneKey: { kind: 'fte' },
        }),
        rules: { onCallFrequency: { maxDuties: 1, windowDays: 14 } },
      },
    ],
    [
      'present day/night shifts over the spring DST change, 2 zones × 2 people, rest and daily limits',
      {
        ...makeInstance({
          zones: 2,
          peoplePerZone: 2,
          pattern: dayNight,
          from: '2026-03-27',
          to: '2026-03-31',
          dutyKind: 'present',
        }),
        rules: { maxWorkHoursPer24h: 13 },
      },
    ],
  ]

  it.each(tiny)('%s: HiGHS proves an optimum that breaks no rule, and our solver reaches it', (_, input) => {
    const proved = exact(input)
    expect(proved.status).toBe('Optimal')
    expect(checkRoster(input, proved.assignments ?? [])).toEqual([])
    const ours = solveRoster(input)
    const value = rosterObjective(input, ours.assignments)
    // The bound is a true lower bound of every roster (ours included), and ours is no worse than the optimum.
    expect(value).toBeGreaterThanOrEqual((proved.lowerBound ?? Infinity) - 1e-6)
    expect(value).toBeCloseTo(proved.objective ?? -1, 6)
  })

  it('says Infeasible when the rules leave a slot without anyone (one person, one week in any two)', () => {
    const input: RosterInput = {
      ...makeInstance({ zones: 1, peoplePerZone: 1, pattern: weekly, from: '2026-03-02', to: '2026-03-16' }),
      rules: { onCallFrequency: { maxDuties: 1, windowDays: 14 } },
    }
    expect(exact(input).status).toBe('Infeasible')
  })
})

describe('the objective (rosterObjective)', () => {
  it('is what the search lowers: the full search ends no worse than the construction alone (effort 0)', () => {
    const input = makeInstance({
      zones: 2,
      peoplePerZone: 3,
      pattern: weekly,
      from: '2026-01-05',
      to: '2026-05-25',
      seed: 4,
    })
    const constructed = solveRoster(input, { effort: 0 })
    const full = solveRoster(input)
    expect(rosterObjective(input, full.assignments)).toBeLessThanOrEqual(
      rosterObjective(input, constructed.assignments),
    )
  })
})
