// Who is designated for which shared domain, and the demo accounts. Both are derived from the generated
// people, so that an account's person really has the rank or qualification its role suggests.
import { ZONE_ROLES, type DomainCode, type ZoneRole } from '../platform/enums.ts'
import { hasQualification, qualificationDate } from './people.ts'
import type { DemoAccount, DemoAgreement, DemoPerson, DemoSharedFunction } from './types.ts'

export const DEMO_PASSWORD = 'verbond-demo'
export const DEMO_ADMIN_EMAIL = 'admin@demo.verbond.be'

export { ZONE_ROLES }

export const demoAccountEmail = (role: ZoneRole, zoneCode: string): string => `${role}.${zoneCode}@demo.verbond.be`

/** WVL4 shares one DPO (the protocol's "informatieveiligheidsconsulent / DPO"): a CALog A of this zone. */
export const SHARED_DPO_ZONE: Readonly<Record<string, string>> = { wvl4: '5453' }

const byEmployeeNumber = (a: DemoPerson, b: DemoPerson): number => a.employeeNumber.localeCompare(b.employeeNumber)

export function sharedDpo(people: readonly DemoPerson[], zoneCode: string): DemoPerson {
  const dpo = people.filter((p) => p.zoneCode === zoneCode && p.calogLevel === 'A').sort(byEmployeeNumber)[0]
  if (!dpo) throw new Error(`zone ${zoneCode} has no CALog A person to act as shared DPO`)
  return dpo
}

/**
 * For each domain people can be designated for: from which date a person qualifies, or null if they do not.
 * Officer of duty: a commissaris, or a hoofdinspecteur with OBP (DOMAIN.md, roles and qualifications).
 */
const DESIGNATION: Readonly<Partial<Record<DomainCode, (p: DemoPerson) => string | null>>> = {
  'permanence.officer_of_duty': (p) =>
    p.rank === 'commissaris' ? p.employedFrom : p.rank === 'hoofdinspecteur' ? qualificationDate(p, 'obp') : null,
  'permanence.shift_leader': (p) => (p.rank === 'hoofdinspecteur' ? p.employedFrom : null),
  'permanence.victim_support': (p) => qualificationDate(p, 'victim_support'),
  informant_management: (p) => qualificationDate(p, 'informant_handler'),
  training: (p) => qualificationDate(p, 'firearms_instructor'),
  // Drones are lent with their pilot.
  equipment: (p) => qualificationDate(p, 'drone_pilot'),
}

const laterOf = (a: string, b: string): string => (a > b ? a : b)

/** Designations under every agreement in force: valid from the agreement's start or from when the person qualified. */
export function sharedFunctions(
  agreements: readonly DemoAgreement[],
  people: readonly DemoPerson[],
): DemoSharedFunction[] {
  const out: DemoSharedFunction[] = []
  const seen = new Set<string>()
  const add = (person: DemoPerson, associationCode: string, domainCode: DomainCode, validFrom: string): void => {
    // The database allows one open designation per person and domain.
    const key = `${person.zoneCode}|${person.employeeNumber}|${domainCode}`
    if (seen.has(key)) return
    seen.add(key)
    out.push({
      zoneCode: person.zoneCode,
      employeeNumber: person.employeeNumber,
      associationCode,
      domainCode,
      validFrom,
    })
  }
  for (const agreement of agreements) {
    if (agreement.status !== 'in_force' || agreement.effectiveFrom === null) continue
    const start = agreement.effectiveFrom
    const partyPeople = people.filter((p) => agreement.parties.includes(p.zoneCode))
    for (const domain of agreement.domains) {
      const qualifiesFrom = DESIGNATION[domain]
      if (qualifiesFrom) {
        for (const person of partyPeople) {
          const from = qualifiesFrom(person)
          if (from !== null)
            add(person, agreement.associationCode, domain, laterOf(start, laterOf(from, person.employedFrom)))
        }
      }
      const dpoZone = SHARED_DPO_ZONE[agreement.associationCode]
      if (domain === 'dpo' && dpoZone) {
        const dpo = sharedDpo(people, dpoZone)
        add(dpo, agreement.associationCode, domain, laterOf(start, dpo.employedFrom))
      }
    }
  }
  return out
}

