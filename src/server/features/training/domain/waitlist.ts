// Training (issue 11): the waiting list of a session, as pure rules. Each zone has its own places and its own
// line: an enrolment takes a free place of its zone or waits; a freed place goes to the first of that zone's line
// (queued_at, then id: a stable order for enrolments queued in the same instant). Never to another zone's line:
// places are split by the agreement's key, and a zone's unused place stays its own.

/** One waiting enrolment: when it queued, and its id (the tie-break). */
export interface Waiting {
  id: string
  queuedAt: Date
}

/** A zone's standing in a session: its places, how many are enrolled, and who waits. */
export interface ZoneLine {
  zoneId: string
  places: number
  enrolled: number
  waiting: readonly Waiting[]
}

/** Queue order: earliest first, then by id. */
export const queueOrder = (a: Waiting, b: Waiting): number =>
  a.queuedAt.getTime() - b.queuedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** The free places of a zone (never negative: places may have been lowered to the enrolled count). */
export const freePlaces = (line: Pick<ZoneLine, 'places' | 'enrolled'>): number =>
  Math.max(0, line.places - line.enrolled)

/** A new enrolment: enrolled when its zone has a free place, else on the waiting list. */
export const admission = (line: Pick<ZoneLine, 'places' | 'enrolled'>): 'enrolled' | 'waitlisted' =>
  freePlaces(line) > 0 ? 'enrolled' : 'waitlisted'

/** Who moves up, per zone: the first of each zone's line, as many as it has free places. In queue order. */
export function promotions(lines: readonly ZoneLine[]): { zoneId: string; enrolmentId: string }[] {
  return lines.flatMap((line) =>
    [...line.waiting]
      .sort(queueOrder)
      .slice(0, freePlaces(line))
      .map((w) => ({ zoneId: line.zoneId, enrolmentId: w.id })),
  )
}

/** The waiting-list position of each waiting enrolment of one zone (1 = next), by id. */
export function positions(waiting: readonly Waiting[]): Map<string, number> {
  return new Map([...waiting].sort(queueOrder).map((w, i) => [w.id, i + 1]))
}
