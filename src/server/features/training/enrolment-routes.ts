// Training (issue 11): enrolments, the waiting list, cancellations, attendance and results
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { errorResponses } from '../../platform/http.ts'
import type { DB } from '../../platform/schema.ts'
import { IdParams } from '../../platform/typebox.ts'
import type { WorkerPool } from '../../platform/workers.ts'
import { attendanceService } from './attendance-service.ts'
import {
  AttendanceBody,
  AttendanceResult,
  CancelEnrolmentBody,
  EnrolableList,
  EnrolBody,
  EnrolmentList,
  EnrolmentResult,
} from './enrolment-schema.ts'
import { enrolmentService } from './enrolment-service.ts'

/**
 * Training (issue 11): enrolments, the waiting list, cancellations, attendance and results. Each route: schema →
 * policy (the route's rule; the service decides per session and person) → one service call.
 */
export async function trainingEnrolmentRoutes(
  fastify: FastifyInstance,
  opts: { db: Kysely<DB>; workers: WorkerPool },
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const enrolments = enrolmentService(opts.db)
  const attendance = attendanceService(opts.db)
  const tags = ['training']

  app.post(
    '/api/training/sessions/:id/enrolments',
    {
      schema: {
        operationId: 'enrolInTrainingSession',
        tags,
        summary:
          "Enrol a person (by default the reader's own) in a session: enrolled when their zone has a free place, else on its waiting list",
        params: IdParams,
        body: EnrolBody,
        response: { 201: EnrolmentResult, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: { policy: 'training.enrol' },
    },
    async (req, reply) => reply.code(201).send(await enrolments.enrol(req.policy, req.params.id, req.body)),
  )

  app.get(
    '/api/training/sessions/:id/enrolments',
    {
      schema: {
        operationId: 'listTrainingEnrolments',
        tags,
        summary:
          "A session's enrolments: the organiser (and a listed trainer) sees all, a partner zone only its own people",
        params: IdParams,
        response: { 200: EnrolmentList, ...errorResponses(401, 403, 404) },
      },
      config: { policy: 'training.read' },
    },
    async (req) => enrolments.list(req.policy, req.params.id),
  )

  app.get(
    '/api/training/sessions/:id/enrolable',
    {
      schema: {
        operationId: 'listTrainingEnrolable',
        tags,
        summary:
          "The people the reader may enrol in a session (own zone's staff for planner, korpschef, trainer; oneself) and their status in it",
        params: IdParams,
        response: { 200: EnrolableList, ...errorResponses(401, 403, 404) },
      },
      config: { policy: 'training.enrol' },
    },
    async (req) => enrolments.enrolable(req.policy, req.params.id),
  )

  app.post(
    '/api/training/enrolments/:id/cancel',
    {
      schema: {
        operationId: 'cancelTrainingEnrolment',
        tags,
        summary:
          'Cancel an enrolment: the person until the cancellation deadline; their planner or korpschef and the organiser until the start (late). The first waiting person of the zone moves up',
        params: IdParams,
        body: CancelEnrolmentBody,
        response: { 200: EnrolmentResult, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: { policy: 'training.enrol' },
    },
    async (req) => enrolments.cancel(req.policy, req.params.id, req.body),
  )

  app.put(
    '/api/training/sessions/:id/attendance',
    {
      schema: {
        operationId: 'recordTrainingAttendance',
        tags,
        summary:
          'Record attendance and results of enrolled people, from the start of the session until 60 days after its end (again: corrects)',
        params: IdParams,
        body: AttendanceBody,
        response: { 200: AttendanceResult, ...errorResponses(401, 403, 404, 422) },
      },
      config: { policy: 'training.attendance' },
    },
    async (req) => attendance.record(req.policy, req.params.id, req.body),
  )
}
