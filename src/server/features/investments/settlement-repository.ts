// All SQL of the settlements (issue 10, migration 0019): the facts a period's settlement is computed from — an
// association's investments with their parties, key versions, running costs and the loans of their assets; the
// partner loans with a fee — and the recorded (frozen) settlements. The assistance ledger is read through its
// own repository (assistance/ledger-repository.ts), never by SQL on its tables here.
import { sql, type Kysely, type Transaction } from 'kysely'
import { registerConstraintCodes } from '../../platform/errors.ts'
import type { DB } from '../../platform/schema.ts'
import { investmentRepository } from './investment-repository.ts'

// migrations/0019: two recorded settlements of one association never overlap.
registerConstraintCodes({ investment_settlements_no_overlap: 'SETTLEMENT_PERIOD_TAKEN' })

type Db = Kysely<DB> | Transaction<DB>

/** What a settlement needs of an investment. */
const SETTLED_COLUMNS = [
  'id',
  'association_id',
  'title',
  'amount_cents',
  'purchased_on',
  'depreciation_months',
  'paid_by_zone_id',
] as const

/** Bookings that count: the borrower had (or has) the asset; requested, rejected and cancelled ones do not. */
const USED = ['approved', 'checked_out', 'returned'] as const

/** The instants a period of Brussels days [from, to) covers. */
const instants = (from: string, to: string) =>
  sql<string>`tstzrange((${from}::date)::timestamp AT TIME ZONE 'Europe/Brussels', (${to}::date)::timestamp AT TIME ZONE 'Europe/Brussels', '[)')`

export function settlementRepository(db: Db) {
  return {
    association: (id: string) =>
      db.selectFrom('associations').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirst(),

    investment: (id: string) =>
      db.selectFrom('investments').select(SETTLED_COLUMNS).where('id', '=', id).executeTakeFirst(),

    /** The association's investments bought before the period ends. */
    investments: (associationId: string, to: string) =>
      db
        .selectFrom('investments')
        .select(SETTLED_COLUMNS)
        .where('association_id', '=', associationId)
        .where('purchased_on', '<', to)
        .orderBy('purchased_on')
        .orderBy('title')
        .orderBy('id')
        .execute(),

    parties: (investmentIds: readonly string[]) => investmentRepository(db).parties(investmentIds),

    keys: (investmentIds: readonly string[]) =>
      investmentIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('investment_cost_keys')
            .select([
              'id',
              'investment_id',
              'method',
              'weights',
              'inputs',
              sql<string>`lower(valid)::text`.as('valid_from'),
              sql<string | null>`upper(valid)::text`.as('valid_to'),
            ])
            .where('investment_id', 'in', [...investmentIds])
            .orderBy(sql`lower(valid)`)
            .execute(),

    costs: (investmentIds: readonly string[], from: string, to: string) =>
      investmentIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('investment_costs')
            .select(['id', 'investment_id', 'kind', 'incurred_on', 'amount_cents', 'description', 'paid_by_zone_id'])
            .where('investment_id', 'in', [...investmentIds])
            .where('incurred_on', '>=', from)
            .where('incurred_on', '<', to)
            .orderBy('incurred_on')
            .orderBy('id')
            .execute(),

    /** The bookings of the investments' assets in the period (their usage, for usage-hours keys). */
    usage: (investmentIds: readonly string[], from: string, to: string) =>
      investmentIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('equipment_bookings as b')
            .innerJoin('assets as a', (j) => j.onRef('a.id', '=', 'b.asset_id').onRef('a.zone_id', '=', 'b.zone_id'))
            .select([
              'a.investment_id',
              'b.borrower_zone_id',
              sql<Date>`lower(b.period)`.as('start'),
              sql<Date>`upper(b.period)`.as('end'),
            ])
            .where('a.investment_id', 'in', [...investmentIds])
            .where('b.status', 'in', USED)
            .where(sql<boolean>`b.period && ${instants(from, to)}`)
            .execute(),

    /** The association's partner loans with a fee in the period. */
    loans: (associationId: string, from: string, to: string) =>
      db
        .selectFrom('equipment_bookings as b')
        .innerJoin('assets as a', (j) => j.onRef('a.id', '=', 'b.asset_id').onRef('a.zone_id', '=', 'b.zone_id'))
        .select([
          'b.id',
          'b.zone_id',
          'b.borrower_zone_id',
          'b.fee_cents_per_day',
          'a.name',
          'a.identifier',
          sql<Date>`lower(b.period)`.as('start'),
          sql<Date>`upper(b.period)`.as('end'),
        ])
        .where('b.association_id', '=', associationId)
        .where('b.agreement_id', 'is not', null)
        .whereRef('b.borrower_zone_id', '<>', 'b.zone_id')
        .where('b.fee_cents_per_day', '>', 0)
        .where('b.status', 'in', USED)
        .where(sql<boolean>`b.period && ${instants(from, to)}`)
        .execute(),

    /** Whether the zone is a member of the association at some time in [from, to). */
    isMember: async (associationId: string, zoneId: string, from: string, to: string): Promise<boolean> =>
      (await db
        .selectFrom('association_memberships')
        .select('id')
        .where('association_id', '=', associationId)
        .where('zone_id', '=', zoneId)
        .where('valid_from', '<', to)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', from)]))
        .executeTakeFirst()) !== undefined,

    zones: (ids: readonly string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('zones')
            .select(['id', 'code', 'name'])
            .where('id', 'in', [...ids])
            .execute(),

    /** The recorded settlement of exactly [from, to), if any. */
    recorded: (associationId: string, from: string, to: string) =>
      db
        .selectFrom('investment_settlements as s')
        .leftJoin('users as u', 'u.id', 's.created_by')
        .select(['s.id', 's.statement', 's.created_at', 's.created_by', 'u.display_name as created_by_name'])
        .where('s.association_id', '=', associationId)
        .where(sql<boolean>`s.period = daterange(${from}::date, ${to}::date, '[)')`)
        .executeTakeFirst(),

    list: (associationId: string) =>
      db
        .selectFrom('investment_settlements as s')
        .leftJoin('users as u', 'u.id', 's.created_by')
        .select([
          's.id',
          's.association_id',
          sql<string>`lower(s.period)::text`.as('from'),
          sql<string>`upper(s.period)::text`.as('to'),
          's.created_at',
          's.created_by',
          'u.display_name as created_by_name',
        ])
        .where('s.association_id', '=', associationId)
        .orderBy(sql`lower(s.period)`, 'desc')
        .execute(),

    insert: (values: {
      association_id: string
      from: string
      to: string
      statement: unknown
      created_by: string
      created_at: Date
    }) =>
      db
        .insertInto('investment_settlements')
        .values({
          association_id: values.association_id,
          period: sql<string>`daterange(${values.from}::date, ${values.to}::date, '[)')`,
          statement: JSON.stringify(values.statement),
          created_by: values.created_by,
          created_at: values.created_at,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
  }
}

export type SettlementRepository = ReturnType<typeof settlementRepository>
