import { describe, expect, it } from 'vitest'
import { AppError } from '../../platform/errors.ts'
import { periodOf, wholeDaysOf, windowOf } from './domain.ts'

const iso = (p: { start: Date; end: Date }) => [p.start.toISOString(), p.end.toISOString()]
const codeOf = (fn: () => unknown): string | null => {
  try {
    fn()
    return null
  } catch (e) {
    return e instanceof AppError ? e.code : 'not an AppError'
  }
}

describe('availability periods', () => {
  it('reads whole days as Brussels midnights, 23 and 25 hours long on the DST days', () => {
    expect(iso(periodOf('2026-03-29', '2026-03-29'))).toEqual(['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z'])
    expect(iso(periodOf('2026-10-25', '2026-10-25'))).toEqual(['2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z'])
    expect(iso(periodOf('2026-01-05', '2026-01-09'))).toEqual(['2026-01-04T23:00:00.000Z', '2026-01-09T23:00:00.000Z'])
  })

  it('keeps instants with their offset, end exclusive', () => {
    expect(iso(periodOf('2026-07-01T07:00:00+02:00', '2026-07-01T19:00:00+02:00'))).toEqual([
      '2026-07-01T05:00:00.000Z',
      '2026-07-01T17:00:00.000Z',
    ])
  })

  it('shows a period back as whole days only when it starts and ends at a Brussels midnight', () => {
    expect(wholeDaysOf(periodOf('2026-03-28', '2026-03-30'))).toEqual({ from: '2026-03-28', to: '2026-03-30' })
    expect(wholeDaysOf(periodOf('2026-10-24', '2026-10-25'))).toEqual({ from: '2026-10-24', to: '2026-10-25' })
    expect(wholeDaysOf(periodOf('2026-07-01T00:00:00Z', '2026-07-02T00:00:00Z'))).toBeNull()
    expect(wholeDaysOf(periodOf('2026-06-30T22:00:00Z', '2026-07-01T22:00:00Z'))).toEqual({
      from: '2026-07-01',
      to: '2026-07-01',
    })
  })

  it('refuses a reversed, empty, mixed or malformed period and one over two years', () => {
    expect(codeOf(() => periodOf('2026-07-02', '2026-07-01'))).toBe('AVAILABILITY_PERIOD_INVALID')
    expect(codeOf(() => periodOf('2026-07-01T10:00:00Z', '2026-07-01T10:00:00Z'))).toBe('AVAILABILITY_PERIOD_INVALID')
    expect(codeOf(() => periodOf('2026-07-01', '2026-07-01T10:00:00Z'))).toBe('AVAILABILITY_PERIOD_INVALID')
    expect(codeOf(() => periodOf('2026-02-29', '2026-03-01'))).toBe('AVAILABILITY_PERIOD_INVALID')
    expect(codeOf(() => periodOf('2026-07-01T25:00:00Z', '2026-07-02T00:00:00Z'))).toBe('AVAILABILITY_PERIOD_INVALID')
    expect(codeOf(() => periodOf('2026-07-01', '2028-06-30'))).toBeNull()
    expect(codeOf(() => periodOf('2026-07-01', '2028-07-01'))).toBe('AVAILABILITY_PERIOD_TOO_LONG')
    expect(codeOf(() => periodOf('2026-07-01T00:00:00+02:00', '2028-07-01T00:00:01+02:00'))).toBe(
      'AVAILABILITY_PERIOD_TOO_LONG',
    )
  })

  it('reads a query window of Brussels days, either end open', () => {
    expect(windowOf(undefined, undefined)).toEqual({ start: null, end: null })
    const w = windowOf('2026-03-29', '2026-03-29')
    expect([w.start?.toISOString(), w.end?.toISOString()]).toEqual([
      '2026-03-28T23:00:00.000Z',
      '2026-03-29T22:00:00.000Z',
    ])
    expect(codeOf(() => windowOf('2026-03-30', '2026-03-29'))).toBe('AVAILABILITY_PERIOD_INVALID')
  })
})
