// The agreements of the four associations, as the seed articles describe them. Where an article gives only a
// month ("in maart") the approval carries date_precision 'month' and the first of that month; where it gives
// no date at all, the note says what was assumed. They follow the rules the app enforces: an agreement in force
// has an approval of every party, and starts no earlier than its last approval (a decision known only by its
// month counts on the last day of that month).
import type { DomainCode } from '../platform/enums.ts'
import type { DemoAgreement, DemoApproval, DemoKeyFigures } from './types.ts'

/** The protocol's own budget must add up; the article's "16.19.213" only makes sense as 16,919,213. */
export function checkBudget(ordinaryCents: number, extraordinaryCents: number, totalCents: number): boolean {
  const amounts = [ordinaryCents, extraordinaryCents, totalCents]
  if (!amounts.every((a) => Number.isSafeInteger(a) && a >= 0)) return false
  return ordinaryCents + extraordinaryCents === totalCents
}

const euros = (amount: number): number => amount * 100

export const WVL4_KEY_FIGURES: DemoKeyFigures = {
  municipalitiesCount: 13,
  areaKm2: 624.63,
  staffCount: 858,
  budgetOrdinaryCents: euros(72_159_087),
  budgetExtraordinaryCents: euros(16_919_213),
  budgetTotalCents: euros(89_078_300),
}

if (
  !checkBudget(
    WVL4_KEY_FIGURES.budgetOrdinaryCents,
    WVL4_KEY_FIGURES.budgetExtraordinaryCents,
    WVL4_KEY_FIGURES.budgetTotalCents,
  )
)
  throw new Error('WVL4 budget: ordinary + extraordinary does not equal the total')

const approval = (
  zoneCode: string,
  body: DemoApproval['body'],
  decidedOn: string,
  datePrecision: DemoApproval['datePrecision'],
  note: string | null,
  municipalityNisCode: string | null = null,
): DemoApproval => ({ zoneCode, body, municipalityNisCode, decision: 'approved', decidedOn, datePrecision, note })

const HOUTSCHE_TIELT_2015_NOTE =
  'De bron vermeldt enkel het jaar 2015; de beslissing van december 2014 is aangenomen, zodat de verklaring op ' +
  '1 januari 2015 kon ingaan.'

const HOUTSCHE_TIELT_PERMANENCES: DomainCode[] = ['ict', 'permanence.victim_support', 'permanence.officer_of_duty']

