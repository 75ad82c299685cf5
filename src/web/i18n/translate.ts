// Pure message lookup: placeholders {name}, and "singular|plural" chosen by Intl.PluralRules on {n}
// (French counts 0 and 1 as singular, Dutch and English only 1).
import { formatNumber, localeTag, type Locale } from './format.ts'
import type { MessageKey } from './nl.ts'

export type Dictionary = { readonly [K in MessageKey]: string }
export type Vars = Readonly<Record<string, string | number>>
export type Translate = (key: MessageKey, vars?: Vars) => string

function pickPlural(template: string, locale: Locale, n: number | undefined): string {
  const bar = template.indexOf('|')
  if (bar < 0 || n === undefined) return template
  const one = new Intl.PluralRules(localeTag(locale)).select(n) === 'one'
  return one ? template.slice(0, bar) : template.slice(bar + 1)
}

export function translate(dictionary: Dictionary, locale: Locale, key: MessageKey, vars?: Vars): string {
  const n = typeof vars?.n === 'number' ? vars.n : undefined
  const template = pickPlural(dictionary[key], locale, n)
  if (!vars) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name]
    if (value === undefined) return whole
    return typeof value === 'number' ? formatNumber(value, locale) : value
  })
}

/** Keys are typed, but codes from the API are plain strings: look them up, falling back to the raw code. */
export function hasKey(dictionary: Dictionary, key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(dictionary, key)
}
