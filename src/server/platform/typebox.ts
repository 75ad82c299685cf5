// Small TypeBox helpers shared by the feature schemas.
import { Type, type TSchema } from 'typebox'

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])
export const Uuid = Type.String({ format: 'uuid' })
export const IsoDate = Type.String({ format: 'date', description: 'Calendar date YYYY-MM-DD' })
export const IdParams = Type.Object({ id: Uuid })

/**
 * One of a closed list of codes (platform/enums.ts): `{ type: 'string', enum: [...] }` in the OpenAPI document,
 * so clients see the type as well as the values (TypeBox's own `Type.Enum` leaves the type out).
 */
export const StringEnum = <const T extends readonly string[]>(values: T, options: { description?: string } = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options })
