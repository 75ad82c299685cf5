import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { holidayDates } from '../../../platform/holidays.ts'
import { DEFAULT_NIGHT, hoursSplitter } from '../../permanences/domain/hours.ts'
import {
  balances,
  pairBalances,
  postDeployment,
  rateFor,
  type Deployment,
  type LedgerLine,
  type Rate,
} from './ledger.ts'
import { settle } from '../../../platform/settle.ts'

const split = hoursSplitter({ holidays: holidayDates(2026, 2027), night: DEFAULT_NIGHT })
const flat = { night: 0, saturday: 0, sunday: 0, holiday: 0 }
const RATES: Rate[] = [
  { category: '*', from: '2026-01-01', to: '2026-06-30', base: 1, extra: flat },
  {
    category: '*',
    from: '2026-07-01',
    to: null,
    base: 1,
    extra: { night: 0.5, saturday: 0.25, sunday: 0.5, holiday: 1 },
  },
  { category: 'judicial', from: '2026-01-01', to: null, base: 1.2, extra: flat },
]
const at = (iso: string) => Date.parse(iso)
const deployment = (over: Partial<Deployment>): Deployment => ({
  id: 'd1',
  category: 'traffic',
  helpingZoneId: 'B',
  helpedZoneId: 'A',
  personId: 'p1',
  start: at('2026-03-03T08:00:00Z'), // Tuesday 09:00 Brussels
  end: at('2026-03-03T12:00:00Z'),
  ...over,
})

describe('rates', () => {
  it('takes the category’s own rate, else the general one, in force on the day', () => {
    expect(rateFor(RATES, 'judicial', '2026-03-03')?.base).toBe(1.2)
    expect(rateFor(RATES, 'traffic', '2026-06-30')?.extra.night).toBe(0)
    expect(rateFor(RATES, 'traffic', '2026-07-01')?.extra.night).toBe(0.5)
    expect(rateFor(RATES, 'traffic', '2025-12-31')).toBeNull()
  })
})

describe('posting a deployment', () => {
  it('credits the helping zone and debits the helped zone by the same weighted minutes', () => {
    const [credit, debit] = postDeployment(deployment({}), RATES, split)!
    expect(credit).toMatchObject({ zoneId: 'B', counterpartZoneId: 'A', amount: 240 })
    expect(debit).toMatchObject({ zoneId: 'A', counterpartZoneId: 'B', amount: -240 })
  })

  it('weighs night, Saturday, Sunday and holiday minutes by the rate in force when it started', () => {
    // Saturday 4 July 2026, 20:00–24:00 Brussels (18:00–22:00Z): 4 h Saturday, of which 2 h night.
    const sat = postDeployment(
      deployment({ start: at('2026-07-04T18:00:00Z'), end: at('2026-07-04T22:00:00Z') }),
      RATES,
      split,
    )!
    expect(sat[0].minutes).toMatchObject({ total: 240, saturday: 240, night: 120 })
    expect(sat[0].amount).toBe(240 + 0.25 * 240 + 0.5 * 120)
    // 21 July (national holiday, a Tuesday), 10:00–12:00: holiday doubles.
    const holiday = postDeployment(
      deployment({ start: at('2026-07-21T08:00:00Z'), end: at('2026-07-21T10:00:00Z') }),
      RATES,
      split,
    )!
    expect(holiday[0].amount).toBe(240)
  })

  it('counts the real length across the autumn change (a 01:00–04:00 night is 4 hours)', () => {
    const night = postDeployment(
      deployment({ start: at('2026-10-24T23:00:00Z'), end: at('2026-10-25T03:00:00Z') }), // 01:00 CEST → 04:00 CET
      RATES,
      split,
    )!
    expect(night[0].minutes.total).toBe(240)
    expect(night[0].minutes.night).toBe(240)
    expect(night[0].amount).toBe(240 + 0.5 * 240 + 0.5 * 240) // Sunday and night
  })

  it('posts nothing within one zone, without a rate, or for no time', () => {
    expect(postDeployment(deployment({ helpingZoneId: 'A' }), RATES, split)).toBeNull()
    expect(
      postDeployment(deployment({ start: at('2025-06-01T08:00:00Z'), end: at('2025-06-01T09:00:00Z') }), RATES, split),
    ).toBeNull()
    expect(postDeployment(deployment({ end: at('2026-03-03T08:00:00Z') }), RATES, split)).toBeNull()
  })
})

const ZONES = ['A', 'B', 'C', 'D', 'E']
const deploymentArb = fc
  .record({
    helping: fc.constantFrom(...ZONES),
    helped: fc.constantFrom(...ZONES),
    category: fc.constantFrom('traffic', 'judicial', 'event'),
    startMinute: fc.integer({ min: 0, max: 364 * 24 * 60 }),
    minutes: fc.integer({ min: 1, max: 16 * 60 }),
  })
  .map((r): Deployment => ({
    id: `d-${r.startMinute}`,
    category: r.category,
    helpingZoneId: r.helping,
    helpedZoneId: r.helped,
    personId: 'p',
    start: at('2026-01-01T00:00:00Z') + r.startMinute * 60_000,
    end: at('2026-01-01T00:00:00Z') + (r.startMinute + r.minutes) * 60_000,
  }))

describe('the ledger, for any deployments', () => {
  it('sums to zero, pair balances agree with zone balances, and settling brings every zone to zero', () => {
    fc.assert(
      fc.property(fc.array(deploymentArb, { maxLength: 40 }), (deployments) => {
        const lines: LedgerLine[] = deployments.flatMap((d) => postDeployment(d, RATES, split) ?? [])
        expect(lines.reduce((s, l) => s + l.amount, 0)).toBe(0)
        const zone = balances(lines)
        const fromPairs = new Map<string, number>()
        for (const [key, amount] of pairBalances(lines)) {
          const [a, b] = key.split('|') as [string, string]
          fromPairs.set(a, (fromPairs.get(a) ?? 0) + amount)
          fromPairs.set(b, (fromPairs.get(b) ?? 0) - amount)
        }
        for (const z of ZONES) expect(fromPairs.get(z) ?? 0).toBe(zone.get(z) ?? 0)
        const after = new Map(zone)
        for (const t of settle(zone)) {
          expect(t.amount).toBeGreaterThan(0)
          after.set(t.from, after.get(t.from)! + t.amount)
          after.set(t.to, after.get(t.to)! - t.amount)
        }
        for (const v of after.values()) expect(v).toBe(0)
      }),
      { numRuns: 200 },
    )
  })
})
