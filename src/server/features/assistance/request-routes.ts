import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { Type } from 'typebox'
import { errorResponses } from '../../platform/http.ts'
import type { DB } from '../../platform/schema.ts'
import { IdParams } from '../../platform/typebox.ts'
import { offerService } from './offer-service.ts'
import { requestService } from './request-service.ts'
import {
  AssistanceDecisions,
  AssistanceDeploymentCreate,
  AssistanceHours,
  AssistanceOfferCreate,
  AssistancePartners,
  AssistanceRequestCreate,
  AssistanceRequestList,
  AssistanceRequestQuery,
  AssistanceRequestUpdate,
  AssistanceTransition,
} from './schema.ts'

/**
 * Assistance (issue 9): requests, their lifecycle, offers, deployments and hours. Each route: schema → policy
 * (the route's rule; the service decides per object and per action) → one service call → the request's detail.
 */
export async function assistanceRequestRoutes(fastify: FastifyInstance, opts: { db: Kysely<DB> }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const requests = requestService(opts.db)
  const offers = offerService(opts.db)
  const tags = ['assistance']
  const Detail = Type.Ref('AssistanceRequestDetail', { description: 'The request as the reader sees it' })

  app.get(
    '/api/assistance/partners',
    {
      schema: {
        operationId: 'listAssistancePartners',
        tags,
        summary:
          "The partner zones the actor's zones may ask for assistance, per association, and the own zone's municipalities",
        response: { 200: AssistancePartners, ...errorResponses(401, 403) },
      },
      config: { policy: 'assistance.request' },
    },
    async (req) => requests.partners(req.policy),
  )

  app.post(
    '/api/assistance/requests',
    {
      schema: {
        operationId: 'createAssistanceRequest',
        tags,
        summary:
          'Create a request (draft, or sent at once): the same idempotency key again answers the existing request (200)',
        body: AssistanceRequestCreate,
        response: { 200: Detail, 201: Detail, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: { policy: 'assistance.request' },
    },
    async (req, reply) => {
      const { created, request } = await requests.create(req.policy, req.body)
      return reply.code(created ? 201 : 200).send(request)
    },
  )

  app.get(
    '/api/assistance/requests',
    {
      schema: {
        operationId: 'listAssistanceRequests',
        tags,
        summary: "Requests of the reader's zones (outgoing) and addressed to them (incoming), newest first",
        querystring: AssistanceRequestQuery,
        response: { 200: AssistanceRequestList, ...errorResponses(401, 403, 422) },
      },
      config: { policy: 'assistance.read' },
    },
    async (req) => requests.list(req.policy, req.query),
  )

  app.get(
    '/api/assistance/requests/:id',
    {
      schema: {
        operationId: 'getAssistanceRequest',
        tags,
        summary:
          'A request with its addressees, offers, deployments, hours, timeline and the actions the reader may take',
        params: IdParams,
        response: { 200: Detail, ...errorResponses(401, 403, 404) },
      },
      config: { policy: 'assistance.read' },
    },
    async (req) => requests.get(req.policy, req.params.id),
  )

  app.patch(
    '/api/assistance/requests/:id',
    {
      schema: {
        operationId: 'updateAssistanceRequest',
        tags,
        summary: 'Edit a request before it goes out (draft, awaiting approval) or while information is asked',
        params: IdParams,
        body: AssistanceRequestUpdate,
        response: { 200: Detail, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: { policy: 'assistance.request' },
    },
    async (req) => requests.update(req.policy, req.params.id, req.body),
  )

  app.post(
    '/api/assistance/requests/:id/transitions',
    {
      schema: {
        operationId: 'transitionAssistanceRequest',
        tags,
        summary:
          'A lifecycle action (submit, approve, ask_info, answer_info, decline, accept, deploy, start, complete, close, cancel)',
        params: IdParams,
        body: AssistanceTransition,
        response: { 200: Detail, ...errorResponses(401, 403, 404, 409, 422) },
      },
      // Read to see the request; the service decides per action (request, approve, respond).
      config: { policy: 'assistance.read' },
    },
    async (req) => requests.transition(req.policy, req.params.id, req.body),
  )

  app.post(
    '/api/assistance/requests/:id/approval',
    {
      schema: {
        operationId: 'approveAssistanceRequest',
        tags,
        summary:
          'Approve a request in the requesting zone: a planned one before it goes out, an urgent one afterwards (retroactive)',
        params: IdParams,
        response: { 200: Detail, ...errorResponses(401, 403, 404, 409) },
      },
      config: { policy: 'assistance.approve' },
    },
    async (req) => requests.approve(req.policy, req.params.id),
  )

  app.post(
    '/api/assistance/requests/:id/offers',
    {
      schema: {
        operationId: 'createAssistanceOffer',
        tags,
        summary: 'Offer people (named) or capabilities to a request addressed to the zone',
        params: IdParams,
        body: AssistanceOfferCreate,
        response: { 201: Detail, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: { policy: 'assistance.respond' },
    },
    async (req, reply) => reply.code(201).send(await offers.offer(req.policy, req.params.id, req.body)),
  )

  app.post(
    '/api/assistance/offers/:id/withdraw',
    {
      schema: {
        operationId: 'withdrawAssistanceOffer',
        tags,
        summary: 'Withdraw the lines of an offer that are still offered',
        params: IdParams,
        response: { 200: Detail, ...errorResponses(401, 403, 404, 409) },
      },
      config: { policy: 'assistance.respond' },
    },
    async (req) => offers.withdraw(req.policy, req.params.id),
  )

  app.post(
    '/api/assistance/requests/:id/decisions',
    {
      schema: {
        operationId: 'decideAssistanceOffers',
        tags,
        summary: 'Accept or decline offered lines (an accepted named person is deployed)',
        params: IdParams,
        body: AssistanceDecisions,
        response: { 200: Detail, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: { policy: 'assistance.request' },
    },
    async (req) => offers.decide(req.policy, req.params.id, req.body),
  )

  app.post(
    '/api/assistance/requests/:id/deployments',
    {
      schema: {
        operationId: 'addAssistanceDeployment',
        tags,
        summary: 'Name a person of the helping zone deployed on the request (visible to the requesting zone for it)',
        params: IdParams,
        body: AssistanceDeploymentCreate,
        response: { 201: Detail, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: { policy: 'assistance.respond' },
    },
    async (req, reply) => reply.code(201).send(await offers.deploy(req.policy, req.params.id, req.body)),
  )

  app.delete(
    '/api/assistance/deployments/:id',
    {
      schema: {
        operationId: 'removeAssistanceDeployment',
        tags,
        summary: 'Remove a deployment whose hours are not confirmed by both zones',
        params: IdParams,
        response: { 200: Detail, ...errorResponses(401, 403, 404, 409) },
      },
      config: { policy: 'assistance.respond' },
    },
    async (req) => offers.removeDeployment(req.policy, req.params.id),
  )

  app.put(
    '/api/assistance/deployments/:id/hours',
    {
      schema: {
        operationId: 'recordAssistanceHours',
        tags,
        summary: "Record or correct a deployed person's hours (counts as the recording zone's confirmation)",
        params: IdParams,
        body: AssistanceHours,
        response: { 200: Detail, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: { policy: 'assistance.hours' },
    },
    async (req) => offers.recordHours(req.policy, req.params.id, req.body),
  )

  app.post(
    '/api/assistance/deployments/:id/confirm',
    {
      schema: {
        operationId: 'confirmAssistanceHours',
        tags,
        summary: "Confirm a deployment's hours for the reader's zone; both confirmed → posted in the ledger",
        params: IdParams,
        response: { 200: Detail, ...errorResponses(401, 403, 404, 409) },
      },
      config: { policy: 'assistance.hours' },
    },
    async (req) => offers.confirmHours(req.policy, req.params.id),
  )
}
