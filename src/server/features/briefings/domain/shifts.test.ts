import { describe, expect, it } from 'vitest'
import { currentShift, DEFAULT_SHIFT_TIMES, shiftPeriod, showsIn } from './shifts.ts'

const HOUR = 3_600_000
const iso = (ms: number) => new Date(ms).toISOString()
const length = (p: { from: number; to: number }) => (p.to - p.from) / HOUR

describe('shift periods (Brussels wall clock)', () => {
  it('early, late and night of a winter day follow each other; the night ends at the next early start', () => {
    const early = shiftPeriod('2026-01-15', 'early', DEFAULT_SHIFT_TIMES)
    const late = shiftPeriod('2026-01-15', 'late', DEFAULT_SHIFT_TIMES)
    const night = shiftPeriod('2026-01-15', 'night', DEFAULT_SHIFT_TIMES)
    expect(iso(early.from)).toBe('2026-01-15T05:00:00.000Z')
    expect(early.to).toBe(late.from)
    expect(late.to).toBe(night.from)
    expect(iso(night.to)).toBe('2026-01-16T05:00:00.000Z')
    expect(night.to).toBe(shiftPeriod('2026-01-16', 'early', DEFAULT_SHIFT_TIMES).from)
    expect([early, late, night].map(length)).toEqual([8, 8, 8])
  })

  it('the night into 29 March 2026 (clocks forward) lasts 7 hours, the one into 25 October 2026 9 hours', () => {
    const spring = shiftPeriod('2026-03-28', 'night', DEFAULT_SHIFT_TIMES)
    expect(iso(spring.from)).toBe('2026-03-28T21:00:00.000Z')
    expect(iso(spring.to)).toBe('2026-03-29T04:00:00.000Z')
    expect(length(spring)).toBe(7)
    const autumn = shiftPeriod('2026-10-24', 'night', DEFAULT_SHIFT_TIMES)
    expect(iso(autumn.from)).toBe('2026-10-24T20:00:00.000Z')
    expect(iso(autumn.to)).toBe('2026-10-25T05:00:00.000Z')
    expect(length(autumn)).toBe(9)
    // The days themselves: 29 March's night is 8 hours again (summer time both ends).
    expect(length(shiftPeriod('2026-03-29', 'night', DEFAULT_SHIFT_TIMES))).toBe(8)
    expect(length(shiftPeriod('2026-03-29', 'early', DEFAULT_SHIFT_TIMES))).toBe(8)
  })

  it("follows a zone's own start times", () => {
    const times = { early: '07:00', late: '15:30:00', night: '23:00' }
    const late = shiftPeriod('2026-06-01', 'late', times)
    expect(iso(late.from)).toBe('2026-06-01T13:30:00.000Z')
    expect(iso(late.to)).toBe('2026-06-01T21:00:00.000Z')
  })
})

describe('the current shift', () => {
  const at = (s: string) => new Date(s).getTime()
  it('before the early start it is the night of the day before', () => {
    const c = currentShift(at('2026-01-16T04:59:59Z'), DEFAULT_SHIFT_TIMES)
    expect([c.date, c.shift]).toEqual(['2026-01-15', 'night'])
  })
  it('at a start the new shift begins (half-open periods)', () => {
    expect(currentShift(at('2026-01-16T05:00:00Z'), DEFAULT_SHIFT_TIMES).shift).toBe('early')
    expect(currentShift(at('2026-01-16T13:00:00Z'), DEFAULT_SHIFT_TIMES).shift).toBe('late')
    const night = currentShift(at('2026-01-16T21:00:00Z'), DEFAULT_SHIFT_TIMES)
    expect([night.date, night.shift]).toEqual(['2026-01-16', 'night'])
  })
  it('in the skipped and the repeated hour of the clock changes, the night goes on', () => {
    const spring = currentShift(at('2026-03-29T01:30:00Z'), DEFAULT_SHIFT_TIMES)
    expect([spring.date, spring.shift]).toEqual(['2026-03-28', 'night'])
    const autumn = currentShift(at('2026-10-25T01:30:00Z'), DEFAULT_SHIFT_TIMES)
    expect([autumn.date, autumn.shift]).toEqual(['2026-10-24', 'night'])
  })
})

describe('which items a shift shows', () => {
  const night = shiftPeriod('2026-01-15', 'night', DEFAULT_SHIFT_TIMES)
  it('an item valid during part of the shift and listing it', () => {
    const valid = { from: night.to - HOUR, to: night.to + 10 * HOUR }
    expect(showsIn({ valid, shifts: ['night'] }, 'night', night)).toBe(true)
    expect(showsIn({ valid, shifts: ['early', 'late'] }, 'night', night)).toBe(false)
  })
  it('not an item that ends when the shift starts or starts when it ends', () => {
    expect(showsIn({ valid: { from: night.from - HOUR, to: night.from }, shifts: ['night'] }, 'night', night)).toBe(
      false,
    )
    expect(showsIn({ valid: { from: night.to, to: night.to + HOUR }, shifts: ['night'] }, 'night', night)).toBe(false)
  })
})
