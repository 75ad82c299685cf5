// Who may see a person of another zone, and why (DESIGN.md §5). A partner zone sees a person only through a
// visibility reason (table visibility_reasons, migration 0007) that an agreement in force at the moment of
// access backs: the agreement lists the reason's domain and has both zones as parties. The feature that
// creates a reason (a shared function, a rotation, a deployment, an enrolment) writes it with `addReason` in
// the same transaction as its own row; readers use the fragments below and never join those features' tables.
//
// The fragments take uuid[] / text[] parameters and compare columns as they are (no casts, no concatenated
// pairs), so the planner can use people_zone_name and visibility_reasons_person.
import { sql, type Expression, type RawBuilder, type SqlBool, type Transaction } from 'kysely'
import type { Grant } from './policy.ts'
import type { DB } from './schema.ts'

/** The kinds of reason the platform knows today; a feature adds its own (the column accepts any `[a-z_]` code). */
export const REASON_KINDS = ['shared_function', 'rotation', 'deployment', 'enrolment', 'booking'] as const
export type KnownReasonKind = (typeof REASON_KINDS)[number]

/** A reason as a reader sees it: what kind of thing, under which cooperation domain. */
export interface VisibilityReason {
  kind: string
  domain: string
}

/** One path of an agreement in force: a viewer zone may see people of `ownerZoneId` for reasons under `domain`. */
export interface ReasonReach {
  viewerZoneId: string
  ownerZoneId: string
  domain: string
}

export interface VisibilityScope {
  /** The viewer's own zones (with the permission): everyone there is visible without a reason. */
  ownZoneIds: string[]
  /** Every (viewer zone, owner zone, domain) that an agreement in force lists for both zones. */
  reach: ReasonReach[]
  /** The Brussels date of the access: reasons and agreements in force on that day count. */
  date: string
}

/** The scope of a viewer whose `ownZoneIds` hold the permission, given the agreements in force (`grants`). */
export function visibilityScope(
  ownZoneIds: readonly string[],
  grants: readonly Grant[],
  date: string,
): VisibilityScope {
  const own = new Set(ownZoneIds)
  const reach = new Map<string, ReasonReach>()
  for (const grant of grants) {
    for (const viewerZoneId of grant.zoneIds.filter((z) => own.has(z))) {
      for (const ownerZoneId of grant.zoneIds.filter((z) => !own.has(z))) {
        for (const domain of grant.domains) {
          reach.set(JSON.stringify([viewerZoneId, ownerZoneId, domain]), { viewerZoneId, ownerZoneId, domain })
        }
      }
    }
  }
  return { ownZoneIds: [...own], reach: [...reach.values()], date }
}

/** The same scope, with partner reasons only under `domains` (e.g. the domains whose view shows a qualification). */
export const limitDomains = (scope: VisibilityScope, domains: readonly string[]): VisibilityScope => ({
  ...scope,
  reach: scope.reach.filter((r) => domains.includes(r.domain)),
})

/** The partner zones the scope reaches at all: lets a list skip every other zone by index. */
export const partnerZoneIds = (scope: VisibilityScope): string[] => [...new Set(scope.reach.map((r) => r.ownerZoneId))]

/** The person columns of the query the fragments are used in (`p.id`, `p.zone_id` by default). */
export interface PersonColumns {
  id: string
  zoneId: string
}
const P: PersonColumns = { id: 'p.id', zoneId: 'p.zone_id' }

/** The reasons of the person in force on the scope's date that an agreement in force backs (FROM … WHERE …). */
const reasonsOf = (scope: VisibilityScope, person: PersonColumns) => sql`
  FROM visibility_reasons r
  JOIN unnest(${scope.reach.map((r) => r.viewerZoneId)}::uuid[], ${scope.reach.map((r) => r.ownerZoneId)}::uuid[],
              ${scope.reach.map((r) => r.domain)}::text[]) AS g(viewer_zone_id, owner_zone_id, domain_code)
    ON r.owner_zone_id = g.owner_zone_id AND r.domain_code = g.domain_code
   AND (r.partner_zone_id IS NULL OR r.partner_zone_id = g.viewer_zone_id)
 WHERE r.person_id = ${sql.ref(person.id)} AND r.period @> ${scope.date}::date`

/** True when a partner reason lets the scope see the person (not counting own zones). */
export const hasPartnerReason = (scope: VisibilityScope, person: PersonColumns = P): Expression<SqlBool> =>
  sql<SqlBool>`(${sql.ref(person.zoneId)} = ANY(${partnerZoneIds(scope)}::uuid[]) AND EXISTS (SELECT 1 ${reasonsOf(scope, person)}))`

/** The one visibility condition: the person is of an own zone, or a partner reason in force lets the scope see them. */
export const personVisible = (scope: VisibilityScope, person: PersonColumns = P): Expression<SqlBool> =>
  sql<SqlBool>`(${sql.ref(person.zoneId)} = ANY(${scope.ownZoneIds}::uuid[]) OR ${hasPartnerReason(scope, person)})`

/** Every partner reason (kind + domain, sorted by domain then kind, each once) by which the scope sees the person. */
export const partnerReasons = (scope: VisibilityScope, person: PersonColumns = P): RawBuilder<VisibilityReason[]> =>
  // Only people of a reachable partner zone can have one: the others skip the subquery.
  sql<VisibilityReason[]>`CASE WHEN ${sql.ref(person.zoneId)} = ANY(${partnerZoneIds(scope)}::uuid[]) THEN coalesce((
    SELECT jsonb_agg(jsonb_build_object('kind', v.kind, 'domain', v.domain_code) ORDER BY v.domain_code, v.kind)
      FROM (SELECT DISTINCT r.kind, r.domain_code ${reasonsOf(scope, person)}) v), '[]'::jsonb) ELSE '[]'::jsonb END`

/** A reason to write, in the caller's transaction; the period is of Brussels dates, `to` inclusive (null: open). */
export interface NewReason {
  personId: string
  ownerZoneId: string
  /** The one zone it opens to; null: every zone with which an agreement in force lists the domain. */
  partnerZoneId: string | null
  domain: string
  kind: KnownReasonKind | (string & {})
  /** The feature's row that caused it, e.g. { table: 'rotations', id }; null for a designation that is its own record. */
  source: { table: string; id: string } | null
  from: string
  to: string | null
}

/** Writes reasons (a feature calls this in the transaction that creates them). Returns their ids. */
export async function addReasons(trx: Transaction<DB>, reasons: readonly NewReason[]): Promise<string[]> {
  if (reasons.length === 0) return []
  const rows = await trx
    .insertInto('visibility_reasons')
    .values(
      reasons.map((r) => ({
        person_id: r.personId,
        owner_zone_id: r.ownerZoneId,
        partner_zone_id: r.partnerZoneId,
        domain_code: r.domain,
        kind: r.kind,
        source_table: r.source?.table ?? null,
        source_id: r.source?.id ?? null,
        period: sql<string>`daterange(${r.from}::date, ${r.to}::date, '[]')`,
      })),
    )
    .returning('id')
    .execute()
  return rows.map((r) => r.id)
}

/** Removes the reasons a feature's row caused (with the row, in the same transaction). Returns how many. */
export async function removeReasonsOf(trx: Transaction<DB>, source: { table: string; id: string }): Promise<number> {
  const result = await trx
    .deleteFrom('visibility_reasons')
    .where('source_table', '=', source.table)
    .where('source_id', '=', source.id)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
