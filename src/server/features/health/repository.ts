// All SQL of the health check.
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/schema.ts'

export function healthRepository(db: Kysely<DB>) {
  return {
    /** One round trip: the database answers queries. */
    async ping(): Promise<void> {
      await sql`SELECT 1`.execute(db)
    },
  }
}
