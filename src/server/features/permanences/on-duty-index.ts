// Who is on duty, in memory: every duty in force (as known now) that ends after a week ago, per rotation and
// sorted by start, in each server process. Built when the process starts listening (or at the first question),
// and kept current by the bus: `roster.published` and `duty.changed` (emitted in the transaction of the change,
// delivered to every process — LISTEN/NOTIFY on PostgreSQL) reload that rotation's duties. There is no
// time-based cache: an answer is at most as old as the event delivery. Without a bus (a test app that has
// none) the index is not live and the service reads the database instead.
import type { Kysely } from 'kysely'
import type { EventBus } from '../../platform/events.ts'
import type { DB } from '../../platform/schema.ts'
import { rosterRepository, type DutyRow } from './roster-repository.ts'

export interface IndexedDuty {
  rotationId: string
  slotKey: string
  position: number
  start: number
  end: number
  personId: string
}

export const DUTY_EVENTS = ['roster.published', 'duty.changed'] as const
const KEEP_MS = 7 * 86_400_000

export interface OnDutyIndex {
  /** Live: subscribed to the bus and loaded. */
  live(): boolean
  /** Subscribes and loads, once, when a bus is there. */
  ensure(): Promise<void>
  /** The duties of a rotation overlapping [from, ∞) as far as the index reaches; null when `from` is older. */
  from(rotationId: string, from: number): IndexedDuty[] | null
  close(): void
}

export function onDutyIndex(db: Kysely<DB>, bus: () => EventBus | undefined, clock: () => Date): OnDutyIndex {
  const byRotation = new Map<string, IndexedDuty[]>()
  let floor = Number.POSITIVE_INFINITY
  let loading: Promise<void> | null = null
  let loaded = false
  let unsubscribe: (() => void) | null = null
  let pending: Set<string> | null = null

  const toDuty = (r: DutyRow): IndexedDuty => ({
    rotationId: r.rotation_id,
    slotKey: r.slot_key,
    position: r.position,
    start: r.start.getTime(),
    end: r.end.getTime(),
    personId: r.person_id,
  })

  const query = (after: Date, rotationId: string | null) =>
    rosterRepository(db)
      .dutiesInForceEndingAfter(after, rotationId)
      .then((rows) => rows.map(toDuty))

  async function reload(rotationId: string) {
    if (pending) {
      pending.add(rotationId) // a full load is running: reload after it, so its older snapshot cannot win
      return
    }
    byRotation.set(rotationId, await query(new Date(floor), rotationId))
  }

  async function load() {
    pending = new Set()
    const after = new Date(clock().getTime() - KEEP_MS)
    const rows = await query(after, null)
    byRotation.clear()
    for (const d of rows) byRotation.set(d.rotationId, [...(byRotation.get(d.rotationId) ?? []), d])
    floor = after.getTime()
    const again = pending
    pending = null
    for (const id of again) await reload(id)
    loaded = true
  }

  return {
    live: () => loaded,
    ensure() {
      if (loading) return loading
      const b = bus()
      if (!b) return Promise.resolve()
      unsubscribe = b.subscribe(
        async (event) => {
          const id = event.payload.rotationId
          if (typeof id === 'string') await reload(id)
        },
        { types: DUTY_EVENTS },
      )
      loading = load()
      return loading
    },
    from(rotationId, from) {
      if (!loaded || from < floor) return null
      return (byRotation.get(rotationId) ?? []).filter((d) => d.end > from)
    },
    close() {
      unsubscribe?.()
      unsubscribe = null
    },
  }
}
