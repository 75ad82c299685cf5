// The response-time report of an association (issue 9): per helping zone and category, how long from the moment
// a request went out to the zone's first acknowledgement, first offer and first arrival on site (the first
// arrived_at of its people deployed on the request, or the start of their recorded hours when no arrival was
// noted). The numbers come from domain/response-times.ts; the SQL reads the requests sent in the period.
import { sql, type Kysely } from 'kysely'
import { Temporal } from 'temporal-polyfill'
import { AppError } from '../../platform/errors.ts'
import { decide } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { TIME_ZONE } from '../../platform/time.ts'
import type { ResponseTimes, ResponseTimesQuery } from './alert-schema.ts'
import { responseReport, type MilestoneEvent, type RequestTimes } from './domain/response-times.ts'

const MAX_YEARS = 10

/** Brussels midnight at the start of a day, or 422 for a day that is not one, or a period out of bounds. */
function bounds(from: string, to: string): { start: Date; end: Date } {
  let first: Temporal.PlainDate
  let last: Temporal.PlainDate
  try {
    first = Temporal.PlainDate.from(from, { overflow: 'reject' })
    last = Temporal.PlainDate.from(to, { overflow: 'reject' })
  } catch {
    throw new AppError('ASSISTANCE_PERIOD_INVALID', { from, to })
  }
  if (
    Temporal.PlainDate.compare(last, first) < 0 ||
    Temporal.PlainDate.compare(last, first.add({ years: MAX_YEARS })) >= 0
  )
    throw new AppError('ASSISTANCE_PERIOD_INVALID', { from, to })
  const midnight = (d: Temporal.PlainDate) => new Date(d.toZonedDateTime(TIME_ZONE).epochMilliseconds)
  return { start: midnight(first), end: midnight(last.add({ days: 1 })) }
}

interface Row {
  request_id: string
  category: string
  requested_at: Date
  zone_id: string
  acknowledged_at: Date | null
  first_offer_at: Date | null
  arrived_at: Date | null
}

export function responseTimeService(db: Kysely<DB>) {
  return {
    async report(ctx: PolicyContext, q: ResponseTimesQuery): Promise<ResponseTimes> {
      // Another association's report does not exist for the caller (404), whatever the period asked.
      const decision = await decide(ctx, 'assistance.ledger', {
        associationIds: [q.associationId],
        domains: ['assistance'],
      })
      if (!decision.allowed) throw new AppError('NOT_FOUND')
      const { start, end } = bounds(q.from, q.to)
      const rows = await sql<Row>`
        SELECT r.id AS request_id, r.category, r.requested_at, a.zone_id, a.acknowledged_at,
               COALESCE(a.first_offer_at,
                        (SELECT min(o.created_at) FROM assistance_offers o
                          WHERE o.request_id = r.id AND o.zone_id = a.zone_id)) AS first_offer_at,
               (SELECT min(COALESCE(d.arrived_at, lower(d.period))) FROM assistance_deployments d
                 WHERE d.request_id = r.id AND d.helping_zone_id = a.zone_id) AS arrived_at
          FROM assistance_requests r
          JOIN assistance_addressees a ON a.request_id = r.id AND a.alerted_at IS NOT NULL
         WHERE r.association_id = ${q.associationId} AND r.requested_at IS NOT NULL
           AND r.requested_at >= ${start.toISOString()}::timestamptz AND r.requested_at < ${end.toISOString()}::timestamptz
           ${q.zoneId ? sql`AND a.zone_id = ${q.zoneId}` : sql``}
           ${q.category ? sql`AND r.category = ${q.category}` : sql``}
         ORDER BY r.requested_at, r.id, a.zone_id`.execute(db)
      const requests = new Map<string, RequestTimes & { events: MilestoneEvent[]; alertedZoneIds: string[] }>()
      for (const r of rows.rows) {
        const request = requests.get(r.request_id) ?? {
          requestId: r.request_id,
          category: r.category,
          requestedAt: r.requested_at.getTime(),
          events: [],
          alertedZoneIds: [],
        }
        request.alertedZoneIds.push(r.zone_id)
        const add = (milestone: MilestoneEvent['milestone'], at: Date | null) => {
          if (at) request.events.push({ zoneId: r.zone_id, milestone, at: at.getTime() })
        }
        add('acknowledged', r.acknowledged_at)
        add('offered', r.first_offer_at)
        add('arrived', r.arrived_at)
        requests.set(r.request_id, request)
      }
      const report = responseReport([...requests.values()])
      const zoneIds = [...new Set(report.map((r) => r.zoneId))]
      const zones =
        zoneIds.length === 0
          ? []
          : await db.selectFrom('zones').select(['id', 'code', 'name']).where('id', 'in', zoneIds).execute()
      const zone = new Map(zones.map((z) => [z.id, z]))
      return {
        associationId: q.associationId,
        from: q.from,
        to: q.to,
        rows: report
          .map((r) => ({
            zone: zone.get(r.zoneId) ?? { id: r.zoneId, code: '', name: '' },
            category: r.category as ResponseTimes['rows'][number]['category'],
            requests: r.requests,
            acknowledged: r.times.acknowledged,
            offered: r.times.offered,
            arrived: r.times.arrived,
          }))
          .sort((a, b) => a.zone.code.localeCompare(b.zone.code) || a.category.localeCompare(b.category)),
      }
    },
  }
}
