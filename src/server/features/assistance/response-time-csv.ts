// The response-time report as CSV (issue 9): one row per helping zone and category, the times in minutes with
// a decimal comma, `;` between fields and a byte-order mark — what Excel set to Dutch or French (Belgium)
// opens as columns, as the statement and fairness exports do.
import { stringify } from 'csv-stringify/sync'
import type { Locale } from '../../platform/schema.ts'
import type { ResponseTimes } from './alert-schema.ts'

const MILESTONES = ['acknowledged', 'offered', 'arrived'] as const

const LABELS: Record<
  Locale,
  {
    zoneCode: string
    zone: string
    category: string
    requests: string
    count: string
    median: string
    p90: string
  } & Record<(typeof MILESTONES)[number], string>
> = {
  nl: {
    zoneCode: 'Zonenummer',
    zone: 'Zone',
    category: 'Soort bijstand',
    requests: 'Aanvragen',
    count: 'aantal',
    median: 'mediaan (min)',
    p90: 'P90 (min)',
    acknowledged: 'Ontvangst bevestigd',
    offered: 'Eerste aanbod',
    arrived: 'Aankomst ter plaatse',
  },
  fr: {
    zoneCode: 'Numéro de zone',
    zone: 'Zone',
    category: 'Type d’assistance',
    requests: 'Demandes',
    count: 'nombre',
    median: 'médiane (min)',
    p90: 'P90 (min)',
    acknowledged: 'Réception confirmée',
    offered: 'Première offre',
    arrived: 'Arrivée sur place',
  },
  en: {
    zoneCode: 'Zone code',
    zone: 'Zone',
    category: 'Kind of assistance',
    requests: 'Requests',
    count: 'count',
    median: 'median (min)',
    p90: 'P90 (min)',
    acknowledged: 'Acknowledged',
    offered: 'First offer',
    arrived: 'Arrival on site',
  },
}

/** Milliseconds as minutes with one decimal and a decimal comma (empty when none): 90_000 → '1,5'. */
export const decimalMinutes = (ms: number | null): string =>
  ms === null ? '' : (ms / 60_000).toFixed(1).replace('.', ',')

export function responseTimesCsv(report: ResponseTimes, locale: Locale): string {
  const l = LABELS[locale]
  const columns = [
    { key: 'zoneCode', header: l.zoneCode },
    { key: 'zone', header: l.zone },
    { key: 'category', header: l.category },
    { key: 'requests', header: l.requests },
    ...MILESTONES.flatMap((m) => [
      { key: `${m}_count`, header: `${l[m]}: ${l.count}` },
      { key: `${m}_median`, header: `${l[m]}: ${l.median}` },
      { key: `${m}_p90`, header: `${l[m]}: ${l.p90}` },
    ]),
  ]
  const records = report.rows.map((r) => ({
    zoneCode: r.zone.code,
    zone: r.zone.name,
    category: r.category,
    requests: String(r.requests),
    ...Object.fromEntries(
      MILESTONES.flatMap((m) => [
        [`${m}_count`, String(r[m].count)],
        [`${m}_median`, decimalMinutes(r[m].medianMs)],
        [`${m}_p90`, decimalMinutes(r[m].p90Ms)],
      ]),
    ),
  }))
  return stringify(records, { bom: true, delimiter: ';', record_delimiter: 'windows', header: true, columns })
}

/** verbond-responstijden_2026-01-01_2026-12-31.csv */
export const responseTimesFilename = (report: ResponseTimes) => `verbond-responstijden_${report.from}_${report.to}.csv`
