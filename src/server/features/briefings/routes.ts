// Briefing (issue 11): items, the shift view, restricted reads, read confirmations, settings, teams.
// Each route: schema → policy (the route's rule; the services decide per item: author zone, shared target zone,
// restricted for operational staff) → one service call.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { errorResponses } from '../../platform/http.ts'
import { JUSTIFICATION_HEADER, JustificationHeaders, justificationOf } from '../../platform/justification.ts'
import type { DB } from '../../platform/schema.ts'
import { IdParams } from '../../platform/typebox.ts'
import type { WorkerPool } from '../../platform/workers.ts'
import { readService } from './read-service.ts'
import {
  BriefingItem,
  BriefingView,
  ItemCreateBody,
  ItemList,
  ItemListQuery,
  ItemPatchBody,
  ReadConfirmation,
  ReadStatus,
  Settings,
  SettingsBody,
  TeamList,
  TeamsQuery,
  ViewQuery,
  ZoneParams,
} from './schema.ts'
import { itemService } from './service.ts'
import { settingsService } from './settings-service.ts'
import { viewService } from './view-service.ts'

/** A photo of up to 2 MiB travels as base64 in JSON: the item routes take bodies up to 3 MiB. */
const PHOTO_BODY_LIMIT = 3 * 1024 * 1024

const binary = { schema: { type: 'string', format: 'binary' } }
const photoResponse = {
  description: 'The image',
  content: { 'image/jpeg': binary, 'image/png': binary, 'image/webp': binary },
}

/** The justification when the request carries one (then it must be valid), else null: restricted items locked. */
const optionalJustification = (req: FastifyRequest) =>
  req.headers[JUSTIFICATION_HEADER] === undefined ? null : justificationOf(req)

