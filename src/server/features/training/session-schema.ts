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

// ---- the sessions part's request and list shapes (train-sessions) -------------------------------------------

/** An instant with its offset, e.g. 2026-03-29T09:00:00+02:00. */
export const Instant = (description: string) =>
  Type.String({
    minLength: 16,
    maxLength: 35,
    pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$',
    description,
  })
const Day = Type.String({ format: 'date', description: 'Calendar date YYYY-MM-DD (Brussels)' })
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength })

export const PLACE_KEY_VALUES = ['equal', 'fte', 'custom'] as const
const ZonePlaces = Type.Object(
  { zoneId: Uuid, places: Type.Integer({ minimum: 0, maximum: 500 }) },
  { additionalProperties: false },
)
const TrainerInput = Type.Object(
  {
    personId: Uuid,
    minutes: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 2880, description: 'Time given; default the session’s length.' }),
    ),
  },
  { additionalProperties: false },
)
const ZoneIds = Type.Array(Uuid, { minItems: 1, maxItems: 30, uniqueItems: true })

export const SessionListQuery = Type.Object(
  {
    from: Day,
    to: Day,
    courseKind: Type.Optional(StringEnum(COURSE_KINDS)),
    zoneId: Type.Optional(Uuid),
    onlyFree: Type.Optional(Type.Boolean({ description: 'Only sessions with free places for one of my zones.' })),
  },
  { additionalProperties: false },
)
export type SessionListQuery = Static<typeof SessionListQuery>

export const SessionSummary = Type.Object({
  id: Uuid,
  course: Type.Object({ id: Uuid, code: Type.String(), kind: StringEnum(COURSE_KINDS), title: Type.String() }),
  zone: ZoneRef,
  from: At,
  to: At,
  location: Type.String(),
  status: StringEnum(TRAINING_SESSION_STATUSES),
  capacity: Type.Integer(),
  /** Over the reader's zones with places (an admin: every zone). */
  places: Type.Integer({ minimum: 0 }),
  free: Type.Integer({ minimum: 0 }),
  enrolled: Type.Integer({ minimum: 0 }),
  waitlisted: Type.Integer({ minimum: 0 }),
  myEnrolment: Nullable(MyEnrolment),
})
export type SessionSummary = Static<typeof SessionSummary>
export const SessionList = Type.Object({ sessions: Type.Array(SessionSummary) })
export type SessionList = Static<typeof SessionList>

export const SessionCreateBody = Type.Object(
  {
    courseId: Uuid,
    zoneId: Type.Optional(Uuid),
    from: Instant('Start of the session.'),
    to: Instant('End of the session (exclusive).'),
    location: Text(200),
    capacity: Type.Integer({ minimum: 1, maximum: 500 }),
    cancelDeadline: Type.Optional(Instant('Until when an officer may cancel; default 48 hours before the start.')),
    placeKey: StringEnum(PLACE_KEY_VALUES),
    zoneIds: ZoneIds,
    places: Type.Optional(Type.Array(ZonePlaces, { maxItems: 30 })),
    trainers: Type.Array(TrainerInput, { maxItems: 20 }),
    rangeLaneAssetIds: Type.Optional(Type.Array(Uuid, { maxItems: 10, uniqueItems: true })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    idempotencyKey: Type.Optional(Text(100)),
  },
  { additionalProperties: false },
)
export type SessionCreateBody = Static<typeof SessionCreateBody>

export const SessionPatchBody = Type.Object(
  {
    location: Type.Optional(Text(200)),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    cancelDeadline: Type.Optional(Instant('Until when an officer may cancel.')),
    from: Type.Optional(Instant('New start (only before the session starts; with `to`).')),
    to: Type.Optional(Instant('New end (with `from`).')),
    capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    places: Type.Optional(Type.Array(ZonePlaces, { minItems: 1, maxItems: 30 })),
    trainers: Type.Optional(Type.Array(TrainerInput, { maxItems: 20 })),
  },
  { additionalProperties: false },
)
export type SessionPatchBody = Static<typeof SessionPatchBody>

export const CancelBody = Type.Object({ reason: Text(500) }, { additionalProperties: false })

export const PlacesSplitQuery = Type.Object(
  {
    capacity: Type.Integer({ minimum: 1, maximum: 500 }),
    zoneIds: Type.String({
      minLength: 36,
      maxLength: 1200,
      pattern: '^[0-9a-fA-F-]{36}(,[0-9a-fA-F-]{36})*$',
      description: 'Zone ids, comma-separated.',
    }),
    key: StringEnum(['equal', 'fte'] as const),
    day: Day,
  },
  { additionalProperties: false },
)
export type PlacesSplitQuery = Static<typeof PlacesSplitQuery>
export const PlacesSplit = Type.Object({
  places: Type.Array(
    Type.Object({ zone: ZoneRef, places: Type.Integer({ minimum: 0 }), weight: Type.Number({ minimum: 0 }) }),
  ),
})
export type PlacesSplit = Static<typeof PlacesSplit>

export const CandidatesQuery = Type.Object({ zoneId: Type.Optional(Uuid) }, { additionalProperties: false })
export const TrainerCandidates = Type.Object({
  /** The organising zone and the zones sharing `training` with it today: who may get places. */
  zones: Type.Array(ZoneRef),
  candidates: Type.Array(
    Type.Object({
      personId: Uuid,
      name: Type.String(),
      zone: ZoneRef,
      why: StringEnum(['trainer', 'firearms_instructor', 'shared_function'] as const),
    }),
  ),
})
export type TrainerCandidates = Static<typeof TrainerCandidates>

export const TrainerHoursResult = Type.Object({
  posted: Type.Array(Type.Object({ trainerId: Uuid, posting: Uuid, amount: Type.Integer() })),
  session: TrainingSession,
})
export type TrainerHoursResult = Static<typeof TrainerHoursResult>
