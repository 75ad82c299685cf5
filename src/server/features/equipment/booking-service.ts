// Bookings (issue 10): the conflict check before submit, booking one or more assets in one transaction (all or
// nothing), the keeper's decision, cancelling. A partner's asset is bookable only under an agreement in force
// today listing `equipment` for both zones (else 404, as if it did not exist); its loan terms give the buffer, the
// fee and auto-approval. The exclusion constraint has the last word on double booking: the loser of a race gets
// 409 BOOKING_CONFLICT with the conflicting period, looked up after its failed transaction.
import { randomUUID } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import { now } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { decide } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { brusselsDate } from '../../platform/time.ts'
import { addReasons, removeReasonsOf } from '../../platform/visibility.ts'
import { assetForBooking } from './asset-repository.ts'
import { canSee, presentAll, standingOf, type Standing } from './booking-present.ts'
import { DOMAIN, notifyDecided, notifyRequested, recordBookingWrite } from './booking-record.ts'
import { bookingRepository, type BookableAsset, type BookingRow } from './booking-repository.ts'
import type {
  Booking,
  BookingCheck,
  BookingCheckBody,
  BookingCreateBody,
  BookingGroup,
  BookingList,
  BookingListQuery,
} from './booking-schema.ts'
import { lastBrusselsDay } from './booking-time.ts'
import {
  autoApproves,
  blockedPeriod,
  periodProblem,
  termsFor,
  transition,
  type BookingAction,
  type Period,
} from './domain/booking.ts'
import { lendability } from './domain/lendable.ts'

const PAGE_SIZE = 50

/** The borrowing zone: the one given (where the actor books), else the home zone, else the only one. */
async function borrowerZoneOf(ctx: PolicyContext, s: Standing, given: string | undefined): Promise<string> {
  if (given !== undefined) {
    if (s.borrowerZoneIds.includes(given)) return given
    const seen = await decide(ctx, 'equipment.read', { zoneIds: [given], domains: [DOMAIN] })
    throw new AppError(seen.allowed ? 'FORBIDDEN' : 'NOT_FOUND')
  }
  const home = ctx.actor.homeZoneId
  if (home !== null && s.borrowerZoneIds.includes(home)) return home
  if (s.borrowerZoneIds.length === 1) return s.borrowerZoneIds[0]!
  throw new AppError('VALIDATION_FAILED', { field: 'borrowerZoneId' })
}

const periodOf = (body: { from: string; to: string }): Period => {
  const p = { from: new Date(body.from).getTime(), to: new Date(body.to).getTime() }
  if (periodProblem(p, now().getTime())) throw new AppError('BOOKING_PERIOD_INVALID', { from: body.from, to: body.to })
  return p
}

/** How one asset would be booked by `borrowerZoneId`: under which agreement and terms, blocking what. */
interface Plan {
  asset: BookableAsset
  agreement: { id: string; associationId: string } | null
  blocked: Period
  feeCentsPerDay: number
  autoApproved: boolean
  lendability: BookingCheck['assets'][number]['lendability']
}

async function planFor(
  trx: Transaction<DB> | Kysely<DB>,
  ctx: PolicyContext,
  borrowerZoneId: string,
  assetId: string,
  period: Period,
): Promise<Plan> {
  const repo = bookingRepository(trx)
  const asset = await repo.asset(assetId)
  if (!asset) throw new AppError('NOT_FOUND')
  const lend = lendability(asset.status, asset.validities, lastBrusselsDay(period.to))
  const shown: Plan['lendability'] = lend.lendable
    ? { lendable: true }
    : lend.reason === 'status'
      ? { lendable: false, reason: 'status' }
      : { lendable: false, reason: 'validity', kind: lend.kind, validUntil: lend.validUntil }
  if (asset.zoneId === borrowerZoneId)
    return { asset, agreement: null, blocked: period, feeCentsPerDay: 0, autoApproved: false, lendability: shown }
  // A partner's asset: lendable, not retired, and an agreement in force today listing `equipment` for both zones —
  // else it does not exist for the borrower (as in the catalogue: a zone's own-use assets are not shown to partners).
  if (!asset.lendable || asset.status === 'retired') throw new AppError('NOT_FOUND')
  const grant = (await ctx.grants(trx))
    .filter((g) => g.domains.includes(DOMAIN) && g.zoneIds.includes(borrowerZoneId) && g.zoneIds.includes(asset.zoneId))
    .sort((a, b) => a.agreementId.localeCompare(b.agreementId))[0]
  if (!grant) throw new AppError('NOT_FOUND')
  const terms = termsFor(await repo.terms(grant.agreementId), asset.kind)
  return {
    asset,
    agreement: { id: grant.agreementId, associationId: grant.associationId },
    blocked: blockedPeriod(period, terms.bufferMinutes),
    feeCentsPerDay: terms.feeCentsPerDay,
    autoApproved: autoApproves(terms, period),
    lendability: shown,
  }
}

