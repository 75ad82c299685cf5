// Schemas of the asset routes (issue 10): the catalogue with its availability search, one asset, the
// availability timeline, and the keeper's writes (create, update, validities). Instants are ISO strings; a
// validity's last day is a Brussels calendar date.
import { Type, type Static } from 'typebox'
import { ASSET_KINDS, ASSET_STATUSES, BOOKING_STATUSES, VALIDITY_KINDS } from '../../platform/enums.ts'
import { IsoDate, Nullable, StringEnum, Uuid } from '../../platform/typebox.ts'

const Instant = Type.String({ format: 'date-time' })
const ZoneRef = Type.Object({ id: Uuid, code: Type.String(), name: Type.String() })
/** Text a person types: not only spaces. */
const Text = (minLength: number, maxLength: number, description: string) =>
  Type.String({ minLength, maxLength, ...(minLength > 0 ? { pattern: '\\S' } : {}), description })

export const AssetValidityState = Type.Object({
  kind: StringEnum(VALIDITY_KINDS),
  validUntil: IsoDate,
  state: StringEnum(['ok', 'expiring', 'expired'] as const, {
    description: 'expired: lapsed before today; expiring: lapses within 30 days (Brussels)',
  }),
})

export const AssetAvailability = Type.Object({
  available: Type.Boolean(),
  reason: Nullable(
    StringEnum(['busy', 'status', 'validity'] as const, {
      description: 'Why not: an active booking overlaps, the status is not available, or a validity lapses first',
    }),
  ),
})

const summaryFields = {
  id: Uuid,
  zone: ZoneRef,
  investmentId: Nullable(Uuid),
  kind: StringEnum(ASSET_KINDS),
  name: Type.String(),
  identifier: Type.String({ description: 'Plate, serial or weapon number' }),
  status: StringEnum(ASSET_STATUSES),
  location: Nullable(Type.String()),
  lendable: Type.Boolean({ description: 'Whether partner zones may book it at all' }),
  validities: Type.Array(AssetValidityState),
  availability: Type.Optional(AssetAvailability),
}

export const AssetSummary = Type.Object(summaryFields)
export type AssetSummary = Static<typeof AssetSummary>

export const AssetDetail = Type.Object({
  ...summaryFields,
  description: Nullable(Type.String()),
  odometerKm: Nullable(Type.Integer()),
  counter: Nullable(Type.Integer()),
  createdAt: Instant,
  updatedAt: Instant,
  own: Type.Boolean({ description: "The caller's zone keeps it" }),
})
export type AssetDetail = Static<typeof AssetDetail>

export const AssetQuery = Type.Object(
  {
    zoneId: Type.Optional({ ...Uuid, description: 'Only the assets this zone keeps' }),
    kind: Type.Optional(StringEnum(ASSET_KINDS)),
    status: Type.Optional(StringEnum(ASSET_STATUSES)),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Name, identifier or location contains this' })),
    from: Type.Optional({ ...Instant, description: 'Availability search: the start of the period' }),
    to: Type.Optional({ ...Instant, description: 'Availability search: the end of the period (exclusive)' }),
    onlyAvailable: Type.Optional(
      Type.Boolean({ description: 'With from/to: only assets that can be lent and are free over the period' }),
    ),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'Pages of 50, from 1' })),
  },
  { additionalProperties: false },
)
export type AssetQuery = Static<typeof AssetQuery>

export const AssetList = Type.Object({
  items: Type.Array(AssetSummary),
  total: Type.Integer({ description: 'Assets matching, over all pages' }),
})

export const TimelineQuery = Type.Object(
  {
    from: Instant,
    to: { ...Instant, description: 'Exclusive; at most 62 days after `from`' },
    kind: Type.Optional(StringEnum(ASSET_KINDS)),
    zoneId: Type.Optional({ ...Uuid, description: 'Only the assets this zone keeps' }),
    assetId: Type.Optional({ ...Uuid, description: 'Only this asset (its page)' }),
  },
  { additionalProperties: false },
)
export type TimelineQuery = Static<typeof TimelineQuery>

export const BusyPeriod = Type.Object({
  from: Instant,
  to: Instant,
  status: StringEnum(BOOKING_STATUSES),
  bookingId: Nullable({ ...Uuid, description: "Only of the keeper's own or the caller's own zone's bookings" }),
  borrowerZone: Nullable(ZoneRef),
})
export type BusyPeriod = Static<typeof BusyPeriod>

export const Timeline = Type.Object({
  from: Instant,
  to: Instant,
  assets: Type.Array(Type.Object({ asset: AssetSummary, busy: Type.Array(BusyPeriod) })),
})
export type Timeline = Static<typeof Timeline>

const ValidityInput = Type.Object(
  { kind: StringEnum(VALIDITY_KINDS), validUntil: IsoDate },
  { additionalProperties: false },
)

export const AssetCreate = Type.Object(
  {
    zoneId: Uuid,
    kind: StringEnum(ASSET_KINDS),
    name: Text(1, 200, 'What people call it, e.g. "Mobiele snelheidsradar Westkust"'),
    identifier: Text(1, 100, 'Plate, serial or weapon number: unique per zone and kind'),
    location: Type.Optional(Nullable(Text(0, 200, 'Where it is kept'))),
    description: Type.Optional(Nullable(Text(0, 4000, 'Free text'))),
    lendable: Type.Optional(Type.Boolean({ description: 'Whether partner zones may book it (default true)' })),
    investmentId: Type.Optional(Nullable({ ...Uuid, description: 'The joint investment that owns it' })),
    validities: Type.Optional(Type.Array(ValidityInput, { maxItems: VALIDITY_KINDS.length })),
  },
  { additionalProperties: false },
)
export type AssetCreate = Static<typeof AssetCreate>

export const AssetUpdate = Type.Object(
  {
    name: Type.Optional(Text(1, 200, 'What people call it')),
    location: Type.Optional(Nullable(Text(0, 200, 'Where it is kept'))),
    description: Type.Optional(Nullable(Text(0, 4000, 'Free text'))),
    status: Type.Optional(StringEnum(ASSET_STATUSES, { description: "Retiring is 'retired' (never deleted)" })),
    lendable: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type AssetUpdate = Static<typeof AssetUpdate>

export const ValidityParams = Type.Object({ id: Uuid, kind: StringEnum(VALIDITY_KINDS) })

export const ValidityBody = Type.Object(
  {
    validUntil: IsoDate,
    note: Type.Optional(Nullable(Text(0, 500, 'E.g. the certificate number'))),
  },
  { additionalProperties: false },
)
export type ValidityBody = Static<typeof ValidityBody>
