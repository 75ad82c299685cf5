// Joint investments (issue 10): a purchase shared by zones of one association, its parties (a zone may join
// mid-year or leave), linked assets, running costs and the cost key versioned over days. Every use case runs in
// one transaction: the policy on the investment (its party zones and its association; out of reach: 404), the
// pure checks (domain/key-input.ts), the writes, the audit entry in every party zone's chain and the outbox
// event. The database has the last word on overlapping key versions (investment_cost_keys_no_overlap → 409).
import type { Kysely, Transaction } from 'kysely'
import { audit, type AuditAction } from '../../platform/audit.ts'
import { now } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { loadGrants } from '../../platform/grants.ts'
import { emit } from '../../platform/outbox.ts'
import { decide, scope, type Target } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { keyProblems, normalisedInputs, partiesDuring, type KeyDraft, type PartyPeriod } from './domain/key-input.ts'
import { presentDetail, presentSummaries } from './investment-present.ts'
import { investmentRepository, type InvestmentRow } from './investment-repository.ts'
import {
  INVESTMENT_ACTIONS,
  type CostKeyCreate,
  type InvestmentAssetsInput,
  type InvestmentCreate,
  type InvestmentDetail,
  type InvestmentList,
  type InvestmentPartiesInput,
  type InvestmentQuery,
  type InvestmentUpdate,
  type KeyInputs,
  type KeyInputsQuery,
  type RunningCostCreate,
} from './investment-schema.ts'

export const DOMAIN = 'investment'

interface Loaded {
  row: InvestmentRow
  parties: PartyPeriod[]
  canManage: boolean
}

const targetOf = (row: InvestmentRow, parties: readonly PartyPeriod[]): Target => ({
  zoneIds: parties.map((p) => p.zoneId),
  associationIds: [row.association_id],
})

/** The parties as given, with their defaults: from the purchase day, still a party. */
function partyPeriods(input: InvestmentPartiesInput['parties'], purchasedOn: string): PartyPeriod[] {
  return input.map((p) => ({ zoneId: p.zoneId, joinedOn: p.joinedOn ?? purchasedOn, leftOn: p.leftOn ?? null }))
}

/** Parties listed once, each period not empty, the paying and managing zones among them, members meanwhile. */
async function checkParties(
  trx: Transaction<DB>,
  row: Pick<InvestmentRow, 'association_id' | 'paid_by_zone_id' | 'managing_zone_id'>,
  parties: readonly PartyPeriod[],
): Promise<void> {
  const ids = parties.map((p) => p.zoneId)
  const problems: { zoneId?: string; problem: string }[] = []
  for (const [i, p] of parties.entries()) {
    if (ids.indexOf(p.zoneId) !== i) problems.push({ zoneId: p.zoneId, problem: 'duplicate' })
    if (p.leftOn !== null && p.leftOn <= p.joinedOn) problems.push({ zoneId: p.zoneId, problem: 'left_before_joined' })
  }
  if (!ids.includes(row.paid_by_zone_id)) problems.push({ zoneId: row.paid_by_zone_id, problem: 'payer_not_a_party' })
  if (!ids.includes(row.managing_zone_id))
    problems.push({ zoneId: row.managing_zone_id, problem: 'manager_not_a_party' })
  const memberships = await investmentRepository(trx).memberships(row.association_id, ids)
  for (const p of parties) {
    const member = memberships.some(
      (m) =>
        m.zone_id === p.zoneId &&
        (p.leftOn === null || m.valid_from < p.leftOn) &&
        (m.valid_to === null || m.valid_to >= p.joinedOn),
    )
    if (!member) problems.push({ zoneId: p.zoneId, problem: 'not_a_member' })
  }
  if (problems.length > 0) throw new AppError('INVESTMENT_PARTIES_INVALID', { problems })
}

function checkKey(key: KeyDraft, parties: readonly PartyPeriod[], validFrom: string, purchasedOn: string): void {
  const problems: unknown[] = keyProblems(
    key,
    partiesDuring(parties, validFrom, null),
    parties.map((p) => p.zoneId),
  )
  if (validFrom < purchasedOn) problems.push({ field: 'validFrom', problem: 'before_purchase' })
  if (problems.length > 0) throw new AppError('COST_KEY_INVALID', { problems })
}

