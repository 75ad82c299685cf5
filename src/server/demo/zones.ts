// The public facts of the demo set: the ten zones of the four associations of the seed articles, plus
// PZ MIDOW (Meulebeke, Ingelmunster, Dentergem, Oostrozebeke, Wielsbeke; Meulebeke joined Tielt and so PZ
// Regio Tielt in 2025), which belongs to no association and so serves as a foreign zone.
import { readMunicipalities, type MunicipalityCsvRow } from './municipalities.ts'
import type { DemoAssociation, DemoMunicipality, DemoZone } from './types.ts'

/** The date the 2025 municipal mergers took effect: the merged-into municipality starts on it. */
export const MERGER_DATE = '2025-01-01'

const zone = (
  code: string,
  name: string,
  province: DemoZone['province'],
  areaCode: string,
  phoneBlock: string,
  staffCount: number,
): DemoZone => ({ code, name, region: 'flanders', province, areaCode, phoneBlock, staffCount })

// Staff counts: WVL4's four zones add up to the 858 its protocol cites; the split and the other zones'
// sizes are estimates in proportion to population. Area codes are those of each zone's main town.
export const DEMO_ZONES: readonly DemoZone[] = [
  zone('5373', 'Beringen/Ham/Tessenderlo', 'limburg', '11', '45', 150),
  zone('5375', 'Heusden-Zolder', 'limburg', '11', '80', 95),
  zone('5382', 'Voeren', 'limburg', '4', '381', 22),
  zone('5381', 'Bilzen-Hoeselt-Riemst', 'limburg', '89', '41', 110),
  zone('5447', 'Het Houtsche', 'west-vlaanderen', '50', '82', 130),
  zone('5448', 'Regio Tielt', 'west-vlaanderen', '51', '40', 125),
  zone('5456', 'Vlas', 'west-vlaanderen', '56', '24', 330),
  zone('5461', 'Westkust', 'west-vlaanderen', '58', '31', 150),
  zone('5460', 'Polder', 'west-vlaanderen', '51', '51', 116),
  zone('5453', 'RIHO', 'west-vlaanderen', '51', '26', 262),
  zone('5454', 'MIDOW', 'west-vlaanderen', '51', '48', 90),
]

/** The NIS code of the municipality `row` merged into: the one of that name that starts on the merger date. */
export function resolveMergedInto(row: MunicipalityCsvRow, rows: readonly MunicipalityCsvRow[]): string | null {
  if (row.mergedInto === null) return null
  const target = rows.find((r) => r.municipality === row.mergedInto && r.validFrom === MERGER_DATE)
  if (!target) throw new Error(`municipalities.csv: ${row.municipality} merged into unknown "${row.mergedInto}"`)
  return target.nisCode
}

export function demoMunicipalities(rows: readonly MunicipalityCsvRow[] = readMunicipalities()): DemoMunicipality[] {
  return rows.map((row) => ({
    nisCode: row.nisCode,
    name: row.municipality,
    zoneCode: row.zoneCode,
    population: row.population,
    populationYear: row.populationYear,
    areaKm2: row.areaKm2,
    validFrom: row.validFrom,
    validTo: row.validTo,
    mergedIntoNisCode: resolveMergedInto(row, rows),
    // The CSV's notes document the data file, in English. The app explains a merger in the reader's language
    // from the data itself (merged into, and by which zone it is policed since), so none is stored as prose.
    note: null,
  }))
}

export const DEMO_ASSOCIATIONS: readonly DemoAssociation[] = [
  {
    code: 'bht-heusden-zolder',
    name: 'BHT + Heusden-Zolder',
    description:
      'Samenwerkingsverband van de politiezones Beringen/Ham/Tessenderlo en Heusden-Zolder. Sinds 1 september 2023 ' +
      'een gemeenschappelijk interventiebeleid, coördinatie en sturing op het terrein en logistieke samenwerking, ' +
      'op 29 februari 2024 vastgelegd in een associatieovereenkomst.',
    members: [
      { zoneCode: '5373', validFrom: '2023-09-01' },
      { zoneCode: '5375', validFrom: '2023-09-01' },
    ],
  },
  {
    code: 'voeren-bhr',
    name: 'Voeren + Bilzen-Hoeselt-Riemst',
    description:
      'Associatie van de politiezones Voeren en Bilzen-Hoeselt-Riemst: een operationele fusie waarbij beide korpsen ' +
      'hun eigenheid behouden. De geïntensiveerde samenwerking startte op 1 januari 2022.',
    members: [
      { zoneCode: '5382', validFrom: '2022-01-01' },
      { zoneCode: '5381', validFrom: '2022-01-01' },
    ],
  },
  {
    code: 'houtsche-tielt',
    name: 'Het Houtsche + Regio Tielt',
    description:
      'Samenwerking tussen de politiezones Het Houtsche en Regio Tielt, ontstaan na de politiehervorming van 2001, ' +
      'in 2015 bevestigd in een intentieverklaring. Gedeelde permanenties voor ICT, slachtofferbejegening en ' +
      'officier van wacht; een engagementsverklaring verbreedt de samenwerking.',
    members: [
      { zoneCode: '5447', validFrom: '2015-01-01' },
      { zoneCode: '5448', validFrom: '2015-01-01' },
    ],
  },
  {
    code: 'wvl4',
    name: 'WVL4',
    description:
      'Samenwerkingsverband van de West-Vlaamse politiezones Vlas, Westkust, Polder en RIHO, opgericht met het ' +
      'samenwerkingsprotocol van 2 februari 2018: 13 gemeenten en 858 personeelsleden.',
    members: [
      { zoneCode: '5456', validFrom: '2018-02-02' },
      { zoneCode: '5461', validFrom: '2018-02-02' },
      { zoneCode: '5460', validFrom: '2018-02-02' },
      { zoneCode: '5453', validFrom: '2018-02-02' },
    ],
  },
]
