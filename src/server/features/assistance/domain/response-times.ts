// Response times of mutual assistance (issue 9): from the moment a request went out to each helping zone's
// first acknowledgement, first offer and first arrival on site — per request, and as a report per zone and
// category (count, median, 90th percentile) over any set of requests. The seeds' promise ("nog snellere
// aanwezigheid van de politie na een oproep") made measurable.

export const MILESTONES = ['acknowledged', 'offered', 'arrived'] as const
export type Milestone = (typeof MILESTONES)[number]

export interface MilestoneEvent {
  zoneId: string
  milestone: Milestone
  /** Epoch milliseconds. */
  at: number
}

export interface RequestTimes {
  requestId: string
  category: string
  requestedAt: number
  events: readonly MilestoneEvent[]
  /** The zones the request was sent to: each counts in the report even when it never answered. */
  alertedZoneIds?: readonly string[]
}

/** Per helping zone: milliseconds from the request to its first event of each milestone (null: not reached). */
export function timesOf(request: RequestTimes): Map<string, Record<Milestone, number | null>> {
  const result = new Map<string, Record<Milestone, number | null>>()
  for (const zoneId of request.alertedZoneIds ?? [])
    result.set(zoneId, { acknowledged: null, offered: null, arrived: null })
  for (const e of request.events) {
    const row = result.get(e.zoneId) ?? { acknowledged: null, offered: null, arrived: null }
    // An event before the request (a clock skew between processes) counts as immediate, never negative.
    const ms = Math.max(0, e.at - request.requestedAt)
    const known = row[e.milestone]
    if (known === null || ms < known) row[e.milestone] = ms
    result.set(e.zoneId, row)
  }
  return result
}

export interface TimeStats {
  count: number
  medianMs: number | null
  p90Ms: number | null
}

export interface ResponseReportRow {
  zoneId: string
  category: string
  requests: number
  times: Record<Milestone, TimeStats>
}

/** Nearest-rank percentile of sorted values (p in 0..100); null for none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1]!
}

/** The report: one row per (helping zone, category) that took part in at least one request. */
export function responseReport(requests: readonly RequestTimes[]): ResponseReportRow[] {
  const groups = new Map<
    string,
    { zoneId: string; category: string; requests: number; ms: Record<Milestone, number[]> }
  >()
  for (const request of requests)
    for (const [zoneId, times] of timesOf(request)) {
      const key = `${zoneId}|${request.category}`
      const group = groups.get(key) ?? {
        zoneId,
        category: request.category,
        requests: 0,
        ms: { acknowledged: [], offered: [], arrived: [] },
      }
      group.requests++
      for (const m of MILESTONES) if (times[m] !== null) group.ms[m].push(times[m])
      groups.set(key, group)
    }
  return [...groups.values()]
    .sort((a, b) => (a.zoneId < b.zoneId ? -1 : a.zoneId > b.zoneId ? 1 : a.category < b.category ? -1 : 1))
    .map((g) => ({
      zoneId: g.zoneId,
      category: g.category,
      requests: g.requests,
      times: Object.fromEntries(
        MILESTONES.map((m) => {
          const sorted = [...g.ms[m]].sort((x, y) => x - y)
          return [m, { count: sorted.length, medianMs: percentile(sorted, 50), p90Ms: percentile(sorted, 90) }]
        }),
      ) as Record<Milestone, TimeStats>,
    }))
}
