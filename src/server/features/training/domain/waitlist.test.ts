// The waiting list's pure rules (issue 11): admission, promotion per zone in queue order, positions.
import { describe, expect, it } from 'vitest'
import { admission, freePlaces, positions, promotions, type Waiting } from './waitlist.ts'

const w = (id: string, minute: number): Waiting => ({ id, queuedAt: new Date(Date.UTC(2026, 2, 2, 9, minute)) })

describe('admission', () => {
  it('enrols while the zone has a free place, then waits', () => {
    expect(admission({ places: 2, enrolled: 1 })).toBe('enrolled')
    expect(admission({ places: 2, enrolled: 2 })).toBe('waitlisted')
    expect(admission({ places: 0, enrolled: 0 })).toBe('waitlisted')
  })
  it('never counts negative free places (places lowered to the enrolled count, or below by a race)', () => {
    expect(freePlaces({ places: 1, enrolled: 3 })).toBe(0)
  })
})

describe('promotions', () => {
  it('moves up the first of each zone line, as many as the zone has free places, in queue order', () => {
    const got = promotions([
      { zoneId: 'A', places: 3, enrolled: 1, waiting: [w('a3', 5), w('a1', 1), w('a2', 3)] },
      { zoneId: 'B', places: 2, enrolled: 2, waiting: [w('b1', 0)] },
    ])
    expect(got).toEqual([
      { zoneId: 'A', enrolmentId: 'a1' },
      { zoneId: 'A', enrolmentId: 'a2' },
    ])
  })
  it("never gives a zone's free place to another zone's line", () => {
    expect(
      promotions([
        { zoneId: 'A', places: 2, enrolled: 0, waiting: [] },
        { zoneId: 'B', places: 1, enrolled: 1, waiting: [w('b1', 0), w('b2', 1)] },
      ]),
    ).toEqual([])
  })
  it('breaks a tie of the same instant by id (stable)', () => {
    expect(promotions([{ zoneId: 'A', places: 1, enrolled: 0, waiting: [w('y', 2), w('x', 2)] }])).toEqual([
      { zoneId: 'A', enrolmentId: 'x' },
    ])
  })
  it('promotes no one when there is nobody waiting or no free place', () => {
    expect(promotions([{ zoneId: 'A', places: 1, enrolled: 1, waiting: [w('a', 0)] }])).toEqual([])
    expect(promotions([{ zoneId: 'A', places: 5, enrolled: 0, waiting: [] }])).toEqual([])
  })
})

describe('positions', () => {
  it('numbers the line from 1 in queue order', () => {
    expect([...positions([w('c', 9), w('a', 1), w('b', 4)])]).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ])
  })
})
