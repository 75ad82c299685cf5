// Training (issue 11): enrolments, the waiting list, cancellations, attendance and results
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/schema.ts'
import type { WorkerPool } from '../../platform/workers.ts'

/** Training (issue 11): enrolments, the waiting list, cancellations, attendance and results (the train-enrol helper fills this in). */
export function trainingEnrolmentRoutes(
  _fastify: FastifyInstance,
  _opts: { db: Kysely<DB>; workers: WorkerPool },
): Promise<void> {
  return Promise.resolve()
}
