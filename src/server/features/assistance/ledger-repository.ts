// All SQL of the person-hours ledger (issue 9, migration 0018): the association's settings and versioned rates,
// the deployment a posting is made from, the ledger's lines (append-only; the deferred trigger
// assistance_ledger_balanced checks every posting at commit), and the aggregates of balances and statements —
// each one GROUP BY over the index assistance_ledger_lines_zone, never row by row.
import { sql, type Kysely, type Transaction } from 'kysely'
import type { RateCategory } from '../../platform/enums.ts'
import { registerConstraintCodes } from '../../platform/errors.ts'
import type { DB } from '../../platform/schema.ts'
import {
  partnerReasons,
  personVisible,
  type VisibilityReason,
  type VisibilityScope,
} from '../../platform/visibility.ts'

// migrations/0018: two versions of one category's rate never overlap; the ranges the CHECKs guard.
registerConstraintCodes({
  assistance_rates_no_overlap: 'ASSISTANCE_RATE_OVERLAP',
  assistance_rates_valid: 'ASSISTANCE_RATE_INVALID',
  assistance_rates_base: 'ASSISTANCE_RATE_INVALID',
  assistance_rates_night: 'ASSISTANCE_RATE_INVALID',
  assistance_rates_saturday: 'ASSISTANCE_RATE_INVALID',
  assistance_rates_sunday: 'ASSISTANCE_RATE_INVALID',
  assistance_rates_holiday: 'ASSISTANCE_RATE_INVALID',
})

type Db = Kysely<DB> | Transaction<DB>

export interface NewLine {
  association_id: string
  posting: string
  kind: 'deployment' | 'settlement' | 'reversal' | 'training'
  zone_id: string
  counterpart_zone_id: string
  amount: number
  booked_on: string
  deployment_id: string | null
  settlement_id: string | null
  reverses_posting: string | null
  /** training (issue 11): the trainer row of a `training` posting (trainer hours given to a partner's session). */
  training_trainer_id?: string | null
  rate_id: string | null
  minutes_total: number
  minutes_night: number
  minutes_saturday: number
  minutes_sunday: number
  minutes_holiday: number
  posted_at: Date
}

export interface Period {
  from: string
  to: string
}

const STATEMENT_LIMIT = 20_000

