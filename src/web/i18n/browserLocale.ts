// The language to show before the person has chosen one: the first of the browser's preferred languages
// that we speak (fr-BE, fr, nl-BE, en-GB …), else Dutch, the association's first language.
import type { Locale } from './format.ts'

const BY_PRIMARY_TAG: Readonly<Record<string, Locale>> = { nl: 'nl', fr: 'fr', en: 'en' }

export function browserLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const locale = BY_PRIMARY_TAG[tag.toLowerCase().split(/[-_]/)[0] ?? '']
    if (locale) return locale
  }
  return 'nl'
}
