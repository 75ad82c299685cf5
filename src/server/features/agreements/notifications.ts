// Who hears of an agreement's change (platform/notifications.ts), resolved in the transaction of the change:
// - to approval: the korpschefs of every party zone (they record their council's decision);
// - in force or ended: the korpschefs of every party zone and the association's admins;
// - a content change that voids approvals: the korpschefs of the zones whose approval was voided.
// The actor is left out: they made the change. Disabled accounts are left out too.
import type { Transaction } from 'kysely'
import { notify } from '../../platform/notifications.ts'
import type { Actor } from '../../platform/policy.ts'
import type { DB } from '../../platform/schema.ts'
import { agreementsRepository } from './repository.ts'

interface Changed {
  id: string
  title: string
  associationId: string
  partyZoneIds: readonly string[]
}

/** Active accounts that are korpschef of one of `zoneIds`, or (when given) admin of `associationId`; not the actor. */
const recipients = (
  trx: Transaction<DB>,
  actor: Actor,
  who: { korpschefsOf: readonly string[]; adminsOf?: string },
): Promise<string[]> => agreementsRepository(trx).notificationRecipients(actor.userId, who)

/** After a status change: tells those who must act or know (nothing for a return to draft). */
export async function notifyTransition(
  trx: Transaction<DB>,
  actor: Actor,
  agreement: Changed & { status: string; effectiveFrom: string | null; effectiveTo: string | null },
): Promise<void> {
  const object = { type: 'agreement', id: agreement.id } as const
  const { title } = agreement
  if (agreement.status === 'in_approval') {
    const to = await recipients(trx, actor, { korpschefsOf: agreement.partyZoneIds })
    await notify(trx, { recipients: to, kind: 'agreement.approval_requested', params: { title }, object })
    return
  }
  if (agreement.status !== 'in_force' && agreement.status !== 'ended') return
  const to = await recipients(trx, actor, {
    korpschefsOf: agreement.partyZoneIds,
    adminsOf: agreement.associationId,
  })
  if (agreement.status === 'in_force')
    await notify(trx, {
      recipients: to,
      kind: 'agreement.in_force',
      params: { title, effectiveFrom: agreement.effectiveFrom ?? '' },
      object,
    })
  else
    await notify(trx, {
      recipients: to,
      kind: 'agreement.ended',
      params: { title, effectiveTo: agreement.effectiveTo ?? '' },
      object,
    })
}

/** After an edit that voided approvals: the korpschefs of the zones whose approval no longer counts. */
export async function notifyApprovalsVoided(
  trx: Transaction<DB>,
  actor: Actor,
  agreement: Pick<Changed, 'id' | 'title'>,
  voidedZoneIds: readonly string[],
): Promise<void> {
  const to = await recipients(trx, actor, { korpschefsOf: [...new Set(voidedZoneIds)] })
  await notify(trx, {
    recipients: to,
    kind: 'agreement.approvals_voided',
    params: { title: agreement.title },
    object: { type: 'agreement', id: agreement.id },
  })
}
