import { describe, expect, it } from 'vitest'
import { easterSunday, holidayDates, isPublicHoliday, publicHolidays } from './holidays.ts'

// Easter Sundays from the published tables (e.g. the Royal Observatory of Belgium's calendar).
const EASTER: Record<number, string> = {
  2024: '2024-03-31',
  2025: '2025-04-20',
  2026: '2026-04-05',
  2027: '2027-03-28',
  2028: '2028-04-16',
  2029: '2029-04-01',
  2030: '2030-04-21',
  // Edge years of the computus: the earliest and latest possible dates, and a century year.
  2000: '2000-04-23',
  2285: '2285-03-22',
  2038: '2038-04-25',
}

describe('Belgian public holidays', () => {
  it('finds Easter Sunday for known years', () => {
    for (const [year, date] of Object.entries(EASTER)) expect(easterSunday(Number(year)).toString()).toBe(date)
  })

  it('lists the ten national days of 2025 with Easter Monday, Ascension and Whit Monday', () => {
    expect(publicHolidays(2025).map((h) => `${h.date} ${h.code}`)).toEqual([
      '2025-01-01 new_year',
      '2025-04-21 easter_monday',
      '2025-05-01 labour_day',
      '2025-05-29 ascension',
      '2025-06-09 whit_monday',
      '2025-07-21 national_day',
      '2025-08-15 assumption',
      '2025-11-01 all_saints',
      '2025-11-11 armistice',
      '2025-12-25 christmas',
    ])
  })

  it('places the Easter-based days of 2024, 2026 to 2030', () => {
    const expected: Record<number, [string, string, string]> = {
      2024: ['2024-04-01', '2024-05-09', '2024-05-20'],
      2026: ['2026-04-06', '2026-05-14', '2026-05-25'],
      2027: ['2027-03-29', '2027-05-06', '2027-05-17'],
      2028: ['2028-04-17', '2028-05-25', '2028-06-05'],
      2029: ['2029-04-02', '2029-05-10', '2029-05-21'],
      2030: ['2030-04-22', '2030-05-30', '2030-06-10'],
    }
    for (const [year, days] of Object.entries(expected)) {
      const byCode = new Map(publicHolidays(Number(year)).map((h) => [h.code, h.date]))
      expect([byCode.get('easter_monday'), byCode.get('ascension'), byCode.get('whit_monday')]).toEqual(days)
    }
  })

  it('adds the community day of the region', () => {
    expect(isPublicHoliday('2026-07-11', { region: 'flanders' })).toBe(true)
    expect(isPublicHoliday('2026-07-11', { region: 'wallonia' })).toBe(false)
    expect(isPublicHoliday('2026-09-27', { region: 'wallonia' })).toBe(true)
    expect(isPublicHoliday('2026-09-27', { region: 'flanders' })).toBe(false)
    expect(isPublicHoliday('2026-11-15', { region: 'wallonia', germanSpeaking: true })).toBe(true)
    expect(isPublicHoliday('2026-11-15', { region: 'wallonia' })).toBe(false)
    expect(publicHolidays(2026, { region: 'flanders' })).toHaveLength(11)
  })

  it('gives Brussels only the community days the association chooses', () => {
    expect(isPublicHoliday('2026-07-11', { region: 'brussels' })).toBe(false)
    const both = { region: 'brussels', brusselsCommunities: ['flemish', 'french'] } as const
    expect(isPublicHoliday('2026-07-11', both)).toBe(true)
    expect(isPublicHoliday('2026-09-27', both)).toBe(true)
  })

  it('collects the dates of several years, sorted within each year', () => {
    const dates = holidayDates(2024, 2030, { region: 'flanders' })
    expect(dates.size).toBe(7 * 11)
    expect(dates.has('2030-06-10')).toBe(true)
    for (const year of [2024, 2027]) {
      const list = publicHolidays(year).map((h) => h.date)
      expect([...list].sort()).toEqual(list)
    }
  })
})
