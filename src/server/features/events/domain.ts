// Who may receive a bus event: the policy's rule `events.stream` (platform/policy.ts), decided at delivery time
// from the actor and the agreements in force now. Pure: the stream (service.ts) computes the scope when it
// re-reads session and grants, every few seconds.
import { decideIn, scopeFrom, type Actor, type Grant, type Scope, type Target } from '../../platform/policy.ts'

/** What the policy reads of an event: its scope (outbox.ts). */
export interface EventScope {
  zoneId: string | null
  associationId: string | null
  domain: string | null
  /** Addressed to one user (a notification): that user only, and nobody else whatever the other scope. */
  userId: string | null
  /** board (issue 8): `payload.coveredZoneIds` narrows an event to the zones it concerns (coveredZones). */
  payload?: Record<string, unknown>
}

/** An event for the policy: it belongs to its zone and its association, under its domain. */
export const eventTarget = (event: EventScope): Target => ({
  zoneIds: event.zoneId === null ? [] : [event.zoneId],
  associationIds: event.associationId === null ? [] : [event.associationId],
  domains: event.domain === null ? [] : [event.domain],
})

/**
 * An event of a zone reaches that zone's own users; a partner zone's user only through an agreement in force
 * that lists the event's domain for both zones (and belongs to the event's association, when it names one);
 * the administrator of the event's association. An association-wide event (no zone) reaches its
 * administrator and the zones party to one of its agreements in force (listing the domain, when it has one).
 * An event without zone or association reaches nobody: broadcasting is never a default. An event addressed
 * to a user (a notification) reaches that user's streams only: no role, zone or agreement widens it.
 */
export const receives = (scope: Scope, event: EventScope): boolean => {
  if (event.userId !== null) return event.userId === scope.actor.userId
  const covered = coveredZones(event)
  if (covered) return reachesCovered(scope.actor, covered, event.associationId)
  return decideIn(scope, eventTarget(event)).allowed
}

/** The same, from the actor and the agreements in force. */
export const mayReceive = (actor: Actor, event: EventScope, grants: readonly Grant[]): boolean =>
  receives(scopeFrom({ actor, date: '', grants, memberships: [] }, 'events.stream'), event)

// board (issue 8)
/**
 * The zones an event is about when it says so (`payload.coveredZoneIds`: a rotation's covered zones, on
 * `roster.published` / `duty.changed`), else null. Such an event reaches exactly those who may read the rotation
 * (rule rotation.read): any role of a covered zone, and the administrator of the event's association — not a
 * partner zone outside the rotation that happens to share the domain with its first zone.
 */
export function coveredZones(event: EventScope): string[] | null {
  const ids = event.payload?.['coveredZoneIds']
  return Array.isArray(ids) && ids.every((id) => typeof id === 'string') ? ids : null
}

const reachesCovered = (actor: Actor, covered: readonly string[], associationId: string | null): boolean =>
  actor.roles.some((r) =>
    r.role === 'admin'
      ? associationId !== null && r.associationId === associationId
      : r.zoneId !== null && covered.includes(r.zoneId),
  )
