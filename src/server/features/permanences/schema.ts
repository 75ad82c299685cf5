// Request and response schemas of the permanences API: rotations, members, rosters, duties. The shapes of
// pattern, eligibility, zone key, rules and weights are the plain data of domain/types.ts and domain/patterns.ts.
import { Type, type Static } from 'typebox'
import { DUTY_KINDS, RANKS, QUALIFICATION_CODES } from '../../platform/enums.ts'
import { IsoDate, Nullable, StringEnum, Uuid } from '../../platform/typebox.ts'
import type { Weekday as WeekdayType } from './domain/patterns.ts'
import { PERMANENCE_DOMAINS } from './presets.ts'

const LocalTime = Type.String({
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  description: 'Local time HH:MM (Brussels)',
})
const Weekday = Type.Unsafe<WeekdayType>({
  type: 'integer',
  minimum: 1,
  maximum: 7,
  description: 'ISO weekday: 1 = Monday … 7 = Sunday',
})
const Label = Type.String({ pattern: '^[a-z0-9_-]{1,40}$' })
const Instant = Type.String({ format: 'date-time' })

export const PermanenceDomain = StringEnum(PERMANENCE_DOMAINS, {
  description: 'A permanence domain of the catalogue (permanence.*) or ict',
})

const ShiftDefinition = Type.Object(
  {
    label: Label,
    weekdays: Type.Array(Weekday, { minItems: 1, maxItems: 7, uniqueItems: true }),
    start: LocalTime,
    end: Type.Union([
      Type.Object(
        { time: LocalTime, days: Type.Optional(Type.Integer({ minimum: 0, maximum: 14 })) },
        { additionalProperties: false },
      ),
      Type.Object({ durationMinutes: Type.Integer({ minimum: 1, maximum: 20_160 }) }, { additionalProperties: false }),
    ]),
  },
  { additionalProperties: false },
)

export const ShiftPattern = Type.Union([
  Type.Object(
    { kind: Type.Literal('weekly'), handoffWeekday: Weekday, handoffTime: LocalTime },
    { additionalProperties: false },
  ),
  Type.Object({ kind: Type.Literal('daily'), handoffTime: LocalTime }, { additionalProperties: false }),
  Type.Object(
    { kind: Type.Literal('day_night'), dayStart: LocalTime, nightStart: LocalTime },
    { additionalProperties: false },
  ),
  Type.Object(
    { kind: Type.Literal('custom'), shifts: Type.Array(ShiftDefinition, { minItems: 1, maxItems: 12 }) },
    { additionalProperties: false },
  ),
])

