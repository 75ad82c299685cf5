import { describe, expect, it } from 'vitest'
import type { DomainPeriod } from '../../platform/grants.ts'
import { belgianDateTime, brusselsRange, eventDomains, eventPersonIds, sharedSince } from './domain.ts'

const period = (zoneIds: string[], from: string, to: string | null = null): DomainPeriod => ({
  agreementId: `${from}-${to}`,
  zoneIds,
  from,
  to,
})

describe('since when a partner DPO reads a zone', () => {
  it('from the start of the sharing in force today', () => {
    expect(sharedSince([period(['A', 'B'], '2024-03-01')], ['A'], 'B', '2026-11-29')).toBe('2024-03-01')
  })
  it('not at all when nothing is in force today, or the agreement does not bind both zones', () => {
    expect(sharedSince([period(['A', 'B'], '2020-01-01', '2023-12-31')], ['A'], 'B', '2026-11-29')).toBeNull()
    expect(sharedSince([period(['A', 'C'], '2020-01-01')], ['A'], 'B', '2026-11-29')).toBeNull()
  })
  it('through agreements that follow each other without a gap, not across a gap', () => {
    const run = [period(['A', 'B'], '2018-01-01', '2021-12-31'), period(['A', 'B', 'C'], '2022-01-01')]
    expect(sharedSince(run, ['A'], 'B', '2026-11-29')).toBe('2018-01-01')
    const gap = [period(['A', 'B'], '2018-01-01', '2021-12-30'), period(['A', 'B'], '2022-01-01')]
    expect(sharedSince(gap, ['A'], 'B', '2026-11-29')).toBe('2022-01-01')
  })
})

describe('Brussels days', () => {
  it('turn a date range into instants, DST-correct', () => {
    // Summer: UTC+2; winter: UTC+1. The end date is inclusive.
    expect(brusselsRange('2026-07-01', '2026-12-31')).toEqual({
      from: new Date('2026-06-30T22:00:00Z'),
      before: new Date('2026-12-31T23:00:00Z'),
    })
    expect(brusselsRange(undefined, undefined)).toEqual({})
  })
  it('print as dd/mm/yyyy HH:MM:SS in Brussels', () => {
    expect(belgianDateTime(new Date('2026-03-29T01:30:05Z'))).toBe('29/03/2026 03:30:05')
    expect(belgianDateTime(new Date('2026-01-05T23:59:59Z'))).toBe('06/01/2026 00:59:59')
  })
})

describe('what an event names', () => {
  it('every allowing domain, or the one it has', () => {
    expect(eventDomains('assistance', { domains: ['assistance', 'equipment'] })).toEqual(['assistance', 'equipment'])
    expect(eventDomains('dpo', {})).toEqual(['dpo'])
    expect(eventDomains(null, {})).toEqual([])
  })
  it('the people it is about', () => {
    expect(eventPersonIds('person', 'p1', { personIds: ['p1'] })).toEqual(['p1'])
    expect(eventPersonIds(null, null, { personIds: ['p1', 'p2'] })).toEqual(['p1', 'p2'])
    expect(eventPersonIds('agreement', 'a1', {})).toEqual([])
  })
})
