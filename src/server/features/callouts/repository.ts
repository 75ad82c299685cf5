// All SQL of call-outs and monthly statements (migration 0017): call-outs per person as tstzrange [start, end),
// the on-call and present duties in force they relate to, and the approvals of a zone's month.
import { sql, type Kysely, type Transaction } from 'kysely'
import { registerConstraintCodes } from '../../platform/errors.ts'
import type { DB } from '../../platform/schema.ts'
import type { StatementLine } from './schema.ts'

// migrations/0017: one person's call-outs never overlap; a period is bounded to 24 hours.
registerConstraintCodes({ call_outs_no_overlap: 'CALLOUT_OVERLAP', call_outs_period: 'CALLOUT_PERIOD_INVALID' })

type Db = Kysely<DB> | Transaction<DB>

export interface Span {
  start: Date
  end: Date
}

const range = (s: Span) =>
  sql<string>`tstzrange(${s.start.toISOString()}::timestamptz, ${s.end.toISOString()}::timestamptz, '[)')`

export interface DutySpan {
  id: string
  rotation_id: string
  rotation_name: string
  slot_key: string
  duty_kind: 'on_call' | 'present'
  rules: Record<string, unknown>
  start: Date
  end: Date
}

const LIST_LIMIT = 1000

export function calloutsRepository(db: Db) {
  const callOuts = () =>
    db
      .selectFrom('call_outs as c')
      .innerJoin('people as p', 'p.id', 'c.person_id')
      .innerJoin('rotations as r', 'r.id', 'c.rotation_id')
      .leftJoin('users as e', 'e.id', 'c.entered_by')
      .select([
        'c.id',
        'c.person_id',
        'c.zone_id',
        'c.rotation_id',
        'r.name as rotation_name',
        'c.slot_key',
        'c.reason',
        'c.entered_by',
        'e.display_name as entered_by_name',
        'c.created_at',
        'c.updated_at',
        sql<string>`p.first_name || ' ' || p.last_name`.as('person_name'),
        sql<Date>`lower(c.period)`.as('start'),
        sql<Date>`upper(c.period)`.as('end'),
        // Locked while a month it touches has an approved statement of the zone.
        sql<boolean>`EXISTS (SELECT 1 FROM callout_statements s
          WHERE s.zone_id = c.zone_id AND s.reopened_at IS NULL
            AND tstzrange((s.month::timestamp AT TIME ZONE 'Europe/Brussels'),
                          ((s.month + interval '1 month')::timestamp AT TIME ZONE 'Europe/Brussels'), '[)') && c.period)`.as(
          'locked',
        ),
      ])

  /** Duties in force of a person (of one kind, or all) overlapping a span, with their rotation's rules. */
  const duties = (personId: string, span: Span, kind: 'on_call' | 'present' | null) =>
    sql<DutySpan>`
      SELECT d.id, d.rotation_id, r.name AS rotation_name, d.slot_key, d.duty_kind, r.rules,
             lower(d.period) AS start, upper(d.period) AS "end"
        FROM duties d JOIN rotations r ON r.id = d.rotation_id
       WHERE d.person_id = ${personId} AND upper_inf(d.recorded) AND d.period && ${range(span)}
             ${kind ? sql`AND d.duty_kind = ${kind}` : sql``}
       ORDER BY lower(d.period)`
      .execute(db)
      .then((r) => r.rows)

  return {
    /** A person with their zone, name, employee number and linked account, or undefined. */
    person: (id: string) =>
      db
        .selectFrom('people as p')
        .leftJoin('users as a', 'a.person_id', 'p.id')
        .select(['p.id', 'p.zone_id', 'p.first_name', 'p.last_name', 'p.employee_number', 'a.id as user_id'])
        .where('p.id', '=', id)
        .executeTakeFirst(),

    zone: (id: string) =>
      db.selectFrom('zones').select(['id', 'code', 'name', 'region']).where('id', '=', id).executeTakeFirst(),

    /** The on-call duty in force of the person that contains the instant, if any. */
    onCallDutyAt: async (personId: string, at: Date) =>
      (await duties(personId, { start: at, end: new Date(at.getTime() + 1) }, 'on_call')).find(
        (d) => d.start.getTime() <= at.getTime() && d.end.getTime() > at.getTime(),
      ),

    /** The on-call duty running at `at`, else the most recent one that started before it. */
    currentOrLastOnCall: (personId: string, at: Date) =>
      sql<DutySpan>`
        SELECT d.id, d.rotation_id, r.name AS rotation_name, d.slot_key, d.duty_kind, r.rules,
               lower(d.period) AS start, upper(d.period) AS "end"
          FROM duties d JOIN rotations r ON r.id = d.rotation_id
         WHERE d.person_id = ${personId} AND upper_inf(d.recorded) AND d.duty_kind = 'on_call'
           AND lower(d.period) <= ${at.toISOString()}::timestamptz
         ORDER BY lower(d.period) DESC LIMIT 1`
        .execute(db)
        .then((r) => r.rows[0]),

    duties,

    /** On-call duties in force of a zone's people overlapping a span. */
    zoneOnCall: (zoneId: string, span: Span) =>
      sql<{ person_id: string; start: Date; end: Date }>`
        SELECT d.person_id, lower(d.period) AS start, upper(d.period) AS "end" FROM duties d
         WHERE d.zone_id = ${zoneId} AND upper_inf(d.recorded) AND d.duty_kind = 'on_call' AND d.period && ${range(span)}`
        .execute(db)
        .then((r) => r.rows),

    /** The people of a zone by id (name and employee number for a statement). */
    people: (ids: readonly string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('people')
            .select(['id', 'first_name', 'last_name', 'employee_number'])
            .where('id', 'in', [...ids])
            .execute(),

    list: (filter: { personId?: string; zoneId?: string; span: Span }) =>
      callOuts()
        .$if(filter.personId !== undefined, (q) => q.where('c.person_id', '=', filter.personId ?? ''))
        .$if(filter.zoneId !== undefined, (q) => q.where('c.zone_id', '=', filter.zoneId ?? ''))
        .where(sql<boolean>`c.period && ${range(filter.span)}`)
        .orderBy(sql`lower(c.period)`)
        .orderBy('c.id')
        .limit(LIST_LIMIT)
        .execute(),

    byId: (id: string) => callOuts().where('c.id', '=', id).executeTakeFirst(),

    insert: async (row: {
      personId: string
      zoneId: string
      rotationId: string
      slotKey: string
      span: Span
      reason: string
      enteredBy: string
      at: Date
    }) =>
      (
        await db
          .insertInto('call_outs')
          .values({
            person_id: row.personId,
            zone_id: row.zoneId,
            rotation_id: row.rotationId,
            slot_key: row.slotKey,
            period: range(row.span),
            reason: row.reason,
            entered_by: row.enteredBy,
            created_at: row.at,
            updated_at: row.at,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,

    update: (id: string, change: { rotationId: string; slotKey: string; span: Span; reason: string; at: Date }) =>
      db
        .updateTable('call_outs')
        .set({
          rotation_id: change.rotationId,
          slot_key: change.slotKey,
          period: range(change.span),
          reason: change.reason,
          updated_at: change.at,
        })
        .where('id', '=', id)
        .execute(),

    remove: (id: string) => db.deleteFrom('call_outs').where('id', '=', id).execute(),

    /** Call-outs of these people overlapping a span (worked time for the roster's rest rules). */
    ofPeople: (personIds: readonly string[], span: Span) =>
      personIds.length === 0
        ? Promise.resolve([] as Array<{ id: string; person_id: string; start: Date; end: Date }>)
        : sql<{ id: string; person_id: string; start: Date; end: Date }>`
            SELECT id, person_id, lower(period) AS start, upper(period) AS "end" FROM call_outs
             WHERE person_id = ANY(${[...personIds]}::uuid[]) AND period && ${range(span)}`
            .execute(db)
            .then((r) => r.rows),

    // Statements.

    /**
     * Orders call-out writes and approvals of one zone: a writer holds the zone row FOR SHARE (writers do not wait
     * for each other), an approval or reopening FOR NO KEY UPDATE (it waits for the writers, and they for it), so a
     * call-out never lands in a month between the approval's reading of the lines and its commit. Neither mode
     * blocks the foreign-key checks of other tables (FOR KEY SHARE).
     */
    lockZone: (zoneId: string, mode: 'write' | 'approve') =>
      sql`SELECT id FROM zones WHERE id = ${zoneId} ${mode === 'write' ? sql`FOR SHARE` : sql`FOR NO KEY UPDATE`}`.execute(
        db,
      ),

    statement: (zoneId: string, month: string) =>
      db
        .selectFrom('callout_statements as s')
        .leftJoin('users as a', 'a.id', 's.approved_by')
        .leftJoin('users as o', 'o.id', 's.reopened_by')
        .select([
          's.id',
          's.totals',
          's.approved_by',
          's.approved_at',
          's.reopened_by',
          's.reopened_at',
          'a.display_name as approved_by_name',
          'o.display_name as reopened_by_name',
        ])
        .where('s.zone_id', '=', zoneId)
        .where('s.month', '=', `${month}-01`)
        .executeTakeFirst(),

    /** Approves the month (a new row, or a reopened one approved again) with the lines as they stand. */
    approve: (zoneId: string, month: string, lines: readonly StatementLine[], by: string, at: Date) =>
      db
        .insertInto('callout_statements')
        .values({
          zone_id: zoneId,
          month: `${month}-01`,
          totals: JSON.stringify({ lines }),
          approved_by: by,
          approved_at: at,
        })
        .onConflict((oc) =>
          oc.columns(['zone_id', 'month']).doUpdateSet({
            totals: JSON.stringify({ lines }),
            approved_by: by,
            approved_at: at,
            reopened_by: null,
            reopened_at: null,
          }),
        )
        .execute(),

    reopen: (zoneId: string, month: string, by: string, at: Date) =>
      db
        .updateTable('callout_statements')
        .set({ reopened_by: by, reopened_at: at })
        .where('zone_id', '=', zoneId)
        .where('month', '=', `${month}-01`)
        .execute(),

    /** True when one of the months has an approved statement of the zone. */
    anyApproved: async (zoneId: string, months: readonly string[]) =>
      (await db
        .selectFrom('callout_statements')
        .select('id')
        .where('zone_id', '=', zoneId)
        .where(
          'month',
          'in',
          months.map((m) => `${m}-01`),
        )
        .where('reopened_at', 'is', null)
        .executeTakeFirst()) !== undefined,
  }
}

export type CalloutsRepository = ReturnType<typeof calloutsRepository>
export type CallOutRow = NonNullable<Awaited<ReturnType<CalloutsRepository['byId']>>>
export type StatementRow = NonNullable<Awaited<ReturnType<CalloutsRepository['statement']>>>
