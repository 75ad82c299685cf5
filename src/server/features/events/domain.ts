// Who may receive a bus event, decided at delivery time from the actor and the agreements in force now.
// Pure: the stream (service.ts) loads the grants and re-evaluates them every few seconds.
import { actorZones, type Actor, type Grant } from '../../platform/policy.ts'

/** What the policy reads of an event: its scope (outbox.ts). */
export interface EventScope {
  zoneId: string | null
  associationId: string | null
  domain: string | null
  /** Addressed to one user (a notification): that user only, and nobody else whatever the other scope. */
  userId: string | null
}

const administered = (actor: Actor): string[] =>
  actor.roles.filter((r) => r.role === 'admin' && r.associationId !== null).map((r) => r.associationId as string)

/**
 * An event of a zone reaches that zone's own users; a partner zone's user only through an agreement in force
 * that lists the event's domain for both zones (and belongs to the event's association, when it names one);
 * the administrator of the event's association. An association-wide event (no zone) reaches its
 * administrator and the zones party to one of its agreements in force (listing the domain, when it has one).
 * An event without zone or association reaches nobody: broadcasting is never a default. An event addressed
 * to a user (a notification) reaches that user's streams only: no role, zone or agreement widens it.
 */
export function mayReceive(actor: Actor, event: EventScope, grants: readonly Grant[]): boolean {
  if (event.userId !== null) return event.userId === actor.userId
  const own = new Set(actorZones(actor))
  if (event.associationId !== null && administered(actor).includes(event.associationId)) return true
  const ofAssociation = (g: Grant) => event.associationId === null || g.associationId === event.associationId
  const mine = (g: Grant) => g.zoneIds.some((z) => own.has(z))
  if (event.zoneId !== null) {
    if (own.has(event.zoneId)) return true
    const { zoneId, domain } = event
    if (domain === null) return false
    return grants.some((g) => ofAssociation(g) && mine(g) && g.zoneIds.includes(zoneId) && g.domains.includes(domain))
  }
  if (event.associationId === null) return false
  return grants.some(
    (g) =>
      g.associationId === event.associationId && mine(g) && (event.domain === null || g.domains.includes(event.domain)),
  )
}
