import { describe, expect, it } from 'vitest'
import { AppError } from '../../platform/errors.ts'
import {
  assertParties,
  changes,
  contentHash,
  inForceOn,
  lastApprovalDay,
  partyConsent,
  planTransition,
  trialEndsOn,
  type AgreementContent,
  type AgreementState,
  type ApprovalState,
} from './domain.ts'

const content: AgreementContent = {
  partyZoneIds: ['A', 'B'],
  domains: ['training'],
  effectiveFrom: null,
  effectiveTo: null,
  trialMonths: null,
  keyFigures: null,
}
const HASH = contentHash(content)
const draft: AgreementState = {
  status: 'draft',
  effectiveFrom: null,
  effectiveTo: null,
  partyZoneIds: ['A', 'B'],
  contentHash: HASH,
}
const TODAY = '2026-11-29'
const approved = (zoneId: string, decidedOn = '2026-10-01', extra: Partial<ApprovalState> = {}): ApprovalState => ({
  zoneId,
  decision: 'approved',
  decidedOn,
  datePrecision: 'day',
  contentHash: HASH,
  superseded: false,
  ...extra,
})
const both = [approved('A'), approved('B')]
const code = (fn: () => unknown): string | undefined => {
  try {
    fn()
  } catch (err) {
    return err instanceof AppError ? err.code : 'other'
  }
  return undefined
}
const details = (fn: () => unknown): Record<string, unknown> | undefined => {
  try {
    fn()
  } catch (err) {
    return err instanceof AppError ? err.details : undefined
  }
  return undefined
}

describe('content hash', () => {
  it('is the same for the same content in any order, and changes with any approved field', () => {
    expect(contentHash({ ...content, partyZoneIds: ['B', 'A'] })).toBe(HASH)
    expect(HASH).toMatch(/^[0-9a-f]{64}$/)
    const variants: Partial<AgreementContent>[] = [
      { domains: ['training', 'dpo'] },
      { partyZoneIds: ['A', 'C'] },
      { effectiveFrom: '2027-01-01' },
      { effectiveTo: '2030-12-31' },
      { trialMonths: 12 },
      {
        keyFigures: {
          municipalities: 13,
          areaKm2: 624.63,
          staff: 858,
          budgetOrdinaryCents: null,
          budgetExtraordinaryCents: null,
          budgetTotalCents: null,
        },
      },
    ]
    for (const v of variants) expect(contentHash({ ...content, ...v }), JSON.stringify(v)).not.toBe(HASH)
  })
})

describe('consent', () => {
  it('counts only approvals of the current content', () => {
    const other = contentHash({ ...content, domains: ['training', 'dpo'] })
    expect(
      partyConsent(['A', 'B', 'C', 'D'], [approved('A'), approved('B', '2026-10-01', { superseded: true })], HASH),
    ).toEqual([
      { zoneId: 'A', state: 'approved' },
      { zoneId: 'B', state: 'outdated' },
      { zoneId: 'C', state: 'missing' },
      { zoneId: 'D', state: 'missing' },
    ])
    expect(partyConsent(['A'], [approved('A')], other)).toEqual([{ zoneId: 'A', state: 'outdated' }])
    expect(partyConsent(['A'], [approved('A'), { ...approved('A'), decision: 'rejected' }], HASH)).toEqual([
      { zoneId: 'A', state: 'rejected' },
    ])
    // Recorded before approvals bound content: outdated.
    expect(partyConsent(['A'], [approved('A', '2026-10-01', { contentHash: null })], HASH)[0]?.state).toBe('outdated')
  })

  it('takes a decision known by its month on the last day of that month', () => {
    expect(
      lastApprovalDay([approved('A', '2024-02-01'), approved('B', '2024-03-01', { datePrecision: 'month' })], HASH),
    ).toBe('2024-03-31')
    expect(lastApprovalDay([approved('A', '2024-02-01', { superseded: true })], HASH)).toBeNull()
  })
})

