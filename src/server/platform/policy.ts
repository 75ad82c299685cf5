// The policy: ONE declarative table (POLICY) says who may see or do what, and how far it reaches; `decide()`
// answers for one object, `scope()` gives what a list query needs. Routes declare their rule
// (`config: { policy: 'agreement.read' }`), the hook of policy/http.ts answers 401/403 from the table, and
// services decide with the request's context (policy/context.ts: the actor, and the agreements in force
// loaded once per request). Nothing is decided by association membership alone.
//
// DESIGN.md §1, as built (the `doc` of each row says the same):
//   public            zones, municipalities, associations, domain catalogue, health: always, also anonymous
//   self              one's own session, profile and password: any signed-in user
//   events.stream     live events: own zone; a partner's under a domain in force; association-wide ones
//   agreement.read    agreements: any role of a party zone; the association's admin
//   agreement.manage  create, edit, move an agreement: korpschef of a party; the association's admin
//   agreement.approve a council decision for a party zone: its korpschef; the admin on the zone's behalf
//   person.read       own zone; a partner's person only through a visibility reason under a domain in force
//   figures.read      association figures: a zone party to one of its agreements in force; its admin
//   audit.read        the audit log: the zone's dpo; a shared dpo for the zones that share `dpo`
//   account.manage    accounts and roles: korpschef of a zone the account belongs to; the admin for the
//                     member zones (today) and the admins of the association
//   account.control   disable, enable, reset an account: only when EVERY zone and association it belongs to
//                     is in reach
// Everything else: not visible, answered as 404 (never a hint that it exists).
import type { Locale, Role } from './schema.ts'
import type { PolicyContext } from './policy/context.ts'
import { visibilityScope, type VisibilityScope } from './visibility.ts'

export const ZONE_ROLES = ['korpschef', 'planner', 'officer', 'logistics', 'finance', 'trainer', 'dpo'] as const

/** One row of the table. */
export interface RuleRow {
  /**
   * Who holds the rule: nobody needs to ('anyone'), any signed-in user ('signedIn': every role counts), or the
   * listed zone roles (within their zone) and, when `admin`, an association's admin (within its association:
   * its own objects, e.g. agreements, events, figures, admin accounts). Anyone else: 403.
   */
  who: 'anyone' | 'signedIn' | { zoneRoles: readonly Role[]; admin: boolean }
  /** How far a holder reaches, beyond an admin's association. Outside the reach: 404. */
  reach: {
    /** The actor's own account and session. */
    self?: true
    /** Objects of a zone in which the actor holds the rule (an agreement belongs to each party zone). */
    zone?: true
    /** Objects of a partner zone, through an agreement in force (with an own zone as party) that lists the
     *  object's domain ('object') or one of these named domains. */
    partner?: 'object' | readonly string[]
    /** Association-wide objects (no zone): zones party to an agreement in force of that association (listing
     *  one of the object's domains, when it names any). */
    inForce?: true
    /** Admin: objects of the zones that are members today of the administered association. */
    members?: true
  }
  /** Objects with several zones and associations (an account): in reach only when EVERY one of them is. */
  every?: true
  /** The object is first looked up through this rule (not visible: 404); visible but out of this rule's
   *  reach: 403, the caller knows it exists. Without it, out of reach is 404. */
  seenThrough?: string
  /** One line, mirroring DESIGN.md §1. */
  doc: string
}

const KORPSCHEF_OR_ADMIN = { zoneRoles: ['korpschef'], admin: true } as const

