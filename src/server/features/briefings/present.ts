// What every briefing use case shares (issue 11): the reader (the zones in which they hold a rule, the agreements
// in force, their person), an item's access facts, the item as the reader sees it (a restricted item locked
// unless read with a justification), and the log of each restricted read — in the author zone's chain, and in the
// reader's own zone's chain when that is another zone.
import type { Transaction } from 'kysely'
import { audit } from '../../platform/audit.ts'
import { scope, type Rule } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { Justification } from '../../platform/justification.ts'
import type { DB } from '../../platform/schema.ts'
import { addressed, DOMAIN, readingZones, type ItemFacts, type Reader } from './domain/access.ts'
import { briefingRepository, type ItemRow, type TargetRow } from './repository.ts'
import type { BriefingItem } from './schema.ts'

export interface ReaderOf extends Reader {
  personId: string | null
  teamId: string | null
}

/** The reader of a request for `rule` (briefing.read by default), loaded in `trx`. */
export async function readerOf(
  trx: Transaction<DB>,
  ctx: PolicyContext,
  rule: Rule = 'briefing.read',
): Promise<ReaderOf> {
  const s = await scope(ctx.on(trx), rule)
  const person = ctx.actor.personId ? await briefingRepository(trx).person(ctx.actor.personId) : undefined
  return {
    zoneIds: s.ownZoneIds,
    grants: s.grants,
    person: person ? { zoneId: person.zone_id, operational: person.staff_kind === 'operational' } : null,
    personId: person?.id ?? null,
    teamId: person?.team_id ?? null,
  }
}

export const factsOf = (row: ItemRow, targets: readonly TargetRow[]): ItemFacts => ({
  zoneId: row.zone_id,
  targetZoneIds: [...new Set(targets.filter((t) => t.item_id === row.id).map((t) => t.zone_id))],
  restricted: row.restricted,
  validTo: Math.min(
    new Date(row.valid_to).getTime(),
    row.withdrawn_at ? new Date(row.withdrawn_at).getTime() : Number.POSITIVE_INFINITY,
  ),
  withdrawn: row.withdrawn_at !== null,
})

const iso = (d: Date) => new Date(d).toISOString()

export function presentItem(
  row: ItemRow,
  targets: readonly TargetRow[],
  opts: { unlocked: boolean; readAt: Date | null; canEdit: boolean; addressedToMe?: boolean },
): BriefingItem {
  const locked = row.restricted && !opts.unlocked
  const byZone = new Map<string, BriefingItem['targets'][number]>()
  for (const t of targets.filter((x) => x.item_id === row.id)) {
    const entry = byZone.get(t.zone_id) ?? { zone: { id: t.zone_id, code: t.zone_code, name: t.zone_name }, teams: [] }
    if (t.team_id) entry.teams.push({ id: t.team_id, code: t.team_code ?? '', name: t.team_name ?? '' })
    byZone.set(t.zone_id, entry)
  }
  return {
    id: row.id,
    zone: { id: row.zone_id, code: row.zone_code, name: row.zone_name },
    category: row.category,
    priority: row.priority,
    restricted: row.restricted,
    title: locked ? null : row.title,
    body: locked ? null : row.body,
    hasPhoto: row.has_photo,
    validFrom: iso(row.valid_from),
    validTo: iso(row.valid_to),
    shifts: row.shifts,
    targets: [...byZone.values()],
    author: row.author_name === null ? null : { displayName: row.author_name },
    withdrawnAt: row.withdrawn_at ? iso(row.withdrawn_at) : null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    readByMe: opts.readAt ? iso(opts.readAt) : null,
    addressedToMe: opts.addressedToMe ?? false,
    canEdit: opts.canEdit,
  }
}

/**
 * One restricted read: an entry in the author zone's chain (with the reason when the reader reads it as a
 * partner zone) and one in the chain of the reader's own zone when that is another zone.
 */
export async function logRestrictedRead(
  trx: Transaction<DB>,
  ctx: PolicyContext,
  reader: ReaderOf,
  row: ItemRow,
  facts: ItemFacts,
  justification: Justification,
  what: 'item' | 'photo',
): Promise<void> {
  const viaPartner = !readingZones(reader, facts).includes(row.zone_id)
  const object = { type: 'briefing_item', id: row.id }
  const details = { category: row.category, read: what }
  await audit.restrictedRead(trx, ctx.actor, {
    zoneId: row.zone_id,
    object,
    justification,
    details,
    ...(viaPartner ? { reasons: [{ kind: 'briefing_target', domain: DOMAIN }] } : {}),
  })
  const own = reader.person?.zoneId
  if (own && own !== row.zone_id)
    await audit.restrictedRead(trx, ctx.actor, { zoneId: own, object, justification, details })
}

/** True when the reader's person may confirm the item: of a zone through which they see it, and addressed. */
export function addressedTo(
  reader: ReaderOf,
  facts: ItemFacts,
  targets: readonly TargetRow[],
  itemId: string,
): boolean {
  const person = reader.person
  if (!person || facts.withdrawn || !readingZones(reader, facts).includes(person.zoneId)) return false
  const mine = targets.filter((t) => t.item_id === itemId).map((t) => ({ zoneId: t.zone_id, teamId: t.team_id }))
  return addressed(mine, person.zoneId, reader.teamId)
}
