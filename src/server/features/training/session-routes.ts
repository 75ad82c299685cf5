// Training (issue 11, train-sessions): the course catalogue, sessions, places per zone, trainers, range lanes,
// trainer hours. Each route: schema → policy (the route's rule; the service decides per session) → one service call.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { errorResponses } from '../../platform/http.ts'
import type { DB } from '../../platform/schema.ts'
import { IdParams } from '../../platform/typebox.ts'
import type { WorkerPool } from '../../platform/workers.ts'
import { trainingCourseRoutes } from './course-routes.ts'
import { sessionAids } from './session-aids.ts'
import {
  CancelBody,
  CandidatesQuery,
  PlacesSplit,
  PlacesSplitQuery,
  SessionCreateBody,
  SessionList,
  SessionListQuery,
  SessionPatchBody,
  TrainerCandidates,
  TrainerHoursResult,
  TrainingSession,
} from './session-schema.ts'
import { sessionService } from './session-service.ts'
import { trainerLedger } from './trainer-ledger.ts'

/** Training (issue 11): the course catalogue, sessions, places per zone, trainers, range lanes, trainer hours. */
export async function trainingSessionRoutes(
  fastify: FastifyInstance,
  opts: { db: Kysely<DB>; workers: WorkerPool },
): Promise<void> {
  await fastify.register(trainingCourseRoutes, { db: opts.db })
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const sessions = sessionService(opts.db)
  const aids = sessionAids(opts.db)
  const ledger = trainerLedger(opts.db)
  const tags = ['training']

  app.get(
    '/api/training/sessions',
    {
      schema: {
        operationId: 'listTrainingSessions',
        tags,
        summary:
          "Sessions of the reader's zones and partner sessions with places for them, starting in a period of at most 93 days",
        querystring: SessionListQuery,
        response: { 200: SessionList, ...errorResponses(401, 403, 422) },
      },
      config: { policy: 'training.read' },
    },
    async (req) => sessions.list(req.policy, req.query),
  )

  app.post(
    '/api/training/sessions',
    {
      schema: {
        operationId: 'createTrainingSession',
        tags,
        summary:
          'Plan a session: places per zone by key, trainers, range lanes booked in the same transaction; the same idempotency key again answers the same session (200)',
        body: SessionCreateBody,
        response: { 200: TrainingSession, 201: TrainingSession, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: { policy: 'training.manage' },
    },
    async (req, reply) => {
      const { created, session } = await sessions.create(req.policy, req.body)
      return reply.code(created ? 201 : 200).send(session)
    },
  )

  app.get(
    '/api/training/sessions/:id',
    {
      schema: {
        operationId: 'getTrainingSession',
        tags,
        summary: 'A session with its places, lanes, trainers, the reader’s enrolment and actions',
        params: IdParams,
        response: { 200: TrainingSession, ...errorResponses(401, 403, 404) },
      },
      config: { policy: 'training.read' },
    },
    async (req) => sessions.get(req.policy, req.params.id),
  )

  app.patch(
    '/api/training/sessions/:id',
    {
      schema: {
        operationId: 'updateTrainingSession',
        tags,
        summary: 'Change location, note, deadline, period (before the start), capacity and places, trainers',
        params: IdParams,
        body: SessionPatchBody,
        response: { 200: TrainingSession, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: { policy: 'training.manage' },
    },
    async (req) => sessions.update(req.policy, req.params.id, req.body),
  )

  app.post(
    '/api/training/sessions/:id/cancel',
    {
      schema: {
        operationId: 'cancelTrainingSession',
        tags,
        summary: 'Cancel a planned session: its lane bookings are cancelled, enrolled and waiting people notified',
        params: IdParams,
        body: CancelBody,
        response: { 200: TrainingSession, ...errorResponses(401, 403, 404, 409) },
      },
      config: { policy: 'training.manage' },
    },
    async (req) => sessions.cancel(req.policy, req.params.id, req.body.reason),
  )

  app.post(
    '/api/training/sessions/:id/trainer-hours',
    {
      schema: {
        operationId: 'postTrainerHours',
        tags,
        summary: "After the session: post partner zones' trainer hours to the assistance ledger as support given",
        params: IdParams,
        response: { 200: TrainerHoursResult, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: { policy: 'training.manage' },
    },
    async (req) => ledger.post(req.policy, req.params.id),
  )

  app.get(
    '/api/training/places-split',
    {
      schema: {
        operationId: 'suggestPlacesSplit',
        tags,
        summary: 'The suggested places per zone for a capacity by key (equal, or FTE on the day)',
        querystring: PlacesSplitQuery,
        response: { 200: PlacesSplit, ...errorResponses(401, 403, 422) },
      },
      config: { policy: 'training.manage' },
    },
    async (req) => aids.placesSplit(req.policy, req.query),
  )

  app.get(
    '/api/training/trainer-candidates',
    {
      schema: {
        operationId: 'listTrainerCandidates',
        tags,
        summary:
          "Who may train a session of the zone: its trainers and instructors, partners' shared training function",
        querystring: CandidatesQuery,
        response: { 200: TrainerCandidates, ...errorResponses(401, 403, 404, 422) },
      },
      config: { policy: 'training.manage' },
    },
    async (req) => aids.candidates(req.policy, req.query.zoneId),
  )
}
