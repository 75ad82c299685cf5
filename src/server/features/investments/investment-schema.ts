// The API of joint investments (issue 10): the purchase, its parties, linked assets, running costs and the cost
// key versions. The web app builds its pages on these shapes (generated client); the key's shape is the contract
// with the settlements part (domain/key-input.ts): change additively only.
import { Type, type Static } from 'typebox'
import { ASSET_KINDS, COST_KEY_METHODS, RUNNING_COST_KINDS } from '../../platform/enums.ts'
import { IsoDate, Nullable, StringEnum, Uuid } from '../../platform/typebox.ts'

const At = Type.String({ format: 'date-time' })
const Cents = (description: string, minimum = 0) =>
  Type.Integer({ minimum, maximum: 100_000_000_000, description: `${description} (euro cents)` })
const Title = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })
const Supplier = Type.String({ maxLength: 200 })
const Description = Type.String({ maxLength: 4000 })
const Months = Type.Integer({ minimum: 1, maximum: 600, description: 'Depreciation period in months.' })

export const INVESTMENT_ACTIONS = ['edit', 'add_cost', 'add_key', 'edit_parties'] as const

export const ZoneRef = Type.Object({ id: Uuid, code: Type.String(), name: Type.String() })

export const InvestmentParty = Type.Object({
  zone: ZoneRef,
  joinedOn: IsoDate,
  leftOn: Nullable(IsoDate),
})

export const InvestmentSummary = Type.Object({
  id: Uuid,
  associationId: Uuid,
  title: Type.String(),
  supplier: Nullable(Type.String()),
  purchasedOn: IsoDate,
  amountCents: Type.Integer(),
  depreciationMonths: Type.Integer(),
  paidByZone: ZoneRef,
  managingZone: ZoneRef,
  parties: Type.Array(InvestmentParty),
  currentKey: Nullable(Type.Object({ method: StringEnum(COST_KEY_METHODS) })),
  assetCount: Type.Integer(),
})
export type InvestmentSummary = Static<typeof InvestmentSummary>

/** A party zone's inputs of a key version. */
export const ZoneKeyInput = Type.Object(
  {
    population: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    fte: Type.Optional(Type.Number({ minimum: 0, maximum: 1_000_000, description: 'At most 2 decimals.' })),
    percent: Type.Optional(Type.Number({ minimum: 0, maximum: 100, description: 'At most 2 decimals.' })),
  },
  { additionalProperties: false },
)
export type ZoneKeyInput = Static<typeof ZoneKeyInput>

const Weights = Type.Record(Type.String({ maxLength: 20 }), Type.Number({ minimum: 0, maximum: 1_000_000 }), {
  maxProperties: 10,
  description: "Only for 'mix': relative weights of equal/population/fte/usage_hours/custom; `{}` otherwise.",
})
const Inputs = Type.Record(Type.String({ maxLength: 36 }), ZoneKeyInput, {
  maxProperties: 100,
  description: 'Per party zone id: population, fte, percent (custom: the percents add up to exactly 100).',
})

export const CostKeyVersion = Type.Object({
  id: Uuid,
  validFrom: IsoDate,
  validTo: Nullable(IsoDate),
  method: StringEnum(COST_KEY_METHODS),
  weights: Type.Record(Type.String(), Type.Number()),
  inputs: Type.Record(Type.String(), ZoneKeyInput),
  note: Nullable(Type.String()),
  createdAt: At,
})
export type CostKeyVersion = Static<typeof CostKeyVersion>

export const RunningCost = Type.Object({
  id: Uuid,
  kind: StringEnum(RUNNING_COST_KINDS),
  incurredOn: IsoDate,
  amountCents: Type.Integer(),
  description: Type.String(),
  paidByZone: ZoneRef,
  createdAt: At,
  /** False when a recorded settlement covers its day. */
  removable: Type.Boolean(),
})
export type RunningCost = Static<typeof RunningCost>

export const InvestmentDetail = Type.Object({
  ...InvestmentSummary.properties,
  description: Nullable(Type.String()),
  agreementId: Nullable(Uuid),
  assets: Type.Array(
    Type.Object({
      id: Uuid,
      kind: StringEnum(ASSET_KINDS),
      name: Type.String(),
      identifier: Type.String(),
      zoneId: Uuid,
    }),
  ),
  costKeys: Type.Array(CostKeyVersion, { description: 'Newest first.' }),
  costs: Type.Array(RunningCost, { description: 'Newest first.' }),
  actions: Type.Array(StringEnum(INVESTMENT_ACTIONS)),
})
export type InvestmentDetail = Static<typeof InvestmentDetail>