export function ledgerRepository(db: Db) {
  return {
    association: (id: string) =>
      db.selectFrom('associations').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirst(),

    settings: (associationId: string) =>
      db
        .selectFrom('assistance_settings as s')
        .leftJoin('users as u', 'u.id', 's.updated_by')
        .select([
          's.retro_approval_days',
          's.escalation_minutes',
          's.hourly_rate_cents',
          's.updated_at',
          's.updated_by',
          'u.display_name as updated_by_name',
        ])
        .where('s.association_id', '=', associationId)
        .executeTakeFirst(),

    /** The zones that are members of the association on `date` (its audit chains for an association-wide write). */
    memberZoneIds: async (associationId: string, date: string): Promise<string[]> =>
      (
        await db
          .selectFrom('association_memberships')
          .select('zone_id')
          .where('association_id', '=', associationId)
          .where('valid_from', '<=', date)
          .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]))
          .execute()
      ).map((r) => r.zone_id),

    upsertSettings: (
      associationId: string,
      values: { retro_approval_days: number; escalation_minutes: number; hourly_rate_cents: number | null },
      userId: string,
      at: Date,
    ) =>
      db
        .insertInto('assistance_settings')
        .values({ association_id: associationId, ...values, updated_by: userId, updated_at: at })
        .onConflict((oc) => oc.column('association_id').doUpdateSet({ ...values, updated_by: userId, updated_at: at }))
        .execute(),

    /** Every rate version, `to` the last day in force (inclusive) or null while open. */
    rates: (associationId: string) =>
      db
        .selectFrom('assistance_rates as r')
        .leftJoin('users as u', 'u.id', 'r.created_by')
        .select([
          'r.id',
          'r.category',
          sql<string>`lower(r.valid)::text`.as('from'),
          sql<string | null>`(upper(r.valid) - 1)::text`.as('to'),
          'r.base',
          'r.extra_night',
          'r.extra_saturday',
          'r.extra_sunday',
          'r.extra_holiday',
          'r.created_at',
          'r.created_by',
          'u.display_name as created_by_name',
        ])
        .where('r.association_id', '=', associationId)
        .orderBy('r.category')
        .orderBy(sql`lower(r.valid)`)
        .execute(),

    /** The version of `category` in force on `day`, locked: a new version ends it the day before. */
    rateInForce: (associationId: string, category: RateCategory, day: string) =>
      db
        .selectFrom('assistance_rates')
        .select(['id', sql<string>`lower(valid)::text`.as('from')])
        .where('association_id', '=', associationId)
        .where('category', '=', category)
        .where(sql<boolean>`valid @> ${day}::date`)
        .forUpdate()
        .executeTakeFirst(),

    endRate: (id: string, day: string) =>
      db
        .updateTable('assistance_rates')
        .set({ valid: sql<string>`daterange(lower(valid), ${day}::date, '[)')` })
        .where('id', '=', id)
        .execute(),

    insertRate: (values: {
      association_id: string
      category: RateCategory
      from: string
      base: number
      extra_night: number
      extra_saturday: number
      extra_sunday: number
      extra_holiday: number
      created_by: string
      created_at: Date
    }) => {
      const { from, category, ...rest } = values
      return db
        .insertInto('assistance_rates')
        .values({ ...rest, category, valid: sql<string>`daterange(${from}::date, NULL, '[)')` })
        .returning('id')
        .executeTakeFirstOrThrow()
    },

    /** Deployments with what their posting needs, locked: two postings of one deployment never race. */
    deploymentsForPosting: (ids: readonly string[]) =>
      db
        .selectFrom('assistance_deployments as d')
        .innerJoin('assistance_requests as r', 'r.id', 'd.request_id')
        .innerJoin('zones as z', 'z.id', 'd.helped_zone_id')
        .select([
          'd.id',
          'd.association_id',
          'd.helping_zone_id',
          'd.helped_zone_id',
          'd.person_id',
          'd.helping_confirmed_at',
          'd.helped_confirmed_at',
          'r.category',
          'z.region',
          sql<Date | null>`lower(d.period)`.as('start'),
          sql<Date | null>`upper(d.period)`.as('end'),
        ])
        .where('d.id', 'in', [...ids])
        .orderBy('d.id')
        .forUpdate('d')
        .execute(),

    /** Of these deployments, those with a live posting (a 'deployment' posting no reversal names). */
    postedOf: async (ids: readonly string[]): Promise<Set<string>> => {
      const rows = await db
        .selectFrom('assistance_ledger_lines as l')
        .select('l.deployment_id')
        .distinct()
        .where('l.deployment_id', 'in', [...ids])
        .where('l.kind', '=', 'deployment')
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('assistance_ledger_lines as r')
                .select('r.id')
                .whereRef('r.association_id', '=', 'l.association_id')
                .whereRef('r.reverses_posting', '=', 'l.posting'),
            ),
          ),
        )
        .execute()
      return new Set(rows.flatMap((r) => (r.deployment_id ? [r.deployment_id] : [])))
    },

    /** The deployment's live posting (a 'deployment' posting no reversal names): its two lines. */
    livePosting: (deploymentId: string) =>
      db
        .selectFrom('assistance_ledger_lines as l')
        .selectAll('l')
        .where('l.deployment_id', '=', deploymentId)
        .where('l.kind', '=', 'deployment')
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('assistance_ledger_lines as r')
                .select('r.id')
                .whereRef('r.association_id', '=', 'l.association_id')
                .whereRef('r.reverses_posting', '=', 'l.posting'),
            ),
          ),
        )
        .orderBy('l.id')
        .execute(),

    insertLines: async (lines: readonly NewLine[]) => {
      if (lines.length > 0)
        await db
          .insertInto('assistance_ledger_lines')
          .values([...lines])
          .execute()
    },

    /** The zones of the association: members at some time in the period, and any zone with lines. */
    zones: (associationId: string, period: Period) =>
      db
        .selectFrom('zones as z')
        .select(['z.id', 'z.code', 'z.name'])
        .where((eb) =>
          eb.or([
            eb.exists(
              eb
                .selectFrom('association_memberships as m')
                .select('m.id')
                .whereRef('m.zone_id', '=', 'z.id')
                .where('m.association_id', '=', associationId)
                .where('m.valid_from', '<=', period.to)
                .where((w) => w.or([w('m.valid_to', 'is', null), w('m.valid_to', '>=', period.from)])),
            ),
            eb.exists(
              eb
                .selectFrom('assistance_ledger_lines as l')
                .select('l.id')
                .where('l.association_id', '=', associationId)
                .whereRef('l.zone_id', '=', 'z.id')
                .where('l.booked_on', '<=', period.to),
            ),
          ]),
        )
        .orderBy('z.code')
        .execute(),

    /** Per zone: opening (before `from`), credit, debit, movements in the period; one aggregate. */
    zoneTotals: (associationId: string, period: Period) =>
      db
        .selectFrom('assistance_ledger_lines')
        .select([
          'zone_id',
          sql<number>`coalesce(sum(amount) FILTER (WHERE booked_on < ${period.from}::date), 0)::int8`.as('opening'),
          sql<number>`coalesce(sum(amount) FILTER (WHERE booked_on >= ${period.from}::date AND amount > 0), 0)::int8`.as(
            'credit',
          ),
          sql<number>`coalesce(-sum(amount) FILTER (WHERE booked_on >= ${period.from}::date AND amount < 0), 0)::int8`.as(
            'debit',
          ),
          sql<number>`count(*) FILTER (WHERE booked_on >= ${period.from}::date)::int8`.as('movements'),
        ])
        .where('association_id', '=', associationId)
        .where('booked_on', '<=', period.to)
        .groupBy('zone_id')
        .execute(),

    /** Per pair, from the lower zone id's side (domain/ledger.ts pairBalances): opening and movement. */
    pairTotals: (associationId: string, period: Period) =>
      db
        .selectFrom('assistance_ledger_lines')
        .select([
          'zone_id',
          'counterpart_zone_id',
          sql<number>`coalesce(sum(amount) FILTER (WHERE booked_on < ${period.from}::date), 0)::int8`.as('opening'),
          sql<number>`coalesce(sum(amount) FILTER (WHERE booked_on >= ${period.from}::date), 0)::int8`.as('movement'),
        ])
        .where('association_id', '=', associationId)
        .where('booked_on', '<=', period.to)
        .where(sql<boolean>`zone_id < counterpart_zone_id`)
        .groupBy(['zone_id', 'counterpart_zone_id'])
        .execute(),

    /** Net per zone and Brussels month in the period. */
    monthlyNet: (associationId: string, period: Period) =>
      db
        .selectFrom('assistance_ledger_lines')
        .select([
          'zone_id',
          sql<string>`to_char(booked_on, 'YYYY-MM')`.as('month'),
          sql<number>`sum(amount)::int8`.as('net'),
        ])
        .where('association_id', '=', associationId)
        .where('booked_on', '>=', period.from)
        .where('booked_on', '<=', period.to)
        .groupBy(['zone_id', sql`to_char(booked_on, 'YYYY-MM')`])
        .execute(),

    /** Balance per zone of every line booked up to `until` (inclusive): what a settlement nets. */
    balancesUntil: (associationId: string, until: string) =>
      db
        .selectFrom('assistance_ledger_lines')
        .select(['zone_id', sql<number>`sum(amount)::int8`.as('balance')])
        .where('association_id', '=', associationId)
        .where('booked_on', '<=', until)
        .groupBy('zone_id')
        .execute(),

    /** The zone's sum of lines booked before `day`. */
    zoneBefore: async (associationId: string, zoneId: string, day: string) =>
      (
        await db
          .selectFrom('assistance_ledger_lines')
          .select(sql<number>`coalesce(sum(amount), 0)::int8`.as('sum'))
          .where('association_id', '=', associationId)
          .where('zone_id', '=', zoneId)
          .where('booked_on', '<', day)
          .executeTakeFirstOrThrow()
      ).sum,

    /**
     * The zone's lines in the period with their request, person and rate. The person's name only when `scope`
     * sees them (own zone, or a partner reason in force: platform/visibility.ts), with the reasons to log.
     */
    statementLines: (associationId: string, zoneId: string, period: Period, scope: VisibilityScope) =>
      db
        .selectFrom('assistance_ledger_lines as l')
        .innerJoin('zones as cz', 'cz.id', 'l.counterpart_zone_id')
        .leftJoin('assistance_deployments as d', 'd.id', 'l.deployment_id')
        .leftJoin('assistance_requests as r', 'r.id', 'd.request_id')
        // training (issue 11): a `training` line's person is the trainer of its trainer row.
        .leftJoin('training_session_trainers as tt', 'tt.id', 'l.training_trainer_id')
        .leftJoin('people as p', (j) => j.on((eb) => eb('p.id', '=', eb.fn.coalesce('d.person_id', 'tt.person_id'))))
        .leftJoin('zones as pz', 'pz.id', 'p.zone_id')
        .leftJoin('assistance_rates as rt', 'rt.id', 'l.rate_id')
        .select([
          'l.id',
          'l.booked_on',
          'l.kind',
          'l.counterpart_zone_id',
          'cz.code as counterpart_zone_code',
          'l.settlement_id',
          'l.amount',
          'l.minutes_total',
          'l.minutes_night',
          'l.minutes_saturday',
          'l.minutes_sunday',
          'l.minutes_holiday',
          'r.id as request_id',
          'r.category',
          'r.place',
          sql<Date | null>`lower(r.period)`.as('request_start'),
          'p.id as person_id',
          'p.zone_id as person_zone_id',
          'pz.code as person_zone_code',
          'p.rank',
          sql<string | null>`CASE WHEN p.id IS NOT NULL AND ${personVisible(scope)}
            THEN p.first_name || ' ' || p.last_name END`.as('person_name'),
          sql<VisibilityReason[] | null>`CASE WHEN p.id IS NOT NULL THEN ${partnerReasons(scope)} END`.as('reasons'),
          'rt.id as rate_id',
          'rt.base',
          'rt.extra_night',
          'rt.extra_saturday',
          'rt.extra_sunday',
          'rt.extra_holiday',
        ])
        .where('l.association_id', '=', associationId)
        .where('l.zone_id', '=', zoneId)
        .where('l.booked_on', '>=', period.from)
        .where('l.booked_on', '<=', period.to)
        .orderBy('l.booked_on')
        .orderBy('l.id')
        .limit(STATEMENT_LIMIT)
        .execute(),
  }
}

export type LedgerRepository = ReturnType<typeof ledgerRepository>
export type StatementRow = Awaited<ReturnType<LedgerRepository['statementLines']>>[number]
