// The API of bookings and loans (issue 10): the conflict check before submit, bookings and their lifecycle, the
// handovers at check-out and check-in, a weapon's chain of custody and the loan terms of an agreement. The web
// app builds its pages on these shapes (through the generated client): change them only additively.
import { Type, type Static } from 'typebox'
import {
  ASSET_KINDS,
  BOOKING_STATUSES,
  HANDOVER_CONDITIONS,
  HANDOVER_KINDS,
  LOAN_TERM_KINDS,
  VALIDITY_KINDS,
} from '../../platform/enums.ts'
import { Nullable, StringEnum, Uuid } from '../../platform/typebox.ts'
import { BOOKING_ACTIONS } from './domain/booking.ts'

/** An instant with its offset, e.g. 2026-03-29T03:10:00+02:00. */
const Instant = (description: string) =>
  Type.String({
    minLength: 16,
    maxLength: 35,
    pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$',
    description,
  })
const At = Type.String({ format: 'date-time' })
const Period = Type.Object({ from: At, to: At })
const ZoneRef = Type.Object({ id: Uuid, code: Type.String(), name: Type.String() })
const AssetIds = Type.Array(Uuid, { minItems: 1, maxItems: 20, uniqueItems: true })

// ---- check and create -----------------------------------------------------------------------------------------

export const BookingCheckBody = Type.Object(
  {
    assetIds: AssetIds,
    from: Instant('Start of the period.'),
    to: Instant('End of the period (exclusive).'),
    borrowerZoneId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
)
export type BookingCheckBody = Static<typeof BookingCheckBody>

export const BookingCheck = Type.Object({
  ok: Type.Boolean({
    description: 'True when every asset is lendable and free over the period (its buffer included).',
  }),
  assets: Type.Array(
    Type.Object({
      assetId: Uuid,
      asset: Type.Object(
        { kind: StringEnum(ASSET_KINDS), name: Type.String(), identifier: Type.String(), zone: ZoneRef },
        { description: 'What the form lists.' },
      ),
      conflicts: Type.Array(
        Type.Object({
          from: At,
          to: At,
          own: Type.Boolean({ description: "True when it is a booking of the caller's zone." }),
        }),
      ),
      lendability: Type.Object({
        lendable: Type.Boolean(),
        reason: Type.Optional(StringEnum(['status', 'validity'] as const)),
        kind: Type.Optional(StringEnum(VALIDITY_KINDS)),
        validUntil: Type.Optional(Type.String({ format: 'date' })),
      }),
    }),
  ),
})
export type BookingCheck = Static<typeof BookingCheck>

export const BookingCreateBody = Type.Object(
  {
    assetIds: AssetIds,
    from: Instant('Start of the period.'),
    to: Instant('End of the period (exclusive).'),
    purpose: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }),
    borrowerZoneId: Type.Optional(Uuid),
    collectorPersonId: Type.Optional(Uuid),
    idempotencyKey: Type.String({ pattern: '^[A-Za-z0-9_-]{8,80}$', description: 'One per booking form.' }),
  },
  { additionalProperties: false },
)
export type BookingCreateBody = Static<typeof BookingCreateBody>

// ---- a booking --------------------------------------------------------------------------------------------------

export const Handover = Type.Object({
  id: Uuid,
  kind: StringEnum(HANDOVER_KINDS),
  at: At,
  handedBy: Type.Object({ personId: Uuid, name: Type.String() }),
  receivedBy: Type.Object({ personId: Uuid, name: Type.String() }),
  condition: StringEnum(HANDOVER_CONDITIONS),
  odometerKm: Nullable(Type.Integer()),
  counter: Nullable(Type.Integer()),
  damageNote: Nullable(Type.String()),
})
export type Handover = Static<typeof Handover>