export const POLICY = {
  public: {
    who: 'anyone',
    reach: {},
    doc: 'Zones, municipalities, associations, the domain catalogue, health: public facts, also without a session.',
  },
  self: {
    who: 'signedIn',
    reach: { self: true },
    doc: "One's own session, profile and password.",
  },
  'events.stream': {
    who: 'signedIn',
    reach: { zone: true, partner: 'object', inForce: true },
    doc: "Live events: own zone's; a partner zone's under a domain an agreement in force lists for both (of the event's association); association-wide ones for its admin and for zones party to one of its agreements in force.",
  },
  'agreement.read': {
    who: { zoneRoles: ZONE_ROLES, admin: true },
    reach: { zone: true },
    doc: "Agreements (parties, domains, approvals, key figures): any role of a party zone; the association's admin.",
  },
  'agreement.manage': {
    who: KORPSCHEF_OR_ADMIN,
    reach: { zone: true },
    seenThrough: 'agreement.read',
    doc: "Create, edit and move an agreement: the korpschef of a party zone; the association's admin.",
  },
  'agreement.approve': {
    who: KORPSCHEF_OR_ADMIN,
    reach: { zone: true },
    seenThrough: 'agreement.read',
    doc: "Record a council's decision for a party zone: that zone's korpschef; the association's admin on its behalf.",
  },
  'person.read': {
    who: { zoneRoles: ZONE_ROLES, admin: false },
    reach: { zone: true, partner: 'object' },
    doc: "A person: own zone, the full record; a partner zone's person only through a visibility reason whose domain an agreement in force lists for both zones, and then limited fields.",
  },
  'figures.read': {
    who: { zoneRoles: ZONE_ROLES, admin: true },
    reach: { inForce: true },
    doc: "Association figures: a zone party to one of the association's agreements in force; its admin.",
  },
  'audit.read': {
    who: { zoneRoles: ['dpo'], admin: false },
    reach: { zone: true, partner: ['dpo'] },
    doc: 'The audit log and its verification: the zone’s dpo; a shared dpo for the zones that share the `dpo` domain (their events from the start of that sharing).',
  },
  'account.manage': {
    who: KORPSCHEF_OR_ADMIN,
    reach: { zone: true, members: true },
    doc: "Accounts and their roles: the korpschef of a zone the account belongs to; the association's admin for its member zones today and its admins. A role is given only in reach; `admin` only by that association's admin.",
  },
  'account.control': {
    who: KORPSCHEF_OR_ADMIN,
    reach: { zone: true, members: true },
    every: true,
    seenThrough: 'account.manage',
    doc: 'Disable, enable, reset an account: only when every zone and association it belongs to is in reach (no locking out an account another zone relies on).',
  },
} as const satisfies Record<string, RuleRow>

export type Rule = keyof typeof POLICY
export const RULES = Object.keys(POLICY) as Rule[]
export const isRule = (name: unknown): name is Rule => typeof name === 'string' && Object.hasOwn(POLICY, name)
const row = (rule: Rule): RuleRow => POLICY[rule]

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

/** A zone that is a member of an association on the day of access. */
export interface Membership {
  associationId: string
  zoneId: string
}

/** True when the role holds the rule (a zone role in its zone, admin in its association). */
export function roleHolds(role: Role, rule: Rule): boolean {
  const { who } = row(rule)
  if (who === 'anyone' || who === 'signedIn') return true
  return role === 'admin' ? who.admin : who.zoneRoles.includes(role)
}

/** The route-level question: 401 without an actor (unless public), 403 when no role of the actor holds it. */
export function holds(actor: Actor | null, rule: Rule): boolean {
  const { who } = row(rule)
  if (who === 'anyone') return true
  if (!actor) return false
  return who === 'signedIn' || actor.roles.some((r) => roleHolds(r.role, rule))
}

/** The zones of the actor's zone roles: the agreements in force of these are the request's grants. */
export function actorZones(actor: Actor): string[] {
  return [...new Set(actor.roles.map((r) => r.zoneId).filter((z): z is string => z !== null))]
}

/** What one object is, for the policy. Every field is optional; each reach path reads the ones it needs. */
export interface Target {
  /** The zones it belongs to: a person's or an audit chain's zone, an agreement's parties, an account's zones. */
  zoneIds?: readonly string[]
  /** The associations it belongs to: an agreement's, an event's; the associations an account administers. */
  associationIds?: readonly string[]
  /** The domains under which a partner may see it (reach `partner: 'object'` and `inForce`). */
  domains?: readonly string[]
  /** The user it is (reach `self`). */
  userId?: string
}

export type Decision =
  | { allowed: true; basis: 'public' | 'self' | 'own' }
  /** An admin, through its association (its own objects, or its member zones'). */
  | { allowed: true; basis: 'admin'; associationId: string }
  /** Through an agreement in force: a partner zone's object under `domain`, or an association-wide object. */
  | { allowed: true; basis: 'partner'; agreementId: string; domain: string | null }
  | { allowed: false }

const DENIED: Decision = { allowed: false }

/** The facts a decision needs: who asks, on which day, and (loaded only for rules that need them) the
 *  agreements in force and the member zones of the associations the actor administers. */
export interface PolicyFacts {
  actor: Actor
  date: string
  grants: readonly Grant[]
  memberships: readonly Membership[]
}

/**
 * A rule's reach for one actor: what a list query needs. It is a VisibilityScope (platform/visibility.ts), so
 * `personVisible(scope)` and friends work on `scope(ctx, 'person.read')`; `inScope` (policy/sql.ts) is the
 * condition for zone and association columns.
 */
export interface Scope extends VisibilityScope {
  rule: Rule
  actor: Actor
  /** ownZoneIds: the zones in which the actor holds the rule through a zone role. */
  /** Every zone whose objects are in reach as such: own zones, plus member zones for `members`. */
  zoneIds: string[]
  /** Associations the actor administers with this rule. */
  associationIds: string[]
  /** For `members`: the member zones today of those associations. */
  memberships: Membership[]
  /** reach: for `partner`, every (own zone, partner zone, domain) of the agreements in force. */
  /** Agreements in force with an own zone as party (partner and in-force paths). */
  grants: Grant[]
}

