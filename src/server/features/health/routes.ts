import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { sql, type Kysely } from 'kysely'
import { Type } from 'typebox'
import type { DatabaseKind } from '../../config.ts'
import { AppError } from '../../platform/errors.ts'
import { errorResponses } from '../../platform/http.ts'
import type { DB } from '../../platform/schema.ts'

const Health = Type.Object({
  status: Type.Literal('ok'),
  database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
  demo: Type.Boolean({ description: 'True when the server holds the public demo data set and accounts.' }),
})

export async function healthRoutes(
  fastify: FastifyInstance,
  opts: { db: Kysely<DB>; kind: DatabaseKind; demo: boolean },
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  app.get(
    '/api/health',
    {
      schema: {
        operationId: 'getHealth',
        tags: ['platform'],
        summary: 'Liveness and database check',
        response: { 200: Health, ...errorResponses(503) },
      },
    },
    async () => {
      try {
        await sql`SELECT 1`.execute(opts.db)
      } catch (err) {
        fastify.log.error({ err }, 'health check: database unreachable')
        throw new AppError('SERVICE_UNAVAILABLE')
      }
      return { status: 'ok' as const, database: opts.kind, demo: opts.demo }
    },
  )
  // A route that touches nothing: the baseline the API benchmark compares against.
  app.get(
    '/api/ping',
    {
      schema: {
        operationId: 'ping',
        tags: ['platform'],
        summary: 'Trivial JSON (benchmark baseline)',
        response: { 200: Type.Object({ pong: Type.Boolean() }) },
      },
    },
    async () => ({ pong: true }),
  )
}
