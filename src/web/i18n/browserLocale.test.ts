import { describe, expect, it } from 'vitest'
import { browserLocale } from './browserLocale.ts'

describe('browserLocale', () => {
  it('takes the first language we speak, in the browser’s order', () => {
    expect(browserLocale(['fr-BE', 'fr', 'nl'])).toBe('fr')
    expect(browserLocale(['nl-BE'])).toBe('nl')
    expect(browserLocale(['en-GB', 'fr-BE'])).toBe('en')
    expect(browserLocale(['de-DE', 'FR_be'])).toBe('fr')
  })
  it('falls back to Dutch', () => {
    expect(browserLocale(['de-DE', 'it'])).toBe('nl')
    expect(browserLocale([])).toBe('nl')
  })
})