type Accept = (p: DemoPerson) => boolean

/** Who stands behind each zone account; the first choice that is free wins, then the fallback. */
const ACCOUNT_PERSON: Readonly<Record<ZoneRole, readonly Accept[]>> = {
  korpschef: [(p) => p.isKorpschef],
  dpo: [(p) => p.calogLevel === 'A', (p) => p.staffKind === 'calog'],
  trainer: [(p) => hasQualification(p, 'firearms_instructor')],
  planner: [(p) => p.rank === 'hoofdinspecteur' && hasQualification(p, 'obp'), (p) => p.rank === 'hoofdinspecteur'],
  officer: [(p) => p.rank === 'inspecteur'],
  finance: [(p) => p.calogLevel === 'B', (p) => p.staffKind === 'calog'],
  logistics: [(p) => p.calogLevel === 'C' || p.calogLevel === 'D', (p) => p.staffKind === 'calog'],
}

/** Scarce choices first, so that a small corps (Voeren) still has a distinct person for each role. */
const ASSIGNMENT_ORDER: readonly ZoneRole[] = [
  'korpschef',
  'dpo',
  'trainer',
  'planner',
  'officer',
  'finance',
  'logistics',
]

function zoneAccountPeople(
  zoneCode: string,
  zonePeople: readonly DemoPerson[],
  preset: Partial<Record<ZoneRole, DemoPerson>>,
): Record<ZoneRole, DemoPerson> {
  const sorted = [...zonePeople].sort(byEmployeeNumber)
  const taken = new Set<string>(Object.values(preset).map((p) => p.employeeNumber))
  const chosen: Partial<Record<ZoneRole, DemoPerson>> = { ...preset }
  for (const role of ASSIGNMENT_ORDER) {
    if (chosen[role]) continue
    const person = ACCOUNT_PERSON[role]
      .map((accept) => sorted.find((p) => !taken.has(p.employeeNumber) && accept(p)))
      .find((p) => p !== undefined)
    if (!person) throw new Error(`zone ${zoneCode}: nobody left for the ${role} account`)
    taken.add(person.employeeNumber)
    chosen[role] = person
  }
  return chosen as Record<ZoneRole, DemoPerson>
}

export function demoAccounts(
  zoneCodes: readonly string[],
  associationCodes: readonly string[],
  people: readonly DemoPerson[],
): DemoAccount[] {
  const admin: DemoAccount = {
    email: DEMO_ADMIN_EMAIL,
    displayName: 'Beheerder (demo)',
    locale: 'nl',
    person: null,
    roles: associationCodes.map((associationCode) => ({ role: 'admin', zoneCode: null, associationCode })),
  }
  // The shared DPO's own zone account is the shared DPO: one person, one login.
  const sharedDpos = new Map(Object.values(SHARED_DPO_ZONE).map((zoneCode) => [zoneCode, sharedDpo(people, zoneCode)]))
  const zoneAccounts = zoneCodes.flatMap((zoneCode) => {
    const dpo = sharedDpos.get(zoneCode)
    const chosen = zoneAccountPeople(
      zoneCode,
      people.filter((p) => p.zoneCode === zoneCode),
      dpo ? { dpo } : {},
    )
    return ZONE_ROLES.map((role): DemoAccount => {
      const person = chosen[role]
      return {
        email: demoAccountEmail(role, zoneCode),
        displayName: `${person.firstName} ${person.lastName}`,
        locale: 'nl',
        person: { zoneCode, employeeNumber: person.employeeNumber },
        roles: [{ role, zoneCode, associationCode: null }],
      }
    })
  })
  return [admin, ...zoneAccounts]
}
