// The course catalogue's routes (issue 11, train-sessions): schema → policy → one service call.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { errorResponses } from '../../platform/http.ts'
import type { DB } from '../../platform/schema.ts'
import { IdParams } from '../../platform/typebox.ts'
import { Course, CourseCreateBody, CourseList, CourseListQuery, CoursePatchBody } from './course-schema.ts'
import { courseService } from './course-service.ts'

export async function trainingCourseRoutes(fastify: FastifyInstance, opts: { db: Kysely<DB> }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const courses = courseService(opts.db)
  const tags = ['training']

  app.get(
    '/api/training/courses',
    {
      schema: {
        operationId: 'listTrainingCourses',
        tags,
        summary: "The course catalogue of the reader's associations (or of one)",
        querystring: CourseListQuery,
        response: { 200: CourseList, ...errorResponses(401, 403, 404) },
      },
      config: { policy: 'training.read' },
    },
    async (req) => courses.list(req.policy, req.query.associationId),
  )

  app.post(
    '/api/training/courses',
    {
      schema: {
        operationId: 'createTrainingCourse',
        tags,
        summary: "Add a course to an association's catalogue",
        body: CourseCreateBody,
        response: { 201: Course, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: { policy: 'training.manage' },
    },
    async (req, reply) => reply.code(201).send(await courses.create(req.policy, req.body)),
  )

  app.patch(
    '/api/training/courses/:id',
    {
      schema: {
        operationId: 'updateTrainingCourse',
        tags,
        summary: 'Change a course of the catalogue (or retire it: active false)',
        params: IdParams,
        body: CoursePatchBody,
        response: { 200: Course, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: { policy: 'training.manage' },
    },
    async (req) => courses.update(req.policy, req.params.id, req.body),
  )
}
