// The words of a zone's settlement statement (issue 10) in nl, fr and en: shared by the CSV (statement-csv.ts)
// and the PDF (statement-pdf-task.ts, in a worker thread), so both say the same thing in the caller's language.
import type { Locale } from '../../platform/schema.ts'
import type { SettlementLine } from './settlement-schema.ts'

export interface StatementLabels {
  title: string
  association: string
  zone: string
  period: string
  madeOn: string
  status: string
  recorded: (on: string) => string
  provisional: string
  kinds: Record<SettlementLine['kind'], string>
  section: string
  description: string
  detail: string
  charged: string
  credited: string
  net: string
  totals: string
  netMeaning: string
  keys: string
  keyVersion: string
  method: Record<string, string>
  weights: string
  population: string
  fte: string
  percent: string
  usageHours: string
  fraction: string
  transfers: string
  pays: (from: string, amount: string, to: string) => string
  noTransfers: string
  notes: string
  note: (code: string, title: string) => string
  until: string
  open: string
}

const NL: StatementLabels = {
  title: 'Afrekening gezamenlijke investeringen en uitlening',
  association: 'Vereniging',
  zone: 'Zone',
  period: 'Periode',
  madeOn: 'Opgemaakt op',
  status: 'Status',
  recorded: (on) => `vastgelegd op ${on}`,
  provisional: 'voorlopig (nog niet vastgelegd)',
  kinds: {
    depreciation: 'Afschrijving investeringen',
    running_cost: 'Werkingskosten',
    loan_fee: 'Ontleenvergoedingen',
    assistance: 'Onderlinge bijstand (gevaloriseerd)',
  },
  section: 'Rubriek',
  description: 'Omschrijving',
  detail: 'Detail',
  charged: 'Aangerekend',
  credited: 'Gecrediteerd',
  net: 'Saldo',
  totals: 'Totaal',
  netMeaning: 'Saldo = gecrediteerd - aangerekend (positief: de zone ontvangt; negatief: de zone betaalt).',
  keys: 'Verdeelsleutels',
  keyVersion: 'Versie',
  method: {
    equal: 'gelijke delen',
    population: 'inwonertal',
    fte: 'personeel (VTE)',
    usage_hours: 'gebruiksuren',
    custom: 'vaste percentages',
    mix: 'gemengd',
  },
  weights: 'Gewichten',
  population: 'Inwoners',
  fte: 'VTE',
  percent: 'Percentage',
  usageHours: 'Gebruiksuren',
  fraction: 'Aandeel',
  transfers: 'Betalingen',
  pays: (from, amount, to) => `${from} betaalt ${amount} aan ${to}`,
  noTransfers: 'Geen betalingen voor deze zone.',
  notes: 'Opmerkingen',
  note: (code, title) =>
    ({
      assistance_no_rate: 'Onderlinge bijstand niet opgenomen: de vereniging heeft geen uurtarief ingesteld.',
      usage_equal: `${title}: geen gebruik in (een deel van) de periode, daar gelijk verdeeld.`,
      population_equal: `${title}: geen inwonertallen ingevuld, gelijk verdeeld.`,
      fte_equal: `${title}: geen VTE ingevuld, gelijk verdeeld.`,
      custom_equal: `${title}: geen percentages ingevuld, gelijk verdeeld.`,
      no_key: `${title}: geen verdeelsleutel voor (een deel van) de periode, gelijk verdeeld.`,
      no_parties: `${title}: geen deelnemende zones in (een deel van) de periode, ten laste van de betalende zone.`,
    })[code] ?? code,
  until: 'tot',
  open: 'onbepaald',
}

