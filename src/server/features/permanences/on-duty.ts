// GET /api/permanences/on-duty: for every rotation the caller sees, who is on duty at an instant and who comes
// next, from the in-memory index (on-duty-index.ts) when it is live, else from the database. A partner zone's
// person is named only through a visibility reason in force (their membership gives one); such reads are
// logged in that person's zone's chain.
import type { Kysely } from 'kysely'
import { memoOf } from '../../platform/memo.ts'
import { scope } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import type { IndexedDuty, OnDutyIndex } from './on-duty-index.ts'
import { peopleFor, type PersonOnDuty } from './present.ts'
import { rotationsRepository } from './repository.ts'
import { rosterRepository } from './roster-repository.ts'
import type { Rotation } from './schema.ts'
import { rotationsService } from './service.ts'

const LOOKAHEAD_MS = 62 * 86_400_000

export function onDutyService(db: Kysely<DB>, index: OnDutyIndex) {
  const rotations = rotationsService(db)

  async function dutiesOf(rotationId: string, at: number): Promise<IndexedDuty[]> {
    const fromIndex = index.from(rotationId, at)
    if (fromIndex) return fromIndex
    const rows = await rosterRepository(db).duties(rotationId, new Date(at), new Date(at + LOOKAHEAD_MS))
    return rows.map((d) => ({
      rotationId,
      slotKey: d.slot_key,
      position: d.position,
      start: d.start.getTime(),
      end: d.end.getTime(),
      personId: d.person_id,
    }))
  }

  /**
   * Of these people, those the caller may name: own zones, or a partner reason in force. From memory on the root
   * `db` until people, zones or visibility reasons change (topic 'people' of migration 0011's triggers); the
   * scope (own zones, partner reach, date) and the ids are the key.
   */
  async function nameable(ctx: PolicyContext, ids: readonly string[]): Promise<ReadonlySet<string>> {
    const personRead = await scope(ctx, 'person.read')
    const load = () => rotationsRepository(db).nameablePeople(personRead, ids)
    if (ids.length === 0) return new Set()
    const memo = memoOf<ReadonlySet<string>>(db, 'permanences.nameable', {
      topics: ['people'],
      size: 2_000,
      maxAgeMs: 30_000,
    })
    if (!memo) return load()
    const reach = personRead.reach.map((r) => `${r.viewerZoneId}>${r.ownerZoneId}:${r.domain}`).sort()
    const key = JSON.stringify([[...personRead.ownZoneIds].sort(), reach, personRead.date, [...new Set(ids)].sort()])
    return memo.get(key, load)
  }

  return {
    async at(ctx: PolicyContext, at: Date) {
      await index.ensure()
      const instant = at.getTime()
      const read = await scope(ctx, 'rotation.read')
      const { rows, zones } = await rotations.visibleRows(read)
      const visible = rows.map((row) => ({
        id: row.id,
        associationId: row.association_id,
        name: row.name,
        domain: row.domain_code as Rotation['domain'],
        zones: zones.filter((z) => z.rotation_id === row.id).map((z) => ({ zoneId: z.zone_id, code: z.code })),
      }))
      const plans = await Promise.all(
        visible.map(async (rotation) => {
          const duties = await dutiesOf(rotation.id, instant)
          const current = duties
            .filter((d) => d.start <= instant && instant < d.end)
            .sort((x, y) => x.position - y.position)
          const handoff = current.length > 0 ? Math.min(...current.map((d) => d.end)) : instant
          const next = duties
            .filter((d) => d.start >= handoff)
            .sort((x, y) => x.start - y.start || x.position - y.position)[0]
          return { rotation, current, next }
        }),
      )
      // The association's admin sees the names of its rotations; a zone role, through person.read.
      const adminOf = new Set(read.associationIds)
      const ids = plans.flatMap((p) =>
        adminOf.has(p.rotation.associationId) ? [] : [...p.current, ...(p.next ? [p.next] : [])].map((d) => d.personId),
      )
      const allowed = await nameable(ctx, ids)
      const shown = new Map(
        plans.map((p) => [
          p.rotation.id,
          [...p.current, ...(p.next ? [p.next] : [])]
            .map((d) => d.personId)
            .filter((id) => adminOf.has(p.rotation.associationId) || allowed.has(id)),
        ]),
      )
      const people = await peopleFor(db, ctx, visible, shown, { coalesceAudit: true })
      const person = (rotationId: string, id: string): PersonOnDuty | null =>
        shown.get(rotationId)?.includes(id) ? (people.get(id) ?? null) : null
      return {
        at: at.toISOString(),
        items: plans.map(({ rotation, current, next }) => ({
          rotationId: rotation.id,
          rotationName: rotation.name,
          domain: rotation.domain,
          zones: rotation.zones,
          onDuty: current.map((d) => ({
            position: d.position,
            person: person(rotation.id, d.personId),
            from: new Date(d.start).toISOString(),
            until: new Date(d.end).toISOString(),
          })),
          next: next ? { person: person(rotation.id, next.personId), from: new Date(next.start).toISOString() } : null,
        })),
      }
    },
  }
}
