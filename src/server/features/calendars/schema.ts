import { Type, type Static } from 'typebox'
import { Nullable, StringEnum, Uuid } from '../../platform/typebox.ts'

import { CALENDAR_SCOPES } from '../../platform/enums.ts'

export const CalendarFeed = Type.Object(
  {
    id: Uuid,
    scope: StringEnum(CALENDAR_SCOPES, { description: "person: the caller's own duties; rotation: one rotation's." }),
    rotationId: Nullable(Uuid),
    rotationName: Nullable(Type.String()),
    label: Nullable(Type.String()),
    createdAt: Type.String({ format: 'date-time' }),
    lastUsedAt: Nullable(Type.String({ format: 'date-time', description: 'Last fetch, to the hour.' })),
  },
  { $id: 'CalendarFeed' },
)
export type CalendarFeed = Static<typeof CalendarFeed>

export const CalendarFeedsList = Type.Object({ items: Type.Array(Type.Ref('CalendarFeed')) })

export const CalendarFeedCreate = Type.Object(
  {
    scope: StringEnum(CALENDAR_SCOPES),
    rotationId: Type.Optional(Uuid),
    label: Type.Optional(Type.String({ maxLength: 80 })),
  },
  { additionalProperties: false },
)
export type CalendarFeedCreate = Static<typeof CalendarFeedCreate>

export const CalendarFeedCreated = Type.Intersect([
  CalendarFeed,
  Type.Object({
    url: Type.String({
      description: 'The secret feed URL (PUBLIC_URL/ical/<token>.ics). Shown this once: only its hash is kept.',
    }),
  }),
])
export type CalendarFeedCreated = Static<typeof CalendarFeedCreated>

export const FeedParams = Type.Object({ token: Type.String({ maxLength: 100 }) })
