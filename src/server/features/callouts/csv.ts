// The monthly statement as CSV for the payroll clerk: one row per person, on-call (B&T) and call-out
// (Wachtoproep) hours per category, the categories GALoP Lite asks. Excel set to Dutch or French (Belgium)
// opens it as columns with the accents intact when it is UTF-8 with a byte-order mark, `;` between fields and
// a decimal comma (7,50 = seven and a half hours), as the audit export does.
import { stringify } from 'csv-stringify/sync'
import type { Locale } from '../../platform/schema.ts'
import { CATEGORIES } from './domain.ts'
import type { StatementLine } from './schema.ts'

type Category = (typeof CATEGORIES)[number]

const LABELS: Record<
  Locale,
  { employee: string; name: string; onCall: string; callOut: string } & Record<Category, string>
> = {
  nl: {
    employee: 'Stamnummer',
    name: 'Naam',
    onCall: 'B&T – Bereikbaar & Terugroepbaar',
    callOut: 'Wachtoproep',
    total: 'totaal (u)',
    weekdayDay: 'weekdag overdag (u)',
    night: 'nacht 22–06 (u)',
    saturday: 'zaterdag (u)',
    sunday: 'zondag (u)',
    holiday: 'feestdag (u)',
  },
  fr: {
    employee: 'Matricule',
    name: 'Nom',
    onCall: 'B&T – Joignable & Rappelable',
    callOut: 'Rappel',
    total: 'total (h)',
    weekdayDay: 'jour de semaine, journée (h)',
    night: 'nuit 22–06 (h)',
    saturday: 'samedi (h)',
    sunday: 'dimanche (h)',
    holiday: 'jour férié (h)',
  },
  en: {
    employee: 'Employee number',
    name: 'Name',
    onCall: 'B&T – On call',
    callOut: 'Call-out',
    total: 'total (h)',
    weekdayDay: 'weekday daytime (h)',
    night: 'night 22–06 (h)',
    saturday: 'Saturday (h)',
    sunday: 'Sunday (h)',
    holiday: 'public holiday (h)',
  },
}

/** Minutes as hours with two decimals and a decimal comma: 450 → '7,50'. */
export const decimalHours = (minutes: number): string => (minutes / 60).toFixed(2).replace('.', ',')

export function statementCsv(lines: readonly StatementLine[], locale: Locale): string {
  const l = LABELS[locale]
  const columns = [
    { key: 'employee', header: l.employee },
    { key: 'name', header: l.name },
    ...CATEGORIES.map((c) => ({ key: `onCall_${c}`, header: `${l.onCall}: ${l[c]}` })),
    ...CATEGORIES.map((c) => ({ key: `callOut_${c}`, header: `${l.callOut}: ${l[c]}` })),
  ]
  const records = lines.map((line) => ({
    employee: line.employeeNumber,
    name: line.personName,
    ...Object.fromEntries(CATEGORIES.map((c) => [`onCall_${c}`, decimalHours(line.onCall[c])])),
    ...Object.fromEntries(CATEGORIES.map((c) => [`callOut_${c}`, decimalHours(line.callOuts[c])])),
  }))
  return stringify(records, { bom: true, delimiter: ';', record_delimiter: 'windows', header: true, columns })
}

/** verbond-maandstaat_5373_2026-07.csv, or with the employee number for one person. */
export const statementFilename = (zoneCode: string, month: string, employeeNumber?: string) =>
  `verbond-maandstaat_${zoneCode}${employeeNumber ? `_${employeeNumber}` : ''}_${month}.csv`
