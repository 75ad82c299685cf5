// A zone's assistance statement as CSV for Excel set to Dutch or French (Belgium): UTF-8 with a byte-order
// mark, `;` between fields, hours with a decimal comma (7,50 = seven and a half hours), as the call-out
// statement does. An opening row, one row per ledger line, a closing row; a partner's person without a reason
// to be named appears as rank and zone.
import { stringify } from 'csv-stringify/sync'
import type { Locale } from '../../platform/schema.ts'
import type { AssistanceStatement, StatementLine } from './ledger-schema.ts'

const COLUMNS = [
  'date',
  'kind',
  'counterpart',
  'request',
  'category',
  'place',
  'person',
  'hours',
  'night',
  'saturday',
  'sunday',
  'holiday',
  'weighted',
  'rate',
] as const
type Column = (typeof COLUMNS)[number]

type Labels = Record<Column, string> &
  Record<StatementLine['kind'], string> & { opening: string; closing: string; plainRate: string }

const LABELS: Record<Locale, Labels> = {
  nl: {
    date: 'Datum',
    kind: 'Soort',
    counterpart: 'Tegenpartij (zone)',
    request: 'Aanvraag',
    category: 'Categorie',
    place: 'Plaats',
    person: 'Persoon',
    hours: 'Uren',
    night: 'Nacht 22–06 (u)',
    saturday: 'Zaterdag (u)',
    sunday: 'Zondag (u)',
    holiday: 'Feestdag (u)',
    weighted: 'Gewogen uren (+ tegoed, − schuld)',
    rate: 'Tarief (basis)',
    deployment: 'inzet',
    settlement: 'vereffening',
    reversal: 'correctie',
    training: 'opleiding (trainer)',
    opening: 'Beginsaldo',
    closing: 'Eindsaldo',
    plainRate: 'gewoon tarief (1)',
  },
  fr: {
    date: 'Date',
    kind: 'Type',
    counterpart: 'Contrepartie (zone)',
    request: 'Demande',
    category: 'Catégorie',
    place: 'Lieu',
    person: 'Personne',
    hours: 'Heures',
    night: 'Nuit 22–06 (h)',
    saturday: 'Samedi (h)',
    sunday: 'Dimanche (h)',
    holiday: 'Jour férié (h)',
    weighted: 'Heures pondérées (+ crédit, − dette)',
    rate: 'Taux (base)',
    deployment: 'engagement',
    settlement: 'règlement',
    reversal: 'correction',
    training: 'formation (formateur)',
    opening: 'Solde initial',
    closing: 'Solde final',
    plainRate: 'taux simple (1)',
  },
  en: {
    date: 'Date',
    kind: 'Kind',
    counterpart: 'Counterpart (zone)',
    request: 'Request',
    category: 'Category',
    place: 'Place',
    person: 'Person',
    hours: 'Hours',
    night: 'Night 22–06 (h)',
    saturday: 'Saturday (h)',
    sunday: 'Sunday (h)',
    holiday: 'Public holiday (h)',
    weighted: 'Weighted hours (+ credit, − debit)',
    rate: 'Rate (base)',
    deployment: 'deployment',
    settlement: 'settlement',
    reversal: 'correction',
    training: 'training (trainer)',
    opening: 'Opening balance',
    closing: 'Closing balance',
    plainRate: 'plain rate (1)',
  },
}

/** Minutes as hours with two decimals and a decimal comma: 450 → '7,50', −90 → '-1,50'. */
export const decimalHours = (minutes: number): string => (minutes / 60).toFixed(2).replace('.', ',')

/** Free text another zone typed (a place) must not open as a formula in Excel: a leading =, +, −, @ is quoted. */
const text = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)

const decimal = (n: number): string => String(n).replace('.', ',')

export function statementCsv(s: AssistanceStatement, locale: Locale): string {
  const l = LABELS[locale]
  const columns = COLUMNS.map((key) => ({ key, header: l[key] }))
  const empty = Object.fromEntries(COLUMNS.map((c) => [c, ''])) as Record<Column, string>
  const rows: Record<Column, string>[] = [
    { ...empty, date: s.from, kind: l.opening, weighted: decimalHours(s.opening) },
    ...s.lines.map((line) => ({
      date: line.bookedOn,
      kind: l[line.kind],
      counterpart: line.counterpartZoneCode,
      request: line.request?.id ?? '',
      category: line.request?.category ?? '',
      place: text(line.request?.place ?? ''),
      person: line.person ? text(line.person.name ?? `${line.person.rank ?? ''} (${line.person.zoneCode})`.trim()) : '',
      hours: decimalHours(line.minutes.total),
      night: decimalHours(line.minutes.night),
      saturday: decimalHours(line.minutes.saturday),
      sunday: decimalHours(line.minutes.sunday),
      holiday: decimalHours(line.minutes.holiday),
      weighted: decimalHours(line.amount),
      rate: line.kind === 'settlement' ? '' : line.rate ? decimal(line.rate.base) : l.plainRate,
    })),
    { ...empty, date: s.to, kind: l.closing, weighted: decimalHours(s.closing) },
  ]
  return stringify(rows, { bom: true, delimiter: ';', record_delimiter: 'windows', header: true, columns })
}

/** verbond-bijstand_5373_2026-01-01_2026-12-31.csv */
export const statementFilename = (zoneCode: string, from: string, to: string) =>
  `verbond-bijstand_${zoneCode}_${from}_${to}.csv`
