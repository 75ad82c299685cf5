// The money of issue 10 over HTTP: an investment's shares, an association's period settlement, recording it,
// the recorded ones, and a zone's statement as CSV and as PDF (rendered in the worker pool).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { errorResponses } from '../../platform/http.ts'
import type { DB } from '../../platform/schema.ts'
import type { WorkerPool } from '../../platform/workers.ts'
import {
  AssociationParams,
  InvestmentParams,
  InvestmentShares,
  PeriodQuery,
  Settlement,
  SettlementCreate,
  SettlementList,
  StatementQuery,
} from './settlement-schema.ts'
import { settlementService } from './settlement-service.ts'
import { statementCsv, statementFilename } from './statement-csv.ts'
import { STATEMENT_PDF_TASK, type StatementPdfInput } from './statement-pdf-task.ts'

const csvResponse = { description: 'CSV file', content: { 'text/csv': { schema: { type: 'string' } } } }
const pdfResponse = {
  description: 'PDF file',
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
}

/** Equipment and investments (issue 10): settlements, statements as CSV and PDF (settlements helper). */
export async function investmentSettlementRoutes(
  fastify: FastifyInstance,
  opts: { db: Kysely<DB>; workers: WorkerPool },
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const settlements = settlementService(opts.db)
  const tags = ['investments']
  const base = '/api/investments/associations/:id'

  app.get(
    '/api/investments/:id/shares',
    {
      schema: {
        operationId: 'getInvestmentShares',
        tags,
        summary:
          "An investment's shares per zone over a period (default: this calendar year): depreciation and running costs, with the key versions, their inputs and fractions",
        params: InvestmentParams,
        querystring: PeriodQuery,
        response: { 200: InvestmentShares, ...errorResponses(401, 403, 404, 422) },
      },
      config: { policy: 'investment.read' },
    },
    async (req) => settlements.shares(req.policy, req.params.id, req.query),
  )
  app.get(
    `${base}/settlement`,
    {
      schema: {
        operationId: 'getSettlement',
        tags,
        summary:
          "An association's settlement of a period [from, to) (default: last calendar year): lines per zone, nets, the fewest transfers; the recorded one when that period was recorded",
        params: AssociationParams,
        querystring: PeriodQuery,
        response: { 200: Settlement, ...errorResponses(401, 403, 404, 422) },
      },
      config: { policy: 'investment.settlement' },
    },
    async (req) => settlements.settlement(req.policy, req.params.id, req.query),
  )
  app.get(
    `${base}/settlements`,
    {
      schema: {
        operationId: 'listSettlements',
        tags,
        summary: "The association's recorded settlements, latest period first",
        params: AssociationParams,
        response: { 200: SettlementList, ...errorResponses(401, 403, 404) },
      },
      config: { policy: 'investment.settlement' },
    },
    async (req) => settlements.list(req.policy, req.params.id),
  )
  app.post(
    `${base}/settlements`,
    {
      schema: {
        operationId: 'recordSettlement',
        tags,
        summary: 'Record (freeze) the settlement of a period; 409 when a recorded one overlaps it',
        params: AssociationParams,
        body: SettlementCreate,
        response: { 201: Settlement, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: { policy: 'investment.settle' },
    },
    async (req, reply) => reply.code(201).send(await settlements.record(req.policy, req.params.id, req.body)),
  )
  app.get(
    `${base}/statement.csv`,
    {
      schema: {
        operationId: 'settlementStatementCsv',
        tags,
        summary: "A zone's settlement statement as CSV (UTF-8 with BOM, `;`, euros with a decimal comma)",
        params: AssociationParams,
        querystring: StatementQuery,
        produces: ['text/csv'],
        response: { 200: csvResponse, ...errorResponses(401, 403, 404, 422) },
      },
      config: { policy: 'investment.settlement' },
    },
    async (req, reply) => {
      const { settlement, zone } = await settlements.statement(req.policy, req.params.id, req.query)
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${statementFilename(zone.zone.code, settlement.from, settlement.to, 'csv')}"`,
        )
        .send(statementCsv(settlement, zone, req.policy.actor.locale))
    },
  )
  app.get(
    `${base}/statement.pdf`,
    {
      schema: {
        operationId: 'settlementStatementPdf',
        tags,
        summary: "A zone's settlement statement as PDF, in the caller's language (rendered off the request thread)",
        params: AssociationParams,
        querystring: StatementQuery,
        produces: ['application/pdf'],
        response: { 200: pdfResponse, ...errorResponses(401, 403, 404, 422) },
      },
      config: { policy: 'investment.settlement' },
    },
    async (req, reply) => {
      const { settlement, zone } = await settlements.statement(req.policy, req.params.id, req.query)
      const pdf = await opts.workers.run<StatementPdfInput, Uint8Array>({
        ...STATEMENT_PDF_TASK,
        input: { settlement, zone, locale: req.policy.actor.locale },
        timeLimitMs: 20_000,
      })
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="${statementFilename(zone.zone.code, settlement.from, settlement.to, 'pdf')}"`,
        )
        .send(Buffer.from(pdf))
    },
  )
}
