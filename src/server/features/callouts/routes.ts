import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import { Type } from 'typebox'
import { errorResponses } from '../../platform/http.ts'
import type { DB } from '../../platform/schema.ts'
import { IdParams } from '../../platform/typebox.ts'
import { statementCsv, statementFilename } from './csv.ts'
import {
  CallOutCreate,
  CallOutList,
  CallOutQuery,
  CallOutResult,
  CallOutUpdate,
  PersonStatement,
  PersonStatementQuery,
  ZoneMonthParams,
} from './schema.ts'
import { calloutsService } from './service.ts'

const csvResponse = { description: 'CSV file', content: { 'text/csv': { schema: { type: 'string' } } } }

/** Call-outs (wachtoproep) of on-call duties, and the monthly statement for payroll (per person, per zone). */
export async function calloutsRoutes(fastify: FastifyInstance, opts: { db: Kysely<DB> }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const callouts = calloutsService(opts.db)
  const tags = ['callouts']
  const zoneStatement = Type.Ref('ZoneStatement')

  app.get(
    '/api/callouts',
    {
      schema: {
        operationId: 'listCallOuts',
        tags,
        summary: "A person's call-outs of a month (own by default) and their current or most recent on-call duty",
        querystring: CallOutQuery,
        response: { 200: CallOutList, ...errorResponses(401, 403, 404, 422) },
      },
      config: { policy: 'callout.read' },
    },
    async (req) => callouts.list(req.policy, req.query),
  )
  app.post(
    '/api/callouts',
    {
      schema: {
        operationId: 'createCallOut',
        tags,
        summary:
          'Record a call-out within an on-call duty (own, or the planner for a person of the zone); answers the upcoming present duties it makes break a working-time rule',
        body: CallOutCreate,
        response: { 201: CallOutResult, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: { policy: 'callout.manage' },
    },
    async (req, reply) => reply.code(201).send(await callouts.create(req.policy, req.body)),
  )
  app.patch(
    '/api/callouts/:id',
    {
      schema: {
        operationId: 'updateCallOut',
        tags,
        summary: "Correct a call-out (until the month's statement is approved)",
        params: IdParams,
        body: CallOutUpdate,
        response: { 200: CallOutResult, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: { policy: 'callout.manage' },
    },
    async (req) => callouts.update(req.policy, req.params.id, req.body),
  )
  app.delete(
    '/api/callouts/:id',
    {
      schema: {
        operationId: 'deleteCallOut',
        tags,
        summary: "Remove a call-out (until the month's statement is approved)",
        params: IdParams,
        response: { 204: { type: 'null' }, ...errorResponses(401, 403, 404, 409) },
      },
      config: { policy: 'callout.manage' },
    },
    async (req, reply) => {
      await callouts.remove(req.policy, req.params.id)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/callouts/statement',
    {
      schema: {
        operationId: 'getPersonStatement',
        tags,
        summary: "A person's monthly statement: on-call and call-out hours by night, Saturday, Sunday, public holiday",
        querystring: PersonStatementQuery,
        response: { 200: PersonStatement, ...errorResponses(401, 403, 404, 422) },
      },
      config: { policy: 'callout.read' },
    },
    async (req) => callouts.personStatement(req.policy, req.query),
  )
  app.get(
    '/api/callouts/statement/csv',
    {
      schema: {
        operationId: 'exportPersonStatement',
        tags,
        summary: "A person's monthly statement as CSV (UTF-8 with BOM, `;`, decimal comma: Excel in nl-BE/fr-BE)",
        querystring: PersonStatementQuery,
        produces: ['text/csv'],
        response: { 200: csvResponse, ...errorResponses(401, 403, 404, 422) },
      },
      config: { policy: 'callout.read' },
    },
    async (req, reply) => {
      const s = await callouts.personStatement(req.policy, req.query)
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${statementFilename(s.zoneCode, s.month, s.line.employeeNumber)}"`,
        )
        .send(statementCsv([s.line], req.policy.actor.locale))
    },
  )

  app.get(
    '/api/zones/:zoneId/statements/:month',
    {
      schema: {
        operationId: 'getZoneStatement',
        tags,
        summary: "A zone's monthly statement, per person, with its approval status (planner, korpschef)",
        params: ZoneMonthParams,
        response: { 200: zoneStatement, ...errorResponses(401, 403, 404, 422) },
      },
      config: { policy: 'statement.read' },
    },
    async (req) => callouts.zoneStatement(req.policy, req.params.zoneId, req.params.month),
  )
  app.get(
    '/api/zones/:zoneId/statements/:month/csv',
    {
      schema: {
        operationId: 'exportZoneStatement',
        tags,
        summary: "A zone's monthly statement as CSV, one row per person (UTF-8 with BOM, `;`, decimal comma)",
        params: ZoneMonthParams,
        produces: ['text/csv'],
        response: { 200: csvResponse, ...errorResponses(401, 403, 404, 422) },
      },
      config: { policy: 'statement.read' },
    },
    async (req, reply) => {
      const s = await callouts.zoneStatement(req.policy, req.params.zoneId, req.params.month)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${statementFilename(s.zoneCode, s.month)}"`)
        .send(statementCsv(s.lines, req.policy.actor.locale))
    },
  )
  app.post(
    '/api/zones/:zoneId/statements/:month/approve',
    {
      schema: {
        operationId: 'approveZoneStatement',
        tags,
        summary: "Approve a zone's monthly statement: its numbers are stored and the month's call-outs locked",
        params: ZoneMonthParams,
        response: { 200: zoneStatement, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: { policy: 'statement.approve' },
    },
    async (req) => callouts.approve(req.policy, req.params.zoneId, req.params.month),
  )
  app.post(
    '/api/zones/:zoneId/statements/:month/reopen',
    {
      schema: {
        operationId: 'reopenZoneStatement',
        tags,
        summary: "Reopen an approved monthly statement: the month's call-outs can be corrected again",
        params: ZoneMonthParams,
        response: { 200: zoneStatement, ...errorResponses(401, 403, 404, 409) },
      },
      config: { policy: 'statement.approve' },
    },
    async (req) => callouts.reopen(req.policy, req.params.zoneId, req.params.month),
  )
}
