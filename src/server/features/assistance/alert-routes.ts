// Assistance (issue 9): the alert routes — the open alerts of the caller's zones, the acknowledgement, and the
// response-time report (JSON, or CSV with `?format=csv` or `Accept: text/csv`). Thin: each one service call.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { errorResponses } from '../../platform/http.ts'
import type { DB } from '../../platform/schema.ts'
import { IdParams } from '../../platform/typebox.ts'
import {
  AcknowledgeBody,
  Acknowledgement,
  AssistanceAlertList,
  ResponseTimes,
  ResponseTimesQuery,
} from './alert-schema.ts'
import { alertService } from './alert-service.ts'
import { responseTimesCsv, responseTimesFilename } from './response-time-csv.ts'
import { responseTimeService } from './response-time-service.ts'

/** CSV when asked by the query, or by an Accept header that prefers it (a browser's default asks for JSON). */
const wantsCsv = (req: FastifyRequest, format: 'json' | 'csv' | undefined) =>
  format === 'csv' || (format === undefined && /^\s*text\/csv\b/i.test(req.headers.accept ?? ''))

export async function assistanceAlertRoutes(fastify: FastifyInstance, opts: { db: Kysely<DB> }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const alerts = alertService(opts.db)
  const responseTimes = responseTimeService(opts.db)
  const tags = ['assistance']

  app.get(
    '/api/assistance/alerts',
    {
      schema: {
        operationId: 'listAssistanceAlerts',
        tags,
        summary:
          'Open alerts of the caller’s zones: requests addressed to them, sent, neither acknowledged nor declined, still open',
        response: { 200: AssistanceAlertList, ...errorResponses(401, 403) },
      },
      config: { policy: 'assistance.respond' },
    },
    async (req) => ({ items: await alerts.list(req.policy) }),
  )
  app.post(
    '/api/assistance/requests/:id/acknowledge',
    {
      schema: {
        operationId: 'acknowledgeAssistanceAlert',
        tags,
        summary:
          'Acknowledge the alert of a request addressed to the caller’s zone (once; again: the first acknowledgement)',
        params: IdParams,
        body: AcknowledgeBody,
        response: { 200: Acknowledgement, ...errorResponses(401, 403, 404, 409, 415, 422) },
      },
      config: { policy: 'assistance.respond' },
    },
    async (req) => alerts.acknowledge(req.policy, req.params.id, req.body ?? {}),
  )
  app.get(
    '/api/assistance/response-times',
    {
      schema: {
        operationId: 'assistanceResponseTimes',
        tags,
        summary:
          'Response times of an association over a period: per helping zone and category, requested → acknowledgement, → offer, → arrival (median, P90)',
        querystring: ResponseTimesQuery,
        produces: ['application/json', 'text/csv'],
        response: {
          200: {
            description: 'The report as JSON, or as a CSV file',
            content: {
              'application/json': { schema: ResponseTimes },
              'text/csv': { schema: { type: 'string' } },
            },
          },
          ...errorResponses(400, 401, 403, 404, 422),
        },
      },
      config: { policy: 'assistance.ledger' },
    },
    async (req, reply) => {
      const report = await responseTimes.report(req.policy, req.query)
      if (!wantsCsv(req, req.query.format)) return reply.type('application/json; charset=utf-8').send(report)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${responseTimesFilename(report)}"`)
        .send(responseTimesCsv(report, req.actor?.locale ?? 'nl'))
    },
  )
}
