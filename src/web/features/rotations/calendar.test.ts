import { describe, expect, it } from 'vitest'
import {
  atNoon,
  changeKind,
  gridRange,
  monthGrid,
  piecesByDay,
  shiftMonth,
  zoneShares,
  type CalendarEntry,
} from './calendar.ts'

const person = (zoneId: string) => ({
  personId: `p-${zoneId}`,
  zoneId,
  zoneCode: zoneId,
  firstName: 'A',
  lastName: 'B',
})
const entry = (slotKey: string, from: string, until: string, zoneId = '5382'): CalendarEntry => ({
  slotKey,
  position: 1,
  from,
  until,
  person: person(zoneId),
})

describe('the month grid', () => {
  it('starts on Monday and ends on Sunday, with the days of the months either side', () => {
    const weeks = monthGrid('2026-03')
    expect(weeks[0]![0]).toBe('2026-02-23') // 1 March 2026 is a Sunday
    expect(weeks[0]![6]).toBe('2026-03-01')
    expect(weeks.at(-1)![6]).toBe('2026-04-05')
    expect(weeks).toHaveLength(6)
    expect(gridRange('2026-03')).toEqual({ from: '2026-02-23', to: '2026-04-05' })
    expect(monthGrid('2027-02')).toHaveLength(4) // February 2027 starts on a Monday: four full weeks
  })

  it('steps months across years', () => {
    expect([shiftMonth('2026-12', 1), shiftMonth('2026-01', -1), shiftMonth('2026-05', 12)]).toEqual([
      '2027-01',
      '2025-12',
      '2027-05',
    ])
  })
})

describe('a duty laid out on local days', () => {
  it('a week across the spring change hands off at 07:00 on both ends (167 hours)', () => {
    const week = entry('week:2026-03-23', '2026-03-23T06:00:00.000Z', '2026-03-30T05:00:00.000Z')
    const days = piecesByDay([week])
    expect([...days.keys()]).toEqual([
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
    ])
    expect(days.get('2026-03-23')![0]).toMatchObject({ start: '07:00', end: null })
    expect(days.get('2026-03-29')![0]).toMatchObject({ start: null, end: null })
    expect(days.get('2026-03-30')![0]).toMatchObject({ start: null, end: '07:00' })
  })

  it('the night of the autumn change runs 19:00 to 07:00 over 13 hours, on two days', () => {
    const night = entry('night:2026-10-24', '2026-10-24T17:00:00.000Z', '2026-10-25T06:00:00.000Z')
    const days = piecesByDay([night])
    expect([...days.keys()]).toEqual(['2026-10-24', '2026-10-25'])
    expect(days.get('2026-10-24')![0]).toMatchObject({ start: '19:00', end: null })
    expect(days.get('2026-10-25')![0]).toMatchObject({ start: null, end: '07:00' })
  })

  it('a duty ending at midnight stays off the next day; two on a handoff day are in time order', () => {
    const daily = entry('day:2026-07-01', '2026-06-30T22:00:00.000Z', '2026-07-01T22:00:00.000Z')
    expect([...piecesByDay([daily]).keys()]).toEqual(['2026-07-01'])
    const a = entry('week:2026-06-29', '2026-06-29T05:00:00.000Z', '2026-07-06T05:00:00.000Z', '5382')
    const b = entry('week:2026-07-06', '2026-07-06T05:00:00.000Z', '2026-07-13T05:00:00.000Z', '5381')
    const handoff = piecesByDay([b, a]).get('2026-07-06')!
    expect(handoff.map((p) => [p.entry.slotKey, p.start, p.end])).toEqual([
      ['week:2026-06-29', null, '07:00'],
      ['week:2026-07-06', '07:00', null],
    ])
    // At noon of the handoff day the new week holds.
    expect(atNoon([a, b], '2026-07-06').map((e) => e.slotKey)).toEqual(['week:2026-07-06'])
    expect(atNoon([a, b], '2026-07-20')).toEqual([])
  })
})

describe('zone shares and changes', () => {
  const figures = new Map([
    ['a', { staffFte: 30, population: 5000 }],
    ['b', { staffFte: 90, population: 45000 }],
  ])
  it('follows the key: equal, FTE, population, custom weights', () => {
    expect([...zoneShares({ kind: 'equal' }, ['a', 'b'], figures)!.values()]).toEqual([0.5, 0.5])
    expect([...zoneShares({ kind: 'fte' }, ['a', 'b'], figures)!.values()]).toEqual([0.25, 0.75])
    expect([...zoneShares({ kind: 'population' }, ['a', 'b'], figures)!.values()]).toEqual([0.1, 0.9])
    expect([...zoneShares({ kind: 'custom', weights: { a: 2, b: 3 } }, ['a', 'b'], figures)!.values()]).toEqual([
      0.4, 0.6,
    ])
    expect(zoneShares({ kind: 'fte' }, ['a', 'b'], new Map())).toBeNull() // no figures: no shares to show
  })
  it('names a change', () => {
    expect([changeKind(null, 'x'), changeKind('x', null), changeKind('x', 'y')]).toEqual([
      'added',
      'removed',
      'changed',
    ])
  })
})
