// Belgian public holidays for any year (DOMAIN.md, working-time rules): ten national days, Easter-based
// ones from a computus, and the community days that depend on where the zone is.
//
// Regions and communities: the Flemish community's day (11 July) applies in Flanders, the French
// community's day (27 September) in Wallonia. Wallonia's German-speaking area also keeps 15 November
// (`germanSpeaking`). Brussels is bilingual and has no community day of its own for police staff, so a
// Brussels zone gets none unless the association says which community days it keeps
// (`brusselsCommunities`, e.g. ['flemish', 'french']): that is a parameter, not a guess.
import { Temporal } from 'temporal-polyfill'

export type Region = 'flanders' | 'wallonia' | 'brussels'
export type Community = 'flemish' | 'french' | 'german'

export type HolidayCode =
  | 'new_year'
  | 'easter_monday'
  | 'labour_day'
  | 'ascension'
  | 'whit_monday'
  | 'national_day'
  | 'assumption'
  | 'all_saints'
  | 'armistice'
  | 'christmas'
  | 'flemish_community'
  | 'french_community'
  | 'german_community'

export interface Holiday {
  /** Local calendar date, YYYY-MM-DD. */
  date: string
  code: HolidayCode
  /** False for a community day (valid only in part of the country). */
  national: boolean
}

export interface HolidayOptions {
  /** The zone's region (zones.region); without it, national days only. */
  region?: Region | null
  /** Community days a Brussels zone keeps; none by default (see the header). */
  brusselsCommunities?: readonly Community[]
  /** A Walloon zone in the German-speaking area keeps 15 November. */
  germanSpeaking?: boolean
}

/** Easter Sunday (Gregorian) by the anonymous computus (Meeus/Jones/Butcher), valid for any year ≥ 1583. */
export function easterSunday(year: number): Temporal.PlainDate {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return Temporal.PlainDate.from({ year, month, day })
}

/** The communities whose days a zone of this region keeps. */
export function communitiesOf(options: HolidayOptions): Community[] {
  switch (options.region) {
    case 'flanders':
      return ['flemish']
    case 'wallonia':
      return options.germanSpeaking ? ['french', 'german'] : ['french']
    case 'brussels':
      return [...(options.brusselsCommunities ?? [])]
    case null:
    case undefined:
      return []
  }
}

/** All public holidays of a year for a zone, sorted by date. */
export function publicHolidays(year: number, options: HolidayOptions = {}): Holiday[] {
  const easter = easterSunday(year)
  const fixed = (month: number, day: number): string => Temporal.PlainDate.from({ year, month, day }).toString()
  const national: Holiday[] = [
    { date: fixed(1, 1), code: 'new_year', national: true },
    { date: easter.add({ days: 1 }).toString(), code: 'easter_monday', national: true },
    { date: fixed(5, 1), code: 'labour_day', national: true },
    { date: easter.add({ days: 39 }).toString(), code: 'ascension', national: true },
    { date: easter.add({ days: 50 }).toString(), code: 'whit_monday', national: true },
    { date: fixed(7, 21), code: 'national_day', national: true },
    { date: fixed(8, 15), code: 'assumption', national: true },
    { date: fixed(11, 1), code: 'all_saints', national: true },
    { date: fixed(11, 11), code: 'armistice', national: true },
    { date: fixed(12, 25), code: 'christmas', national: true },
  ]
  const community: Record<Community, Holiday> = {
    flemish: { date: fixed(7, 11), code: 'flemish_community', national: false },
    french: { date: fixed(9, 27), code: 'french_community', national: false },
    german: { date: fixed(11, 15), code: 'german_community', national: false },
  }
  const all = [...national, ...communitiesOf(options).map((c) => community[c])]
  return all.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0))
}

/** The holiday dates (YYYY-MM-DD) of every year from `fromYear` to `toYear` inclusive. */
export function holidayDates(fromYear: number, toYear: number, options: HolidayOptions = {}): Set<string> {
  const dates = new Set<string>()
  for (let year = fromYear; year <= toYear; year++) {
    for (const holiday of publicHolidays(year, options)) dates.add(holiday.date)
  }
  return dates
}

/** True when the local date (YYYY-MM-DD) is a public holiday for the zone. */
export function isPublicHoliday(date: string, options: HolidayOptions = {}): boolean {
  const year = Temporal.PlainDate.from(date).year
  return publicHolidays(year, options).some((h) => h.date === date)
}