export const Booking = Type.Object(
  {
    id: Uuid,
    groupId: Uuid,
    asset: Type.Object({
      id: Uuid,
      kind: StringEnum(ASSET_KINDS),
      name: Type.String(),
      identifier: Type.String(),
      zone: ZoneRef,
    }),
    borrowerZone: ZoneRef,
    period: Period,
    blocked: Period,
    status: StringEnum(BOOKING_STATUSES),
    purpose: Type.String(),
    feeCentsPerDay: Type.Integer(),
    autoApproved: Type.Boolean(),
    requestedBy: Nullable(Type.Object({ displayName: Type.String() })),
    requestedAt: At,
    decidedAt: Nullable(At),
    decisionNote: Nullable(Type.String()),
    collector: Nullable(Type.Object({ personId: Uuid, name: Type.String() })),
    overdue: Type.Boolean(),
    handovers: Type.Array(Handover),
    actions: Type.Array(StringEnum(BOOKING_ACTIONS), { description: 'The steps the caller may take now.' }),
  },
  { $id: 'Booking' },
)
export type Booking = Static<typeof Booking>

export const BookingGroup = Type.Object({ groupId: Uuid, bookings: Type.Array(Type.Ref('Booking')) })
export type BookingGroup = { groupId: string; bookings: Booking[] }

export const BookingListQuery = Type.Object(
  {
    side: StringEnum(['borrower', 'keeper'] as const),
    zoneId: Type.Optional(Uuid),
    status: Type.Optional(StringEnum(BOOKING_STATUSES)),
    from: Type.Optional(Type.String({ format: 'date' })),
    to: Type.Optional(Type.String({ format: 'date' })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  },
  { additionalProperties: false },
)
export type BookingListQuery = Static<typeof BookingListQuery>

export const BookingList = Type.Object({
  items: Type.Array(Type.Ref('Booking')),
  page: Type.Integer(),
  hasMore: Type.Boolean(),
})
export type BookingList = { items: Booking[]; page: number; hasMore: boolean }

export const DecisionBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
)
export type DecisionBody = Static<typeof DecisionBody>

const handoverFields = {
  handedByPersonId: Uuid,
  receivedByPersonId: Uuid,
  condition: StringEnum(HANDOVER_CONDITIONS),
  odometerKm: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
  counter: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_000_000_000 })),
  damageNote: Type.Optional(Type.String({ maxLength: 2000 })),
}

export const CheckOutBody = Type.Object(
  { ...handoverFields, at: Type.Optional(Instant('When it was handed over (default: now).')) },
  { additionalProperties: false },
)
export type CheckOutBody = Static<typeof CheckOutBody>

export const CheckInBody = Type.Object(handoverFields, { additionalProperties: false })
export type CheckInBody = Static<typeof CheckInBody>

// ---- custody and loan terms -------------------------------------------------------------------------------------

export const CustodyChain = Type.Object({
  items: Type.Array(
    Type.Object({
      holder: Type.Object({
        kind: StringEnum(['armoury', 'person'] as const),
        zone: ZoneRef,
        person: Type.Optional(Type.Object({ id: Uuid, name: Type.String() })),
      }),
      from: At,
      to: Nullable(At),
      handoverId: Nullable(Uuid),
    }),
  ),
})
export type CustodyChain = Static<typeof CustodyChain>

export const LoanTermsItem = Type.Object(
  {
    kind: StringEnum(LOAN_TERM_KINDS),
    autoApprove: Type.Boolean(),
    autoApproveMaxHours: Nullable(Type.Integer({ minimum: 1, maximum: 8760 })),
    bufferMinutes: Type.Integer({ minimum: 0, maximum: 10080 }),
    feeCentsPerDay: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
  },
  { additionalProperties: false },
)
export const LoanTermsList = Type.Object({ items: Type.Array(LoanTermsItem) })
export type LoanTermsList = Static<typeof LoanTermsList>
export const LoanTermsBody = Type.Object(
  { items: Type.Array(LoanTermsItem, { maxItems: LOAN_TERM_KINDS.length }) },
  { additionalProperties: false },
)
export type LoanTermsBody = Static<typeof LoanTermsBody>
