import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { errorResponses } from '../../platform/http.ts'
import type { DB } from '../../platform/schema.ts'
import { IdParams } from '../../platform/typebox.ts'
import type { WorkerPool } from '../../platform/workers.ts'
import {
  CostKeyCreate,
  CostParams,
  InvestmentAssetsInput,
  InvestmentCreate,
  InvestmentDetail,
  InvestmentList,
  InvestmentPartiesInput,
  InvestmentQuery,
  InvestmentUpdate,
  KeyCostParams,
  KeyInputs,
  KeyInputsQuery,
  RunningCostCreate,
} from './investment-schema.ts'
import { investmentService } from './investment-service.ts'

/**
 * Equipment and investments (issue 10): investments, parties, running costs, cost keys. Each route: schema →
 * policy (the route's rule; the service decides on the investment: its party zones and association) → one
 * service call → the investment as the reader sees it.
 */
export async function investmentRoutes(
  fastify: FastifyInstance,
  opts: { db: Kysely<DB>; workers: WorkerPool },
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const investments = investmentService(opts.db)
  const tags = ['investments']
  const read = { policy: 'investment.read' } as const
  const manage = { policy: 'investment.manage' } as const
  const changed = { 200: InvestmentDetail, ...errorResponses(401, 403, 404, 409, 422) }

  app.get(
    '/api/investments',
    {
      schema: {
        operationId: 'listInvestments',
        tags,
        summary: "Joint investments of which a zone of the reader is a party (an admin: the association's)",
        querystring: InvestmentQuery,
        response: { 200: InvestmentList, ...errorResponses(401, 403) },
      },
      config: read,
    },
    async (req) => investments.list(req.policy, req.query),
  )

  app.get(
    '/api/investments/key-inputs',
    {
      schema: {
        operationId: 'suggestKeyInputs',
        tags,
        summary: 'Population and active staff (FTE) per zone on a day: the usual inputs of a cost key version',
        querystring: KeyInputsQuery,
        response: { 200: KeyInputs, ...errorResponses(401, 403) },
      },
      config: read,
    },
    async (req) => investments.suggestKeyInputs(req.query),
  )

  app.post(
    '/api/investments',
    {
      schema: {
        operationId: 'createInvestment',
        tags,
        summary: 'Record a joint investment with its parties, first cost key version (from the purchase) and assets',
        body: InvestmentCreate,
        response: { 201: InvestmentDetail, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: manage,
    },
    async (req, reply) => reply.code(201).send(await investments.create(req.policy, req.body)),
  )

  app.get(
    '/api/investments/:id',
    {
      schema: {
        operationId: 'getInvestment',
        tags,
        summary: 'An investment with its parties, assets, cost key versions, running costs and the reader’s actions',
        params: IdParams,
        response: { 200: InvestmentDetail, ...errorResponses(401, 403, 404) },
      },
      config: read,
    },
    async (req) => investments.get(req.policy, req.params.id),
  )

  app.patch(
    '/api/investments/:id',
    {
      schema: {
        operationId: 'updateInvestment',
        tags,
        summary: 'Edit the purchase facts: title, supplier, description, amount, depreciation period',
        params: IdParams,
        body: InvestmentUpdate,
        response: changed,
      },
      config: manage,
    },
    async (req) => investments.update(req.policy, req.params.id, req.body),
  )

  app.put(
    '/api/investments/:id/parties',
    {
      schema: {
        operationId: 'setInvestmentParties',
        tags,
        summary: 'The party zones with the day each joined and left (a zone may join mid-year)',
        params: IdParams,
        body: InvestmentPartiesInput,
        response: changed,
      },
      config: manage,
    },
    async (req) => investments.setParties(req.policy, req.params.id, req.body),
  )

  app.put(
    '/api/investments/:id/assets',
    {
      schema: {
        operationId: 'setInvestmentAssets',
        tags,
        summary: 'The assets bought with the investment (kept by a party zone)',
        params: IdParams,
        body: InvestmentAssetsInput,
        response: changed,
      },
      config: manage,
    },
    async (req) => investments.setAssets(req.policy, req.params.id, req.body),
  )

  app.post(
    '/api/investments/:id/cost-keys',
    {
      schema: {
        operationId: 'addCostKey',
        tags,
        summary: 'A new cost key version from a day: it closes the open version then (an overlap otherwise: 409)',
        params: IdParams,
        body: CostKeyCreate,
        response: { 201: InvestmentDetail, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: manage,
    },
    async (req, reply) => reply.code(201).send(await investments.addKey(req.policy, req.params.id, req.body)),
  )

  app.delete(
    '/api/investments/:id/cost-keys/:keyId',
    {
      schema: {
        operationId: 'removeCostKey',
        tags,
        summary: 'Remove a cost key version that has not started yet (the version before it continues)',
        params: KeyCostParams,
        response: changed,
      },
      config: manage,
    },
    async (req) => investments.removeKey(req.policy, req.params.id, req.params.keyId),
  )

  app.post(
    '/api/investments/:id/costs',
    {
      schema: {
        operationId: 'addRunningCost',
        tags,
        summary: 'A running cost (maintenance, licence, calibration, …) paid by a party zone',
        params: IdParams,
        body: RunningCostCreate,
        response: { 201: InvestmentDetail, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: manage,
    },
    async (req, reply) => reply.code(201).send(await investments.addCost(req.policy, req.params.id, req.body)),
  )

  app.delete(
    '/api/investments/:id/costs/:costId',
    {
      schema: {
        operationId: 'removeRunningCost',
        tags,
        summary: 'Remove a running cost, unless a recorded settlement covers its day (409)',
        params: CostParams,
        response: changed,
      },
      config: manage,
    },
    async (req) => investments.removeCost(req.policy, req.params.id, req.params.costId),
  )
}
