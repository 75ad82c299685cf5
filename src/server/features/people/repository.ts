import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely'
import type { DB } from '../../platform/schema.ts'
import { domainsShowing } from './domain.ts'
import type { PeopleQuery } from './schema.ts'

type Db = Kysely<DB> | Transaction<DB>

export interface PeopleScope {
  ownZoneIds: string[]
  /** `${zoneId}|${domain}` pairs in force between the actor's zones and partner zones */
  partnerPairs: string[]
  /** The zones of those pairs: lets the query skip every other zone by index before looking at functions. */
  partnerZoneIds: string[]
  date: string
}

/** Shared functions of person `p` in force on the date, restricted to the partner pairs. */
const sharedDomains = (scope: PeopleScope) => sql<string[]>`coalesce((
  SELECT array_agg(sf.domain_code ORDER BY sf.domain_code) FROM person_shared_functions sf
   WHERE sf.person_id = p.id
     AND (p.zone_id::text || '|' || sf.domain_code) = ANY(${scope.partnerPairs}::text[])
     AND sf.valid_from <= ${scope.date}::date AND (sf.valid_to IS NULL OR sf.valid_to >= ${scope.date}::date)
), '{}')`

export function peopleRepository(db: Db) {
  const visible = (scope: PeopleScope): Expression<SqlBool> =>
    sql<SqlBool>`(p.zone_id::text = ANY(${scope.ownZoneIds}::text[])
      OR (p.zone_id::text = ANY(${scope.partnerZoneIds}::text[]) AND EXISTS (
            SELECT 1 FROM person_shared_functions sf
             WHERE sf.person_id = p.id
               AND (p.zone_id::text || '|' || sf.domain_code) = ANY(${scope.partnerPairs}::text[])
               AND sf.valid_from <= ${scope.date}::date AND (sf.valid_to IS NULL OR sf.valid_to >= ${scope.date}::date))))`

  const filtered = (scope: PeopleScope, f: PeopleQuery) => {
    let q = db
      .selectFrom('people as p')
      .innerJoin('zones as z', 'z.id', 'p.zone_id')
      .where(visible(scope))
      .where(sql<SqlBool>`(p.employed_to IS NULL OR p.employed_to >= ${scope.date}::date)`)
    if (f.zoneId) q = q.where('p.zone_id', '=', f.zoneId)
    if (f.rank) q = q.where('p.rank', '=', f.rank)
    if (f.staffKind) q = q.where('p.staff_kind', '=', f.staffKind)
    if (f.q?.trim()) {
      const like = `%${f.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      q = q.where((eb) =>
        eb.or([
          eb('p.first_name', 'ilike', like),
          eb('p.last_name', 'ilike', like),
          eb(sql`p.first_name || ' ' || p.last_name`, 'ilike', like),
        ]),
      )
    }
    if (f.qualification) {
      // A partner's person matches only on a qualification the partner view shows: one that a domain through
      // which they are shared (in force, between the two zones) needs. Otherwise the filter would reveal a
      // qualification the partner may not see (e.g. informant handler).
      const code = f.qualification
      const showingPairs = scope.partnerPairs.filter((pair) => domainsShowing(code).includes(pair.split('|')[1] ?? ''))
      q = q.where(
        sql<SqlBool>`EXISTS (SELECT 1 FROM person_qualifications pq WHERE pq.person_id = p.id AND pq.qualification_code = ${code})
          AND (p.zone_id::text = ANY(${scope.ownZoneIds}::text[]) OR EXISTS (
            SELECT 1 FROM person_shared_functions sf
             WHERE sf.person_id = p.id
               AND (p.zone_id::text || '|' || sf.domain_code) = ANY(${showingPairs}::text[])
               AND sf.valid_from <= ${scope.date}::date AND (sf.valid_to IS NULL OR sf.valid_to >= ${scope.date}::date)))`,
      )
    }
    return q
  }

  const columns = (scope: PeopleScope) =>
    [
      'p.id',
      'p.zone_id',
      'z.code as zone_code',
      'z.name as zone_name',
      'p.first_name',
      'p.last_name',
      'p.staff_kind',
      'p.rank',
      'p.calog_level',
      'p.work_phone',
      'p.work_email',
      'p.employee_number',
      'p.fte',
      sql<
        string[]
      >`coalesce((SELECT array_agg(pq.qualification_code ORDER BY pq.qualification_code) FROM person_qualifications pq WHERE pq.person_id = p.id), '{}')`.as(
        'qualifications',
      ),
      sharedDomains(scope).as('shared_via'),
      // The total of the filtered set in the same pass, instead of a second COUNT query.
      sql<number>`(count(*) OVER ())::int`.as('total'),
    ] as const

  return {
    list: (scope: PeopleScope, f: PeopleQuery) =>
      filtered(scope, f)
        .select(columns(scope))
        .orderBy('p.last_name')
        .orderBy('p.first_name')
        .orderBy('p.id')
        .limit(f.limit ?? 50)
        .offset(f.offset ?? 0)
        .execute(),

    /** The filtered set counted per owner zone and sharing domains: a page past the end still tells a count. */
    countByZone: (scope: PeopleScope, f: PeopleQuery) =>
      db
        .selectFrom(
          filtered(scope, f)
            .select(['p.zone_id', sharedDomains(scope).as('shared_via')])
            .as('m'),
        )
        .select(['m.zone_id', 'm.shared_via', sql<number>`count(*)::int`.as('n')])
        .groupBy(['m.zone_id', 'm.shared_via'])
        .execute(),

    byId: (scope: PeopleScope, id: string) =>
      filtered(scope, {}).select(columns(scope)).where('p.id', '=', id).executeTakeFirst(),
  }
}

export type PersonRow = NonNullable<Awaited<ReturnType<ReturnType<typeof peopleRepository>['byId']>>>
