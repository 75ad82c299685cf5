import { describe, expect, it } from 'vitest'
import { lendability, validityFlags } from './lendable.ts'

describe('lendability', () => {
  it('is lendable when available and every validity holds to the last day (inclusive)', () => {
    expect(lendability('available', [{ kind: 'calibration', validUntil: '2026-12-10' }], '2026-12-10')).toEqual({
      lendable: true,
    })
  })
  it('is not lendable when a validity lapses before the last day: the earliest one is named', () => {
    const validities = [
      { kind: 'inspection', validUntil: '2026-12-09' },
      { kind: 'calibration', validUntil: '2026-12-01' },
    ] as const
    expect(lendability('available', validities, '2026-12-10')).toEqual({
      lendable: false,
      reason: 'validity',
      kind: 'calibration',
      validUntil: '2026-12-01',
    })
  })
  it('is not lendable in maintenance, out of service or retired, whatever the validities', () => {
    for (const status of ['maintenance', 'out_of_service', 'retired'] as const)
      expect(lendability(status, [], '2026-12-10')).toEqual({ lendable: false, reason: 'status', status })
  })
})

describe('validityFlags', () => {
  it('flags lapsed validities as expired and those within the warning days as expiring, earliest first', () => {
    const flags = validityFlags(
      [
        { kind: 'insurance', validUntil: '2027-06-01' },
        { kind: 'inspection', validUntil: '2026-12-20' },
        { kind: 'calibration', validUntil: '2026-11-28' },
      ],
      '2026-11-29',
    )
    expect(flags).toEqual([
      { kind: 'calibration', validUntil: '2026-11-28', state: 'expired' },
      { kind: 'inspection', validUntil: '2026-12-20', state: 'expiring' },
    ])
  })
  it('the last valid day itself is not expired, and the horizon day is still flagged', () => {
    expect(validityFlags([{ kind: 'approval', validUntil: '2026-11-29' }], '2026-11-29')[0]?.state).toBe('expiring')
    expect(validityFlags([{ kind: 'approval', validUntil: '2026-12-29' }], '2026-11-29')).toHaveLength(1)
    expect(validityFlags([{ kind: 'approval', validUntil: '2026-12-30' }], '2026-11-29')).toHaveLength(0)
  })
})
