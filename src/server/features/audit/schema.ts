import { Type, type Static } from 'typebox'
import { AUDIT_ACTIONS } from '../../platform/audit.ts'
import { Nullable, Uuid, StringEnum } from '../../platform/typebox.ts'

export const Verification = Type.Object({
  ok: Type.Boolean(),
  events: Type.Integer({ description: 'Events checked in the chains the caller may verify' }),
  firstBrokenId: Nullable(Type.Integer({ description: 'Id of the first event whose hash or link does not hold' })),
  reason: Type.Optional(Type.String()),
  zones: Type.Array(Type.String({ description: 'Zone codes whose chains were verified' })),
})
export type Verification = Static<typeof Verification>

const Filters = {
  zoneId: Type.Optional(Uuid),
  action: Type.Optional(StringEnum(AUDIT_ACTIONS, { description: 'An action the application logs (AuditAction)' })),
  personId: Type.Optional(
    Type.String({
      format: 'uuid',
      description: 'Events about this person: as the object, or among the people of a list (details.personIds)',
    }),
  ),
  actorUserId: Type.Optional(Type.String({ format: 'uuid', description: 'Events by this user' })),
  from: Type.Optional(Type.String({ format: 'date', description: 'From this Brussels calendar date (inclusive)' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'Up to this Brussels calendar date (inclusive)' })),
}

export const AuditQuery = Type.Object(
  {
    ...Filters,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
)
export type AuditQuery = Static<typeof AuditQuery>

/** The same filters as the list, without paging: the export is the whole filtered set. */
export const AuditExportQuery = Type.Object(Filters, { additionalProperties: false })
export type AuditExportQuery = Static<typeof AuditExportQuery>

export const AuditEvent = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  zoneId: Uuid,
  zoneCode: Type.String(),
  action: Type.String({ description: 'Usually one of AuditAction; shown as it was logged' }),
  actorUserId: Nullable(Uuid),
  actorName: Nullable(Type.String()),
  actorZoneCode: Nullable(Type.String()),
  objectType: Nullable(Type.String()),
  objectId: Nullable(Type.String()),
  objectName: Nullable(
    Type.String({ description: "The person's name, when the object is a person of the DPO's own zone" }),
  ),
  domain: Nullable(Type.String({ description: 'The (first) cooperation domain that allowed a cross-zone read' })),
  domains: Type.Array(Type.String(), { description: 'Every cooperation domain that allowed it' }),
  details: Type.Record(Type.String(), Type.Unknown()),
})

export const AuditEventList = Type.Object({ items: Type.Array(AuditEvent), total: Type.Integer() })
export type AuditEventList = Static<typeof AuditEventList>

export const AuditActor = Type.Object({
  id: Uuid,
  name: Type.String(),
  zoneCodes: Type.Array(Type.String(), { description: 'Zones of their roles' }),
})
export const AuditActorList = Type.Object({ items: Type.Array(AuditActor) })
export type AuditActorList = Static<typeof AuditActorList>
