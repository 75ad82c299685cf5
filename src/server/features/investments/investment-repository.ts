// All SQL of joint investments (issue 10, migration 0019): the investment, its parties, linked assets, cost key
// versions (daterange `[)`, never overlapping: investment_cost_keys_no_overlap) and running costs; and the
// figures a key version is usually agreed on (population of the municipalities, staff in FTE on a day).
import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely'
import type { CostKeyMethod, RunningCostKind } from '../../platform/enums.ts'
import { registerConstraintCodes } from '../../platform/errors.ts'
import type { Scope } from '../../platform/policy.ts'
import type { DB } from '../../platform/schema.ts'

registerConstraintCodes({
  investment_cost_keys_no_overlap: 'COST_KEY_OVERLAP',
  investment_cost_keys_valid: 'COST_KEY_INVALID',
  investment_parties_period: 'INVESTMENT_PARTIES_INVALID',
  investment_parties_pkey: 'INVESTMENT_PARTIES_INVALID',
})

type Db = Kysely<DB> | Transaction<DB>

export const PAGE_SIZE = 50

export interface InvestmentRow {
  id: string
  association_id: string
  agreement_id: string | null
  title: string
  supplier: string | null
  description: string | null
  purchased_on: string
  amount_cents: number
  depreciation_months: number
  paid_by_zone_id: string
  managing_zone_id: string
}

export interface PartyRow {
  investment_id: string
  zone_id: string
  joined_on: string
  left_on: string | null
}

export interface KeyRow {
  id: string
  investment_id: string
  valid_from: string
  valid_to: string | null
  method: CostKeyMethod
  weights: Record<string, unknown>
  inputs: Record<string, unknown>
  note: string | null
  created_at: Date
}

/** The investments the scope reaches: a party zone in reach, or an administered association. */
const visible = (scope: Pick<Scope, 'zoneIds' | 'associationIds'>): Expression<SqlBool> =>
  sql<SqlBool>`(i.association_id = ANY(${[...scope.associationIds]}::uuid[]) OR EXISTS (
    SELECT 1 FROM investment_parties vp WHERE vp.investment_id = i.id AND vp.zone_id = ANY(${[...scope.zoneIds]}::uuid[])))`

const INVESTMENT_COLUMNS = [
  'i.id',
  'i.association_id',
  'i.agreement_id',
  'i.title',
  'i.supplier',
  'i.description',
  'i.purchased_on',
  'i.amount_cents',
  'i.depreciation_months',
  'i.paid_by_zone_id',
  'i.managing_zone_id',
] as const

