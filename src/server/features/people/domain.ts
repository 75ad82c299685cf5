// What a reader sees of a person: everything for their own zone; for a partner zone only name, zone,
// rank, work phone and the qualifications the sharing domain needs (DESIGN.md §1).
import { DOMAIN_QUALIFICATIONS } from '../../platform/policy.ts'
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
      employeeNumber: row.employee_number,
      workEmail: row.work_email,
      fte: row.fte,
    }
  }
  const needed = new Set(row.shared_via.flatMap((d) => DOMAIN_QUALIFICATIONS[d] ?? []))
  return {
    ...common,
    qualifications: row.qualifications.filter((q) => needed.has(q)),
    visibility: 'partner',
    sharedVia: row.shared_via,
  }
}

/** The cooperation domains whose partner view shows a qualification (DOMAIN_QUALIFICATIONS read backwards). */
export function domainsShowing(qualification: string): string[] {
  return Object.entries(DOMAIN_QUALIFICATIONS)
    .filter(([, codes]) => codes.includes(qualification))
    .map(([domain]) => domain)
}

export interface CrossZoneRead {
  zoneId: string
  /** Every domain that allowed the read (sorted); the audit row's `domain` column holds the first. */
  domains: string[]
  personIds: string[]
}

/**
 * One audit entry per (owner zone, set of allowing domains) for the partner people a read returned. A person
 * shared through several domains is seen because of all of them, so the entry names all of them.
 */
export function crossZoneReads(people: readonly Person[]): CrossZoneRead[] {
  const groups = new Map<string, CrossZoneRead>()
  for (const p of people) {
    if (p.visibility !== 'partner') continue
    const domains = p.sharedVia.length ? [...p.sharedVia].sort() : ['unknown']
    const key = `${p.zoneId}|${domains.join(',')}`
    const group = groups.get(key) ?? { zoneId: p.zoneId, domains, personIds: [] }
    group.personIds.push(p.id)
    groups.set(key, group)
  }
  return [...groups.values()]
}
