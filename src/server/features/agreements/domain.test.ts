import { describe, expect, it } from 'vitest'
import { AppError } from '../../platform/errors.ts'
import {
  assertParties,
  inForceOn,
  planTransition,
  trialEndsOn,
  zonesLackingApproval,
  type AgreementState,
} from './domain.ts'

const draft: AgreementState = {
  status: 'draft',
  signedOn: '2018-02-02',
  effectiveFrom: null,
  effectiveTo: null,
  partyZoneIds: ['A', 'B'],
}
const code = (fn: () => unknown): string | undefined => {
  try {
    fn()
  } catch (err) {
    return err instanceof AppError ? err.code : 'other'
  }
  return undefined
}

describe('agreement lifecycle', () => {
  it('goes draft → in approval → in force → ended', () => {
    const approving = planTransition(draft, [], 'in_approval', {})
    expect(approving.status).toBe('in_approval')
    const approvals = [
      { zoneId: 'A', decision: 'approved' as const },
      { zoneId: 'B', decision: 'approved' as const },
    ]
    const inForce = planTransition({ ...draft, status: 'in_approval' }, approvals, 'in_force', {})
    expect(inForce).toEqual({ status: 'in_force', effectiveFrom: '2018-02-02', effectiveTo: null })
    const ended = planTransition({ ...draft, status: 'in_force', effectiveFrom: '2018-02-02' }, approvals, 'ended', {
      effectiveTo: '2025-12-31',
    })
    expect(ended.effectiveTo).toBe('2025-12-31')
  })

  it('refuses to bring into force without every party approving', () => {
    const state = { ...draft, status: 'in_approval' as const }
    expect(code(() => planTransition(state, [{ zoneId: 'A', decision: 'approved' }], 'in_force', {}))).toBe(
      'AGREEMENT_APPROVALS_MISSING',
    )
    expect(
      code(() =>
        planTransition(
          state,
          [
            { zoneId: 'A', decision: 'approved' },
            { zoneId: 'B', decision: 'approved' },
            { zoneId: 'B', decision: 'rejected' },
          ],
          'in_force',
          {},
        ),
      ),
    ).toBe('AGREEMENT_APPROVALS_MISSING')
  })

  it('refuses skipped or backward steps and end dates before the start', () => {
    expect(code(() => planTransition(draft, [], 'in_force', {}))).toBe('AGREEMENT_INVALID_TRANSITION')
    expect(
      code(() =>
        planTransition(
          { ...draft, status: 'ended', effectiveFrom: '2018-01-01', effectiveTo: '2019-01-01' },
          [],
          'draft',
          {},
        ),
      ),
    ).toBe('AGREEMENT_INVALID_TRANSITION')
    expect(
      code(() =>
        planTransition({ ...draft, status: 'in_force', effectiveFrom: '2018-02-02' }, [], 'ended', {
          effectiveTo: '2018-01-01',
        }),
      ),
    ).toBe('AGREEMENT_DATES_INVALID')
    expect(
      code(() => planTransition({ ...draft, status: 'in_force', effectiveFrom: '2018-02-02' }, [], 'ended', {})),
    ).toBe('VALIDATION_FAILED')
  })

  it('lists zones lacking approval', () => {
    expect(zonesLackingApproval(['A', 'B', 'C'], [{ zoneId: 'B', decision: 'approved' }])).toEqual(['A', 'C'])
  })
})

describe('trial period and validity', () => {
  it('ends the WVL4 trial year on 1 February 2019', () => {
    expect(trialEndsOn('2018-02-02', 12)).toBe('2019-02-01')
    expect(trialEndsOn('2024-01-31', 1)).toBe('2024-02-28') // clamped to the end of February, minus a day
    expect(trialEndsOn(null, 12)).toBeNull()
  })
  it('is in force on its first and last day only', () => {
    const a = { status: 'ended' as const, effectiveFrom: '2015-01-01', effectiveTo: '2024-12-31' }
    expect(inForceOn(a, '2014-12-31')).toBe(false)
    expect(inForceOn(a, '2015-01-01')).toBe(true)
    expect(inForceOn(a, '2024-12-31')).toBe(true)
    expect(inForceOn(a, '2025-01-01')).toBe(false)
    expect(inForceOn({ ...a, status: 'draft' }, '2020-01-01')).toBe(false)
  })
  it('needs two distinct member zones as parties', () => {
    expect(code(() => assertParties(['A', 'A'], ['A', 'B']))).toBe('AGREEMENT_PARTIES_INVALID')
    expect(code(() => assertParties(['A', 'C'], ['A', 'B']))).toBe('AGREEMENT_PARTIES_INVALID')
    expect(code(() => assertParties(['A', 'B'], ['A', 'B']))).toBeUndefined()
  })
})
