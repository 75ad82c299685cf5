// The API of the shift briefing (issue 11): items with their targets, the briefing view of a zone's shift, read
// confirmations and read status, a zone's briefing settings and teams. The web app builds its pages on these
// shapes (through the generated client): change them only additively.
import { Type, type Static } from 'typebox'
import { BRIEFING_CATEGORIES, BRIEFING_PRIORITIES, PHOTO_TYPES, SHIFTS } from '../../platform/enums.ts'
import { IsoDate, Nullable, StringEnum, Uuid } from '../../platform/typebox.ts'
import { PHOTO_MAX_BYTES } from './domain/photo.ts'

/** An instant with its offset, e.g. 2026-03-29T03:10:00+02:00. */
const Instant = (description: string) =>
  Type.String({
    minLength: 16,
    maxLength: 35,
    pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$',
    description,
  })
const At = Type.String({ format: 'date-time' })
const ZoneRef = Type.Object({ id: Uuid, code: Type.String(), name: Type.String() })
const TeamRef = Type.Object({ id: Uuid, code: Type.String(), name: Type.String() })
/** A photo's bytes, base64, at most 2 MiB decoded. */
const Photo = Type.Object(
  {
    type: StringEnum(PHOTO_TYPES),
    base64: Type.String({ minLength: 4, maxLength: Math.ceil(PHOTO_MAX_BYTES / 3) * 4 }),
  },
  { additionalProperties: false, description: 'JPEG, PNG or WebP, at most 2 MiB; the bytes must be of that type.' },
)
const Shifts = Type.Array(StringEnum(SHIFTS), { minItems: 1, maxItems: 3, uniqueItems: true })
const Targets = Type.Array(
  Type.Object(
    {
      zoneId: Uuid,
      teamIds: Type.Optional(Type.Array(Uuid, { maxItems: 20, uniqueItems: true })),
    },
    { additionalProperties: false },
  ),
  {
    minItems: 1,
    maxItems: 20,
    description: 'The author zone and/or partner zones sharing `briefing`; without teams, the whole zone.',
  },
)
const Title = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })
const Body = Type.String({ maxLength: 8000 })

export const ItemCreateBody = Type.Object(
  {
    /** The author zone (default: the home zone). */
    zoneId: Type.Optional(Uuid),
    category: StringEnum(BRIEFING_CATEGORIES),
    priority: StringEnum(BRIEFING_PRIORITIES),
    title: Title,
    body: Body,
    restricted: Type.Optional(Type.Boolean({ description: 'Personal data: always so for a wanted person.' })),
    validFrom: Instant('Start of validity.'),
    validTo: Instant('End of validity (exclusive): after the start, at most 90 days later.'),
    shifts: Shifts,
    targets: Targets,
    photo: Type.Optional(Photo),
  },
  { additionalProperties: false },
)
export type ItemCreateBody = Static<typeof ItemCreateBody>

export const ItemPatchBody = Type.Object(
  {
    category: Type.Optional(StringEnum(BRIEFING_CATEGORIES)),
    priority: Type.Optional(StringEnum(BRIEFING_PRIORITIES)),
    title: Type.Optional(Title),
    body: Type.Optional(Body),
    restricted: Type.Optional(Type.Boolean()),
    validFrom: Type.Optional(Instant('Start of validity.')),
    validTo: Type.Optional(Instant('End of validity (exclusive).')),
    shifts: Type.Optional(Shifts),
    targets: Type.Optional(Targets),
    /** null removes the photo. */
    photo: Type.Optional(Nullable(Photo)),
  },
  { additionalProperties: false },
)
export type ItemPatchBody = Static<typeof ItemPatchBody>

export const BriefingItem = Type.Object(
  {
    id: Uuid,
    zone: ZoneRef,
    category: StringEnum(BRIEFING_CATEGORIES),
    priority: StringEnum(BRIEFING_PRIORITIES),
    restricted: Type.Boolean(),
    /** null: a restricted item read without a justification (locked). */
    title: Nullable(Type.String()),
    body: Nullable(Type.String()),
    hasPhoto: Type.Boolean(),
    validFrom: At,
    validTo: At,
    shifts: Type.Array(StringEnum(SHIFTS)),
    targets: Type.Array(Type.Object({ zone: ZoneRef, teams: Type.Array(TeamRef) })),
    author: Nullable(Type.Object({ displayName: Type.String() })),
    withdrawnAt: Nullable(At),
    createdAt: At,
    updatedAt: At,
    /** When the reader's person confirmed having read it. */
    readByMe: Nullable(At),
    /** True when the reader's person is among the people it is for (may confirm having read it). */
    addressedToMe: Type.Boolean(),
    canEdit: Type.Boolean(),
  },
  { description: 'A briefing item as the reader sees it' },
)
export type BriefingItem = Static<typeof BriefingItem>

export const ItemListQuery = Type.Object(
  {
    zoneId: Type.Optional(Uuid),
    state: Type.Optional(StringEnum(['current', 'upcoming', 'past'] as const)),
  },
  { additionalProperties: false },
)
export type ItemListQuery = Static<typeof ItemListQuery>

export const ItemList = Type.Object({
  items: Type.Array(
    Type.Object({
      item: BriefingItem,
      reads: Type.Object({ read: Type.Integer(), total: Type.Integer() }),
    }),
  ),
})
export type ItemList = Static<typeof ItemList>

export const ViewQuery = Type.Object(
  {
    zoneId: Type.Optional(Uuid),
    date: Type.Optional(IsoDate),
    shift: Type.Optional(StringEnum(SHIFTS)),
    teamId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
)
export type ViewQuery = Static<typeof ViewQuery>

export const BriefingView = Type.Object({
  zone: ZoneRef,
  date: IsoDate,
  shift: StringEnum(SHIFTS),
  period: Type.Object({ from: At, to: At }),
  items: Type.Array(BriefingItem),
})
export type BriefingView = Static<typeof BriefingView>

export const ReadStatus = Type.Object({
  /** The author zone's addressed operational people by name (null: the item is not for it). */
  own: Nullable(
    Type.Object({
      zone: ZoneRef,
      people: Type.Array(
        Type.Object({ personId: Uuid, name: Type.String(), team: Nullable(Type.String()), readAt: Nullable(At) }),
      ),
    }),
  ),
  partners: Type.Array(Type.Object({ zone: ZoneRef, read: Type.Integer(), total: Type.Integer() }), {
    description: 'Partner zones as counts only: no names of their people.',
  }),
})
export type ReadStatus = Static<typeof ReadStatus>

export const ReadConfirmation = Type.Object({ itemId: Uuid, readAt: At })
export type ReadConfirmation = Static<typeof ReadConfirmation>

export const TeamsQuery = Type.Object({ zoneId: Type.Optional(Uuid) }, { additionalProperties: false })
export const TeamList = Type.Object({ zone: ZoneRef, teams: Type.Array(TeamRef) })
export type TeamList = Static<typeof TeamList>

const Time = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM, Brussels wall clock' })
const Days = Type.Integer({ minimum: 1, maximum: 3650 })
export const SettingsBody = Type.Object(
  {
    earlyStart: Time,
    lateStart: Time,
    nightStart: Time,
    retentionDays: Days,
    restrictedRetentionDays: Days,
  },
  { additionalProperties: false },
)
export type SettingsBody = Static<typeof SettingsBody>
export const Settings = Type.Object({ zone: ZoneRef, ...SettingsBody.properties })
export type Settings = Static<typeof Settings>

export const ZoneParams = Type.Object({ zoneId: Uuid })
