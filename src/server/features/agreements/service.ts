import type { Kysely, Transaction } from 'kysely'
import { actorFields, audit as auditLog, type AuditAction } from '../../platform/audit.ts'
import { AppError } from '../../platform/errors.ts'
import { decide, scope, type Actor, type Target } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { now } from '../../platform/clock.ts'
import { brusselsDate } from '../../platform/time.ts'
import {
  assertParties,
  changes,
  contentHash,
  inForceOn,
  keyFiguresContent,
  lastApprovalDay,
  partyConsent,
  planTransition,
  trialEndsOn,
  type AgreementContent,
  type ApprovalState,
} from './domain.ts'
import { notifyApprovalsVoided, notifyTransition } from './notifications.ts'
import { agreementsRepository } from './repository.ts'
import type {
  Agreement,
  AgreementCreate,
  AgreementPatch,
  AgreementSummary,
  ApprovalCreate,
  TransitionBody,
} from './schema.ts'

type Repo = ReturnType<typeof agreementsRepository>
type Row = NonNullable<Awaited<ReturnType<Repo['byId']>>>
type ApprovalRow = Awaited<ReturnType<Repo['approvals']>>[number]

async function summaries(repo: Repo, rows: Row[]): Promise<AgreementSummary[]> {
  const ids = rows.map((r) => r.id)
  const [parties, domains] = await Promise.all([repo.parties(ids), repo.domains(ids)])
  const today = brusselsDate(now())
  return rows.map((r) => {
    const state = { status: r.status, effectiveFrom: r.effective_from, effectiveTo: r.effective_to }
    return {
      id: r.id,
      associationId: r.association_id,
      associationName: r.association_name,
      kind: r.kind,
      title: r.title,
      version: r.version,
      contentVersion: r.content_version,
      status: r.status,
      signedOn: r.signed_on,
      effectiveFrom: r.effective_from,
      effectiveTo: r.effective_to,
      trialMonths: r.trial_months,
      trialEndsOn: trialEndsOn(r.effective_from, r.trial_months),
      inForceNow: inForceOn(state, today),
      parties: parties
        .filter((p) => p.agreement_id === r.id)
        .map((p) => ({ zoneId: p.zone_id, code: p.code, name: p.name })),
      domains: domains.filter((d) => d.agreement_id === r.id).map((d) => d.domain_code),
    }
  })
}

const approvalState = (a: ApprovalRow): ApprovalState => ({
  zoneId: a.zone_id,
  decision: a.decision,
  decidedOn: a.decided_on,
  datePrecision: a.date_precision,
  contentHash: a.content_hash,
  superseded: a.superseded_at !== null,
})

/** The content an approval binds, as it stands in the database. */
async function contentOf(repo: Repo, row: Row, summary: AgreementSummary): Promise<AgreementContent> {
  const f = await repo.keyFigures(row.id)
  return {
    partyZoneIds: summary.parties.map((p) => p.zoneId),
    domains: summary.domains,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    trialMonths: row.trial_months,
    keyFigures: keyFiguresContent(f),
  }
}

/**
 * The hash approvals are compared with. While the content can change (draft, in approval) it is the live
 * content's; from in force on it is the stored one: an open start filled in on the way in does not change
 * what was approved.
 */
async function currentHash(repo: Repo, row: Row, summary: AgreementSummary): Promise<string> {
  if (row.content_hash && (row.status === 'in_force' || row.status === 'ended')) return row.content_hash
  return contentHash(await contentOf(repo, row, summary))
}

interface AgreementRef {
  associationId: string
  partyZoneIds: readonly string[]
}

/** An agreement for the policy: it belongs to its party zones and its association. */
const agreementTarget = (ref: AgreementRef): Target => ({
  zoneIds: ref.partyZoneIds,
  associationIds: [ref.associationId],
})

/** A party zone's decision on an agreement: its korpschef records it, or the association's admin. */
const decisionTarget = (ref: AgreementRef, zoneId: string): Target => ({
  zoneIds: [zoneId],
  associationIds: [ref.associationId],
})

const allowed = async (ctx: PolicyContext, rule: 'agreement.read' | 'agreement.manage', ref: AgreementRef) =>
  (await decide(ctx, rule, agreementTarget(ref))).allowed

