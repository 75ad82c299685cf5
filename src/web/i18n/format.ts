// Belgian formatting for the three UI languages: dd/mm/jjjj dates, "maart 2024" months, Belgian separators
// (33.400; 624,63 km²; € 89.078.300). Calendar dates from the API are YYYY-MM-DD and mean that day in
// Brussels; instants are ISO strings shown in Europe/Brussels time.
import { LOCALES, type Locale } from '../api/types.ts'

export { LOCALES, type Locale }
export const TIME_ZONE = 'Europe/Brussels'

const TAGS: Record<Locale, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-BE' }
export const localeTag = (locale: Locale): string => TAGS[locale]

export const isLocale = (value: unknown): value is Locale => LOCALES.some((l) => l === value)

const NBSP = '\u00a0'

/**
 * A calendar date as a Date at noon UTC: whatever the offset of Brussels (+1/+2), it is the same day there,
 * so formatting in Europe/Brussels never shifts it by one.
 */
function calendarDate(isoDate: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate)
  if (!match) return new Date(Number.NaN)
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12))
}

const toDate = (value: string): Date => (value.includes('T') ? new Date(value) : calendarDate(value))

/** 29/02/2024 in all three languages (Belgian usage). */
export function formatDate(value: string, locale: Locale): string {
  const date = toDate(value)
  if (Number.isNaN(date.getTime())) return value
  return new Intl.DateTimeFormat(localeTag(locale), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: TIME_ZONE,
  }).format(date)
}

/** "maart 2024" / "mars 2024" / "March 2024": for dates the sources only give to the month. */
export function formatMonth(value: string, locale: Locale): string {
  const date = toDate(value)
  if (Number.isNaN(date.getTime())) return value
  return new Intl.DateTimeFormat(localeTag(locale), { month: 'long', year: 'numeric', timeZone: TIME_ZONE }).format(
    date,
  )
}

export const formatDateWithPrecision = (value: string, precision: 'day' | 'month', locale: Locale): string =>
  precision === 'month' ? formatMonth(value, locale) : formatDate(value, locale)

/** 29/02/2024 13:05, Brussels time. */
export function formatDateTime(value: string, locale: Locale): string {
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  const day = formatDate(value, locale)
  const time = new Intl.DateTimeFormat(localeTag(locale), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: TIME_ZONE,
  }).format(date)
  return `${day} ${time}`
}

/** 29/02/2024 13:05:09, Brussels time: for logs, where the order of events within a minute matters. */
export function formatDateTimeSeconds(value: string, locale: Locale): string {
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  const day = formatDate(value, locale)
  const time = new Intl.DateTimeFormat(localeTag(locale), {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone: TIME_ZONE,
  }).format(date)
  return `${day} ${time}`
}

export interface NumberOptions {
  minimumFractionDigits?: number
  maximumFractionDigits?: number
}

/** 858; 33.400; 624,63 (fr: 33 400). */
export function formatNumber(value: number, locale: Locale, options: NumberOptions = {}): string {
  return new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: 2, ...options }).format(value)
}

/** 624,63 km², always two decimals so a column of areas lines up. */
export const formatArea = (km2: number, locale: Locale): string =>
  `${formatNumber(km2, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}${NBSP}km²`

/** Full-time equivalents: at most one decimal (812,4). */
export const formatFte = (fte: number, locale: Locale): string =>
  formatNumber(fte, locale, { maximumFractionDigits: 1 })

/**
 * Whole euros from cents: € 89.078.300 (nl, en) / 89 078 300 € (fr). ICU's en-BE currency pattern uses
 * English separators while its plain numbers use Belgian ones; we keep the Belgian separators everywhere.
 */
export function formatMoney(cents: number, locale: Locale): string {
  const euros = Math.round(cents / 100)
  const tag = localeTag(locale)
  const numberParts = new Intl.NumberFormat(tag).formatToParts(1234567.5)
  const group = numberParts.find((p) => p.type === 'group')?.value ?? '.'
  const parts = new Intl.NumberFormat(tag, {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }).formatToParts(euros)
  const text = parts.map((p) => (p.type === 'group' ? group : p.value)).join('')
  // "€89.078.300" (en-BE) reads better with the space the Belgian Dutch pattern has.
  return text.replace(/^€(?=\d)/, `€${NBSP}`)
}

/** Today's calendar date in Brussels, YYYY-MM-DD. */
export function todayInBrussels(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: TIME_ZONE,
  }).formatToParts(now)
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')}`
}
