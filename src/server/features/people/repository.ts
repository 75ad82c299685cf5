import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely'
import type { DB } from '../../platform/schema.ts'
import {
  hasPartnerReason,
  limitDomains,
  partnerReasons,
  personVisible,
  type VisibilityScope,
} from '../../platform/visibility.ts'
import { domainsShowing } from './domain.ts'
import type { PeopleQuery } from './schema.ts'

type Db = Kysely<DB> | Transaction<DB>

/** Who reads (own zones, and the reasons they may see partners by), on which Brussels date. */
export type PeopleScope = VisibilityScope

export function peopleRepository(db: Db) {
  const filtered = (scope: PeopleScope, f: PeopleQuery) => {
    let q = db
      .selectFrom('people as p')
      .innerJoin('zones as z', 'z.id', 'p.zone_id')
      .where(personVisible(scope))
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
      q = q.where(
        sql<SqlBool>`EXISTS (SELECT 1 FROM person_qualifications pq WHERE pq.person_id = p.id AND pq.qualification_code = ${code})
          AND (p.zone_id = ANY(${scope.ownZoneIds}::uuid[]) OR ${hasPartnerReason(limitDomains(scope, domainsShowing(code)))})`,
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
      partnerReasons(scope).as('reasons'),
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

    /** The filtered set counted per owner zone and partner reasons: a page past the end still tells a count. */
    countByZone: (scope: PeopleScope, f: PeopleQuery) =>
      db
        .selectFrom(
          filtered(scope, f)
            .select(['p.zone_id', partnerReasons(scope).as('reasons')])
            .as('m'),
        )
        .select(['m.zone_id', 'm.reasons', sql<number>`count(*)::int`.as('n')])
        .groupBy(['m.zone_id', 'm.reasons'])
        .execute(),

    byId: (scope: PeopleScope, id: string) =>
      filtered(scope, {}).select(columns(scope)).where('p.id', '=', id).executeTakeFirst(),
  }
}

export type PersonRow = NonNullable<Awaited<ReturnType<ReturnType<typeof peopleRepository>['byId']>>>

// training (issue 11, train-enrol): a passed course renews the qualification it grants. The people feature owns
// person_qualifications; training calls this fragment in its transaction. An older session never overrides a
// newer renewal (re-recording an earlier session's attendance).
export async function renewQualification(
  trx: Transaction<DB>,
  r: { personId: string; code: string; obtainedOn: string; validUntil: string },
): Promise<void> {
  await trx
    .insertInto('person_qualifications')
    .values({ person_id: r.personId, qualification_code: r.code, obtained_on: r.obtainedOn, valid_until: r.validUntil })
    .onConflict((oc) =>
      oc
        .columns(['person_id', 'qualification_code'])
        .doUpdateSet({ obtained_on: r.obtainedOn, valid_until: r.validUntil })
        .where(
          sql<SqlBool>`person_qualifications.obtained_on IS NULL OR person_qualifications.obtained_on <= ${r.obtainedOn}::date`,
        ),
    )
    .execute()
}
