// All SQL of the availability feature: leave/unavailability (`unavailability`) and duty preferences
// (`duty_preferences`) per person, periods as tstzrange [start, end). Lists take the visible set from the service
// (the caller's own person, and the zones where the caller plans) and never widen it.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely'
import { registerConstraintCodes } from '../../platform/errors.ts'
import type { DutyPreference, UnavailabilityKind } from '../../platform/enums.ts'
import { inScope } from '../../platform/policy/sql.ts'
import type { DB } from '../../platform/schema.ts'
import type { Period } from './domain.ts'

// migrations/0015: one person's entries never overlap; the database has the last word.
registerConstraintCodes({ unavailability_no_overlap: 'AVAILABILITY_OVERLAP' })

/** Who a list may show: the caller's own person, and every person of `zoneIds`. */
export interface Visible {
  personId: string | null
  zoneIds: string[]
}

export interface ListFilter {
  personId?: string
  start: Date | null
  end: Date | null
}

const range = (p: Period) => sql<string>`tstzrange(${p.start}, ${p.end}, '[)')`

/** The rows of `table` the caller may see (`visible`), narrowed by person and window. */
function visibleWhere(table: 'u' | 'd', visible: Visible, filter: ListFilter): Expression<SqlBool> {
  const col = (name: string) => sql.ref(`${table}.${name}`)
  const own = visible.personId ? sql<SqlBool>`${col('person_id')} = ${visible.personId}` : sql<SqlBool>`false`
  const planned = inScope({ zoneIds: visible.zoneIds, associationIds: [] }, { zoneId: `${table}.zone_id` })
  const parts = [
    sql<SqlBool>`(${own} OR ${planned})`,
    ...(filter.personId ? [sql<SqlBool>`${col('person_id')} = ${filter.personId}`] : []),
    ...(filter.start ? [sql<SqlBool>`upper(${col('period')}) > ${filter.start}`] : []),
    ...(filter.end ? [sql<SqlBool>`lower(${col('period')}) < ${filter.end}`] : []),
  ]
  return sql<SqlBool>`${sql.join(parts, sql` AND `)}`
}

const LIST_LIMIT = 1000

export function availabilityRepository(db: Kysely<DB>) {
  const entries = () =>
    db
      .selectFrom('unavailability as u')
      .innerJoin('people as p', 'p.id', 'u.person_id')
      .leftJoin('users as e', 'e.id', 'u.entered_by')
      .select([
        'u.id',
        'u.person_id',
        'u.zone_id',
        'u.kind',
        'u.note',
        'u.entered_by',
        'u.created_at',
        'e.display_name as entered_by_name',
        sql<string>`p.first_name || ' ' || p.last_name`.as('person_name'),
        sql<Date>`lower(u.period)`.as('start'),
        sql<Date>`upper(u.period)`.as('end'),
      ])

  const preferences = () =>
    db
      .selectFrom('duty_preferences as d')
      .innerJoin('people as p', 'p.id', 'd.person_id')
      .leftJoin('rotations as r', 'r.id', 'd.rotation_id')
      .select([
        'd.id',
        'd.person_id',
        'd.zone_id',
        'd.rotation_id',
        'r.name as rotation_name',
        'd.preference',
        'd.note',
        'd.created_at',
        sql<string>`p.first_name || ' ' || p.last_name`.as('person_name'),
        sql<Date>`lower(d.period)`.as('start'),
        sql<Date>`upper(d.period)`.as('end'),
      ])

  return {
    /** A person with their zone, name and linked account (to notify), or undefined. */
    person: (id: string) =>
      db
        .selectFrom('people as p')
        .leftJoin('users as a', 'a.person_id', 'p.id')
        .select(['p.id', 'p.zone_id', 'p.first_name', 'p.last_name', 'a.id as user_id'])
        .where('p.id', '=', id)
        .executeTakeFirst(),

    list: (visible: Visible, filter: ListFilter) =>
      entries()
        .where(visibleWhere('u', visible, filter))
        .orderBy(sql`lower(u.period)`)
        .orderBy('u.id')
        .limit(LIST_LIMIT)
        .execute(),

    byId: (id: string) => entries().where('u.id', '=', id).executeTakeFirst(),

    insert: async (row: {
      personId: string
      zoneId: string
      kind: UnavailabilityKind
      period: Period
      note: string | null
      enteredBy: string
      createdAt: Date
    }) =>
      (
        await db
          .insertInto('unavailability')
          .values({
            person_id: row.personId,
            zone_id: row.zoneId,
            kind: row.kind,
            period: range(row.period),
            note: row.note,
            entered_by: row.enteredBy,
            created_at: row.createdAt,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,

    update: (id: string, change: { kind: UnavailabilityKind; period: Period; note: string | null }) =>
      db
        .updateTable('unavailability')
        .set({ kind: change.kind, period: range(change.period), note: change.note })
        .where('id', '=', id)
        .execute(),

    remove: (id: string) => db.deleteFrom('unavailability').where('id', '=', id).execute(),

    preferences: (visible: Visible, filter: ListFilter) =>
      preferences()
        .where(visibleWhere('d', visible, filter))
        .orderBy(sql`lower(d.period)`)
        .orderBy('d.id')
        .limit(LIST_LIMIT)
        .execute(),

    preferenceById: (id: string) => preferences().where('d.id', '=', id).executeTakeFirst(),

    /** Whether the rotation covers the zone (a preference names only a rotation the person can serve in). */
    rotationCovers: async (rotationId: string, zoneId: string) =>
      (await db
        .selectFrom('rotation_zones')
        .select('rotation_id')
        .where('rotation_id', '=', rotationId)
        .where('zone_id', '=', zoneId)
        .executeTakeFirst()) !== undefined,

    insertPreference: async (row: {
      personId: string
      zoneId: string
      rotationId: string | null
      preference: DutyPreference
      period: Period
      note: string | null
      createdAt: Date
    }) =>
      (
        await db
          .insertInto('duty_preferences')
          .values({
            person_id: row.personId,
            zone_id: row.zoneId,
            rotation_id: row.rotationId,
            preference: row.preference,
            period: range(row.period),
            note: row.note,
            created_at: row.createdAt,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,

    removePreference: (id: string) => db.deleteFrom('duty_preferences').where('id', '=', id).execute(),
  }
}

export type AvailabilityRepository = ReturnType<typeof availabilityRepository>
export type EntryRow = NonNullable<Awaited<ReturnType<AvailabilityRepository['byId']>>>
export type PreferenceRow = NonNullable<Awaited<ReturnType<AvailabilityRepository['preferenceById']>>>
