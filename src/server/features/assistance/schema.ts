// The API of assistance requests (issue 9): requests, their lifecycle, offers, deployments and hours. The web app
// builds its pages on these shapes (through the generated client): change them only additively.
//
// Capabilities, categories and counts are plain strings and integers here on purpose: their problems are the
// domain's (domain/request.ts), answered 422 with the catalogue code of each problem and the field it belongs to,
// not a generic schema 400.
import { Type, type Static } from 'typebox'
import {
  ASSISTANCE_ADDRESSING,
  ASSISTANCE_STATUSES,
  ASSISTANCE_URGENCIES,
  ESCALATION_LEVELS,
  OFFER_LINE_STATUSES,
  RANKS,
} from '../../platform/enums.ts'
import { Nullable, StringEnum, Uuid } from '../../platform/typebox.ts'
import { REQUEST_ACTIONS } from './domain/lifecycle.ts'

/** An instant with its offset, e.g. 2026-03-29T03:10:00+02:00. */
const Instant = (description: string) =>
  Type.String({
    minLength: 16,
    maxLength: 35,
    pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$',
    description,
  })
const At = Type.String({ format: 'date-time' })
const Text = (maxLength: number, description: string) => Type.String({ maxLength, description })

export const ZoneRef = Type.Object({ id: Uuid, code: Type.String(), name: Type.String() })
export type ZoneRef = Static<typeof ZoneRef>
const UserName = Nullable(Type.Object({ userId: Uuid, name: Type.String() }))

// ---- partners (the new-request form) ------------------------------------------------------------------------

export const AssistancePartnerGroup = Type.Object({
  associationId: Uuid,
  associationName: Type.String(),
  /** The own (requesting) zone. */
  zoneId: Uuid,
  zoneCode: Type.String(),
  zoneName: Type.String(),
  partners: Type.Array(Type.Object({ zoneId: Uuid, code: Type.String(), name: Type.String() })),
  /** The municipalities of the own zone today (the place field). */
  municipalities: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
})
export type AssistancePartnerGroup = Static<typeof AssistancePartnerGroup>

export const AssistancePartners = Type.Object({
  items: Type.Array(AssistancePartnerGroup, {
    description:
      'One per (own zone, association) in which an agreement in force lists `assistance` with at least one partner.',
  }),
})
export type AssistancePartners = Static<typeof AssistancePartners>

// ---- create / update ----------------------------------------------------------------------------------------

const RequestLineInput = Type.Object(
  {
    capability: Type.String({ minLength: 1, maxLength: 40, description: 'A code of the capability catalogue.' }),
    count: Type.Integer({ minimum: -1_000_000, maximum: 1_000_000, description: '1..500 (else 422).' }),
  },
  { additionalProperties: false },
)

const requestFields = {
  urgency: StringEnum(ASSISTANCE_URGENCIES),
  category: Type.String({ minLength: 1, maxLength: 40, description: 'A request category (else 422).' }),
  start: Instant('Start of the window; urgent default: now.'),
  end: Instant('End of the window (exclusive); urgent default: start + 4 h.'),
  municipalityId: Nullable(Uuid),
  place: Type.String({ minLength: 1, maxLength: 300, pattern: '\\S', description: 'Address or meeting point.' }),
  purpose: Text(4000, 'What the help is for.'),
  contact: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'Who to call on site.' }),
  lines: Type.Array(RequestLineInput, { maxItems: 50 }),
  addressing: StringEnum(ASSISTANCE_ADDRESSING),
  zoneIds: Type.Array(Uuid, { maxItems: 50, uniqueItems: true, description: 'The chosen partner zones.' }),
}

export const AssistanceRequestCreate = Type.Object(
  {
    zoneId: Type.Optional(Uuid),
    associationId: Type.Optional(Uuid),
    urgency: requestFields.urgency,
    category: requestFields.category,
    start: Type.Optional(requestFields.start),
    end: Type.Optional(requestFields.end),
    municipalityId: Type.Optional(requestFields.municipalityId),
    place: requestFields.place,
    purpose: Type.Optional(requestFields.purpose),
    contact: requestFields.contact,
    lines: requestFields.lines,
    addressing: requestFields.addressing,
    zoneIds: Type.Optional(requestFields.zoneIds),
    send: Type.Boolean({ description: 'True: submit at once (urgent → requested, planned → awaiting approval).' }),
    idempotencyKey: Type.String({
      pattern: '^[A-Za-z0-9_-]{8,100}$',
      description: 'One per form: a resend is one request.',
    }),
  },
  { additionalProperties: false },
)
export type AssistanceRequestCreate = Static<typeof AssistanceRequestCreate>

