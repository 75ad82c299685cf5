// Rosters and duties: generate (202, solved in a worker), read the draft, publish, override, duties at T.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { now } from '../../platform/clock.ts'
import { errorResponses } from '../../platform/http.ts'
import type { DB } from '../../platform/schema.ts'
import { IdParams } from '../../platform/typebox.ts'
import { dutiesInRange } from './duty-range.ts'
import { overrideDuty } from './publish.ts'
import {
  Draft,
  DutiesAt,
  DutiesInRange,
  DutiesQuery,
  DutiesRangeQuery,
  GenerateAccepted,
  GenerateBody,
  Overridden,
  OverrideBody,
  PublishBody,
  OnDuty,
  OnDutyQuery,
  Published,
} from './roster-schema.ts'
import type { RosterService } from './roster-service.ts'
import type { onDutyService } from './on-duty.ts'

type OnDutyService = ReturnType<typeof onDutyService>

export async function rosterRoutes(
  fastify: FastifyInstance,
  opts: { db: Kysely<DB>; rosters: RosterService; onDuty: OnDutyService },
) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { rosters, db } = opts
  const tags = ['permanences']

  app.post(
    '/api/rotations/:id/roster/generate',
    {
      schema: {
        operationId: 'generateRoster',
        tags,
        summary: 'Start solving a draft roster for a period (at most a year); progress comes as events',
        params: IdParams,
        body: GenerateBody,
        response: { 202: GenerateAccepted, ...errorResponses(401, 403, 404, 415, 422) },
      },
      config: { policy: 'rotation.manage' },
    },
    async (req, reply) => reply.code(202).send(await rosters.generate(req.policy, req.params.id, req.body)),
  )
  app.get(
    '/api/rotations/:id/roster/draft',
    {
      schema: {
        operationId: 'getRosterDraft',
        tags,
        summary: 'The draft: slots, unfilled slots with their rules, and the diff against the duties in force',
        params: IdParams,
        response: { 200: Draft, ...errorResponses(401, 403, 404) },
      },
      config: { policy: 'rotation.read' },
    },
    async (req) => rosters.draft(req.policy, req.params.id),
  )
  app.post(
    '/api/rotations/:id/roster/publish',
    {
      schema: {
        operationId: 'publishRoster',
        tags,
        summary: 'Publish the draft: future, unpinned slots that changed become the duties in force',
        params: IdParams,
        body: PublishBody,
        response: { 200: Published, ...errorResponses(401, 403, 404, 409, 415, 422) },
      },
      config: { policy: 'rotation.manage' },
    },
    async (req) => rosters.publish(req.policy, req.params.id, req.body.versionId),
  )
  app.post(
    '/api/rotations/:id/duties/override',
    {
      schema: {
        operationId: 'overrideDuty',
        tags,
        summary: 'Give one position of a published slot to another member (recorded, audited)',
        params: IdParams,
        body: OverrideBody,
        response: { 200: Overridden, ...errorResponses(401, 403, 404, 409, 415, 422) },
      },
      config: { policy: 'rotation.manage' },
    },
    async (req) => overrideDuty(db, req.policy, req.params.id, req.body),
  )
  app.get(
    '/api/rotations/:id/duties',
    {
      schema: {
        operationId: 'getDutiesAt',
        tags,
        summary: 'Who was on duty at `at` (default now), as known now or as known at `asKnownAt`',
        params: IdParams,
        querystring: DutiesQuery,
        response: { 200: DutiesAt, ...errorResponses(401, 403, 404) },
      },
      config: { policy: 'rotation.read' },
    },
    async (req) =>
      rosters.duties(
        req.policy,
        req.params.id,
        req.query.at ? new Date(req.query.at) : now(),
        req.query.asKnownAt ? new Date(req.query.asKnownAt) : null,
      ),
  )
  // planner (issue 8): the range read the roster calendar needs
  app.get(
    '/api/rotations/:id/duties/range',
    {
      schema: {
        operationId: 'listDutiesInRange',
        tags,
        summary: 'The duties in force overlapping the local days `from` … `to` (month and year views)',
        params: IdParams,
        querystring: DutiesRangeQuery,
        response: { 200: DutiesInRange, ...errorResponses(401, 403, 404, 422) },
      },
      config: { policy: 'rotation.read' },
    },
    async (req) => dutiesInRange(db, req.policy, req.params.id, req.query),
  )
  app.get(
    '/api/permanences/on-duty',
    {
      schema: {
        operationId: 'getOnDuty',
        tags,
        summary: 'Who is on duty at `at` (default now) and who is next, for every rotation the caller sees',
        querystring: OnDutyQuery,
        response: { 200: OnDuty, ...errorResponses(401, 403) },
      },
      config: { policy: 'rotation.read' },
    },
    async (req) => opts.onDuty.at(req.policy, req.query.at ? new Date(req.query.at) : now()),
  )
}
