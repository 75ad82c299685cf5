// Training (issue 11): GPI 48 compliance, qualifications, the zone overview (JSON or CSV), suggestions, settings.
// Each route: schema → policy (`training.compliance`, `training.settings`; the service decides on the person or
// zone: own zone only, else 404) → one service call.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { errorResponses } from '../../platform/http.ts'
import type { DB } from '../../platform/schema.ts'
import type { WorkerPool } from '../../platform/workers.ts'
import { complianceCsv, complianceCsvFilename } from './compliance-csv.ts'
import {
  AsOfQuery,
  PersonCompliance,
  PersonParams,
  Settings,
  SettingsBody,
  SuggestionQuery,
  Suggestions,
  ZoneOverview,
  ZoneOverviewQuery,
  ZoneParams,
} from './compliance-schema.ts'
import { complianceService } from './compliance-service.ts'
import { suggestionService } from './suggestion-service.ts'

/** CSV when asked by the query, or by an Accept header that prefers it (a browser's default asks for JSON). */
const wantsCsv = (req: FastifyRequest, format: 'json' | 'csv' | undefined) =>
  format === 'csv' || (format === undefined && /^\s*text\/csv\b/i.test(req.headers.accept ?? ''))

/** Training (issue 11): GPI 48 compliance, qualifications, the zone overview, suggestions, settings. */
export async function trainingComplianceRoutes(
  fastify: FastifyInstance,
  opts: { db: Kysely<DB>; workers: WorkerPool },
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const compliance = complianceService(opts.db)
  const suggestions = suggestionService(opts.db)
  const tags = ['training']

  app.get(
    '/api/training/compliance/people/:personId',
    {
      schema: {
        operationId: 'getPersonCompliance',
        tags,
        summary:
          "A person's GPI 48 standing over the rolling window, their GPI 48 sessions (last 24 months and upcoming) and qualifications with expiry: themself, or the korpschef/planner/trainer of their zone",
        params: PersonParams,
        querystring: AsOfQuery,
        response: { 200: PersonCompliance, ...errorResponses(400, 401, 403, 404) },
      },
      config: { policy: 'training.compliance' },
    },
    async (req) => compliance.person(req.policy, req.params.personId, req.query.asOf),
  )

  app.get(
    '/api/training/compliance/zones/:zoneId',
    {
      schema: {
        operationId: 'getZoneCompliance',
        tags,
        summary:
          "A zone's GPI 48 overview of its operational people (behind, due soon, compliant) with expiring qualifications; JSON or CSV (`?format=csv`)",
        params: ZoneParams,
        querystring: ZoneOverviewQuery,
        produces: ['application/json', 'text/csv'],
        response: {
          200: {
            description: 'The overview as JSON, or as a CSV file',
            content: { 'application/json': { schema: ZoneOverview }, 'text/csv': { schema: { type: 'string' } } },
          },
          ...errorResponses(400, 401, 403, 404),
        },
      },
      config: { policy: 'training.compliance' },
    },
    async (req, reply) => {
      const overview = await compliance.zone(req.policy, req.params.zoneId, req.query.asOf)
      if (!wantsCsv(req, req.query.format)) return reply.type('application/json; charset=utf-8').send(overview)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${complianceCsvFilename(overview)}"`)
        .send(complianceCsv(overview, req.actor?.locale ?? 'nl'))
    },
  )

  app.get(
    '/api/training/suggestions',
    {
      schema: {
        operationId: 'getTrainingSuggestions',
        tags,
        summary:
          "Up to five upcoming sessions a person can enrol in, GPI 48 first when behind, then renewals of expiring qualifications; none clashing with their duties or leave (default: the caller's own person)",
        querystring: SuggestionQuery,
        response: { 200: Suggestions, ...errorResponses(400, 401, 403, 404, 422) },
      },
      config: { policy: 'training.compliance' },
    },
    async (req) => suggestions.forPerson(req.policy, req.query.personId),
  )

  app.get(
    '/api/training/settings/:zoneId',
    {
      schema: {
        operationId: 'getTrainingSettings',
        tags,
        summary: "A zone's GPI 48 thresholds (the defaults when it has none of its own): the zone's staff",
        params: ZoneParams,
        response: { 200: Settings, ...errorResponses(401, 403, 404) },
      },
      config: { policy: 'training.compliance' },
    },
    async (req) => compliance.settings(req.policy, req.params.zoneId),
  )

  app.put(
    '/api/training/settings/:zoneId',
    {
      schema: {
        operationId: 'setTrainingSettings',
        tags,
        summary:
          "Set a zone's GPI 48 thresholds (window, sessions, evaluations, spread, warning horizon): its korpschef",
        params: ZoneParams,
        body: SettingsBody,
        response: { 200: Settings, ...errorResponses(400, 401, 403, 404) },
      },
      config: { policy: 'training.settings' },
    },
    async (req) => compliance.saveSettings(req.policy, req.params.zoneId, req.body),
  )
}
