// The SQL of settlements (issue 9, migration 0018): the association locked while one is recorded (two
// settlements never interleave), the last one's day, and the recorded settlements with their transfers.
import { sql, type Kysely, type Transaction } from 'kysely'
import type { SettlementUnit } from '../../platform/enums.ts'
import type { DB } from '../../platform/schema.ts'
import type { SettlementTransfer } from './ledger-schema.ts'

type Db = Kysely<DB> | Transaction<DB>

export function settlementRepository(db: Db) {
  return {
    /** NO KEY UPDATE: serialises settlements of one association without blocking foreign-key checks on it. */
    lockAssociation: (associationId: string) =>
      sql`SELECT 1 FROM associations WHERE id = ${associationId} FOR NO KEY UPDATE`.execute(db),

    lastUntil: async (associationId: string): Promise<string | null> =>
      (
        await db
          .selectFrom('assistance_settlements')
          .select(sql<string | null>`max(until)::text`.as('until'))
          .where('association_id', '=', associationId)
          .executeTakeFirstOrThrow()
      ).until,

    insert: (values: {
      association_id: string
      until: string
      unit: SettlementUnit
      hourly_rate_cents: number | null
      transfers: readonly SettlementTransfer[]
      created_by: string
      created_at: Date
    }) =>
      db
        .insertInto('assistance_settlements')
        .values({ ...values, transfers: JSON.stringify(values.transfers) })
        .returning('id')
        .executeTakeFirstOrThrow(),

    list: (associationId: string) =>
      db
        .selectFrom('assistance_settlements as s')
        .leftJoin('users as u', 'u.id', 's.created_by')
        .select([
          's.id',
          's.association_id',
          's.until',
          's.unit',
          's.hourly_rate_cents',
          's.transfers',
          's.created_at',
          's.created_by',
          'u.display_name as created_by_name',
        ])
        .where('s.association_id', '=', associationId)
        .orderBy('s.until', 'desc')
        .execute(),
  }
}
