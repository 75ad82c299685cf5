import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/schema.ts'
import { inForceOn } from '../../platform/grants.ts'

/** Membership or validity in force on a date: [valid_from, valid_to] with open ends. */
const validOn = (alias: string, date: string) =>
  sql<boolean>`(${sql.ref(`${alias}.valid_from`)} IS NULL OR ${sql.ref(`${alias}.valid_from`)} <= ${date}::date)
           AND (${sql.ref(`${alias}.valid_to`)} IS NULL OR ${sql.ref(`${alias}.valid_to`)} >= ${date}::date)`

export function zonesRepository(db: Kysely<DB>) {
  const municipalitiesOf = (zoneIds: string[]) =>
    db
      .selectFrom('municipalities as m')
      .leftJoin('municipalities as n', 'n.id', 'm.merged_into_id')
      .leftJoin('zones as nz', 'nz.id', 'n.zone_id')
      .select([
        'm.id',
        'm.zone_id',
        'm.nis_code',
        'm.name',
        'm.population',
        'm.population_year',
        'm.area_km2',
        'm.valid_from',
        'm.valid_to',
        'n.name as merged_into_name',
        'nz.code as merged_into_zone_code',
        'nz.name as merged_into_zone_name',
        'm.note',
      ])
      .where('m.zone_id', 'in', zoneIds.length ? zoneIds : ['00000000-0000-0000-0000-000000000000'])
      .orderBy('m.name')
      .orderBy('m.valid_from')
      .execute()

  const membershipsOfZones = (zoneIds: string[]) =>
    db
      .selectFrom('association_memberships as am')
      .innerJoin('associations as a', 'a.id', 'am.association_id')
      .select(['am.zone_id', 'a.id', 'a.code', 'a.name', 'am.valid_from', 'am.valid_to'])
      .where('am.zone_id', 'in', zoneIds.length ? zoneIds : ['00000000-0000-0000-0000-000000000000'])
      .orderBy('a.name')
      .execute()

  return {
    zones: (code?: string) => {
      let q = db.selectFrom('zones').selectAll().orderBy('code')
      if (code !== undefined) q = q.where('code', '=', code)
      return q.execute()
    },
    municipalitiesOf,
    membershipsOfZones,

    associations: (id?: string) => {
      let q = db.selectFrom('associations').select(['id', 'code', 'name', 'description']).orderBy('name')
      if (id !== undefined) q = q.where('id', '=', id)
      return q.execute()
    },

    membersOfAssociations: () =>
      db
        .selectFrom('association_memberships as am')
        .innerJoin('zones as z', 'z.id', 'am.zone_id')
        .select(['am.association_id', 'z.id', 'z.code', 'z.name', 'am.valid_from', 'am.valid_to'])
        .orderBy('z.code')
        .execute(),

    /** Per member zone on `date`: current municipalities, area, population, and staff employed that day. */
    figures: (associationId: string, date: string) =>
      db
        .selectFrom('association_memberships as am')
        .innerJoin('zones as z', 'z.id', 'am.zone_id')
        .select((eb) => [
          'z.id as zone_id',
          'z.code',
          'z.name',
          eb
            .selectFrom('municipalities as m')
            .select(sql<number>`count(*)::int`.as('n'))
            .whereRef('m.zone_id', '=', 'z.id')
            .where(validOn('m', date))
            .as('municipalities'),
          eb
            .selectFrom('municipalities as m')
            .select(sql<number>`coalesce(sum(m.area_km2), 0)::float8`.as('n'))
            .whereRef('m.zone_id', '=', 'z.id')
            .where(validOn('m', date))
            .as('area_km2'),
          eb
            .selectFrom('municipalities as m')
            .select(sql<number>`coalesce(sum(m.population), 0)::int`.as('n'))
            .whereRef('m.zone_id', '=', 'z.id')
            .where(validOn('m', date))
            .as('population'),
          eb
            .selectFrom('people as p')
            .select(sql<number>`count(*)::int`.as('n'))
            .whereRef('p.zone_id', '=', 'z.id')
            .where(
              sql<boolean>`p.employed_from <= ${date}::date AND (p.employed_to IS NULL OR p.employed_to >= ${date}::date)`,
            )
            .as('staff'),
          eb
            .selectFrom('people as p')
            .select(sql<number>`coalesce(sum(p.fte), 0)::float8`.as('n'))
            .whereRef('p.zone_id', '=', 'z.id')
            .where(
              sql<boolean>`p.employed_from <= ${date}::date AND (p.employed_to IS NULL OR p.employed_to >= ${date}::date)`,
            )
            .as('staff_fte'),
        ])
        .where('am.association_id', '=', associationId)
        .where(validOn('am', date))
        .orderBy('z.code')
        .execute(),

    /** The years the population figures counted on `date` are from (they are not figures of that date). */
    populationYears: (associationId: string, date: string) =>
      db
        .selectFrom('association_memberships as am')
        .innerJoin('municipalities as m', 'm.zone_id', 'am.zone_id')
        .select('m.population_year')
        .distinct()
        .where('am.association_id', '=', associationId)
        .where(validOn('am', date))
        .where(validOn('m', date))
        .where('m.population', 'is not', null)
        .where('m.population_year', 'is not', null)
        .orderBy('m.population_year')
        .execute(),

    /** Figures quoted by an agreement of the association in force on `date` (the newest one that quotes any). */
    quotedFigures: (associationId: string, date: string) =>
      db
        .selectFrom('agreements as a')
        .innerJoin('agreement_key_figures as f', 'f.agreement_id', 'a.id')
        .select([
          'a.id',
          'a.title',
          'f.municipalities_count',
          'f.area_km2',
          'f.staff_count',
          'f.budget_ordinary_cents',
          'f.budget_extraordinary_cents',
          'f.budget_total_cents',
        ])
        .where('a.association_id', '=', associationId)
        .where(inForceOn(date))
        .orderBy('a.effective_from', 'desc')
        .executeTakeFirst(),

    domains: () => db.selectFrom('cooperation_domains').select(['code', 'category']).orderBy('sort_order').execute(),
  }
}