const draftOf = (body: { method: KeyDraft['method']; weights?: KeyDraft['weights']; inputs?: KeyDraft['inputs'] }) => ({
  method: body.method,
  weights: body.weights ?? {},
  inputs: body.inputs ?? {},
})

export function investmentService(db: Kysely<DB>) {
  /** The investment as the actor may see it (404 out of reach), and whether the actor may manage it. */
  async function load(trx: Transaction<DB>, ctx: PolicyContext, id: string, manage: boolean): Promise<Loaded> {
    const c = ctx.on(trx)
    const repo = investmentRepository(trx)
    const row = await repo.byId(id, manage)
    if (!row) throw new AppError('NOT_FOUND')
    const parties = (await repo.parties([id])).map((p) => ({
      zoneId: p.zone_id,
      joinedOn: p.joined_on,
      leftOn: p.left_on,
    }))
    const target = targetOf(row, parties)
    if (!(await decide(c, 'investment.read', target)).allowed) throw new AppError('NOT_FOUND')
    const canManage = (await decide(c, 'investment.manage', target)).allowed
    if (manage && !canManage) throw new AppError('FORBIDDEN')
    return { row, parties, canManage }
  }

  const detail = (trx: Transaction<DB>, ctx: PolicyContext, l: Loaded): Promise<InvestmentDetail> =>
    presentDetail(trx, l.row, ctx.date, l.canManage ? [...INVESTMENT_ACTIONS] : [])

  /** Audit in every party zone's chain (of the parties before and after the change) and the outbox event. */
  async function record(
    trx: Transaction<DB>,
    ctx: PolicyContext,
    row: Pick<InvestmentRow, 'id' | 'association_id'>,
    zoneIds: readonly string[],
    action: AuditAction,
    details: Record<string, unknown>,
  ): Promise<void> {
    const chains = [...new Set(zoneIds)].sort()
    await audit.write(trx, ctx.actor, action, { type: 'investment', id: row.id }, details, { chains, domain: DOMAIN })
    await emit(trx, {
      type: 'investment.changed',
      associationId: row.association_id,
      domain: DOMAIN,
      payload: { investmentId: row.id, action, coveredZoneIds: chains },
    })
  }

  /** A change of a loaded investment: load (manage), change, record, answer the detail. */
  const change = (
    ctx: PolicyContext,
    id: string,
    apply: (
      trx: Transaction<DB>,
      l: Loaded,
    ) => Promise<{ action: AuditAction; details: Record<string, unknown>; zoneIds?: string[] }>,
  ) =>
    db.transaction().execute(async (trx) => {
      const l = await load(trx, ctx, id, true)
      const { action, details, zoneIds = [] } = await apply(trx, l)
      await record(trx, ctx, l.row, [...l.parties.map((p) => p.zoneId), ...zoneIds], action, details)
      const row = (await investmentRepository(trx).byId(id)) ?? l.row
      return detail(trx, ctx, { ...l, row })
    })

  async function checkAssets(
    trx: Transaction<DB>,
    investmentId: string | null,
    assetIds: readonly string[],
    parties: readonly PartyPeriod[],
  ) {
    const found = await investmentRepository(trx).assetsByIds(assetIds)
    const zones = parties.map((p) => p.zoneId)
    const invalid = assetIds.filter((id) => {
      const a = found.find((f) => f.id === id)
      return !a || !zones.includes(a.zone_id) || (a.investment_id !== null && a.investment_id !== investmentId)
    })
    if (invalid.length > 0) throw new AppError('INVESTMENT_ASSET_INVALID', { assetIds: invalid })
  }

  return {
    async list(ctx: PolicyContext, query: InvestmentQuery): Promise<InvestmentList> {
      const s = await scope(ctx, 'investment.read')
      const page = query.page ?? 1
      const { rows, total } = await investmentRepository(db).list(s, {
        ...(query.associationId ? { associationId: query.associationId } : {}),
        ...(query.q ? { q: query.q } : {}),
        page,
      })
      return { items: await presentSummaries(db, rows, ctx.date), total }
    },

    get: (ctx: PolicyContext, id: string): Promise<InvestmentDetail> =>
      db.transaction().execute(async (trx) => detail(trx, ctx, await load(trx, ctx, id, false))),

    create: (ctx: PolicyContext, body: InvestmentCreate): Promise<InvestmentDetail> =>
      db.transaction().execute(async (trx) => {
        const c = ctx.on(trx)
        const parties = partyPeriods(body.parties, body.purchasedOn)
        const target: Target = { zoneIds: parties.map((p) => p.zoneId), associationIds: [body.associationId] }
        if (!(await decide(c, 'investment.manage', target)).allowed) {
          if ((await decide(c, 'investment.read', target)).allowed) throw new AppError('FORBIDDEN')
          throw new AppError('NOT_FOUND')
        }
        const row = {
          association_id: body.associationId,
          agreement_id: body.agreementId ?? null,
          title: body.title.trim(),
          supplier: body.supplier?.trim() || null,
          description: body.description?.trim() || null,
          purchased_on: body.purchasedOn,
          amount_cents: body.amountCents,
          depreciation_months: body.depreciationMonths,
          paid_by_zone_id: body.paidByZoneId,
          managing_zone_id: body.managingZoneId,
        }
        await checkParties(trx, row, parties)
        if (row.agreement_id !== null) {
          const grants = await loadGrants(trx, target.zoneIds ?? [], ctx.date)
          const grant = grants.find((g) => g.agreementId === row.agreement_id)
          const fits =
            grant?.associationId === row.association_id &&
            grant.domains.includes(DOMAIN) &&
            parties.every((p) => grant.zoneIds.includes(p.zoneId))
          if (!fits) throw new AppError('INVESTMENT_AGREEMENT_INVALID')
        }
        const key = draftOf(body.costKey)
        checkKey(key, parties, body.purchasedOn, body.purchasedOn)
        const assetIds = body.assetIds ?? []
        await checkAssets(trx, null, assetIds, parties)
        const repo = investmentRepository(trx)
        const at = now()
        const { id } = await repo.insertInvestment({ ...row, created_by: ctx.actor.userId, at })
        await repo.replaceParties(
          id,
          parties.map((p) => ({ zone_id: p.zoneId, joined_on: p.joinedOn, left_on: p.leftOn })),
        )
        await repo.insertKey({
          investmentId: id,
          associationId: row.association_id,
          validFrom: body.purchasedOn,
          validTo: null,
          method: key.method,
          weights: key.weights,
          inputs: normalisedInputs(key.inputs),
          note: null,
          userId: ctx.actor.userId,
          at,
        })
        await repo.setAssets(id, assetIds, at)
        await record(trx, ctx, { id, association_id: row.association_id }, target.zoneIds ?? [], 'investment.create', {
          title: row.title,
          amountCents: row.amount_cents,
          method: key.method,
          assetIds,
        })
        const loaded = await load(trx, ctx, id, false)
        return detail(trx, ctx, loaded)
      }),

    update: (ctx: PolicyContext, id: string, body: InvestmentUpdate) =>
      change(ctx, id, async (trx) => {
        const set = {
          ...(body.title !== undefined ? { title: body.title.trim() } : {}),
          ...(body.supplier !== undefined ? { supplier: body.supplier?.trim() || null } : {}),
          ...(body.description !== undefined ? { description: body.description?.trim() || null } : {}),
          ...(body.depreciationMonths !== undefined ? { depreciation_months: body.depreciationMonths } : {}),
          ...(body.amountCents !== undefined ? { amount_cents: body.amountCents } : {}),
        }
        await investmentRepository(trx).updateInvestment(id, set, now())
        return { action: 'investment.update', details: { changed: Object.keys(body).sort() } }
      }),

    setParties: (ctx: PolicyContext, id: string, body: InvestmentPartiesInput) =>
      change(ctx, id, async (trx, l) => {
        const parties = partyPeriods(body.parties, l.row.purchased_on)
        await checkParties(trx, l.row, parties)
        await investmentRepository(trx).replaceParties(
          id,
          parties.map((p) => ({ zone_id: p.zoneId, joined_on: p.joinedOn, left_on: p.leftOn })),
        )
        return {
          action: 'investment.parties_set',
          details: { parties },
          zoneIds: parties.map((p) => p.zoneId),
        }
      }),

    setAssets: (ctx: PolicyContext, id: string, body: InvestmentAssetsInput) =>
      change(ctx, id, async (trx, l) => {
        await checkAssets(trx, id, body.assetIds, l.parties)
        await investmentRepository(trx).setAssets(id, body.assetIds, now())
        return { action: 'investment.assets_set', details: { assetIds: [...body.assetIds].sort() } }
      }),

    addKey: (ctx: PolicyContext, id: string, body: CostKeyCreate) =>
      change(ctx, id, async (trx, l) => {
        const key = draftOf(body)
        checkKey(key, l.parties, body.validFrom, l.row.purchased_on)
        const repo = investmentRepository(trx)
        // A new version normally follows the open one: it ends where the new one starts (same transaction).
        const open = await repo.openKey(id)
        if ((body.closePrevious ?? true) && open && open.valid_from < body.validFrom)
          await repo.closeKey(open.id, body.validFrom)
        const { id: keyId } = await repo.insertKey({
          investmentId: id,
          associationId: l.row.association_id,
          validFrom: body.validFrom,
          validTo: null,
          method: key.method,
          weights: key.weights,
          inputs: normalisedInputs(key.inputs),
          note: body.note?.trim() || null,
          userId: ctx.actor.userId,
          at: now(),
        })
        return {
          action: 'investment.cost_key_add',
          details: { keyId, validFrom: body.validFrom, method: key.method, closed: open?.id ?? null },
        }
      }),

    removeKey: (ctx: PolicyContext, id: string, keyId: string) =>
      change(ctx, id, async (trx) => {
        const repo = investmentRepository(trx)
        const key = await repo.keyById(id, keyId)
        if (!key) throw new AppError('NOT_FOUND')
        // A version in force has been applied (and maybe settled): history stays true, only the future changes.
        if (key.valid_from <= ctx.date) throw new AppError('COST_KEY_STARTED', { validFrom: key.valid_from })
        await repo.deleteKey(id, keyId)
        const before = await repo.endingOn(id, key.valid_from)
        if (before) await repo.reopenKey(before.id, key.valid_to)
        return { action: 'investment.cost_key_remove', details: { keyId, validFrom: key.valid_from } }
      }),

    addCost: (ctx: PolicyContext, id: string, body: RunningCostCreate) =>
      change(ctx, id, async (trx, l) => {
        const problems = [
          ...(l.parties.some((p) => p.zoneId === body.paidByZoneId) ? [] : [{ field: 'paidByZoneId' }]),
          ...(body.incurredOn < l.row.purchased_on ? [{ field: 'incurredOn' }] : []),
        ]
        if (problems.length > 0) throw new AppError('RUNNING_COST_INVALID', { problems })
        const repo = investmentRepository(trx)
        if (await repo.settlementCovering(l.row.association_id, body.incurredOn))
          throw new AppError('RUNNING_COST_SETTLED', { incurredOn: body.incurredOn })
        const { id: costId } = await repo.insertCost({
          investmentId: id,
          associationId: l.row.association_id,
          kind: body.kind,
          incurredOn: body.incurredOn,
          amountCents: body.amountCents,
          description: body.description.trim(),
          paidByZoneId: body.paidByZoneId,
          userId: ctx.actor.userId,
          at: now(),
        })
        return {
          action: 'investment.cost_add',
          details: { costId, kind: body.kind, incurredOn: body.incurredOn, amountCents: body.amountCents },
        }
      }),

    removeCost: (ctx: PolicyContext, id: string, costId: string) =>
      change(ctx, id, async (trx, l) => {
        const repo = investmentRepository(trx)
        const cost = await repo.costById(id, costId)
        if (!cost) throw new AppError('NOT_FOUND')
        // A recorded settlement froze the period: removing the cost would make the filed statement untrue.
        if (await repo.settlementCovering(l.row.association_id, cost.incurred_on))
          throw new AppError('RUNNING_COST_SETTLED', { incurredOn: cost.incurred_on })
        await repo.deleteCost(costId)
        return {
          action: 'investment.cost_remove',
          details: { costId, kind: cost.kind, incurredOn: cost.incurred_on, amountCents: Number(cost.amount_cents) },
        }
      }),

    /** Population and active staff (FTE) per zone on a day: what a key version is usually agreed on. */
    async suggestKeyInputs(query: KeyInputsQuery): Promise<KeyInputs> {
      const zoneIds = [...new Set(query.zoneIds.split(',').map((z) => z.toLowerCase()))]
      const rows = await investmentRepository(db).keyInputs(zoneIds, query.on)
      return Object.fromEntries(
        rows.map((r) => [r.zone_id, { population: Number(r.population), fte: Math.round(Number(r.fte) * 100) / 100 }]),
      )
    },
  }
}
