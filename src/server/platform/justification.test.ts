import { describe, expect, it } from 'vitest'
import { AppError } from './errors.ts'
import { JUSTIFICATION_HEADER, justificationOf, parseJustification } from './justification.ts'

const codeOf = (fn: () => unknown): string | null => {
  try {
    fn()
    return null
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError'
  }
}
const withHeader = (value: string | string[] | undefined) => ({ headers: { [JUSTIFICATION_HEADER]: value } })

describe('justification of a restricted read', () => {
  it('accepts percent-encoded Dutch and French text, trimmed and normalised', () => {
    const text = 'Onderzoek PV 2026/123 — vraag van de procureur, één getuige'
    expect(justificationOf(withHeader(encodeURIComponent(`  ${text}  `)))).toBe(text)
    // A decomposed "é" (e + combining accent) is stored composed, as typed elsewhere.
    expect(justificationOf(withHeader(encodeURIComponent('Enquête judiciaire de l\u0065\u0301te 2026')))).toBe(
      'Enquête judiciaire de l\u00e9te 2026',
    )
  })

  it('refuses a missing, short, too long, repeated, control-character or badly encoded one with 422', () => {
    for (const headers of [
      { headers: {} },
      withHeader(undefined),
      withHeader(''),
      withHeader(encodeURIComponent('   kort    ')),
      withHeader(encodeURIComponent('x'.repeat(501))),
      withHeader(['eerste motivering hier', 'tweede motivering hier']),
      withHeader(encodeURIComponent('motivering\u0000met NUL')),
      withHeader('%E0%A4%A'),
    ])
      expect(codeOf(() => justificationOf(headers))).toBe('JUSTIFICATION_REQUIRED')
  })

  it('counts characters, not UTF-16 units: 10 emoji or accented letters are enough, 9 are not', () => {
    expect(parseJustification('é'.repeat(10))).toBe('é'.repeat(10))
    expect(codeOf(() => parseJustification('🚓'.repeat(9)))).toBe('JUSTIFICATION_REQUIRED')
    expect(parseJustification('🚓'.repeat(10))).toBe('🚓'.repeat(10))
    expect(parseJustification('a'.repeat(500))).toHaveLength(500)
  })
})
