// Swaps, give-aways and leave replacements: an officer offers a future duty (or the leave they enter raises a
// replacement need), eligible and rested colleagues of every covered zone are offered it, ranked by fairness; one
// takes it (or a planner assigns one), one planner per zone concerned approves, and on the last approval the
// duties change through the publication seam (publish.ts `reassignDuties`), in one transaction. Each transition
// locks the request row: of two concurrent takes, the second finds it taken (409 SWAP_STATE_CONFLICT).
import type { Kysely, Transaction } from 'kysely'
import { audit, type AuditAction } from '../../platform/audit.ts'
import { now } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { decide, scope, type Target } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { reassignDuties } from './publish.ts'
import { blockerFor, rankedCandidates, rotationForRules, type LoadedRotationForRules } from './swap-candidates.ts'
import { expired, notifySwap, peopleOf, presentCandidates, presentSwaps, zonesConcerned } from './swap-present.ts'
import type { DutyRow } from './roster-repository.ts'
import { swapRepository, type SwapRow } from './swap-repository.ts'
import type { SwapCreate, SwapRequest } from './swap-schema.ts'

const target = (row: { rotation_zone_ids: readonly string[]; association_id: string }): Target => ({
  zoneIds: row.rotation_zone_ids,
  associationIds: [row.association_id],
})

const asDuty = (d: DutyRow) => ({ rotationId: d.rotation_id, slotKey: d.slot_key, start: d.start, end: d.end })
const dutyOf = (row: SwapRow) => ({
  rotationId: row.rotation_id,
  slotKey: row.slot_key,
  start: row.start,
  end: row.end,
})

async function loadRotation(trx: Transaction<DB>, id: string): Promise<LoadedRotationForRules> {
  const rotation = await rotationForRules(trx, id)
  if (!rotation) throw new AppError('NOT_FOUND')
  return rotation
}

/** The concerned zones the caller may approve for (planner or korpschef there; the association's admin: all). */
async function approvableZones(ctx: PolicyContext, row: SwapRow): Promise<string[]> {
  const zones: string[] = []
  for (const zoneId of zonesConcerned(row))
    if ((await decide(ctx, 'swap.approve', { zoneIds: [zoneId], associationIds: [row.association_id] })).allowed)
      zones.push(zoneId)
  return zones
}

function writeAudit(trx: Transaction<DB>, ctx: PolicyContext, row: SwapRow, action: AuditAction, details = {}) {
  return audit.write(
    trx,
    ctx.actor,
    action,
    { type: 'swap_request', id: row.id },
    { kind: row.kind, rotationId: row.rotation_id, slotKey: row.slot_key, position: row.position, ...details },
    { chains: [...row.rotation_zone_ids], domain: row.domain_code },
  )
}

