// The alerts a partner zone answers (issue 9): the open alerts of the caller's zones (loaded once by the web
// app, which then follows the event stream), and the acknowledgement that stops the escalation and closes the
// banner of everyone alerted so far.
import type { Kysely } from 'kysely'
import { audit } from '../../platform/audit.ts'
import { now } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { emit } from '../../platform/outbox.ts'
import { scope } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { alertRepository, type AddresseeRow } from './alert-repository.ts'
import type { Acknowledgement, AcknowledgeBody, AssistanceAlert } from './alert-schema.ts'
import { alertedBy, alertedSoFar } from './alerts.ts'

const ENDED = ['completed', 'closed', 'cancelled', 'declined']

export function alertService(db: Kysely<DB>) {
  return {
    async list(ctx: PolicyContext): Promise<AssistanceAlert[]> {
      const respond = await scope(ctx, 'assistance.respond')
      const rows = await alertRepository(db).openAlerts(respond.ownZoneIds)
      const at = now().getTime()
      return rows.map((r) => ({
        requestId: r.request_id,
        zoneId: r.zone_id,
        requestingZone: { id: r.requesting_zone_id, code: r.requesting_zone_code, name: r.requesting_zone_name },
        urgency: r.urgency,
        category: r.category as AssistanceAlert['category'],
        status: r.status,
        window: { from: r.start.toISOString(), to: r.end.toISOString() },
        place: r.place,
        municipalityId: r.municipality_id,
        lines: r.lines,
        alertedAt: r.alerted_at.toISOString(),
        level: r.escalated_level,
        addressedToMe: alertedBy(r.escalation, at).includes(ctx.actor.userId),
      }))
    },

    /**
     * Acknowledges the alert of one of the caller's zones (the request addressed to it), once: a second
     * acknowledgement answers with the first one. A request not addressed to a zone of the caller: 404.
     */
    acknowledge: (ctx: PolicyContext, requestId: string, body: AcknowledgeBody): Promise<Acknowledgement> =>
      db.transaction().execute(async (trx) => {
        const repo = alertRepository(trx)
        const respond = await scope(ctx.on(trx), 'assistance.respond')
        const zones = body.zoneId ? respond.ownZoneIds.filter((z) => z === body.zoneId) : respond.ownZoneIds
        const addressed = await repo.alertedIn(requestId, zones)
        if (addressed.length === 0) throw new AppError('NOT_FOUND')
        if (addressed.length > 1)
          throw new AppError('ASSISTANCE_ZONE_REQUIRED', { zoneIds: addressed.map((a) => a.zone_id) })
        // Locked: of two concurrent acknowledgements, the second sees the first.
        const row = await repo.addressee(requestId, addressed[0]!.zone_id, true)
        if (!row) throw new AppError('NOT_FOUND')
        if (row.acknowledged_at !== null) return present(row, row.acknowledged_at, row.acknowledged_by)
        if (row.declined_at !== null || ENDED.includes(row.status))
          throw new AppError('ASSISTANCE_TRANSITION_INVALID', { status: row.status })
        const at = now()
        const userId = ctx.actor.userId
        await repo.acknowledge(requestId, row.zone_id, userId, at)
        await repo.timeline(requestId, row.zone_id, 'acknowledge', userId, at)
        const addressedZones = await repo.addressedZoneIds(requestId)
        await emit(
          trx,
          {
            type: 'assistance.request_changed',
            zoneId: row.requesting_zone_id,
            associationId: row.association_id,
            domain: 'assistance',
            userId: null,
            payload: {
              requestId,
              status: row.status,
              action: 'acknowledge',
              coveredZoneIds: [row.requesting_zone_id, ...addressedZones],
            },
          },
          // Everyone alerted so far in that zone: their banner closes, whoever acknowledged.
          ...alertedSoFar(row.escalation, row.escalated_level).map((alerted) => ({
            type: 'assistance.alert_acknowledged',
            userId: alerted,
            zoneId: row.zone_id,
            associationId: row.association_id,
            domain: 'assistance',
            payload: { requestId, zoneId: row.zone_id, acknowledgedBy: userId, acknowledgedAt: at.toISOString() },
          })),
        )
        await audit.write(
          trx,
          ctx.actor,
          'assistance.acknowledge',
          { type: 'assistance_request', id: requestId },
          { zoneId: row.zone_id, requestingZoneId: row.requesting_zone_id },
          { chains: [row.zone_id, row.requesting_zone_id], domain: 'assistance' },
        )
        return {
          requestId,
          zoneId: row.zone_id,
          acknowledgedAt: at.toISOString(),
          acknowledgedBy: { userId, displayName: ctx.actor.displayName },
        }

        async function present(r: AddresseeRow, when: Date, by: string | null): Promise<Acknowledgement> {
          const name = by ? await repo.displayName(by) : null
          return {
            requestId,
            zoneId: r.zone_id,
            acknowledgedAt: when.toISOString(),
            acknowledgedBy: by && name !== null ? { userId: by, displayName: name } : null,
          }
        }
      }),
  }
}