export function investmentRepository(db: Db) {
  return {
    /** One page of the visible investments, newest purchase first, and how many there are. */
    async list(
      scope: Pick<Scope, 'zoneIds' | 'associationIds'>,
      filter: { associationId?: string; q?: string; page: number },
    ) {
      let query = db.selectFrom('investments as i').where(visible(scope))
      if (filter.associationId) query = query.where('i.association_id', '=', filter.associationId)
      for (const word of (filter.q ?? '').split(/\s+/).filter(Boolean).slice(0, 5)) {
        const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
        query = query.where((eb) => eb.or([eb('i.title', 'ilike', like), eb('i.supplier', 'ilike', like)]))
      }
      const [rows, total] = await Promise.all([
        query
          .select(INVESTMENT_COLUMNS)
          .orderBy('i.purchased_on', 'desc')
          .orderBy('i.id')
          .limit(PAGE_SIZE)
          .offset((filter.page - 1) * PAGE_SIZE)
          .execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ])
      return { rows: rows as InvestmentRow[], total: Number(total.n) }
    },

    /** The investment, locked for the change when `lock`. */
    async byId(id: string, lock = false): Promise<InvestmentRow | undefined> {
      const query = db.selectFrom('investments as i').select(INVESTMENT_COLUMNS).where('i.id', '=', id)
      return await (lock ? query.forUpdate() : query).executeTakeFirst()
    },

    parties: (ids: readonly string[]): Promise<PartyRow[]> =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('investment_parties')
            .select(['investment_id', 'zone_id', 'joined_on', 'left_on'])
            .where('investment_id', 'in', [...ids])
            .orderBy('joined_on')
            .orderBy('zone_id')
            .execute(),

    zones: (ids: readonly string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('zones')
            .select(['id', 'code', 'name'])
            .where('id', 'in', [...ids])
            .execute(),

    /** The method of the key version in force on `day`, per investment. */
    currentMethods: (ids: readonly string[], day: string) =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('investment_cost_keys')
            .select(['investment_id', 'method'])
            .where('investment_id', 'in', [...ids])
            .where(sql<boolean>`valid @> ${day}::date`)
            .execute(),

    assetCounts: (ids: readonly string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('assets')
            .select((eb) => ['investment_id', eb.fn.countAll<number>().as('n')])
            .where('investment_id', 'in', [...ids])
            .groupBy('investment_id')
            .execute(),

    assets: (investmentId: string) =>
      db
        .selectFrom('assets')
        .select(['id', 'kind', 'name', 'identifier', 'zone_id'])
        .where('investment_id', '=', investmentId)
        .orderBy('name')
        .execute(),

    assetsByIds: (ids: readonly string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('assets')
            .select(['id', 'zone_id', 'investment_id'])
            .where('id', 'in', [...ids])
            .forUpdate()
            .execute(),

    /** Links exactly `assetIds` to the investment (others it had are unlinked). */
    async setAssets(investmentId: string, assetIds: readonly string[], at: Date) {
      let unlink = db
        .updateTable('assets')
        .set({ investment_id: null, updated_at: at })
        .where('investment_id', '=', investmentId)
      if (assetIds.length > 0) unlink = unlink.where('id', 'not in', [...assetIds])
      await unlink.execute()
      if (assetIds.length > 0)
        await db
          .updateTable('assets')
          .set({ investment_id: investmentId, updated_at: at })
          .where('id', 'in', [...assetIds])
          .where((eb) => eb.or([eb('investment_id', 'is', null), eb('investment_id', '!=', investmentId)]))
          .execute()
    },

    keys: (investmentId: string): Promise<KeyRow[]> =>
      db
        .selectFrom('investment_cost_keys')
        .select([
          'id',
          'investment_id',
          sql<string>`lower(valid)::text`.as('valid_from'),
          sql<string | null>`upper(valid)::text`.as('valid_to'),
          'method',
          'weights',
          'inputs',
          'note',
          'created_at',
        ])
        .where('investment_id', '=', investmentId)
        .orderBy(sql`lower(valid)`, 'desc')
        .execute(),

    /** The open version (no upper bound) of the investment's key, if any. */
    openKey: (investmentId: string) =>
      db
        .selectFrom('investment_cost_keys')
        .select(['id', sql<string>`lower(valid)::text`.as('valid_from')])
        .where('investment_id', '=', investmentId)
        .where(sql<boolean>`upper_inf(valid)`)
        .executeTakeFirst(),

    closeKey: (id: string, day: string) =>
      db
        .updateTable('investment_cost_keys')
        .set({ valid: sql<string>`daterange(lower(valid), ${day}::date, '[)')` })
        .where('id', '=', id)
        .execute(),

    insertKey: (v: {
      investmentId: string
      associationId: string
      validFrom: string
      validTo: string | null
      method: CostKeyMethod
      weights: Record<string, number>
      inputs: Record<string, unknown>
      note: string | null
      userId: string
      at: Date
    }) =>
      db
        .insertInto('investment_cost_keys')
        .values({
          investment_id: v.investmentId,
          association_id: v.associationId,
          valid: sql<string>`daterange(${v.validFrom}::date, ${v.validTo}::date, '[)')`,
          method: v.method,
          weights: JSON.stringify(v.weights),
          inputs: JSON.stringify(v.inputs),
          note: v.note,
          created_by: v.userId,
          created_at: v.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),

    deleteKey: (investmentId: string, keyId: string) =>
      db
        .deleteFrom('investment_cost_keys')
        .where('investment_id', '=', investmentId)
        .where('id', '=', keyId)
        .returning([sql<string>`lower(valid)::text`.as('valid_from')])
        .executeTakeFirst(),

    keyById: (investmentId: string, keyId: string) =>
      db
        .selectFrom('investment_cost_keys')
        .select([
          sql<string>`lower(valid)::text`.as('valid_from'),
          sql<string | null>`upper(valid)::text`.as('valid_to'),
        ])
        .where('investment_id', '=', investmentId)
        .where('id', '=', keyId)
        .executeTakeFirst(),

    /** The version that ended on `day` (its upper bound), to reopen when the version after it is removed. */
    endingOn: (investmentId: string, day: string) =>
      db
        .selectFrom('investment_cost_keys')
        .select('id')
        .where('investment_id', '=', investmentId)
        .where(sql<boolean>`upper(valid) = ${day}::date`)
        .executeTakeFirst(),

    reopenKey: (id: string, until: string | null) =>
      db
        .updateTable('investment_cost_keys')
        .set({ valid: sql<string>`daterange(lower(valid), ${until}::date, '[)')` })
        .where('id', '=', id)
        .execute(),

    costs: (investmentId: string) =>
      db
        .selectFrom('investment_costs as c')
        .select([
          'c.id',
          'c.kind',
          'c.incurred_on',
          'c.amount_cents',
          'c.description',
          'c.paid_by_zone_id',
          'c.created_at',
          sql<boolean>`EXISTS (SELECT 1 FROM investment_settlements s
             WHERE s.association_id = c.association_id AND s.period @> c.incurred_on)`.as('settled'),
        ])
        .where('c.investment_id', '=', investmentId)
        .orderBy('c.incurred_on', 'desc')
        .orderBy('c.created_at', 'desc')
        .execute(),

    insertCost: (v: {
      investmentId: string
      associationId: string
      kind: RunningCostKind
      incurredOn: string
      amountCents: number
      description: string
      paidByZoneId: string
      userId: string
      at: Date
    }) =>
      db
        .insertInto('investment_costs')
        .values({
          investment_id: v.investmentId,
          association_id: v.associationId,
          kind: v.kind,
          incurred_on: v.incurredOn,
          amount_cents: v.amountCents,
          description: v.description,
          paid_by_zone_id: v.paidByZoneId,
          created_by: v.userId,
          created_at: v.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),

    costById: (investmentId: string, costId: string) =>
      db
        .selectFrom('investment_costs')
        .select(['id', 'incurred_on', 'amount_cents', 'kind', 'association_id'])
        .where('investment_id', '=', investmentId)
        .where('id', '=', costId)
        .forUpdate()
        .executeTakeFirst(),

    /** A recorded settlement of the association covering `day` (its period locks what it settled). */
    settlementCovering: (associationId: string, day: string) =>
      db
        .selectFrom('investment_settlements')
        .select('id')
        .where('association_id', '=', associationId)
        .where(sql<boolean>`period @> ${day}::date`)
        .executeTakeFirst(),

    deleteCost: (costId: string) => db.deleteFrom('investment_costs').where('id', '=', costId).execute(),

    insertInvestment: (v: Omit<InvestmentRow, 'id'> & { created_by: string | null; at: Date }) =>
      db
        .insertInto('investments')
        .values({
          association_id: v.association_id,
          agreement_id: v.agreement_id,
          title: v.title,
          supplier: v.supplier,
          description: v.description,
          purchased_on: v.purchased_on,
          amount_cents: v.amount_cents,
          depreciation_months: v.depreciation_months,
          paid_by_zone_id: v.paid_by_zone_id,
          managing_zone_id: v.managing_zone_id,
          created_by: v.created_by,
          created_at: v.at,
          updated_at: v.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),

    updateInvestment: (
      id: string,
      set: Partial<Pick<InvestmentRow, 'title' | 'supplier' | 'description' | 'depreciation_months' | 'amount_cents'>>,
      at: Date,
    ) =>
      db
        .updateTable('investments')
        .set({ ...set, updated_at: at })
        .where('id', '=', id)
        .execute(),

    async replaceParties(investmentId: string, parties: readonly Omit<PartyRow, 'investment_id'>[]) {
      await db.deleteFrom('investment_parties').where('investment_id', '=', investmentId).execute()
      await db
        .insertInto('investment_parties')
        .values(parties.map((p) => ({ investment_id: investmentId, ...p })))
        .execute()
    },

    /** The memberships in the association of `zoneIds` (every period; valid_to is the last day). */
    memberships: (associationId: string, zoneIds: readonly string[]) =>
      zoneIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('association_memberships')
            .select(['zone_id', 'valid_from', 'valid_to'])
            .where('association_id', '=', associationId)
            .where('zone_id', 'in', [...zoneIds])
            .execute(),

    /** Population (municipalities valid on the day) and active staff in FTE (operational and CALog) per zone. */
    keyInputs: (zoneIds: readonly string[], day: string) =>
      sql<{ zone_id: string; population: number; fte: number }>`
        SELECT z.id AS zone_id,
               COALESCE((SELECT SUM(m.population) FROM municipalities m
                          WHERE m.zone_id = z.id
                            AND (m.valid_from IS NULL OR m.valid_from <= ${day}::date)
                            AND (m.valid_to IS NULL OR m.valid_to >= ${day}::date)), 0)::bigint AS population,
               COALESCE((SELECT SUM(p.fte) FROM people p
                          WHERE p.zone_id = z.id AND p.staff_kind IN ('operational', 'calog')
                            AND p.employed_from <= ${day}::date
                            AND (p.employed_to IS NULL OR p.employed_to >= ${day}::date)), 0)::numeric AS fte
          FROM zones z
         WHERE z.id = ANY(${[...zoneIds]}::uuid[])`
        .execute(db)
        .then((r) => r.rows),
  }
}