/** The same request again: same assets, period, purpose and collector. */
function sameRequest(rows: readonly BookingRow[], body: BookingCreateBody, p: Period): boolean {
  const assets = [...body.assetIds].sort()
  return (
    rows.length === assets.length &&
    [...rows.map((r) => r.asset_id)].sort().every((id, i) => id === assets[i]) &&
    rows.every(
      (r) =>
        new Date(r.period_from).getTime() === p.from &&
        new Date(r.period_to).getTime() === p.to &&
        r.purpose === body.purpose.trim() &&
        r.collector_person_id === (body.collectorPersonId ?? null),
    )
  )
}

const sqlError = (err: unknown, code: string, constraint: string): boolean =>
  err instanceof Error &&
  (err as { code?: unknown }).code === code &&
  (err as { constraint?: unknown }).constraint === constraint

/**
 * Books `assetIds` for `borrowerZoneId` over `period` in the caller's transaction, by the booking rules (a
 * partner's asset only under `equipment` in force, lendability, conflicts with buffers, auto-approval), with the
 * audit entries, events and notifications of each booking. The equipment routes call it after checking the
 * actor's booking role; training sessions (issue 11) call it to book the range lanes of a session they create.
 * `attempt` names the asset being booked, for the caller's answer to a lost race (23P01).
 */
export async function bookAssetsIn(
  trx: Transaction<DB>,
  ctx: PolicyContext,
  opts: {
    borrowerZoneId: string
    assetIds: readonly string[]
    period: Period
    purpose: string
    collector: { id: string } | null
    idempotencyKey: string | null
    attempt?: { assetId: string | null; blocked: Period | null; zoneId: string | null }
  },
): Promise<{ groupId: string; rows: BookingRow[] }> {
  const { borrowerZoneId: zoneId, period, collector } = opts
  const attempt = opts.attempt ?? { assetId: null, blocked: null, zoneId: null }
  const repo = bookingRepository(trx)
  const c = ctx
  const groupId = randomUUID()
  const at = now()
  const ids: string[] = []
  // In one order of assets, so two groups over the same assets wait for each other rather than deadlock.
  for (const assetId of [...opts.assetIds].sort()) {
    // Locked FOR SHARE: a concurrent status change or retirement waits for this booking (or it for that).
    if (!(await assetForBooking(trx, assetId))) throw new AppError('NOT_FOUND')
    const plan = await planFor(trx, c, zoneId, assetId, period)
    if (!plan.lendability.lendable) throw new AppError('ASSET_NOT_LENDABLE', { assetId, ...plan.lendability })
    const [conflict] = await repo.conflicts(assetId, plan.asset.zoneId, plan.blocked)
    if (conflict)
      throw new AppError('BOOKING_CONFLICT', {
        assetId,
        conflicting: { from: new Date(conflict.from).toISOString(), to: new Date(conflict.to).toISOString() },
      })
    Object.assign(attempt, { assetId, blocked: plan.blocked, zoneId: plan.asset.zoneId })
    const status = plan.agreement === null || plan.autoApproved ? 'approved' : 'requested'
    const id = await repo.insert({
      groupId,
      assetId,
      zoneId: plan.asset.zoneId,
      borrowerZoneId: zoneId,
      agreementId: plan.agreement?.id ?? null,
      associationId: plan.agreement?.associationId ?? null,
      period,
      blocked: plan.blocked,
      status,
      purpose: opts.purpose,
      collectorPersonId: collector?.id ?? null,
      feeCentsPerDay: plan.feeCentsPerDay,
      idempotencyKey: opts.idempotencyKey,
      userId: ctx.actor.userId,
      at,
      autoApproved: plan.agreement !== null && plan.autoApproved,
    })
    ids.push(id)
    // The keeper sees the collector for this booking, over its blocked period, to record the handovers.
    if (collector && plan.agreement)
      await addReasons(trx, [
        {
          personId: collector.id,
          ownerZoneId: zoneId,
          partnerZoneId: plan.asset.zoneId,
          domain: DOMAIN,
          kind: 'booking',
          source: { table: 'equipment_bookings', id },
          from: brusselsDate(new Date(plan.blocked.from)),
          to: lastBrusselsDay(plan.blocked.to),
        },
      ])
  }
  const rows = await repo.byIds(ids)
  for (const row of rows) {
    await recordBookingWrite(trx, ctx.actor, row, 'equipment.booking_create', {
      assetId: row.asset_id,
      autoApproved: row.auto_approved,
    })
    if (row.status === 'requested') await notifyRequested(trx, row)
  }
  return { groupId, rows }
}

