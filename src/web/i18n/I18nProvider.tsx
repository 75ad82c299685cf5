import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import dayjs from 'dayjs'
import 'dayjs/locale/nl-be.js'
import 'dayjs/locale/fr.js'
import { setApiLanguage } from '../api/client.ts'
import { browserLocale } from './browserLocale.ts'
import { en } from './en.ts'
import * as format from './format.ts'
import { fr } from './fr.ts'
import { nl } from './nl.ts'
import { hasKey, translate, type Dictionary, type Translate } from './translate.ts'
import type { Locale } from './format.ts'

const DICTIONARIES: Record<Locale, Dictionary> = { nl, fr, en }
const STORAGE_KEY = 'verbond.locale'
// dayjs (used by the date pickers) has a Belgian Dutch variant; French and English need no region.
export const DAYJS_LOCALES: Record<Locale, string> = { nl: 'nl-be', fr: 'fr', en: 'en' }

/** Families of codes that come from the API and have a label in every dictionary ("rank.agent"). */
export type LabelFamily =
  | 'domain'
  | 'domainCategory'
  | 'agreementKind'
  | 'agreementStatus'
  | 'approvalBody'
  | 'decision'
  | 'rank'
  | 'calogLevel'
  | 'qualification'
  | 'qualificationShort'
  | 'role'
  | 'region'
  | 'staffKind'
  | 'locale'
  | 'error'
  | 'auditAction'
  | 'auditReason'
  | 'auditObject'

export interface Formatters {
  date: (value: string) => string
  month: (value: string) => string
  dateWithPrecision: (value: string, precision: 'day' | 'month') => string
  dateTime: (value: string) => string
  dateTimeSeconds: (value: string) => string
  number: (value: number, options?: format.NumberOptions) => string
  area: (km2: number) => string
  fte: (fte: number) => string
  money: (cents: number) => string
}

export interface I18n {
  locale: Locale
  /** `byUser`: the person picked it (wins over the account's stored language at the next sign-in). */
  setLocale: (locale: Locale, options?: { byUser?: boolean }) => void
  /** True when the person switched language since the page loaded (e.g. on the login page). */
  chosenByUser: () => boolean
  t: Translate
  label: (family: LabelFamily, code: string) => string
  f: Formatters
}

const I18nContext = createContext<I18n | null>(null)

function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY)
    return format.isLocale(value) ? value : null
  } catch {
    // Storage can be disabled (private mode, policies): the app still works, in the browser's language.
    return null
  }
}

/** Until the person chooses (stored, or their account's language once signed in): the browser's language. */
function initialLocale(): Locale {
  return storedLocale() ?? browserLocale(typeof navigator === 'undefined' ? [] : navigator.languages)
}

function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // See storedLocale: not remembering the choice is acceptable.
  }
}

function formatters(locale: Locale): Formatters {
  return {
    date: (v) => format.formatDate(v, locale),
    month: (v) => format.formatMonth(v, locale),
    dateWithPrecision: (v, p) => format.formatDateWithPrecision(v, p, locale),
    dateTime: (v) => format.formatDateTime(v, locale),
    dateTimeSeconds: (v) => format.formatDateTimeSeconds(v, locale),
    number: (v, o) => format.formatNumber(v, locale, o),
    area: (v) => format.formatArea(v, locale),
    fte: (v) => format.formatFte(v, locale),
    money: (v) => format.formatMoney(v, locale),
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale)
  const chosen = useRef(false)

  useEffect(() => {
    const tag = format.localeTag(locale)
    document.documentElement.lang = tag
    setApiLanguage(tag)
    dayjs.locale(DAYJS_LOCALES[locale])
  }, [locale])

  const setLocale = useCallback((next: Locale, options?: { byUser?: boolean }) => {
    if (options?.byUser) chosen.current = true
    storeLocale(next)
    setLocaleState(next)
  }, [])

  const value = useMemo<I18n>(() => {
    const dictionary = DICTIONARIES[locale]
    const t: Translate = (key, vars) => translate(dictionary, locale, key, vars)
    const label = (family: LabelFamily, code: string): string => {
      const key = `${family}.${code}`
      return hasKey(dictionary, key) ? translate(dictionary, locale, key) : code
    }
    return { locale, setLocale, chosenByUser: () => chosen.current, t, label, f: formatters(locale) }
  }, [locale, setLocale])

  return <I18nContext value={value}>{children}</I18nContext>
}

export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n outside <I18nProvider>')
  return value
}

export const useT = (): Translate => useI18n().t
