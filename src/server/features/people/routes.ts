import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import { errorResponses } from '../../platform/http.ts'
import type { DB } from '../../platform/schema.ts'
import { IdParams } from '../../platform/typebox.ts'
import { PeopleList, PeopleQuery, Person } from './schema.ts'
import { peopleService } from './service.ts'

export async function peopleRoutes(fastify: FastifyInstance, opts: { db: Kysely<DB> }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const people = peopleService(opts.db)
  const tags = ['people']

  app.get(
    '/api/people',
    {
      schema: {
        operationId: 'listPeople',
        tags,
        summary: 'Staff the caller may see: own zone, and partners shared through a domain in force',
        querystring: PeopleQuery,
        response: { 200: PeopleList, ...errorResponses(401, 403) },
      },
      config: { policy: 'person.read' },
    },
    async (req) => people.list(req.policy, req.query),
  )
  app.get(
    '/api/people/:id',
    {
      schema: {
        operationId: 'getPerson',
        tags,
        summary: 'One staff member (404 when not visible)',
        params: IdParams,
        response: { 200: Person, ...errorResponses(401, 403, 404) },
      },
      config: { policy: 'person.read' },
    },
    async (req) => people.get(req.policy, req.params.id),
  )
}