export function bookingService(db: Kysely<DB>) {
  async function existingGroup(
    trx: Transaction<DB>,
    ctx: PolicyContext,
    s: Standing,
    zoneId: string,
    body: BookingCreateBody,
  ) {
    const rows = await bookingRepository(trx).byIdempotency(zoneId, ctx.actor.userId, body.idempotencyKey)
    if (rows.length === 0) return null
    if (!sameRequest(rows, body, periodOf(body))) throw new AppError('BOOKING_IDEMPOTENCY_CONFLICT')
    return { groupId: rows[0]!.group_id, bookings: await presentAll(trx, ctx, rows, s) }
  }

  async function createIn(
    trx: Transaction<DB>,
    ctx: PolicyContext,
    body: BookingCreateBody,
    attempt: { assetId: string | null; blocked: Period | null; zoneId: string | null },
  ): Promise<{ created: boolean; group: BookingGroup }> {
    const c = ctx.on(trx)
    const s = await standingOf(c)
    const zoneId = await borrowerZoneOf(c, s, body.borrowerZoneId)
    const known = await existingGroup(trx, c, s, zoneId, body)
    if (known) return { created: false, group: known }
    const period = periodOf(body)
    const repo = bookingRepository(trx)
    const collector = body.collectorPersonId ? await repo.personIn(body.collectorPersonId, zoneId) : null
    if (body.collectorPersonId && !collector) throw new AppError('VALIDATION_FAILED', { field: 'collectorPersonId' })
    const { groupId, rows } = await bookAssetsIn(trx, c, {
      borrowerZoneId: zoneId,
      assetIds: body.assetIds,
      period,
      purpose: body.purpose.trim(),
      collector,
      idempotencyKey: body.idempotencyKey,
      attempt,
    })
    return { created: true, group: { groupId, bookings: await presentAll(trx, c, rows, s) } }
  }

  /** One step of the lifecycle on a booking the reader sees, by the side that may take it. */
  async function step(ctx: PolicyContext, id: string, action: BookingAction, note: string | null): Promise<Booking> {
    return db.transaction().execute(async (trx) => {
      const c = ctx.on(trx)
      const s = await standingOf(c)
      const repo = bookingRepository(trx)
      const row = await repo.byId(id, true)
      if (!row || !canSee(s, row)) throw new AppError('NOT_FOUND')
      const keeper = s.keeperZoneIds.includes(row.zone_id)
      const borrower = s.borrowerZoneIds.includes(row.borrower_zone_id)
      if (!(keeper || (action === 'cancel' && borrower))) throw new AppError('FORBIDDEN')
      const to = transition(row.status, action)
      if (to === null) throw new AppError('BOOKING_TRANSITION_INVALID', { status: row.status, action })
      const at = now()
      await repo.setStatus(id, to, action === 'cancel' ? null : { userId: ctx.actor.userId, at, note })
      if (to === 'cancelled' || to === 'rejected') await removeReasonsOf(trx, { table: 'equipment_bookings', id })
      const auditAction =
        action === 'approve'
          ? 'equipment.booking_approve'
          : action === 'reject'
            ? 'equipment.booking_reject'
            : 'equipment.booking_cancel'
      const after = (await repo.byId(id))!
      await recordBookingWrite(trx, ctx.actor, after, auditAction, { from: row.status, note })
      if (to === 'approved' || to === 'rejected') await notifyDecided(trx, after)
      return (await presentAll(trx, c, [after], s))[0]!
    })
  }

  return {
    async check(ctx: PolicyContext, body: BookingCheckBody): Promise<BookingCheck> {
      const s = await standingOf(ctx)
      const zoneId = await borrowerZoneOf(ctx, s, body.borrowerZoneId)
      const period = periodOf(body)
      const assets: BookingCheck['assets'] = []
      for (const assetId of body.assetIds) {
        const plan = await planFor(db, ctx, zoneId, assetId, period)
        const conflicts = await bookingRepository(db).conflicts(assetId, plan.asset.zoneId, plan.blocked)
        assets.push({
          assetId,
          asset: {
            kind: plan.asset.kind,
            name: plan.asset.name,
            identifier: plan.asset.identifier,
            zone: plan.asset.zone,
          },
          conflicts: conflicts.map((x) => ({
            from: new Date(x.from).toISOString(),
            to: new Date(x.to).toISOString(),
            own: s.readZoneIds.includes(x.borrower_zone_id),
          })),
          lendability: plan.lendability,
        })
      }
      return { ok: assets.every((a) => a.lendability.lendable && a.conflicts.length === 0), assets }
    },

    async create(ctx: PolicyContext, body: BookingCreateBody): Promise<{ created: boolean; group: BookingGroup }> {
      const attempt: { assetId: string | null; blocked: Period | null; zoneId: string | null } = {
        assetId: null,
        blocked: null,
        zoneId: null,
      }
      try {
        return await db.transaction().execute((trx) => createIn(trx, ctx, body, attempt))
      } catch (err) {
        if (
          sqlError(err, '23P01', 'equipment_bookings_no_overlap') &&
          attempt.assetId &&
          attempt.blocked &&
          attempt.zoneId
        ) {
          // A concurrent booking won: name the period it holds (committed by now).
          const [winner] = await bookingRepository(db).conflicts(attempt.assetId, attempt.zoneId, attempt.blocked)
          throw new AppError('BOOKING_CONFLICT', {
            assetId: attempt.assetId,
            ...(winner
              ? { conflicting: { from: new Date(winner.from).toISOString(), to: new Date(winner.to).toISOString() } }
              : {}),
          })
        }
        // A true double submit: the other transaction committed the same key first. Answer its group.
        if (!sqlError(err, '23505', 'equipment_bookings_idempotency')) throw err
        return db.transaction().execute(async (trx) => {
          const c = ctx.on(trx)
          const s = await standingOf(c)
          const zoneId = await borrowerZoneOf(c, s, body.borrowerZoneId)
          const known = await existingGroup(trx, c, s, zoneId, body)
          if (!known) throw err
          return { created: false, group: known }
        })
      }
    },

    async list(ctx: PolicyContext, q: BookingListQuery): Promise<BookingList> {
      const s = await standingOf(ctx)
      const zoneIds = s.readZoneIds.filter((z) => q.zoneId === undefined || z === q.zoneId)
      const page = q.page ?? 1
      return db.transaction().execute(async (trx) => {
        const rows = await bookingRepository(trx).list({
          side: q.side,
          zoneIds,
          status: q.status ?? null,
          from: q.from ?? null,
          to: q.to ?? null,
          limit: PAGE_SIZE + 1,
          offset: (page - 1) * PAGE_SIZE,
        })
        const items = await presentAll(trx, ctx, rows.slice(0, PAGE_SIZE), s)
        return { items, page, hasMore: rows.length > PAGE_SIZE }
      })
    },

    async get(ctx: PolicyContext, id: string): Promise<Booking> {
      const s = await standingOf(ctx)
      return db.transaction().execute(async (trx) => {
        const row = await bookingRepository(trx).byId(id)
        if (!row || !canSee(s, row)) throw new AppError('NOT_FOUND')
        return (await presentAll(trx, ctx, [row], s))[0]!
      })
    },

    approve: (ctx: PolicyContext, id: string, note?: string) => step(ctx, id, 'approve', note?.trim() || null),
    reject: (ctx: PolicyContext, id: string, note?: string) => step(ctx, id, 'reject', note?.trim() || null),
    cancel: (ctx: PolicyContext, id: string) => step(ctx, id, 'cancel', null),
  }
}
