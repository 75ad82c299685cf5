// Rotations and their members: set-up use cases. Each write is one transaction: policy, validation (pure
// helpers in validate.ts), the rows, the visibility reasons a membership gives, and the audit entries in the
// chain of every covered zone.
import type { Kysely, Transaction } from 'kysely'
import { actorFields, audit, type AuditAction } from '../../platform/audit.ts'
import { now, today } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { loadGrants } from '../../platform/grants.ts'
import { memoOf } from '../../platform/memo.ts'
import { actorZones, decide, scope, type Actor, type Scope, type Target } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { dayBefore } from '../../platform/time.ts'
import { addReasons, removeReasonsOf } from '../../platform/visibility.ts'
import { isEligible } from './domain/eligibility.ts'
import type { Eligibility, ZoneKey } from './domain/types.ts'
import { defaultEligibility, rulesFor, weightsFor, type PermanenceDomain } from './presets.ts'
import { ROTATIONS_TOPIC, rotationsRepository, type RotationRow, type RotationsRepository } from './repository.ts'
import type { Member, MemberCreate, Rotation, RotationCreate, RotationPatch } from './schema.ts'
import { assertPattern, assertPeriod, assertShared, assertZoneKey } from './validate.ts'

type ZoneRow = Awaited<ReturnType<RotationsRepository['zonesOf']>>[number]

/** A rotation for the policy: it belongs to its covered zones and to its association. */
export const rotationTarget = (row: { association_id: string }, zoneIds: readonly string[]): Target => ({
  zoneIds,
  associationIds: [row.association_id],
})

export interface LoadedRotation {
  row: RotationRow
  zones: ZoneRow[]
  zoneIds: string[]
}

/** Loads a rotation the actor may see (rotation.read), or answers 404 — never a hint that it exists. */
export async function visibleRotation(
  repo: RotationsRepository,
  ctx: PolicyContext,
  id: string,
  forUpdate = false,
): Promise<LoadedRotation> {
  const row = await repo.byId(id, forUpdate)
  if (!row) throw new AppError('NOT_FOUND')
  const zones = await repo.zonesOf([id])
  const zoneIds = zones.map((z) => z.zone_id)
  if (!(await decide(ctx, 'rotation.read', rotationTarget(row, zoneIds))).allowed) throw new AppError('NOT_FOUND')
  return { row, zones, zoneIds }
}

/** The same, for a change: visible but not manageable is 403 (the caller knows it exists). */
export async function manageableRotation(repo: RotationsRepository, ctx: PolicyContext, id: string) {
  const loaded = await visibleRotation(repo, ctx, id, true)
  if (!(await decide(ctx, 'rotation.manage', rotationTarget(loaded.row, loaded.zoneIds))).allowed)
    throw new AppError('FORBIDDEN')
  return loaded
}

/** Every write about a rotation goes to the chain of every covered zone, and to the actor's own. */
export function auditRotation(
  trx: Transaction<DB>,
  actor: Actor,
  zoneIds: readonly string[],
  action: AuditAction,
  object: { type: string; id: string },
  details: Record<string, unknown>,
  domain?: string,
) {
  return audit.write(trx, actor, action, object, details, {
    chains: [...zoneIds, actorFields(actor).chainZoneId],
    ...(domain ? { domain } : {}),
  })
}

function present(row: RotationRow, zones: readonly ZoneRow[], canManage: boolean): Rotation {
  const domain = row.domain_code as PermanenceDomain
  return {
    id: row.id,
    associationId: row.association_id,
    domain,
    name: row.name,
    zones: zones.map((z) => ({
      zoneId: z.zone_id,
      code: z.code,
      name: z.name,
      weight: z.weight === null ? null : Number(z.weight),
    })),
    dutyKind: row.duty_kind,
    peoplePerSlot: row.people_per_slot,
    pattern: row.pattern as Rotation['pattern'],
    eligibility: row.eligibility as Rotation['eligibility'],
    zoneKey: row.zone_key as Rotation['zoneKey'],
    rules: rulesFor(domain, row.rules as Partial<Rotation['rules']>),
    weights: weightsFor(row.weights as Partial<Rotation['weights']>),
    validFrom: row.valid_from,
    validTo: row.valid_to,
    canManage,
  }
}

