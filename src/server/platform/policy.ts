// The policy: the one place that decides who may see or do what. Pure functions of plain data:
// the actor (roles per zone, admin per association), the permission, the resource's zone, and the
// agreements in force at the moment of access ("grants"). Routes and services ask; they never decide.
//
// DESIGN.md §1, as built:
//   zones, municipalities, associations  public facts, always
//   agreements                           a party zone (agreements.read) or the association's admin
//   people                               own zone; a partner zone's person only while that person holds a
//                                        shared function in a domain in force between the two zones
//   association figures (aggregates)     a zone party to an agreement of that association in force, or admin
//   audit log                            the zone's own dpo; a shared dpo for the zones that share `dpo`
//   accounts and roles                   the korpschef of a zone the account belongs to; the admin of an
//                                        association for its member zones (today) and its admins
// Everything else: not visible, answered as 404 (never a hint that it exists).
import type { Locale, Role } from './schema.ts'

export type Permission =
  | 'agreements.read'
  | 'agreements.manage'
  | 'agreements.approve'
  | 'people.read'
  | 'figures.read'
  | 'audit.verify'
  | 'accounts.manage'

const READER: readonly Permission[] = ['agreements.read', 'people.read', 'figures.read']

/** Least privilege: what each role may do, within its own zone (admin: within its association). */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  korpschef: [...READER, 'agreements.manage', 'agreements.approve', 'accounts.manage'],
  planner: READER,
  officer: READER,
  logistics: READER,
  finance: READER,
  trainer: READER,
  dpo: [...READER, 'audit.verify'],
  admin: ['agreements.read', 'agreements.manage', 'agreements.approve', 'figures.read', 'accounts.manage'],
}

/** What a partner zone may see of a shared person: the qualifications the shared domain needs. */
export const DOMAIN_QUALIFICATIONS: Readonly<Record<string, readonly string[]>> = {
  'permanence.officer_of_duty': ['ogp', 'obp'],
  'permanence.shift_leader': ['ogp', 'obp'],
  'permanence.victim_support': ['victim_support'],
  'permanence.investigation': ['ogp'],
  assistance: ['priority_driving', 'drone_pilot'],
  informant_management: ['informant_handler'],
  training: ['firearms_instructor', 'first_aid'],
  equipment: ['drone_pilot'],
}

export interface ActorRole {
  role: Role
  zoneId: string | null
  associationId: string | null
}

export interface Actor {
  userId: string
  email: string
  displayName: string
  locale: Locale
  personId: string | null
  homeZoneId: string | null
  roles: readonly ActorRole[]
}

/** An agreement in force at the moment of access: its parties and its domains. */
export interface Grant {
  agreementId: string
  associationId: string
  zoneIds: readonly string[]
  domains: readonly string[]
}

export type Decision =
  | { allowed: true; basis: 'own' }
  | { allowed: true; basis: 'partner'; domain: string; agreementId: string }
  | { allowed: false }

const DENIED: Decision = { allowed: false }

export function hasPermissionAnywhere(actor: Actor, permission: Permission): boolean {
  return actor.roles.some((r) => ROLE_PERMISSIONS[r.role].includes(permission))
}

/** Zones in which the actor holds `permission` through a zone role. */
export function zonesWith(actor: Actor, permission: Permission): string[] {
  const zones = actor.roles
    .filter((r) => r.zoneId !== null && ROLE_PERMISSIONS[r.role].includes(permission))
    .map((r) => r.zoneId as string)
  return [...new Set(zones)]
}

/** Associations the actor administers with `permission`. */
export function adminAssociationsWith(actor: Actor, permission: Permission): string[] {
  return actor.roles
    .filter((r) => r.role === 'admin' && r.associationId !== null && ROLE_PERMISSIONS.admin.includes(permission))
    .map((r) => r.associationId as string)
}

/** Every (partner zone, domain, agreement) through which the actor's `permission` zones reach other zones. */
export function partnerReach(
  actor: Actor,
  permission: Permission,
  grants: readonly Grant[],
): { zoneId: string; domain: string; agreementId: string }[] {
  const own = new Set(zonesWith(actor, permission))
  const reach = new Map<string, { zoneId: string; domain: string; agreementId: string }>()
  for (const grant of grants) {
    if (!grant.zoneIds.some((z) => own.has(z))) continue
    for (const zoneId of grant.zoneIds) {
      if (own.has(zoneId)) continue
      for (const domain of grant.domains) {
        const key = `${zoneId}|${domain}`
        if (!reach.has(key)) reach.set(key, { zoneId, domain, agreementId: grant.agreementId })
      }
    }
  }
  return [...reach.values()]
}

/**
 * Access to data owned by `zoneId` under `domain`: own zone, or a partner zone through an agreement in
 * force that lists the domain for both zones.
 */