export const AssistanceRequestUpdate = Type.Object(
  {
    urgency: Type.Optional(requestFields.urgency),
    category: Type.Optional(requestFields.category),
    start: Type.Optional(requestFields.start),
    end: Type.Optional(requestFields.end),
    municipalityId: Type.Optional(requestFields.municipalityId),
    place: Type.Optional(requestFields.place),
    purpose: Type.Optional(requestFields.purpose),
    contact: Type.Optional(requestFields.contact),
    lines: Type.Optional(requestFields.lines),
    addressing: Type.Optional(requestFields.addressing),
    zoneIds: Type.Optional(requestFields.zoneIds),
  },
  { additionalProperties: false },
)
export type AssistanceRequestUpdate = Static<typeof AssistanceRequestUpdate>

// ---- read ---------------------------------------------------------------------------------------------------

const RequestLine = Type.Object({ capability: Type.String(), count: Type.Integer() })

export const AddresseeState = Type.Object({
  zone: ZoneRef,
  alertedAt: Nullable(At),
  acknowledgedAt: Nullable(At),
  acknowledgedBy: UserName,
  firstOfferAt: Nullable(At),
  declinedAt: Nullable(At),
  declinedBy: UserName,
  declineReason: Nullable(Type.String()),
  escalatedLevel: Nullable(StringEnum(ESCALATION_LEVELS)),
  state: StringEnum(['alerted', 'acknowledged', 'offered', 'declined'] as const),
})
export type AddresseeState = Static<typeof AddresseeState>

export const AssistanceRequestSummary = Type.Object(
  {
    id: Uuid,
    zone: ZoneRef,
    association: Type.Object({ id: Uuid, name: Type.String() }),
    urgency: StringEnum(ASSISTANCE_URGENCIES),
    category: Type.String(),
    status: StringEnum(ASSISTANCE_STATUSES),
    start: At,
    end: At,
    place: Type.String(),
    municipality: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
    lines: Type.Array(RequestLine),
    createdAt: At,
    requestedAt: Nullable(At),
    direction: StringEnum(['outgoing', 'incoming'] as const, {
      description: "outgoing: of one of the reader's zones (or an admin's association); incoming: addressed to one.",
    }),
    /** For incoming: the reader's own zone's answer (the first addressed own zone). */
    addressee: Nullable(AddresseeState),
    offeredCount: Type.Integer({ description: 'People and units offered (lines not withdrawn nor declined).' }),
    acceptedCount: Type.Integer({ description: 'People and units accepted.' }),
  },
  { $id: 'AssistanceRequestSummary' },
)
export type AssistanceRequestSummary = Static<typeof AssistanceRequestSummary>

