import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/schema.ts'
import type { WorkerPool } from '../../platform/workers.ts'

/** Equipment and investments (issue 10): assets, their validities, the catalogue and the availability search (assets helper). */
export async function equipmentAssetRoutes(
  fastify: FastifyInstance,
  opts: { db: Kysely<DB>; workers: WorkerPool },
): Promise<void> {
  void fastify
  void opts
}
