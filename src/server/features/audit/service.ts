import type { Kysely } from 'kysely'
import { appendAudit, audit, verifyAudit, type PartnerRead } from '../../platform/audit.ts'
import { AppError } from '../../platform/errors.ts'
import { loadDomainPeriods } from '../../platform/grants.ts'
import * as policy from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { partnerZoneIds } from '../../platform/visibility.ts'
import { auditCsv, auditCsvFilename } from './csv.ts'
import { brusselsDayStart, eventDomains, scopeZoneIds, sharedSince, type AuditScope } from './domain.ts'
import { auditRepository } from './repository.ts'
import type { AuditActorList, AuditEventList, AuditExportQuery, AuditQuery, Verification } from './schema.ts'

/** More than this in one file is not a report a person reads; the DPO narrows the period instead. */
export const EXPORT_MAX_ROWS = 50_000

export function auditService(db: Kysely<DB>) {
  const repo = auditRepository(db)
  /** The chains a DPO may read or verify: their own zones', and those of the zones sharing `dpo` today. */
  const auditZones = async (ctx: PolicyContext) => {
    const s = await policy.scope(ctx, 'audit.read')
    return { own: s.ownZoneIds, partners: partnerZoneIds(s).filter((z) => !s.ownZoneIds.includes(z)) }
  }

  /**
   * What the DPO reads: own zones' chains whole; a partner zone's chain (shared `dpo` domain) only from the
   * start of the unbroken sharing in force today, never the partner's earlier history.
   */
  async function scopeOf(ctx: PolicyContext): Promise<AuditScope> {
    const { own, partners: partnerIds } = await auditZones(ctx)
    const periods = partnerIds.length ? await loadDomainPeriods(db, own, 'dpo') : []
    return {
      ownZoneIds: own,
      partners: partnerIds.flatMap((zoneId) => {
        const since = sharedSince(periods, own, zoneId, ctx.date)
        return since ? [{ zoneId, since: brusselsDayStart(since) }] : []
      }),
    }
  }

  const checkPeriod = (q: AuditExportQuery) => {
    if (q.from && q.to && q.from > q.to) throw new AppError('AUDIT_PERIOD_INVALID', { from: q.from, to: q.to })
  }

  /**
   * A shared DPO reading a partner zone's log is itself logged in that zone's chain: the reason is the
   * agreement in force that lists `dpo` for both zones.
   */
  const partnerReads = (
    scope: AuditScope,
    rows: readonly { zone_id: string | null; id: number }[],
    action: 'audit.list' | 'audit.export',
    extra: Record<string, unknown> = {},
  ): PartnerRead[] =>
    scope.partners.flatMap(({ zoneId }) => {
      const ids = rows.filter((r) => r.zone_id === zoneId).map((r) => r.id)
      if (ids.length === 0) return []
      return [
        {
          zoneId,
          action,
          reasons: [{ kind: 'agreement', domain: 'dpo' }],
          details: action === 'audit.list' ? { eventIds: ids } : { ...extra, events: ids.length },
        },
      ]
    })

  return {
    /**
     * Verification covers every chain the DPO may read, partner chains from their genesis: a chain is only
     * proven from its first row. The answer is a yes/no, a count and at most the id of the first broken row;
     * no content of a partner's events before the sharing is returned.
     */
    async verify(ctx: PolicyContext): Promise<Verification> {
      const { own, partners } = await auditZones(ctx)
      const zoneIds = [...own, ...partners]
      const [result, zones] = await Promise.all([verifyAudit(db, zoneIds), repo.zoneCodes(zoneIds)])
      return { ...result, zones }
    },

    async events(ctx: PolicyContext, query: AuditQuery): Promise<AuditEventList> {
      const { actor } = ctx
      checkPeriod(query)
      const scope = await scopeOf(ctx)
      const rows = await repo.events(scope, query)
      const logged = partnerReads(scope, rows, 'audit.list')
      if (logged.length > 0) await db.transaction().execute((trx) => audit.partnerReads(trx, actor, logged))
      return {
        total: rows[0]?.total ?? (query.offset ? await repo.count(scope, query) : 0),
        items: rows.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          zoneId: r.zone_id ?? '',
          zoneCode: r.zone_code,
          action: r.action,
          actorUserId: r.actor_user_id,
          actorName: r.actor_name,
          actorZoneCode: r.actor_zone_code,
          objectType: r.object_type,
          objectId: r.object_id,
          objectName: r.object_name,
          domain: r.domain,
          domains: eventDomains(r.domain, r.details),
          details: r.details,
        })),
      }
    },

    /** The users who appear as actors in what the DPO may read: the options of the user filter. */
    async actors(ctx: PolicyContext): Promise<AuditActorList> {
      const rows = await repo.actors(await scopeOf(ctx))
      return { items: rows.map((r) => ({ id: r.id, name: r.name, zoneCodes: r.zone_codes })) }
    },

    /**
     * The filtered log as CSV, oldest first. The export is audited in the DPO's own chain (with the filters
     * and the number of events), and in each partner chain it took events from, in the same transaction.
     */
    async exportCsv(ctx: PolicyContext, query: AuditExportQuery): Promise<{ filename: string; csv: string }> {
      const { actor } = ctx
      checkPeriod(query)
      const scope = await scopeOf(ctx)
      const zoneIds = scopeZoneIds(scope).filter((z) => !query.zoneId || z === query.zoneId)
      const zoneCodes = await repo.zoneCodes(zoneIds)
      return db.transaction().execute(async (trx) => {
        const rows = await auditRepository(trx).exportRows(scope, query, EXPORT_MAX_ROWS + 1)
        if (rows.length > EXPORT_MAX_ROWS) throw new AppError('AUDIT_EXPORT_TOO_LARGE', { max: EXPORT_MAX_ROWS })
        const filters = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined))
        // One call: the DPO's own chain and the partner chains are locked in one order.
        await appendAudit(trx, [
          ...audit.entries(actor, 'audit.export', null, { filters, events: rows.length, zones: zoneCodes }),
          ...audit.partnerReadEntries(actor, partnerReads(scope, rows, 'audit.export', { filters })),
        ])
        return {
          filename: auditCsvFilename(zoneCodes, query.from, query.to, ctx.date),
          csv: auditCsv(rows, actor.locale),
        }
      })
    },
  }
}