/** Briefing (issue 11): items, the shift view, restricted reads, read confirmations, settings, teams. */
export async function briefingRoutes(
  fastify: FastifyInstance,
  opts: { db: Kysely<DB>; workers: WorkerPool },
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const items = itemService(opts.db)
  const views = viewService(opts.db)
  const reads = readService(opts.db)
  const settings = settingsService(opts.db)
  const tags = ['briefing']

  app.get(
    '/api/briefing/view',
    {
      schema: {
        operationId: 'getBriefingView',
        tags,
        summary:
          "A zone's briefing of one shift (default: the current one): the items valid then, urgent first, newest first; restricted ones locked unless read with a justification (each read logged)",
        querystring: ViewQuery,
        headers: JustificationHeaders,
        response: { 200: BriefingView, ...errorResponses(401, 403, 404, 422) },
      },
      config: { policy: 'briefing.read' },
    },
    async (req) => views.view(req.policy, req.query, optionalJustification(req)),
  )

  app.get(
    '/api/briefing/items',
    {
      schema: {
        operationId: 'listBriefingItems',
        tags,
        summary: "The author zone's items (current, upcoming or past) with read counts; restricted ones locked",
        querystring: ItemListQuery,
        response: { 200: ItemList, ...errorResponses(401, 403, 404) },
      },
      config: { policy: 'briefing.read' },
    },
    async (req) => views.list(req.policy, req.query),
  )

  app.post(
    '/api/briefing/items',
    {
      bodyLimit: PHOTO_BODY_LIMIT,
      schema: {
        operationId: 'createBriefingItem',
        tags,
        summary: 'Write a briefing item for the own zone and/or partner zones sharing `briefing` (and their teams)',
        body: ItemCreateBody,
        response: { 201: BriefingItem, ...errorResponses(401, 403, 404, 413, 422) },
      },
      config: { policy: 'briefing.write' },
    },
    async (req, reply) => reply.code(201).send(await items.create(req.policy, req.body)),
  )

  app.get(
    '/api/briefing/items/:id',
    {
      schema: {
        operationId: 'getBriefingItem',
        tags,
        summary: 'One briefing item; a restricted one only with a justification (logged)',
        params: IdParams,
        headers: JustificationHeaders,
        response: { 200: BriefingItem, ...errorResponses(401, 403, 404, 422) },
      },
      config: { policy: 'briefing.read' },
    },
    async (req) => views.get(req.policy, req.params.id, () => justificationOf(req)),
  )

  app.patch(
    '/api/briefing/items/:id',
    {
      bodyLimit: PHOTO_BODY_LIMIT,
      schema: {
        operationId: 'updateBriefingItem',
        tags,
        summary: "Edit a briefing item: its author, or the author zone's korpschef or planner",
        params: IdParams,
        body: ItemPatchBody,
        response: { 200: BriefingItem, ...errorResponses(401, 403, 404, 409, 413, 422) },
      },
      config: { policy: 'briefing.write' },
    },
    async (req) => items.update(req.policy, req.params.id, req.body),
  )

  app.post(
    '/api/briefing/items/:id/withdraw',
    {
      schema: {
        operationId: 'withdrawBriefingItem',
        tags,
        summary: 'Withdraw a briefing item (again: the same answer)',
        params: IdParams,
        response: { 200: BriefingItem, ...errorResponses(401, 403, 404) },
      },
      config: { policy: 'briefing.write' },
    },
    async (req) => items.withdraw(req.policy, req.params.id),
  )

  app.get(
    '/api/briefing/items/:id/photo',
    {
      schema: {
        operationId: 'getBriefingItemPhoto',
        tags,
        summary: "A briefing item's photo; of a restricted item only with a justification (logged)",
        params: IdParams,
        headers: JustificationHeaders,
        produces: ['image/jpeg', 'image/png', 'image/webp'],
        response: {
          200: photoResponse,
          ...errorResponses(401, 403, 404, 422),
        },
      },
      config: { policy: 'briefing.read' },
    },
    async (req, reply) => {
      const photo = await views.photo(req.policy, req.params.id, () => justificationOf(req))
      return reply.type(photo.type).header('cache-control', 'private, no-store').send(photo.bytes)
    },
  )

  app.post(
    '/api/briefing/items/:id/read',
    {
      schema: {
        operationId: 'confirmBriefingRead',
        tags,
        summary: "Confirm having read an item, for the caller's own person (again: the same answer)",
        params: IdParams,
        response: { 200: ReadConfirmation, ...errorResponses(401, 403, 404, 409, 422) },
      },
      config: { policy: 'briefing.confirm' },
    },
    async (req) => reads.confirm(req.policy, req.params.id),
  )

  app.get(
    '/api/briefing/items/:id/reads',
    {
      schema: {
        operationId: 'getBriefingReads',
        tags,
        summary: "Who has read an item: the author zone's people by name, partner zones as counts",
        params: IdParams,
        response: { 200: ReadStatus, ...errorResponses(401, 403, 404) },
      },
      config: { policy: 'briefing.write' },
    },
    async (req) => reads.status(req.policy, req.params.id),
  )

  app.get(
    '/api/briefing/teams',
    {
      schema: {
        operationId: 'listBriefingTeams',
        tags,
        summary: 'The teams of the own zone or of a partner zone sharing `briefing` (names only)',
        querystring: TeamsQuery,
        response: { 200: TeamList, ...errorResponses(401, 403, 404, 422) },
      },
      config: { policy: 'briefing.read' },
    },
    async (req) => settings.teams(req.policy, req.query.zoneId),
  )

  app.get(
    '/api/briefing/settings/:zoneId',
    {
      schema: {
        operationId: 'getBriefingSettings',
        tags,
        summary: "A zone's shift start times and retention days",
        params: ZoneParams,
        response: { 200: Settings, ...errorResponses(401, 403, 404) },
      },
      config: { policy: 'briefing.read' },
    },
    async (req) => settings.get(req.policy, req.params.zoneId),
  )

  app.put(
    '/api/briefing/settings/:zoneId',
    {
      schema: {
        operationId: 'setBriefingSettings',
        tags,
        summary: "Change a zone's shift start times and retention days (its korpschef; audited)",
        params: ZoneParams,
        body: SettingsBody,
        response: { 200: Settings, ...errorResponses(401, 403, 404, 422) },
      },
      config: { policy: 'briefing.settings' },
    },
    async (req) => settings.put(req.policy, req.params.zoneId, req.body),
  )
}
