// A zone's GPI 48 overview as CSV for Excel set to Dutch or French (Belgium): UTF-8 with a byte-order mark, `;`
// between fields, dates dd/mm/yyyy, as the other exports do. One row per operational person.
import { stringify } from 'csv-stringify/sync'
import type { Locale } from '../../platform/schema.ts'
import type { ZoneOverview } from './compliance-schema.ts'

const COLUMNS = ['name', 'rank', 'status', 'sessions', 'evaluations', 'fallsBehindOn', 'qualifications'] as const
type Column = (typeof COLUMNS)[number]

const TEXT: Record<
  Locale,
  Record<Column, string> & Record<'compliant' | 'due_soon' | 'behind' | 'expiring' | 'expired' | 'of', string>
> = {
  nl: {
    name: 'Naam',
    rank: 'Graad',
    status: 'GPI 48-status',
    sessions: 'Sessies',
    evaluations: 'Evaluaties',
    fallsBehindOn: 'Achter op',
    qualifications: 'Bekwaamheden (vervallend of vervallen)',
    compliant: 'In orde',
    due_soon: 'Binnenkort achter',
    behind: 'Achter',
    expiring: 'vervalt',
    expired: 'vervallen',
    of: 'van',
  },
  fr: {
    name: 'Nom',
    rank: 'Grade',
    status: 'Statut GPI 48',
    sessions: 'Séances',
    evaluations: 'Évaluations',
    fallsBehindOn: 'En retard le',
    qualifications: 'Qualifications (expirant ou expirées)',
    compliant: 'En ordre',
    due_soon: 'Bientôt en retard',
    behind: 'En retard',
    expiring: 'expire',
    expired: 'expirée',
    of: 'sur',
  },
  en: {
    name: 'Name',
    rank: 'Rank',
    status: 'GPI 48 status',
    sessions: 'Sessions',
    evaluations: 'Evaluations',
    fallsBehindOn: 'Behind on',
    qualifications: 'Qualifications (expiring or expired)',
    compliant: 'Compliant',
    due_soon: 'Due soon',
    behind: 'Behind',
    expiring: 'expires',
    expired: 'expired',
    of: 'of',
  },
}

/** 2026-03-09 → 09/03/2026. */
export const belgianDate = (day: string | null): string => (day ? day.split('-').reverse().join('/') : '')

export function complianceCsv(overview: ZoneOverview, locale: Locale): string {
  const t = TEXT[locale]
  const rows = overview.people.map((p) => ({
    name: p.person.name,
    rank: p.person.rank ?? '',
    status: t[p.gpi48.status],
    // Plain counts ("4/5" would be read as a date by Excel); the header names the requirement.
    sessions: String(p.gpi48.counted),
    evaluations: String(p.gpi48.evaluations),
    fallsBehindOn: belgianDate(p.gpi48.fallsBehindOn),
    qualifications: p.qualifications
      .map((q) => `${q.code} (${q.state === 'expired' ? t.expired : t.expiring} ${belgianDate(q.validUntil)})`)
      .join(', '),
  }))
  return stringify(rows, {
    bom: true,
    delimiter: ';',
    record_delimiter: 'windows',
    header: true,
    columns: COLUMNS.map((key) => ({
      key,
      header:
        key === 'sessions'
          ? `${t.sessions} (${t.of} ${overview.rules.minSessions})`
          : key === 'evaluations'
            ? `${t.evaluations} (${t.of} ${overview.rules.minEvaluations})`
            : t[key],
    })),
  })
}

/** verbond-gpi48_5381_2026-03-09.csv */
export const complianceCsvFilename = (o: ZoneOverview): string =>
  `verbond-gpi48_${o.zone.code.replace(/[^A-Za-z0-9-]/g, '')}_${o.asOf}.csv`
