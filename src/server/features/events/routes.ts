import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { SESSION_COOKIE } from '../../platform/auth/sessions.ts'
import { AppError } from '../../platform/errors.ts'
import { errorResponses } from '../../platform/http.ts'
import { EventsHeaders } from './schema.ts'
import type { EventStreams } from './service.ts'

export async function eventsRoutes(fastify: FastifyInstance, opts: { streams: EventStreams }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { streams } = opts
  // Open streams would keep app.close() waiting forever: end them first.
  fastify.addHook('preClose', (done) => {
    streams.closeAll()
    done()
  })
  app.get(
    '/api/events',
    {
      schema: {
        operationId: 'streamEvents',
        tags: ['platform'],
        summary: 'Live events (Server-Sent Events)',
        description:
          'A text/event-stream of the bus events the signed-in user may see, decided by the policy when each is ' +
          'delivered. Each message: `id: <n>` and `data: <LiveEvent as JSON>`. A `: heartbeat` comment line ' +
          'comes every 15 s; `retry:` suggests the reconnection delay; send `Last-Event-ID` to resume after an ' +
          'id. The stream ends with `event: session_ended` when the session does (logout, expiry, disabled ' +
          'account), and at server shutdown.',
        security: [{ session: [] }],
        headers: EventsHeaders,
        response: {
          200: {
            description: 'The stream (never ends on its own while the session lives).',
            content: { 'text/event-stream': { schema: Type.Ref('LiveEvent') } },
          },
          ...errorResponses(401, 503),
        },
      },
      config: { policy: 'events.stream' },
    },
    async (req, reply) => {
      const bus = streams.bus()
      if (!bus) throw new AppError('SERVICE_UNAVAILABLE', { reason: 'no event bus in this process' })
      const token = req.cookies[SESSION_COOKIE]
      if (!token) throw new AppError('UNAUTHENTICATED')
      const lastEventId = req.headers['last-event-id']
      reply.hijack()
      streams.start(bus, reply.raw, {
        token,
        lastEventId: lastEventId === undefined ? null : Number(lastEventId),
        headers: reply.getHeaders(),
      })
    },
  )
}
