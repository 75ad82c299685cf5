// The payroll split: night, weekend, holiday, DST days, month boundaries, and the parts adding up.
import fc from 'fast-check'
import { Temporal } from 'temporal-polyfill'
import { describe, expect, it } from 'vitest'
import { holidayDates } from '../../platform/holidays.ts'
import { monthBounds, monthsOf, monthStatement, splitIntervals, subtract, type Interval } from './domain.ts'

const holidays = holidayDates(2025, 2028, { region: 'flanders' })
/** A Brussels wall-clock time 'YYYY-MM-DDTHH:MM' as epoch ms. */
const at = (local: string) => Temporal.PlainDateTime.from(local).toZonedDateTime('Europe/Brussels').epochMilliseconds
const span = (from: string, to: string): Interval => ({ start: at(from), end: at(to) })
const split = (...intervals: Interval[]) => splitIntervals(intervals, holidays)

describe('splitIntervals', () => {
  it('counts an evening on a Tuesday as weekday, with the hour after 22:00 as night', () => {
    expect(split(span('2026-06-02T20:00', '2026-06-02T23:00'))).toEqual({
      total: 180,
      weekday: 180,
      weekdayDay: 120,
      night: 60,
      saturday: 0,
      sunday: 0,
      holiday: 0,
    })
  })

  it('cuts a Friday night at midnight: two hours weekday, the rest Saturday, all of it night until 06:00', () => {
    expect(split(span('2026-06-05T22:00', '2026-06-06T07:00'))).toEqual({
      total: 540,
      weekday: 120,
      weekdayDay: 0,
      night: 480,
      saturday: 420,
      sunday: 0,
      holiday: 0,
    })
  })

  it('gives a public holiday precedence over Sunday (1 November 2026 is a Sunday)', () => {
    const s = split(span('2026-10-31T12:00', '2026-11-02T00:00'))
    expect(s).toMatchObject({ saturday: 12 * 60, sunday: 0, holiday: 24 * 60, total: 36 * 60 })
  })

  it('counts 21 July (a Tuesday) as holiday, and the regional 11 July only in Flanders', () => {
    expect(split(span('2026-07-21T08:00', '2026-07-21T16:00'))).toMatchObject({ holiday: 480, weekday: 0 })
    const day = [span('2025-07-11T08:00', '2025-07-11T16:00')] // a Friday
    expect(splitIntervals(day, holidays)).toMatchObject({ holiday: 480 })
    expect(splitIntervals(day, holidayDates(2025, 2025, { region: 'wallonia' }))).toMatchObject({ weekday: 480 })
  })

  it('has 23 hours on the spring-forward Sunday and 25 on the autumn one, nights one hour shorter and longer', () => {
    const spring = split(span('2026-03-29T00:00', '2026-03-30T00:00'))
    expect(spring).toMatchObject({ total: 23 * 60, sunday: 23 * 60, night: (5 + 2) * 60 })
    const autumn = split(span('2026-10-25T00:00', '2026-10-26T00:00'))
    expect(autumn).toMatchObject({ total: 25 * 60, sunday: 25 * 60, night: (7 + 2) * 60 })
  })

  it('takes a night window of another association', () => {
    const s = splitIntervals([span('2026-06-02T18:00', '2026-06-03T08:00')], holidays, { start: '20:00', end: '07:00' })
    expect(s).toMatchObject({ total: 14 * 60, night: 11 * 60, weekdayDay: 3 * 60 })
  })
})

