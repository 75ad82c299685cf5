import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import { errorResponses } from '../../platform/http.ts'
import type { DB } from '../../platform/schema.ts'
import { IdParams } from '../../platform/typebox.ts'
import { CalendarFeedCreate, CalendarFeedCreated, CalendarFeedsList, FeedParams } from './schema.ts'
import { calendarsService } from './service.ts'

/**
 * The caller's calendar feeds (rule `calendar.manage`: one's own only), and the feed itself at
 * /ical/<token>.ics (rule `calendar.feed`: the secret token is the credential; outside /api, so no session
 * cookie is read and no CSRF applies — it is a GET that changes nothing a user sees).
 */
export async function calendarsRoutes(
  fastify: FastifyInstance,
  opts: { db: Kysely<DB>; publicUrl: string },
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const calendars = calendarsService(opts.db, { publicUrl: opts.publicUrl })
  const tags = ['calendars']

  app.get(
    '/api/calendars',
    {
      schema: {
        operationId: 'listCalendarFeeds',
        tags,
        summary: "The caller's active calendar feeds (without their secret URLs)",
        response: { 200: CalendarFeedsList, ...errorResponses(401) },
      },
      config: { policy: 'calendar.manage' },
    },
    async (req) => calendars.list(req.policy),
  )

  app.post(
    '/api/calendars',
    {
      schema: {
        operationId: 'createCalendarFeed',
        tags,
        summary:
          'A new feed URL for the caller’s duties or a rotation they may see; replaces their active feed of that scope',
        body: CalendarFeedCreate,
        response: { 201: CalendarFeedCreated, ...errorResponses(401, 404, 422) },
      },
      config: { policy: 'calendar.manage' },
    },
    async (req, reply) => reply.code(201).send(await calendars.create(req.policy, req.body)),
  )

  app.delete(
    '/api/calendars/:id',
    {
      schema: {
        operationId: 'revokeCalendarFeed',
        tags,
        summary: 'Revoke one of the caller’s feeds: its URL answers 404 from now on',
        params: IdParams,
        response: { 204: { type: 'null' }, ...errorResponses(401, 404) },
      },
      config: { policy: 'calendar.manage' },
    },
    async (req, reply) => {
      await calendars.revoke(req.policy, req.params.id)
      return reply.code(204).send(null)
    },
  )

  // Not in the OpenAPI document: it is not JSON, and a calendar app, not the web client, asks it.
  app.get(
    '/ical/:token.ics',
    { schema: { hide: true, params: FeedParams }, config: { policy: 'calendar.feed' } },
    async (req, reply) => {
      const feed = await calendars.feed(req.params.token)
      reply.header('cache-control', 'private, max-age=300').header('etag', feed.etag).header('x-robots-tag', 'noindex')
      const known = (req.headers['if-none-match'] ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''))
      if (known.includes(feed.etag)) return reply.code(304).send()
      return reply.type('text/calendar; charset=utf-8').send(feed.body)
    },
  )
}
