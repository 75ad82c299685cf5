// Training (issue 11): GPI 48 compliance, qualifications, the zone overview, suggestions, settings
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/schema.ts'
import type { WorkerPool } from '../../platform/workers.ts'

/** Training (issue 11): GPI 48 compliance, qualifications, the zone overview, suggestions, settings (the train-compliance helper fills this in). */
export function trainingComplianceRoutes(
  _fastify: FastifyInstance,
  _opts: { db: Kysely<DB>; workers: WorkerPool },
): Promise<void> {
  return Promise.resolve()
}
