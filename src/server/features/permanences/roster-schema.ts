// Schemas of rosters and duties: generation, the draft, publication, overrides, duties at an instant.
import { Type } from 'typebox'
import { IsoDate, Nullable, StringEnum, Uuid } from '../../platform/typebox.ts'

const Instant = Type.String({ format: 'date-time' })
const SlotKey = Type.String({ pattern: '^[a-z0-9_-]{1,40}:[0-9]{4}-[0-9]{2}-[0-9]{2}$' })

export const GenerateBody = Type.Object(
  { from: IsoDate, to: IsoDate },
  { additionalProperties: false, description: 'Local dates (Brussels), `to` inclusive; at most one year' },
)
export const GenerateAccepted = Type.Object({ versionId: Uuid, version: Type.Integer() })

export const PersonOnDuty = Type.Object({
  personId: Uuid,
  zoneId: Uuid,
  zoneCode: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  workPhone: Nullable(Type.String()),
})

const RuleCount = Type.Object({ rule: Type.String(), people: Type.Integer() })
export const Draft = Type.Object({
  versionId: Uuid,
  version: Type.Integer(),
  status: StringEnum(['draft', 'published', 'discarded'] as const),
  state: StringEnum(['running', 'done', 'failed'] as const),
  from: Instant,
  to: Instant,
  slots: Type.Array(
    Type.Object({
      slotKey: Type.String(),
      position: Type.Integer(),
      from: Instant,
      until: Instant,
      pinned: Type.Boolean(),
      person: Nullable(PersonOnDuty),
    }),
  ),
  unfilled: Type.Array(
    Type.Object({ slotId: Type.String(), missing: Type.Integer(), blockedBy: Type.Array(RuleCount) }),
  ),
  diff: Type.Array(
    Type.Object({ slotKey: Type.String(), position: Type.Integer(), before: Nullable(Uuid), after: Nullable(Uuid) }),
  ),
  stats: Nullable(Type.Object({}, { additionalProperties: true })),
})

export const PublishBody = Type.Object({ versionId: Uuid }, { additionalProperties: false })
export const Published = Type.Object({
  versionId: Uuid,
  version: Type.Integer(),
  publishedAt: Instant,
  closed: Type.Integer(),
  inserted: Type.Integer(),
})

export const OverrideBody = Type.Object(
  {
    slotKey: SlotKey,
    position: Type.Integer({ minimum: 1, maximum: 20 }),
    personId: Uuid,
    reason: Type.String({ minLength: 3, maxLength: 500 }),
  },
  { additionalProperties: false },
)
export const Overridden = Type.Object({ dutyId: Uuid, unchanged: Type.Boolean() })

export const DutiesQuery = Type.Object(
  { at: Type.Optional(Instant), asKnownAt: Type.Optional(Instant) },
  { additionalProperties: false },
)
export const DutiesAt = Type.Object({
  at: Instant,
  asKnownAt: Nullable(Instant),
  items: Type.Array(
    Type.Object({
      dutyId: Uuid,
      slotKey: Type.String(),
      position: Type.Integer(),
      from: Instant,
      until: Instant,
      cause: Type.String(),
      person: Nullable(PersonOnDuty),
    }),
  ),
})

export const OnDutyQuery = Type.Object({ at: Type.Optional(Instant) }, { additionalProperties: false })
export const OnDuty = Type.Object({
  at: Instant,
  items: Type.Array(
    Type.Object({
      rotationId: Uuid,
      rotationName: Type.String(),
      domain: Type.String(),
      zones: Type.Array(Type.Object({ zoneId: Uuid, code: Type.String() })),
      onDuty: Type.Array(
        Type.Object({ position: Type.Integer(), person: Nullable(PersonOnDuty), from: Instant, until: Instant }),
      ),
      next: Nullable(Type.Object({ person: Nullable(PersonOnDuty), from: Instant })),
    }),
  ),
})

// planner (issue 8): the duties in force over a period of local dates (the roster calendar's month and year)
export const DutiesRangeQuery = Type.Object(
  { from: IsoDate, to: IsoDate },
  { additionalProperties: false, description: 'Local dates (Brussels), `to` inclusive; at most 400 days' },
)
export const DutiesInRange = Type.Object({
  from: Instant,
  to: Instant,
  items: DutiesAt.properties.items,
})
