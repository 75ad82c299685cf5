// The asset catalogue's use cases (issue 10). Reads: the caller's own zones see every asset they keep; a partner
// zone under an agreement in force listing `equipment` (equipment.read) sees the lendable catalogue (lendable, not
// retired), its validities and when an asset is busy — of the bookings only its own zone's. Anything else: 404.
// Writes (equipment.manage): the logistics staff or korpschef of the keeping zone; audited in that zone's chain,
// with an `equipment.asset_changed` event (seen by partners only when the asset is lendable).
import type { Kysely, Transaction } from 'kysely'
import { audit, type AuditAction } from '../../platform/audit.ts'
import { now, today } from '../../platform/clock.ts'
import type { ValidityKind } from '../../platform/enums.ts'
import { AppError } from '../../platform/errors.ts'
import { emit } from '../../platform/outbox.ts'
import { decide, scope, type Rule, type Target } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { brusselsDate } from '../../platform/time.ts'
import { assetRepository, type AssetRow, type Reach } from './asset-repository.ts'
import { availabilityOf, presentBusy, presentDetail, presentSummary } from './asset-present.ts'
import type {
  AssetCreate,
  AssetDetail,
  AssetQuery,
  AssetSummary,
  AssetUpdate,
  Timeline,
  TimelineQuery,
  ValidityBody,
} from './asset-schema.ts'

export const PAGE_SIZE = 50
const DAY_MS = 86_400_000
/** The timeline covers at most this many days (a fortnight's grid, or two months at a glance). */
export const TIMELINE_MAX_DAYS = 62
/** An availability search spans at most a year (a booking lasts at most a year). */
const SEARCH_MAX_DAYS = 366
const DOMAIN = 'equipment'

/** The zones whose assets the caller sees through equipment.read: own zones, and partners under `equipment`. */
async function readReach(ctx: PolicyContext): Promise<Reach> {
  const s = await scope(ctx, 'equipment.read')
  const own = new Set(s.ownZoneIds)
  const partners = s.reach.filter((r) => r.domain === DOMAIN && !own.has(r.ownerZoneId)).map((r) => r.ownerZoneId)
  return { ownZoneIds: s.ownZoneIds, partnerZoneIds: [...new Set(partners)] }
}

/** Allowed, or 403 when the zone is still visible through equipment.read, else 404 (never a hint). */
async function authorize(ctx: PolicyContext, rule: Rule, target: Target): Promise<void> {
  if ((await decide(ctx, rule, target)).allowed) return
  if ((await decide(ctx, 'equipment.read', target)).allowed) throw new AppError('FORBIDDEN')
  throw new AppError('NOT_FOUND')
}

/** A searched period [from, to): both or neither, the end after the start, at most `maxDays` long. */
function periodOf(from: string | undefined, to: string | undefined, maxDays: number) {
  if (from === undefined && to === undefined) return null
  if (from === undefined || to === undefined) throw new AppError('ASSET_SEARCH_PERIOD_INVALID')
  const start = new Date(from)
  const end = new Date(to)
  if (!(end.getTime() > start.getTime()) || end.getTime() - start.getTime() > maxDays * DAY_MS)
    throw new AppError('ASSET_SEARCH_PERIOD_INVALID', { from, to, maxDays })
  return { from: start, to: end, lastDay: brusselsDate(end) }
}

