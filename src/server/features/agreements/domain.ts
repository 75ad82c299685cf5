// Agreement rules as pure functions: the status lifecycle, consent (approvals bind one exact content), the
// trial period, ending.
import { createHash } from 'node:crypto'
import type { Selectable } from 'kysely'
import { canonicalJson } from '../../platform/audit.ts'
import { AppError } from '../../platform/errors.ts'
import type { AgreementStatus, ApprovalDecision, DatePrecision } from '../../platform/enums.ts'
import type { Tables } from '../../platform/schema.ts'
import { addMonths, dayBefore } from '../../platform/time.ts'

/** What an approval approves: everything that decides who may see what, and when. */
export interface AgreementContent {
  partyZoneIds: readonly string[]
  domains: readonly string[]
  effectiveFrom: string | null
  effectiveTo: string | null
  trialMonths: number | null
  keyFigures: {
    municipalities: number | null
    areaKm2: number | null
    staff: number | null
    budgetOrdinaryCents: number | null
    budgetExtraordinaryCents: number | null
    budgetTotalCents: number | null
  } | null
}

/** The key figures of a stored `agreement_key_figures` row, as content. */
export function keyFiguresContent(
  row: Omit<Selectable<Tables.AgreementKeyFigures>, 'agreement_id'> | undefined,
): AgreementContent['keyFigures'] {
  return row
    ? {
        municipalities: row.municipalities_count,
        areaKm2: row.area_km2,
        staff: row.staff_count,
        budgetOrdinaryCents: row.budget_ordinary_cents,
        budgetExtraordinaryCents: row.budget_extraordinary_cents,
        budgetTotalCents: row.budget_total_cents,
      }
    : null
}

/** SHA-256 of the content's canonical JSON (sets sorted, numbers as numbers): equal content, equal hash. */
export function contentHash(content: AgreementContent): string {
  const num = (v: number | null) => (v === null ? null : Number(v))
  const f = content.keyFigures
  const canonical = {
    partyZoneIds: [...new Set(content.partyZoneIds)].sort(),
    domains: [...new Set(content.domains)].sort(),
    effectiveFrom: content.effectiveFrom,
    effectiveTo: content.effectiveTo,
    trialMonths: content.trialMonths,
    keyFigures: f && {
      municipalities: num(f.municipalities),
      areaKm2: num(f.areaKm2),
      staff: num(f.staff),
      budgetOrdinaryCents: num(f.budgetOrdinaryCents),
      budgetExtraordinaryCents: num(f.budgetExtraordinaryCents),
      budgetTotalCents: num(f.budgetTotalCents),
    },
  }
  return createHash('sha256').update(canonicalJson(canonical)).digest('hex')
}

export interface AgreementState {
  status: AgreementStatus
  effectiveFrom: string | null
  effectiveTo: string | null
  partyZoneIds: readonly string[]
  /** The hash of the current content (see contentHash). */
  contentHash: string
  /** Zone codes for the messages, by zone id. */
  zoneCodes?: Readonly<Record<string, string>>
}

export interface ApprovalState {
  zoneId: string
  decision: ApprovalDecision
  decidedOn: string
  datePrecision: DatePrecision
  /** The content the decision was given to (null: recorded before approvals bound content). */
  contentHash: string | null
  superseded: boolean
}

/** Where a party zone stands: approved the current content, rejected it, approved an earlier one, or nothing yet. */
export type PartyConsent = 'approved' | 'rejected' | 'outdated' | 'missing'

const isCurrent = (a: ApprovalState, hash: string) => !a.superseded && a.contentHash === hash

export function partyConsent(
  partyZoneIds: readonly string[],
  approvals: readonly ApprovalState[],
  hash: string,
): { zoneId: string; state: PartyConsent }[] {
  return partyZoneIds.map((zoneId) => {
    const own = approvals.filter((a) => a.zoneId === zoneId)
    const current = own.filter((a) => isCurrent(a, hash))
    const state: PartyConsent = current.some((a) => a.decision === 'rejected')
      ? 'rejected'
      : current.some((a) => a.decision === 'approved')
        ? 'approved'
        : own.some((a) => a.decision === 'approved')
          ? 'outdated'
          : 'missing'
    return { zoneId, state }
  })
}

/** The last day a decision can have been taken: a decision known only by its month counts on its last day. */
export function latestDay(a: Pick<ApprovalState, 'decidedOn' | 'datePrecision'>): string {
  return a.datePrecision === 'month' ? dayBefore(addMonths(`${a.decidedOn.slice(0, 7)}-01`, 1)) : a.decidedOn
}

/** The day of the last approval of the current content, or null when there is none. */
export function lastApprovalDay(approvals: readonly ApprovalState[], hash: string): string | null {
  const days = approvals.filter((a) => isCurrent(a, hash) && a.decision === 'approved').map(latestDay)
  return days.length ? days.reduce((x, y) => (x > y ? x : y)) : null
}

export type TransitionTarget = 'draft' | 'in_approval' | 'in_force' | 'ended'

/** draft ⇄ in approval → in force → ended. */
const ALLOWED: Readonly<Record<AgreementStatus, readonly TransitionTarget[]>> = {
  draft: ['in_approval'],
  in_approval: ['draft', 'in_force'],
  in_force: ['ended'],
  ended: [],
}

export interface TransitionInput {
  effectiveFrom?: string | undefined
  effectiveTo?: string | undefined
  reason?: string | undefined
  councilDecisionRef?: string | undefined
}

