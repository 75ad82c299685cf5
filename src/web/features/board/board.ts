// The duty board's pure parts: which live events change who is on duty, and when the board must ask again
// without any event (the next handoff).
import type { operations } from '../../api/schema.d.ts'

export type OnDuty = operations['getOnDuty']['responses'][200]['content']['application/json']
export type OnDutyItem = OnDuty['items'][number]

/**
 * Events after which the answer may differ: the ones the server's on-duty index reloads on (on-duty-index.ts,
 * DUTY_EVENTS), and any later `duty.*` event (a swap or a leave replacement lands as a change of duty).
 */
export const isDutyEvent = (type: string): boolean =>
  type === 'roster.published' || type === 'duty.changed' || type.startsWith('duty.')

/** The first instant after `now` at which someone goes off duty or comes on: the board asks again then. */
export function nextHandoff(items: readonly OnDutyItem[], now: number): number | null {
  const instants = items.flatMap((item) => [
    ...item.onDuty.map((d) => Date.parse(d.until)),
    ...(item.next ? [Date.parse(item.next.from)] : []),
  ])
  const future = instants.filter((t) => Number.isFinite(t) && t > now)
  return future.length > 0 ? Math.min(...future) : null
}

/** setTimeout's limit (about 24.8 days): a later handoff is waited for in steps. */
export const MAX_TIMER_MS = 2_147_000_000