export const needsGrants = (rule: Rule): boolean => {
  const { reach } = row(rule)
  return reach.partner !== undefined || reach.inForce === true
}
export const needsMemberships = (rule: Rule): boolean => row(rule).reach.members === true

/** The scope of `rule` for the actor of `facts`; pure. */
export function scopeFrom(facts: PolicyFacts, rule: Rule): Scope {
  const { reach } = row(rule)
  const { actor } = facts
  const held = actor.roles.filter((r) => roleHolds(r.role, rule))
  const own = [...new Set(held.flatMap((r) => (r.role !== 'admin' && r.zoneId !== null ? [r.zoneId] : [])))]
  const associationIds = [
    ...new Set(held.flatMap((r) => (r.role === 'admin' && r.associationId !== null ? [r.associationId] : []))),
  ]
  const memberships = reach.members ? facts.memberships.filter((m) => associationIds.includes(m.associationId)) : []
  const grants = needsGrants(rule) ? facts.grants.filter((g) => g.zoneIds.some((z) => own.includes(z))) : []
  const partnerReach = reach.partner ? visibilityScope(own, grants, facts.date).reach : []
  const named = reach.partner === 'object' ? null : reach.partner
  return {
    rule,
    actor,
    date: facts.date,
    ownZoneIds: own,
    zoneIds: [...new Set([...own, ...memberships.map((m) => m.zoneId)])],
    associationIds,
    memberships,
    reach: named ? partnerReach.filter((r) => named.includes(r.domain)) : partnerReach,
    grants,
  }
}

/** How the scope reaches one zone of a target: own zone, member zone of an administered association, partner. */
function reachZone(scope: Scope, zoneId: string, target: Target): Decision {
  if (scope.ownZoneIds.includes(zoneId)) return { allowed: true, basis: 'own' }
  const member = scope.memberships.find((m) => m.zoneId === zoneId)
  if (member) return { allowed: true, basis: 'admin', associationId: member.associationId }
  const { partner } = row(scope.rule).reach
  if (!partner) return DENIED
  const domains = partner === 'object' ? (target.domains ?? []) : partner
  const associations = target.associationIds ?? []
  for (const g of scope.grants) {
    if (!g.zoneIds.includes(zoneId) || (associations.length > 0 && !associations.includes(g.associationId))) continue
    const domain = g.domains.find((d) => domains.includes(d))
    if (domain !== undefined) return { allowed: true, basis: 'partner', agreementId: g.agreementId, domain }
  }
  return DENIED
}

/** How the scope reaches one association of a target: its admin, or (in force) a party to one of its agreements. */
function reachAssociation(scope: Scope, associationId: string, target: Target): Decision {
  if (scope.associationIds.includes(associationId)) return { allowed: true, basis: 'admin', associationId }
  if (!row(scope.rule).reach.inForce || (target.zoneIds ?? []).length > 0) return DENIED
  const domains = target.domains ?? []
  for (const g of scope.grants) {
    if (g.associationId !== associationId) continue
    const domain = g.domains.find((d) => domains.includes(d)) ?? null
    if (domains.length === 0 || domain !== null)
      return { allowed: true, basis: 'partner', agreementId: g.agreementId, domain }
  }
  return DENIED
}

const rank = (d: Decision): number => (!d.allowed ? 9 : ['public', 'self', 'own', 'admin', 'partner'].indexOf(d.basis))

/**
 * The decision on one object, given the scope of its rule (pure). Allowed when one of its zones or
 * associations is in reach (with `every`: all of them); the basis is the closest path (own zone first).
 */
export function decideIn(scope: Scope, target: Target): Decision {
  const { who, reach, every } = row(scope.rule)
  if (who === 'anyone') return { allowed: true, basis: 'public' }
  if (reach.self && target.userId === scope.actor.userId) return { allowed: true, basis: 'self' }
  const paths = [
    ...(target.zoneIds ?? []).map((z) => reachZone(scope, z, target)),
    ...(target.associationIds ?? []).map((a) => reachAssociation(scope, a, target)),
  ]
  if (every && paths.some((d) => !d.allowed)) return DENIED
  return paths.sort((a, b) => rank(a) - rank(b))[0] ?? DENIED
}

/** The scope of `rule` for the request: loads the grants (or memberships) once, only when the rule needs them. */
export async function scope(ctx: PolicyContext, rule: Rule): Promise<Scope> {
  const [grants, memberships] = await Promise.all([
    needsGrants(rule) ? ctx.grants() : [],
    needsMemberships(rule) ? ctx.memberships() : [],
  ])
  return scopeFrom({ actor: ctx.actor, date: ctx.date, grants, memberships }, rule)
}

/** The decision on one object for the request. */
export async function decide(ctx: PolicyContext, rule: Rule, target: Target): Promise<Decision> {
  return decideIn(await scope(ctx, rule), target)
}
