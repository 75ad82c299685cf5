// The policy's engine: a rule's scope for one actor (what a list query needs) and the decision on one object,
// both read from the rule's row of POLICY (platform/policy.ts). Pure, except scope()/decide(), which take the
// facts they need from the request's policy context (policy/context.ts), loaded once.
import { roleHolds, ruleRow, type Actor, type Grant, type Membership, type Rule } from '../policy.ts'
import { visibilityScope, type ReasonReach, type VisibilityScope } from '../visibility.ts'
import type { PolicyContext } from './context.ts'

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
  /** The person it belongs to (reach `self`: the actor's own person's records, e.g. their leave). */
  personId?: string
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
  /** The zones in which the actor holds the rule through a zone role. */
  ownZoneIds: string[]
  /** Every zone whose objects are in reach as such: own zones, plus member zones for `members`. */
  zoneIds: string[]
  /** Associations the actor administers with this rule. */
  associationIds: string[]
  /** For `members`: the member zones today of those associations. */
  memberships: Membership[]
  /** For `partner`: every (own zone, partner zone, domain) of the agreements in force (named domains only). */
  reach: ReasonReach[]
  /** Agreements in force with an own zone as party (partner and in-force paths). */
  grants: Grant[]
}

export const needsGrants = (rule: Rule): boolean => {
  const { reach } = ruleRow(rule)
  return reach.partner !== undefined || reach.inForce === true
}
export const needsMemberships = (rule: Rule): boolean => ruleRow(rule).reach.members === true

/** The scope of `rule` for the actor of `facts`; pure. */
export function scopeFrom(facts: PolicyFacts, rule: Rule): Scope {
  const { reach } = ruleRow(rule)
  const { actor } = facts
  const held = actor.roles.filter((r) => roleHolds(r.role, rule))
  // With a role list, a zone is in reach only through one of those roles (the other holders: `self` only).
  const zoneRoles = Array.isArray(reach.zone) ? (reach.zone as readonly string[]) : null
  const reaching = (role: string) => role !== 'admin' && (zoneRoles === null || zoneRoles.includes(role))
  const own = [...new Set(held.flatMap((r) => (reaching(r.role) && r.zoneId !== null ? [r.zoneId] : [])))]
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
    // Own zones reach their objects only when the row says `zone` (else they serve the partner paths only).
    zoneIds: [...new Set([...(reach.zone ? own : []), ...memberships.map((m) => m.zoneId)])],
    associationIds,
    memberships,
    reach: named ? partnerReach.filter((r) => named.includes(r.domain)) : partnerReach,
    grants,
  }
}

/** How the scope reaches one zone of a target: own zone, member zone of an administered association, partner. */
function reachZone(scope: Scope, zoneId: string, target: Target): Decision {
  if (ruleRow(scope.rule).reach.zone && scope.ownZoneIds.includes(zoneId)) return { allowed: true, basis: 'own' }
  const member = scope.memberships.find((m) => m.zoneId === zoneId)
  if (member) return { allowed: true, basis: 'admin', associationId: member.associationId }
  const { partner } = ruleRow(scope.rule).reach
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
  if (!ruleRow(scope.rule).reach.inForce || (target.zoneIds ?? []).length > 0) return DENIED
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
  const { who, reach, every } = ruleRow(scope.rule)
  if (who === 'anyone') return { allowed: true, basis: 'public' }
  const { actor } = scope
  const mine =
    (target.userId !== undefined && target.userId === actor.userId) ||
    (target.personId !== undefined && actor.personId !== null && target.personId === actor.personId)
  if (reach.self && mine) return { allowed: true, basis: 'self' }
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
