import { Type, type Static } from 'typebox'
import { CALOG_LEVELS, QUALIFICATION_CODES, RANKS, STAFF_KINDS } from '../../platform/enums.ts'
import { Nullable, StringEnum } from '../../platform/typebox.ts'

export const VisibilityReason = Type.Object(
  {
    kind: Type.String({ description: 'What makes the person visible: shared_function, rotation, deployment, …' }),
    domain: Type.String({ description: 'The cooperation domain it falls under' }),
  },
  { additionalProperties: false },
)

export const Person = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    zoneId: Type.String({ format: 'uuid' }),
    zoneCode: Type.String(),
    zoneName: Type.String(),
    firstName: Type.String(),
    lastName: Type.String(),
    staffKind: StringEnum(STAFF_KINDS),
    rank: Nullable(StringEnum(RANKS)),
    calogLevel: Nullable(StringEnum(CALOG_LEVELS)),
    workPhone: Nullable(Type.String()),
    qualifications: Type.Array(Type.String(), {
      description: 'Partner view: only the qualifications the sharing domain needs.',
    }),
    visibility: StringEnum(['own', 'partner'] as const),
    sharedVia: Type.Array(Type.String(), {
      description: 'Cooperation domains through which a partner zone sees this person (the domains of `reasons`).',
    }),
    reasons: Type.Array(VisibilityReason, {
      description: 'Partner view: every reason in force by which the reader sees this person; empty for own zones.',
    }),
    employeeNumber: Type.Optional(Type.String()),
    workEmail: Type.Optional(Nullable(Type.String())),
    fte: Type.Optional(Type.Number()),
  },
  { $id: 'Person' },
)
export type Person = Static<typeof Person>

export const PeopleQuery = Type.Object(
  {
    zoneId: Type.Optional(Type.String({ format: 'uuid' })),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Search in first and last name' })),
    rank: Type.Optional(StringEnum(RANKS)),
    qualification: Type.Optional(StringEnum(QUALIFICATION_CODES)),
    staffKind: Type.Optional(StringEnum(STAFF_KINDS)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
)
export type PeopleQuery = Static<typeof PeopleQuery>

export const PeopleList = Type.Object({ items: Type.Array(Type.Ref('Person')), total: Type.Integer() })