/** Zones whose decision the actor records: their own as korpschef, or any party as the association's admin. */
async function recordableFor(ctx: PolicyContext, ref: AgreementRef) {
  const found: { zoneId: string; onBehalf: boolean }[] = []
  for (const zoneId of ref.partyZoneIds) {
    const decision = await decide(ctx, 'agreement.approve', decisionTarget(ref, zoneId))
    if (decision.allowed) found.push({ zoneId, onBehalf: decision.basis !== 'own' })
  }
  return found
}

export function agreementsService(db: Kysely<DB>) {
  /** Loads an agreement the actor may see, or answers 404 (never a hint that it exists). */
  async function visible(repo: Repo, ctx: PolicyContext, id: string, forUpdate = false) {
    const row = await repo.byId(id, forUpdate)
    if (!row) throw new AppError('NOT_FOUND')
    const [summary] = await summaries(repo, [row])
    if (!summary) throw new AppError('NOT_FOUND')
    const ref = { associationId: row.association_id, partyZoneIds: summary.parties.map((p) => p.zoneId) }
    if (!(await allowed(ctx, 'agreement.read', ref))) throw new AppError('NOT_FOUND')
    return { row, summary, ref }
  }

  async function detail(repo: Repo, ctx: PolicyContext, id: string): Promise<Agreement> {
    const { row, summary, ref } = await visible(repo, ctx, id)
    const [approvals, figures, hash] = await Promise.all([
      repo.approvals(id),
      repo.keyFigures(id),
      currentHash(repo, row, summary),
    ])
    const states = approvals.map(approvalState)
    const open = row.status === 'draft' || row.status === 'in_approval'
    return {
      ...summary,
      summary: row.summary,
      contentHash: hash,
      endReason: row.end_reason,
      endDecisionRef: row.end_decision_reference,
      approvals: approvals.map((a) => ({
        id: a.id,
        zoneId: a.zone_id,
        zoneCode: a.zone_code,
        body: a.body,
        municipalityId: a.municipality_id,
        municipalityName: a.municipality_name,
        decision: a.decision,
        decidedOn: a.decided_on,
        datePrecision: a.date_precision,
        note: a.note,
        contentVersion: a.content_version,
        current: a.superseded_at === null && a.content_hash === hash,
        councilDecisionRef: a.decision_reference,
        recordedOnBehalf: a.recorded_on_behalf,
        recordedByName: a.recorded_by_name,
        supersededAt: a.superseded_at?.toISOString() ?? null,
        supersededReason: a.superseded_reason,
      })),
      consent: partyConsent(ref.partyZoneIds, states, hash).map((c) => {
        const party = summary.parties.find((p) => p.zoneId === c.zoneId)
        return { ...c, code: party?.code ?? '', name: party?.name ?? '' }
      }),
      lastApprovalOn: lastApprovalDay(states, hash),
      approvalRecordableFor: open ? await recordableFor(ctx, ref) : [],
      keyFigures: figures
        ? {
            municipalities: figures.municipalities_count,
            areaKm2: figures.area_km2,
            staff: figures.staff_count,
            budgetOrdinaryCents: figures.budget_ordinary_cents,
            budgetExtraordinaryCents: figures.budget_extraordinary_cents,
            budgetTotalCents: figures.budget_total_cents,
          }
        : null,
      canManage: await allowed(ctx, 'agreement.manage', ref),
    }
  }

  /** Checks parties and domains of a new or edited agreement against the association and the catalogue. */
  async function checkContent(repo: Repo, associationId: string, partyZoneIds?: string[], domains?: string[]) {
    if (partyZoneIds) assertParties(partyZoneIds, await repo.memberZoneIds(associationId, brusselsDate(now())))
    if (domains) {
      const unknown = await repo.unknownDomains(domains)
      if (unknown.length > 0)
        throw new AppError('VALIDATION_FAILED', {
          issues: unknown.map((code) => ({ path: 'body/domains', rule: 'unknown_domain', value: code })),
        })
    }
  }

  /** Every agreement write goes to the chain of every party zone (old and new), and to the actor's own. */
  async function audit(
    trx: Transaction<DB>,
    actor: Actor,
    partyZoneIds: readonly string[],
    entry: { action: AuditAction; objectId?: string; details?: Record<string, unknown> },
  ) {
    await auditLog.write(trx, actor, entry.action, { type: 'agreement', id: entry.objectId }, entry.details, {
      chains: [...partyZoneIds, actorFields(actor).chainZoneId],
    })
  }

  /** One transaction; the policy context loads what it still needs through it. */
  const write = <T>(ctx: PolicyContext, fn: (trx: Transaction<DB>, repo: Repo, ctx: PolicyContext) => Promise<T>) =>
    db.transaction().execute((trx) => fn(trx, agreementsRepository(trx), ctx.on(trx)))

  return {
    async list(
      ctx: PolicyContext,
      filter: { associationId?: string | undefined; status?: Agreement['status'] | undefined },
    ) {
      const repo = agreementsRepository(db)
      const rows = await repo.listVisible(await scope(ctx, 'agreement.read'), filter)
      return summaries(repo, rows)
    },

    get: (ctx: PolicyContext, id: string) => detail(agreementsRepository(db), ctx, id),

    create: (outer: PolicyContext, input: AgreementCreate) =>
      write(outer, async (trx, repo, ctx) => {
        const { actor } = ctx
        if (!(await repo.associationExists(input.associationId))) throw new AppError('NOT_FOUND')
        // The association is a public fact: a caller who may not create there is refused, not misled.
        if (!(await allowed(ctx, 'agreement.manage', input))) throw new AppError('FORBIDDEN')
        await checkContent(repo, input.associationId, input.partyZoneIds, input.domains)
        const content: AgreementContent = {
          partyZoneIds: input.partyZoneIds,
          domains: input.domains,
          effectiveFrom: input.effectiveFrom ?? null,
          effectiveTo: input.effectiveTo ?? null,
          trialMonths: input.trialMonths ?? null,
          keyFigures: null,
        }
        if (content.effectiveFrom && content.effectiveTo && content.effectiveTo < content.effectiveFrom)
          throw new AppError('AGREEMENT_DATES_INVALID', {
            effectiveFrom: content.effectiveFrom,
            effectiveTo: content.effectiveTo,
          })
        const hash = contentHash(content)
        const id = await repo.insert({
          association_id: input.associationId,
          kind: input.kind,
          title: input.title.trim(),
          version: input.version ?? 1,
          signed_on: input.signedOn ?? null,
          trial_months: content.trialMonths,
          summary: input.summary ?? null,
          effective_from: content.effectiveFrom,
          effective_to: content.effectiveTo,
          content_hash: hash,
        })
        await repo.replaceParties(id, input.partyZoneIds)
        await repo.replaceDomains(id, input.domains)
        const codes = await repo.zoneCodes(input.partyZoneIds)
        await audit(trx, actor, input.partyZoneIds, {
          action: 'agreement.create',
          objectId: id,
          details: {
            title: input.title.trim(),
            kind: input.kind,
            parties: input.partyZoneIds.map((z) => codes[z] ?? z).sort(),
            domains: [...input.domains].sort(),
            effectiveFrom: content.effectiveFrom,
            effectiveTo: content.effectiveTo,
            trialMonths: content.trialMonths,
            contentVersion: 1,
            contentHash: hash,
          },
        })
        return detail(repo, ctx, id)
      }),

    update: (outer: PolicyContext, id: string, patch: AgreementPatch) =>
      write(outer, async (trx, repo, ctx) => {
        const { actor } = ctx
        const { row, summary, ref } = await visible(repo, ctx, id, true)
        if (!(await allowed(ctx, 'agreement.manage', ref))) throw new AppError('FORBIDDEN')
        if (row.status !== 'draft') throw new AppError('AGREEMENT_NOT_EDITABLE', { status: row.status })
        // A manager must stay a party (or admin) after the edit; otherwise they would lock themselves out.
        if (
          patch.partyZoneIds &&
          !(await allowed(ctx, 'agreement.manage', { ...ref, partyZoneIds: patch.partyZoneIds }))
        )
          throw new AppError('FORBIDDEN')
        await checkContent(repo, row.association_id, patch.partyZoneIds, patch.domains)
        const before = await contentOf(repo, row, summary)
        const after: AgreementContent = {
          ...before,
          ...(patch.partyZoneIds !== undefined ? { partyZoneIds: patch.partyZoneIds } : {}),
          ...(patch.domains !== undefined ? { domains: patch.domains } : {}),
          ...(patch.effectiveFrom !== undefined ? { effectiveFrom: patch.effectiveFrom } : {}),
          ...(patch.effectiveTo !== undefined ? { effectiveTo: patch.effectiveTo } : {}),
          ...(patch.trialMonths !== undefined ? { trialMonths: patch.trialMonths } : {}),
        }
        if (after.effectiveFrom && after.effectiveTo && after.effectiveTo < after.effectiveFrom)
          throw new AppError('AGREEMENT_DATES_INVALID', {
            effectiveFrom: after.effectiveFrom,
            effectiveTo: after.effectiveTo,
          })
        const oldHash = contentHash(before)
        const newHash = contentHash(after)
        // A new content voids the approvals given to the old one: they stay, marked superseded.
        const contentChanged = oldHash !== newHash
        const superseded = contentChanged ? await repo.supersedeApprovals(id) : []
        const contentVersion = contentChanged ? row.content_version + 1 : row.content_version
        await repo.update(id, {
          ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
          ...(patch.title !== undefined ? { title: patch.title.trim() } : {}),
          ...(patch.version !== undefined ? { version: patch.version } : {}),
          ...(patch.signedOn !== undefined ? { signed_on: patch.signedOn } : {}),
          ...(patch.trialMonths !== undefined ? { trial_months: patch.trialMonths } : {}),
          ...(patch.summary !== undefined ? { summary: patch.summary } : {}),
          ...(patch.effectiveFrom !== undefined ? { effective_from: patch.effectiveFrom } : {}),
          ...(patch.effectiveTo !== undefined ? { effective_to: patch.effectiveTo } : {}),
          content_version: contentVersion,
          content_hash: newHash,
        })
        if (patch.partyZoneIds) await repo.replaceParties(id, patch.partyZoneIds)
        if (patch.domains) await repo.replaceDomains(id, patch.domains)
        const allParties = [...new Set([...before.partyZoneIds, ...after.partyZoneIds])]
        const codes = await repo.zoneCodes(allParties)
        const asCodes = (zoneIds: readonly string[]) => zoneIds.map((z) => codes[z] ?? z).sort()
        const changed = changes(
          {
            kind: row.kind,
            title: row.title,
            version: row.version,
            signedOn: row.signed_on,
            trialMonths: before.trialMonths,
            effectiveFrom: before.effectiveFrom,
            effectiveTo: before.effectiveTo,
            parties: asCodes(before.partyZoneIds),
            domains: [...before.domains].sort(),
          },
          {
            kind: patch.kind,
            title: patch.title?.trim(),
            version: patch.version,
            signedOn: patch.signedOn,
            trialMonths: patch.trialMonths,
            effectiveFrom: patch.effectiveFrom,
            effectiveTo: patch.effectiveTo,
            parties: patch.partyZoneIds && asCodes(patch.partyZoneIds),
            domains: patch.domains && [...patch.domains].sort(),
          },
        )
        await audit(trx, actor, allParties, {
          action: 'agreement.update',
          objectId: id,
          details: {
            changes: changed,
            ...(patch.summary !== undefined && patch.summary !== row.summary ? { summaryChanged: true } : {}),
            contentVersion: { from: row.content_version, to: contentVersion },
            contentHash: newHash,
            supersededApprovals: superseded
              .map((a) => ({
                approvalId: a.id,
                zone: codes[a.zone_id] ?? a.zone_id,
                contentVersion: a.content_version,
              }))
              .sort((x, y) => x.zone.localeCompare(y.zone)),
          },
        })
        const stillParty = superseded.map((a) => a.zone_id).filter((z) => after.partyZoneIds.includes(z))
        await notifyApprovalsVoided(trx, actor, { id, title: patch.title?.trim() ?? row.title }, stillParty)
        return detail(repo, ctx, id)
      }),

    recordApproval: (outer: PolicyContext, id: string, input: ApprovalCreate) =>
      write(outer, async (trx, repo, ctx) => {
        const { actor } = ctx
        const { row, summary, ref } = await visible(repo, ctx, id, true)
        const decision = await decide(ctx, 'agreement.approve', decisionTarget(ref, input.zoneId))
        if (!decision.allowed) throw new AppError('FORBIDDEN')
        if (!ref.partyZoneIds.includes(input.zoneId))
          throw new AppError('AGREEMENT_PARTIES_INVALID', { zoneId: input.zoneId })
        if (row.status !== 'draft' && row.status !== 'in_approval')
          throw new AppError('AGREEMENT_NOT_EDITABLE', { status: row.status })
        // The zone's decision: its korpschef records it, or the admin on its behalf naming the council decision.
        const onBehalf = decision.basis !== 'own'
        const reference = input.councilDecisionRef?.trim() || null
        if (onBehalf && reference === null) throw new AppError('APPROVAL_REFERENCE_REQUIRED')
        const municipalityId = input.municipalityId ?? null
        const municipalityOk =
          input.body === 'gemeenteraad'
            ? municipalityId !== null && (await repo.municipalityZone(municipalityId)) === input.zoneId
            : municipalityId === null
        if (!municipalityOk) throw new AppError('APPROVAL_MUNICIPALITY_INVALID')
        const hash = contentHash(await contentOf(repo, row, summary))
        if (row.content_hash !== hash) await repo.update(id, { content_hash: hash })
        const approval = await repo.insertApproval({
          agreement_id: id,
          zone_id: input.zoneId,
          body: input.body,
          municipality_id: municipalityId,
          decision: input.decision,
          decided_on: input.decidedOn,
          date_precision: input.datePrecision ?? 'day',
          note: input.note ?? null,
          content_version: row.content_version,
          content_hash: hash,
          decision_reference: reference,
          recorded_by: actor.userId,
          recorded_on_behalf: onBehalf,
        })
        const codes = await repo.zoneCodes(ref.partyZoneIds)
        await audit(trx, actor, ref.partyZoneIds, {
          action: 'agreement.approval_record',
          objectId: id,
          details: {
            approvalId: approval.id,
            zone: codes[input.zoneId] ?? input.zoneId,
            body: input.body,
            municipality: municipalityId && (await repo.municipalityName(municipalityId)),
            decision: input.decision,
            decidedOn: input.decidedOn,
            datePrecision: input.datePrecision ?? 'day',
            onBehalf,
            councilDecisionRef: reference,
            contentVersion: row.content_version,
            contentHash: hash,
          },
        })
        return detail(repo, ctx, id)
      }),

    transition: (outer: PolicyContext, id: string, input: TransitionBody) =>
      write(outer, async (trx, repo, ctx) => {
        const { actor } = ctx
        const { row, summary, ref } = await visible(repo, ctx, id, true)
        if (!(await allowed(ctx, 'agreement.manage', ref))) throw new AppError('FORBIDDEN')
        const [approvals, hash] = await Promise.all([repo.approvals(id), currentHash(repo, row, summary)])
        const next = planTransition(
          {
            status: row.status,
            effectiveFrom: row.effective_from,
            effectiveTo: row.effective_to,
            partyZoneIds: ref.partyZoneIds,
            contentHash: hash,
            zoneCodes: Object.fromEntries(summary.parties.map((p) => [p.zoneId, p.code])),
          },
          approvals.map(approvalState),
          input.to,
          input,
          brusselsDate(now()),
        )
        await repo.update(id, {
          status: next.status,
          effective_from: next.effectiveFrom,
          effective_to: next.effectiveTo,
          content_hash: hash,
          ...(next.status === 'ended'
            ? { end_reason: next.endReason, end_decision_reference: next.endDecisionReference }
            : {}),
        })
        await audit(trx, actor, ref.partyZoneIds, {
          action: 'agreement.transition',
          objectId: id,
          details: {
            from: row.status,
            to: next.status,
            effectiveFrom: { from: row.effective_from, to: next.effectiveFrom },
            effectiveTo: { from: row.effective_to, to: next.effectiveTo },
            ...(next.status === 'ended'
              ? { reason: next.endReason, councilDecisionRef: next.endDecisionReference }
              : {}),
            contentVersion: row.content_version,
            contentHash: hash,
          },
        })
        await notifyTransition(trx, actor, {
          id,
          title: row.title,
          associationId: row.association_id,
          partyZoneIds: ref.partyZoneIds,
          status: next.status,
          effectiveFrom: next.effectiveFrom,
          effectiveTo: next.effectiveTo,
        })
        return detail(repo, ctx, id)
      }),
  }
}