export function decideZoneAccess(
  actor: Actor,
  permission: Permission,
  resource: { zoneId: string; domains: readonly string[] },
  grants: readonly Grant[],
): Decision {
  if (zonesWith(actor, permission).includes(resource.zoneId)) return { allowed: true, basis: 'own' }
  const via = partnerReach(actor, permission, grants).find(
    (r) => r.zoneId === resource.zoneId && resource.domains.includes(r.domain),
  )
  return via ? { allowed: true, basis: 'partner', domain: via.domain, agreementId: via.agreementId } : DENIED
}

interface AgreementRef {
  associationId: string
  partyZoneIds: readonly string[]
}

const partyWith = (actor: Actor, permission: Permission, agreement: AgreementRef): boolean =>
  zonesWith(actor, permission).some((z) => agreement.partyZoneIds.includes(z)) ||
  adminAssociationsWith(actor, permission).includes(agreement.associationId)

/** Agreements are visible to their parties (any status), and to the association's admin. */
export const canSeeAgreement = (actor: Actor, agreement: AgreementRef): boolean =>
  partyWith(actor, 'agreements.read', agreement)

export const canManageAgreement = (actor: Actor, agreement: AgreementRef): boolean =>
  partyWith(actor, 'agreements.manage', agreement)

/** Creating an agreement: a korpschef of one of its future parties, or the association's admin. */
export const canCreateAgreement = canManageAgreement

/** Recording a council decision for a party zone: that zone's korpschef, or the association's admin. */
export function canRecordApproval(actor: Actor, agreement: AgreementRef, zoneId: string): boolean {
  return (
    zonesWith(actor, 'agreements.approve').includes(zoneId) ||
    adminAssociationsWith(actor, 'agreements.approve').includes(agreement.associationId)
  )
}

/** Aggregated figures of an association: a zone party to one of its agreements in force, or its admin. */
export function canSeeAssociationFigures(actor: Actor, associationId: string, grants: readonly Grant[]): boolean {
  if (adminAssociationsWith(actor, 'figures.read').includes(associationId)) return true
  const zones = new Set(zonesWith(actor, 'figures.read'))
  return grants.some((g) => g.associationId === associationId && g.zoneIds.some((z) => zones.has(z)))
}

/** Audit chains a DPO may verify: their own zone, and zones that share the `dpo` domain with it. */
export function auditZones(actor: Actor, grants: readonly Grant[]): string[] {
  const own = zonesWith(actor, 'audit.verify')
  const shared = partnerReach(actor, 'audit.verify', grants)
    .filter((r) => r.domain === 'dpo')
    .map((r) => r.zoneId)
  return [...new Set([...own, ...shared])]
}

/** The zones whose agreements-in-force matter for this actor (for loading grants). */
export function actorZones(actor: Actor): string[] {
  return [...new Set(actor.roles.map((r) => r.zoneId).filter((z): z is string => z !== null))]
}

// Accounts ----------------------------------------------------------------------------------------------------

/** Where an actor manages accounts: zones (their korpschef zones, and the member zones today of the
 *  associations they administer) and associations (for admin roles). */
export interface AccountScope {
  zoneIds: readonly string[]
  associationIds: readonly string[]
}

/** What the policy needs to know of an account: the zones and associations it belongs to. */
export interface AccountRef {
  userId: string
  /** Zones of its zone roles and of its linked person. */
  zoneIds: readonly string[]
  /** Associations it administers. */
  associationIds: readonly string[]
}

/** The actor's account scope; `memberships` are the zones that are members today of the actor's associations. */
export function accountScope(
  actor: Actor,
  memberships: readonly { associationId: string; zoneId: string }[],
): AccountScope {
  const associationIds = adminAssociationsWith(actor, 'accounts.manage')
  const memberZones = memberships.filter((m) => associationIds.includes(m.associationId)).map((m) => m.zoneId)
  return {
    zoneIds: [...new Set([...zonesWith(actor, 'accounts.manage'), ...memberZones])],
    associationIds: [...new Set(associationIds)],
  }
}

/** An account is visible when it belongs to one zone or association of the scope (otherwise: 404). */
export const canSeeAccount = (scope: AccountScope, account: AccountRef): boolean =>
  account.zoneIds.some((z) => scope.zoneIds.includes(z)) ||
  account.associationIds.some((a) => scope.associationIds.includes(a))

/**
 * Acting on the whole account (disable, enable, reset the password): only when every zone and association it
 * belongs to is in the scope. A korpschef thus cannot lock out an account another zone (or the admin) relies on.
 */
export const canManageAccountsOf = (scope: AccountScope, account: AccountRef): boolean =>
  canSeeAccount(scope, account) &&
  account.zoneIds.every((z) => scope.zoneIds.includes(z)) &&
  account.associationIds.every((a) => scope.associationIds.includes(a))

/** Granting or removing one role: a zone role within a zone of the scope; `admin` only by that association's admin. */
export function canAssignRole(
  scope: AccountScope,
  role: { role: Role; zoneId: string | null; associationId: string | null },
): boolean {
  if (role.role === 'admin') return role.associationId !== null && scope.associationIds.includes(role.associationId)
  return role.zoneId !== null && scope.zoneIds.includes(role.zoneId)
}
