import { Type, type Static } from 'typebox'
import { DUTY_PREFERENCES, UNAVAILABILITY_KINDS } from '../../platform/enums.ts'
import { IsoDate, Nullable, StringEnum, Uuid } from '../../platform/typebox.ts'

/** A day (YYYY-MM-DD, Brussels) or an instant with its offset (2026-03-29T07:00:00+02:00); the service reads it. */
const Moment = (description: string) =>
  Type.String({
    minLength: 10,
    maxLength: 35,
    pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?$',
    description,
  })
const From = Moment(
  'Start: a date YYYY-MM-DD (whole days, from the start of that day in Brussels) or an instant with offset.',
)
const To = Moment(
  'End: a date YYYY-MM-DD (the LAST whole day, inclusive) or an instant with offset (exclusive); the same form as `from`.',
)
const Note = Type.String({ minLength: 1, maxLength: 500 })

const WholeDays = Nullable(
  Type.Object(
    { from: IsoDate, to: IsoDate },
    { description: 'The whole Brussels days it covers (to inclusive), when it starts and ends at midnight.' },
  ),
)

export const AvailabilityEntry = Type.Object(
  {
    id: Uuid,
    personId: Uuid,
    personName: Type.String(),
    zoneId: Uuid,
    kind: StringEnum(UNAVAILABILITY_KINDS),
    from: Type.String({ format: 'date-time', description: 'Start instant (inclusive).' }),
    to: Type.String({ format: 'date-time', description: 'End instant (exclusive).' }),
    wholeDays: WholeDays,
    note: Nullable(Type.String()),
    enteredBy: Nullable(Type.Object({ userId: Uuid, name: Type.String() })),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'AvailabilityEntry' },
)
export type AvailabilityEntry = Static<typeof AvailabilityEntry>

export const AvailabilityQuery = Type.Object(
  {
    personId: Type.Optional(Uuid),
    from: Type.Optional(
      Type.String({ format: 'date', description: 'First Brussels day of the window (entries overlapping it).' }),
    ),
    to: Type.Optional(Type.String({ format: 'date', description: 'Last Brussels day of the window, inclusive.' })),
  },
  { additionalProperties: false },
)
export type AvailabilityQuery = Static<typeof AvailabilityQuery>

export const AvailabilityList = Type.Object({
  items: Type.Array(Type.Ref('AvailabilityEntry')),
  plansZoneIds: Type.Array(Uuid, { description: 'Zones whose people the caller may enter for (planner, korpschef).' }),
})

export const AvailabilityCreate = Type.Object(
  {
    personId: Type.Optional(Uuid),
    kind: StringEnum(UNAVAILABILITY_KINDS),
    from: From,
    to: To,
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
)
export type AvailabilityCreate = Static<typeof AvailabilityCreate>

export const AvailabilityUpdate = Type.Object(
  {
    kind: Type.Optional(StringEnum(UNAVAILABILITY_KINDS)),
    from: Type.Optional(From),
    to: Type.Optional(To),
    note: Type.Optional(Nullable(Note)),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type AvailabilityUpdate = Static<typeof AvailabilityUpdate>

export const DutyPreferenceEntry = Type.Object(
  {
    id: Uuid,
    personId: Uuid,
    personName: Type.String(),
    zoneId: Uuid,
    rotationId: Nullable(Uuid),
    rotationName: Nullable(Type.String()),
    preference: StringEnum(DUTY_PREFERENCES),
    from: Type.String({ format: 'date-time' }),
    to: Type.String({ format: 'date-time' }),
    wholeDays: WholeDays,
    note: Nullable(Type.String()),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'DutyPreferenceEntry' },
)
export type DutyPreferenceEntry = Static<typeof DutyPreferenceEntry>

export const DutyPreferenceList = Type.Object({ items: Type.Array(Type.Ref('DutyPreferenceEntry')) })

export const DutyPreferenceCreate = Type.Object(
  {
    rotationId: Type.Optional(Uuid),
    from: From,
    to: To,
    preference: StringEnum(DUTY_PREFERENCES),
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
)
export type DutyPreferenceCreate = Static<typeof DutyPreferenceCreate>
