import { describe, expect, it } from 'vitest'
import { OFFICER_OF_DUTY } from './eligibility.ts'
import { expandPattern } from './patterns.ts'
import { rankTakeOver, takeOverBlocker, type CandidateDuty, type TakeOverInput } from './replacement.ts'
import type { PersonInput, Rotation } from './types.ts'

const HOUR = 3_600_000
const weekly = { kind: 'weekly', handoffWeekday: 1, handoffTime: '07:00' } as const
const [w1, w2, w3] = expandPattern(weekly, '2026-03-09', '2026-03-30')
if (!w1 || !w2 || !w3) throw new Error('three weeks expected')

const rotation: Rotation = {
  id: 'r1',
  dutyKind: 'on_call',
  peoplePerSlot: 1,
  eligibility: OFFICER_OF_DUTY,
  zones: [{ id: 'a' }, { id: 'b' }],
  zoneKey: { kind: 'equal' },
}
const person = (id: string, zoneId: string, extra: Partial<PersonInput> = {}): PersonInput => ({
  id,
  zoneId,
  rank: 'commissaris',
  qualifications: [],
  ...extra,
})
const duty = (id: string, personId: string, start: number, end: number, rotationId = 'other'): CandidateDuty => ({
  id,
  personId,
  start,
  end,
  kind: 'on_call',
  rotationId,
})
const base = (over: Partial<TakeOverInput> = {}): TakeOverInput => ({
  rotation,
  duty: w2,
  people: [person('req', 'a'), person('a1', 'a'), person('b1', 'b'), person('b2', 'b')],
  duties: [],
  unavailability: [],
  exclude: ['req'],
  ...over,
})

describe('rankTakeOver', () => {
  it('offers the duty to eligible colleagues of every covered zone, lowest weighted load first', () => {
    const { candidates, blocked } = rankTakeOver(
      base({
        duties: [
          duty('d1', 'a1', w1.start, w1.end, 'r1'), // a full week on call: the heaviest
          duty('d2', 'b1', w3.start + 10 * 24 * HOUR, w3.start + 10 * 24 * HOUR + 8 * HOUR), // eight weekday hours
        ],
      }),
    )
    expect(blocked).toEqual([])
    expect(candidates.map((c) => c.personId)).toEqual(['b2', 'b1', 'a1'])
    expect(candidates[0]).toMatchObject({ zoneId: 'b', load: 0, duties: 0 })
    expect(candidates[1]!.load).toBe(8 * 60)
    expect(candidates[2]!.load).toBeGreaterThan(7 * 24 * 60) // weekend and night hours weigh more
  })

  it('weighs load per FTE: a part-timer with the same duties ranks after a full-timer', () => {
    const d = (id: string, p: string) => duty(id, p, w3.start + 10 * 24 * HOUR, w3.start + 10 * 24 * HOUR + 8 * HOUR)
    const { candidates } = rankTakeOver(
      base({
        people: [person('a1', 'a', { fte: 0.5 }), person('b1', 'b')],
        duties: [d('x', 'a1'), d('y', 'b1')],
      }),
    )
    expect(candidates.map((c) => [c.personId, c.load])).toEqual([
      ['b1', 480],
      ['a1', 960],
    ])
  })

  it('names why a colleague is not offered it: rank, leave, an overlapping duty, an uncovered zone', () => {
    const { candidates, blocked } = rankTakeOver(
      base({
        people: [
          person('inspecteur', 'a', { rank: 'inspecteur' }),
          person('on-leave', 'a'),
          person('busy', 'b'),
          person('elsewhere', 'c'),
          person('free', 'b'),
        ],
        unavailability: [{ personId: 'on-leave', start: w2.start + 24 * HOUR, end: w2.start + 48 * HOUR }],
        duties: [duty('x', 'busy', w2.start + 3 * 24 * HOUR, w2.start + 4 * 24 * HOUR)],
      }),
    )
    expect(candidates.map((c) => c.personId)).toEqual(['free'])
    expect(blocked).toEqual([
      { personId: 'inspecteur', rule: 'NOT_ELIGIBLE' },
      { personId: 'on-leave', rule: 'UNAVAILABLE' },
      { personId: 'busy', rule: 'OVERLAP' },
      { personId: 'elsewhere', rule: 'ZONE_NOT_COVERED' },
    ])
  })

  it('holds the rest rules of the rotation across rotations', () => {
    const present: Rotation = { ...rotation, dutyKind: 'present' }
    const day = { kind: 'day_night', dayStart: '07:00', nightStart: '19:00' } as const
    const slots = expandPattern(day, '2026-03-10', '2026-03-11')
    const night = slots.find((s) => s.label === 'night')
    if (!night) throw new Error('a night slot expected')
    // Worked until 02:00 in another rotation: the 19:00 shift starts 17 h later, fine; until 12:00: only 7 h.
    const work = (id: string, p: string, end: number): CandidateDuty => ({
      ...duty(id, p, end - 4 * HOUR, end),
      kind: 'work',
    })
    const { candidates, blocked } = rankTakeOver(
      base({
        rotation: present,
        duty: night,
        rules: { maxWorkHoursPer24h: 12 }, // a 12-hour night shift
        people: [person('rested', 'a'), person('tired', 'b')],
        duties: [work('x', 'rested', night.start - 17 * HOUR), work('y', 'tired', night.start - 7 * HOUR)],
      }),
    )
    expect(candidates.map((c) => c.personId)).toEqual(['rested'])
    expect(blocked).toEqual([{ personId: 'tired', rule: 'REST_TOO_SHORT' }])
  })

  it('in a swap, leaves out the duty the taker hands back', () => {
    const input = base({
      people: [person('taker', 'b')],
      duties: [duty('back', 'taker', w2.start, w2.end, 'r1')],
    })
    expect(takeOverBlocker(input, 'taker')).toBe('OVERLAP')
    expect(takeOverBlocker({ ...input, without: { taker: 'back' } }, 'taker')).toBeNull()
    expect(takeOverBlocker(input, 'nobody')).toBe('NOT_ELIGIBLE')
  })
})
