// Pure rules of the audit log as the DPO reads it: which part of a partner zone's chain a shared DPO may
// read, Brussels days as instants, and the reasons (domains) an event names.
import { Temporal } from 'temporal-polyfill'
import type { DomainPeriod } from '../../platform/grants.ts'
import { dayBefore, TIME_ZONE } from '../../platform/time.ts'

/** The chains a DPO reads: their own zones' whole chains, and partner chains from a moment on. */
export interface AuditScope {
  ownZoneIds: string[]
  /** Partner zones sharing `dpo`, each readable from `since` (the start of the sharing now in force). */
  partners: { zoneId: string; since: Date }[]
}

export const scopeZoneIds = (scope: AuditScope): string[] => [
  ...scope.ownZoneIds,
  ...scope.partners.map((p) => p.zoneId),
]

const covers = (p: DomainPeriod, date: string) => p.from <= date && (p.to === null || p.to >= date)

/**
 * Since which date `partnerZone` has shared the domain of `periods` with one of `ownZoneIds` without a break,
 * up to `today`: the start of the unbroken run of agreement periods (both zones party) that covers today.
 * An agreement that ended and was followed the next day by another counts as one run. Null: not shared today.
 */
export function sharedSince(
  periods: readonly DomainPeriod[],
  ownZoneIds: readonly string[],
  partnerZone: string,
  today: string,
): string | null {
  const between = periods.filter(
    (p) => p.zoneIds.includes(partnerZone) && p.zoneIds.some((z) => z !== partnerZone && ownZoneIds.includes(z)),
  )
  const current = between.filter((p) => covers(p, today))
  if (current.length === 0) return null
  let start = current.map((p) => p.from).sort()[0] as string
  for (;;) {
    const dayBeforeStart = dayBefore(start)
    const earlier = between.filter((p) => p.from < start && (p.to === null || p.to >= dayBeforeStart))
    if (earlier.length === 0) return start
    start = earlier.map((p) => p.from).sort()[0] as string
  }
}

/** 00:00 in Brussels on a calendar date, as an instant (DST-correct). */
export function brusselsDayStart(date: string): Date {
  return new Date(Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: TIME_ZONE }).epochMilliseconds)
}

/** The instants [from 00:00, day after `to` 00:00) of a range of Brussels dates; either end may be open. */
export function brusselsRange(from: string | undefined, to: string | undefined): { from?: Date; before?: Date } {
  return {
    ...(from ? { from: brusselsDayStart(from) } : {}),
    ...(to ? { before: brusselsDayStart(Temporal.PlainDate.from(to).add({ days: 1 }).toString()) } : {}),
  }
}

/** dd/mm/yyyy HH:MM:SS in Brussels: what a Belgian reader (and Excel set to nl-BE/fr-BE) expects. */
export function belgianDateTime(at: Date): string {
  const z = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(TIME_ZONE)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${two(z.day)}/${two(z.month)}/${z.year} ${two(z.hour)}:${two(z.minute)}:${two(z.second)}`
}

/** Every reason an event names: all allowing domains of a cross-zone read (details.domains), else its domain. */
export function eventDomains(domain: string | null, details: Record<string, unknown>): string[] {
  const listed = details.domains
  if (Array.isArray(listed) && listed.every((d) => typeof d === 'string') && listed.length > 0) return listed
  return domain ? [domain] : []
}

/** The person ids an event is about: its object (a person) and the people of a list read. */
export function eventPersonIds(objectType: string | null, objectId: string | null, details: Record<string, unknown>) {
  const listed = Array.isArray(details.personIds)
    ? details.personIds.filter((id): id is string => typeof id === 'string')
    : []
  return objectType === 'person' && objectId && !listed.includes(objectId) ? [objectId, ...listed] : listed
}
