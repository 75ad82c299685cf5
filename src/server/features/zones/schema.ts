import { Type, type Static } from 'typebox'
import { DOMAIN_CATEGORIES, DOMAIN_CODES, REGIONS } from '../../platform/enums.ts'
import { IsoDate, Nullable, StringEnum } from '../../platform/typebox.ts'

const NullableDate = Nullable(IsoDate)
const NullableString = Nullable(Type.String())
const NullableNumber = Nullable(Type.Number())

export const ZoneCodeParams = Type.Object({
  code: Type.String({ pattern: '^[0-9]{4}$', description: '4-digit zone code' }),
})

const Municipality = Type.Object({
  id: Type.String(),
  nisCode: Type.String(),
  name: Type.String(),
  population: NullableNumber,
  populationYear: NullableNumber,
  areaKm2: NullableNumber,
  validFrom: NullableDate,
  validTo: NullableDate,
  mergedIntoName: NullableString,
  /** The zone that polices the municipality it merged into, when that is another zone. */
  mergedIntoZone: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  note: NullableString,
})

const Membership = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  validFrom: IsoDate,
  validTo: NullableDate,
})

export const Zone = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    name: Type.String(),
    region: StringEnum(REGIONS),
    validFrom: NullableDate,
    validTo: NullableDate,
    municipalities: Type.Array(Municipality),
    associations: Type.Array(Membership),
  },
  { $id: 'Zone' },
)
export type Zone = Static<typeof Zone>
export const ZoneList = Type.Object({ items: Type.Array(Type.Ref('Zone')) })

export const Association = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    name: Type.String(),
    description: NullableString,
    zones: Type.Array(Membership),
  },
  { $id: 'Association' },
)
export type Association = Static<typeof Association>
export const AssociationList = Type.Object({ items: Type.Array(Type.Ref('Association')) })

export const FiguresQuery = Type.Object({ date: Type.Optional(IsoDate) }, { additionalProperties: false })

const figureProps = {
  municipalities: Type.Integer(),
  areaKm2: Type.Number(),
  population: Type.Integer(),
  staff: Type.Integer(),
  staffFte: Type.Number(),
}
const FigureRow = Type.Object(figureProps)

export const Figures = Type.Object({
  date: IsoDate,
  /** Population figures are from these years, whatever `date` is (the reference data is not yearly). */
  populationYears: Type.Array(Type.Integer()),
  zones: Type.Array(Type.Object({ zoneId: Type.String(), code: Type.String(), name: Type.String(), ...figureProps })),
  total: FigureRow,
  quoted: Type.Union([
    Type.Object({
      agreementId: Type.String(),
      agreementTitle: Type.String(),
      municipalities: NullableNumber,
      areaKm2: NullableNumber,
      staff: NullableNumber,
      budgetOrdinaryCents: NullableNumber,
      budgetExtraordinaryCents: NullableNumber,
      budgetTotalCents: NullableNumber,
    }),
    Type.Null(),
  ]),
})
export type Figures = Static<typeof Figures>

export const DomainList = Type.Object({
  items: Type.Array(Type.Object({ code: StringEnum(DOMAIN_CODES), category: StringEnum(DOMAIN_CATEGORIES) })),
})
