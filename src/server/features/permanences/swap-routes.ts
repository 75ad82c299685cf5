// Swaps, give-aways and leave replacements: thin handlers, each one service call.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { errorResponses } from '../../platform/http.ts'
import type { DB } from '../../platform/schema.ts'
import { IdParams } from '../../platform/typebox.ts'
import { swapNeedsService } from './swap-needs.ts'
import {
  Gaps,
  GapsQuery,
  MyDuties,
  SwapAssign,
  SwapCreate,
  SwapDetail,
  SwapList,
  SwapQuery,
  SwapReject,
  SwapTake,
} from './swap-schema.ts'
import { swapService } from './swap-service.ts'

export async function swapRoutes(fastify: FastifyInstance, opts: { db: Kysely<DB> }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const swaps = swapService(opts.db)
  const needs = swapNeedsService(opts.db)
  const tags = ['permanences']
  const request = { $ref: 'SwapRequest#' } as const

  app.get(
    '/api/swaps',
    {
      schema: {
        operationId: 'listSwaps',
        tags,
        summary: 'Swap, give-away and replacement requests of the rotations the caller sees (duties not yet ended)',
        querystring: SwapQuery,
        response: { 200: SwapList, ...errorResponses(401, 403) },
      },
      config: { policy: 'swap.read' },
    },
    async (req) => ({ items: await swaps.list(req.policy, req.query) }),
  )
  app.get(
    '/api/swaps/:id',
    {
      schema: {
        operationId: 'getSwap',
        tags,
        summary: 'One request; while open, its ranked candidates for the requester and the planner',
        params: IdParams,
        response: { 200: SwapDetail, ...errorResponses(401, 403, 404) },
      },
      config: { policy: 'swap.read' },
    },
    async (req) => swaps.get(req.policy, req.params.id),
  )
  app.post(
    '/api/swaps',
    {
      schema: {
        operationId: 'createSwap',
        tags,
        summary: 'Offer one of one’s own future duties: give it away, or swap it against one of the taker’s',
        body: SwapCreate,
        response: { 201: request, ...errorResponses(401, 403, 404, 409, 415, 422) },
      },
      config: { policy: 'swap.request' },
    },
    async (req, reply) => reply.code(201).send(await swaps.create(req.policy, req.body)),
  )
  app.post(
    '/api/swaps/:id/take',
    {
      schema: {
        operationId: 'takeSwap',
        tags,
        summary: 'Take an open request (a swap: name the duty that goes back); the planners then approve',
        params: IdParams,
        body: SwapTake,
        response: { 200: request, ...errorResponses(401, 403, 404, 409, 415, 422) },
      },
      config: { policy: 'swap.take' },
    },
    async (req) => swaps.take(req.policy, req.params.id, req.body),
  )
  app.post(
    '/api/swaps/:id/assign',
    {
      schema: {
        operationId: 'assignSwap',
        tags,
        summary: 'A planner gives an open give-away or replacement to a candidate, approving for their zone',
        params: IdParams,
        body: SwapAssign,
        response: { 200: request, ...errorResponses(401, 403, 404, 409, 415, 422) },
      },
      config: { policy: 'swap.approve' },
    },
    async (req) => swaps.assign(req.policy, req.params.id, req.body),
  )
  app.post(
    '/api/swaps/:id/approve',
    {
      schema: {
        operationId: 'approveSwap',
        tags,
        summary: 'Approve a taken request for the zones the caller plans; the last approval changes the duties',
        params: IdParams,
        response: { 200: request, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: { policy: 'swap.approve' },
    },
    async (req) => swaps.approve(req.policy, req.params.id),
  )
  app.post(
    '/api/swaps/:id/reject',
    {
      schema: {
        operationId: 'rejectSwap',
        tags,
        summary: 'Reject an open or taken request (a planner of a zone concerned)',
        params: IdParams,
        body: SwapReject,
        response: { 200: request, ...errorResponses(401, 403, 404, 409, 415) },
      },
      config: { policy: 'swap.approve' },
    },
    async (req) => swaps.reject(req.policy, req.params.id, req.body.reason),
  )
  app.post(
    '/api/swaps/:id/withdraw',
    {
      schema: {
        operationId: 'withdrawSwap',
        tags,
        summary: 'The requester withdraws an open or taken request',
        params: IdParams,
        response: { 200: request, ...errorResponses(401, 403, 404, 409) },
      },
      config: { policy: 'swap.request' },
    },
    async (req) => swaps.withdraw(req.policy, req.params.id),
  )
  app.get(
    '/api/my-duties',
    {
      schema: {
        operationId: 'listMyDuties',
        tags,
        summary: 'The caller’s own duties that have not ended (every rotation), with the open request on each',
        response: { 200: MyDuties, ...errorResponses(401, 403) },
      },
      config: { policy: 'swap.request' },
    },
    async (req) => needs.mine(req.policy),
  )
  app.get(
    '/api/permanences/gaps',
    {
      schema: {
        operationId: 'listGaps',
        tags,
        summary: 'Uncovered published slots and open replacement needs of the rotations the caller manages',
        querystring: GapsQuery,
        response: { 200: Gaps, ...errorResponses(401, 403) },
      },
      config: { policy: 'rotation.manage' },
    },
    async (req) => needs.gaps(req.policy, req.query.days ?? 56),
  )
}
