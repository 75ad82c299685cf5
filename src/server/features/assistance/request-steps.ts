// The steps every write on an assistance request shares (issue 9): find the request the reader may see (locked),
// decide who acts as which side, apply a lifecycle transition, send the request out to its partners, and record
// every act (timeline row, outbox event, audit entry) in the same transaction.
import type { Transaction } from 'kysely'
import { audit, type AuditAction } from '../../platform/audit.ts'
import { now } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { emit } from '../../platform/outbox.ts'
import { decide, scope, type Rule, type Target } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { alertAddressees } from './alerts.ts'
import { retroApproval, transition, type RequestAction, type RequestFacts, type Side } from './domain/lifecycle.ts'
import { requestRepository, type RequestRow } from './request-repository.ts'
import { requestWrites } from './request-writes.ts'

export const DOMAIN = 'assistance'

/** A request with the zones it is addressed to (alerted: sent to them; a draft's chosen zones are not). */
export interface Loaded {
  row: RequestRow
  addressed: string[]
}

export const targetOf = (l: Loaded): Target => ({
  zoneIds: [l.row.zone_id, ...l.addressed],
  associationIds: [l.row.association_id],
})

/** The request if the reader may see it (404 otherwise, never a hint); locked for a write. */
export async function loadVisible(
  trx: Transaction<DB>,
  ctx: PolicyContext,
  id: string,
  lock: boolean,
): Promise<Loaded> {
  const repo = requestRepository(trx)
  if (lock) await repo.lock(id)
  const row = await repo.byId(id)
  if (!row) throw new AppError('NOT_FOUND')
  const addressed = (await repo.addressees([id])).filter((a) => a.alerted_at !== null).map((a) => a.zone_id)
  const loaded = { row, addressed }
  if (!(await decide(ctx.on(trx), 'assistance.read', targetOf(loaded))).allowed) throw new AppError('NOT_FOUND')
  return loaded
}

/** The reader acts as the requesting zone under `rule` (visible already: out of reach is 403). */
export async function asRequester(trx: Transaction<DB>, ctx: PolicyContext, l: Loaded, rule: Rule): Promise<string> {
  const d = await decide(ctx.on(trx), rule, { zoneIds: [l.row.zone_id] })
  if (!d.allowed || d.basis !== 'own') throw new AppError('FORBIDDEN')
  return l.row.zone_id
}

/** The partner zones (ids) of `zoneId` in `associationId` under an agreement in force listing `assistance`. */
export async function partnersOf(
  trx: Transaction<DB>,
  ctx: PolicyContext,
  zoneId: string,
  associationId: string,
): Promise<string[]> {
  const grants = await ctx.on(trx).grants()
  const ids = grants
    .filter((g) => g.associationId === associationId && g.domains.includes(DOMAIN) && g.zoneIds.includes(zoneId))
    .flatMap((g) => g.zoneIds.filter((z) => z !== zoneId))
  return [...new Set(ids)].sort()
}

/**
 * The addressed zone the reader answers for under `rule`: the one chosen (`zoneId`), or the only one. The
 * agreement listing `assistance` must still be in force between it and the requesting zone.
 */
export async function asPartner(
  trx: Transaction<DB>,
  ctx: PolicyContext,
  l: Loaded,
  rule: Rule,
  zoneId?: string,
): Promise<string> {
  const own = (await scope(ctx.on(trx), rule)).ownZoneIds
  const zones = l.addressed.filter((z) => own.includes(z))
  if (zoneId !== undefined && !zones.includes(zoneId)) throw new AppError('FORBIDDEN')
  if (zones.length === 0) throw new AppError('FORBIDDEN')
  if (zoneId === undefined && zones.length > 1) throw new AppError('VALIDATION_FAILED', { field: 'zoneId' })
  const zone = zoneId ?? zones[0]!
  const partners = await partnersOf(trx, ctx, zone, l.row.association_id)
  if (!partners.includes(l.row.zone_id)) throw new AppError('ASSISTANCE_NOT_PARTNER')
  return zone
}

/** The facts the lifecycle decides on, read in the transaction. */
export async function factsOf(trx: Transaction<DB>, l: Loaded): Promise<RequestFacts> {
  const repo = requestRepository(trx)
  const [lines, deployments] = await Promise.all([repo.offerLines(l.row.id), repo.deployments(l.row.id)])
  return {
    urgency: l.row.urgency,
    hasOffers: lines.some((x) => x.status === 'offered' || x.status === 'accepted'),
    allDeclined: false,
    hoursConfirmed: deployments.every((d) => d.helping_confirmed_at !== null && d.helped_confirmed_at !== null),
  }
}

