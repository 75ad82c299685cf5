import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/schema.ts'

/** Assistance (issue 9): the request routes. */
export async function assistanceRequestRoutes(fastify: FastifyInstance, opts: { db: Kysely<DB> }): Promise<void> {
  void fastify
  void opts
}
