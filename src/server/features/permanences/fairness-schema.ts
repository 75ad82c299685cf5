// Schemas of the fairness report: one rotation, or every rotation the caller may plan, over a period.
import { Type, type Static } from 'typebox'
import { IsoDate, Nullable, StringEnum, Uuid } from '../../platform/typebox.ts'

const period = {
  from: Type.Optional({ ...IsoDate, description: 'First local date (Brussels); default 1 January of this year' }),
  to: Type.Optional({ ...IsoDate, description: 'Last local date, inclusive; default 31 December of this year' }),
  format: Type.Optional(
    StringEnum(['json', 'csv'] as const, {
      description: 'csv: a file for Excel (UTF-8 with BOM, `;`, decimal comma); also chosen by `Accept: text/csv`',
    }),
  ),
}
export const FairnessQuery = Type.Object(period, { additionalProperties: false })
export const FairnessAllQuery = Type.Object(
  { ...period, associationId: Type.Optional(Uuid) },
  { additionalProperties: false },
)
export type FairnessQuery = Static<typeof FairnessQuery>

const Hours = Type.Number({ description: 'Hours, rounded to two decimals' })
const Figures = {
  slots: Type.Integer({ description: 'Duties that start in the period' }),
  hours: Hours,
  weightedHours: { ...Hours, description: 'Hours plus the extra weight of night, Saturday, Sunday, holiday hours' },
  nightHours: Hours,
  saturdayHours: Hours,
  sundayHours: Hours,
  holidayHours: Hours,
}

export const FairnessReport = Type.Object({
  from: IsoDate,
  to: IsoDate,
  rotations: Type.Array(Type.Object({ id: Uuid, name: Type.String(), domain: Type.String(), associationId: Uuid })),
  totals: Type.Object(Figures),
  zones: Type.Array(
    Type.Object({
      zoneId: Uuid,
      code: Type.String(),
      name: Type.String(),
      ...Figures,
      keyShare: Type.Number({ description: 'Share of the weighted load the zone key gives the zone (0–1)' }),
      actualShare: Nullable(Type.Number({ description: 'Share the zone carried (0–1); null without load' })),
      targetWeightedHours: Hours,
      deviation: { ...Hours, description: 'weightedHours − targetWeightedHours' },
      members: Type.Integer(),
      capacity: Type.Number({ description: 'Σ FTE × fraction of the period as a member' }),
      meanWeightedHours: Nullable({ ...Hours, description: 'Zone mean: the mean weighted hours of its people' }),
    }),
  ),
  people: Type.Array(
    Type.Object({
      /** Null: a partner zone's person the caller may not name. */
      person: Nullable(Type.Object({ personId: Uuid, firstName: Type.String(), lastName: Type.String() })),
      zoneId: Uuid,
      zoneCode: Type.String(),
      /** The caller's own zone: capacity, expectation and deviation are shown. */
      ownZone: Type.Boolean(),
      ...Figures,
      capacity: Nullable(Type.Number()),
      expectedWeightedHours: Nullable({ ...Hours, description: 'The zone mean × the person’s capacity' }),
      deviation: Nullable(Hours),
    }),
  ),
})
export type FairnessReport = Static<typeof FairnessReport>
