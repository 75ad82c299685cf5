// Loads the agreements in force at a date for a set of zones: the data the policy decides on.
import { sql, type Kysely, type Transaction } from 'kysely'
import { memoOf } from './memo.ts'
import type { Grant } from './policy.ts'
import type { DB } from './schema.ts'

type Db = Kysely<DB> | Transaction<DB>

/** SQL condition: agreement `a` is in force on `date` (its status says so and the date is in its period). */
export const inForceOn = (date: string) =>
  sql<boolean>`a.status IN ('in_force', 'ended') AND a.effective_from <= ${date}::date AND (a.effective_to IS NULL OR a.effective_to >= ${date}::date)`

/** The party zones of agreement `a`, as text ids. */
const partyZoneIds = sql<
  string[]
>`(SELECT array_agg(p.zone_id::text ORDER BY p.zone_id) FROM agreement_parties p WHERE p.agreement_id = a.id)`

/** Agreement `a` has one of `zoneIds` as a party (uuid[] against the column itself: the index applies). */
const hasPartyIn = (zoneIds: readonly string[]) =>
  sql<boolean>`EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = a.id AND p.zone_id = ANY(${[...zoneIds]}::uuid[]))`

/**
 * The agreements in force on `date` with one of `zoneIds` as party (what the policy decides on). On the app's
 * root `db` they come from memory until an agreement, its parties, domains or approvals change (migration
 * 0011's triggers → invalidation.ts) or the date moves (it is part of the key); inside a transaction (`trx`)
 * always from the database, which the transaction may have changed.
 */
export async function loadGrants(db: Db, zoneIds: readonly string[], date: string): Promise<Grant[]> {
  if (zoneIds.length === 0) return []
  const memo = memoOf<readonly Grant[]>(db, 'grants', { topics: ['grants'], size: 1_000, maxAgeMs: 30_000 })
  if (!memo) return queryGrants(db, zoneIds, date)
  const key = `${date}|${[...new Set(zoneIds)].sort().join(',')}`
  const grants = await memo.get(key, async () =>
    Object.freeze((await queryGrants(db, zoneIds, date)).map((g) => Object.freeze(g))),
  )
  return [...grants]
}

async function queryGrants(db: Db, zoneIds: readonly string[], date: string): Promise<Grant[]> {
  const rows = await sql<{ agreement_id: string; association_id: string; zone_ids: string[]; domains: string[] }>`
    SELECT a.id AS agreement_id, a.association_id,
           ${partyZoneIds} AS zone_ids,
           (SELECT coalesce(array_agg(d.domain_code ORDER BY d.domain_code), '{}') FROM agreement_domains d WHERE d.agreement_id = a.id) AS domains
      FROM agreements a
     WHERE ${inForceOn(date)}
       AND ${hasPartyIn(zoneIds)}`.execute(db)
  return rows.rows.map((r) => ({
    agreementId: r.agreement_id,
    associationId: r.association_id,
    zoneIds: r.zone_ids,
    domains: r.domains,
  }))
}

/** The effective period of an agreement (in force, or that was) listing a domain, with its parties. */
export interface DomainPeriod {
  agreementId: string
  zoneIds: string[]
  from: string
  /** Last day in force (inclusive); null = open-ended. */
  to: string | null
}

/**
 * Every agreement that is or was in force and lists `domain`, with one of `zoneIds` as party: the periods
 * during which that domain was shared (e.g. since when a partner DPO may read a zone's audit log).
 */
export async function loadDomainPeriods(db: Db, zoneIds: readonly string[], domain: string): Promise<DomainPeriod[]> {
  if (zoneIds.length === 0) return []
  const rows = await sql<{
    agreement_id: string
    zone_ids: string[]
    effective_from: string
    effective_to: string | null
  }>`
    SELECT a.id AS agreement_id, a.effective_from, a.effective_to, ${partyZoneIds} AS zone_ids
      FROM agreements a
     WHERE a.status IN ('in_force', 'ended') AND a.effective_from IS NOT NULL
       AND EXISTS (SELECT 1 FROM agreement_domains d WHERE d.agreement_id = a.id AND d.domain_code = ${domain})
       AND ${hasPartyIn(zoneIds)}`.execute(db)
  return rows.rows.map((r) => ({
    agreementId: r.agreement_id,
    zoneIds: r.zone_ids,
    from: r.effective_from,
    to: r.effective_to,
  }))
}
