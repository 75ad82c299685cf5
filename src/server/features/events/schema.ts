import { Type, type Static } from 'typebox'

/** The `data:` of each Server-Sent Event of GET /api/events (JSON). */
export const LiveEvent = Type.Object(
  {
    id: Type.Integer({ minimum: 1, description: 'Position on the bus; also the SSE id (resume with Last-Event-ID).' }),
    type: Type.String({ description: 'Dotted name, e.g. `assistance.request_created`.' }),
    zoneId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
    associationId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
    domain: Type.Union([Type.String(), Type.Null()]),
    userId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
      description: 'Addressed to this user only (a notification); null for events of a zone or association.',
    }),
    payload: Type.Record(Type.String(), Type.Unknown()),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'LiveEvent' },
)
export type LiveEvent = Static<typeof LiveEvent>

export const EventsHeaders = Type.Object({
  'last-event-id': Type.Optional(
    Type.String({ pattern: '^[0-9]{1,15}$', description: 'Resume after this event id (sent by EventSource).' }),
  ),
})
