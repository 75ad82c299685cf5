// TypeBox schemas of the person-hours ledger (issue 9): the association's assistance settings, its versioned
// rates, balances, a zone's statement, the settlement proposal and recorded settlements. Amounts are integer
// weighted minutes (the web shows them as hours h:mm); euros are integer cents.
import { Type, type Static } from 'typebox'
import { LEDGER_LINE_KINDS, RATE_CATEGORIES, SETTLEMENT_UNITS } from '../../platform/enums.ts'
import { IsoDate, Nullable, StringEnum, Uuid } from '../../platform/typebox.ts'

export const AssociationParams = Type.Object({ id: Uuid })
export type AssociationParams = Static<typeof AssociationParams>

const Who = Nullable(Type.Object({ userId: Uuid, name: Type.String() }))

export const AssistanceSettings = Type.Object({
  associationId: Uuid,
  retroApprovalDays: Type.Integer({ minimum: 1, maximum: 30 }),
  escalationMinutes: Type.Integer({ minimum: 1, maximum: 240 }),
  hourlyRateCents: Nullable(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
  updatedAt: Nullable(Type.String({ format: 'date-time', description: 'Null: never set (the defaults apply).' })),
  updatedBy: Who,
})
export type AssistanceSettings = Static<typeof AssistanceSettings>

export const AssistanceSettingsUpdate = Type.Object(
  {
    retroApprovalDays: Type.Integer({
      minimum: 1,
      maximum: 30,
      description: 'Days an urgent request may wait for its approval.',
    }),
    escalationMinutes: Type.Integer({ minimum: 1, maximum: 240, description: 'Minutes before an alert escalates.' }),
    hourlyRateCents: Nullable(
      Type.Integer({
        minimum: 0,
        maximum: 100_000_000,
        description: 'Euro cents of one weighted hour; null: hours only.',
      }),
    ),
  },
  { additionalProperties: false },
)
export type AssistanceSettingsUpdate = Static<typeof AssistanceSettingsUpdate>

// Numbers without a range here: out of range is the catalogue's ASSISTANCE_RATE_INVALID (422), not a 400.
const Multiplier = (description: string) => Type.Number({ description })
const Extra = Type.Object(
  {
    night: Multiplier('Extra on night minutes (22:00–06:00), 0..10.'),
    saturday: Multiplier('Extra on Saturday minutes, 0..10.'),
    sunday: Multiplier('Extra on Sunday minutes, 0..10.'),
    holiday: Multiplier('Extra on public-holiday minutes, 0..10.'),
  },
  { additionalProperties: false },
)

export const AssistanceRate = Type.Object({
  id: Uuid,
  category: StringEnum(RATE_CATEGORIES),
  from: IsoDate,
  to: Nullable(IsoDate),
  base: Type.Number(),
  extra: Extra,
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Who,
})
export type AssistanceRate = Static<typeof AssistanceRate>

export const AssistanceRateList = Type.Object({ items: Type.Array(AssistanceRate) })

export const AssistanceRateCreate = Type.Object(
  {
    category: StringEnum(RATE_CATEGORIES, { description: "A request category, or '*' for every one without its own." }),
    from: IsoDate,
    base: Multiplier('Multiplier of every minute, above 0 and at most 10 (three decimals).'),
    extra: Extra,
  },
  { additionalProperties: false },
)
export type AssistanceRateCreate = Static<typeof AssistanceRateCreate>

export const PeriodQuery = Type.Object({ from: IsoDate, to: IsoDate }, { additionalProperties: false })
export type PeriodQuery = Static<typeof PeriodQuery>

const ZoneRef = { zoneId: Uuid, zoneCode: Type.String(), zoneName: Type.String() }

export const ZoneBalance = Type.Object({
  ...ZoneRef,
  opening: Type.Integer({ description: 'Weighted minutes booked before `from`.' }),
  credit: Type.Integer({ description: 'Positive lines in the period.' }),
  debit: Type.Integer({ description: 'Negative lines in the period, as a positive number.' }),
  movements: Type.Integer({ description: 'Lines in the period.' }),
  closing: Type.Integer({ description: 'opening + credit − debit.' }),
})
export type ZoneBalance = Static<typeof ZoneBalance>

export const PairBalance = Type.Object({
  zoneId: Uuid,
  counterpartZoneId: Uuid,
  opening: Type.Integer(),
  movement: Type.Integer(),
  closing: Type.Integer({ description: 'From the first zone’s side: positive when it helped the other more.' }),
})
export type PairBalance = Static<typeof PairBalance>

export const MonthPoint = Type.Object({
  month: Type.String({ pattern: '^\\d{4}-\\d{2}$' }),
  zoneId: Uuid,
  net: Type.Integer(),
  balance: Type.Integer({ description: 'The zone’s balance at the end of the month.' }),
})
export type MonthPoint = Static<typeof MonthPoint>

export const AssistanceBalances = Type.Object({
  associationId: Uuid,
  from: IsoDate,
  to: IsoDate,
  zones: Type.Array(ZoneBalance),
  pairs: Type.Array(PairBalance),
  monthly: Type.Array(MonthPoint),
})
export type AssistanceBalances = Static<typeof AssistanceBalances>

export const StatementQuery = Type.Object(
  {
    zoneId: Uuid,
    from: IsoDate,
    to: IsoDate,
  },
  { additionalProperties: false },
)
export type StatementQuery = Static<typeof StatementQuery>

const Minutes = Type.Object({
  total: Type.Integer(),
  night: Type.Integer(),
  saturday: Type.Integer(),
  sunday: Type.Integer(),
  holiday: Type.Integer(),
})

export const StatementLine = Type.Object({
  id: Type.Integer(),
  bookedOn: IsoDate,
  kind: StringEnum(LEDGER_LINE_KINDS),
  counterpartZoneId: Uuid,
  counterpartZoneCode: Type.String(),
  request: Nullable(
    Type.Object({
      id: Uuid,
      category: Type.String(),
      place: Type.String(),
      start: Type.String({ format: 'date-time' }),
    }),
  ),
  person: Nullable(
    Type.Object({
      zoneCode: Type.String(),
      rank: Nullable(Type.String()),
      name: Nullable(Type.String({ description: 'Only when the reader may see the person (own zone or a reason).' })),
    }),
  ),
  settlementId: Nullable(Uuid),
  minutes: Minutes,
  amount: Type.Integer({ description: 'Weighted minutes: + credit, − debit.' }),
  rate: Nullable(
    Type.Object({ id: Uuid, base: Type.Number(), extra: Extra }, { description: 'Null: the plain rate (base 1).' }),
  ),
})
export type StatementLine = Static<typeof StatementLine>

export const AssistanceStatement = Type.Object({
  associationId: Uuid,
  ...ZoneRef,
  from: IsoDate,
  to: IsoDate,
  opening: Type.Integer(),
  lines: Type.Array(StatementLine),
  closing: Type.Integer(),
})
export type AssistanceStatement = Static<typeof AssistanceStatement>

export const SettlementQuery = Type.Object(
  { until: IsoDate, unit: Type.Optional(StringEnum(SETTLEMENT_UNITS)) },
  { additionalProperties: false },
)
export type SettlementQuery = Static<typeof SettlementQuery>

export const SettlementCreate = Type.Object(
  { until: IsoDate, unit: StringEnum(SETTLEMENT_UNITS) },
  { additionalProperties: false },
)
export type SettlementCreate = Static<typeof SettlementCreate>

export const SettlementTransfer = Type.Object({
  fromZoneId: Uuid,
  toZoneId: Uuid,
  minutes: Type.Integer({ minimum: 1, description: 'Weighted minutes the debtor pays the creditor.' }),
  cents: Nullable(Type.Integer({ minimum: 0, description: 'In euros: the amount in cents; null in hours.' })),
})
export type SettlementTransfer = Static<typeof SettlementTransfer>

export const SettlementProposal = Type.Object({
  associationId: Uuid,
  until: IsoDate,
  unit: StringEnum(SETTLEMENT_UNITS),
  hourlyRateCents: Nullable(Type.Integer()),
  lastSettlementUntil: Nullable(IsoDate),
  balances: Type.Array(Type.Object({ ...ZoneRef, minutes: Type.Integer(), cents: Nullable(Type.Integer()) })),
  transfers: Type.Array(SettlementTransfer),
})
export type SettlementProposal = Static<typeof SettlementProposal>

export const AssistanceSettlement = Type.Object({
  id: Uuid,
  associationId: Uuid,
  until: IsoDate,
  unit: StringEnum(SETTLEMENT_UNITS),
  hourlyRateCents: Nullable(Type.Integer()),
  transfers: Type.Array(SettlementTransfer),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Who,
})
export type AssistanceSettlement = Static<typeof AssistanceSettlement>

export const AssistanceSettlementList = Type.Object({ items: Type.Array(AssistanceSettlement) })