export const InvestmentList = Type.Object({ items: Type.Array(InvestmentSummary), total: Type.Integer() })
export type InvestmentList = Static<typeof InvestmentList>

export const InvestmentQuery = Type.Object(
  {
    associationId: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Words of the title or supplier.' })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  },
  { additionalProperties: false },
)
export type InvestmentQuery = Static<typeof InvestmentQuery>

const PartyInput = Type.Object(
  {
    zoneId: Uuid,
    joinedOn: Type.Optional(IsoDate),
    leftOn: Type.Optional(Nullable(IsoDate)),
  },
  { additionalProperties: false },
)
const Parties = Type.Array(PartyInput, { minItems: 1, maxItems: 50 })

const KeyFields = {
  method: StringEnum(COST_KEY_METHODS),
  weights: Type.Optional(Weights),
  inputs: Type.Optional(Inputs),
}

export const InvestmentCreate = Type.Object(
  {
    associationId: Uuid,
    agreementId: Type.Optional(Nullable(Uuid)),
    title: Title,
    supplier: Type.Optional(Nullable(Supplier)),
    description: Type.Optional(Nullable(Description)),
    purchasedOn: IsoDate,
    amountCents: Cents('The purchase price'),
    depreciationMonths: Months,
    paidByZoneId: Uuid,
    managingZoneId: Uuid,
    parties: Parties,
    costKey: Type.Object(KeyFields, { additionalProperties: false }),
    assetIds: Type.Optional(Type.Array(Uuid, { maxItems: 100, uniqueItems: true })),
  },
  { additionalProperties: false },
)
export type InvestmentCreate = Static<typeof InvestmentCreate>

export const InvestmentUpdate = Type.Object(
  {
    title: Type.Optional(Title),
    supplier: Type.Optional(Nullable(Supplier)),
    description: Type.Optional(Nullable(Description)),
    depreciationMonths: Type.Optional(Months),
    amountCents: Type.Optional(Cents('The purchase price')),
  },
  { additionalProperties: false },
)
export type InvestmentUpdate = Static<typeof InvestmentUpdate>

export const InvestmentPartiesInput = Type.Object({ parties: Parties }, { additionalProperties: false })
export type InvestmentPartiesInput = Static<typeof InvestmentPartiesInput>

export const InvestmentAssetsInput = Type.Object(
  { assetIds: Type.Array(Uuid, { maxItems: 100, uniqueItems: true }) },
  { additionalProperties: false },
)
export type InvestmentAssetsInput = Static<typeof InvestmentAssetsInput>

export const CostKeyCreate = Type.Object(
  {
    validFrom: IsoDate,
    ...KeyFields,
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    closePrevious: Type.Optional(
      Type.Boolean({ description: 'Close the open version on validFrom (default true); else an overlap is a 409.' }),
    ),
  },
  { additionalProperties: false },
)
export type CostKeyCreate = Static<typeof CostKeyCreate>

export const RunningCostCreate = Type.Object(
  {
    kind: StringEnum(RUNNING_COST_KINDS),
    incurredOn: IsoDate,
    amountCents: Cents('The amount', 1),
    description: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }),
    paidByZoneId: Uuid,
  },
  { additionalProperties: false },
)
export type RunningCostCreate = Static<typeof RunningCostCreate>

export const KeyCostParams = Type.Object({ id: Uuid, keyId: Uuid })
export const CostParams = Type.Object({ id: Uuid, costId: Uuid })

export const KeyInputsQuery = Type.Object(
  {
    zoneIds: Type.String({
      pattern:
        '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(,[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}){0,49}$',
      description: 'Zone ids, comma-separated (at most 50).',
    }),
    on: IsoDate,
  },
  { additionalProperties: false },
)
export type KeyInputsQuery = Static<typeof KeyInputsQuery>

export const KeyInputs = Type.Record(Type.String(), Type.Object({ population: Type.Integer(), fte: Type.Number() }), {
  description: 'Per zone id: the population of its municipalities and its active staff in FTE on that day.',
})
export type KeyInputs = Static<typeof KeyInputs>
