import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/schema.ts'
import type { WorkerPool } from '../../platform/workers.ts'

/** Equipment and investments (issue 10): investments, parties, running costs, cost keys (investments helper). */
export async function investmentRoutes(
  fastify: FastifyInstance,
  opts: { db: Kysely<DB>; workers: WorkerPool },
): Promise<void> {
  void fastify
  void opts
}