const FR: StatementLabels = {
  title: 'Décompte des investissements communs et des prêts',
  association: 'Association',
  zone: 'Zone',
  period: 'Période',
  madeOn: 'Établi le',
  status: 'Statut',
  recorded: (on) => `arrêté le ${on}`,
  provisional: 'provisoire (pas encore arrêté)',
  kinds: {
    depreciation: 'Amortissement des investissements',
    running_cost: 'Frais de fonctionnement',
    loan_fee: 'Indemnités de prêt',
    assistance: 'Assistance mutuelle (valorisée)',
  },
  section: 'Rubrique',
  description: 'Description',
  detail: 'Détail',
  charged: 'Imputé',
  credited: 'Crédité',
  net: 'Solde',
  totals: 'Total',
  netMeaning: 'Solde = crédité - imputé (positif : la zone reçoit ; négatif : la zone paie).',
  keys: 'Clés de répartition',
  keyVersion: 'Version',
  method: {
    equal: 'parts égales',
    population: 'population',
    fte: 'personnel (ETP)',
    usage_hours: 'heures d’utilisation',
    custom: 'pourcentages fixes',
    mix: 'mixte',
  },
  weights: 'Pondérations',
  population: 'Habitants',
  fte: 'ETP',
  percent: 'Pourcentage',
  usageHours: 'Heures d’utilisation',
  fraction: 'Part',
  transfers: 'Paiements',
  pays: (from, amount, to) => `${from} paie ${amount} à ${to}`,
  noTransfers: 'Aucun paiement pour cette zone.',
  notes: 'Remarques',
  note: (code, title) =>
    ({
      assistance_no_rate: 'Assistance mutuelle non reprise : l’association n’a pas fixé de taux horaire.',
      usage_equal: `${title} : aucune utilisation pendant (une partie de) la période, réparti en parts égales.`,
      population_equal: `${title} : pas de chiffres de population, réparti en parts égales.`,
      fte_equal: `${title} : pas d’ETP renseignés, réparti en parts égales.`,
      custom_equal: `${title} : pas de pourcentages renseignés, réparti en parts égales.`,
      no_key: `${title} : pas de clé de répartition pour (une partie de) la période, réparti en parts égales.`,
      no_parties: `${title} : aucune zone participante pendant (une partie de) la période, à charge de la zone payeuse.`,
    })[code] ?? code,
  until: 'au',
  open: 'indéterminé',
}

const EN: StatementLabels = {
  title: 'Settlement of joint investments and loans',
  association: 'Association',
  zone: 'Zone',
  period: 'Period',
  madeOn: 'Made on',
  status: 'Status',
  recorded: (on) => `recorded on ${on}`,
  provisional: 'provisional (not yet recorded)',
  kinds: {
    depreciation: 'Depreciation of investments',
    running_cost: 'Running costs',
    loan_fee: 'Loan fees',
    assistance: 'Mutual assistance (valued)',
  },
  section: 'Section',
  description: 'Description',
  detail: 'Detail',
  charged: 'Charged',
  credited: 'Credited',
  net: 'Net',
  totals: 'Total',
  netMeaning: 'Net = credited - charged (positive: the zone receives; negative: the zone pays).',
  keys: 'Cost keys',
  keyVersion: 'Version',
  method: {
    equal: 'equal shares',
    population: 'population',
    fte: 'staff (FTE)',
    usage_hours: 'usage hours',
    custom: 'fixed percentages',
    mix: 'mixed',
  },
  weights: 'Weights',
  population: 'Inhabitants',
  fte: 'FTE',
  percent: 'Percentage',
  usageHours: 'Usage hours',
  fraction: 'Share',
  transfers: 'Payments',
  pays: (from, amount, to) => `${from} pays ${amount} to ${to}`,
  noTransfers: 'No payments for this zone.',
  notes: 'Notes',
  note: (code, title) =>
    ({
      assistance_no_rate: 'Mutual assistance not included: the association has set no hourly rate.',
      usage_equal: `${title}: no usage in (part of) the period, split equally there.`,
      population_equal: `${title}: no population figures filled in, split equally.`,
      fte_equal: `${title}: no FTE filled in, split equally.`,
      custom_equal: `${title}: no percentages filled in, split equally.`,
      no_key: `${title}: no cost key for (part of) the period, split equally.`,
      no_parties: `${title}: no party zones in (part of) the period, charged to the paying zone.`,
    })[code] ?? code,
  until: 'to',
  open: 'open',
}

export const STATEMENT_LABELS: Record<Locale, StatementLabels> = { nl: NL, fr: FR, en: EN }

/** A note code of the settlement ('usage_equal:Mobiele radar') in words. */
export function noteText(labels: StatementLabels, note: string): string {
  const at = note.indexOf(':')
  return at < 0 ? labels.note(note, '') : labels.note(note.slice(0, at), note.slice(at + 1))
}

/** A fraction string ('0.4321') as a Belgian percentage: '43,21 %'. */
export const percentText = (fraction: string): string =>
  `${(Math.round(Number(fraction) * 10_000) / 100).toFixed(2).replace('.', ',')} %`
