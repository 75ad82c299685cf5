// What a caller sees of swap requests (names, zone, rank, work phone of the people; partner zones' people logged
// as reads, with the rotation as the reason) and who hears of a change (notifications in the transaction).
import type { Kysely, Transaction } from 'kysely'
import { audit } from '../../platform/audit.ts'
import { now, today } from '../../platform/clock.ts'
import {
  NOTIFICATION_KINDS,
  notify,
  type NotificationKind,
  type NotificationParams,
} from '../../platform/notifications.ts'
import { actorZones, scope } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { belgianDateTime } from '../audit/domain.ts'
import type { RankedCandidate } from './domain/replacement.ts'
import { rosterRepository } from './roster-repository.ts'
import { swapRepository, type SwapRow } from './swap-repository.ts'
import type { SwapPerson, SwapRequest } from './swap-schema.ts'

type PersonRow = Awaited<ReturnType<ReturnType<typeof rosterRepository>['people']>>[number]

/** dd/mm/yyyy HH:MM in Brussels, for notifications. */
export const swapWhen = (at: Date) => belgianDateTime(at).slice(0, 16)

/** The requester's zone, and the taker's when it is another: one planner approval each. */
export const zonesConcerned = (row: Pick<SwapRow, 'requester_zone_id' | 'taker_zone_id'>): string[] => [
  ...new Set([row.requester_zone_id, ...(row.taker_zone_id ? [row.taker_zone_id] : [])]),
]

export const peopleOf = (db: Kysely<DB>, ids: readonly string[]) => rosterRepository(db).people([...new Set(ids)])

const personOf = (p: PersonRow): SwapPerson => ({
  personId: p.id,
  firstName: p.first_name,
  lastName: p.last_name,
  zoneId: p.zone_id,
  zoneCode: p.zone_code,
  rank: p.rank,
  workPhone: p.work_phone,
})

/** Logs the partner zones' people a caller is shown, per zone, with the rotation's domain as the reason. */
async function logPartnerReads(
  db: Kysely<DB>,
  ctx: PolicyContext,
  shown: readonly { person: PersonRow; domain: string; object: { type: string; id: string } }[],
) {
  const own = actorZones(ctx.actor)
  const byZone = new Map<
    string,
    { personIds: Set<string>; domains: Set<string>; object: { type: string; id: string } }
  >()
  for (const s of shown) {
    if (own.includes(s.person.zone_id)) continue
    const entry = byZone.get(s.person.zone_id) ?? { personIds: new Set(), domains: new Set(), object: s.object }
    entry.personIds.add(s.person.id)
    entry.domains.add(s.domain)
    byZone.set(s.person.zone_id, entry)
  }
  await audit.partnerReads(
    db,
    ctx.actor,
    [...byZone].map(([zoneId, e]) => ({
      zoneId,
      action: 'person.list' as const,
      reasons: [...e.domains].map((domain) => ({ kind: 'rotation', domain })),
      object: e.object,
      details: { personIds: [...e.personIds].sort() },
    })),
  )
}

