import { Type, type Static } from 'typebox'
import { LOCALES, ROLES } from '../../platform/enums.ts'
import { Nullable, StringEnum } from '../../platform/typebox.ts'

export const LocaleSchema = StringEnum(LOCALES)

export const LoginBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254, description: 'Account e-mail address' }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
)
export type LoginBody = Static<typeof LoginBody>

export const RoleSchema = StringEnum(ROLES)

export const Me = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    email: Type.String(),
    displayName: Type.String(),
    locale: LocaleSchema,
    csrfToken: Type.String({ description: 'Send as the x-csrf-token header on POST, PATCH, PUT and DELETE.' }),
    mustChangePassword: Type.Boolean({
      description: 'A one-time password is in use: until POST /api/me/password, other routes answer 403.',
    }),
    person: Nullable(
      Type.Object({
        id: Type.String({ format: 'uuid' }),
        zoneId: Type.String({ format: 'uuid' }),
        zoneCode: Type.String(),
        firstName: Type.String(),
        lastName: Type.String(),
      }),
    ),
    roles: Type.Array(
      Type.Object({
        role: RoleSchema,
        zoneId: Nullable(Type.String()),
        zoneCode: Nullable(Type.String()),
        zoneName: Nullable(Type.String()),
        associationId: Nullable(Type.String()),
        associationName: Nullable(Type.String()),
      }),
    ),
    associations: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }), {
      description: 'Associations the user works in (admin of, or a zone of theirs is a member).',
    }),
  },
  { $id: 'Me' },
)
export type Me = Static<typeof Me>

export const LoginResponse = Type.Object({ user: Type.Ref('Me'), csrfToken: Type.String() })

export const MePatch = Type.Object({ locale: LocaleSchema }, { additionalProperties: false })
