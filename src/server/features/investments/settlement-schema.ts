// TypeBox schemas of the money of issue 10: an investment's shares over a period, an association's period
// settlement (lines per zone, nets, transfers, the cost keys with their inputs), recorded settlements. Amounts
// are integer euro cents; days are 'YYYY-MM-DD', periods [from, to) (to exclusive).
import { Type, type Static } from 'typebox'
import { COST_KEY_METHODS } from '../../platform/enums.ts'
import { IsoDate, Nullable, StringEnum, Uuid } from '../../platform/typebox.ts'

export const InvestmentParams = Type.Object({ id: Uuid })
export type InvestmentParams = Static<typeof InvestmentParams>
export const AssociationParams = Type.Object({ id: Uuid })
export type AssociationParams = Static<typeof AssociationParams>

export const PeriodQuery = Type.Object(
  {
    from: Type.Optional(IsoDate),
    to: Type.Optional({ ...IsoDate, description: 'The first day after the period (exclusive).' }),
  },
  { additionalProperties: false },
)
export type PeriodQuery = Static<typeof PeriodQuery>

export const StatementQuery = Type.Object(
  {
    zoneId: Uuid,
    from: Type.Optional(IsoDate),
    to: Type.Optional({ ...IsoDate, description: 'The first day after the period (exclusive).' }),
  },
  { additionalProperties: false },
)
export type StatementQuery = Static<typeof StatementQuery>

export const SettlementCreate = Type.Object(
  { from: IsoDate, to: { ...IsoDate, description: 'The first day after the period (exclusive).' } },
  { additionalProperties: false },
)
export type SettlementCreate = Static<typeof SettlementCreate>

const ZoneRef = Type.Object({ id: Uuid, code: Type.String(), name: Type.String() })
const Cents = Type.Integer()

const KeyInputView = Type.Object({
  zone: ZoneRef,
  population: Nullable(Type.Number()),
  fte: Nullable(Type.Number()),
  percent: Nullable(Type.Number()),
  usageHours: Nullable(Type.Number({ description: 'Hours the zone borrowed the assets in the stretch shown.' })),
  fraction: Type.String({ description: "The zone's exact fraction, four decimals: '0.4321' = 43,21 %." }),
})

export const KeyView = Type.Object({
  keyId: Type.String(),
  validFrom: IsoDate,
  validTo: Nullable(IsoDate),
  method: StringEnum(COST_KEY_METHODS),
  weights: Type.Record(Type.String(), Type.Number()),
  inputs: Type.Array(KeyInputView),
})
export type KeyView = Static<typeof KeyView>

export const InvestmentShares = Type.Object({
  investmentId: Uuid,
  from: IsoDate,
  to: IsoDate,
  keys: Type.Array(KeyView),
  zones: Type.Array(
    Type.Object({ zone: ZoneRef, depreciationCents: Cents, runningCostCents: Cents, totalCents: Cents }),
  ),
  totalCents: Cents,
  notes: Type.Array(Type.String()),
})
export type InvestmentShares = Static<typeof InvestmentShares>

export const SettlementLine = Type.Object({
  kind: StringEnum(['depreciation', 'running_cost', 'loan_fee', 'assistance'] as const),
  investmentId: Nullable(Type.String()),
  title: Type.String(),
  chargedCents: Cents,
  creditedCents: Cents,
  detail: Type.String(),
})
export type SettlementLine = Static<typeof SettlementLine>

export const ZoneSettlement = Type.Object({
  zone: ZoneRef,
  lines: Type.Array(SettlementLine),
  chargedCents: Cents,
  creditedCents: Cents,
  netCents: Type.Integer({ description: 'Credited − charged: above zero the zone receives, below it pays.' }),
})
export type ZoneSettlement = Static<typeof ZoneSettlement>

export const SettlementTransfer = Type.Object({ from: ZoneRef, to: ZoneRef, amountCents: Cents })

const Recorded = Type.Object({
  id: Uuid,
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Nullable(Type.Object({ userId: Uuid, name: Type.String() })),
})

export const Settlement = Type.Object({
  associationId: Uuid,
  association: Type.Object({ id: Uuid, code: Type.String(), name: Type.String() }),
  from: IsoDate,
  to: IsoDate,
  madeOn: IsoDate,
  zones: Type.Array(ZoneSettlement),
  transfers: Type.Array(SettlementTransfer),
  keys: Type.Array(Type.Object({ investmentId: Type.String(), title: Type.String(), keys: Type.Array(KeyView) })),
  notes: Type.Array(Type.String({ description: "A code, with ':' and the investment's title where it concerns one." })),
  recorded: Nullable(Recorded),
})
export type Settlement = Static<typeof Settlement>

export const SettlementSummary = Type.Object({
  id: Uuid,
  associationId: Uuid,
  from: IsoDate,
  to: IsoDate,
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Nullable(Type.Object({ userId: Uuid, name: Type.String() })),
})
export const SettlementList = Type.Object({ items: Type.Array(SettlementSummary) })
export type SettlementList = Static<typeof SettlementList>
