import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import type { DatabaseKind } from '../../config.ts'
import { errorResponses } from '../../platform/http.ts'
import type { DB } from '../../platform/schema.ts'
import { Health, Pong } from './schema.ts'
import { healthService } from './service.ts'

export async function healthRoutes(
  fastify: FastifyInstance,
  opts: { db: Kysely<DB>; kind: DatabaseKind; demo: boolean },
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const health = healthService(opts.db, { kind: opts.kind, demo: opts.demo, log: fastify.log })
  app.get(
    '/api/health',
    {
      schema: {
        operationId: 'getHealth',
        tags: ['platform'],
        summary: 'Liveness and database check',
        response: { 200: Health, ...errorResponses(503) },
      },
      config: { policy: 'public' },
    },
    async () => health.check(),
  )
  // A route that touches nothing: the baseline the API benchmark compares against.
  app.get(
    '/api/ping',
    {
      schema: {
        operationId: 'ping',
        tags: ['platform'],
        summary: 'Trivial JSON (benchmark baseline)',
        response: { 200: Pong },
      },
      config: { policy: 'public' },
    },
    async () => ({ pong: true }),
  )
}