export const AssistanceRequestQuery = Type.Object(
  {
    direction: Type.Optional(StringEnum(['outgoing', 'incoming', 'all'] as const)),
    // One parameter, comma-separated (a repeated query parameter is refused as a wrong type everywhere).
    status: Type.Optional(
      Type.String({
        pattern: `^(${ASSISTANCE_STATUSES.join('|')})(,(${ASSISTANCE_STATUSES.join('|')}))*$`,
        maxLength: 300,
        description: 'Statuses, comma-separated, e.g. `requested,offered`.',
      }),
    ),
    from: Type.Optional(Type.String({ format: 'date', description: 'Brussels date: windows ending after it.' })),
    to: Type.Optional(Type.String({ format: 'date', description: 'Brussels date: windows starting on or before it.' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    before: Type.Optional(
      Type.String({
        pattern: '^\\d{1,15}_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
        description: 'The `nextCursor` of the previous page.',
      }),
    ),
  },
  { additionalProperties: false },
)
export type AssistanceRequestQuery = Static<typeof AssistanceRequestQuery>

export const AssistanceRequestList = Type.Object({
  items: Type.Array(Type.Ref('AssistanceRequestSummary')),
  nextCursor: Nullable(Type.String({ description: 'Pass as `before` for the next page.' })),
})

/** A person as the reader may see them: the name only in their own zone or through this request's deployment. */
export const AssistancePerson = Type.Object({
  id: Uuid,
  name: Nullable(Type.String()),
  rank: Nullable(StringEnum(RANKS)),
  zone: ZoneRef,
})
export type AssistancePerson = Static<typeof AssistancePerson>

export const OfferLine = Type.Object({
  id: Uuid,
  capability: Type.String(),
  count: Type.Integer(),
  person: Nullable(AssistancePerson),
  status: StringEnum(OFFER_LINE_STATUSES),
  decidedAt: Nullable(At),
})

export const AssistanceOffer = Type.Object({
  id: Uuid,
  zone: ZoneRef,
  expectedArrival: Nullable(At),
  note: Type.String(),
  withdrawnAt: Nullable(At),
  createdAt: At,
  createdBy: UserName,
  lines: Type.Array(OfferLine),
})
export type AssistanceOffer = Static<typeof AssistanceOffer>

export const AssistanceDeployment = Type.Object({
  id: Uuid,
  offerLineId: Nullable(Uuid),
  capability: Type.String(),
  helpingZone: ZoneRef,
  person: AssistancePerson,
  arrivedAt: Nullable(At),
  start: Nullable(At),
  end: Nullable(At),
  recordedBy: UserName,
  recordedAt: Nullable(At),
  helpingConfirmedAt: Nullable(At),
  helpingConfirmedBy: UserName,
  helpedConfirmedAt: Nullable(At),
  helpedConfirmedBy: UserName,
  /** Both zones confirmed: the hours are in the ledger. */
  confirmed: Type.Boolean(),
})
export type AssistanceDeployment = Static<typeof AssistanceDeployment>

export const TimelineEvent = Type.Object({
  id: Type.Integer(),
  action: Type.String(),
  fromStatus: Nullable(StringEnum(ASSISTANCE_STATUSES)),
  toStatus: Nullable(StringEnum(ASSISTANCE_STATUSES)),
  zone: ZoneRef,
  user: UserName,
  at: At,
  details: Type.Record(Type.String(), Type.Unknown()),
})

export const AssistanceRequestDetail = Type.Object(
  {
    ...AssistanceRequestSummary.properties,
    purpose: Type.String(),
    contact: Type.String(),
    addressing: StringEnum(ASSISTANCE_ADDRESSING),
    cancelReason: Nullable(Type.String()),
    approvedAt: Nullable(At),
    approvedBy: UserName,
    retroApproval: Nullable(
      Type.Object({ dueAt: At, overdue: Type.Boolean() }, { description: 'Urgent requests sent, not yet approved.' }),
    ),
    /** The requesting zone sees every addressee; a partner zone only its own. */
    addressees: Type.Array(AddresseeState),
    offers: Type.Array(AssistanceOffer),
    deployments: Type.Array(AssistanceDeployment),
    timeline: Type.Array(TimelineEvent),
    /** Lifecycle actions the reader may take now (filtered by the roles the reader holds). */
    actions: Type.Array(StringEnum(REQUEST_ACTIONS)),
    /** The reader may approve now (planned awaiting approval, or urgent retroactively). */
    canApprove: Type.Boolean(),
    /** The reader's zones that are addressed (for offers, ask_info, decline, deployments). */
    respondingZoneIds: Type.Array(Uuid),
  },
  { $id: 'AssistanceRequestDetail' },
)
export type AssistanceRequestDetail = Static<typeof AssistanceRequestDetail>

// ---- lifecycle, offers, deployments, hours -------------------------------------------------------------------

export const AssistanceTransition = Type.Object(
  {
    action: StringEnum(REQUEST_ACTIONS),
    note: Type.Optional(Type.String({ maxLength: 2000, description: 'Required for ask_info and answer_info.' })),
    zoneId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
)
export type AssistanceTransition = Static<typeof AssistanceTransition>

export const AssistanceOfferCreate = Type.Object(
  {
    zoneId: Type.Optional(Uuid),
    lines: Type.Array(
      Type.Object(
        {
          capability: Type.String({ minLength: 1, maxLength: 40 }),
          count: Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 }),
          personId: Type.Optional(Uuid),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
    expectedArrival: Type.Optional(Instant('When the help is expected on site.')),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
)
export type AssistanceOfferCreate = Static<typeof AssistanceOfferCreate>

export const AssistanceDecisions = Type.Object(
  {
    accept: Type.Array(Uuid, { maxItems: 200, uniqueItems: true }),
    decline: Type.Array(Uuid, { maxItems: 200, uniqueItems: true }),
  },
  { additionalProperties: false },
)
export type AssistanceDecisions = Static<typeof AssistanceDecisions>

export const AssistanceDeploymentCreate = Type.Object(
  {
    personId: Uuid,
    capability: Type.String({ minLength: 1, maxLength: 40 }),
    offerLineId: Type.Optional(Uuid),
    arrivedAt: Type.Optional(Instant('Arrival on site.')),
    start: Type.Optional(Instant('Hours worked: start (with end).')),
    end: Type.Optional(Instant('Hours worked: end (with start).')),
  },
  { additionalProperties: false },
)
export type AssistanceDeploymentCreate = Static<typeof AssistanceDeploymentCreate>

export const AssistanceHours = Type.Object(
  {
    start: Instant('Start of the hours worked.'),
    end: Instant('End of the hours worked (exclusive).'),
    arrivedAt: Type.Optional(Instant('Arrival on site.')),
  },
  { additionalProperties: false },
)
export type AssistanceHours = Static<typeof AssistanceHours>
