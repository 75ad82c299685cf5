// Writing briefing items (issue 11): create, edit, withdraw. An item belongs to the author zone (one in which the
// actor holds `briefing.write`); its target zones are the author zone and/or partner zones sharing `briefing`
// with it under an agreement in force today (else 422 BRIEFING_TARGET_NOT_SHARED), optionally narrowed to named
// teams of each (a team of another zone: 422). A wanted person is always restricted. Editing another author's
// item takes the korpschef or planner of the author zone. Every write: an audit entry (no content) in the author
// and target zones' chains, and the outbox event `briefing.item.changed` per zone so open views refresh live.
import type { Kysely, Transaction } from 'kysely'
import { audit, type AuditAction } from '../../platform/audit.ts'
import { now } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { decide, scope } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import { emit } from '../../platform/outbox.ts'
import type { DB } from '../../platform/schema.ts'
import { canSee, DOMAIN, mayTarget } from './domain/access.ts'
import { decodePhoto } from './domain/photo.ts'
import type { Period } from './domain/shifts.ts'
import { factsOf, presentItem, readerOf } from './present.ts'
import { briefingRepository, type ItemRow, type ItemValues } from './repository.ts'
import type { BriefingItem, ItemCreateBody, ItemPatchBody } from './schema.ts'

export const ITEM_CHANGED = 'briefing.item.changed'
const MAX_VALIDITY_MS = 90 * 24 * 3_600_000
const MANAGERS = ['korpschef', 'planner']

function validityOf(from: string, to: string): Period {
  const p = { from: new Date(from).getTime(), to: new Date(to).getTime() }
  if (!Number.isFinite(p.from) || !Number.isFinite(p.to) || p.to <= p.from || p.to - p.from > MAX_VALIDITY_MS)
    throw new AppError('BRIEFING_VALIDITY_INVALID', { validFrom: from, validTo: to })
  return p
}

function photoOf(photo: NonNullable<ItemCreateBody['photo']>) {
  const bytes = decodePhoto(photo)
  if (!bytes) throw new AppError('BRIEFING_PHOTO_INVALID')
  return { type: photo.type, bytes }
}

/** The author zone: the one given (where the actor writes), else the home zone, else the only one. */
async function authorZoneOf(ctx: PolicyContext, writeZones: readonly string[], given: string | undefined) {
  if (given !== undefined) {
    if (writeZones.includes(given)) return given
    const seen = await decide(ctx, 'briefing.read', { zoneIds: [given] })
    throw new AppError(seen.allowed ? 'FORBIDDEN' : 'NOT_FOUND')
  }
  const home = ctx.actor.homeZoneId
  if (home !== null && writeZones.includes(home)) return home
  if (writeZones.length === 1) return writeZones[0]!
  throw new AppError('VALIDATION_FAILED', { field: 'zoneId' })
}

/** The targets as rows: each zone shared with the author zone, each team of its zone. */
async function targetsOf(
  trx: Transaction<DB>,
  ctx: PolicyContext,
  authorZoneId: string,
  targets: ItemCreateBody['targets'],
): Promise<{ zoneId: string; teamId: string | null }[]> {
  const grants = await ctx.on(trx).grants()
  const zones = targets.map((t) => t.zoneId)
  if (new Set(zones).size !== zones.length) throw new AppError('VALIDATION_FAILED', { field: 'targets' })
  const rows: { zoneId: string; teamId: string | null }[] = []
  for (const t of targets) {
    if (!mayTarget(grants, authorZoneId, t.zoneId))
      throw new AppError('BRIEFING_TARGET_NOT_SHARED', { zoneId: t.zoneId })
    const teamIds = t.teamIds ?? []
    const found = await briefingRepository(trx).teamsIn(t.zoneId, teamIds)
    if (found.length !== teamIds.length)
      throw new AppError('BRIEFING_TEAM_INVALID', {
        zoneId: t.zoneId,
        teamIds: teamIds.filter((id) => !found.includes(id)),
      })
    if (teamIds.length === 0) rows.push({ zoneId: t.zoneId, teamId: null })
    else rows.push(...teamIds.map((teamId) => ({ zoneId: t.zoneId, teamId })))
  }
  return rows
}

/** May the actor edit this item: write in its zone, and its author or a korpschef/planner there. */
export function mayEdit(ctx: PolicyContext, writeZones: readonly string[], row: ItemRow): boolean {
  if (!writeZones.includes(row.zone_id) || row.withdrawn_at !== null) return false
  if (row.author_user_id === ctx.actor.userId) return true
  return ctx.actor.roles.some((r) => r.zoneId === row.zone_id && MANAGERS.includes(r.role))
}

async function record(trx: Transaction<DB>, ctx: PolicyContext, id: string, action: AuditAction, details = {}) {
  const repo = briefingRepository(trx)
  const row = (await repo.byId(id))!
  const zones = [...new Set([row.zone_id, ...(await repo.targets([id])).map((t) => t.zone_id)])]
  await audit.write(
    trx,
    ctx.actor,
    action,
    { type: 'briefing_item', id },
    { category: row.category, priority: row.priority, restricted: row.restricted, targetZoneIds: zones, ...details },
    { chains: zones, domain: DOMAIN },
  )
  await emit(trx, ...zones.map((zoneId) => ({ type: ITEM_CHANGED, zoneId, domain: DOMAIN, payload: { itemId: id } })))
}

