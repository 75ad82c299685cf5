// Reading briefing items (issue 11): the briefing view of a zone's shift, the author zone's management list, one
// item, its photo. Decided at read time: an item exists for the reader only through the author zone or a target
// zone sharing `briefing` in force (domain/access.ts); else 404, no hint. A restricted item is listed locked (no
// title, no text) unless the request carries a justification (`x-justification`): then it is shown whole and
// each item read is logged (present.ts). One item by id, or its photo, needs the justification (422).
import type { Kysely, Transaction } from 'kysely'
import { now } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import type { Justification } from '../../platform/justification.ts'
import { scope } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { isValidDate } from '../../platform/time.ts'
import { canSee } from './domain/access.ts'
import { currentShift, DEFAULT_SHIFT_TIMES, hhmm, shiftPeriod, type ShiftTimes } from './domain/shifts.ts'
import { mayEdit } from './service.ts'
import { addressedTo, factsOf, logRestrictedRead, presentItem, readerOf, type ReaderOf } from './present.ts'
import { briefingRepository, type ItemRow } from './repository.ts'
import type { BriefingItem, BriefingView, ItemList, ItemListQuery, ViewQuery } from './schema.ts'

/** The zone asked for, when the reader holds the rule there; else the home zone, else the first. */
function zoneOf(reader: ReaderOf, home: string | null, given: string | undefined): string {
  if (given !== undefined) {
    if (!reader.zoneIds.includes(given)) throw new AppError('NOT_FOUND')
    return given
  }
  const zone = home !== null && reader.zoneIds.includes(home) ? home : reader.zoneIds[0]
  if (zone === undefined) throw new AppError('NOT_FOUND')
  return zone
}

export async function shiftTimesOf(trx: Transaction<DB> | Kysely<DB>, zoneId: string): Promise<ShiftTimes> {
  const s = await briefingRepository(trx).settings(zoneId)
  return s ? { early: hhmm(s.early_start), late: hhmm(s.late_start), night: hhmm(s.night_start) } : DEFAULT_SHIFT_TIMES
}

/** The items a reader may see, as they see them (restricted: whole only with a justification, each read logged). */
async function presentAll(
  trx: Transaction<DB>,
  ctx: PolicyContext,
  reader: ReaderOf,
  rows: readonly ItemRow[],
  justification: Justification | null,
): Promise<BriefingItem[]> {
  const repo = briefingRepository(trx)
  const targets = await repo.targets(rows.map((r) => r.id))
  const at = now().getTime()
  const visible = rows.filter((r) => canSee(reader, factsOf(r, targets), at))
  const reads = reader.personId
    ? await repo.readsBy(
        reader.personId,
        visible.map((r) => r.id),
      )
    : new Map<string, Date>()
  const writeZones = (await scope(ctx.on(trx), 'briefing.write')).ownZoneIds
  const items: BriefingItem[] = []
  for (const row of visible) {
    const unlocked = row.restricted && justification !== null
    if (unlocked) await logRestrictedRead(trx, ctx, reader, row, factsOf(row, targets), justification, 'item')
    items.push(
      presentItem(row, targets, {
        unlocked,
        readAt: reads.get(row.id) ?? null,
        canEdit: mayEdit(ctx, writeZones, row),
        addressedToMe: addressedTo(reader, factsOf(row, targets), targets, row.id),
      }),
    )
  }
  return items
}

export function viewService(db: Kysely<DB>) {
  return {
    async view(ctx: PolicyContext, q: ViewQuery, justification: Justification | null): Promise<BriefingView> {
      if (q.date !== undefined && !isValidDate(q.date)) throw new AppError('VALIDATION_FAILED', { field: 'date' })
      return db.transaction().execute(async (trx) => {
        const c = ctx.on(trx)
        const reader = await readerOf(trx, c)
        const zoneId = zoneOf(reader, ctx.actor.homeZoneId, q.zoneId)
        const repo = briefingRepository(trx)
        if (q.teamId !== undefined && (await repo.teamsIn(zoneId, [q.teamId])).length === 0)
          throw new AppError('BRIEFING_TEAM_INVALID', { teamId: q.teamId })
        const times = await shiftTimesOf(trx, zoneId)
        const current = currentShift(now().getTime(), times)
        const date = q.date ?? current.date
        const shift = q.shift ?? (date === current.date ? current.shift : 'early')
        const period = shiftPeriod(date, shift, times)
        const rows = await repo.forView(zoneId, q.teamId ?? null, shift, period)
        const zone = (await repo.zone(zoneId))!
        return {
          zone,
          date,
          shift,
          period: { from: new Date(period.from).toISOString(), to: new Date(period.to).toISOString() },
          items: await presentAll(trx, c, reader, rows, justification),
        }
      })
    },

    async list(ctx: PolicyContext, q: ItemListQuery): Promise<ItemList> {
      return db.transaction().execute(async (trx) => {
        const c = ctx.on(trx)
        const reader = await readerOf(trx, c)
        const zoneId = zoneOf(reader, ctx.actor.homeZoneId, q.zoneId)
        const repo = briefingRepository(trx)
        const rows = await repo.ofZone(zoneId, q.state ?? 'current', now())
        const items = await presentAll(trx, c, reader, rows, null)
        const counts = await repo.readCounts(items.map((i) => i.id))
        return { items: items.map((item) => ({ item, reads: counts.get(item.id) ?? { read: 0, total: 0 } })) }
      })
    },

    /** One item; a restricted one only with the justification (asked for once it is known to be visible). */
    async get(ctx: PolicyContext, id: string, justification: () => Justification): Promise<BriefingItem> {
      return db.transaction().execute(async (trx) => {
        const c = ctx.on(trx)
        const reader = await readerOf(trx, c)
        const repo = briefingRepository(trx)
        const row = await repo.byId(id)
        const targets = row ? await repo.targets([id]) : []
        if (!row || !canSee(reader, factsOf(row, targets), now().getTime())) throw new AppError('NOT_FOUND')
        return (await presentAll(trx, c, reader, [row], row.restricted ? justification() : null))[0]!
      })
    },

    async photo(
      ctx: PolicyContext,
      id: string,
      justification: () => Justification,
    ): Promise<{ type: string; bytes: Buffer }> {
      return db.transaction().execute(async (trx) => {
        const c = ctx.on(trx)
        const reader = await readerOf(trx, c)
        const repo = briefingRepository(trx)
        const row = await repo.byId(id)
        const targets = row ? await repo.targets([id]) : []
        const facts = row ? factsOf(row, targets) : null
        if (!row || !facts || !canSee(reader, facts, now().getTime()) || !row.has_photo) throw new AppError('NOT_FOUND')
        if (row.restricted) await logRestrictedRead(trx, c, reader, row, facts, justification(), 'photo')
        const photo = (await repo.photo(id))!
        return { type: photo.photo_type, bytes: photo.photo }
      })
    },
  }
}
