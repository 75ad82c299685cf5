import type { Kysely } from 'kysely'
import { actorFields, appendAudit } from '../../platform/audit.ts'
import { AppError } from '../../platform/errors.ts'
import { loadGrants } from '../../platform/grants.ts'
import { actorZones, partnerReach, zonesWith, type Actor } from '../../platform/policy.ts'
import type { DB } from '../../platform/schema.ts'
import { brusselsDate } from '../../platform/time.ts'
import { crossZoneReads, presentPerson } from './domain.ts'
import { peopleRepository, type PeopleScope } from './repository.ts'
import type { PeopleQuery, Person } from './schema.ts'

export function peopleService(db: Kysely<DB>) {
  async function scopeFor(actor: Actor): Promise<PeopleScope> {
    const date = brusselsDate(new Date())
    const grants = await loadGrants(db, actorZones(actor), date)
    const reach = partnerReach(actor, 'people.read', grants)
    return {
      ownZoneIds: zonesWith(actor, 'people.read'),
      partnerPairs: reach.map((r) => `${r.zoneId}|${r.domain}`),
      partnerZoneIds: [...new Set(reach.map((r) => r.zoneId))],
      date,
    }
  }

  /** Reads of another zone's personal data are logged in that zone's chain, with the allowing domain. */
  async function logCrossZoneReads(actor: Actor, people: Person[], action: 'person.read' | 'person.list') {
    const reads = crossZoneReads(people)
    if (reads.length === 0) return
    const who = actorFields(actor)
    await db.transaction().execute((trx) =>
      appendAudit(
        trx,
        reads.map((r) => ({
          chainZoneId: r.zoneId,
          actorUserId: who.actorUserId,
          actorZoneId: who.actorZoneId,
          action,
          objectType: 'person',
          objectId: r.personIds.length === 1 ? r.personIds[0] : undefined,
          domain: r.domain,
          details: { personIds: r.personIds },
        })),
      ),
    )
  }

  return {
    async list(actor: Actor, query: PeopleQuery) {
      const scope = await scopeFor(actor)
      const repo = peopleRepository(db)
      const rows = await repo.list(scope, query)
      // The window total rides on the rows; past the last page there are none, so count separately.
      const total = rows[0]?.total ?? ((query.offset ?? 0) > 0 ? await repo.count(scope, query) : 0)
      const items = rows.map((r) => presentPerson(r, scope.ownZoneIds))
      await logCrossZoneReads(actor, items, 'person.list')
      return { items, total }
    },

    async get(actor: Actor, id: string) {
      const scope = await scopeFor(actor)
      const row = await peopleRepository(db).byId(scope, id)
      if (!row) throw new AppError('NOT_FOUND')
      const person = presentPerson(row, scope.ownZoneIds)
      await logCrossZoneReads(actor, [person], 'person.read')
      return person
    },
  }
}
