// Who sees a briefing item (issue 11), pure. An item belongs to its author zone and is for its target zones; a
// reader sees it through a zone in which they hold `briefing.read`: the author zone, or a target zone that shares
// `briefing` with the author zone under an agreement in force today (decided at read time: when the agreement
// ends, the partner's view ends). A restricted item (personal data) additionally needs the reader's own person to
// be operational staff of such a zone (CALog staff and accounts without a person never see it), and is out of view
// for everyone once its validity ended (until the retention job purges it).

/** An agreement in force today: its parties and domains (a policy Grant). */
export interface GrantFacts {
  zoneIds: readonly string[]
  domains: readonly string[]
}

export interface Reader {
  /** Zones in which the reader holds `briefing.read` (zone roles). */
  zoneIds: readonly string[]
  /** The agreements in force today with one of those zones as party. */
  grants: readonly GrantFacts[]
  /** The reader's linked person, if any. */
  person: { zoneId: string; operational: boolean } | null
}

export interface ItemFacts {
  zoneId: string
  targetZoneIds: readonly string[]
  restricted: boolean
  /** End of validity (exclusive), epoch ms: the withdrawal, when the item was withdrawn earlier. */
  validTo: number
  /** A withdrawn item stays only in its author zone's lists (a restricted one: in nobody's). */
  withdrawn: boolean
}

export const DOMAIN = 'briefing'

/** True when two zones share `briefing` under an agreement in force (a zone always shares with itself). */
export const sharesBriefing = (grants: readonly GrantFacts[], a: string, b: string): boolean =>
  a === b || grants.some((g) => g.domains.includes(DOMAIN) && g.zoneIds.includes(a) && g.zoneIds.includes(b))

/** The zones through which the reader sees the item: the author zone first, then shared target zones. */
export function readingZones(reader: Reader, item: ItemFacts): string[] {
  const zones = reader.zoneIds.includes(item.zoneId) ? [item.zoneId] : []
  for (const z of item.targetZoneIds)
    if (z !== item.zoneId && reader.zoneIds.includes(z) && sharesBriefing(reader.grants, z, item.zoneId)) zones.push(z)
  return zones
}

/** True when the reader's person is operational staff of a zone through which they see the item. */
export const mayReadRestricted = (reader: Reader, item: ItemFacts): boolean =>
  reader.person !== null && reader.person.operational && readingZones(reader, item).includes(reader.person.zoneId)

/** Whether the item exists for the reader at all (else: 404, no hint). */
export function canSee(reader: Reader, item: ItemFacts, now: number): boolean {
  const zones = readingZones(reader, item)
  if (zones.length === 0 || (item.withdrawn && !zones.includes(item.zoneId))) return false
  if (!item.restricted) return true
  return now < item.validTo && mayReadRestricted(reader, item)
}

/** A target zone an author zone may address: itself, or a partner sharing `briefing` in force today. */
export const mayTarget = (grants: readonly GrantFacts[], authorZoneId: string, targetZoneId: string): boolean =>
  sharesBriefing(grants, authorZoneId, targetZoneId)

/** Whether a person of `zoneId` (of `teamId`) is among an item's addressees: the zone with no teams named, or
 *  one of its named teams. */
export function addressed(
  targets: readonly { zoneId: string; teamId: string | null }[],
  zoneId: string,
  teamId: string | null,
): boolean {
  const ofZone = targets.filter((t) => t.zoneId === zoneId)
  if (ofZone.length === 0) return false
  if (ofZone.some((t) => t.teamId === null)) return true
  return teamId !== null && ofZone.some((t) => t.teamId === teamId)
}
