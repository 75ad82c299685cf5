// Publishing a draft and overriding a duty: the duties in force change by closing the current row (its
// `recorded` ends now) and inserting the new one, so the past stays answerable as it was known. Slots that
// started before now are never touched. The exclusion constraints of migration 0012 have the last word on a
// person in two duties and on two publications at once (DUTY_OVERLAP, ROSTER_SLOT_TAKEN).
import type { Kysely, Transaction } from 'kysely'
import { now } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { notify } from '../../platform/notifications.ts'
import { emit } from '../../platform/outbox.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { isEligible } from './domain/eligibility.ts'
import type { Eligibility } from './domain/types.ts'
import { rosterRepository, type RosterRepository } from './roster-repository.ts'
import { rotationsRepository } from './repository.ts'
import { auditRotation, manageableRotation } from './service.ts'

function event(
  rotation: { id: string; association_id: string; domain_code: string },
  zoneIds: readonly string[],
  type: string,
  payload: Record<string, unknown>,
) {
  return {
    type,
    zoneId: zoneIds[0] ?? null,
    associationId: rotation.association_id,
    domain: rotation.domain_code,
    // coveredZoneIds: the delivery rule of /api/events sends it to the rotation's readers only (events/domain.ts).
    payload: { rotationId: rotation.id, coveredZoneIds: [...zoneIds], ...payload },
  }
}

/** Tells the people whose duties changed (those with an account), one notification each. */
async function notifyChanged(
  trx: Transaction<DB>,
  repo: RosterRepository,
  rotation: { id: string; name: string },
  changed: ReadonlyMap<string, number>,
) {
  const users = await repo.usersOf([...changed.keys()])
  for (const u of users)
    await notify(trx, {
      recipients: [u.id],
      kind: 'roster.duties_changed',
      params: { rotation: rotation.name, count: String(changed.get(u.person_id ?? '') ?? 0) },
      object: { type: 'rotation', id: rotation.id },
    })
}

const bump = (m: Map<string, number>, id: string) => m.set(id, (m.get(id) ?? 0) + 1)

export function publishChanges(db: Kysely<DB>, outer: PolicyContext, rotationId: string, versionId: string) {
  return db.transaction().execute(async (trx) => {
    const ctx = outer.on(trx)
    // The rotation row is locked: two publications of one rotation run one after the other.
    const { row, zoneIds } = await manageableRotation(rotationsRepository(trx), ctx, rotationId)
    const repo = rosterRepository(trx)
    const version = await repo.version(versionId, true)
    if (!version || version.rotation_id !== rotationId) throw new AppError('NOT_FOUND')
    const state = (version.solver as { state?: string } | null)?.state
    if (version.status !== 'draft' || state !== 'done')
      throw new AppError('ROSTER_VERSION_NOT_DRAFT', { status: version.status, state: state ?? null })
    const at = now()
    const slots = await repo.slots(versionId)
    const inForce = await repo.duties(rotationId, version.from, new Date(version.to.getTime() + 8 * 86_400_000))
    const current = new Map(inForce.map((d) => [`${d.slot_key}#${d.position}`, d]))
    const people = new Map(
      (await repo.people(slots.flatMap((s) => (s.person_id ? [s.person_id] : [])))).map((p) => [p.id, p]),
    )
    const changed = new Map<string, number>()
    let closed = 0
    let inserted = 0
    const keys = new Set(slots.map((s) => `${s.slot_key}#${s.position}`))
    // Duties of slots the draft no longer has (the pattern changed), in the future: closed.
    for (const d of inForce)
      if (!keys.has(`${d.slot_key}#${d.position}`) && d.start >= at && d.start < version.to && !d.pinned) {
        await repo.closeDuty(d.id, at)
        bump(changed, d.person_id)
        closed++
      }
    for (const s of slots) {
      if (s.start < at || s.pinned) continue // the past, and pinned slots, stay as they are
      const before = current.get(`${s.slot_key}#${s.position}`)
      if ((before?.person_id ?? null) === s.person_id || before?.pinned) continue
      if (before) {
        await repo.closeDuty(before.id, at)
        bump(changed, before.person_id)
        closed++
      }
      const person = s.person_id ? people.get(s.person_id) : undefined
      if (!person) continue
      await repo.insertDuty({
        rotationId,
        slotKey: s.slot_key,
        position: s.position,
        start: s.start,
        end: s.end,
        dutyKind: row.duty_kind,
        personId: person.id,
        zoneId: person.zone_id,
        pinned: false,
        cause: 'roster',
        versionId,
        causeId: null,
        at,
        by: ctx.actor.userId,
      })
      bump(changed, person.id)
      inserted++
    }
    await repo.markPublished(versionId, ctx.actor.userId, at)
    await emit(trx, event(row, zoneIds, 'roster.published', { versionId, closed, inserted }))
    await notifyChanged(trx, repo, row, changed)
    await auditRotation(
      trx,
      ctx.actor,
      zoneIds,
      'roster.publish',
      { type: 'rotation', id: rotationId },
      {
        versionId,
        version: version.version,
        closed,
        inserted,
      },
      row.domain_code,
    )
    return { versionId, version: version.version, publishedAt: at.toISOString(), closed, inserted }
  })
}

