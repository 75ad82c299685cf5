// Schemas of GPI 48 compliance (issue 11): one person's standing, a zone's overview, the suggested next sessions,
// and a zone's thresholds (training_settings: the ranges of migration 0020).
import { Type, type Static } from 'typebox'
import { RANKS } from '../../platform/enums.ts'
import { IsoDate, Nullable, StringEnum, Uuid } from '../../platform/typebox.ts'
import { GPI48_STATUSES } from './domain/gpi48.ts'
import { QUALIFICATION_STATES } from './domain/qualifications.ts'

export const AsOfQuery = Type.Object(
  { asOf: Type.Optional({ ...IsoDate, description: 'The Brussels day to judge on (default today)' }) },
  { additionalProperties: false },
)
export type AsOfQuery = Static<typeof AsOfQuery>

export const ZoneOverviewQuery = Type.Object(
  {
    asOf: Type.Optional({ ...IsoDate, description: 'The Brussels day to judge on (default today)' }),
    format: Type.Optional(
      StringEnum(['json', 'csv'] as const, {
        description: 'csv: a file for Excel nl-BE (UTF-8 with BOM, `;`, dates dd/mm/yyyy); also `Accept: text/csv`',
      }),
    ),
  },
  { additionalProperties: false },
)
export type ZoneOverviewQuery = Static<typeof ZoneOverviewQuery>

export const PersonParams = Type.Object({ personId: Uuid })
export const ZoneParams = Type.Object({ zoneId: Uuid })
export const SuggestionQuery = Type.Object(
  { personId: Type.Optional({ ...Uuid, description: 'Default: the caller’s own person' }) },
  { additionalProperties: false },
)
export type SuggestionQuery = Static<typeof SuggestionQuery>

const ZoneRef = Type.Object({ id: Uuid, code: Type.String(), name: Type.String() })

export const Rules = Type.Object({
  windowMonths: Type.Integer({ minimum: 1, maximum: 36, description: 'The rolling window, in months' }),
  minSessions: Type.Integer({ minimum: 1, maximum: 50, description: 'Sessions needed in the window (spread)' }),
  minEvaluations: Type.Integer({ minimum: 0, maximum: 10, description: 'Passed evaluations needed in the window' }),
  minGapDays: Type.Integer({ minimum: 0, maximum: 180, description: 'Days between two sessions that both count' }),
  warnDays: Type.Integer({ minimum: 1, maximum: 365, description: 'Horizon of "falls behind" and expiring' }),
})
export type Rules = Static<typeof Rules>

const Gpi48Status = StringEnum(GPI48_STATUSES, { description: 'compliant, due_soon (falls behind soon), behind' })

export const Gpi48 = Type.Object({
  status: Gpi48Status,
  counted: Type.Integer({ description: 'Sessions counted after the spread rule' }),
  evaluations: Type.Integer({ description: 'Passed evaluations in the window' }),
  required: Type.Object({ sessions: Type.Integer(), evaluations: Type.Integer() }),
  countedDays: Type.Array(IsoDate),
  windowStart: { ...IsoDate, description: 'The first day of the window' },
  fallsBehindOn: Nullable({ ...IsoDate, description: 'With no new session, the first day they are behind' }),
})

const QualificationState = StringEnum(QUALIFICATION_STATES)
export const Qualification = Type.Object({
  code: Type.String(),
  obtainedOn: Nullable(IsoDate),
  validUntil: Nullable(IsoDate),
  state: QualificationState,
})
export type Qualification = Static<typeof Qualification>

const PersonRef = Type.Object({ id: Uuid, name: Type.String(), rank: Nullable(StringEnum(RANKS)) })

export const PersonCompliance = Type.Object({
  person: Type.Object({ ...PersonRef.properties, zone: ZoneRef }),
  asOf: IsoDate,
  rules: Rules,
  gpi48: Gpi48,
  sessions: Type.Array(
    Type.Object({
      sessionId: Uuid,
      day: IsoDate,
      courseTitle: Type.String(),
      kind: StringEnum(['training', 'evaluation'] as const),
      attendance: Nullable(StringEnum(['present', 'absent', 'excused'] as const)),
      result: Nullable(StringEnum(['passed', 'failed'] as const)),
      counted: Type.Boolean({ description: 'Counts for the window of asOf (after the spread rule)' }),
    }),
    { description: 'GPI 48 sessions the person was enrolled in, of the last 24 months and upcoming' },
  ),
  qualifications: Type.Array(Qualification),
})
export type PersonCompliance = Static<typeof PersonCompliance>

export const ZoneOverview = Type.Object({
  zone: ZoneRef,
  rules: Rules,
  asOf: IsoDate,
  totals: Type.Object({ compliant: Type.Integer(), dueSoon: Type.Integer(), behind: Type.Integer() }),
  people: Type.Array(
    Type.Object({
      person: PersonRef,
      gpi48: Type.Object({
        status: Gpi48Status,
        counted: Type.Integer(),
        evaluations: Type.Integer(),
        fallsBehindOn: Nullable(IsoDate),
      }),
      qualifications: Type.Array(Qualification, { description: 'Expiring or expired ones only' }),
    }),
  ),
})
export type ZoneOverview = Static<typeof ZoneOverview>

export const SUGGESTION_REASONS = ['gpi48_behind', 'gpi48_due', 'qualification_expiring', 'free_place'] as const
export const Suggestions = Type.Object({
  personId: Uuid,
  suggestions: Type.Array(
    Type.Object({
      sessionId: Uuid,
      courseTitle: Type.String(),
      courseKind: Type.String(),
      from: Type.String({ format: 'date-time' }),
      to: Type.String({ format: 'date-time' }),
      location: Type.String(),
      zone: ZoneRef,
      freePlaces: Type.Integer({ description: 'Free places for the person’s zone (0: waiting list)' }),
      availability: StringEnum(['free', 'waiting_list'] as const),
      reason: StringEnum(SUGGESTION_REASONS),
      clash: Type.Null({ description: 'Always null: sessions that clash with duties or leave are left out' }),
    }),
    { maxItems: 5 },
  ),
})
export type Suggestions = Static<typeof Suggestions>

export const SettingsBody = Type.Object(Rules.properties, { additionalProperties: false })
export type SettingsBody = Static<typeof SettingsBody>
export const Settings = Type.Object({
  zone: ZoneRef,
  rules: Rules,
  isDefault: Type.Boolean({ description: 'No row of its own: the defaults of migration 0020' }),
  updatedAt: Nullable(Type.String({ format: 'date-time' })),
})
export type Settings = Static<typeof Settings>
