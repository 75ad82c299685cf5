import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  investmentShares,
  settlePeriod,
  startedDaysIn,
  type InvestmentFacts,
  type SettlementFacts,
} from './settlement.ts'

const server: InvestmentFacts = {
  id: 'inv-server',
  title: 'Serverpark',
  amountCents: 1_200_000, // 12.000,00 € over 12 months from 1 January 2025: 1.000,00 € a month
  purchasedOn: '2025-01-01',
  depreciationMonths: 12,
  paidByZoneId: 'A',
  parties: [
    { zoneId: 'A', joinedOn: '2025-01-01', leftOn: null },
    { zoneId: 'B', joinedOn: '2025-01-01', leftOn: null },
    { zoneId: 'C', joinedOn: '2025-07-01', leftOn: null }, // joins mid-year
  ],
  keys: [{ id: 'k1', validFrom: '2025-01-01', validTo: null, method: 'equal', weights: {}, inputs: {} }],
  costs: [
    {
      id: 'c1',
      kind: 'licence',
      incurredOn: '2025-03-01',
      amountCents: 10_000,
      description: 'Licenties',
      paidByZoneId: 'B',
    },
    {
      id: 'c2',
      kind: 'maintenance',
      incurredOn: '2025-09-01',
      amountCents: 30_000,
      description: 'Onderhoud',
      paidByZoneId: 'B',
    },
  ],
  usage: [],
}

const facts = (over: Partial<SettlementFacts> = {}): SettlementFacts => ({
  from: '2025-01-01',
  to: '2026-01-01',
  investments: [server],
  loans: [],
  assistance: { hourlyRateCents: null, minutes: new Map() },
  ...over,
})

describe('investmentShares', () => {
  it('a zone joining on 1 July pays only from then: first half by A and B, second by A, B and C', () => {
    const s = investmentShares(server, '2025-01-01', '2026-01-01')
    expect(s.depreciationCents).toBe(1_200_000)
    // 600.000 for Jan–Jun by halves; 600.000 for Jul–Dec by thirds.
    expect(Object.fromEntries(s.depreciation)).toEqual({ A: 500_000, B: 500_000, C: 200_000 })
    expect(s.costs.map((c) => Object.fromEntries(c.parts))).toEqual([
      { A: 5_000, B: 5_000 },
      { A: 10_000, B: 10_000, C: 10_000 },
    ])
  })

  it('usage hours: by the loans of the part; no loans: equal, with a note', () => {
    const radar: InvestmentFacts = {
      ...server,
      parties: server.parties.slice(0, 2),
      keys: [{ id: 'k', validFrom: '2025-01-01', validTo: null, method: 'usage_hours', weights: {}, inputs: {} }],
      costs: [],
      usage: [
        { borrowerZoneId: 'B', start: '2025-03-01T08:00:00Z', end: '2025-03-01T11:00:00Z' },
        { borrowerZoneId: 'A', start: '2025-03-02T08:00:00Z', end: '2025-03-02T09:00:00Z' },
      ],
    }
    const s = investmentShares(radar, '2025-01-01', '2026-01-01')
    expect(Object.fromEntries(s.depreciation)).toEqual({ A: 300_000, B: 900_000 })
    expect(s.keys[0]!.inputs.map((i) => [i.zoneId, i.usageHours, i.fraction])).toEqual([
      ['A', 1, '0.2500'],
      ['B', 3, '0.7500'],
    ])
    const idle = investmentShares({ ...radar, usage: [] }, '2025-01-01', '2026-01-01')
    expect(Object.fromEntries(idle.depreciation)).toEqual({ A: 600_000, B: 600_000 })
    expect(idle.notes).toEqual(['usage_equal:Serverpark'])
  })
})

describe('startedDaysIn', () => {
  it('counts started 24-hour days, each in the period where it starts', () => {
    expect(startedDaysIn('2025-03-01T07:00:00Z', '2025-03-01T15:00:00Z', '2025-01-01', '2026-01-01')).toBe(1)
    expect(startedDaysIn('2025-03-01T07:00:00Z', '2025-03-02T07:00:00Z', '2025-01-01', '2026-01-01')).toBe(1)
    expect(startedDaysIn('2025-03-01T07:00:00Z', '2025-03-02T07:00:01Z', '2025-01-01', '2026-01-01')).toBe(2)
    // Across the new year: 31/12 20:00 → 2/1 10:00 Brussels: days start 31/12 20:00 and 1/1 20:00.
    const [s, e] = ['2025-12-31T19:00:00Z', '2026-01-02T09:00:00Z']
    expect(startedDaysIn(s, e, '2025-01-01', '2026-01-01')).toBe(1)
    expect(startedDaysIn(s, e, '2026-01-01', '2027-01-01')).toBe(1)
  })
})

