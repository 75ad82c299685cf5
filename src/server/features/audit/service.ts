import type { Kysely } from 'kysely'
import { actorFields, appendAudit, verifyAudit } from '../../platform/audit.ts'
import { loadGrants } from '../../platform/grants.ts'
import { actorZones, auditZones, zonesWith, type Actor } from '../../platform/policy.ts'
import type { DB } from '../../platform/schema.ts'
import { brusselsDate } from '../../platform/time.ts'
import { auditRepository } from './repository.ts'
import type { AuditEventList, AuditQuery, Verification } from './schema.ts'

export function auditService(db: Kysely<DB>) {
  const repo = auditRepository(db)
  const chainsOf = async (actor: Actor) =>
    auditZones(actor, await loadGrants(db, actorZones(actor), brusselsDate(new Date())))

  return {
    async verify(actor: Actor): Promise<Verification> {
      const zoneIds = await chainsOf(actor)
      const [result, zones] = await Promise.all([verifyAudit(db, zoneIds), repo.zoneCodes(zoneIds)])
      return { ...result, zones }
    },

    /** The log of the DPO's chains. A shared DPO reading a partner zone's log is itself logged there. */
    async events(actor: Actor, query: AuditQuery): Promise<AuditEventList> {
      const zoneIds = await chainsOf(actor)
      const rows = await repo.events(zoneIds, query)
      const own = zonesWith(actor, 'audit.verify')
      const partnerChains = [...new Set(rows.map((r) => r.zone_id))].filter(
        (z): z is string => z !== null && !own.includes(z),
      )
      if (partnerChains.length > 0) {
        const who = actorFields(actor)
        await db.transaction().execute((trx) =>
          appendAudit(
            trx,
            partnerChains.map((zoneId) => ({
              chainZoneId: zoneId,
              actorUserId: who.actorUserId,
              actorZoneId: who.actorZoneId,
              action: 'audit.list',
              domain: 'dpo',
              details: { eventIds: rows.filter((r) => r.zone_id === zoneId).map((r) => r.id) },
            })),
          ),
        )
      }
      return {
        total: rows[0]?.total ?? 0,
        items: rows.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          zoneId: r.zone_id ?? '',
          zoneCode: r.zone_code,
          action: r.action,
          actorName: r.actor_name,
          actorZoneCode: r.actor_zone_code,
          objectType: r.object_type,
          objectId: r.object_id,
          domain: r.domain,
          details: r.details,
        })),
      }
    },
  }
}