/** Records one act: the timeline row, the outbox event the zones concerned receive, the audit entry. */
export async function record(
  trx: Transaction<DB>,
  ctx: PolicyContext,
  l: Loaded,
  act: {
    action: string
    auditAction: AuditAction
    from: RequestRow['status'] | null
    to: RequestRow['status'] | null
    zoneId: string
    details?: Record<string, unknown>
  },
): Promise<void> {
  const at = now()
  const repo = requestRepository(trx)
  const addressed = (await repo.addressees([l.row.id])).filter((a) => a.alerted_at !== null).map((a) => a.zone_id)
  const status = act.to ?? l.row.status
  await requestWrites(trx).event({
    requestId: l.row.id,
    zoneId: act.zoneId,
    action: act.action,
    from: act.from,
    to: act.to,
    userId: ctx.actor.userId,
    at,
    ...(act.details ? { details: act.details } : {}),
  })
  await emit(trx, {
    type: 'assistance.request_changed',
    zoneId: l.row.zone_id,
    associationId: l.row.association_id,
    domain: DOMAIN,
    payload: {
      requestId: l.row.id,
      status,
      action: act.action,
      coveredZoneIds: [l.row.zone_id, ...addressed],
    },
  })
  await audit.write(
    trx,
    ctx.actor,
    act.auditAction,
    { type: 'assistance_request', id: l.row.id },
    { action: act.action, from: act.from, to: act.to, zoneId: act.zoneId, ...act.details },
    { domain: DOMAIN },
  )
}

/**
 * The request goes out: its partner zones (every partner in force, or the chosen ones, still partners) are
 * addressed and alerted now; an urgent request's retroactive approval falls due from now.
 */
export async function goOut(trx: Transaction<DB>, ctx: PolicyContext, l: Loaded): Promise<void> {
  const at = now()
  const repo = requestRepository(trx)
  const partners = await partnersOf(trx, ctx, l.row.zone_id, l.row.association_id)
  const chosen = (await repo.addressees([l.row.id])).map((a) => a.zone_id)
  const zoneIds = l.row.addressing === 'all' ? partners : chosen
  if (zoneIds.length === 0) throw new AppError('ASSISTANCE_NO_PARTNERS')
  if (zoneIds.some((z) => !partners.includes(z))) throw new AppError('ASSISTANCE_NOT_PARTNER')
  const w = requestWrites(trx)
  await w.alert(l.row.id, zoneIds, at)
  const due =
    l.row.urgency === 'urgent'
      ? new Date(retroApproval(at.getTime(), await repo.retroApprovalDays(l.row.association_id), null, 0).dueAt)
      : null
  await w.markRequested(l.row.id, at, due)
  l.addressed = zoneIds
  l.row.requested_at = at
  await alertAddressees(trx, {
    requestId: l.row.id,
    associationId: l.row.association_id,
    zoneId: l.row.zone_id,
    urgency: l.row.urgency,
    zoneIds,
    at,
  })
}

/**
 * Applies a lifecycle action (the domain's table decides; illegal → 409 with its code), stores the new status,
 * sends the request out when it becomes `requested` for the first time, and records the act.
 */
export async function applyTransition(
  trx: Transaction<DB>,
  ctx: PolicyContext,
  l: Loaded,
  action: RequestAction,
  side: Side,
  facts: RequestFacts,
  zoneId: string,
  details?: Record<string, unknown>,
  extra: { cancelReason?: string } = {},
): Promise<RequestRow['status']> {
  const from = l.row.status
  const t = transition(from, action, side, facts)
  if (!t.ok) throw new AppError(t.code, { status: from, action })
  // Out to the partners first: a request past `awaiting_approval` always has its requested_at (CHECK _sent).
  if (t.to === 'requested' && l.row.requested_at === null) await goOut(trx, ctx, l)
  if (t.to !== from || extra.cancelReason !== undefined)
    await requestWrites(trx).setStatus(l.row.id, t.to, now(), extra)
  await record(trx, ctx, l, {
    action,
    auditAction: 'assistance.request_transition',
    from,
    to: t.to,
    zoneId,
    ...(details ? { details } : {}),
  })
  l.row.status = t.to
  return t.to
}
