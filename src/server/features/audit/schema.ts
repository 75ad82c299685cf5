import { Type, type Static } from 'typebox'
import { Nullable, Uuid } from '../../platform/typebox.ts'

export const Verification = Type.Object({
  ok: Type.Boolean(),
  events: Type.Integer({ description: 'Events checked in the chains the caller may verify' }),
  firstBrokenId: Nullable(Type.Integer({ description: 'Id of the first event whose hash or link does not hold' })),
  reason: Type.Optional(Type.String()),
  zones: Type.Array(Type.String({ description: 'Zone codes whose chains were verified' })),
})
export type Verification = Static<typeof Verification>

export const AuditQuery = Type.Object(
  {
    zoneId: Type.Optional(Uuid),
    action: Type.Optional(Type.String({ pattern: '^[a-z_]+(\\.[a-z_]+)*$', maxLength: 60 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
)
export type AuditQuery = Static<typeof AuditQuery>

export const AuditEvent = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  zoneId: Uuid,
  zoneCode: Type.String(),
  action: Type.String(),
  actorName: Nullable(Type.String()),
  actorZoneCode: Nullable(Type.String()),
  objectType: Nullable(Type.String()),
  objectId: Nullable(Type.String()),
  domain: Nullable(Type.String({ description: 'The cooperation domain that allowed a cross-zone read' })),
  details: Type.Record(Type.String(), Type.Unknown()),
})

export const AuditEventList = Type.Object({ items: Type.Array(AuditEvent), total: Type.Integer() })
export type AuditEventList = Static<typeof AuditEventList>
