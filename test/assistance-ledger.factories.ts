// ledger (issue 9): factories of the person-hours ledger's tests. Until the request core is merged, a request and
// its deployment with confirmed hours are inserted directly (as migration 0018 holds them), with the deployment's
// visibility reason; the ledger posting goes through the real postDeployment.
import { Temporal } from 'temporal-polyfill'
import { postDeployment, reverseDeployment } from '../src/server/features/assistance/ledger-posting.ts'
import type { AssistanceCategory } from '../src/server/platform/enums.ts'
import { addReasons } from '../src/server/platform/visibility.ts'
import type { AssociationRef, PersonRef, ZoneRef } from './factories.ts'
import type { TestApp } from './harness.ts'

/** A Brussels wall-clock time ('2026-03-04T10:00') as an ISO instant. */
export const brussels = (at: string): string =>
  Temporal.PlainDateTime.from(at).toZonedDateTime('Europe/Brussels').toInstant().toString()

export interface DeploymentRef {
  requestId: string
  deploymentId: string
}

/**
 * A closed request of `helped` on which `person` (of a partner zone) worked from `start` to `end` (Brussels
 * times), both zones confirmed; posted in the ledger unless `post: false`.
 */
export async function makeAssistanceDeployment(
  t: TestApp,
  opts: {
    association: AssociationRef
    helped: ZoneRef
    person: PersonRef
    start: string
    end: string
    category?: AssistanceCategory
    place?: string
    post?: boolean
  },
): Promise<DeploymentRef> {
  const start = brussels(opts.start)
  const end = brussels(opts.end)
  const at = new Date(start)
  return t.database.db.transaction().execute(async (trx) => {
    const request = await trx
      .insertInto('assistance_requests')
      .values({
        association_id: opts.association.id,
        zone_id: opts.helped.id,
        urgency: 'planned',
        category: opts.category ?? 'traffic_action',
        status: 'closed',
        period: `[${start},${end})`,
        place: opts.place ?? 'Marktplein',
        contact: 'Dispatch 011 00 00 00',
        addressing: 'all',
        created_at: at,
        updated_at: at,
        requested_at: at,
        approved_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const deployment = await trx
      .insertInto('assistance_deployments')
      .values({
        request_id: request.id,
        association_id: opts.association.id,
        helping_zone_id: opts.person.zoneId,
        helped_zone_id: opts.helped.id,
        person_id: opts.person.id,
        capability: 'inspecteur',
        period: `[${start},${end})`,
        recorded_at: at,
        helping_confirmed_at: at,
        helped_confirmed_at: at,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await addReasons(trx, [
      {
        personId: opts.person.id,
        ownerZoneId: opts.person.zoneId,
        partnerZoneId: opts.helped.id,
        domain: 'assistance',
        kind: 'deployment',
        source: { table: 'assistance_deployments', id: deployment.id },
        from: start.slice(0, 10),
        to: null,
      },
    ])
    if (opts.post ?? true) await postDeployment(trx, deployment.id)
    return { requestId: request.id, deploymentId: deployment.id }
  })
}

/** Posts (again) a deployment in its own transaction. */
export const post = (t: TestApp, deploymentId: string) =>
  t.database.db.transaction().execute((trx) => postDeployment(trx, deploymentId))

/** Reverses a deployment's posting and, with `period`, records new hours and posts them (a correction). */
export const correct = (t: TestApp, deploymentId: string, period?: { start: string; end: string }) =>
  t.database.db.transaction().execute(async (trx) => {
    await reverseDeployment(trx, deploymentId)
    if (!period) return
    await trx
      .updateTable('assistance_deployments')
      .set({ period: `[${brussels(period.start)},${brussels(period.end)})` })
      .where('id', '=', deploymentId)
      .execute()
    await postDeployment(trx, deploymentId)
  })
