// A zone's settlement statement as CSV for Excel set to Dutch or French (Belgium), like the assistance ledger's
// (assistance/ledger-csv.ts): UTF-8 with a byte-order mark, `;` between fields, amounts in euros with a decimal
// comma and no thousands separator (Excel reads 1234,56 as a number). Header rows, the lines per kind, the
// totals, the transfers that concern the zone, the cost keys with their inputs and fractions, the notes.
import { stringify } from 'csv-stringify/sync'
import { Temporal } from 'temporal-polyfill'
import { formatEuros } from '../../platform/money.ts'
import type { Locale } from '../../platform/schema.ts'
import { belgianDate } from './domain/settlement.ts'
import type { Settlement, ZoneSettlement } from './settlement-schema.ts'
import { STATEMENT_LABELS, noteText, percentText, type StatementLabels } from './statement-labels.ts'

const KINDS = ['depreciation', 'running_cost', 'loan_fee', 'assistance'] as const

/** Euro cents for Excel: 123456 → '1234,56'. */
const excelEuros = (cents: number): string =>
  `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`

/** Free text someone typed must not open as a formula in Excel: a leading =, +, −, @ is quoted. */
const text = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)

/** The period [from, to) as its first and last day: '01/01/2025 – 31/12/2025'. */
export const periodText = (from: string, to: string): string =>
  `${belgianDate(from)} – ${belgianDate(Temporal.PlainDate.from(to).subtract({ days: 1 }).toString())}`

export const statusText = (s: Settlement, l: StatementLabels): string =>
  s.recorded ? l.recorded(belgianDate(s.recorded.createdAt.slice(0, 10))) : l.provisional

export const zoneText = (z: { code: string; name: string }) => `${z.code} ${z.name}`

/** The transfers that concern the zone, in words. */
export const transferTexts = (s: Settlement, zoneId: string, l: StatementLabels): string[] =>
  s.transfers
    .filter((t) => t.from.id === zoneId || t.to.id === zoneId)
    .map((t) => l.pays(zoneText(t.from), formatEuros(t.amountCents), zoneText(t.to)))

export function statementCsv(s: Settlement, zone: ZoneSettlement, locale: Locale): string {
  const l = STATEMENT_LABELS[locale]
  const rows: string[][] = [
    [l.title],
    [l.association, `${s.association.code} ${s.association.name}`],
    [l.zone, zoneText(zone.zone)],
    [l.period, periodText(s.from, s.to)],
    [l.madeOn, belgianDate(s.madeOn)],
    [l.status, statusText(s, l)],
    [],
    [l.section, l.description, l.detail, l.charged, l.credited, l.net],
  ]
  for (const kind of KINDS)
    for (const line of zone.lines.filter((x) => x.kind === kind))
      rows.push([
        l.kinds[kind],
        text(line.title || l.kinds[kind]),
        text(line.detail),
        excelEuros(line.chargedCents),
        excelEuros(line.creditedCents),
        excelEuros(line.creditedCents - line.chargedCents),
      ])
  rows.push([
    l.totals,
    '',
    '',
    excelEuros(zone.chargedCents),
    excelEuros(zone.creditedCents),
    excelEuros(zone.netCents),
  ])
  rows.push([l.netMeaning], [], [l.transfers])
  const transfers = transferTexts(s, zone.zone.id, l)
  for (const t of transfers.length > 0 ? transfers : [l.noTransfers]) rows.push([t])
  rows.push(
    [],
    [l.keys],
    [l.description, l.keyVersion, l.zone, l.population, l.fte, l.percent, l.usageHours, l.fraction],
  )
  for (const inv of s.keys)
    for (const k of inv.keys)
      for (const i of k.inputs)
        rows.push([
          text(inv.title),
          `${belgianDate(k.validFrom)} ${l.until} ${k.validTo ? belgianDate(k.validTo) : l.open} · ${l.method[k.method] ?? k.method}`,
          zoneText(i.zone),
          i.population === null ? '' : String(i.population),
          i.fte === null ? '' : String(i.fte).replace('.', ','),
          i.percent === null ? '' : String(i.percent).replace('.', ','),
          i.usageHours === null ? '' : String(i.usageHours).replace('.', ','),
          percentText(i.fraction),
        ])
  if (s.notes.length > 0) rows.push([], [l.notes], ...s.notes.map((n) => [text(noteText(l, n))]))
  return stringify(rows, { bom: true, delimiter: ';', record_delimiter: 'windows' })
}

/** verbond-afrekening_5381_2025-01-01_2025-12-31.csv (or .pdf) */
export const statementFilename = (zoneCode: string, from: string, to: string, ext: 'csv' | 'pdf') =>
  `verbond-afrekening_${zoneCode}_${from}_${Temporal.PlainDate.from(to).subtract({ days: 1 }).toString()}.${ext}`
