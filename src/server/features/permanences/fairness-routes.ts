// The fairness report (issue 8): for one rotation, or for every rotation the caller may plan; JSON, or CSV
// with `?format=csv` or `Accept: text/csv` (fairness-csv.ts).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { errorResponses } from '../../platform/http.ts'
import type { DB } from '../../platform/schema.ts'
import { IdParams } from '../../platform/typebox.ts'
import { fairnessCsv, fairnessCsvFilename } from './fairness-csv.ts'
import { FairnessAllQuery, FairnessQuery, FairnessReport } from './fairness-schema.ts'
import { fairnessService } from './fairness-service.ts'

const response = {
  200: {
    description: 'The report as JSON, or as a CSV file',
    content: {
      'application/json': { schema: FairnessReport },
      'text/csv': { schema: { type: 'string' } },
    },
  },
  ...errorResponses(400, 401, 403, 404, 422),
} as const

/** CSV when asked by the query, or by an Accept header that prefers it (a browser's default asks for JSON). */
const wantsCsv = (req: FastifyRequest, format: 'json' | 'csv' | undefined) =>
  format === 'csv' || (format === undefined && /^\s*text\/csv\b/i.test(req.headers.accept ?? ''))

function send(req: FastifyRequest, reply: FastifyReply, report: FairnessReport, what: string, csv: boolean) {
  if (!csv) return reply.type('application/json; charset=utf-8').send(report)
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fairnessCsvFilename(what, report)}"`)
    .send(fairnessCsv(report, req.actor?.locale ?? 'nl'))
}

export async function fairnessRoutes(fastify: FastifyInstance, opts: { db: Kysely<DB> }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const fairness = fairnessService(opts.db)
  const tags = ['permanences']

  app.get(
    '/api/rotations/:id/fairness',
    {
      schema: {
        operationId: 'getRotationFairness',
        tags,
        summary:
          'Fairness of a rotation over a period (default this year): load per zone against the zone key, per person against the zone mean',
        params: IdParams,
        querystring: FairnessQuery,
        produces: ['application/json', 'text/csv'],
        response,
      },
      config: { policy: 'fairness.read' },
    },
    async (req, reply) => {
      const report = await fairness.rotation(req.policy, req.params.id, req.query)
      return send(req, reply, report, report.rotations[0]?.name ?? 'rotation', wantsCsv(req, req.query.format))
    },
  )
  app.get(
    '/api/permanences/fairness',
    {
      schema: {
        operationId: 'getFairness',
        tags,
        summary:
          'Fairness of every rotation the caller may plan (optionally of one association) together, over a period (default this year)',
        querystring: FairnessAllQuery,
        produces: ['application/json', 'text/csv'],
        response,
      },
      config: { policy: 'fairness.read' },
    },
    async (req, reply) => {
      const report = await fairness.all(req.policy, req.query)
      return send(req, reply, report, 'all', wantsCsv(req, req.query.format))
    },
  )
}
