// Read confirmations (issue 11): a person of a zone an item is for (and of a named team, when teams are named)
// confirms having read it, once (again: the same answer). The author zone's writers see who has: their own
// zone's addressed operational people by name, a partner zone's as counts only (no visibility reason for names).
import type { Kysely } from 'kysely'
import { audit } from '../../platform/audit.ts'
import { now } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { scope } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import { emit } from '../../platform/outbox.ts'
import type { DB } from '../../platform/schema.ts'
import { canSee, DOMAIN } from './domain/access.ts'
import { addressedTo, factsOf, readerOf } from './present.ts'
import { briefingRepository } from './repository.ts'
import type { ReadConfirmation, ReadStatus } from './schema.ts'

export const READ_CONFIRMED = 'briefing.read.confirmed'

export function readService(db: Kysely<DB>) {
  return {
    async confirm(ctx: PolicyContext, id: string): Promise<ReadConfirmation> {
      return db.transaction().execute(async (trx) => {
        const c = ctx.on(trx)
        const reader = await readerOf(trx, c, 'briefing.confirm')
        const repo = briefingRepository(trx)
        const row = await repo.byId(id)
        const targets = row ? await repo.targets([id]) : []
        const facts = row ? factsOf(row, targets) : null
        if (!row || !facts || !canSee(reader, facts, now().getTime())) throw new AppError('NOT_FOUND')
        if (row.withdrawn_at !== null) throw new AppError('BRIEFING_WITHDRAWN')
        const person = reader.person
        if (!person || !reader.personId || !addressedTo(reader, facts, targets, id))
          throw new AppError('BRIEFING_NOT_ADDRESSED')
        const at = now()
        if (await repo.confirm(id, person.zoneId, reader.personId, at)) {
          await audit.write(
            trx,
            ctx.actor,
            'briefing.read.confirm',
            { type: 'briefing_item', id },
            { personId: reader.personId },
            { chains: [person.zoneId, row.zone_id], domain: DOMAIN },
          )
          await emit(trx, { type: READ_CONFIRMED, zoneId: row.zone_id, domain: DOMAIN, payload: { itemId: id } })
        }
        const readAt = (await repo.readsBy(reader.personId, [id])).get(id) ?? at
        return { itemId: id, readAt: new Date(readAt).toISOString() }
      })
    },

    async status(ctx: PolicyContext, id: string): Promise<ReadStatus> {
      return db.transaction().execute(async (trx) => {
        const c = ctx.on(trx)
        const reader = await readerOf(trx, c)
        const repo = briefingRepository(trx)
        const row = await repo.byId(id)
        const targets = row ? await repo.targets([id]) : []
        if (!row || !canSee(reader, factsOf(row, targets), now().getTime())) throw new AppError('NOT_FOUND')
        if (!(await scope(c, 'briefing.write')).ownZoneIds.includes(row.zone_id)) throw new AppError('FORBIDDEN')
        const people = await repo.addressees(id)
        const zones = new Map(targets.map((t) => [t.zone_id, { id: t.zone_id, code: t.zone_code, name: t.zone_name }]))
        const own = zones.get(row.zone_id)
        return {
          own: own
            ? {
                zone: own,
                people: people
                  .filter((p) => p.zone_id === row.zone_id)
                  .map((p) => ({
                    personId: p.person_id,
                    name: p.name,
                    team: p.team,
                    readAt: p.read_at ? new Date(p.read_at).toISOString() : null,
                  })),
              }
            : null,
          partners: [...zones.values()]
            .filter((z) => z.id !== row.zone_id)
            .map((zone) => {
              const of = people.filter((p) => p.zone_id === zone.id)
              return { zone, read: of.filter((p) => p.read_at !== null).length, total: of.length }
            }),
        }
      })
    },
  }
}
