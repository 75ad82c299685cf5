import { sql, type Expression, type Kysely, type SqlBool } from 'kysely'
import type { DB } from '../../platform/schema.ts'
import { brusselsRange, scopeZoneIds, type AuditScope } from './domain.ts'
import type { AuditExportQuery } from './schema.ts'

const NONE = ['00000000-0000-0000-0000-000000000000']

/** The events a DPO may read: own chains whole, partner chains from the moment `dpo` sharing is in force. */
const inScope = (scope: AuditScope): Expression<SqlBool> => {
  const own = scope.ownZoneIds.length ? scope.ownZoneIds : NONE
  const partners = scope.partners.map((p) => sql<SqlBool>`(e.chain_zone_id = ${p.zoneId} AND e.at >= ${p.since})`)
  return sql<SqlBool>`(e.chain_zone_id = ANY(${own}::uuid[])${sql.join(
    partners.map((p) => sql` OR ${p}`),
    sql``,
  )})`
}

export function auditRepository(db: Kysely<DB>) {
  /** The filtered events, joined with what a row shows; `own` names the persons a DPO may see by name. */
  const filtered = (scope: AuditScope, q: AuditExportQuery) => {
    const own = scope.ownZoneIds.length ? scope.ownZoneIds : NONE
    let query = db
      .selectFrom('audit_events as e')
      .innerJoin('zones as z', 'z.id', 'e.chain_zone_id')
      .leftJoin('users as u', 'u.id', 'e.actor_user_id')
      .leftJoin('zones as az', 'az.id', 'e.actor_zone_id')
      // Names only of the persons of the DPO's own zones (a partner's person stays an id).
      .leftJoin('people as op', (join) =>
        join.on(
          sql<SqlBool>`e.object_type = 'person' AND op.id::text = e.object_id AND op.zone_id = ANY(${own}::uuid[])`,
        ),
      )
      .where('e.chain_zone_id', 'in', scopeZoneIds(scope).length ? scopeZoneIds(scope) : NONE)
      .where(inScope(scope))
    if (q.zoneId) query = query.where('e.chain_zone_id', '=', q.zoneId)
    if (q.action) query = query.where('e.action', '=', q.action)
    if (q.actorUserId) query = query.where('e.actor_user_id', '=', q.actorUserId)
    if (q.personId) {
      const id = q.personId
      // The object, or one of the people a list read returned (GIN index of migration 0005).
      query = query.where(
        sql<SqlBool>`((e.object_type = 'person' AND e.object_id = ${id}) OR (e.details -> 'personIds') @> jsonb_build_array(${id}::text))`,
      )
    }
    const range = brusselsRange(q.from, q.to)
    if (range.from) query = query.where('e.at', '>=', range.from)
    if (range.before) query = query.where('e.at', '<', range.before)
    return query.select([
      'e.id',
      'e.at',
      'e.seq',
      'e.hash',
      'e.chain_zone_id as zone_id',
      'z.code as zone_code',
      'e.action',
      'e.actor_user_id',
      'u.display_name as actor_name',
      'az.code as actor_zone_code',
      'e.object_type',
      'e.object_id',
      sql<string | null>`CASE WHEN op.id IS NULL THEN NULL ELSE op.first_name || ' ' || op.last_name END`.as(
        'object_name',
      ),
      'e.domain',
      'e.details',
    ])
  }

  return {
    zoneCodes: async (zoneIds: string[]) =>
      (
        await db
          .selectFrom('zones')
          .select('code')
          .where('id', 'in', zoneIds.length ? zoneIds : NONE)
          .orderBy('code')
          .execute()
      ).map((z) => z.code),

    /** Newest first, with the total of the filtered set. */
    events: (scope: AuditScope, q: AuditExportQuery & { limit?: number; offset?: number }) =>
      filtered(scope, q)
        .select(sql<number>`(count(*) OVER ())::int`.as('total'))
        .orderBy('e.id', 'desc')
        .limit(q.limit ?? 50)
        .offset(q.offset ?? 0)
        .execute(),

    /** The whole filtered set, oldest first (for the export), at most `max` rows. */
    exportRows: (scope: AuditScope, q: AuditExportQuery, max: number) =>
      filtered(scope, q).orderBy('e.id').limit(max).execute(),

    count: async (scope: AuditScope, q: AuditExportQuery) =>
      (
        await db
          .selectFrom(filtered(scope, q).as('f'))
          .select(sql<number>`count(*)::int`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,

    /** The users who acted in the events the DPO may read, by name, with the zones of their roles. */
    actors: (scope: AuditScope) =>
      db
        .selectFrom('users as u')
        .select([
          'u.id',
          'u.display_name as name',
          sql<string[]>`coalesce((SELECT array_agg(DISTINCT z.code ORDER BY z.code) FROM user_roles r
            JOIN zones z ON z.id = r.zone_id WHERE r.user_id = u.id), '{}')`.as('zone_codes'),
        ])
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('audit_events as e')
              .select('e.id')
              .whereRef('e.actor_user_id', '=', 'u.id')
              .where('e.chain_zone_id', 'in', scopeZoneIds(scope).length ? scopeZoneIds(scope) : NONE)
              .where(inScope(scope)),
          ),
        )
        .orderBy('u.display_name')
        .orderBy('u.id')
        .execute(),
  }
}

export type AuditRow = Awaited<ReturnType<ReturnType<typeof auditRepository>['exportRows']>>[number]