export function overrideDuty(
  db: Kysely<DB>,
  outer: PolicyContext,
  rotationId: string,
  input: { slotKey: string; position: number; personId: string; reason: string },
) {
  return db.transaction().execute(async (trx) => {
    const ctx = outer.on(trx)
    const { row, zoneIds } = await manageableRotation(rotationsRepository(trx), ctx, rotationId)
    const repo = rosterRepository(trx)
    const at = now()
    // The slot's period: from its duty in force, or from the latest published version that planned it.
    const slot = await repo.slotPeriod(rotationId, input.slotKey, input.position)
    if (!slot || slot.end <= at)
      throw new AppError('ROSTER_SLOT_UNKNOWN', { slotKey: input.slotKey, position: input.position })
    const members = await rotationsRepository(trx).members(rotationId)
    const member = members.find((m) => m.person_id === input.personId)
    const candidate = member && {
      id: member.person_id,
      zoneId: member.zone_id,
      rank: member.rank,
      qualifications: member.qualifications ?? [],
    }
    if (!candidate || !zoneIds.includes(candidate.zoneId)) throw new AppError('ROTATION_MEMBER_ZONE')
    if (!isEligible(row.eligibility as unknown as Eligibility, candidate))
      throw new AppError('ROTATION_MEMBER_NOT_ELIGIBLE')
    const current = (await repo.duties(rotationId, slot.start, slot.end)).find(
      (d) => d.slot_key === input.slotKey && d.position === input.position,
    )
    const changed = new Map<string, number>()
    if (current) {
      if (current.person_id === input.personId) return { dutyId: current.id, unchanged: true }
      await repo.closeDuty(current.id, at)
      bump(changed, current.person_id)
    }
    const { id } = await repo.insertDuty({
      rotationId,
      slotKey: input.slotKey,
      position: input.position,
      start: slot.start,
      end: slot.end,
      dutyKind: row.duty_kind,
      personId: candidate.id,
      zoneId: candidate.zoneId,
      pinned: true, // a planner's choice: a later re-solve keeps it
      cause: 'override',
      versionId: null,
      causeId: null,
      at,
      by: ctx.actor.userId,
    })
    bump(changed, candidate.id)
    await emit(
      trx,
      event(row, zoneIds, 'duty.changed', { slotKey: input.slotKey, position: input.position, dutyId: id }),
    )
    await notifyChanged(trx, repo, row, changed)
    await auditRotation(
      trx,
      ctx.actor,
      zoneIds,
      'duty.override',
      { type: 'rotation', id: rotationId },
      {
        slotKey: input.slotKey,
        position: input.position,
        before: current?.person_id ?? null,
        after: candidate.id,
        reason: input.reason,
      },
      row.domain_code,
    )
    return { dutyId: id, unchanged: false }
  })
}
