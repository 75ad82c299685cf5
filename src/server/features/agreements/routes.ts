import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import { errorResponses } from '../../platform/http.ts'
import type { DB } from '../../platform/schema.ts'
import { IdParams } from '../../platform/typebox.ts'
import {
  Agreement,
  AgreementCreate,
  AgreementList,
  AgreementPatch,
  AgreementQuery,
  ApprovalCreate,
  TransitionBody,
} from './schema.ts'
import { agreementsService } from './service.ts'

export async function agreementsRoutes(fastify: FastifyInstance, opts: { db: Kysely<DB> }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const agreements = agreementsService(opts.db)
  const tags = ['agreements']

  app.get(
    '/api/agreements',
    {
      schema: {
        operationId: 'listAgreements',
        tags,
        summary: 'Agreements the caller is party to',
        querystring: AgreementQuery,
        response: { 200: AgreementList, ...errorResponses(401, 403) },
      },
      config: { policy: 'agreement.read' },
    },
    async (req) => ({ items: await agreements.list(req.policy, req.query) }),
  )
  app.get(
    '/api/agreements/:id',
    {
      schema: {
        operationId: 'getAgreement',
        tags,
        summary: 'One agreement with domains, approvals and key figures',
        params: IdParams,
        response: { 200: Agreement, ...errorResponses(401, 403, 404) },
      },
      config: { policy: 'agreement.read' },
    },
    async (req) => agreements.get(req.policy, req.params.id),
  )
  app.post(
    '/api/agreements',
    {
      schema: {
        operationId: 'createAgreement',
        tags,
        summary: 'Create a draft agreement (korpschef of a party, or admin)',
        body: AgreementCreate,
        response: { 201: Agreement, ...errorResponses(401, 403, 404, 409, 415, 422) },
      },
      config: { policy: 'agreement.manage' },
    },
    async (req, reply) => reply.code(201).send(await agreements.create(req.policy, req.body)),
  )
  app.patch(
    '/api/agreements/:id',
    {
      schema: {
        operationId: 'updateAgreement',
        tags,
        summary: 'Edit a draft agreement',
        params: IdParams,
        body: AgreementPatch,
        response: { 200: Agreement, ...errorResponses(401, 403, 404, 409, 415, 422) },
      },
      config: { policy: 'agreement.manage' },
    },
    async (req) => agreements.update(req.policy, req.params.id, req.body),
  )
  app.post(
    '/api/agreements/:id/approvals',
    {
      schema: {
        operationId: 'recordApproval',
        tags,
        summary: "Record a council's decision for a party zone",
        params: IdParams,
        body: ApprovalCreate,
        response: { 201: Agreement, ...errorResponses(401, 403, 404, 409, 415, 422) },
      },
      config: { policy: 'agreement.approve' },
    },
    async (req, reply) => reply.code(201).send(await agreements.recordApproval(req.policy, req.params.id, req.body)),
  )
  app.post(
    '/api/agreements/:id/transitions',
    {
      schema: {
        operationId: 'transitionAgreement',
        tags,
        summary: 'Move along draft → in approval → in force → ended',
        params: IdParams,
        body: TransitionBody,
        response: { 200: Agreement, ...errorResponses(401, 403, 404, 409, 415, 422) },
      },
      config: { policy: 'agreement.manage' },
    },
    async (req) => agreements.transition(req.policy, req.params.id, req.body),
  )
}
