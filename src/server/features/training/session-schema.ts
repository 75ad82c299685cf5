// The API of training sessions (issue 11): the shapes the session pages are built on (through the generated
// client). The train-sessions helper owns this file; the enrolment part reads `TrainingSession` on the session page.
// Change the shapes only additively.
import { Type, type Static } from 'typebox'
import { COURSE_KINDS, ENROLMENT_STATUSES, TRAINING_SESSION_STATUSES } from '../../platform/enums.ts'
import { Nullable, StringEnum, Uuid } from '../../platform/typebox.ts'

export const At = Type.String({ format: 'date-time' })
export const ZoneRef = Type.Object({ id: Uuid, code: Type.String(), name: Type.String() })
export type ZoneRef = Static<typeof ZoneRef>

export const CourseRef = Type.Object({
  id: Uuid,
  code: Type.String(),
  kind: StringEnum(COURSE_KINDS),
  title: Type.String(),
  durationMinutes: Type.Integer(),
  qualificationCode: Nullable(Type.String()),
  qualificationMonths: Nullable(Type.Integer()),
})
export type CourseRef = Static<typeof CourseRef>

/** A zone's places in a session and how they are taken (counts only: no names). */
export const SessionPlaces = Type.Object({
  zone: ZoneRef,
  places: Type.Integer({ minimum: 0 }),
  enrolled: Type.Integer({ minimum: 0 }),
  waitlisted: Type.Integer({ minimum: 0 }),
})

/** The actor's own enrolment in the session (their linked person), with the waiting-list position when waiting. */
export const MyEnrolment = Type.Object({
  id: Uuid,
  status: StringEnum(ENROLMENT_STATUSES),
  position: Nullable(Type.Integer({ minimum: 1, description: 'Place on the waiting list (1 = next).' })),
})

export const TrainingSession = Type.Object(
  {
    id: Uuid,
    associationId: Uuid,
    course: CourseRef,
    /** The organising zone. */
    zone: ZoneRef,
    agreementId: Nullable(Uuid),
    from: At,
    to: At,
    location: Type.String(),
    note: Nullable(Type.String()),
    status: StringEnum(TRAINING_SESSION_STATUSES),
    capacity: Type.Integer({ minimum: 1 }),
    cancelDeadline: At,
    /** Every zone with places (counts are no personal data: a partner sees how full the session is). */
    places: Type.Array(SessionPlaces),
    /** The range lanes booked for it (equipment bookings of one group). */
    lanes: Type.Array(
      Type.Object({ bookingId: Uuid, assetId: Uuid, assetName: Type.String(), bookingStatus: Type.String() }),
    ),
    trainers: Type.Array(
      Type.Object({
        id: Uuid,
        personId: Uuid,
        name: Type.String(),
        zone: ZoneRef,
        minutes: Type.Integer({ minimum: 0 }),
        posted: Type.Boolean({ description: 'Posted to the assistance ledger as support given.' }),
      }),
    ),
    myEnrolment: Nullable(MyEnrolment),
    /** What the reader may do here (the web shows exactly these buttons). */
    actions: Type.Object({
      manage: Type.Boolean({ description: 'Edit places, trainers, location; cancel the session; post trainer hours.' }),
      enrol: Type.Boolean({ description: 'Enrol oneself or (planner) people of the own zone: the zone has places.' }),
      attendance: Type.Boolean({ description: 'Record attendance and results (from the start of the session).' }),
    }),
  },
  { additionalProperties: false },
)
export type TrainingSession = Static<typeof TrainingSession>
