import { Type, type Static } from 'typebox'

export const Health = Type.Object({
  status: Type.Literal('ok'),
  database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
  demo: Type.Boolean({ description: 'True when the server holds the public demo data set and accounts.' }),
})
export type Health = Static<typeof Health>

export const Pong = Type.Object({ pong: Type.Boolean() })