export const DEMO_AGREEMENTS: readonly DemoAgreement[] = [
  {
    key: 'bht-hz-2024',
    associationCode: 'bht-heusden-zolder',
    kind: 'associatieovereenkomst',
    title: 'Associatieovereenkomst PZ Beringen/Ham/Tessenderlo – PZ Heusden-Zolder',
    version: 1,
    status: 'in_force',
    signedOn: '2024-02-29',
    // Signed on 29/02/2024, but the BHT politieraad approved only in March 2024: in force from 1 April 2024.
    effectiveFrom: '2024-04-01',
    effectiveTo: null,
    trialMonths: null,
    summary:
      'Legt de samenwerking vast die op 1 september 2023 startte: een gemeenschappelijk interventiebeleid, ' +
      'coördinatie en sturing op het terrein en logistieke samenwerking. De korpschefs krijgen de opdracht een ' +
      'studie te maken over de voorwaarden en kosten om de associatie uit te bouwen tot een groter geheel.',
    supersedesKey: null,
    parties: ['5373', '5375'],
    domains: ['assistance', 'permanence.officer_of_duty', 'equipment'],
    approvals: [
      approval(
        '5375',
        'gemeenteraad',
        '2024-02-01',
        'month',
        'Het artikel van 29/02/2024 meldt dat de gemeenteraad van Heusden-Zolder de overeenkomst inmiddels goedkeurde; ' +
          'de precieze datum staat er niet in.',
        '71070',
      ),
      approval(
        '5373',
        'politieraad',
        '2024-03-01',
        'month',
        'Volgens het artikel van 29/02/2024 in maart 2024 ter goedkeuring voorgelegd; de goedkeuring is voor de demo ' +
          'aangenomen. De overeenkomst treedt daarom pas op 1 april 2024 in werking.',
      ),
    ],
    keyFigures: null,
  },
  {
    key: 'voeren-bhr-2021',
    associationCode: 'voeren-bhr',
    kind: 'associatieprotocol',
    title: 'Associatieprotocol politiezones Voeren en Bilzen-Hoeselt-Riemst',
    version: 1,
    status: 'in_force',
    signedOn: '2021-11-30',
    effectiveFrom: '2022-01-01',
    effectiveTo: null,
    trialMonths: null,
    summary:
      'Een operationele fusie waarbij beide korpsen hun eigenheid behouden: één permanentie voor officier van wacht, ' +
      'wachtleider, slachtofferbejegening en dringende recherche, onderlinge bijstand en gemeenschappelijk ' +
      'informantenbeheer. Ondersteunend: opleidingen, uitlenen van materiaal, gezamenlijke investeringen ' +
      '(serverpark, snelheidsradar), een gemeenschappelijke ICT-dienst, intern toezicht en vertegenwoordiging in de LIVC’s.',
    supersedesKey: null,
    parties: ['5382', '5381'],
    domains: [
      'permanence.officer_of_duty',
      'permanence.shift_leader',
      'assistance',
      'permanence.victim_support',
      'youth_social_police',
      'permanence.investigation',
      'informant_management',
      'training',
      'equipment',
      'investment',
      'ict',
      'internal_oversight',
      'livc',
    ],
    approvals: [
      // Voeren is a single-municipality zone: its gemeenteraad decides, there is no politieraad.
      approval(
        '5382',
        'gemeenteraad',
        '2021-11-01',
        'month',
        'De bron (30/11/2021) geeft geen besluitdatum; november 2021 is aangenomen.',
        '73109',
      ),
      approval(
        '5381',
        'politieraad',
        '2021-11-01',
        'month',
        'De bron (30/11/2021) geeft geen besluitdatum; november 2021 is aangenomen.',
      ),
    ],
    keyFigures: null,
  },
  {
    key: 'houtsche-tielt-2015',
    associationCode: 'houtsche-tielt',
    kind: 'intentieverklaring',
    title: 'Intentieverklaring samenwerking PZ Het Houtsche – PZ Regio Tielt',
    version: 1,
    status: 'in_force',
    signedOn: null,
    effectiveFrom: '2015-01-01',
    effectiveTo: null,
    trialMonths: null,
    summary:
      'Bevestigt formeel de samenwerking die na de politiehervorming van 2001 binnen het toenmalige gerechtelijk ' +
      'arrondissement Brugge ontstond: gedeelde permanenties voor ICT, slachtofferbejegening en officier van wacht.',
    supersedesKey: null,
    parties: ['5447', '5448'],
    domains: [...HOUTSCHE_TIELT_PERMANENCES],
    approvals: [
      approval('5447', 'politiecollege', '2014-12-01', 'month', HOUTSCHE_TIELT_2015_NOTE),
      approval('5448', 'politiecollege', '2014-12-01', 'month', HOUTSCHE_TIELT_2015_NOTE),
    ],
    keyFigures: null,
  },
  {
    key: 'houtsche-tielt-engagement',
    associationCode: 'houtsche-tielt',
    kind: 'engagementsverklaring',
    title: 'Engagementsverklaring PZ Het Houtsche – PZ Regio Tielt',
    version: 1,
    status: 'in_approval',
    signedOn: null,
    effectiveFrom: null,
    effectiveTo: null,
    trialMonths: null,
    summary:
      'Verbreedt en verdiept de samenwerking: naast de huidige permanenties (ICT, slachtofferbejegening en officier ' +
      'van wacht) ook gezamenlijke investeringen (o.a. bodycams), een briefingtool, opleidingen en trainingen, ' +
      'juridische ondersteuning en een protocol bestuurlijke handhaving. De korpsen bewaren hun eigenheid maar bundelen de krachten.',
    // It takes over the intentieverklaring's domains and adds to them: once in force it replaces it.
    supersedesKey: 'houtsche-tielt-2015',
    parties: ['5447', '5448'],
    domains: [
      ...HOUTSCHE_TIELT_PERMANENCES,
      'investment',
      'briefing',
      'training',
      'legal_support',
      'administrative_enforcement',
    ],
    approvals: [
      approval(
        '5447',
        'politiecollege',
        '2026-06-01',
        'month',
        'Demo: de datum is verzonnen; de goedkeuring door Regio Tielt staat nog uit.',
      ),
    ],
    keyFigures: null,
  },
  {
    key: 'wvl4-2018',
    associationCode: 'wvl4',
    kind: 'samenwerkingsprotocol',
    title: 'Samenwerkingsprotocol WVL4: PZ Vlas, PZ Westkust, PZ Polder en PZ RIHO',
    version: 1,
    status: 'in_force',
    signedOn: '2018-02-02',
    effectiveFrom: '2018-02-02',
    effectiveTo: null,
    trialMonths: 12,
    summary:
      'Basisovereenkomst van vier politiezones voor een optimale inzet van personeel en middelen, voortbouwend op ' +
      'intern toezicht, snelheidscontroles en interne preventie. Samen 13 gemeenten, 624,63 km², 858 personeelsleden ' +
      'en een budget van € 89.078.300; eerst een jaar proefdraaien voor er eventueel nieuwe partners bijkomen.',
    supersedesKey: null,
    parties: ['5456', '5461', '5460', '5453'],
    domains: [
      'internal_oversight',
      'traffic_enforcement',
      'prevention_at_work',
      'judicial_actions',
      'assistance',
      'dpo',
      'internal_care',
      'ict',
      'lccu',
      'equipment',
    ],
    approvals: ['5456', '5461', '5460', '5453'].map((zoneCode) =>
      approval(
        zoneCode,
        'politieraad',
        '2018-01-01',
        'month',
        'De bron (06/02/2018) meldt de ondertekening op 2 februari 2018, niet de datum van de politieraad; ' +
          'januari 2018, vóór de ondertekening, is aangenomen.',
      ),
    ),
    keyFigures: WVL4_KEY_FIGURES,
  },
]
