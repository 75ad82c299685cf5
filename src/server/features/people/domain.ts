// What a reader sees of a person: everything for their own zone; for a partner zone only name, zone,
// rank, work phone and the qualifications the sharing domain needs (DESIGN.md §1).
import { DOMAIN_QUALIFICATIONS } from '../../platform/policy.ts'
import type { VisibilityReason } from '../../platform/visibility.ts'
import type { PersonRow } from './repository.ts'
import type { Person } from './schema.ts'

export function presentPerson(row: PersonRow, ownZoneIds: readonly string[]): Person {
  const common = {
    id: row.id,
    zoneId: row.zone_id,
    zoneCode: row.zone_code,
    zoneName: row.zone_name,
    firstName: row.first_name,
    lastName: row.last_name,
    staffKind: row.staff_kind,
    rank: row.rank,
    calogLevel: row.calog_level,
    workPhone: row.work_phone,
  }
  if (ownZoneIds.includes(row.zone_id)) {
    return {
      ...common,
      qualifications: row.qualifications,
      visibility: 'own',
      sharedVia: [],
      reasons: [],
      employeeNumber: row.employee_number,
      workEmail: row.work_email,
      fte: row.fte,
    }
  }
  const domains = reasonDomains(row.reasons)
  const needed = new Set(domains.flatMap((d) => DOMAIN_QUALIFICATIONS[d] ?? []))
  return {
    ...common,
    qualifications: row.qualifications.filter((q) => needed.has(q)),
    visibility: 'partner',
    sharedVia: domains,
    reasons: row.reasons,
  }
}

/** The cooperation domains whose partner view shows a qualification (DOMAIN_QUALIFICATIONS read backwards). */
export function domainsShowing(qualification: string): string[] {
  return Object.entries(DOMAIN_QUALIFICATIONS)
    .filter(([, codes]) => codes.includes(qualification))
    .map(([domain]) => domain)
}

/** The distinct domains of a person's reasons, sorted. */
export const reasonDomains = (reasons: readonly VisibilityReason[]): string[] =>
  [...new Set(reasons.map((r) => r.domain))].sort()

export interface CrossZoneRead {
  zoneId: string
  /** Every reason that allowed the read (kind + domain, sorted by domain then kind). */
  reasons: VisibilityReason[]
  personIds: string[]
}

/**
 * One audit entry per (owner zone, set of reasons) for the partner people a read returned. A person seen for
 * several reasons is seen because of all of them, so the entry names all of them.
 */
export function crossZoneReads(people: readonly Person[]): CrossZoneRead[] {
  const groups = new Map<string, CrossZoneRead>()
  for (const p of people) {
    if (p.visibility !== 'partner') continue
    const key = JSON.stringify([p.zoneId, p.reasons])
    const group = groups.get(key) ?? { zoneId: p.zoneId, reasons: p.reasons, personIds: [] }
    group.personIds.push(p.id)
    groups.set(key, group)
  }
  return [...groups.values()]
}
