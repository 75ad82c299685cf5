// Briefing (issue 11): items, the shift view, restricted reads, read confirmations, settings, teams
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/schema.ts'
import type { WorkerPool } from '../../platform/workers.ts'

/** Briefing (issue 11): items, the shift view, restricted reads, read confirmations, settings, teams (the briefing helper fills this in). */
export function briefingRoutes(
  _fastify: FastifyInstance,
  _opts: { db: Kysely<DB>; workers: WorkerPool },
): Promise<void> {
  return Promise.resolve()
}
