import { describe, expect, it } from 'vitest'
import { hasEnded, isCurrent } from './periods.ts'

describe('periods', () => {
  const ham = { validFrom: null, validTo: '2024-12-31' }
  const tessenderloHam = { validFrom: '2025-01-01', validTo: null }
  it('keeps both ends of a period', () => {
    expect(isCurrent(ham, '2024-12-31')).toBe(true)
    expect(isCurrent(ham, '2025-01-01')).toBe(false)
    expect(isCurrent(tessenderloHam, '2025-01-01')).toBe(true)
    expect(isCurrent(tessenderloHam, '2024-12-31')).toBe(false)
  })
  it('calls a period ended only after its last day', () => {
    expect(hasEnded(ham, '2024-12-31')).toBe(false)
    expect(hasEnded(ham, '2025-01-01')).toBe(true)
    expect(hasEnded(tessenderloHam, '2030-01-01')).toBe(false)
  })
})
