// Notifications: what a user should know about a change, kept per recipient in the app (the bell in the
// header) and, when the process sends mail (SMTP_URL), mailed in the recipient's language.
// `notify(trx, …)` runs in the transaction of the change it announces, so a rollback notifies no one and a
// commit loses no one. For each recipient it writes one `notifications` row, emits a bus event addressed to
// that user only (features/events/domain.ts delivers it to their own streams, never to anyone else's), and,
// with SMTP configured, enqueues one mail job (mail.ts) that links to the object in the app.
// Whether the process mails is ambient, like the clock: buildApp runs every request, and the job runner every
// job, under `runWithNotificationMail(config.smtpUrl !== null, …)`; outside such a scope nothing is mailed.
import { AsyncLocalStorage } from 'node:async_hooks'
import type { Transaction } from 'kysely'
import type { Config } from '../config.ts'
import { now } from './clock.ts'
import type { JobDefinition } from './jobs.ts'
import { enqueueMail } from './mail.ts'
import {
  objectPath,
  type NotificationKind,
  type NotificationObjectType,
  type NotificationParams,
} from './notification-kinds.ts'
import { emit } from './outbox.ts'
import type { DB } from './schema.ts'

export { NOTIFICATION_KINDS, type NotificationKind, type NotificationParams } from './notification-kinds.ts'

/** The bus event of a new notification, addressed to its recipient; the payload names it. */
export const NOTIFICATION_CREATED = 'notification.created'
/** The bus event of notifications marked read (another tab of the same user updates its count). */
export const NOTIFICATION_READ = 'notification.read'

export interface Notification<K extends NotificationKind> {
  /** User ids; duplicates are notified once. */
  recipients: readonly string[]
  kind: K
  params: NotificationParams<K>
  /** What the notification is about; the app and the mail link to it. */
  object: { type: NotificationObjectType; id: string }
}

const mailScope = new AsyncLocalStorage<boolean>()

/** Runs `fn` (and what it awaits) with notification mail on or off: on when the process has SMTP_URL. */
export function runWithNotificationMail<T>(enabled: boolean, fn: () => T): T {
  return mailScope.run(enabled, fn)
}

const mailEnabled = (): boolean => mailScope.getStore() ?? false

/** Notifies `recipients` in the caller's transaction; returns the ids of the rows written (one per recipient). */
export async function notify<K extends NotificationKind>(
  trx: Transaction<DB>,
  notification: Notification<K>,
): Promise<string[]> {
  const recipients = [...new Set(notification.recipients)]
  if (recipients.length === 0) return []
  const { kind, params, object } = notification
  const rows = await trx
    .insertInto('notifications')
    .values(
      recipients.map((userId) => ({
        user_id: userId,
        kind,
        params: JSON.stringify(params),
        object_type: object.type,
        object_id: object.id,
        created_at: now(),
      })),
    )
    .returning(['id', 'user_id'])
    .execute()
  await emit(
    trx,
    ...rows.map((r) => ({ type: NOTIFICATION_CREATED, userId: r.user_id, payload: { notificationId: r.id, kind } })),
  )
  if (mailEnabled()) {
    const path = objectPath(object.type, object.id)
    // Every notification kind is a mail kind with the same parameters (mail-templates.ts).
    for (const r of rows) await enqueueMail(trx, { kind, to: r.user_id, params, key: r.id, path })
  }
  return rows.map((r) => r.id)
}

const DAY = 24 * 60 * 60_000

/** The recurring purge: read notifications older than NOTIFICATION_RETENTION_DAYS go; unread ones stay. */
export function notificationJobs(config: Pick<Config, 'notificationRetentionDays'>): JobDefinition[] {
  return [
    {
      kind: 'notifications.retention',
      every: DAY,
      run: async (_job, { db, now: at }) => {
        const before = new Date(at.getTime() - config.notificationRetentionDays * DAY)
        await db.deleteFrom('notifications').where('read_at', '<', before).execute()
      },
    },
  ]
}
