// What a reader sees of the people in a roster: name, zone, work phone (DESIGN.md §1: a covered partner zone
// sees "slots, names on duty"). Names of another zone's people are logged in that zone's chain, with the
// rotation as the reason.
import type { Kysely } from 'kysely'
import { audit } from '../../platform/audit.ts'
import { memoOf } from '../../platform/memo.ts'
import { actorZones } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { rosterRepository, type DutyRow, type RosterRepository } from './roster-repository.ts'
import type { Rotation } from './schema.ts'

export interface PersonOnDuty {
  personId: string
  zoneId: string
  zoneCode: string
  firstName: string
  lastName: string
  workPhone: string | null
}

/** The people, by id; reads of other zones' people are logged. */
export async function peopleFor(
  db: Kysely<DB>,
  ctx: PolicyContext,
  rotations: readonly Pick<Rotation, 'id' | 'domain'>[],
  byRotation: ReadonlyMap<string, readonly string[]>,
  options: { coalesceAudit?: boolean } = {},
): Promise<Map<string, PersonOnDuty>> {
  const ids = [...new Set([...byRotation.values()].flat())].sort()
  const rows = await peopleRows(db, ids)
  const people = new Map(
    rows.map((r) => [
      r.id,
      {
        personId: r.id,
        zoneId: r.zone_id,
        zoneCode: r.zone_code,
        firstName: r.first_name,
        lastName: r.last_name,
        workPhone: r.work_phone,
      },
    ]),
  )
  const own = actorZones(ctx.actor)
  const reads = rotations.flatMap((rotation) => {
    const partner = (byRotation.get(rotation.id) ?? []).flatMap((id) => {
      const p = people.get(id)
      return p && !own.includes(p.zoneId) ? [p] : []
    })
    return [...new Set(partner.map((p) => p.zoneId))].map((zoneId) => ({
      zoneId,
      action: 'person.read' as const,
      reasons: [{ kind: 'rotation', domain: rotation.domain }],
      object: { type: 'rotation', id: rotation.id },
      details: { personIds: [...new Set(partner.filter((p) => p.zoneId === zoneId).map((p) => p.personId))] },
    }))
  })
  // On the root `db`: written with the reads of concurrent requests in one statement (audit.partnerReads), before
  // the answer; for the on-duty board also repeated reads of one reader as one row (`coalesce`).
  await audit.partnerReads(db, ctx.actor, reads, { coalesce: options.coalesceAudit ?? false })
  return people
}

type PersonRow = Awaited<ReturnType<RosterRepository['people']>>[number]

/**
 * Name, zone and work phone of people by id: from memory on the root `db` until people or zones change (topic
 * 'people' of migration 0011's triggers); inside a transaction from the database.
 */
function peopleRows(db: Kysely<DB>, ids: readonly string[]): Promise<readonly PersonRow[]> {
  const load = () => rosterRepository(db).people(ids)
  const memo = ids.length > 0 ? memoOf<readonly PersonRow[]>(db, 'permanences.people', PEOPLE_MEMO) : null
  return memo ? memo.get(ids.join(','), async () => Object.freeze(await load())) : load()
}
const PEOPLE_MEMO = { topics: ['people'], size: 2_000, maxAgeMs: 30_000 }

export async function presentSlots(
  db: Kysely<DB>,
  ctx: PolicyContext,
  rotation: Rotation,
  slots: readonly {
    slot_key: string
    position: number
    start: Date
    end: Date
    person_id: string | null
    pinned: boolean
  }[],
) {
  const ids = slots.flatMap((s) => (s.person_id ? [s.person_id] : []))
  const people = await peopleFor(db, ctx, [rotation], new Map([[rotation.id, ids]]))
  return slots.map((s) => ({
    slotKey: s.slot_key,
    position: s.position,
    from: s.start.toISOString(),
    until: s.end.toISOString(),
    pinned: s.pinned,
    person: s.person_id ? (people.get(s.person_id) ?? null) : null,
  }))
}

export async function presentDuties(db: Kysely<DB>, ctx: PolicyContext, rotation: Rotation, rows: readonly DutyRow[]) {
  const people = await peopleFor(db, ctx, [rotation], new Map([[rotation.id, rows.map((r) => r.person_id)]]))
  return rows.map((d) => ({
    dutyId: d.id,
    slotKey: d.slot_key,
    position: d.position,
    from: d.start.toISOString(),
    until: d.end.toISOString(),
    cause: d.cause,
    person: people.get(d.person_id) ?? null,
  }))
}