describe('agreement lifecycle', () => {
  it('goes draft → in approval → in force → ended', () => {
    const approving = planTransition(draft, [], 'in_approval', {}, TODAY)
    expect(approving.status).toBe('in_approval')
    const inForce = planTransition({ ...draft, status: 'in_approval' }, both, 'in_force', {}, TODAY)
    expect(inForce).toMatchObject({ status: 'in_force', effectiveFrom: TODAY, effectiveTo: null })
    const ended = planTransition(
      { ...draft, status: 'in_force', effectiveFrom: '2018-02-02' },
      both,
      'ended',
      { effectiveTo: '2026-12-31', reason: 'Opgegaan in de fusiezone' },
      TODAY,
    )
    expect(ended).toMatchObject({ effectiveTo: '2026-12-31', endReason: 'Opgegaan in de fusiezone' })
  })

  it('refuses to bring into force without every party approving the current content', () => {
    const state = { ...draft, status: 'in_approval' as const, zoneCodes: { A: '5373', B: '5375' } }
    expect(code(() => planTransition(state, [approved('A')], 'in_force', {}, TODAY))).toBe(
      'AGREEMENT_APPROVALS_MISSING',
    )
    expect(
      code(() => planTransition(state, [...both, { ...approved('B'), decision: 'rejected' }], 'in_force', {}, TODAY)),
    ).toBe('AGREEMENT_APPROVALS_MISSING')
    // Both approved, but B's approval was of an earlier content.
    const outdated = [approved('A'), approved('B', '2026-10-01', { superseded: true })]
    expect(details(() => planTransition(state, outdated, 'in_force', {}, TODAY))).toEqual({
      zoneIds: ['B'],
      zones: [{ zoneId: 'B', state: 'outdated', code: '5375' }],
    })
  })

  it('keeps the approved period and never starts before the last approval', () => {
    const state = { ...draft, status: 'in_approval' as const }
    expect(code(() => planTransition(state, both, 'in_force', { effectiveFrom: '2026-09-30' }, TODAY))).toBe(
      'AGREEMENT_STARTS_BEFORE_APPROVAL',
    )
    expect(planTransition(state, both, 'in_force', { effectiveFrom: '2026-10-01' }, TODAY).effectiveFrom).toBe(
      '2026-10-01',
    )
    const agreed = { ...state, effectiveFrom: '2027-01-01' }
    expect(planTransition(agreed, both, 'in_force', {}, TODAY).effectiveFrom).toBe('2027-01-01')
    expect(code(() => planTransition(agreed, both, 'in_force', { effectiveFrom: '2026-12-01' }, TODAY))).toBe(
      'AGREEMENT_PERIOD_APPROVED',
    )
    expect(code(() => planTransition(state, both, 'in_force', { effectiveTo: '2030-12-31' }, TODAY))).toBe(
      'AGREEMENT_PERIOD_APPROVED',
    )
    // The BHT case: a politieraad decision "in March 2024" cannot precede a start on 29/02/2024.
    const bht = [
      approved('A', '2024-02-01', { datePrecision: 'month' }),
      approved('B', '2024-03-01', { datePrecision: 'month' }),
    ]
    expect(code(() => planTransition({ ...state, effectiveFrom: '2024-02-29' }, bht, 'in_force', {}, TODAY))).toBe(
      'AGREEMENT_STARTS_BEFORE_APPROVAL',
    )
    expect(planTransition({ ...state, effectiveFrom: '2024-04-01' }, bht, 'in_force', {}, TODAY).status).toBe(
      'in_force',
    )
  })

  it('ends with a reason, on a date no earlier than today unless a council decision is named', () => {
    const inForce = { ...draft, status: 'in_force' as const, effectiveFrom: '2018-02-02' }
    expect(code(() => planTransition(inForce, [], 'ended', { effectiveTo: TODAY }, TODAY))).toBe('VALIDATION_FAILED')
    expect(code(() => planTransition(inForce, [], 'ended', { effectiveTo: TODAY, reason: '  ' }, TODAY))).toBe(
      'VALIDATION_FAILED',
    )
    expect(code(() => planTransition(inForce, [], 'ended', { reason: 'Fusie' }, TODAY))).toBe('VALIDATION_FAILED')
    expect(planTransition(inForce, [], 'ended', { effectiveTo: TODAY, reason: 'Fusie' }, TODAY).status).toBe('ended')
    expect(
      code(() => planTransition(inForce, [], 'ended', { effectiveTo: '2026-11-28', reason: 'Fusie' }, TODAY)),
    ).toBe('AGREEMENT_END_BACKDATED')
    expect(
      planTransition(
        inForce,
        [],
        'ended',
        { effectiveTo: '2026-06-30', reason: 'Fusie', councilDecisionRef: 'Politieraad 2026/14' },
        TODAY,
      ),
    ).toMatchObject({ effectiveTo: '2026-06-30', endDecisionReference: 'Politieraad 2026/14' })
  })

  it('refuses skipped or backward steps and end dates before the start', () => {
    expect(code(() => planTransition(draft, [], 'in_force', {}, TODAY))).toBe('AGREEMENT_INVALID_TRANSITION')
    expect(
      code(() =>
        planTransition(
          { ...draft, status: 'ended', effectiveFrom: '2018-01-01', effectiveTo: '2019-01-01' },
          [],
          'draft',
          {},
          TODAY,
        ),
      ),
    ).toBe('AGREEMENT_INVALID_TRANSITION')
    expect(
      code(() =>
        planTransition(
          { ...draft, status: 'in_force', effectiveFrom: '2018-02-02' },
          [],
          'ended',
          { effectiveTo: '2018-01-01', reason: 'x', councilDecisionRef: 'y' },
          TODAY,
        ),
      ),
    ).toBe('AGREEMENT_DATES_INVALID')
  })

  it('describes an edit as old → new, sets as sets', () => {
    expect(
      changes(
        { domains: ['training'], parties: ['5373', '5375'], title: 'A' },
        { domains: ['dpo', 'training'], parties: ['5375', '5373'], title: undefined },
      ),
    ).toEqual({ domains: { from: ['training'], to: ['dpo', 'training'] } })
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
