// The writes of assistance requests, offers and deployments (issue 9): only inside a transaction, built from it.
// Reads are request-repository.ts's (which also maps the 0018 constraints these writes can hit to catalogue codes).
import { sql, type Transaction } from 'kysely'
import type { AssistanceStatus } from '../../platform/enums.ts'
import type { DB } from '../../platform/schema.ts'
import type { Draft } from './request-input.ts'

/** A request's own fields, as validated (request-input.ts). */
type Fields = Omit<Draft, 'zoneIds'>

/** The writes, only inside a transaction. */
export function requestWrites(trx: Transaction<DB>) {
  return {
    async insertRequest(
      values: Fields & { associationId: string; zoneId: string; idempotencyKey: string; userId: string; at: Date },
    ): Promise<string> {
      const { id } = await trx
        .insertInto('assistance_requests')
        .values({
          association_id: values.associationId,
          zone_id: values.zoneId,
          urgency: values.urgency,
          category: values.category as DB['assistance_requests']['category'],
          status: 'draft',
          period: sql<string>`tstzrange(${values.start}::timestamptz, ${values.end}::timestamptz, '[)')`,
          municipality_id: values.municipalityId,
          place: values.place,
          purpose: values.purpose,
          contact: values.contact,
          addressing: values.addressing,
          idempotency_key: values.idempotencyKey,
          created_by: values.userId,
          created_at: values.at,
          updated_at: values.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return id
    },

    async updateRequest(id: string, values: Fields & { at: Date }): Promise<void> {
      await trx
        .updateTable('assistance_requests')
        .set({
          urgency: values.urgency,
          category: values.category as DB['assistance_requests']['category'],
          period: sql<string>`tstzrange(${values.start}::timestamptz, ${values.end}::timestamptz, '[)')`,
          municipality_id: values.municipalityId,
          place: values.place,
          purpose: values.purpose,
          contact: values.contact,
          addressing: values.addressing,
          updated_at: values.at,
        })
        .where('id', '=', id)
        .execute()
    },

    async replaceLines(requestId: string, lines: readonly { capability: string; count: number }[]): Promise<void> {
      await trx.deleteFrom('assistance_request_lines').where('request_id', '=', requestId).execute()
      if (lines.length > 0)
        await trx
          .insertInto('assistance_request_lines')
          .values(lines.map((l) => ({ request_id: requestId, capability: l.capability, count: l.count })))
          .execute()
    },

    /** The chosen zones of a request not sent yet (no alert time: not addressed until it goes out). */
    async replaceChosen(requestId: string, zoneIds: readonly string[]): Promise<void> {
      await trx.deleteFrom('assistance_addressees').where('request_id', '=', requestId).execute()
      if (zoneIds.length > 0)
        await trx
          .insertInto('assistance_addressees')
          .values(zoneIds.map((zone_id) => ({ request_id: requestId, zone_id })))
          .execute()
    },

    /** Addresses the zones: alerted now (rows of chosen zones exist already without an alert time). */
    async alert(requestId: string, zoneIds: readonly string[], at: Date): Promise<void> {
      if (zoneIds.length === 0) return
      await trx
        .insertInto('assistance_addressees')
        .values(zoneIds.map((zone_id) => ({ request_id: requestId, zone_id, alerted_at: at })))
        .onConflict((oc) => oc.columns(['request_id', 'zone_id']).doUpdateSet({ alerted_at: at }))
        .execute()
    },

    async setStatus(id: string, status: AssistanceStatus, at: Date, extra: { cancelReason?: string } = {}) {
      await trx
        .updateTable('assistance_requests')
        .set({
          status,
          updated_at: at,
          ...(extra.cancelReason !== undefined ? { cancel_reason: extra.cancelReason } : {}),
        })
        .where('id', '=', id)
        .execute()
    },

    async markRequested(id: string, at: Date, retroDueAt: Date | null) {
      await trx
        .updateTable('assistance_requests')
        .set({ requested_at: at, retro_due_at: retroDueAt, updated_at: at })
        .where('id', '=', id)
        .execute()
    },

    async approve(id: string, userId: string, at: Date) {
      await trx
        .updateTable('assistance_requests')
        .set({ approved_by: userId, approved_at: at, updated_at: at })
        .where('id', '=', id)
        .execute()
    },

    async event(e: {
      requestId: string
      zoneId: string
      action: string
      from: AssistanceStatus | null
      to: AssistanceStatus | null
      userId: string
      at: Date
      details?: Record<string, unknown>
    }) {
      await trx
        .insertInto('assistance_events')
        .values({
          request_id: e.requestId,
          zone_id: e.zoneId,
          action: e.action,
          from_status: e.from,
          to_status: e.to,
          user_id: e.userId,
          at: e.at,
          details: JSON.stringify(e.details ?? {}),
        })
        .execute()
    },

    async decline(requestId: string, zoneId: string, userId: string, at: Date, reason: string | null) {
      await trx
        .updateTable('assistance_addressees')
        .set({ declined_at: at, declined_by: userId, decline_reason: reason })
        .where('request_id', '=', requestId)
        .where('zone_id', '=', zoneId)
        .execute()
    },

    /** An offer acknowledges the alert too; the first offer's time is the response time's. */
    async markOffered(requestId: string, zoneId: string, userId: string, at: Date) {
      await trx
        .updateTable('assistance_addressees')
        .set({
          first_offer_at: sql`coalesce(first_offer_at, ${at}::timestamptz)`,
          acknowledged_at: sql`coalesce(acknowledged_at, ${at}::timestamptz)`,
          acknowledged_by: sql`coalesce(acknowledged_by, ${userId}::uuid)`,
        })
        .where('request_id', '=', requestId)
        .where('zone_id', '=', zoneId)
        .execute()
    },

    async insertOffer(o: {
      requestId: string
      zoneId: string
      expectedArrival: Date | null
      note: string
      userId: string
      at: Date
      lines: readonly { capability: string; count: number; personId: string | null }[]
    }): Promise<string> {
      const { id } = await trx
        .insertInto('assistance_offers')
        .values({
          request_id: o.requestId,
          zone_id: o.zoneId,
          expected_arrival: o.expectedArrival,
          note: o.note,
          created_by: o.userId,
          created_at: o.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await trx
        .insertInto('assistance_offer_lines')
        .values(
          o.lines.map((l) => ({
            offer_id: id,
            zone_id: o.zoneId,
            capability: l.capability,
            count: l.count,
            person_id: l.personId,
          })),
        )
        .execute()
      return id
    },

    async withdrawOffer(offerId: string, at: Date) {
      await trx.updateTable('assistance_offers').set({ withdrawn_at: at }).where('id', '=', offerId).execute()
      await trx
        .updateTable('assistance_offer_lines')
        .set({ status: 'withdrawn', decided_at: at })
        .where('offer_id', '=', offerId)
        .where('status', '=', 'offered')
        .execute()
    },

    async decideLines(ids: readonly string[], status: 'accepted' | 'declined', userId: string, at: Date) {
      if (ids.length === 0) return
      await trx
        .updateTable('assistance_offer_lines')
        .set({ status, decided_by: userId, decided_at: at })
        .where('id', 'in', [...ids])
        .execute()
    },

    async insertDeployment(d: {
      requestId: string
      associationId: string
      helpingZoneId: string
      helpedZoneId: string
      personId: string
      offerLineId: string | null
      capability: string
      arrivedAt: Date | null
      userId: string
      at: Date
    }): Promise<string> {
      const { id } = await trx
        .insertInto('assistance_deployments')
        .values({
          request_id: d.requestId,
          association_id: d.associationId,
          helping_zone_id: d.helpingZoneId,
          helped_zone_id: d.helpedZoneId,
          person_id: d.personId,
          offer_line_id: d.offerLineId,
          capability: d.capability,
          arrived_at: d.arrivedAt,
          created_by: d.userId,
          created_at: d.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return id
    },

    /** Removes a deployment that was never posted (false: its hours are in the ledger, which keeps them). */
    async deleteDeployment(id: string): Promise<boolean> {
      const posted = await trx
        .selectFrom('assistance_ledger_lines')
        .select('id')
        .where('deployment_id', '=', id)
        .limit(1)
        .executeTakeFirst()
      if (posted) return false
      await trx.deleteFrom('assistance_deployments').where('id', '=', id).execute()
      return true
    },

    /** Records hours; the recording side confirms, the other side's confirmation is cleared when they changed. */
    async recordHours(
      id: string,
      h: { start: Date; end: Date; arrivedAt: Date | null; side: 'helping' | 'helped'; changed: boolean },
      userId: string,
      at: Date,
    ) {
      const other = h.side === 'helping' ? 'helped' : 'helping'
      await trx
        .updateTable('assistance_deployments')
        .set({
          period: sql<string>`tstzrange(${h.start}::timestamptz, ${h.end}::timestamptz, '[)')`,
          recorded_by: userId,
          recorded_at: at,
          ...(h.arrivedAt ? { arrived_at: h.arrivedAt } : {}),
          [`${h.side}_confirmed_by`]: userId,
          [`${h.side}_confirmed_at`]: at,
          ...(h.changed ? { [`${other}_confirmed_by`]: null, [`${other}_confirmed_at`]: null } : {}),
        })
        .where('id', '=', id)
        .execute()
    },

    async confirm(id: string, side: 'helping' | 'helped', userId: string, at: Date) {
      await trx
        .updateTable('assistance_deployments')
        .set({ [`${side}_confirmed_by`]: userId, [`${side}_confirmed_at`]: at })
        .where('id', '=', id)
        .execute()
    },
  }
}