describe('settlePeriod', () => {
  it('a year: depreciation, running costs, a loan fee and assistance hours, exact to the cent', () => {
    const s = settlePeriod(
      facts({
        loans: [
          {
            bookingId: 'b1',
            assetName: 'Drone',
            keeperZoneId: 'C',
            borrowerZoneId: 'A',
            start: '2025-05-01T06:00:00Z',
            end: '2025-05-03T06:00:00Z',
            feeCentsPerDay: 2_500,
          },
        ],
        assistance: {
          hourlyRateCents: 4_500,
          minutes: new Map([
            ['A', 600],
            ['C', -600],
          ]),
        },
      }),
    )
    const net = Object.fromEntries(s.zones.map((z) => [z.zoneId, z.netCents]))
    // A: −500.000 dep + 1.200.000 credit − 15.000 costs − 5.000 fee + 45.000 assistance
    expect(net).toEqual({ A: 725_000, B: -500_000 - 15_000 + 40_000, C: -200_000 - 10_000 + 5_000 - 45_000 })
    expect(s.zones.reduce((t, z) => t + z.netCents, 0)).toBe(0)
    const a = s.zones.find((z) => z.zoneId === 'A')!
    expect(a.lines.find((l) => l.kind === 'depreciation')).toMatchObject({
      chargedCents: 500_000,
      creditedCents: 1_200_000,
    })
    expect(a.lines.find((l) => l.kind === 'loan_fee')).toMatchObject({ chargedCents: 5_000, detail: '2 × 25,00 €' })
    expect(a.lines.find((l) => l.kind === 'assistance')).toMatchObject({ creditedCents: 45_000 })
    expect(s.transfers).toEqual([
      { from: 'B', to: 'A', amountCents: 475_000 },
      { from: 'C', to: 'A', amountCents: 250_000 },
    ])
  })

  it('omits assistance hours with a note when the association has no hourly rate', () => {
    const s = settlePeriod(
      facts({
        assistance: {
          hourlyRateCents: null,
          minutes: new Map([
            ['A', 60],
            ['B', -60],
          ]),
        },
      }),
    )
    expect(s.notes).toContain('assistance_no_rate')
    expect(s.zones.flatMap((z) => z.lines).some((l) => l.kind === 'assistance')).toBe(false)
  })

  const arbFacts = fc
    .record({
      amount: fc.integer({ min: 0, max: 10 ** 9 }),
      months: fc.integer({ min: 1, max: 120 }),
      joinDays: fc.array(fc.integer({ min: 0, max: 700 }), { minLength: 1, maxLength: 5 }),
      percents: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 5, maxLength: 5 }),
      method: fc.constantFrom('equal', 'custom', 'usage_hours' as const),
      costs: fc.array(
        fc.record({
          day: fc.integer({ min: 0, max: 364 }),
          cents: fc.integer({ min: 1, max: 10 ** 8 }),
          payer: fc.integer({ min: 0, max: 4 }),
        }),
        { maxLength: 5 },
      ),
      minutes: fc.array(fc.integer({ min: -10_000, max: 10_000 }), { minLength: 5, maxLength: 5 }),
    })
    .map(({ amount, months, joinDays, percents, method, costs, minutes }): SettlementFacts => {
      const date = (d: number) => new Date(Date.UTC(2024, 6, 1) + d * 86_400_000).toISOString().slice(0, 10)
      const zones = joinDays.map((_, i) => `Z${i}`)
      const sumMinutes = minutes.slice(0, zones.length).reduce((s, m) => s + m, 0)
      return {
        from: '2025-01-01',
        to: '2026-01-01',
        investments: [
          {
            ...server,
            amountCents: amount,
            purchasedOn: '2024-07-01',
            depreciationMonths: months,
            paidByZoneId: 'Z0',
            parties: joinDays.map((d, i) => ({
              zoneId: `Z${i}`,
              joinedOn: i === 0 ? '2024-07-01' : date(d),
              leftOn: null,
            })),
            keys: [
              {
                id: 'k',
                validFrom: '2024-07-01',
                validTo: null,
                method,
                weights: {},
                inputs: Object.fromEntries(zones.map((z, i) => [z, { percent: percents[i]! }])),
              },
            ],
            costs: costs.map((c, i) => ({
              id: `c${i}`,
              kind: 'other',
              incurredOn: date(184 + c.day),
              amountCents: c.cents,
              description: 'x',
              paidByZoneId: `Z${c.payer % zones.length}`,
            })),
          },
        ],
        loans: [],
        assistance: {
          hourlyRateCents: 4_321,
          minutes: new Map(zones.map((z, i) => [z, i === 0 ? minutes[0]! - sumMinutes : minutes[i]!])),
        },
      }
    })

  it('property: nets add up to zero, the transfers zero them, a zone never charged before it joined', () => {
    fc.assert(
      fc.property(arbFacts, (f) => {
        const s = settlePeriod(f)
        expect(s.zones.reduce((t, z) => t + z.netCents, 0)).toBe(0)
        const after = new Map(s.zones.map((z) => [z.zoneId, z.netCents]))
        for (const t of s.transfers) {
          expect(t.amountCents).toBeGreaterThan(0)
          after.set(t.from, after.get(t.from)! + t.amountCents)
          after.set(t.to, after.get(t.to)! - t.amountCents)
        }
        expect([...after.values()].every((v) => v === 0)).toBe(true)
        const inv = f.investments[0]!
        for (const p of inv.parties)
          if (p.joinedOn >= f.to)
            expect(
              s.zones
                .find((z) => z.zoneId === p.zoneId)
                ?.lines.some((l) => l.kind === 'depreciation' && l.chargedCents > 0) ?? false,
            ).toBe(false)
      }),
    )
  })
})
