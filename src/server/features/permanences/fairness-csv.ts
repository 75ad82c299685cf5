// The fairness report as CSV for Excel set to Dutch or French (Belgium): UTF-8 with a byte-order mark, `;`
// between fields, a decimal comma and no thousands separator (Excel nl-BE reads "1234,5" as a number), shares
// in percent. One row per zone, then one per person, with a first column saying which.
import { stringify } from 'csv-stringify/sync'
import type { Locale } from '../../platform/schema.ts'
import type { FairnessReport } from './fairness-schema.ts'

const COLUMNS = [
  'level',
  'zone',
  'zoneName',
  'person',
  'slots',
  'hours',
  'weightedHours',
  'nightHours',
  'saturdayHours',
  'sundayHours',
  'holidayHours',
  'keyShare',
  'actualShare',
  'expected',
  'deviation',
  'capacity',
  'zoneMean',
] as const
type Column = (typeof COLUMNS)[number]

const HEADERS: Record<Locale, Record<Column, string> & { zoneRow: string; personRow: string; unnamed: string }> = {
  nl: {
    level: 'Niveau',
    zone: 'Zone',
    zoneName: 'Zonenaam',
    person: 'Persoon',
    slots: 'Diensten',
    hours: 'Uren',
    weightedHours: 'Gewogen uren',
    nightHours: 'Nachturen',
    saturdayHours: 'Zaterdaguren',
    sundayHours: 'Zondaguren',
    holidayHours: 'Feestdaguren',
    keyShare: 'Aandeel volgens sleutel (%)',
    actualShare: 'Werkelijk aandeel (%)',
    expected: 'Verwacht (gewogen uren)',
    deviation: 'Afwijking (gewogen uren)',
    capacity: 'Beschikbaarheid (VTE × periode)',
    zoneMean: 'Zonegemiddelde (gewogen uren)',
    zoneRow: 'zone',
    personRow: 'persoon',
    unnamed: '(persoon van een partnerzone)',
  },
  fr: {
    level: 'Niveau',
    zone: 'Zone',
    zoneName: 'Nom de la zone',
    person: 'Personne',
    slots: 'Gardes',
    hours: 'Heures',
    weightedHours: 'Heures pondérées',
    nightHours: 'Heures de nuit',
    saturdayHours: 'Heures du samedi',
    sundayHours: 'Heures du dimanche',
    holidayHours: 'Heures de jour férié',
    keyShare: 'Part selon la clé (%)',
    actualShare: 'Part réelle (%)',
    expected: 'Attendu (heures pondérées)',
    deviation: 'Écart (heures pondérées)',
    capacity: 'Disponibilité (ETP × période)',
    zoneMean: 'Moyenne de la zone (heures pondérées)',
    zoneRow: 'zone',
    personRow: 'personne',
    unnamed: "(personne d'une zone partenaire)",
  },
  en: {
    level: 'Level',
    zone: 'Zone',
    zoneName: 'Zone name',
    person: 'Person',
    slots: 'Duties',
    hours: 'Hours',
    weightedHours: 'Weighted hours',
    nightHours: 'Night hours',
    saturdayHours: 'Saturday hours',
    sundayHours: 'Sunday hours',
    holidayHours: 'Holiday hours',
    keyShare: 'Share by key (%)',
    actualShare: 'Actual share (%)',
    expected: 'Expected (weighted hours)',
    deviation: 'Deviation (weighted hours)',
    capacity: 'Availability (FTE × period)',
    zoneMean: 'Zone mean (weighted hours)',
    zoneRow: 'zone',
    personRow: 'person',
    unnamed: '(person of a partner zone)',
  },
}

/** 1234,5 → "1234,50": a decimal comma, no grouping; empty for "not applicable". */
export function decimal(value: number | null, digits = 2): string {
  return value === null ? '' : value.toFixed(digits).replace('.', ',')
}
const percent = (share: number | null) => (share === null ? '' : decimal(share * 100))

export function fairnessCsv(report: FairnessReport, locale: Locale): string {
  const h = HEADERS[locale]
  const load = (r: FairnessReport['totals']) => ({
    slots: String(r.slots),
    hours: decimal(r.hours),
    weightedHours: decimal(r.weightedHours),
    nightHours: decimal(r.nightHours),
    saturdayHours: decimal(r.saturdayHours),
    sundayHours: decimal(r.sundayHours),
    holidayHours: decimal(r.holidayHours),
  })
  const names = new Map(report.zones.map((z) => [z.zoneId, z.name]))
  const rows: Array<Record<Column, string>> = [
    ...report.zones.map((z) => ({
      level: h.zoneRow,
      zone: z.code,
      zoneName: z.name,
      person: '',
      ...load(z),
      keyShare: percent(z.keyShare),
      actualShare: percent(z.actualShare),
      expected: decimal(z.targetWeightedHours),
      deviation: decimal(z.deviation),
      capacity: decimal(z.capacity, 3),
      zoneMean: decimal(z.meanWeightedHours),
    })),
    ...report.people.map((p) => ({
      level: h.personRow,
      zone: p.zoneCode,
      zoneName: names.get(p.zoneId) ?? '',
      person: p.person ? `${p.person.lastName}, ${p.person.firstName}` : h.unnamed,
      ...load(p),
      keyShare: '',
      actualShare: '',
      expected: decimal(p.expectedWeightedHours),
      deviation: decimal(p.deviation),
      capacity: decimal(p.capacity, 3),
      zoneMean: '',
    })),
  ]
  return stringify(rows, {
    bom: true,
    delimiter: ';',
    record_delimiter: 'windows',
    header: true,
    columns: COLUMNS.map((key) => ({ key, header: h[key] })),
  })
}

/** verbond-fairness_<what>_2026-01-01_2026-12-31.csv, `what` reduced to ASCII letters, digits and dashes. */
export function fairnessCsvFilename(what: string, period: { from: string; to: string }): string {
  const slug =
    what
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'report'
  return `verbond-fairness_${slug}_${period.from}_${period.to}.csv`
}
