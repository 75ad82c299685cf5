import { describe, expect, it } from 'vitest'
import { isDutyEvent, nextHandoff, type OnDutyItem } from './board.ts'

const item = (until: string[], next: string | null): OnDutyItem => ({
  rotationId: 'r',
  rotationName: 'R',
  domain: 'permanence.officer_of_duty',
  zones: [],
  onDuty: until.map((u, i) => ({ position: i + 1, person: null, from: '2026-03-02T06:00:00.000Z', until: u })),
  next: next ? { person: null, from: next } : null,
})

describe('duty board', () => {
  it('asks again at the first handoff after now, of any rotation', () => {
    const now = Date.parse('2026-03-03T12:00:00Z')
    expect(
      nextHandoff(
        [item(['2026-03-09T06:00:00.000Z'], '2026-03-09T06:00:00.000Z'), item(['2026-03-04T06:00:00.000Z'], null)],
        now,
      ),
    ).toBe(Date.parse('2026-03-04T06:00:00.000Z'))
    // Nobody on duty now: the next person's start is the change.
    expect(nextHandoff([item([], '2026-03-05T18:00:00.000Z')], now)).toBe(Date.parse('2026-03-05T18:00:00.000Z'))
    expect(nextHandoff([item([], null)], now)).toBeNull()
    expect(nextHandoff([item(['2026-03-01T06:00:00.000Z'], null)], now)).toBeNull()
  })

  it('refetches on the events the on-duty index follows, and on later duty changes', () => {
    expect(isDutyEvent('roster.published')).toBe(true)
    expect(isDutyEvent('duty.changed')).toBe(true)
    expect(isDutyEvent('duty.swapped')).toBe(true)
    expect(isDutyEvent('roster.progress')).toBe(false)
    expect(isDutyEvent('notification.created')).toBe(false)
  })
})
