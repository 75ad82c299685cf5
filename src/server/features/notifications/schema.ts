import { Type, type Static } from 'typebox'
import { NOTIFICATION_KIND_NAMES, NOTIFICATION_OBJECTS } from '../../platform/notification-kinds.ts'
import { Nullable, Uuid } from '../../platform/typebox.ts'

export const Notification = Type.Object(
  {
    id: Uuid,
    kind: Type.Enum(NOTIFICATION_KIND_NAMES, {
      description: 'What happened; the app renders it with `params` in the reader’s language.',
    }),
    params: Type.Record(Type.String(), Type.String(), { description: 'The facts the message names (text).' }),
    object: Nullable(
      Type.Object(
        { type: Type.Enum(Object.keys(NOTIFICATION_OBJECTS)), id: Uuid },
        { description: 'What it is about.' },
      ),
    ),
    link: Nullable(Type.String({ description: 'The app path of the object, e.g. /agreements/<id>.' })),
    createdAt: Type.String({ format: 'date-time' }),
    readAt: Nullable(Type.String({ format: 'date-time' })),
  },
  { $id: 'Notification' },
)
export type Notification = Static<typeof Notification>

export const NotificationsQuery = Type.Object(
  {
    unread: Type.Optional(Type.Boolean({ description: 'Only unread notifications.' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
  },
  { additionalProperties: false },
)
export type NotificationsQuery = Static<typeof NotificationsQuery>

export const NotificationsList = Type.Object({
  items: Type.Array(Type.Ref('Notification')),
  total: Type.Integer({ description: 'How many match the filter.' }),
  unreadCount: Type.Integer({ description: 'The caller’s unread notifications (the badge in the header).' }),
})

export const ReadAllResult = Type.Object({
  updated: Type.Integer({ description: 'How many were unread and are now read.' }),
  unreadCount: Type.Integer(),
})
