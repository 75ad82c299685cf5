import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { errorResponses } from '../../platform/http.ts'
import type { DB } from '../../platform/schema.ts'
import { statementCsv, statementFilename } from './ledger-csv.ts'
import {
  AssistanceBalances,
  AssistanceRate,
  AssistanceRateCreate,
  AssistanceRateList,
  AssistanceSettings,
  AssistanceSettingsUpdate,
  AssistanceSettlement,
  AssistanceSettlementList,
  AssistanceStatement,
  AssociationParams,
  PeriodQuery,
  SettlementCreate,
  SettlementProposal,
  SettlementQuery,
  StatementQuery,
} from './ledger-schema.ts'
import { ledgerService } from './ledger-service.ts'
import { settlementService } from './settlement-service.ts'

const csvResponse = { description: 'CSV file', content: { 'text/csv': { schema: { type: 'string' } } } }

/** Assistance (issue 9): the person-hours ledger — settings, rates, balances, statements, settlements. */
export async function assistanceLedgerRoutes(fastify: FastifyInstance, opts: { db: Kysely<DB> }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const ledger = ledgerService(opts.db)
  const settlements = settlementService(opts.db)
  const tags = ['assistance']
  const base = '/api/assistance/associations/:id'

  app.get(
    `${base}/settings`,
    {
      schema: {
        operationId: 'getAssistanceSettings',
        tags,
        summary: "The association's assistance settings: retroactive approval days, escalation minutes, hourly rate",
        params: AssociationParams,
        response: { 200: AssistanceSettings, ...errorResponses(401, 403, 404) },
      },
      config: { policy: 'assistance.ledger' },
    },
    async (req) => ledger.settings(req.policy, req.params.id),
  )
  app.put(
    `${base}/settings`,
    {
      schema: {
        operationId: 'updateAssistanceSettings',
        tags,
        summary: "Set the association's assistance settings (its admin)",
        params: AssociationParams,
        body: AssistanceSettingsUpdate,
        response: { 200: AssistanceSettings, ...errorResponses(401, 403, 404, 422) },
      },
      config: { policy: 'assistance.settle' },
    },
    async (req) => ledger.updateSettings(req.policy, req.params.id, req.body),
  )
  app.get(
    `${base}/rates`,
    {
      schema: {
        operationId: 'listAssistanceRates',
        tags,
        summary: 'The versions of the ledger rates per request category, each with the days it is in force',
        params: AssociationParams,
        response: { 200: AssistanceRateList, ...errorResponses(401, 403, 404) },
      },
      config: { policy: 'assistance.ledger' },
    },
    async (req) => ledger.rates(req.policy, req.params.id),
  )
  app.post(
    `${base}/rates`,
    {
      schema: {
        operationId: 'createAssistanceRate',
        tags,
        summary:
          'A new version of a category’s rate from a day on: the version in force then ends the day before; postings already made keep their rate',
        params: AssociationParams,
        body: AssistanceRateCreate,
        response: { 201: AssistanceRate, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: { policy: 'assistance.settle' },
    },
    async (req, reply) => reply.code(201).send(await ledger.createRate(req.policy, req.params.id, req.body)),
  )
  app.get(
    `${base}/balances`,
    {
      schema: {
        operationId: 'assistanceBalances',
        tags,
        summary:
          'Balances in weighted minutes per zone (opening, credit, debit, closing), per pair of zones, and per month',
        params: AssociationParams,
        querystring: PeriodQuery,
        response: { 200: AssistanceBalances, ...errorResponses(401, 403, 404, 422) },
      },
      config: { policy: 'assistance.ledger' },
    },
    async (req) => ledger.balances(req.policy, req.params.id, req.query),
  )
  app.get(
    `${base}/statement`,
    {
      schema: {
        operationId: 'assistanceStatement',
        tags,
        summary:
          "A zone's period statement: opening, every ledger line (partner people named only through a reason), closing (CSV: statement.csv)",
        params: AssociationParams,
        querystring: StatementQuery,
        response: { 200: AssistanceStatement, ...errorResponses(401, 403, 404, 422) },
      },
      config: { policy: 'assistance.ledger' },
    },
    async (req) => ledger.statement(req.policy, req.params.id, req.query),
  )
  app.get(
    `${base}/statement.csv`,
    {
      schema: {
        operationId: 'exportAssistanceStatement',
        tags,
        summary: "A zone's period statement as CSV (UTF-8 with BOM, `;`, hours with a decimal comma)",
        params: AssociationParams,
        querystring: StatementQuery,
        produces: ['text/csv'],
        response: { 200: csvResponse, ...errorResponses(401, 403, 404, 422) },
      },
      config: { policy: 'assistance.ledger' },
    },
    async (req, reply) => {
      const s = await ledger.statement(req.policy, req.params.id, req.query)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${statementFilename(s.zoneCode, s.from, s.to)}"`)
        .send(statementCsv(s, req.policy.actor.locale))
    },
  )
  app.get(
    `${base}/settlement-proposal`,
    {
      schema: {
        operationId: 'assistanceSettlementProposal',
        tags,
        summary:
          'The balances up to a day (earlier settlements carried over) netted with the fewest transfers, in hours or euros',
        params: AssociationParams,
        querystring: SettlementQuery,
        response: { 200: SettlementProposal, ...errorResponses(401, 403, 404, 422) },
      },
      config: { policy: 'assistance.ledger' },
    },
    async (req) => settlements.proposal(req.policy, req.params.id, req.query),
  )
  app.get(
    `${base}/settlements`,
    {
      schema: {
        operationId: 'listAssistanceSettlements',
        tags,
        summary: 'The recorded settlements of the association, latest first',
        params: AssociationParams,
        response: { 200: AssistanceSettlementList, ...errorResponses(401, 403, 404) },
      },
      config: { policy: 'assistance.ledger' },
    },
    async (req) => settlements.list(req.policy, req.params.id),
  )
  app.post(
    `${base}/settlements`,
    {
      schema: {
        operationId: 'recordAssistanceSettlement',
        tags,
        summary:
          'Record the settlement up to a day: its transfers are posted, the balances up to that day become zero (carry-over)',
        params: AssociationParams,
        body: SettlementCreate,
        response: { 201: AssistanceSettlement, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: { policy: 'assistance.settle' },
    },
    async (req, reply) => reply.code(201).send(await settlements.record(req.policy, req.params.id, req.body)),
  )
}
