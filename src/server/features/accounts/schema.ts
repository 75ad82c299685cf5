import { Type, type Static } from 'typebox'
import { ROLES, ZONE_ROLES } from '../../platform/enums.ts'
import { Nullable, Uuid, StringEnum } from '../../platform/typebox.ts'
import { LocaleSchema } from '../auth/schema.ts'
import { PASSWORD_MAX_LENGTH } from './domain.ts'

const RoleName = StringEnum(ROLES)

export const AccountRole = Type.Object({
  id: Uuid,
  role: RoleName,
  zoneId: Nullable(Uuid),
  zoneCode: Nullable(Type.String()),
  zoneName: Nullable(Type.String()),
  associationId: Nullable(Uuid),
  associationName: Nullable(Type.String()),
  removable: Type.Boolean({ description: 'Whether the caller may remove this role.' }),
})

export const Account = Type.Object(
  {
    id: Uuid,
    email: Type.String(),
    displayName: Type.String(),
    locale: LocaleSchema,
    person: Nullable(
      Type.Object({
        id: Uuid,
        firstName: Type.String(),
        lastName: Type.String(),
        zoneId: Uuid,
        zoneCode: Type.String(),
      }),
    ),
    roles: Type.Array(AccountRole),
    disabledAt: Nullable(Type.String({ format: 'date-time' })),
    mustChangePassword: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
    manageable: Type.Boolean({
      description: 'Whether the caller may disable, enable and reset this account (every zone of it is theirs).',
    }),
  },
  { $id: 'Account' },
)
export type Account = Static<typeof Account>
/** Responses name the shared schema by reference: a second inline use of its $id would shadow the root one. */
export const AccountResponse = Type.Ref('Account')

export const AccountsQuery = Type.Object(
  {
    zoneId: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
  },
  { additionalProperties: false },
)
export type AccountsQuery = Static<typeof AccountsQuery>

const ScopeZone = Type.Object({ id: Uuid, code: Type.String(), name: Type.String() })

export const AccountsList = Type.Object({
  items: Type.Array(AccountResponse),
  total: Type.Integer(),
  scope: Type.Object(
    {
      zones: Type.Array(ScopeZone),
      associations: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
    },
    { description: 'Where the caller may create accounts and assign roles.' },
  ),
})

/** A zone role names its zone; admin names its association. The schema says so, so bad input is a 400. */
export const RoleGrant = Type.Union(
  [
    Type.Object({ role: StringEnum(ZONE_ROLES), zoneId: Uuid }, { additionalProperties: false }),
    Type.Object({ role: Type.Literal('admin'), associationId: Uuid }, { additionalProperties: false }),
  ],
  { description: 'A zone role names zoneId; admin names associationId.' },
)
export type RoleGrant = Static<typeof RoleGrant>

export const AccountCreate = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    locale: Type.Optional(LocaleSchema),
    personId: Type.Optional(Nullable(Uuid)),
    roles: Type.Array(RoleGrant, { minItems: 1, maxItems: 16 }),
  },
  { additionalProperties: false },
)
export type AccountCreate = Static<typeof AccountCreate>

export const OneTimePassword = Type.Object({
  account: AccountResponse,
  oneTimePassword: Type.String({
    description: 'Shown once: the user signs in with it and must choose a new password at once.',
  }),
})

export const RoleParams = Type.Object({ id: Uuid, roleId: Uuid })

export const PasswordChange = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
    newPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH * 4 }),
  },
  { additionalProperties: false },
)
export type PasswordChange = Static<typeof PasswordChange>
