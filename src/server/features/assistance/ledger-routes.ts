import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/schema.ts'

/** Assistance (issue 9): the ledger routes. */
export async function assistanceLedgerRoutes(fastify: FastifyInstance, opts: { db: Kysely<DB> }): Promise<void> {
  void fastify
  void opts
}
