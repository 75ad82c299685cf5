// The caller's own notifications: list (with the unread count), mark one read, mark all read. Someone else's
// notification answers 404, like one that does not exist. Marking read emits an event to the caller's own
// streams, so their other tabs update the badge.
import type { Kysely } from 'kysely'
import { now } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { isNotificationKind, objectPath } from '../../platform/notification-kinds.ts'
import { NOTIFICATION_READ } from '../../platform/notifications.ts'
import { emit } from '../../platform/outbox.ts'
import type { Actor } from '../../platform/policy.ts'
import type { DB } from '../../platform/schema.ts'
import { notificationsRepository, type NotificationRow } from './repository.ts'
import type { Notification, NotificationsQuery } from './schema.ts'

const present = (r: NotificationRow): Notification | null => {
  // A kind this version no longer knows is left out rather than shown wrongly.
  if (!isNotificationKind(r.kind)) return null
  return {
    id: r.id,
    kind: r.kind,
    params: r.params,
    object: r.object_type && r.object_id ? { type: r.object_type, id: r.object_id } : null,
    link: objectPath(r.object_type, r.object_id),
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at?.toISOString() ?? null,
  }
}

export function notificationsService(db: Kysely<DB>) {
  return {
    async list(actor: Actor, query: NotificationsQuery) {
      const repo = notificationsRepository(db)
      const unread = query.unread ?? false
      const [rows, total, unreadCount] = await Promise.all([
        repo.list(actor.userId, { unread, limit: query.limit ?? 20, offset: query.offset ?? 0 }),
        repo.count(actor.userId, unread),
        repo.count(actor.userId, true),
      ])
      return { items: rows.map(present).filter((n) => n !== null), total, unreadCount }
    },

    markRead: (actor: Actor, id: string): Promise<Notification> =>
      db.transaction().execute(async (trx) => {
        const repo = notificationsRepository(trx)
        const marked = await repo.markRead(actor.userId, id, now())
        const row = marked ?? (await repo.byId(actor.userId, id))
        const shown = row && present(row)
        if (!shown) throw new AppError('NOT_FOUND')
        if (marked)
          await emit(trx, { type: NOTIFICATION_READ, userId: actor.userId, payload: { notificationIds: [id] } })
        return shown
      }),

    markAllRead: (actor: Actor) =>
      db.transaction().execute(async (trx) => {
        const updated = Number(await notificationsRepository(trx).markAllRead(actor.userId, now()))
        if (updated > 0) await emit(trx, { type: NOTIFICATION_READ, userId: actor.userId, payload: { all: true } })
        return { updated, unreadCount: 0 }
      }),
  }
}
