// The SQL of rotations and their members. Built from the transaction (or the pool) the service holds.
import { sql, type Kysely, type Transaction } from 'kysely'
import { registerConstraintCodes } from '../../platform/errors.ts'
import { notifyInvalidation } from '../../platform/invalidation.ts'
import { inScope } from '../../platform/policy/sql.ts'
import type { Scope } from '../../platform/policy.ts'
import type { DB } from '../../platform/schema.ts'
import { personVisible, type VisibilityScope } from '../../platform/visibility.ts'

registerConstraintCodes({
  rotations_name_unique: 'ROTATION_NAME_TAKEN',
  rotation_members_no_overlap: 'ROTATION_MEMBER_EXISTS',
  duties_person_no_overlap: 'DUTY_OVERLAP',
  duties_position_taken: 'ROSTER_SLOT_TAKEN',
})

type Db = Kysely<DB> | Transaction<DB>

/**
 * The invalidation topic of a change to rotations or their covered zones (no trigger of migration 0011 covers
 * these tables): every write below sends it in its transaction, and the visible-rotations memo listens to it.
 */
export const ROTATIONS_TOPIC = 'rotations'

export interface RotationRowInput {
  association_id: string
  domain_code: string
  name: string
  duty_kind: 'on_call' | 'present'
  people_per_slot: number
  pattern: unknown
  eligibility: unknown
  zone_key: unknown
  rules: unknown
  weights: unknown
  valid_from: string
  valid_to: string | null
}

const json = (value: unknown) => JSON.stringify(value)

const rotationColumns = [
  'r.id',
  'r.association_id',
  'r.domain_code',
  'r.name',
  'r.duty_kind',
  'r.people_per_slot',
  'r.pattern',
  'r.eligibility',
  'r.zone_key',
  'r.rules',
  'r.weights',
  'r.valid_from',
  'r.valid_to',
] as const