export const Eligibility = Type.Object(
  {
    anyOf: Type.Array(
      Type.Object(
        {
          ranks: Type.Array(StringEnum(RANKS), { minItems: 1, maxItems: RANKS.length, uniqueItems: true }),
          qualifications: Type.Optional(
            Type.Array(StringEnum(QUALIFICATION_CODES), { maxItems: 10, uniqueItems: true }),
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 10 },
    ),
  },
  { additionalProperties: false },
)

export const ZoneKey = Type.Union([
  Type.Object({ kind: Type.Literal('equal') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('fte') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('population') }, { additionalProperties: false }),
  Type.Object(
    {
      kind: Type.Literal('custom'),
      weights: Type.Record(Type.String({ format: 'uuid' }), Type.Number({ exclusiveMinimum: 0, maximum: 1e6 })),
    },
    { additionalProperties: false },
  ),
])

const Hours = (max: number) => Type.Number({ minimum: 0, maximum: max })
export const WorkingTimeRules = Type.Object(
  {
    minRestHours: Hours(48),
    maxWorkHoursPer24h: Hours(24),
    maxWorkHoursPerWeek: Hours(168),
    minHoursBetweenOnCall: Hours(24 * 60),
    onCallFrequency: Nullable(
      Type.Object(
        {
          maxDuties: Type.Integer({ minimum: 1, maximum: 100 }),
          windowDays: Type.Integer({ minimum: 1, maximum: 366 }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
)
export const LoadWeights = Type.Object(
  { night: Hours(10), saturday: Hours(10), sunday: Hours(10), holiday: Hours(10) },
  { additionalProperties: false },
)

const DutyKind = StringEnum(DUTY_KINDS)
const Name = Type.String({ minLength: 1, maxLength: 120 })

export const RotationCreate = Type.Object(
  {
    associationId: Uuid,
    domain: PermanenceDomain,
    name: Name,
    zoneIds: Type.Array(Uuid, { minItems: 2, maxItems: 20, uniqueItems: true }),
    dutyKind: DutyKind,
    peoplePerSlot: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
    pattern: ShiftPattern,
    eligibility: Type.Optional(Eligibility),
    zoneKey: Type.Optional(ZoneKey),
    rules: Type.Optional(Type.Partial(WorkingTimeRules)),
    weights: Type.Optional(Type.Partial(LoadWeights)),
    validFrom: IsoDate,
    validTo: Type.Optional(Nullable(IsoDate)),
  },
  { additionalProperties: false },
)
export type RotationCreate = Static<typeof RotationCreate>

export const RotationPatch = Type.Object(
  {
    name: Type.Optional(Name),
    dutyKind: Type.Optional(DutyKind),
    peoplePerSlot: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
    pattern: Type.Optional(ShiftPattern),
    eligibility: Type.Optional(Eligibility),
    zoneKey: Type.Optional(ZoneKey),
    rules: Type.Optional(Type.Partial(WorkingTimeRules)),
    weights: Type.Optional(Type.Partial(LoadWeights)),
    validFrom: Type.Optional(IsoDate),
    validTo: Type.Optional(Nullable(IsoDate)),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type RotationPatch = Static<typeof RotationPatch>

export const RotationQuery = Type.Object(
  { associationId: Type.Optional(Uuid), domain: Type.Optional(PermanenceDomain) },
  { additionalProperties: false },
)

const ZoneRef = Type.Object({ zoneId: Uuid, code: Type.String(), name: Type.String() })

export const Rotation = Type.Object(
  {
    id: Uuid,
    associationId: Uuid,
    domain: PermanenceDomain,
    name: Type.String(),
    zones: Type.Array(
      Type.Object({ zoneId: Uuid, code: Type.String(), name: Type.String(), weight: Nullable(Type.Number()) }),
    ),
    dutyKind: DutyKind,
    peoplePerSlot: Type.Integer(),
    pattern: ShiftPattern,
    eligibility: Eligibility,
    zoneKey: ZoneKey,
    rules: WorkingTimeRules,
    weights: LoadWeights,
    validFrom: IsoDate,
    validTo: Nullable(IsoDate),
    canManage: Type.Boolean(),
    // planner (issue 8): on reads only (list, one rotation)
    publishedUntil: Type.Optional(
      Nullable(
        Type.String({ format: 'date-time', description: 'End of the last duty in force; null: nothing published' }),
      ),
    ),
    memberCount: Type.Optional(Type.Integer({ description: 'People standing in the rotation today' })),
  },
  { $id: 'Rotation' },
)
export type Rotation = Static<typeof Rotation>
export const RotationList = Type.Object({ items: Type.Array(Type.Ref('Rotation')) })

export const MemberCreate = Type.Object(
  { personId: Uuid, from: Type.Optional(IsoDate), to: Type.Optional(Nullable(IsoDate)) },
  { additionalProperties: false },
)
export type MemberCreate = Static<typeof MemberCreate>
export const MemberParams = Type.Object({ id: Uuid, memberId: Uuid })

export const Member = Type.Object({
  id: Uuid,
  rotationId: Uuid,
  personId: Uuid,
  zoneId: Uuid,
  firstName: Type.String(),
  lastName: Type.String(),
  rank: Nullable(Type.String()),
  from: IsoDate,
  to: Nullable(IsoDate),
})
export type Member = Static<typeof Member>
export const MemberList = Type.Object({ items: Type.Array(Member) })

export const MemberEndQuery = Type.Object({ lastDay: Type.Optional(IsoDate) }, { additionalProperties: false })
export const MemberEnded = Type.Object({
  id: Uuid,
  personId: Uuid,
  from: IsoDate,
  to: Nullable(IsoDate),
  removed: Type.Boolean({ description: 'The membership had not started: it was removed' }),
})

export { ZoneRef, Instant }
