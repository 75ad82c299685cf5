import { describe, expect, it } from 'vitest'
import { needsAttention, qualificationState } from './qualifications.ts'

describe('qualification state', () => {
  it('has no expiry without valid_until', () => {
    expect(qualificationState(null, '2026-06-01', 60)).toBe('no_expiry')
  })
  it('holds on its valid_until day and is expired the day after', () => {
    expect(qualificationState('2026-06-01', '2026-06-01', 60)).toBe('expiring')
    expect(qualificationState('2026-05-31', '2026-06-01', 60)).toBe('expired')
  })
  it('is expiring up to warnDays ahead, valid beyond', () => {
    expect(qualificationState('2026-07-31', '2026-06-01', 60)).toBe('expiring')
    expect(qualificationState('2026-08-01', '2026-06-01', 60)).toBe('valid')
    expect(qualificationState('2026-06-02', '2026-06-01', 1)).toBe('expiring')
    expect(qualificationState('2026-06-03', '2026-06-01', 1)).toBe('valid')
  })
  it('asks for attention when expiring or expired only', () => {
    expect(['valid', 'expiring', 'expired', 'no_expiry'].map((s) => needsAttention(s as never))).toEqual([
      false,
      true,
      true,
      false,
    ])
  })
})
