// What the new-session form asks before submit (issue 11, train-sessions): the suggested split of the places
// over zones by key, and the trainer candidates — the zone's own people with the trainer role or the
// firearms_instructor qualification, and partner zones' people with a shared function of domain `training` (their
// names through that visibility reason, logged as partner reads in their zone's chain).
import type { Kysely } from 'kysely'
import { audit } from '../../platform/audit.ts'
import { AppError } from '../../platform/errors.ts'
import { decide, scope } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { limitDomains, visibilityScope } from '../../platform/visibility.ts'
import { placesOf } from './session-input.ts'
import { DOMAIN } from './session-present.ts'
import { sessionRepository } from './session-repository.ts'
import type { PlacesSplit, PlacesSplitQuery, TrainerCandidates } from './session-schema.ts'

export function sessionAids(db: Kysely<DB>) {
  return {
    async placesSplit(ctx: PolicyContext, q: PlacesSplitQuery): Promise<PlacesSplit> {
      const zoneIds = [...new Set(q.zoneIds.split(',').map((z) => z.toLowerCase()))]
      const s = await scope(ctx, 'training.read')
      const sharing = new Set([
        ...s.ownZoneIds,
        ...s.grants.filter((g) => g.domains.includes(DOMAIN)).flatMap((g) => g.zoneIds),
      ])
      for (const z of zoneIds) if (!sharing.has(z)) throw new AppError('TRAINING_ZONE_NOT_SHARED', { zoneId: z })
      return db.transaction().execute(async (trx) => {
        const repo = sessionRepository(trx)
        const places = await placesOf(trx, { capacity: q.capacity, zoneIds, key: q.key, day: q.day })
        const zones = await repo.zones(zoneIds)
        const fte = q.key === 'fte' ? await repo.fte(zoneIds, q.day) : null
        return {
          places: places.map((p) => {
            const z = zones.find((x) => x.id === p.zoneId)!
            return { zone: z, places: p.places, weight: fte ? (fte.get(z.id) ?? 0) : 1 }
          }),
        }
      })
    },

    async candidates(ctx: PolicyContext, given: string | undefined): Promise<TrainerCandidates> {
      const s = await scope(ctx, 'training.manage')
      let zoneId = given
      if (zoneId === undefined) {
        if (s.ownZoneIds.length !== 1) throw new AppError('VALIDATION_FAILED', { field: 'zoneId' })
        zoneId = s.ownZoneIds[0]!
      } else if (!s.ownZoneIds.includes(zoneId)) {
        const seen = await decide(ctx, 'training.read', { zoneIds: [zoneId] })
        throw new AppError(seen.allowed ? 'FORBIDDEN' : 'NOT_FOUND')
      }
      const organiser = zoneId
      const grants = (await ctx.grants()).filter((g) => g.domains.includes(DOMAIN) && g.zoneIds.includes(organiser))
      const partners = [...new Set(grants.flatMap((g) => g.zoneIds).filter((z) => z !== organiser))]
      const vis = limitDomains(visibilityScope([organiser], grants, ctx.date), [DOMAIN])
      return db.transaction().execute(async (trx) => {
        const rows = await sessionRepository(trx).candidates(organiser, partners, vis, ctx.date)
        const partnerRows = rows.filter((r) => r.zone_id !== organiser)
        await audit.partnerReads(
          trx,
          ctx.actor,
          [...new Set(partnerRows.map((r) => r.zone_id))].map((z) => ({
            zoneId: z,
            action: 'person.list' as const,
            reasons: [{ kind: 'shared_function', domain: DOMAIN }],
            object: { type: 'training_trainer_candidates' },
            details: { personIds: partnerRows.filter((r) => r.zone_id === z).map((r) => r.person_id) },
          })),
        )
        return {
          zones: await sessionRepository(trx).zones([organiser, ...partners]),
          candidates: rows.map((r) => ({
            personId: r.person_id,
            name: r.name,
            zone: { id: r.zone_id, code: r.zone_code, name: r.zone_name },
            why: r.why,
          })),
        }
      })
    },
  }
}