export function assetService(db: Kysely<DB>) {
  /** The asset as a writer sees it: in the caller's read reach (else 404), and managed by them (else 403). */
  async function forWrite(trx: Transaction<DB>, ctx: PolicyContext, id: string): Promise<AssetRow> {
    const row = await assetRepository(trx).byId(await readReach(ctx.on(trx)), id, true)
    if (!row) throw new AppError('NOT_FOUND')
    await authorize(ctx.on(trx), 'equipment.manage', { zoneIds: [row.zone_id] })
    return row
  }

  /** The audit entry and the live event of a write, in the keeping zone. */
  async function record(
    trx: Transaction<DB>,
    ctx: PolicyContext,
    action: AuditAction,
    asset: { id: string; zoneId: string; lendable: boolean },
    details: Record<string, unknown>,
  ) {
    await audit.write(trx, ctx.actor, action, { type: 'asset', id: asset.id }, details, {
      chains: [asset.zoneId],
      domain: DOMAIN,
    })
    await emit(trx, {
      type: 'equipment.asset_changed',
      zoneId: asset.zoneId,
      // Partners see only lendable assets: a private asset's changes stay in its zone.
      domain: asset.lendable ? DOMAIN : null,
      payload: { assetId: asset.id, action },
    })
  }

  async function detailOf(trx: Transaction<DB>, ctx: PolicyContext, id: string): Promise<AssetDetail> {
    const reach = await readReach(ctx.on(trx))
    const row = await assetRepository(trx).byId(reach, id)
    if (!row) throw new AppError('NOT_FOUND')
    return presentDetail(row, today(), reach.ownZoneIds)
  }

  return {
    async list(ctx: PolicyContext, query: AssetQuery): Promise<{ items: AssetSummary[]; total: number }> {
      const period = periodOf(query.from, query.to, SEARCH_MAX_DAYS)
      if (query.onlyAvailable && !period) throw new AppError('ASSET_SEARCH_PERIOD_INVALID')
      const repo = assetRepository(db)
      const page = query.page ?? 1
      const { rows, total } = await repo.list(
        await readReach(ctx),
        {
          ...(query.zoneId ? { zoneId: query.zoneId } : {}),
          ...(query.kind ? { kind: query.kind } : {}),
          ...(query.status ? { status: query.status } : {}),
          ...(query.q?.trim() ? { q: query.q.trim() } : {}),
          ...(period && query.onlyAvailable ? { available: period } : {}),
        },
        { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
      )
      const day = today()
      if (!period) return { items: rows.map((r) => presentSummary(r, day)), total }
      const busy = await repo.busyAssetIds(
        rows.map((r) => r.id),
        period.from,
        period.to,
      )
      return {
        items: rows.map((r) => ({
          ...presentSummary(r, day),
          availability: availabilityOf(r, period.lastDay, busy.has(r.id)),
        })),
        total,
      }
    },

    async get(ctx: PolicyContext, id: string): Promise<AssetDetail> {
      const reach = await readReach(ctx)
      const row = await assetRepository(db).byId(reach, id)
      if (!row) throw new AppError('NOT_FOUND')
      return presentDetail(row, today(), reach.ownZoneIds)
    },

    async timeline(ctx: PolicyContext, query: TimelineQuery): Promise<Timeline> {
      const period = periodOf(query.from, query.to, TIMELINE_MAX_DAYS)
      if (!period) throw new AppError('ASSET_SEARCH_PERIOD_INVALID')
      const repo = assetRepository(db)
      const reach = await readReach(ctx)
      const { rows } = await repo.list(
        reach,
        {
          active: true,
          ...(query.zoneId ? { zoneId: query.zoneId } : {}),
          ...(query.kind ? { kind: query.kind } : {}),
          ...(query.assetId ? { assetId: query.assetId } : {}),
        },
        // The grid shows every asset in reach; an association's catalogue is a few hundred at most.
        { limit: 1000, offset: 0 },
      )
      const busy = await repo.busy(
        rows.map((r) => r.id),
        period.from,
        period.to,
      )
      const day = today()
      return {
        from: period.from.toISOString(),
        to: period.to.toISOString(),
        assets: rows.map((r) => ({
          asset: presentSummary(r, day),
          busy: busy.filter((b) => b.asset_id === r.id).map((b) => presentBusy(b, r.zone_id, reach.ownZoneIds)),
        })),
      }
    },

    create: (ctx: PolicyContext, input: AssetCreate): Promise<AssetDetail> =>
      db.transaction().execute(async (trx) => {
        await authorize(ctx.on(trx), 'equipment.manage', { zoneIds: [input.zoneId] })
        const validities = input.validities ?? []
        if (new Set(validities.map((v) => v.kind)).size !== validities.length)
          throw new AppError('ASSET_VALIDITY_DUPLICATE')
        const repo = assetRepository(trx)
        const investmentId = input.investmentId ?? null
        if (investmentId !== null && !(await repo.investmentParty(investmentId, input.zoneId, today())))
          throw new AppError('ASSET_INVESTMENT_INVALID')
        const at = now()
        const lendable = input.lendable ?? true
        const id = await repo.insert({
          zoneId: input.zoneId,
          kind: input.kind,
          name: input.name.trim(),
          identifier: input.identifier.trim(),
          location: input.location?.trim() || null,
          description: input.description?.trim() || null,
          lendable,
          investmentId,
          userId: ctx.actor.userId,
          at,
        })
        const asset = { id, zoneId: input.zoneId, lendable }
        for (const v of validities) await repo.setValidity(asset, v.kind, v.validUntil, null, at)
        // A weapon is never without a holder: it starts in its keeping zone's armoury.
        if (input.kind === 'weapon') await repo.openArmouryCustody(asset, ctx.actor.userId, at)
        await record(trx, ctx, 'equipment.asset_create', asset, {
          kind: input.kind,
          name: input.name.trim(),
          identifier: input.identifier.trim(),
          lendable,
          validities,
        })
        return detailOf(trx, ctx, id)
      }),

    update: (ctx: PolicyContext, id: string, input: AssetUpdate): Promise<AssetDetail> =>
      db.transaction().execute(async (trx) => {
        const row = await forWrite(trx, ctx, id)
        const changes = {
          ...(input.name !== undefined ? { name: input.name.trim() } : {}),
          ...(input.location !== undefined ? { location: input.location?.trim() || null } : {}),
          ...(input.description !== undefined ? { description: input.description?.trim() || null } : {}),
          ...(input.status !== undefined ? { status: input.status } : {}),
          ...(input.lendable !== undefined ? { lendable: input.lendable } : {}),
        }
        const changed = Object.fromEntries(
          Object.entries(changes).filter(([key, value]) => row[key as keyof typeof changes] !== value),
        )
        if (Object.keys(changed).length > 0) {
          await assetRepository(trx).update(id, changes, now())
          // Lendable before or after: partners whose catalogue showed it (or will) refresh.
          const lendable = row.lendable || (input.lendable ?? row.lendable)
          await record(
            trx,
            ctx,
            'equipment.asset_update',
            { id, zoneId: row.zone_id, lendable },
            {
              changed,
              before: Object.fromEntries(Object.keys(changed).map((k) => [k, row[k as keyof typeof changes]])),
            },
          )
        }
        return detailOf(trx, ctx, id)
      }),

    setValidity: (ctx: PolicyContext, id: string, kind: ValidityKind, body: ValidityBody): Promise<AssetDetail> =>
      db.transaction().execute(async (trx) => {
        const row = await forWrite(trx, ctx, id)
        const asset = { id, zoneId: row.zone_id, lendable: row.lendable }
        const before = row.validities.find((v) => v.kind === kind)?.validUntil ?? null
        await assetRepository(trx).setValidity(asset, kind, body.validUntil, body.note?.trim() || null, now())
        await record(trx, ctx, 'equipment.validity_set', asset, { kind, validUntil: body.validUntil, before })
        return detailOf(trx, ctx, id)
      }),

    removeValidity: (ctx: PolicyContext, id: string, kind: ValidityKind): Promise<AssetDetail> =>
      db.transaction().execute(async (trx) => {
        const row = await forWrite(trx, ctx, id)
        const asset = { id, zoneId: row.zone_id, lendable: row.lendable }
        // Removing what is not there changes nothing: the answer is the asset as it is (idempotent DELETE).
        if (await assetRepository(trx).removeValidity(asset, kind, now())) {
          const before = row.validities.find((v) => v.kind === kind)?.validUntil ?? null
          await record(trx, ctx, 'equipment.validity_remove', asset, { kind, before })
        }
        return detailOf(trx, ctx, id)
      }),
  }
}
