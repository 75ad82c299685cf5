// The API of enrolments, the waiting list and attendance (issue 11): what the session page's enrolment parts are
// built on (through the generated client).
import { Type, type Static } from 'typebox'
import { ATTENDANCES, ENROLMENT_STATUSES, STAFF_KINDS, TRAINING_RESULTS } from '../../platform/enums.ts'
import { Nullable, StringEnum, Uuid } from '../../platform/typebox.ts'
import { At, ZoneRef } from './session-schema.ts'

export const EnrolBody = Type.Object(
  {
    personId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
)
export type EnrolBody = Static<typeof EnrolBody>

export const CancelEnrolmentBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
)
export type CancelEnrolmentBody = Static<typeof CancelEnrolmentBody>

const Rank = Nullable(Type.String())

export const Enrolment = Type.Object(
  {
    id: Uuid,
    sessionId: Uuid,
    person: Type.Object({ id: Uuid, name: Type.String(), zone: ZoneRef, rank: Rank }),
    status: StringEnum(ENROLMENT_STATUSES),
    position: Nullable(Type.Integer({ minimum: 1, description: 'Place on the waiting list of the zone (1 = next).' })),
    queuedAt: At,
    enrolledAt: Nullable(At),
    promotedAt: Nullable(At),
    cancelledAt: Nullable(At),
    lateCancel: Type.Boolean(),
    attendance: Nullable(StringEnum(ATTENDANCES)),
    result: Nullable(StringEnum(TRAINING_RESULTS)),
    actions: Type.Object({
      cancel: Type.Boolean({ description: 'The reader may cancel this enrolment now.' }),
    }),
  },
  { additionalProperties: false },
)
export type Enrolment = Static<typeof Enrolment>

export const EnrolmentResult = Type.Object({ enrolment: Enrolment }, { additionalProperties: false })
export type EnrolmentResult = Static<typeof EnrolmentResult>

export const EnrolmentList = Type.Object({ enrolments: Type.Array(Enrolment) }, { additionalProperties: false })
export type EnrolmentList = Static<typeof EnrolmentList>

export const EnrolableList = Type.Object(
  {
    people: Type.Array(
      Type.Object({
        id: Uuid,
        name: Type.String(),
        zone: ZoneRef,
        rank: Rank,
        staffKind: StringEnum(STAFF_KINDS),
        self: Type.Boolean({ description: "The reader's own person." }),
        status: Nullable(StringEnum(['enrolled', 'waitlisted'] as const)),
        position: Nullable(Type.Integer({ minimum: 1 })),
      }),
    ),
  },
  { additionalProperties: false },
)
export type EnrolableList = Static<typeof EnrolableList>

export const AttendanceBody = Type.Object(
  {
    entries: Type.Array(
      Type.Object(
        {
          enrolmentId: Uuid,
          attendance: StringEnum(ATTENDANCES),
          result: Type.Optional(Nullable(StringEnum(TRAINING_RESULTS))),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
)
export type AttendanceBody = Static<typeof AttendanceBody>

export const AttendanceResult = Type.Object(
  {
    enrolments: Type.Array(Enrolment),
    sessionStatus: StringEnum(['planned', 'cancelled', 'completed'] as const),
  },
  { additionalProperties: false },
)
export type AttendanceResult = Static<typeof AttendanceResult>
