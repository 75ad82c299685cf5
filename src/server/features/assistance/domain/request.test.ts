import { describe, expect, it } from 'vitest'
import { MAX_COUNT, URGENT_DEFAULT_HOURS, validateRequest, type RequestInput } from './request.ts'

const NOW = Date.parse('2026-03-02T10:00:00Z')
const H = 3_600_000
const planned: RequestInput = {
  urgency: 'planned',
  category: 'traffic_action',
  start: NOW + 48 * H,
  end: NOW + 54 * H,
  lines: [
    { capability: 'inspecteur', count: 4 },
    { capability: 'hoofdinspecteur', count: 1 },
    { capability: 'anpr_vehicle', count: 1 },
  ],
}

describe('what a request asks', () => {
  it('accepts typed lines with counts in a future window', () => {
    const result = validateRequest(planned, NOW)
    expect(result.ok && result.request.lines).toEqual(planned.lines)
  })

  it('the urgent fast path: no window given means now, for a few hours', () => {
    const result = validateRequest(
      {
        urgency: 'urgent',
        category: 'urgent_backup',
        start: null,
        end: null,
        lines: [{ capability: 'inspecteur', count: 2 }],
      },
      NOW,
    )
    expect(result.ok && [result.request.start, result.request.end]).toEqual([NOW, NOW + URGENT_DEFAULT_HOURS * H])
  })

  it('names every problem with its field and catalogue code', () => {
    const result = validateRequest(
      {
        urgency: 'planned',
        category: 'picnic',
        start: NOW + 5 * H,
        end: NOW + 4 * H,
        lines: [
          { capability: 'inspecteur', count: 0 },
          { capability: 'tank', count: 1 },
          { capability: 'inspecteur', count: 2 },
          { capability: 'dog_team', count: 1.5 },
          { capability: 'drone', count: MAX_COUNT + 1 },
        ],
      },
      NOW,
    )
    expect(result.ok ? [] : result.problems).toEqual([
      { code: 'ASSISTANCE_CATEGORY_UNKNOWN', field: 'category' },
      { code: 'ASSISTANCE_WINDOW_INVALID', field: 'window' },
      { code: 'ASSISTANCE_COUNT_INVALID', field: 'lines.0' },
      { code: 'ASSISTANCE_CAPABILITY_UNKNOWN', field: 'lines.1' },
      { code: 'ASSISTANCE_LINE_DUPLICATE', field: 'lines.2' },
      { code: 'ASSISTANCE_COUNT_INVALID', field: 'lines.3' },
      { code: 'ASSISTANCE_COUNT_INVALID', field: 'lines.4' },
    ])
  })

  it('refuses no lines, a planned window in the past, and a window over a month', () => {
    const codes = (input: RequestInput) => {
      const r = validateRequest(input, NOW)
      return r.ok ? [] : r.problems.map((p) => p.code)
    }
    expect(codes({ ...planned, lines: [] })).toEqual(['ASSISTANCE_LINES_EMPTY'])
    expect(codes({ ...planned, start: NOW - 5 * H, end: NOW - H })).toEqual(['ASSISTANCE_WINDOW_INVALID'])
    expect(codes({ ...planned, end: planned.start! + 32 * 24 * H })).toEqual(['ASSISTANCE_WINDOW_INVALID'])
    expect(codes({ ...planned, start: null })).toEqual(['ASSISTANCE_WINDOW_INVALID'])
    // An urgent request may have begun a moment ago.
    expect(codes({ ...planned, urgency: 'urgent', start: NOW - H, end: NOW + H })).toEqual([])
  })
})
