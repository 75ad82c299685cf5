import { describe, expect, it } from 'vitest'
import { holidayDates } from '../../../platform/holidays.ts'
import { expandPattern } from './patterns.ts'

const H = 3_600_000
const byId = (slots: ReturnType<typeof expandPattern>) => new Map(slots.map((s) => [s.id, s]))

describe('expandPattern', () => {
  it('makes a daily slot 23 hours on the spring change and 25 on the autumn change (2026)', () => {
    const slots = byId(expandPattern({ kind: 'daily', handoffTime: '07:00' }, '2026-01-01', '2027-01-01'))
    expect(slots.size).toBe(365)
    expect(slots.get('day:2026-03-28')?.hours.total).toBe(23)
    expect(slots.get('day:2026-03-29')?.hours.total).toBe(24)
    expect(slots.get('day:2026-10-24')?.hours.total).toBe(25)
    expect(slots.get('day:2026-06-01')?.hours.total).toBe(24)
    // 07:00 local is 06:00Z in winter and 05:00Z in summer.
    expect(new Date(slots.get('day:2026-03-28')?.start ?? 0).toISOString()).toBe('2026-03-28T06:00:00.000Z')
    expect(new Date(slots.get('day:2026-03-28')?.end ?? 0).toISOString()).toBe('2026-03-29T05:00:00.000Z')
  })

  it('splits the spring-change slot into Saturday, Sunday and night hours', () => {
    const slot = byId(expandPattern({ kind: 'daily', handoffTime: '07:00' }, '2026-03-28', '2026-03-29')).get(
      'day:2026-03-28',
    )
    expect(slot?.hours).toEqual({ total: 23, night: 7, saturday: 17, sunday: 6, holiday: 0 })
  })

  it('chains weekly handoffs without gaps across DST (167 h and 169 h weeks)', () => {
    const slots = expandPattern({ kind: 'weekly', handoffWeekday: 1, handoffTime: '07:00' }, '2026-03-01', '2026-11-30')
    for (let i = 1; i < slots.length; i++) expect(slots[i]?.start).toBe(slots[i - 1]?.end)
    const map = byId(slots)
    expect(map.get('week:2026-03-23')?.hours.total).toBe(167)
    expect(map.get('week:2026-10-19')?.hours.total).toBe(169)
    expect(map.get('week:2026-06-01')?.hours.total).toBe(168)
    expect([...map.keys()].every((id) => new Date(`${id.slice(5)}T12:00:00Z`).getUTCDay() === 1)).toBe(true)
  })

  it('makes day/night slots of 12 h, with a 13 h night on the autumn change', () => {
    const slots = byId(
      expandPattern({ kind: 'day_night', dayStart: '07:00', nightStart: '19:00' }, '2026-10-24', '2026-10-26'),
    )
    expect(slots.get('day:2026-10-24')?.hours.total).toBe(12)
    expect(slots.get('night:2026-10-24')?.hours).toEqual({ total: 13, night: 9, saturday: 5, sunday: 8, holiday: 0 })
    expect(slots.get('night:2026-10-25')?.hours.total).toBe(12)
    expect(slots.get('day:2026-10-25')?.hours.night).toBe(0)
  })

  it('resolves a start in the spring-forward gap forward (02:30 → 03:30, compatible)', () => {
    const slots = expandPattern(
      { kind: 'custom', shifts: [{ label: 'early', weekdays: [7], start: '02:30', end: { durationMinutes: 60 } }] },
      '2026-03-29',
      '2026-03-30',
    )
    expect(slots).toHaveLength(1)
    expect(new Date(slots[0]?.start ?? 0).toISOString()).toBe('2026-03-29T01:30:00.000Z')
    expect(slots[0]?.hours.total).toBe(1)
  })

  it('takes the first occurrence of an ambiguous autumn time', () => {
    const slots = expandPattern(
      { kind: 'custom', shifts: [{ label: 'x', weekdays: [7], start: '02:30', end: { time: '04:00' } }] },
      '2026-10-25',
      '2026-10-26',
    )
    expect(new Date(slots[0]?.start ?? 0).toISOString()).toBe('2026-10-25T00:30:00.000Z')
    expect((slots[0]?.end ?? 0) - (slots[0]?.start ?? 0)).toBe(2.5 * H)
  })

  it('counts holiday hours instead of weekend hours, community days per region', () => {
    const national = byId(expandPattern({ kind: 'daily', handoffTime: '07:00' }, '2026-07-10', '2026-11-02'))
    // Christmas is a Friday in 2026; All Saints a Sunday.
    expect(national.get('day:2026-11-01')?.hours).toMatchObject({ holiday: 17, sunday: 0, saturday: 0 })
    expect(national.get('day:2026-07-11')?.hours).toMatchObject({ holiday: 0, saturday: 17, sunday: 7 })
    const flemish = byId(
      expandPattern({ kind: 'daily', handoffTime: '07:00' }, '2026-07-10', '2026-07-12', {
        holidays: holidayDates(2026, 2026, { region: 'flanders' }),
      }),
    )
    expect(flemish.get('day:2026-07-10')?.hours).toMatchObject({ holiday: 7, saturday: 0 })
    expect(flemish.get('day:2026-07-11')?.hours).toMatchObject({ holiday: 17, sunday: 7 })
  })

  it('honours the weekday set and a custom night window', () => {
    const slots = expandPattern(
      { kind: 'custom', shifts: [{ label: 'we', weekdays: [6, 7], start: '20:00', end: { time: '08:00' } }] },
      '2026-06-01',
      '2026-06-15',
      { night: { start: '23:00', end: '05:00' } },
    )
    expect(slots.map((s) => s.id)).toEqual(['we:2026-06-06', 'we:2026-06-07', 'we:2026-06-13', 'we:2026-06-14'])
    expect(slots[0]?.hours.night).toBe(6)
  })

  it('rejects a shift that ends before it starts, and malformed times', () => {
    const shift =
      (end: { time: string; days?: number } | { durationMinutes: number }, start = '07:00') =>
      () =>
        expandPattern(
          { kind: 'custom', shifts: [{ label: 'x', weekdays: [1], start, end }] },
          '2026-06-01',
          '2026-06-02',
        )
    expect(shift({ durationMinutes: 0 })).toThrow(RangeError)
    expect(shift({ time: '06:00', days: 0 })).toThrow(RangeError)
    expect(shift({ time: '08:00' }, '25:00')).toThrow(RangeError)
    expect(shift({ time: '08:00' })()).toHaveLength(1)
  })
})
