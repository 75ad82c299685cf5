// Leave over assigned duties raises replacement needs (in the transaction that enters the leave); the planner's
// gaps (published slots with no one on duty, and open needs); one's own upcoming duties.
import type { Kysely, Transaction } from 'kysely'
import { audit } from '../../platform/audit.ts'
import { now } from '../../platform/clock.ts'
import { scope, type Actor } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { rankedCandidates, rotationForRules } from './swap-candidates.ts'
import { notifySwap, presentSwaps } from './swap-present.ts'
import { rotationsRepository } from './repository.ts'
import { swapRepository } from './swap-repository.ts'

const DAY = 86_400_000

/**
 * Leave or unavailability entered over a person's published future duties: one replacement need per duty (unless
 * one is already open on it), offered to the ranked candidates, announced to the planners of the person's zone.
 * Runs in the caller's transaction (availability), so the leave and its needs commit together.
 */
export async function raiseReplacementNeeds(
  trx: Transaction<DB>,
  actor: Actor,
  leave: { id: string; personId: string; zoneId: string; start: Date; end: Date },
): Promise<number> {
  const repo = swapRepository(trx)
  const at = now()
  const duties = (await repo.dutiesOf([leave.personId], leave.start, leave.end)).filter(
    (d) => d.start.getTime() > at.getTime(),
  )
  let raised = 0
  for (const duty of duties) {
    if (await repo.activeOnPosition(duty.rotation_id, duty.slot_key, duty.position)) continue
    const rotation = await rotationForRules(trx, duty.rotation_id)
    if (!rotation) continue
    const { id } = await repo.insert({
      kind: 'replacement',
      duty,
      requesterZoneId: leave.zoneId,
      requestedBy: actor.userId,
      note: null,
      unavailabilityId: leave.id,
      at,
    })
    const row = await repo.byId(id)
    if (!row) throw new Error(`swap request ${id} vanished inside its transaction`)
    const ranked = await rankedCandidates(
      trx,
      rotation,
      { rotationId: row.rotation_id, slotKey: row.slot_key, start: row.start, end: row.end },
      leave.personId,
    )
    await notifySwap(trx, row, 'replacement.needed', { planners: [leave.zoneId] })
    await notifySwap(trx, row, 'swap.offered', { persons: ranked.map((c) => c.personId) })
    await audit.write(
      trx,
      actor,
      'swap.request',
      { type: 'swap_request', id },
      { kind: 'replacement', rotationId: row.rotation_id, slotKey: row.slot_key, candidates: ranked.length },
      { chains: [...row.rotation_zone_ids], domain: row.domain_code },
    )
    raised++
  }
  return raised
}

export function swapNeedsService(db: Kysely<DB>) {
  return {
    /** Published slots without a duty in force and open replacement needs, for the rotations the caller manages. */
    async gaps(ctx: PolicyContext, days: number) {
      const manage = await scope(ctx, 'rotation.manage')
      const rotations = await rotationsRepository(db).listVisible(manage, {})
      const byId = new Map(rotations.map((r) => [r.id, r]))
      const at = now()
      const slots = await swapRepository(db).gaps([...byId.keys()], at, new Date(at.getTime() + days * DAY))
      const needs = (
        await swapRepository(db).list({
          zoneIds: manage.zoneIds,
          associationIds: manage.associationIds,
          endingAfter: at,
          statuses: ['open', 'taken'],
        })
      ).filter((r) => r.kind === 'replacement' && r.start.getTime() > at.getTime())
      return {
        slots: slots.flatMap((s) => {
          const r = byId.get(s.rotation_id)
          return r
            ? [
                {
                  rotation: { id: r.id, name: r.name, domain: r.domain_code },
                  slotKey: s.slot_key,
                  position: s.position,
                  from: s.start.toISOString(),
                  until: s.end.toISOString(),
                },
              ]
            : []
        }),
        needs: await presentSwaps(db, ctx, needs),
      }
    },

    /** The caller's own duties in force that have not ended, with the open request on each. */
    async mine(ctx: PolicyContext) {
      const personId = ctx.actor.personId
      if (!personId) return { items: [] }
      const repo = swapRepository(db)
      const duties = await repo.upcoming(personId, now())
      const active = await repo.activeOf(personId)
      const requestOf = new Map(active.map((a) => [a.duty_id, a.id]))
      return {
        items: duties.map((d) => ({
          dutyId: d.id,
          rotation: { id: d.rotation_id, name: d.rotation_name, domain: d.domain_code },
          slotKey: d.slot_key,
          position: d.position,
          dutyKind: d.duty_kind,
          from: d.start.toISOString(),
          until: d.end.toISOString(),
          requestId: requestOf.get(d.id) ?? null,
        })),
      }
    },
  }
}
