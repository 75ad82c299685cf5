// The audit log as CSV for the supervisory body (COC): one row per event with every reason (domain) that
// allowed it, Belgian date-times (Brussels), UTF-8 with a byte-order mark and `;` between fields, so that
// Excel set to Dutch or French (Belgium) opens it as columns with the accents intact.
import { stringify } from 'csv-stringify/sync'
import type { Locale } from '../../platform/schema.ts'
import { belgianDateTime, eventDomains, eventPersonIds } from './domain.ts'
import type { AuditRow } from './repository.ts'

const COLUMNS = [
  'id',
  'time',
  'zone',
  'seq',
  'action',
  'actor',
  'actorZone',
  'objectType',
  'objectId',
  'objectName',
  'personIds',
  'domains',
  'details',
  'hash',
] as const
type Column = (typeof COLUMNS)[number]

const HEADERS: Record<Locale, Record<Column, string>> = {
  nl: {
    id: 'Gebeurtenis',
    time: 'Tijdstip (Brussel)',
    zone: 'Zone (keten)',
    seq: 'Volgnummer in keten',
    action: 'Handeling',
    actor: 'Gebruiker',
    actorZone: 'Zone van de gebruiker',
    objectType: 'Soort object',
    objectId: 'Object',
    objectName: 'Naam',
    personIds: 'Personen',
    domains: 'Reden (samenwerkingsdomeinen)',
    details: 'Details',
    hash: 'Hash (SHA-256)',
  },
  fr: {
    id: 'Événement',
    time: 'Moment (Bruxelles)',
    zone: 'Zone (chaîne)',
    seq: 'Numéro dans la chaîne',
    action: 'Action',
    actor: 'Utilisateur',
    actorZone: "Zone de l'utilisateur",
    objectType: "Type d'objet",
    objectId: 'Objet',
    objectName: 'Nom',
    personIds: 'Personnes',
    domains: 'Motif (domaines de coopération)',
    details: 'Détails',
    hash: 'Hash (SHA-256)',
  },
  en: {
    id: 'Event',
    time: 'Time (Brussels)',
    zone: 'Zone (chain)',
    seq: 'Sequence in chain',
    action: 'Action',
    actor: 'User',
    actorZone: "User's zone",
    objectType: 'Object type',
    objectId: 'Object',
    objectName: 'Name',
    personIds: 'People',
    domains: 'Reason (cooperation domains)',
    details: 'Details',
    hash: 'Hash (SHA-256)',
  },
}

export function auditCsv(rows: readonly AuditRow[], locale: Locale): string {
  const header = HEADERS[locale]
  return stringify(
    rows.map((r) => ({
      id: r.id,
      time: belgianDateTime(r.at),
      zone: r.zone_code,
      seq: r.seq,
      action: r.action,
      actor: r.actor_name ?? '',
      actorZone: r.actor_zone_code ?? '',
      objectType: r.object_type ?? '',
      objectId: r.object_id ?? '',
      objectName: r.object_name ?? '',
      personIds: eventPersonIds(r.object_type, r.object_id, r.details).join(' '),
      domains: eventDomains(r.domain, r.details).join(', '),
      details: JSON.stringify(r.details),
      hash: r.hash,
    })),
    {
      bom: true,
      delimiter: ';',
      record_delimiter: 'windows',
      header: true,
      columns: COLUMNS.map((key) => ({ key, header: header[key] })),
    },
  )
}

/** verbond-auditlog_5373_2026-01-01_2026-11-29.csv: whose log, which period (open ends: the export day). */
export function auditCsvFilename(
  zoneCodes: readonly string[],
  from: string | undefined,
  to: string | undefined,
  today: string,
) {
  const zones = zoneCodes.length ? zoneCodes.join('-') : 'none'
  return `verbond-auditlog_${zones}_${from ?? 'start'}_${to ?? today}.csv`
}