describe('monthStatement', () => {
  const week = span('2026-06-29T07:00', '2026-07-06T07:00') // an on-call week across 1 July

  it('splits a duty at local midnight of the first of the month', () => {
    const june = monthStatement({ month: '2026-06', onCall: [week], callOuts: [], holidays })
    const july = monthStatement({ month: '2026-07', onCall: [week], callOuts: [], holidays })
    expect(june.onCall.total).toBe(41 * 60)
    expect(july.onCall.total).toBe((168 - 41) * 60)
  })

  it('takes the call-outs out of the on-call time, so no minute counts twice', () => {
    const callOut = span('2026-07-04T02:15', '2026-07-04T04:45') // a Saturday night
    const s = monthStatement({ month: '2026-07', onCall: [week], callOuts: [callOut], holidays })
    expect(s.callOuts).toMatchObject({ total: 150, saturday: 150, night: 150 })
    expect(s.onCall.total).toBe((168 - 41) * 60 - 150)
  })

  it('counts a call-out running past midnight of the month end in both months', () => {
    const callOut = span('2026-06-30T23:00', '2026-07-01T01:30')
    const june = monthStatement({ month: '2026-06', onCall: [], callOuts: [callOut], holidays })
    const july = monthStatement({ month: '2026-07', onCall: [], callOuts: [callOut], holidays })
    expect([june.callOuts.total, july.callOuts.total]).toEqual([60, 90])
    expect(monthsOf(callOut)).toEqual(['2026-06', '2026-07'])
  })

  it('has month bounds at Brussels midnight (a winter month starts at 23:00 UTC)', () => {
    expect(new Date(monthBounds('2026-01').start).toISOString()).toBe('2025-12-31T23:00:00.000Z')
    expect(new Date(monthBounds('2026-07').start).toISOString()).toBe('2026-06-30T22:00:00.000Z')
  })
})

describe('subtract', () => {
  it('cuts holes out of intervals', () => {
    expect(
      subtract(
        [{ start: 0, end: 10 }],
        [
          { start: 2, end: 4 },
          { start: 3, end: 5 },
          { start: 9, end: 12 },
        ],
      ),
    ).toEqual([
      { start: 0, end: 2 },
      { start: 5, end: 9 },
    ])
  })
})

describe('properties', () => {
  const MINUTE = 60_000
  const base = Date.UTC(2025, 11, 1)
  // Whole-minute intervals anywhere from December 2025 to early 2027 (both DST changes, many holidays).
  const interval = fc
    .record({ from: fc.integer({ min: 0, max: 600 * 24 * 60 }), minutes: fc.integer({ min: 1, max: 8 * 24 * 60 }) })
    .map(({ from, minutes }) => ({ start: base + from * MINUTE, end: base + (from + minutes) * MINUTE }))

  it('the day categories add up to the total, and night and weekday-day stay within it', () => {
    fc.assert(
      fc.property(interval, (i) => {
        const s = split(i)
        expect(s.weekday + s.saturday + s.sunday + s.holiday).toBe(s.total)
        expect(s.total).toBe((i.end - i.start) / MINUTE)
        expect(s.night).toBeLessThanOrEqual(s.total)
        expect(s.weekdayDay).toBeGreaterThanOrEqual(0)
        expect(s.weekdayDay).toBeLessThanOrEqual(s.weekday)
        expect(s.weekdayDay + s.night).toBeGreaterThanOrEqual(s.weekday)
      }),
    )
  })

  it('the statements of the months an interval touches add up to the interval', () => {
    fc.assert(
      fc.property(interval, fc.option(interval, { nil: undefined }), (duty, maybeCallOut) => {
        const callOuts = maybeCallOut ? [maybeCallOut] : []
        const months = [...new Set([...monthsOf(duty), ...callOuts.flatMap(monthsOf)])]
        const parts = months.map((month) => monthStatement({ month, onCall: [duty], callOuts, holidays }))
        const onCall = parts.reduce((sum, p) => sum + p.onCall.total, 0)
        const callOut = parts.reduce((sum, p) => sum + p.callOuts.total, 0)
        const whole = splitIntervals(subtract([duty], callOuts), holidays).total
        expect(onCall).toBe(whole)
        expect(callOut).toBe(callOuts.reduce((sum, c) => sum + (c.end - c.start) / MINUTE, 0))
      }),
    )
  })
})
