import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import { Type } from 'typebox'
import { errorResponses } from '../../platform/http.ts'
import type { DB } from '../../platform/schema.ts'
import { IdParams } from '../../platform/typebox.ts'
import { NotificationsList, NotificationsQuery, ReadAllResult } from './schema.ts'
import { notificationsService } from './service.ts'

/** Every signed-in user has notifications; each route reads or changes the caller's own only. */
export async function notificationsRoutes(fastify: FastifyInstance, opts: { db: Kysely<DB> }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const notifications = notificationsService(opts.db)
  const tags = ['notifications']

  app.get(
    '/api/notifications',
    {
      schema: {
        operationId: 'listNotifications',
        tags,
        summary: "The caller's notifications, newest first, with the unread count",
        querystring: NotificationsQuery,
        response: { 200: NotificationsList, ...errorResponses(401) },
      },
      config: { policy: 'self' },
    },
    async (req) => notifications.list(req.policy.actor, req.query),
  )

  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        operationId: 'markNotificationRead',
        tags,
        summary: 'Mark one of the caller’s notifications read (404 for anyone else’s)',
        params: IdParams,
        response: { 200: Type.Ref('Notification'), ...errorResponses(401, 404) },
      },
      config: { policy: 'self' },
    },
    async (req) => notifications.markRead(req.policy.actor, req.params.id),
  )

  app.post(
    '/api/notifications/read-all',
    {
      schema: {
        operationId: 'markAllNotificationsRead',
        tags,
        summary: 'Mark all of the caller’s notifications read',
        response: { 200: ReadAllResult, ...errorResponses(401) },
      },
      config: { policy: 'self' },
    },
    async (req) => notifications.markAllRead(req.policy.actor),
  )
}
