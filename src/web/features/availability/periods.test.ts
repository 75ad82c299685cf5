import { describe, expect, it } from 'vitest'
import { brusselsDate, brusselsInstant, daysOf, periodInput } from './periods.ts'

describe('availability periods in the browser', () => {
  it('turns a Brussels wall time into the instant, summer and winter', () => {
    expect(brusselsInstant('2026-07-01', '07:00')).toBe('2026-07-01T05:00:00.000Z')
    expect(brusselsInstant('2026-01-15', '19:00')).toBe('2026-01-15T18:00:00.000Z')
  })

  it('reads the DST edges: a skipped time after the change, a repeated one as the summer one', () => {
    expect(brusselsInstant('2026-03-29', '01:59')).toBe('2026-03-29T00:59:00.000Z')
    expect(brusselsInstant('2026-03-29', '03:00')).toBe('2026-03-29T01:00:00.000Z')
    expect(brusselsInstant('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00.000Z')
    expect(brusselsInstant('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z')
    expect(brusselsInstant('2026-10-25', '03:30')).toBe('2026-10-25T02:30:00.000Z')
  })

  it('sends whole days as dates, hours as instants, nothing while incomplete', () => {
    const base = { fromTime: '07:00', toTime: '19:00', fromDate: '2026-07-01', toDate: '2026-07-03' }
    expect(periodInput({ ...base, wholeDays: true })).toEqual({ from: '2026-07-01', to: '2026-07-03' })
    expect(periodInput({ ...base, wholeDays: false })).toEqual({
      from: '2026-07-01T05:00:00.000Z',
      to: '2026-07-03T17:00:00.000Z',
    })
    expect(periodInput({ ...base, wholeDays: true, toDate: null })).toBeNull()
    expect(periodInput({ ...base, wholeDays: false, fromTime: '' })).toBeNull()
  })

  it('lists the Brussels days an entry touches, end exclusive, across DST', () => {
    expect(brusselsDate('2026-03-28T23:00:00.000Z')).toBe('2026-03-29')
    expect(daysOf({ from: '2026-03-27T23:00:00.000Z', to: '2026-03-29T22:00:00.000Z' })).toEqual([
      '2026-03-28',
      '2026-03-29',
    ])
    expect(daysOf({ from: '2026-07-01T05:00:00.000Z', to: '2026-07-01T17:00:00.000Z' })).toEqual(['2026-07-01'])
  })
})