export function rotationsRepository(db: Db) {
  return {
    byId: (id: string, forUpdate = false) => {
      const q = db.selectFrom('rotations as r').select(rotationColumns).where('r.id', '=', id)
      return (forUpdate ? q.forUpdate() : q).executeTakeFirst()
    },

    /** The rotations with a covered zone or the association in the scope's reach. */
    listVisible: (scope: Scope, filter: { associationId?: string | undefined; domain?: string | undefined }) => {
      let q = db
        .selectFrom('rotations as r')
        .select(rotationColumns)
        .where((eb) =>
          eb.or([
            inScope(scope, { associationId: 'r.association_id' }),
            eb.exists(
              eb
                .selectFrom('rotation_zones as rz')
                .select('rz.zone_id')
                .whereRef('rz.rotation_id', '=', 'r.id')
                .where(inScope({ zoneIds: scope.zoneIds, associationIds: [] }, { zoneId: 'rz.zone_id' })),
            ),
          ]),
        )
      if (filter.associationId) q = q.where('r.association_id', '=', filter.associationId)
      if (filter.domain) q = q.where('r.domain_code', '=', filter.domain)
      return q.orderBy('r.name').orderBy('r.id').execute()
    },

    zonesOf: (rotationIds: readonly string[]) =>
      rotationIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('rotation_zones as rz')
            .innerJoin('zones as z', 'z.id', 'rz.zone_id')
            .select(['rz.rotation_id', 'rz.zone_id', 'rz.weight', 'z.code', 'z.name'])
            .where('rz.rotation_id', 'in', [...rotationIds])
            .orderBy('z.code')
            .execute(),

    associationExists: async (id: string) =>
      (await db.selectFrom('associations').select('id').where('id', '=', id).executeTakeFirst()) !== undefined,

    /** Of `zoneIds`, those that are members of the association on `date`. */
    memberZoneIds: async (associationId: string, zoneIds: readonly string[], date: string) =>
      (
        await db
          .selectFrom('association_memberships as m')
          .select('m.zone_id')
          .where('m.association_id', '=', associationId)
          .where('m.zone_id', 'in', [...zoneIds])
          .where('m.valid_from', '<=', date)
          .where((eb) => eb.or([eb('m.valid_to', 'is', null), eb('m.valid_to', '>=', date)]))
          .execute()
      ).map((r) => r.zone_id),

    insert: async (row: RotationRowInput, at: Date) => {
      const { id } = await db
        .insertInto('rotations')
        .values({
          ...row,
          pattern: json(row.pattern),
          eligibility: json(row.eligibility),
          zone_key: json(row.zone_key),
          rules: json(row.rules),
          weights: json(row.weights),
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await notifyInvalidation(db, ROTATIONS_TOPIC)
      return id
    },

    update: async (id: string, row: Partial<RotationRowInput>, at: Date) => {
      const { pattern, eligibility, zone_key, rules, weights, ...plain } = row
      await db
        .updateTable('rotations')
        .set({
          ...plain,
          ...(pattern !== undefined ? { pattern: json(pattern) } : {}),
          ...(eligibility !== undefined ? { eligibility: json(eligibility) } : {}),
          ...(zone_key !== undefined ? { zone_key: json(zone_key) } : {}),
          ...(rules !== undefined ? { rules: json(rules) } : {}),
          ...(weights !== undefined ? { weights: json(weights) } : {}),
          updated_at: at,
        })
        .where('id', '=', id)
        .execute()
      await notifyInvalidation(db, ROTATIONS_TOPIC)
    },

    insertZones: async (rotationId: string, zones: readonly { zoneId: string; weight: number | null }[]) => {
      await db
        .insertInto('rotation_zones')
        .values(zones.map((z) => ({ rotation_id: rotationId, zone_id: z.zoneId, weight: z.weight })))
        .execute()
      await notifyInvalidation(db, ROTATIONS_TOPIC)
    },

    setZoneWeights: async (rotationId: string, weights: Readonly<Record<string, number>> | null) => {
      await db.updateTable('rotation_zones').set({ weight: null }).where('rotation_id', '=', rotationId).execute()
      for (const [zoneId, weight] of Object.entries(weights ?? {}))
        await db
          .updateTable('rotation_zones')
          .set({ weight })
          .where('rotation_id', '=', rotationId)
          .where('zone_id', '=', zoneId)
          .execute()
      await notifyInvalidation(db, ROTATIONS_TOPIC)
    },

    // Members.
    person: (id: string) =>
      db
        .selectFrom('people as p')
        .select(['p.id', 'p.zone_id', 'p.rank', 'p.first_name', 'p.last_name', 'p.fte'])
        .select((eb) =>
          eb
            .selectFrom('person_qualifications as q')
            .select(
              sql<string[]>`coalesce(array_agg(q.qualification_code ORDER BY q.qualification_code), '{}')`.as('q'),
            )
            .whereRef('q.person_id', '=', 'p.id')
            .as('qualifications'),
        )
        .where('p.id', '=', id)
        .executeTakeFirst(),

    insertMember: async (m: {
      rotationId: string
      zoneId: string
      personId: string
      from: string
      to: string | null
    }) =>
      (
        await db
          .insertInto('rotation_members')
          .values({
            rotation_id: m.rotationId,
            zone_id: m.zoneId,
            person_id: m.personId,
            period: sql<string>`daterange(${m.from}::date, ${m.to}::date, '[]')`,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,

    member: (rotationId: string, memberId: string) =>
      db
        .selectFrom('rotation_members as m')
        .select([
          'm.id',
          'm.zone_id',
          'm.person_id',
          sql<string>`lower(m.period)::text`.as('from'),
          sql<string | null>`(upper(m.period) - 1)::text`.as('to'),
        ])
        .where('m.rotation_id', '=', rotationId)
        .where('m.id', '=', memberId)
        .forUpdate()
        .executeTakeFirst(),

    /** Ends a membership after `lastDay` (inclusive); a membership that has not started yet is removed. */
    endMember: async (memberId: string, lastDay: string) => {
      const row = await db
        .updateTable('rotation_members')
        .set({ period: sql<string>`daterange(lower(period), ${lastDay}::date, '[]')` })
        .where('id', '=', memberId)
        .where(sql<boolean>`lower(period) <= ${lastDay}::date`)
        .returning('id')
        .executeTakeFirst()
      if (!row) await db.deleteFrom('rotation_members').where('id', '=', memberId).execute()
      return row !== undefined
    },

    /** Members of a rotation with a membership overlapping [from, to] (dates, inclusive); all when no dates. */
    members: (rotationId: string, range?: { from: string; to: string }) => {
      let q = db
        .selectFrom('rotation_members as m')
        .innerJoin('people as p', 'p.id', 'm.person_id')
        .select([
          'm.id',
          'm.rotation_id',
          'm.zone_id',
          'm.person_id',
          'p.first_name',
          'p.last_name',
          'p.rank',
          'p.fte',
          sql<string>`lower(m.period)::text`.as('from'),
          sql<string | null>`(upper(m.period) - 1)::text`.as('to'),
        ])
        .select((eb) =>
          eb
            .selectFrom('person_qualifications as q')
            .select(
              sql<string[]>`coalesce(array_agg(q.qualification_code ORDER BY q.qualification_code), '{}')`.as('q'),
            )
            .whereRef('q.person_id', '=', 'p.id')
            .as('qualifications'),
        )
        .where('m.rotation_id', '=', rotationId)
      if (range) q = q.where(sql<boolean>`m.period && daterange(${range.from}::date, ${range.to}::date, '[]')`)
      return q.orderBy('p.last_name').orderBy('p.first_name').orderBy('m.id').execute()
    },

    /** Of these people, the ids a viewer may name: own zones, or a partner reason in force (visibility.ts). */
    nameablePeople: async (scope: VisibilityScope, ids: readonly string[]): Promise<Set<string>> => {
      if (ids.length === 0) return new Set()
      const rows = await db
        .selectFrom('people as p')
        .select('p.id')
        .where('p.id', 'in', [...ids])
        .where(personVisible(scope))
        .execute()
      return new Set(rows.map((r) => r.id))
    },
  }
}

export type RotationsRepository = ReturnType<typeof rotationsRepository>
export type RotationRow = NonNullable<Awaited<ReturnType<RotationsRepository['byId']>>>
