// Training (issue 11): the course catalogue, sessions, places per zone, trainers, range lanes, trainer hours
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/schema.ts'
import type { WorkerPool } from '../../platform/workers.ts'

/** Training (issue 11): the course catalogue, sessions, places per zone, trainers, range lanes, trainer hours (the train-sessions helper fills this in). */
export function trainingSessionRoutes(
  _fastify: FastifyInstance,
  _opts: { db: Kysely<DB>; workers: WorkerPool },
): Promise<void> {
  return Promise.resolve()
}