export interface PlannedTransition {
  status: TransitionTarget
  effectiveFrom: string | null
  effectiveTo: string | null
  endReason: string | null
  endDecisionReference: string | null
}

const required = (field: string) =>
  new AppError('VALIDATION_FAILED', { issues: [{ path: `body/${field}`, rule: 'required' }] })

/**
 * The dates an agreement gets when it moves to `to`; throws a catalogue error when it may not.
 * In force: every party approved the current content, on the approved period (an open start becomes the
 * chosen day, by default today), never before the last approval. Ended: a reason, and a last day no earlier
 * than today unless a council decision is named.
 */
export function planTransition(
  agreement: AgreementState,
  approvals: readonly ApprovalState[],
  to: TransitionTarget,
  input: TransitionInput,
  today: string,
): PlannedTransition {
  if (!ALLOWED[agreement.status].includes(to))
    throw new AppError('AGREEMENT_INVALID_TRANSITION', { from: agreement.status, to })
  const keep = { effectiveFrom: agreement.effectiveFrom, effectiveTo: agreement.effectiveTo }
  switch (to) {
    case 'draft':
    case 'in_approval':
      return { status: to, ...keep, endReason: null, endDecisionReference: null }
    case 'in_force': {
      const lacking = partyConsent(agreement.partyZoneIds, approvals, agreement.contentHash).filter(
        (p) => p.state !== 'approved',
      )
      if (lacking.length > 0)
        throw new AppError('AGREEMENT_APPROVALS_MISSING', {
          zoneIds: lacking.map((p) => p.zoneId),
          zones: lacking.map((p) => ({ ...p, code: agreement.zoneCodes?.[p.zoneId] ?? null })),
        })
      // The approved period is part of the content: it is not changed on the way in.
      const differs = (asked: string | undefined, agreed: string | null) =>
        asked !== undefined && agreed !== null && asked !== agreed
      if (differs(input.effectiveFrom, agreement.effectiveFrom) || differs(input.effectiveTo, agreement.effectiveTo))
        throw new AppError('AGREEMENT_PERIOD_APPROVED', keep)
      if (input.effectiveTo !== undefined && agreement.effectiveTo === null)
        throw new AppError('AGREEMENT_PERIOD_APPROVED', keep)
      const effectiveFrom = agreement.effectiveFrom ?? input.effectiveFrom ?? today
      const lastApprovalOn = lastApprovalDay(approvals, agreement.contentHash)
      if (lastApprovalOn !== null && effectiveFrom < lastApprovalOn)
        throw new AppError('AGREEMENT_STARTS_BEFORE_APPROVAL', { effectiveFrom, lastApprovalOn })
      assertOrder(effectiveFrom, agreement.effectiveTo)
      return {
        status: to,
        effectiveFrom,
        effectiveTo: agreement.effectiveTo,
        endReason: null,
        endDecisionReference: null,
      }
    }
    case 'ended': {
      const effectiveTo = input.effectiveTo
      const reason = input.reason?.trim()
      if (!reason) throw required('reason')
      if (!effectiveTo) throw required('effectiveTo')
      assertOrder(agreement.effectiveFrom, effectiveTo)
      const ref = input.councilDecisionRef?.trim() || null
      if (effectiveTo < today && ref === null) throw new AppError('AGREEMENT_END_BACKDATED', { effectiveTo, today })
      return {
        status: to,
        effectiveFrom: agreement.effectiveFrom,
        effectiveTo,
        endReason: reason,
        endDecisionReference: ref,
      }
    }
  }
}

function assertOrder(from: string | null, to: string | null): void {
  if (from && to && to < from) throw new AppError('AGREEMENT_DATES_INVALID', { effectiveFrom: from, effectiveTo: to })
}

/** Last day of the trial period: N months from the start, minus one day (WVL4: 2018-02-02 + 12 → 2019-02-01). */
export function trialEndsOn(effectiveFrom: string | null, trialMonths: number | null): string | null {
  if (!effectiveFrom || !trialMonths) return null
  return dayBefore(addMonths(effectiveFrom, trialMonths))
}

/** In force on `date`: the status says so and the date lies in the effective period. */
export function inForceOn(a: Pick<AgreementState, 'status' | 'effectiveFrom' | 'effectiveTo'>, date: string): boolean {
  return (
    (a.status === 'in_force' || a.status === 'ended') &&
    a.effectiveFrom !== null &&
    a.effectiveFrom <= date &&
    (a.effectiveTo === null || a.effectiveTo >= date)
  )
}

/** Parties: at least two distinct zones, all members of the association. */
export function assertParties(partyZoneIds: readonly string[], memberZoneIds: readonly string[]): void {
  const distinct = new Set(partyZoneIds)
  const outsiders = [...distinct].filter((z) => !memberZoneIds.includes(z))
  if (distinct.size < 2 || outsiders.length > 0) throw new AppError('AGREEMENT_PARTIES_INVALID', { outsiders })
}

/** Old → new of what an edit changed, for the audit log (sets compared as sets). */
export function changes(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): Record<string, { from: unknown; to: unknown }> {
  const norm = (v: unknown) =>
    Array.isArray(v) ? canonicalJson([...(v as unknown[])].map(String).sort()) : canonicalJson(v)
  const out: Record<string, { from: unknown; to: unknown }> = {}
  for (const key of Object.keys(after)) {
    if (after[key] === undefined) continue
    if (norm(before[key]) !== norm(after[key])) out[key] = { from: before[key] ?? null, to: after[key] }
  }
  return out
}
