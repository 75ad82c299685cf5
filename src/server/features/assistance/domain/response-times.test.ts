import { describe, expect, it } from 'vitest'
import { percentile, responseReport, timesOf, type RequestTimes } from './response-times.ts'

const T0 = Date.parse('2026-03-02T10:00:00Z')
const min = 60_000

const request = (id: string, category: string, events: RequestTimes['events']): RequestTimes => ({
  requestId: id,
  category,
  requestedAt: T0,
  events,
})

describe('response times', () => {
  it('takes each zone’s first event of each milestone, from the moment the request went out', () => {
    const times = timesOf(
      request('r1', 'urgent_backup', [
        { zoneId: 'B', milestone: 'acknowledged', at: T0 + 2 * min },
        { zoneId: 'B', milestone: 'acknowledged', at: T0 + 1 * min },
        { zoneId: 'B', milestone: 'offered', at: T0 + 4 * min },
        { zoneId: 'B', milestone: 'arrived', at: T0 + 19 * min },
        { zoneId: 'C', milestone: 'acknowledged', at: T0 - 5_000 }, // another process's clock a little behind
      ]),
    )
    expect(times.get('B')).toEqual({ acknowledged: min, offered: 4 * min, arrived: 19 * min })
    expect(times.get('C')).toEqual({ acknowledged: 0, offered: null, arrived: null })
  })

  it('reports count, median and 90th percentile per zone and category; missing milestones are not zeros', () => {
    const requests = [3, 5, 8, 13, 21].map((m, i) =>
      request(`r${i}`, 'urgent_backup', [
        { zoneId: 'B', milestone: 'acknowledged', at: T0 + m * min },
        ...(i < 2 ? [{ zoneId: 'B', milestone: 'arrived' as const, at: T0 + 10 * m * min }] : []),
      ]),
    )
    requests.push(request('x', 'traffic', [{ zoneId: 'B', milestone: 'offered', at: T0 + 60 * min }]))
    const [traffic, backup] = responseReport(requests) // by zone, then category
    expect(backup).toMatchObject({ zoneId: 'B', category: 'urgent_backup', requests: 5 })
    expect(backup!.times.acknowledged).toEqual({ count: 5, medianMs: 8 * min, p90Ms: 21 * min })
    expect(backup!.times.arrived).toEqual({ count: 2, medianMs: 30 * min, p90Ms: 50 * min })
    expect(backup!.times.offered).toEqual({ count: 0, medianMs: null, p90Ms: null })
    expect(traffic).toMatchObject({ category: 'traffic', requests: 1 })
  })

  it('nearest-rank percentiles', () => {
    expect(percentile([], 50)).toBeNull()
    expect(percentile([7], 90)).toBe(7)
    expect(percentile([1, 2, 3, 4], 50)).toBe(2)
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9)
  })

  // alerts (issue 9): a zone alerted that never answered still counts as a request, with no times
  it('counts an alerted zone that never answered, without times', () => {
    const [silent] = responseReport([
      { requestId: 'r', category: 'urgent_backup', requestedAt: 0, events: [], alertedZoneIds: ['C'] },
    ])
    expect(silent).toMatchObject({ zoneId: 'C', requests: 1 })
    expect(silent!.times.acknowledged).toEqual({ count: 0, medianMs: null, p90Ms: null })
  })
})
