import type { Kysely, Transaction } from 'kysely'
import { actorFields, appendAudit } from '../../platform/audit.ts'
import { AppError } from '../../platform/errors.ts'
import {
  adminAssociationsWith,
  canCreateAgreement,
  canManageAgreement,
  canRecordApproval,
  canSeeAgreement,
  zonesWith,
  type Actor,
} from '../../platform/policy.ts'
import type { DB } from '../../platform/schema.ts'
import { brusselsDate } from '../../platform/time.ts'
import { assertParties, inForceOn, planTransition, trialEndsOn } from './domain.ts'
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

async function summaries(repo: Repo, rows: Row[]): Promise<AgreementSummary[]> {
  const ids = rows.map((r) => r.id)
  const [parties, domains] = await Promise.all([repo.parties(ids), repo.domains(ids)])
  const today = brusselsDate(new Date())
  return rows.map((r) => {
    const state = { status: r.status, effectiveFrom: r.effective_from, effectiveTo: r.effective_to }
    return {
      id: r.id,
      associationId: r.association_id,
      associationName: r.association_name,
      kind: r.kind,
      title: r.title,
      version: r.version,
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

export function agreementsService(db: Kysely<DB>) {
  /** Loads an agreement the actor may see, or answers 404 (never a hint that it exists). */
  async function visible(repo: Repo, actor: Actor, id: string, forUpdate = false) {
    const row = await repo.byId(id, forUpdate)
    if (!row) throw new AppError('NOT_FOUND')
    const [summary] = await summaries(repo, [row])
    if (!summary) throw new AppError('NOT_FOUND')
    const ref = { associationId: row.association_id, partyZoneIds: summary.parties.map((p) => p.zoneId) }
    if (!canSeeAgreement(actor, ref)) throw new AppError('NOT_FOUND')
    return { row, summary, ref }
  }

  async function detail(repo: Repo, actor: Actor, id: string): Promise<Agreement> {
    const { row, summary, ref } = await visible(repo, actor, id)
    const [approvals, figures] = await Promise.all([repo.approvals(id), repo.keyFigures(id)])
    return {
      ...summary,
      summary: row.summary,
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
      })),
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
      canManage: canManageAgreement(actor, ref),
    }
  }

  /** Checks parties and domains of a new or edited agreement against the association and the catalogue. */
  async function checkContent(repo: Repo, associationId: string, partyZoneIds?: string[], domains?: string[]) {
    if (partyZoneIds) assertParties(partyZoneIds, await repo.memberZoneIds(associationId, brusselsDate(new Date())))
    if (domains) {
      const unknown = await repo.unknownDomains(domains)
      if (unknown.length > 0)
        throw new AppError('VALIDATION_FAILED', {
          issues: unknown.map((code) => ({ path: 'body/domains', rule: 'unknown_domain', value: code })),
        })
    }
  }

  const write = <T>(fn: (trx: Transaction<DB>, repo: Repo) => Promise<T>) =>
    db.transaction().execute((trx) => fn(trx, agreementsRepository(trx)))

  return {
    async list(actor: Actor, filter: { associationId?: string | undefined; status?: Agreement['status'] | undefined }) {
      const repo = agreementsRepository(db)
      const rows = await repo.listVisible(
        zonesWith(actor, 'agreements.read'),
        adminAssociationsWith(actor, 'agreements.read'),
        filter,
      )
      return summaries(repo, rows)
    },

    get: (actor: Actor, id: string) => detail(agreementsRepository(db), actor, id),

    create: (actor: Actor, input: AgreementCreate) =>
      write(async (trx, repo) => {
        if (!(await repo.associationExists(input.associationId))) throw new AppError('NOT_FOUND')
        if (!canCreateAgreement(actor, { associationId: input.associationId, partyZoneIds: input.partyZoneIds }))
          throw new AppError('FORBIDDEN')
        await checkContent(repo, input.associationId, input.partyZoneIds, input.domains)
        const id = await repo.insert({
          association_id: input.associationId,
          kind: input.kind,
          title: input.title.trim(),
          version: input.version ?? 1,
          signed_on: input.signedOn ?? null,
          trial_months: input.trialMonths ?? null,
          summary: input.summary ?? null,
        })
        await repo.replaceParties(id, input.partyZoneIds)
        await repo.replaceDomains(id, input.domains)
        await appendAudit(trx, [
          {
            ...actorFields(actor),
            action: 'agreement.create',
            objectType: 'agreement',
            objectId: id,
            details: { title: input.title },
          },
        ])
        return detail(repo, actor, id)
      }),

    update: (actor: Actor, id: string, patch: AgreementPatch) =>
      write(async (trx, repo) => {
        const { row, ref } = await visible(repo, actor, id, true)
        if (!canManageAgreement(actor, ref)) throw new AppError('FORBIDDEN')
        if (row.status !== 'draft') throw new AppError('AGREEMENT_NOT_EDITABLE', { status: row.status })
        // A manager must stay a party (or admin) after the edit; otherwise they would lock themselves out.
        if (patch.partyZoneIds && !canManageAgreement(actor, { ...ref, partyZoneIds: patch.partyZoneIds }))
          throw new AppError('FORBIDDEN')
        await checkContent(repo, row.association_id, patch.partyZoneIds, patch.domains)
        await repo.update(id, {
          ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
          ...(patch.title !== undefined ? { title: patch.title.trim() } : {}),
          ...(patch.version !== undefined ? { version: patch.version } : {}),
          ...(patch.signedOn !== undefined ? { signed_on: patch.signedOn } : {}),
          ...(patch.trialMonths !== undefined ? { trial_months: patch.trialMonths } : {}),
          ...(patch.summary !== undefined ? { summary: patch.summary } : {}),
        })
        if (patch.partyZoneIds) await repo.replaceParties(id, patch.partyZoneIds)
        if (patch.domains) await repo.replaceDomains(id, patch.domains)
        await appendAudit(trx, [
          {
            ...actorFields(actor),
            action: 'agreement.update',
            objectType: 'agreement',
            objectId: id,
            details: { fields: Object.keys(patch).sort() },
          },
        ])
        return detail(repo, actor, id)
      }),

    recordApproval: (actor: Actor, id: string, input: ApprovalCreate) =>
      write(async (trx, repo) => {
        const { row, ref } = await visible(repo, actor, id, true)
        if (!canRecordApproval(actor, ref, input.zoneId)) throw new AppError('FORBIDDEN')
        if (!ref.partyZoneIds.includes(input.zoneId))
          throw new AppError('AGREEMENT_PARTIES_INVALID', { zoneId: input.zoneId })
        if (row.status !== 'draft' && row.status !== 'in_approval')
          throw new AppError('AGREEMENT_NOT_EDITABLE', { status: row.status })
        const municipalityId = input.municipalityId ?? null
        const municipalityOk =
          input.body === 'gemeenteraad'
            ? municipalityId !== null && (await repo.municipalityZone(municipalityId)) === input.zoneId
            : municipalityId === null
        if (!municipalityOk) throw new AppError('APPROVAL_MUNICIPALITY_INVALID')
        const approval = await repo.insertApproval({
          agreement_id: id,
          zone_id: input.zoneId,
          body: input.body,
          municipality_id: municipalityId,
          decision: input.decision,
          decided_on: input.decidedOn,
          date_precision: input.datePrecision ?? 'day',
          note: input.note ?? null,
        })
        await appendAudit(trx, [
          {
            ...actorFields(actor),
            action: 'agreement.approval_record',
            objectType: 'agreement',
            objectId: id,
            details: { approvalId: approval.id, zoneId: input.zoneId, body: input.body, decision: input.decision },
          },
        ])
        return detail(repo, actor, id)
      }),

    transition: (actor: Actor, id: string, input: TransitionBody) =>
      write(async (trx, repo) => {
        const { row, ref } = await visible(repo, actor, id, true)
        if (!canManageAgreement(actor, ref)) throw new AppError('FORBIDDEN')
        const approvals = await repo.approvals(id)
        const next = planTransition(
          {
            status: row.status,
            signedOn: row.signed_on,
            effectiveFrom: row.effective_from,
            effectiveTo: row.effective_to,
            partyZoneIds: ref.partyZoneIds,
          },
          approvals.map((a) => ({ zoneId: a.zone_id, decision: a.decision })),
          input.to,
          { effectiveFrom: input.effectiveFrom, effectiveTo: input.effectiveTo },
        )
        await repo.update(id, {
          status: next.status,
          effective_from: next.effectiveFrom,
          effective_to: next.effectiveTo,
        })
        await appendAudit(trx, [
          {
            ...actorFields(actor),
            action: 'agreement.transition',
            objectType: 'agreement',
            objectId: id,
            details: { from: row.status, ...next },
          },
        ])
        return detail(repo, actor, id)
      }),
  }
}