export function swapService(db: Kysely<DB>) {
  /** Loads (and, for a transition, locks) a request the caller may see, or 404. */
  async function visible(trx: Transaction<DB>, ctx: PolicyContext, id: string, lock = true): Promise<SwapRow> {
    const repo = swapRepository(trx)
    if (lock) await repo.lock(id)
    const row = await repo.byId(id)
    if (!row || !(await decide(ctx, 'swap.read', target(row))).allowed) throw new AppError('NOT_FOUND')
    return row
  }

  const assertState = (row: SwapRow, ...allowed: SwapRow['status'][]) => {
    if (expired(row, now())) throw new AppError('SWAP_EXPIRED', { start: row.start.toISOString() })
    if (!allowed.includes(row.status)) throw new AppError('SWAP_STATE_CONFLICT', { status: row.status })
  }

  const present = async (trx: Kysely<DB>, ctx: PolicyContext, id: string): Promise<SwapRequest> => {
    const row = await swapRepository(trx).byId(id)
    if (!row) throw new Error(`swap request ${id} vanished inside its transaction`)
    const [item] = await presentSwaps(trx, ctx, [row])
    if (!item) throw new Error('presentSwaps dropped a row')
    return item
  }

  /** Records the approvals; on the last one, the duties change (one transaction with the approval). */
  async function approveAs(trx: Transaction<DB>, ctx: PolicyContext, row: SwapRow, zones: readonly string[]) {
    const repo = swapRepository(trx)
    const at = now()
    const pending = zones.filter((z) => !row.approved_zone_ids.includes(z))
    if (pending.length === 0) throw new AppError('SWAP_ALREADY_APPROVED')
    for (const zoneId of pending) await repo.approve(row.id, zoneId, ctx.actor.userId, at)
    const approved = new Set([...row.approved_zone_ids, ...pending])
    const missing = zonesConcerned(row).filter((z) => !approved.has(z))
    if (missing.length > 0) {
      await notifySwap(trx, row, 'swap.approval_needed', { planners: missing })
      return
    }
    await apply(trx, ctx, row)
  }

  /** The duties change: the taker takes the duty; in a swap, the requester takes the taker's duty back. */
  async function apply(trx: Transaction<DB>, ctx: PolicyContext, row: SwapRow) {
    const repo = swapRepository(trx)
    const taker = row.taker_person_id
    const takerZone = row.taker_zone_id
    if (!taker || !takerZone) throw new AppError('SWAP_STATE_CONFLICT', { status: row.status })
    const duty = await repo.duty(row.duty_id)
    if (!duty?.in_force || duty.person_id !== row.requester_person_id) throw new AppError('SWAP_STALE')
    const ret = row.return_duty_id ? await repo.duty(row.return_duty_id) : null
    if (row.kind === 'swap' && (!ret?.in_force || ret.person_id !== taker)) throw new AppError('SWAP_STALE')
    // Again at approval: leave or another duty may have been entered since it was taken.
    const rotation = await loadRotation(trx, row.rotation_id)
    const rule = await blockerFor(trx, rotation, dutyOf(row), taker, ret?.id)
    if (rule) throw new AppError('SWAP_NOT_ELIGIBLE', { rule })
    const cause = row.kind === 'replacement' ? ('leave_replacement' as const) : ('swap' as const)
    const changes = [
      {
        rotation: rotation.row,
        zoneIds: rotation.zoneIds,
        slotKey: row.slot_key,
        position: row.position,
        start: row.start,
        end: row.end,
        current: duty,
        person: { id: taker, zoneId: takerZone },
        cause,
        causeId: row.id,
      },
    ]
    if (ret) {
      const back = await loadRotation(trx, ret.rotation_id)
      const backRule = await blockerFor(trx, back, asDuty(ret), row.requester_person_id, duty.id)
      if (backRule) throw new AppError('SWAP_RETURN_DUTY_INVALID', { rule: backRule })
      changes.push({
        rotation: back.row,
        zoneIds: back.zoneIds,
        slotKey: ret.slot_key,
        position: ret.position,
        start: ret.start,
        end: ret.end,
        current: ret,
        person: { id: row.requester_person_id, zoneId: row.requester_zone_id },
        cause,
        causeId: row.id,
      })
    }
    await reassignDuties(trx, changes, ctx.actor.userId)
    if (!(await repo.decide(row.id, ['taken'], 'approved', ctx.actor.userId, now())))
      throw new AppError('SWAP_STATE_CONFLICT')
    await notifySwap(trx, row, 'swap.approved', { people: true, planners: zonesConcerned(row) })
  }

  return {
    async list(ctx: PolicyContext, query: { status?: SwapRequest['status'] | undefined }): Promise<SwapRequest[]> {
      const read = await scope(ctx, 'swap.read')
      const rows = await swapRepository(db).list({
        zoneIds: read.zoneIds,
        associationIds: read.associationIds,
        endingAfter: now(),
      })
      const items = await presentSwaps(db, ctx, rows)
      return query.status ? items.filter((i) => i.status === query.status) : items
    },

    async get(ctx: PolicyContext, id: string) {
      return db.transaction().execute(async (trx) => {
        const row = await visible(trx, ctx, id, false)
        const request = await present(trx, ctx, id)
        const show = request.status === 'open' && (request.mine || request.canAssign)
        const ranked = show
          ? await rankedCandidates(trx, await loadRotation(trx, row.rotation_id), dutyOf(row), row.requester_person_id)
          : []
        return { request, candidates: await presentCandidates(trx, ctx, row, ranked) }
      })
    },

    create: (ctx0: PolicyContext, input: SwapCreate): Promise<SwapRequest> =>
      db.transaction().execute(async (trx) => {
        const ctx = ctx0.on(trx)
        const repo = swapRepository(trx)
        const duty = await repo.duty(input.dutyId)
        const rotation = duty && (await rotationForRules(trx, duty.rotation_id))
        if (!duty || !rotation) throw new AppError('NOT_FOUND')
        if (!(await decide(ctx, 'swap.request', { zoneIds: [duty.zone_id], personId: duty.person_id })).allowed) {
          const seen = { zoneIds: rotation.zoneIds, associationIds: [rotation.row.association_id] }
          throw new AppError((await decide(ctx, 'rotation.read', seen)).allowed ? 'FORBIDDEN' : 'NOT_FOUND')
        }
        if (!duty.in_force || duty.start.getTime() <= now().getTime()) throw new AppError('SWAP_DUTY_NOT_OPEN')
        const { id } = await repo.insert({
          kind: input.kind,
          duty,
          requesterZoneId: duty.zone_id,
          requestedBy: ctx.actor.userId,
          note: input.note?.trim() || null,
          unavailabilityId: null,
          at: now(),
        })
        const row = await repo.byId(id)
        if (!row) throw new Error(`swap request ${id} vanished inside its transaction`)
        const ranked = await rankedCandidates(trx, rotation, dutyOf(row), row.requester_person_id)
        await notifySwap(trx, row, 'swap.offered', { persons: ranked.map((c) => c.personId) })
        await writeAudit(trx, ctx, row, 'swap.request', { candidates: ranked.length })
        return present(trx, ctx, id)
      }),

    take: (ctx0: PolicyContext, id: string, input: { returnDutyId?: string | undefined }) =>
      db.transaction().execute(async (trx) => {
        const ctx = ctx0.on(trx)
        const row = await visible(trx, ctx, id)
        if (!(await decide(ctx, 'swap.take', target(row))).allowed) throw new AppError('FORBIDDEN')
        assertState(row, 'open')
        const personId = ctx.actor.personId
        if (!personId || personId === row.requester_person_id) throw new AppError('SWAP_NOT_ELIGIBLE')
        const repo = swapRepository(trx)
        let returnDutyId: string | null = null
        if (row.kind === 'swap') {
          const ret = input.returnDutyId ? await repo.duty(input.returnDutyId) : undefined
          if (!ret?.in_force || ret.person_id !== personId || ret.start.getTime() <= now().getTime())
            throw new AppError('SWAP_RETURN_DUTY_INVALID')
          const back = await loadRotation(trx, ret.rotation_id)
          const rule = await blockerFor(trx, back, asDuty(ret), row.requester_person_id, row.duty_id)
          if (rule) throw new AppError('SWAP_RETURN_DUTY_INVALID', { rule })
          returnDutyId = ret.id
        } else if (input.returnDutyId) throw new AppError('SWAP_RETURN_DUTY_INVALID')
        const rotation = await loadRotation(trx, row.rotation_id)
        const rule = await blockerFor(trx, rotation, dutyOf(row), personId, returnDutyId ?? undefined)
        if (rule) throw new AppError('SWAP_NOT_ELIGIBLE', { rule })
        const member = (await peopleOf(trx, [personId]))[0]
        if (!member) throw new AppError('SWAP_NOT_ELIGIBLE')
        if (!(await repo.take(id, { personId, zoneId: member.zone_id }, returnDutyId, now())))
          throw new AppError('SWAP_STATE_CONFLICT')
        const taken = await repo.byId(id)
        if (!taken) throw new Error('vanished')
        await notifySwap(trx, taken, 'swap.taken', { requester: true })
        await notifySwap(trx, taken, 'swap.approval_needed', { planners: zonesConcerned(taken) })
        await writeAudit(trx, ctx, taken, 'swap.take', { takerPersonId: personId, returnDutyId })
        return present(trx, ctx, id)
      }),

    assign: (ctx0: PolicyContext, id: string, input: { personId: string }) =>
      db.transaction().execute(async (trx) => {
        const ctx = ctx0.on(trx)
        const row = await visible(trx, ctx, id)
        // The planner of the requester's zone assigns (the taker's zone, if another, still approves).
        const own = await decide(ctx, 'swap.approve', {
          zoneIds: [row.requester_zone_id],
          associationIds: [row.association_id],
        })
        if (!own.allowed) throw new AppError('FORBIDDEN')
        assertState(row, 'open')
        if (row.kind === 'swap') throw new AppError('SWAP_RETURN_DUTY_INVALID')
        const rotation = await loadRotation(trx, row.rotation_id)
        const rule =
          input.personId === row.requester_person_id
            ? 'NOT_ELIGIBLE'
            : await blockerFor(trx, rotation, dutyOf(row), input.personId)
        if (rule) throw new AppError('SWAP_NOT_ELIGIBLE', { rule })
        const person = (await peopleOf(trx, [input.personId]))[0]
        if (!person) throw new AppError('SWAP_NOT_ELIGIBLE')
        const repo = swapRepository(trx)
        if (!(await repo.take(id, { personId: person.id, zoneId: person.zone_id }, null, now())))
          throw new AppError('SWAP_STATE_CONFLICT')
        const taken = await repo.byId(id)
        if (!taken) throw new Error('vanished')
        await writeAudit(trx, ctx, taken, 'swap.take', { takerPersonId: person.id, assigned: true })
        await approveAs(trx, ctx, taken, await approvableZones(ctx, taken))
        await writeAudit(trx, ctx, taken, 'swap.approve')
        return present(trx, ctx, id)
      }),

    approve: (ctx0: PolicyContext, id: string) =>
      db.transaction().execute(async (trx) => {
        const ctx = ctx0.on(trx)
        const row = await visible(trx, ctx, id)
        const zones = await approvableZones(ctx, row)
        if (zones.length === 0) throw new AppError('FORBIDDEN')
        assertState(row, 'taken')
        await approveAs(trx, ctx, row, zones)
        await writeAudit(trx, ctx, row, 'swap.approve', { zoneIds: zones })
        return present(trx, ctx, id)
      }),

    reject: (ctx0: PolicyContext, id: string, reason: string | undefined) =>
      db.transaction().execute(async (trx) => {
        const ctx = ctx0.on(trx)
        const row = await visible(trx, ctx, id)
        if ((await approvableZones(ctx, row)).length === 0) throw new AppError('FORBIDDEN')
        assertState(row, 'open', 'taken')
        if (!(await swapRepository(trx).decide(id, ['open', 'taken'], 'rejected', ctx.actor.userId, now())))
          throw new AppError('SWAP_STATE_CONFLICT')
        await notifySwap(trx, row, 'swap.rejected', { people: true })
        await writeAudit(trx, ctx, row, 'swap.reject', { reason: reason ?? null })
        return present(trx, ctx, id)
      }),

    withdraw: (ctx0: PolicyContext, id: string) =>
      db.transaction().execute(async (trx) => {
        const ctx = ctx0.on(trx)
        const row = await visible(trx, ctx, id)
        const self = { zoneIds: [row.requester_zone_id], personId: row.requester_person_id }
        if (!(await decide(ctx, 'swap.request', self)).allowed) throw new AppError('FORBIDDEN')
        assertState(row, 'open', 'taken')
        if (!(await swapRepository(trx).decide(id, ['open', 'taken'], 'withdrawn', ctx.actor.userId, now())))
          throw new AppError('SWAP_STATE_CONFLICT')
        if (row.taker_person_id) await notifySwap(trx, row, 'swap.rejected', { taker: true })
        await writeAudit(trx, ctx, row, 'swap.withdraw')
        return present(trx, ctx, id)
      }),
  }
}

export type SwapService = ReturnType<typeof swapService>