export function itemService(db: Kysely<DB>) {
  /** The item for a writer: visible (else 404), in a zone where they write (else 403), editable by them. */
  async function editable(trx: Transaction<DB>, ctx: PolicyContext, id: string) {
    const repo = briefingRepository(trx)
    const row = await repo.byId(id, true)
    const reader = await readerOf(trx, ctx)
    if (!row || !canSee(reader, factsOf(row, await repo.targets([id])), now().getTime()))
      throw new AppError('NOT_FOUND')
    const writeZones = (await scope(ctx.on(trx), 'briefing.write')).ownZoneIds
    if (!writeZones.includes(row.zone_id)) throw new AppError('FORBIDDEN')
    if (row.withdrawn_at !== null) throw new AppError('BRIEFING_WITHDRAWN')
    if (!mayEdit(ctx, writeZones, row)) throw new AppError('FORBIDDEN')
    return { row, writeZones }
  }

  async function present(trx: Transaction<DB>, ctx: PolicyContext, id: string, writeZones: readonly string[]) {
    const repo = briefingRepository(trx)
    const row = (await repo.byId(id))!
    // The writer just gave the content: shown as given (no read of someone else's restricted data).
    return presentItem(row, await repo.targets([id]), {
      unlocked: true,
      readAt: null,
      canEdit: mayEdit(ctx, writeZones, row),
    })
  }

  return {
    async create(ctx: PolicyContext, body: ItemCreateBody): Promise<BriefingItem> {
      return db.transaction().execute(async (trx) => {
        const c = ctx.on(trx)
        const writeZones = (await scope(c, 'briefing.write')).ownZoneIds
        const zoneId = await authorZoneOf(c, writeZones, body.zoneId)
        const values: ItemValues = {
          category: body.category,
          priority: body.priority,
          title: body.title.trim(),
          body: body.body.trim(),
          restricted: body.category === 'wanted_person' || body.restricted === true,
          valid: validityOf(body.validFrom, body.validTo),
          shifts: body.shifts,
        }
        const photo = body.photo ? photoOf(body.photo) : null
        const targets = await targetsOf(trx, c, zoneId, body.targets)
        const repo = briefingRepository(trx)
        const id = await repo.insert(zoneId, values, { userId: ctx.actor.userId, personId: ctx.actor.personId }, now())
        await repo.setTargets(id, targets)
        if (photo) await repo.setPhoto(id, photo)
        await record(trx, c, id, 'briefing.item.create', { photo: photo !== null })
        return present(trx, c, id, writeZones)
      })
    },

    async update(ctx: PolicyContext, id: string, body: ItemPatchBody): Promise<BriefingItem> {
      return db.transaction().execute(async (trx) => {
        const c = ctx.on(trx)
        const { row, writeZones } = await editable(trx, c, id)
        const category = body.category ?? row.category
        const values: ItemValues = {
          category,
          priority: body.priority ?? row.priority,
          title: body.title?.trim() ?? row.title,
          body: body.body?.trim() ?? row.body,
          restricted: category === 'wanted_person' || (body.restricted ?? row.restricted),
          valid: validityOf(
            body.validFrom ?? new Date(row.valid_from).toISOString(),
            body.validTo ?? new Date(row.valid_to).toISOString(),
          ),
          shifts: body.shifts ?? row.shifts,
        }
        const repo = briefingRepository(trx)
        if (body.targets) await repo.setTargets(id, await targetsOf(trx, c, row.zone_id, body.targets))
        if (body.photo !== undefined) await repo.setPhoto(id, body.photo === null ? null : photoOf(body.photo))
        await repo.update(id, values, now())
        await record(trx, c, id, 'briefing.item.update', {
          changed: Object.keys(body)
            .filter((k) => k !== 'title' && k !== 'body')
            .concat(body.title !== undefined || body.body !== undefined ? ['content'] : [])
            .sort(),
        })
        return present(trx, c, id, writeZones)
      })
    },

    /** Withdraws an item (again: the same answer). */
    async withdraw(ctx: PolicyContext, id: string): Promise<BriefingItem> {
      return db.transaction().execute(async (trx) => {
        const c = ctx.on(trx)
        const repo = briefingRepository(trx)
        const found = await repo.byId(id, true)
        const writeZones = (await scope(c, 'briefing.write')).ownZoneIds
        if (found && found.withdrawn_at !== null && writeZones.includes(found.zone_id))
          return presentItem(found, await repo.targets([id]), { unlocked: false, readAt: null, canEdit: false })
        await editable(trx, c, id)
        await repo.withdraw(id, ctx.actor.userId, now())
        await record(trx, c, id, 'briefing.item.withdraw')
        const row = (await repo.byId(id))!
        return presentItem(row, await repo.targets([id]), { unlocked: false, readAt: null, canEdit: false })
      })
    },
  }
}