const customWeights = (key: ZoneKey): Readonly<Record<string, number>> | null =>
  key.kind === 'custom' ? key.weights : null

type MemberRow = Awaited<ReturnType<RotationsRepository['members']>>[number]
const presentMember = (m: MemberRow): Member => ({
  id: m.id,
  rotationId: m.rotation_id,
  personId: m.person_id,
  zoneId: m.zone_id,
  firstName: m.first_name,
  lastName: m.last_name,
  rank: m.rank,
  from: m.from,
  to: m.to,
})

export function rotationsService(db: Kysely<DB>) {
  /**
   * The rotations a scope reaches, with their zones: from memory on the root `db` until a rotation or its zones
   * change (ROTATIONS_TOPIC, sent by the repository's writes) — the scope (roles, grants, date) is the key.
   */
  async function visibleRows(read: Scope, filter: { associationId?: string | undefined; domain?: string | undefined }) {
    const load = async () => {
      const repo = rotationsRepository(db)
      const rows = await repo.listVisible(read, filter)
      return Object.freeze({ rows, zones: await repo.zonesOf(rows.map((r) => r.id)) })
    }
    const memo = memoOf<{ rows: RotationRow[]; zones: ZoneRow[] }>(db, 'rotations.visible', {
      topics: [ROTATIONS_TOPIC],
      size: 1_000,
      maxAgeMs: 30_000,
    })
    if (!memo) return load()
    const key = JSON.stringify([
      [...read.zoneIds].sort(),
      [...read.associationIds].sort(),
      filter.associationId ?? null,
      filter.domain ?? null,
    ])
    return memo.get(key, load)
  }

  const write = <T>(
    outer: PolicyContext,
    fn: (trx: Transaction<DB>, repo: RotationsRepository, ctx: PolicyContext) => Promise<T>,
  ) => db.transaction().execute((trx) => fn(trx, rotationsRepository(trx), outer.on(trx)))

  async function detail(repo: RotationsRepository, ctx: PolicyContext, id: string): Promise<Rotation> {
    const { row, zones, zoneIds } = await visibleRotation(repo, ctx, id)
    const canManage = (await decide(ctx, 'rotation.manage', rotationTarget(row, zoneIds))).allowed
    return present(row, zones, canManage)
  }

  return {
    /** The rotations `read` (the scope of rotation.read) reaches, with their zones, as rows (the on-duty board). */
    visibleRows: (read: Scope) => visibleRows(read, {}),

    async list(ctx: PolicyContext, filter: { associationId?: string | undefined; domain?: string | undefined }) {
      const [read, manage] = [await scope(ctx, 'rotation.read'), await scope(ctx, 'rotation.manage')]
      const { rows, zones } = await visibleRows(read, filter)
      return rows.map((row) => {
        const own = zones.filter((z) => z.rotation_id === row.id)
        const canManage =
          manage.associationIds.includes(row.association_id) || own.some((z) => manage.zoneIds.includes(z.zone_id))
        return present(row, own, canManage)
      })
    },

    get: (ctx: PolicyContext, id: string) => detail(rotationsRepository(db), ctx, id),

    create: (outer: PolicyContext, input: RotationCreate) =>
      write(outer, async (trx, repo, ctx) => {
        if (!(await repo.associationExists(input.associationId))) throw new AppError('NOT_FOUND')
        // Associations and zones are public facts: a caller who may not set up a rotation there is refused.
        const target = rotationTarget({ association_id: input.associationId }, input.zoneIds)
        if (!(await decide(ctx, 'rotation.manage', target)).allowed) throw new AppError('FORBIDDEN')
        const date = today()
        const members = await repo.memberZoneIds(input.associationId, input.zoneIds, date)
        if (members.length !== input.zoneIds.length)
          throw new AppError('ROTATION_ZONES_INVALID', {
            zoneIds: input.zoneIds.filter((z) => !members.includes(z)),
          })
        const grants = await loadGrants(trx, input.zoneIds, date)
        assertShared(input.zoneIds, input.domain, input.associationId, grants)
        assertPattern(input.pattern, input.validFrom)
        const zoneKey: ZoneKey = input.zoneKey ?? { kind: 'equal' }
        assertZoneKey(zoneKey, input.zoneIds)
        assertPeriod(input.validFrom, input.validTo ?? null)
        const eligibility: Eligibility = input.eligibility ?? defaultEligibility(input.domain)
        const at = now()
        const id = await repo.insert(
          {
            association_id: input.associationId,
            domain_code: input.domain,
            name: input.name.trim(),
            duty_kind: input.dutyKind,
            people_per_slot: input.peoplePerSlot ?? 1,
            pattern: input.pattern,
            eligibility,
            zone_key: zoneKey,
            rules: rulesFor(input.domain, input.rules),
            weights: weightsFor(input.weights),
            valid_from: input.validFrom,
            valid_to: input.validTo ?? null,
          },
          at,
        )
        const weights = customWeights(zoneKey)
        await repo.insertZones(
          id,
          input.zoneIds.map((zoneId) => ({ zoneId, weight: weights?.[zoneId] ?? null })),
        )
        await auditRotation(
          trx,
          ctx.actor,
          input.zoneIds,
          'rotation.create',
          { type: 'rotation', id },
          {
            name: input.name.trim(),
            domain: input.domain,
            zoneIds: [...input.zoneIds].sort(),
            dutyKind: input.dutyKind,
            pattern: input.pattern,
            zoneKey,
            validFrom: input.validFrom,
            validTo: input.validTo ?? null,
          },
          input.domain,
        )
        return detail(repo, ctx, id)
      }),

    update: (outer: PolicyContext, id: string, patch: RotationPatch) =>
      write(outer, async (trx, repo, ctx) => {
        const { row, zoneIds } = await manageableRotation(repo, ctx, id)
        if (patch.pattern) assertPattern(patch.pattern, patch.validFrom ?? row.valid_from)
        if (patch.zoneKey) assertZoneKey(patch.zoneKey, zoneIds)
        const validTo = patch.validTo !== undefined ? patch.validTo : row.valid_to
        assertPeriod(patch.validFrom ?? row.valid_from, validTo)
        const domain = row.domain_code as PermanenceDomain
        await repo.update(
          id,
          {
            ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
            ...(patch.dutyKind !== undefined ? { duty_kind: patch.dutyKind } : {}),
            ...(patch.peoplePerSlot !== undefined ? { people_per_slot: patch.peoplePerSlot } : {}),
            ...(patch.pattern !== undefined ? { pattern: patch.pattern } : {}),
            ...(patch.eligibility !== undefined ? { eligibility: patch.eligibility } : {}),
            ...(patch.zoneKey !== undefined ? { zone_key: patch.zoneKey } : {}),
            ...(patch.rules !== undefined
              ? { rules: rulesFor(domain, { ...(row.rules as object), ...patch.rules }) }
              : {}),
            ...(patch.weights !== undefined
              ? { weights: weightsFor({ ...(row.weights as object), ...patch.weights }) }
              : {}),
            ...(patch.validFrom !== undefined ? { valid_from: patch.validFrom } : {}),
            ...(patch.validTo !== undefined ? { valid_to: patch.validTo } : {}),
          },
          now(),
        )
        if (patch.zoneKey) await repo.setZoneWeights(id, customWeights(patch.zoneKey))
        await auditRotation(
          trx,
          ctx.actor,
          zoneIds,
          'rotation.update',
          { type: 'rotation', id },
          {
            changed: Object.keys(patch).sort(),
            ...patch,
          },
          domain,
        )
        return detail(repo, ctx, id)
      }),

    async members(ctx: PolicyContext, id: string): Promise<Member[]> {
      const repo = rotationsRepository(db)
      const { row } = await visibleRotation(repo, ctx, id)
      const rows = await repo.members(id)
      const own = actorZones(ctx.actor)
      const partner = rows.filter((m) => !own.includes(m.zone_id))
      if (partner.length > 0)
        await db.transaction().execute((trx) =>
          audit.partnerReads(
            trx,
            ctx.actor,
            [...new Set(partner.map((m) => m.zone_id))].map((zoneId) => ({
              zoneId,
              action: 'person.list' as const,
              reasons: [{ kind: 'rotation', domain: row.domain_code }],
              object: { type: 'rotation', id },
              details: { personIds: partner.filter((m) => m.zone_id === zoneId).map((m) => m.person_id) },
            })),
          ),
        )
      return rows.map(presentMember)
    },

    addMember: (outer: PolicyContext, id: string, input: MemberCreate) =>
      write(outer, async (trx, repo, ctx) => {
        const { row, zoneIds } = await manageableRotation(repo, ctx, id)
        const person = await repo.person(input.personId)
        // A planner adds people of their own zone; the association's admin, of any covered zone. Anyone else's
        // person, or an unknown id, gets the same answer (no hint about another zone's staff).
        const own = actorZones(ctx.actor)
        const admin = (await decide(ctx, 'rotation.manage', { associationIds: [row.association_id] })).allowed
        if (!person || !zoneIds.includes(person.zone_id) || (!admin && !own.includes(person.zone_id)))
          throw new AppError('ROTATION_MEMBER_ZONE')
        const eligibility = row.eligibility as unknown as Eligibility
        const candidate = {
          id: person.id,
          zoneId: person.zone_id,
          rank: person.rank,
          qualifications: person.qualifications ?? [],
        }
        if (!isEligible(eligibility, candidate))
          throw new AppError('ROTATION_MEMBER_NOT_ELIGIBLE', {
            rank: person.rank,
            qualifications: person.qualifications ?? [],
          })
        const from = input.from ?? today()
        const to = input.to ?? null
        assertPeriod(from, to)
        const memberId = await repo.insertMember({
          rotationId: id,
          zoneId: person.zone_id,
          personId: person.id,
          from,
          to,
        })
        await addReasons(
          trx,
          zoneIds
            .filter((z) => z !== person.zone_id)
            .map((partnerZoneId) => ({
              personId: person.id,
              ownerZoneId: person.zone_id,
              partnerZoneId,
              domain: row.domain_code,
              kind: 'rotation',
              source: { table: 'rotation_members', id: memberId },
              from,
              to,
            })),
        )
        await auditRotation(
          trx,
          ctx.actor,
          zoneIds,
          'rotation.member_add',
          { type: 'rotation', id },
          {
            memberId,
            personId: person.id,
            zoneId: person.zone_id,
            from,
            to,
          },
          row.domain_code,
        )
        const [member] = (await repo.members(id)).filter((m) => m.id === memberId)
        if (!member) throw new AppError('NOT_FOUND')
        return presentMember(member)
      }),

    endMember: (outer: PolicyContext, id: string, memberId: string, lastDay: string | undefined) =>
      write(outer, async (trx, repo, ctx) => {
        const { row, zoneIds } = await manageableRotation(repo, ctx, id)
        const member = await repo.member(id, memberId)
        if (!member) throw new AppError('NOT_FOUND')
        const own = actorZones(ctx.actor)
        const admin = (await decide(ctx, 'rotation.manage', { associationIds: [row.association_id] })).allowed
        if (!admin && !own.includes(member.zone_id)) throw new AppError('FORBIDDEN')
        const last = lastDay ?? dayBefore(today())
        if (member.to !== null && member.to < last) throw new AppError('ROTATION_PERIOD_INVALID', { to: member.to })
        const source = { table: 'rotation_members', id: memberId }
        await removeReasonsOf(trx, source)
        const kept = await repo.endMember(memberId, last)
        if (kept)
          await addReasons(
            trx,
            zoneIds
              .filter((z) => z !== member.zone_id)
              .map((partnerZoneId) => ({
                personId: member.person_id,
                ownerZoneId: member.zone_id,
                partnerZoneId,
                domain: row.domain_code,
                kind: 'rotation',
                source,
                from: member.from,
                to: last,
              })),
          )
        await auditRotation(
          trx,
          ctx.actor,
          zoneIds,
          'rotation.member_end',
          { type: 'rotation', id },
          {
            memberId,
            personId: member.person_id,
            lastDay: last,
            removed: !kept,
          },
          row.domain_code,
        )
        return { id: memberId, personId: member.person_id, from: member.from, to: kept ? last : null, removed: !kept }
      }),
  }
}
