// Small TypeBox helpers shared by the feature schemas.
import { Type, type TSchema } from 'typebox'

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])
export const Uuid = Type.String({ format: 'uuid' })
export const IsoDate = Type.String({ format: 'date', description: 'Calendar date YYYY-MM-DD' })
export const IdParams = Type.Object({ id: Uuid })
