// Schemas of the alert routes (issue 9): the open alerts of the caller's zones, the acknowledgement, and the
// response-time report.
import { Type, type Static } from 'typebox'
import { ASSISTANCE_CATEGORIES, ASSISTANCE_URGENCIES, ESCALATION_LEVELS } from '../../platform/enums.ts'
import { IsoDate, Nullable, StringEnum, Uuid } from '../../platform/typebox.ts'

const Instant = Type.String({ format: 'date-time' })
const ZoneSummary = Type.Object({ id: Uuid, code: Type.String(), name: Type.String() })

export const AcknowledgeBody = Type.Object(
  {
    zoneId: Type.Optional({
      ...Uuid,
      description: 'The zone the caller answers for, when the request is addressed to several of their zones',
    }),
  },
  { additionalProperties: false },
)
export type AcknowledgeBody = Static<typeof AcknowledgeBody>

export const Acknowledgement = Type.Object({
  requestId: Uuid,
  zoneId: Uuid,
  acknowledgedAt: Instant,
  acknowledgedBy: Nullable(Type.Object({ userId: Uuid, displayName: Type.String() })),
})
export type Acknowledgement = Static<typeof Acknowledgement>

export const AssistanceAlert = Type.Object({
  requestId: Uuid,
  /** The caller's zone the request is addressed to. */
  zoneId: Uuid,
  requestingZone: ZoneSummary,
  urgency: StringEnum(ASSISTANCE_URGENCIES),
  category: StringEnum(ASSISTANCE_CATEGORIES),
  status: Type.String(),
  window: Type.Object({ from: Instant, to: Instant }),
  place: Type.String(),
  municipalityId: Nullable(Uuid),
  lines: Type.Array(Type.Object({ capability: Type.String(), count: Type.Integer() })),
  alertedAt: Instant,
  level: Nullable(StringEnum(ESCALATION_LEVELS)),
  addressedToMe: Type.Boolean({ description: 'The caller is among the users of an escalation step already due' }),
})
export type AssistanceAlert = Static<typeof AssistanceAlert>

export const AssistanceAlertList = Type.Object({ items: Type.Array(AssistanceAlert) })

export const ResponseTimesQuery = Type.Object(
  {
    associationId: Uuid,
    from: IsoDate,
    to: IsoDate,
    zoneId: Type.Optional({ ...Uuid, description: 'Only this helping zone' }),
    category: Type.Optional(StringEnum(ASSISTANCE_CATEGORIES)),
    format: Type.Optional(StringEnum(['json', 'csv'] as const)),
  },
  { additionalProperties: false },
)
export type ResponseTimesQuery = Static<typeof ResponseTimesQuery>

const Stats = Type.Object({
  count: Type.Integer({ description: 'Requests that reached this milestone' }),
  medianMs: Nullable(Type.Integer()),
  p90Ms: Nullable(Type.Integer()),
})

export const ResponseTimes = Type.Object({
  associationId: Uuid,
  from: IsoDate,
  to: IsoDate,
  rows: Type.Array(
    Type.Object({
      zone: ZoneSummary,
      category: StringEnum(ASSISTANCE_CATEGORIES),
      requests: Type.Integer({ description: 'Requests the zone was alerted on and answered in some way' }),
      acknowledged: Stats,
      offered: Stats,
      arrived: Stats,
    }),
  ),
})
export type ResponseTimes = Static<typeof ResponseTimes>
