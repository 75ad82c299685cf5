import type { Kysely } from 'kysely'
import { audit } from '../../platform/audit.ts'
import { AppError } from '../../platform/errors.ts'
import { memoOf } from '../../platform/memo.ts'
import * as policy from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { crossZoneReads, presentPerson, type CrossZoneRead } from './domain.ts'
import { peopleRepository, type PeopleScope, type PersonRow } from './repository.ts'
import type { PeopleQuery } from './schema.ts'

export function peopleService(db: Kysely<DB>) {
  /** Own zones, and every (own zone, partner zone, domain) of the agreements in force: a VisibilityScope. */
  const scopeFor = (ctx: PolicyContext): Promise<PeopleScope> => policy.scope(ctx, 'person.read')

  /**
   * Reads of another zone's personal data are logged in that zone's chain, with every reason that allowed
   * them. A page past the end shows no one but still a count of partner people: logged too (`counted`).
   */
  async function logCrossZoneReads(
    actor: policy.Actor,
    action: 'person.read' | 'person.list',
    reads: readonly (CrossZoneRead & { counted?: number })[],
  ) {
    if (reads.length === 0) return
    // One statement (append_audit), atomic by itself: no transaction of its own is needed.
    await audit.partnerReads(
      db,
      actor,
      reads.map((r) => ({
        zoneId: r.zoneId,
        action,
        reasons: r.reasons,
        object: { type: 'person', id: r.personIds.length === 1 ? r.personIds[0] : null },
        details: { personIds: r.personIds, ...(r.counted !== undefined ? { counted: r.counted } : {}) },
      })),
    )
  }

  /**
   * A page for a scope (own zones, reasons' reach, date) and a query, from memory until a person, zone,
   * qualification or visibility reason changes (migration 0011 → invalidation.ts): the page query is the
   * most expensive statement of the request. The reads it returns are logged on every request all the same.
   */
  async function pages(scope: PeopleScope, query: PeopleQuery, load: () => Promise<PersonRow[]>) {
    const memo = memoOf<readonly PersonRow[]>(db, 'people.pages', { topics: ['people'], size: 500, maxAgeMs: 30_000 })
    if (!memo) return load()
    const reach = scope.reach.map((r) => `${r.viewerZoneId}>${r.ownerZoneId}:${r.domain}`).sort()
    const key = JSON.stringify([[...scope.ownZoneIds].sort(), reach, scope.date, Object.entries(query).sort()])
    return memo.get(key, async () => Object.freeze((await load()).map((r) => Object.freeze(r))))
  }

  return {
    async list(ctx: PolicyContext, query: PeopleQuery) {
      const { actor } = ctx
      const scope = await scopeFor(ctx)
      const repo = peopleRepository(db)
      const rows = await pages(scope, query, () => repo.list(scope, query))
      const items = rows.map((r) => presentPerson(r, scope.ownZoneIds))
      const first = rows[0]
      if (first || (query.offset ?? 0) === 0) {
        await logCrossZoneReads(actor, 'person.list', crossZoneReads(items))
        return { items, total: first?.total ?? 0 }
      }
      // Past the last page: the window total rode on the rows, so count separately (the same visible set).
      const groups = await repo.countByZone(scope, query)
      const counted = groups
        .filter((g) => !scope.ownZoneIds.includes(g.zone_id) && g.n > 0)
        .map((g) => ({ zoneId: g.zone_id, reasons: g.reasons, personIds: [], counted: g.n }))
      await logCrossZoneReads(actor, 'person.list', counted)
      return { items, total: groups.reduce((sum, g) => sum + g.n, 0) }
    },

    async get(ctx: PolicyContext, id: string) {
      const { actor } = ctx
      const scope = await scopeFor(ctx)
      const row = await peopleRepository(db).byId(scope, id)
      if (!row) throw new AppError('NOT_FOUND')
      const person = presentPerson(row, scope.ownZoneIds)
      await logCrossZoneReads(actor, 'person.read', crossZoneReads([person]))
      return person
    },
  }
}
