import { Temporal } from 'temporal-polyfill'
import { describe, expect, it } from 'vitest'
import {
  fairnessReport,
  type FairnessDuty,
  type FairnessInput,
  type FairnessMembership,
  type FairnessRotation,
} from './fairness.ts'
import { localInstant } from './hours.ts'
import { slotLoad } from './load.ts'
import { expandPattern } from './patterns.ts'
import { DEFAULT_WEIGHTS, type ZoneKey } from './types.ts'

const at = (date: string, time: string) => localInstant(Temporal.PlainDate.from(date), Temporal.PlainTime.from(time))
const rotation = (id: string, zoneKey: ZoneKey = { kind: 'equal' }, zones = ['a', 'b']): FairnessRotation => ({
  id,
  zones: zones.map((z) => ({ id: z })),
  zoneKey,
  weights: DEFAULT_WEIGHTS,
})
const member = (personId: string, zoneId: string, from = '2026-01-01', to: string | null = null, rotationId = 'r') =>
  ({ rotationId, personId, zoneId, fte: 1, from, to }) satisfies FairnessMembership
/** A weekly duty starting on `monday` at `time` (midnight by default: inside a period of whole weeks). */
const week = (personId: string, zoneId: string, monday: string, rotationId = 'r', time = '00:00'): FairnessDuty => {
  const next = Temporal.PlainDate.from(monday).add({ days: 7 }).toString()
  return { rotationId, personId, zoneId, start: at(monday, time), end: at(next, time) }
}
const report = (input: Partial<FairnessInput> & Pick<FairnessInput, 'duties' | 'memberships'>) =>
  fairnessReport({ from: '2026-01-05', to: '2026-02-01', rotations: [rotation('r')], ...input })
const zone = (r: ReturnType<typeof fairnessReport>, id: string) => r.zones.find((z) => z.zoneId === id)!
const person = (r: ReturnType<typeof fairnessReport>, id: string) => r.people.find((p) => p.personId === id)!

// An ordinary winter week, Monday to Monday: 168 h, 56 night hours (7 × 8 h of 22:00–06:00), a whole
// Saturday and Sunday: 168 + 0.5 × 56 + 0.5 × 24 + 1 × 24 = 232 weighted hours.
const WINTER_WEEK = 232

