import { describe, expect, it } from 'vitest'
import { isoDate, monthFromWord, parseBelgianDate } from './dates.ts'

describe('parseBelgianDate', () => {
  it('reads day first: 03/04/2025 is 3 April, never 4 March', () => {
    expect(parseBelgianDate('03/04/2025')).toBe('2025-04-03')
    expect(parseBelgianDate('3/4/2025')).toBe('2025-04-03')
    expect(parseBelgianDate('15/10/2026')).toBe('2026-10-15')
  })

  it('accepts slashes, dashes, dots and spaces between the parts', () => {
    expect(parseBelgianDate('15-10-2026')).toBe('2026-10-15')
    expect(parseBelgianDate('15.10.2026')).toBe('2026-10-15')
    expect(parseBelgianDate('15 10 2026')).toBe('2026-10-15')
    expect(parseBelgianDate(' 1 / 2 / 2026 ')).toBe('2026-02-01')
  })

  it('accepts the ISO form the API uses', () => {
    expect(parseBelgianDate('2026-10-15')).toBe('2026-10-15')
  })

  it('reads written months in Dutch', () => {
    expect(parseBelgianDate('15 oktober 2026')).toBe('2026-10-15')
    expect(parseBelgianDate('15 Oktober 2026')).toBe('2026-10-15')
    expect(parseBelgianDate('1 maart 2025')).toBe('2025-03-01')
    expect(parseBelgianDate('1 mrt 2025')).toBe('2025-03-01')
    expect(parseBelgianDate('29 feb. 2024')).toBe('2024-02-29')
    expect(parseBelgianDate('woensdag 15 oktober 2025')).toBe('2025-10-15')
    expect(parseBelgianDate('1ste mei 2025')).toBe('2025-05-01')
    expect(parseBelgianDate('1december 2025')).toBe('2025-12-01')
  })

  it('reads written months in French, with or without accents and ordinals', () => {
    expect(parseBelgianDate('15 octobre 2026')).toBe('2026-10-15')
    expect(parseBelgianDate('1er mars 2025')).toBe('2025-03-01')
    expect(parseBelgianDate('3 février 2025')).toBe('2025-02-03')
    expect(parseBelgianDate('3 fevrier 2025')).toBe('2025-02-03')
    expect(parseBelgianDate('3 févr. 2025')).toBe('2025-02-03')
    expect(parseBelgianDate('15 août 2025')).toBe('2025-08-15')
    expect(parseBelgianDate('24 décembre 2025')).toBe('2025-12-24')
    expect(parseBelgianDate('mercredi 15 octobre 2025')).toBe('2025-10-15')
  })

  it('reads written months in English, day or month first', () => {
    expect(parseBelgianDate('15 October 2026')).toBe('2026-10-15')
    expect(parseBelgianDate('October 15, 2026')).toBe('2026-10-15')
    expect(parseBelgianDate('March 1st, 2025')).toBe('2025-03-01')
    expect(parseBelgianDate('Mar 15 2025')).toBe('2025-03-15')
  })

  it('refuses days that do not exist instead of rolling over', () => {
    expect(parseBelgianDate('31/02/2025')).toBeNull()
    expect(parseBelgianDate('29/02/2025')).toBeNull()
    expect(parseBelgianDate('29/02/2024')).toBe('2024-02-29')
    expect(parseBelgianDate('31 april 2025')).toBeNull()
    expect(parseBelgianDate('00/01/2025')).toBeNull()
    expect(parseBelgianDate('15/13/2025')).toBeNull()
    expect(parseBelgianDate('2025-02-30')).toBeNull()
  })

  it('refuses what it cannot read as exactly one day', () => {
    for (const text of [
      '',
      '   ',
      'morgen',
      '15/10',
      '15 oktober',
      '03/04/25',
      '15/10/20256',
      '15/10/0226',
      '15 ju 2026',
      '15 jui 2026',
      '15 blabla 2026',
      'March 12025',
      '10/15/2026',
    ])
      expect(parseBelgianDate(text), text).toBeNull()
  })
})

describe('monthFromWord', () => {
  it('takes a prefix only when it names one month', () => {
    expect(monthFromWord('okt')).toBe(10)
    expect(monthFromWord('sept')).toBe(9)
    expect(monthFromWord('juil')).toBe(7)
    expect(monthFromWord('jun')).toBe(6)
    expect(monthFromWord('mai')).toBe(5)
    expect(monthFromWord('jui')).toBeNull()
    expect(monthFromWord('ma')).toBeNull()
  })
})

describe('isoDate', () => {
  it('keeps to real days in the accepted years', () => {
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29')
    expect(isoDate(2100, 2, 29)).toBeNull()
    expect(isoDate(1899, 12, 31)).toBeNull()
    expect(isoDate(2101, 1, 1)).toBeNull()
  })
})
