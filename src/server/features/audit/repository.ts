import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/schema.ts'
import type { AuditQuery } from './schema.ts'

const NONE = ['00000000-0000-0000-0000-000000000000']

export function auditRepository(db: Kysely<DB>) {
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

    /** Newest first, in the chains of `zoneIds`, with the total of the filtered set. */
    events: (zoneIds: string[], q: AuditQuery) => {
      let query = db
        .selectFrom('audit_events as e')
        .innerJoin('zones as z', 'z.id', 'e.chain_zone_id')
        .leftJoin('users as u', 'u.id', 'e.actor_user_id')
        .leftJoin('zones as az', 'az.id', 'e.actor_zone_id')
        .select([
          'e.id',
          'e.at',
          'e.chain_zone_id as zone_id',
          'z.code as zone_code',
          'e.action',
          'u.display_name as actor_name',
          'az.code as actor_zone_code',
          'e.object_type',
          'e.object_id',
          'e.domain',
          'e.details',
          sql<number>`(count(*) OVER ())::int`.as('total'),
        ])
        .where('e.chain_zone_id', 'in', zoneIds.length ? zoneIds : NONE)
      if (q.zoneId) query = query.where('e.chain_zone_id', '=', q.zoneId)
      if (q.action) query = query.where('e.action', '=', q.action)
      return query
        .orderBy('e.id', 'desc')
        .limit(q.limit ?? 50)
        .offset(q.offset ?? 0)
        .execute()
    },
  }
}