describe('fairness report', () => {
  it('counts slots, hours and weighted hours per zone against an equal key', () => {
    const r = report({
      duties: [
        week('a1', 'a', '2026-01-05'),
        week('a2', 'a', '2026-01-12'),
        week('a1', 'a', '2026-01-19'),
        week('b1', 'b', '2026-01-26'),
      ],
      memberships: [member('a1', 'a'), member('a2', 'a'), member('b1', 'b'), member('b2', 'b')],
    })
    expect(r.totals).toMatchObject({ slots: 4, hours: 4 * 168, weightedHours: 4 * WINTER_WEEK, nightHours: 4 * 56 })
    expect(zone(r, 'a')).toMatchObject({
      slots: 3,
      weightedHours: 3 * WINTER_WEEK,
      keyShare: 0.5,
      actualShare: 0.75,
      targetWeightedHours: 2 * WINTER_WEEK,
      deviation: WINTER_WEEK,
      members: 2,
      capacity: 2,
      meanWeightedHours: 1.5 * WINTER_WEEK,
    })
    expect(zone(r, 'b')).toMatchObject({ slots: 1, deviation: -WINTER_WEEK, meanWeightedHours: WINTER_WEEK / 2 })
    // Within zone a: a1 carried two weeks, a2 one, against a mean of one and a half.
    expect(person(r, 'a1')).toMatchObject({
      slots: 2,
      expectedWeightedHours: 1.5 * WINTER_WEEK,
      deviation: 0.5 * WINTER_WEEK,
    })
    expect(person(r, 'a2').deviation).toBe(-0.5 * WINTER_WEEK)
    // A member without any duty is in the report, at zero.
    expect(person(r, 'b2')).toMatchObject({ slots: 0, weightedHours: 0, deviation: -WINTER_WEEK / 2 })
  })

  it('weighs a DST week exactly as the solver does (167 hours, one night hour fewer)', () => {
    // 23 to 30 March 2026: the clocks go forward on Sunday the 29th.
    const r = report({
      from: '2026-03-23',
      to: '2026-03-30',
      duties: [week('a1', 'a', '2026-03-23', 'r', '07:00')],
      memberships: [member('a1', 'a')],
    })
    expect(r.totals).toMatchObject({ hours: 167, nightHours: 55, saturdayHours: 24, sundayHours: 23 })
    expect(r.totals.weightedHours).toBe(167 + 0.5 * 55 + 0.5 * 24 + 23)
    const [slot] = expandPattern(
      { kind: 'weekly', handoffWeekday: 1, handoffTime: '07:00' },
      '2026-03-23',
      '2026-03-24',
    )
    expect(r.totals.weightedHours).toBe(slotLoad(slot!.hours, DEFAULT_WEIGHTS) / 60)
  })

  it('weighs public holidays (21 July) and uses the rotation’s own weights', () => {
    const day = {
      rotationId: 'r',
      personId: 'a1',
      zoneId: 'a',
      start: at('2026-07-21', '07:00'),
      end: at('2026-07-22', '07:00'),
    }
    const r = report({ from: '2026-07-20', to: '2026-07-26', duties: [day], memberships: [member('a1', 'a')] })
    expect(r.totals).toMatchObject({ hours: 24, holidayHours: 17, nightHours: 8, saturdayHours: 0 })
    expect(r.totals.weightedHours).toBe(24 + 0.5 * 8 + 17)
    const heavy = { ...rotation('r'), weights: { night: 1, saturday: 0, sunday: 0, holiday: 2 } }
    const r2 = report({ from: '2026-07-20', to: '2026-07-26', rotations: [heavy], duties: [day], memberships: [] })
    expect(r2.totals.weightedHours).toBe(24 + 8 + 2 * 17)
  })

  it('compares a person who joined mid-period per available time', () => {
    // Four weeks; a2 joined for the last two. a1 carried two weeks, a2 one, b1 one.
    const r = report({
      duties: [
        week('a1', 'a', '2026-01-05'),
        week('a1', 'a', '2026-01-12'),
        week('a2', 'a', '2026-01-19'),
        week('b1', 'b', '2026-01-26'),
      ],
      memberships: [member('a1', 'a'), member('a2', 'a', '2026-01-19'), member('b1', 'b')],
    })
    const a = zone(r, 'a')
    expect(a.capacity).toBe(1.5)
    // The zone mean is the plain mean of its people; the expectations are per available time.
    expect(a.meanWeightedHours).toBe((3 * WINTER_WEEK) / 2)
    expect(person(r, 'a1')).toMatchObject({ capacity: 1, expectedWeightedHours: 2 * WINTER_WEEK, deviation: 0 })
    expect(person(r, 'a2')).toMatchObject({ capacity: 0.5, expectedWeightedHours: WINTER_WEEK, deviation: 0 })
    // A part-timer counts by FTE the same way.
    const half = report({
      duties: [week('a1', 'a', '2026-01-05'), week('a1', 'a', '2026-01-12'), week('a2', 'a', '2026-01-19')],
      memberships: [member('a1', 'a'), { ...member('a2', 'a'), fte: 0.5 }, member('b1', 'b')],
    })
    expect(person(half, 'a2')).toMatchObject({ capacity: 0.5, deviation: 0 })
  })

  it('gives a zone of weight zero a target of zero, and falls back to equal shares when all weigh zero', () => {
    const key: ZoneKey = { kind: 'custom', weights: { a: 3, b: 1, c: 0 } }
    const r = report({
      rotations: [rotation('r', key, ['a', 'b', 'c'])],
      duties: [
        week('a1', 'a', '2026-01-05'),
        week('a1', 'a', '2026-01-12'),
        week('b1', 'b', '2026-01-19'),
        week('c1', 'c', '2026-01-26'),
      ],
      memberships: [member('a1', 'a'), member('b1', 'b'), member('c1', 'c')],
    })
    expect(zone(r, 'c')).toMatchObject({ keyShare: 0, targetWeightedHours: 0, deviation: WINTER_WEEK })
    expect(zone(r, 'a')).toMatchObject({
      keyShare: 0.75,
      targetWeightedHours: 3 * WINTER_WEEK,
      deviation: -WINTER_WEEK,
    })
    const none = report({
      rotations: [rotation('r', { kind: 'custom', weights: {} }, ['a', 'b'])],
      duties: [],
      memberships: [member('a1', 'a')],
    })
    expect(none.zones.map((z) => [z.zoneId, z.keyShare, z.actualShare])).toEqual([
      ['a', 0.5, null],
      ['b', 0.5, null],
    ])
    expect(zone(none, 'b')).toMatchObject({ capacity: 0, meanWeightedHours: null })
  })

  it('counts only the hours inside the period; the slot where it starts, so adjacent periods add up', () => {
    // The week of Monday 26 January runs into February.
    const duties = [week('a1', 'a', '2026-01-26', 'r', '07:00')]
    const memberships = [member('a1', 'a')]
    const jan = report({ from: '2026-01-01', to: '2026-01-31', duties, memberships })
    const feb = report({ from: '2026-02-01', to: '2026-02-28', duties, memberships })
    expect([jan.totals.slots, feb.totals.slots]).toEqual([1, 0])
    expect(jan.totals.hours).toBe(6 * 24 - 7) // Monday 07:00 to Sunday 1 February 00:00
    expect(jan.totals.hours + feb.totals.hours).toBe(168)
    expect(jan.totals.weightedHours + feb.totals.weightedHours).toBe(WINTER_WEEK)
  })

  it('combines rotations with different keys by their actual loads', () => {
    // r1 splits equally, r2 gives zone a everything; r2 carries one week, r1 two.
    const r = report({
      rotations: [rotation('r1'), rotation('r2', { kind: 'custom', weights: { a: 1, b: 0 } })],
      duties: [
        week('a1', 'a', '2026-01-05', 'r1'),
        week('b1', 'b', '2026-01-12', 'r1'),
        week('a1', 'a', '2026-01-19', 'r2'),
      ],
      memberships: [
        member('a1', 'a', '2026-01-01', null, 'r1'),
        member('b1', 'b', '2026-01-01', null, 'r1'),
        member('a1', 'a', '2026-01-01', null, 'r2'),
      ],
    })
    expect(zone(r, 'a')).toMatchObject({ targetWeightedHours: 2 * WINTER_WEEK, deviation: 0, keyShare: 2 / 3 })
    expect(zone(r, 'b')).toMatchObject({ targetWeightedHours: WINTER_WEEK, deviation: 0 })
    expect(person(r, 'a1')).toMatchObject({ slots: 2, capacity: 2, expectedWeightedHours: 2 * WINTER_WEEK })
  })

  it('refuses a period that ends before it starts', () => {
    expect(() => report({ from: '2026-02-01', to: '2026-01-31', duties: [], memberships: [] })).toThrow(RangeError)
  })
})