export async function presentSwaps(
  db: Kysely<DB>,
  ctx: PolicyContext,
  rows: readonly SwapRow[],
): Promise<SwapRequest[]> {
  if (rows.length === 0) return []
  const people = new Map(
    (
      await peopleOf(
        db,
        rows.flatMap((r) => [r.requester_person_id, ...(r.taker_person_id ? [r.taker_person_id] : [])]),
      )
    ).map((p) => [p.id, p]),
  )
  const approve = await scope(ctx, 'swap.approve')
  const me = ctx.actor.personId
  const memberOf = new Set(me ? await swapRepository(db).memberRotations(me, today()) : [])
  const at = now()
  const shown: Parameters<typeof logPartnerReads>[2][number][] = []
  const items = rows.map((r): SwapRequest => {
    const requester = people.get(r.requester_person_id)
    const taker = r.taker_person_id ? people.get(r.taker_person_id) : undefined
    if (!requester) throw new Error(`person ${r.requester_person_id} of swap request ${r.id} not found`)
    for (const p of [requester, taker])
      if (p) shown.push({ person: p, domain: r.domain_code, object: { type: 'swap_request', id: r.id } })
    const canApproveZone = (z: string) =>
      approve.zoneIds.includes(z) || approve.associationIds.includes(r.association_id)
    const concerned = zonesConcerned(r)
    const status = expired(r, at) ? 'expired' : r.status
    const live = status === 'open' || status === 'taken'
    const mine = me !== null && me === r.requester_person_id
    return {
      id: r.id,
      kind: r.kind,
      status,
      rotation: { id: r.rotation_id, name: r.rotation_name, domain: r.domain_code },
      dutyId: r.duty_id,
      slotKey: r.slot_key,
      position: r.position,
      from: r.start.toISOString(),
      until: r.end.toISOString(),
      requester: personOf(requester),
      taker: taker ? personOf(taker) : null,
      returnDuty:
        r.return_duty_id && r.return_rotation_id && r.return_slot_key && r.return_start && r.return_end
          ? {
              dutyId: r.return_duty_id,
              rotationId: r.return_rotation_id,
              slotKey: r.return_slot_key,
              from: r.return_start.toISOString(),
              until: r.return_end.toISOString(),
            }
          : null,
      note: r.note,
      zonesConcerned: concerned,
      approvedZoneIds: r.approved_zone_ids,
      createdAt: r.created_at.toISOString(),
      mine,
      canTake: status === 'open' && !mine && memberOf.has(r.rotation_id),
      canApprove: status === 'taken' && concerned.some((z) => canApproveZone(z) && !r.approved_zone_ids.includes(z)),
      canAssign: status === 'open' && r.kind !== 'swap' && canApproveZone(r.requester_zone_id),
      canWithdraw: mine && live,
    }
  })
  await logPartnerReads(db, ctx, shown)
  return items
}

/** Open or taken when its duty has started: expired (read, not stored; every transition answers SWAP_EXPIRED). */
export const expired = (row: Pick<SwapRow, 'status' | 'start'>, at: Date) =>
  (row.status === 'open' || row.status === 'taken') && row.start.getTime() <= at.getTime()

/** The ranked candidates with their names (partner zones' people logged as reads). */
export async function presentCandidates(
  db: Kysely<DB>,
  ctx: PolicyContext,
  row: SwapRow,
  ranked: readonly RankedCandidate[],
) {
  const people = new Map(
    (
      await peopleOf(
        db,
        ranked.map((c) => c.personId),
      )
    ).map((p) => [p.id, p]),
  )
  const shown = ranked.flatMap((c) => {
    const person = people.get(c.personId)
    return person ? [{ person, load: c.load }] : []
  })
  await logPartnerReads(
    db,
    ctx,
    shown.map((s) => ({ person: s.person, domain: row.domain_code, object: { type: 'swap_request', id: row.id } })),
  )
  return shown.map((s) => ({ ...personOf(s.person), loadHours: Math.round(s.load / 6) / 10 }))
}

/** Who hears of a change: people by id, the requester, the taker, the planners of zones. */
export interface Audience {
  persons?: readonly string[]
  requester?: boolean
  taker?: boolean
  /** Requester and taker. */
  people?: boolean
  planners?: readonly string[]
}

export async function notifySwap<K extends NotificationKind>(
  trx: Transaction<DB>,
  row: SwapRow,
  kind: K,
  who: Audience,
) {
  const personIds = [
    ...(who.persons ?? []),
    ...(who.requester || who.people ? [row.requester_person_id] : []),
    ...((who.taker || who.people) && row.taker_person_id ? [row.taker_person_id] : []),
  ]
  const users = (await rosterRepository(trx).usersOf(personIds)).map((u) => u.id)
  const planners = await swapRepository(trx).plannerUsers(who.planners ?? [])
  const names = new Map(
    (await peopleOf(trx, [row.requester_person_id, ...(row.taker_person_id ? [row.taker_person_id] : [])])).map((p) => [
      p.id,
      `${p.first_name} ${p.last_name}`,
    ]),
  )
  const all: Record<string, string> = {
    rotation: row.rotation_name,
    from: swapWhen(row.start),
    requester: names.get(row.requester_person_id) ?? '',
    person: names.get(row.requester_person_id) ?? '',
    taker: row.taker_person_id ? (names.get(row.taker_person_id) ?? '') : '',
  }
  const params = Object.fromEntries(
    NOTIFICATION_KINDS[kind].params.map((p) => [p, all[p] ?? '']),
  ) as NotificationParams<K>
  await notify(trx, { recipients: [...users, ...planners], kind, params, object: { type: 'swap', id: row.id } })
}
