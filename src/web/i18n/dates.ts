// Reading a date a Belgian user types: day first, always. "03/04/2025" is 3 April, never 4 March; written
// months are read in Dutch, French and English whatever the interface language ("15 oktober 2026",
// "1er mars 2025", "15 October 2026"). What cannot be read as exactly one real day is refused (null): a
// form then says so instead of storing another date.

/** The years a typed date may fall in; outside it the typist almost certainly slipped (2-digit years, 20256). */
export const MIN_YEAR = 1900
export const MAX_YEAR = 2100

/** Lower-case, without accents and full stops: "Févr." → "fevr". */
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\./g, ' ')

// Full month names per language (folded), index 0 = January.
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['januari', 'janvier', 'january'],
  ['februari', 'fevrier', 'february'],
  ['maart', 'mars', 'march'],
  ['april', 'avril'],
  ['mei', 'mai', 'may'],
  ['juni', 'juin', 'june'],
  ['juli', 'juillet', 'july'],
  ['augustus', 'aout', 'august'],
  ['september', 'septembre'],
  ['oktober', 'octobre', 'october'],
  ['november', 'novembre'],
  ['december', 'decembre'],
]

// Usual abbreviations that are not a prefix of a full name.
const MONTH_ALIASES: Readonly<Record<string, number>> = { mrt: 3 }

/**
 * The month (1–12) a written word names: a full name, a known abbreviation, or a prefix of at least three
 * letters that fits one month only ("okt", "févr", "sept"; not "ju", which could be June or July).
 */
export function monthFromWord(word: string): number | null {
  const w = fold(word).trim()
  if (w.length < 3) return null
  const alias = MONTH_ALIASES[w]
  if (alias !== undefined) return alias
  const months = new Set<number>()
  MONTH_NAMES.forEach((names, index) => {
    if (names.some((name) => name === w || name.startsWith(w))) months.add(index + 1)
  })
  const [only] = months
  return months.size === 1 && only !== undefined ? only : null
}

const WEEKDAYS = [
  'maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag',
  'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche',
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday',
  // Short forms; not "mar" (mardi), which is also March.
  'ma|di|wo|do|vr|za|zo|lun|mer|jeu|ven|sam|dim|mon|tue|wed|thu|fri|sat|sun',
].join('|')
const LEADING_WEEKDAY = new RegExp(`^(?:${WEEKDAYS})\\s*,?\\s+(?=\\d)`)

// "1er", "1re", "1e", "1ste", "2de", "3rd", "15th": the ordinal suffix after a day number.
const ORDINAL = '(?:er|re|e|ste|de|st|nd|rd|th)'
// The suffix needs a space after it, so that "1december" is 1 December and not "1de" + "cember".
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})(?:${ORDINAL}\\s+|\\s*)(\\p{L}+)\\s*,?\\s*(\\d{4})$`, 'u')
// A day and year need a separator: "March 12025" is not 1 March 2025.
const MONTH_DAY_YEAR = new RegExp(`^(\\p{L}+)\\s*(\\d{1,2})${ORDINAL}?(?:\\s*,\\s*|\\s+)(\\d{4})$`, 'u')
const NUMERIC_DMY = /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4})$/
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/

const pad = (n: number): string => String(n).padStart(2, '0')

/** YYYY-MM-DD when year, month and day make a real calendar day in the accepted years; otherwise null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (![year, month, day].every(Number.isInteger)) return null
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null
  // Day 0 of the next month is the last day of this one (UTC: no daylight-saving surprises).
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > daysInMonth) return null
  return `${year}-${pad(month)}-${pad(day)}`
}

/**
 * A typed date as YYYY-MM-DD, or null when it is not exactly one real day. Accepts d/m/yyyy, d-m-yyyy,
 * d.m.yyyy (day first), yyyy-mm-dd, and written months in nl, fr and en, with or without a weekday and an
 * ordinal ("woensdag 15 oktober 2026", "1er mars 2025", "March 1st, 2025"). Two-digit years are refused.
 */
export function parseBelgianDate(input: string): string | null {
  const text = fold(input).replace(/\s+/g, ' ').trim().replace(LEADING_WEEKDAY, '')
  if (!text) return null

  const iso = ISO.exec(text)
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))

  const numeric = NUMERIC_DMY.exec(text)
  if (numeric) return isoDate(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]))

  const dmy = DAY_MONTH_YEAR.exec(text)
  if (dmy) {
    const month = monthFromWord(dmy[2] ?? '')
    return month === null ? null : isoDate(Number(dmy[3]), month, Number(dmy[1]))
  }

  const mdy = MONTH_DAY_YEAR.exec(text)
  if (mdy) {
    const month = monthFromWord(mdy[1] ?? '')
    return month === null ? null : isoDate(Number(mdy[3]), month, Number(mdy[2]))
  }
  return null
}
