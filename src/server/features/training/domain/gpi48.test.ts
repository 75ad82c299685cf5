import fc from 'fast-check'
import { Temporal } from 'temporal-polyfill'
import { describe, expect, it } from 'vitest'
import {
  countedSessions,
  DEFAULT_GPI48_RULES,
  gpi48Compliance,
  leavesWindowOn,
  windowStart,
  type Gpi48Rules,
  type Gpi48Session,
} from './gpi48.ts'

const rules = DEFAULT_GPI48_RULES
const tr = (day: string): Gpi48Session => ({ day, kind: 'training', result: null })
const ev = (day: string, result: 'passed' | 'failed' | null = 'passed'): Gpi48Session => ({
  day,
  kind: 'evaluation',
  result,
})
const plus = (day: string, days: number) => Temporal.PlainDate.from(day).add({ days }).toString()

/** Five well-spread sessions (one a passed evaluation) ending on `last`, 30 days apart. */
const fiveEndingOn = (last: string) => [ev(plus(last, -120)), ...[-90, -60, -30, 0].map((d) => tr(plus(last, d)))]

describe('the window', () => {
  it('holds the days after asOf − windowMonths up to asOf', () => {
    expect(windowStart('2026-06-15', 12)).toBe('2025-06-16')
    expect(windowStart('2026-06-15', 1)).toBe('2026-05-16')
  })
  it('drops a session of exactly windowMonths ago and keeps one of the day after', () => {
    const asOf = '2026-06-15'
    const base = [ev('2026-01-10'), tr('2026-02-10'), tr('2026-03-10'), tr('2026-04-10')]
    expect(gpi48Compliance([tr('2025-06-15'), ...base], asOf, rules)).toMatchObject({ status: 'behind', counted: 4 })
    expect(gpi48Compliance([tr('2025-06-16'), ...base], asOf, rules)).toMatchObject({ counted: 5 })
  })
  it('reads leap days as the calendar does: asOf 2028-02-29 starts the window on 2027-03-01', () => {
    expect(windowStart('2028-02-29', 12)).toBe('2027-03-01')
    const base = [ev('2027-06-01'), tr('2027-08-01'), tr('2027-10-01'), tr('2027-12-01')]
    expect(gpi48Compliance([tr('2027-02-28'), ...base], '2028-02-29', rules).counted).toBe(4)
    expect(gpi48Compliance([tr('2027-03-01'), ...base], '2028-02-29', rules).counted).toBe(5)
  })
  it('keeps a session of 2024-02-29 in the window of 2025-02-28 (2025-02-28 − 12 months = 2024-02-28)', () => {
    expect(windowStart('2025-02-28', 12)).toBe('2024-02-29')
    const base = [ev('2024-06-01'), tr('2024-08-01'), tr('2024-10-01'), tr('2024-12-01')]
    const r = gpi48Compliance([tr('2024-02-29'), ...base], '2025-02-28', rules)
    expect(r.counted).toBe(5)
    expect(r.countedDays[0]).toBe('2024-02-29')
    // On 2025-03-01 the window starts on 2024-03-02: it has left.
    expect(gpi48Compliance([tr('2024-02-29'), ...base], '2025-03-01', rules).counted).toBe(4)
  })
  it('does not count sessions after asOf', () => {
    const sessions = [...fiveEndingOn('2026-05-01'), tr('2026-07-01')]
    const r = gpi48Compliance(sessions, '2026-05-31', rules)
    expect(r.counted).toBe(5)
    expect(r.countedDays).not.toContain('2026-07-01')
  })
})

describe('sessions and evaluations', () => {
  it('is compliant with five spread sessions including a passed evaluation', () => {
    const r = gpi48Compliance(fiveEndingOn('2026-05-01'), '2026-05-02', rules)
    expect(r).toMatchObject({ status: 'compliant', counted: 5, evaluations: 1, fallsBehindOn: null })
    expect(r.required).toEqual({ sessions: 5, evaluations: 1 })
  })
  it('is behind without an evaluation, however many sessions', () => {
    const sessions = [-150, -120, -90, -60, -30, 0].map((d) => tr(plus('2026-05-01', d)))
    expect(gpi48Compliance(sessions, '2026-05-01', rules)).toMatchObject({
      status: 'behind',
      counted: 6,
      evaluations: 0,
    })
  })
  it('counts a failed evaluation as a session only', () => {
    const sessions = [ev('2026-01-01', 'failed'), ...[30, 60, 90, 120].map((d) => tr(plus('2026-01-01', d)))]
    expect(gpi48Compliance(sessions, '2026-05-15', rules)).toMatchObject({
      status: 'behind',
      counted: 5,
      evaluations: 0,
    })
  })
  it('counts a passed evaluation bunched with other sessions as an evaluation anyway (no gap rule)', () => {
    const sessions = [tr('2026-01-01'), ev('2026-01-03'), ...[30, 60, 90, 120].map((d) => tr(plus('2026-01-01', d)))]
    expect(gpi48Compliance(sessions, '2026-05-15', rules)).toMatchObject({ counted: 5, evaluations: 1 })
  })
  it('counts five sessions in one week once', () => {
    const sessions = [ev('2026-03-02'), tr('2026-03-03'), tr('2026-03-04'), tr('2026-03-05'), tr('2026-03-06')]
    expect(gpi48Compliance(sessions, '2026-03-10', rules)).toMatchObject({ status: 'behind', counted: 1 })
  })
  it('counts a session exactly minGapDays after the counted one, not one a day sooner', () => {
    expect(countedSessions([tr('2026-01-01'), tr('2026-01-15')], '2026-02-01', rules)).toHaveLength(2)
    expect(countedSessions([tr('2026-01-01'), tr('2026-01-14')], '2026-02-01', rules)).toHaveLength(1)
    // Greedy from the earliest: 01-01 counts, 01-10 does not, 01-20 does (19 days after the counted one).
    expect(countedSessions([tr('2026-01-01'), tr('2026-01-10'), tr('2026-01-20')], '2026-02-01', rules)).toEqual([
      tr('2026-01-01'),
      tr('2026-01-20'),
    ])
  })
})

describe('falling behind', () => {
  it('names the first day a session leaves the window, within warnDays: due soon', () => {
    // The evaluation of 2025-07-01 leaves on 2026-07-01 (2026-07-01 − 12 months = 2025-07-01: out).
    const sessions = [ev('2025-07-01'), tr('2025-09-01'), tr('2025-11-01'), tr('2026-01-05'), tr('2026-03-01')]
    const r = gpi48Compliance(sessions, '2026-06-01', rules)
    expect(r).toMatchObject({ status: 'due_soon', counted: 5, fallsBehindOn: '2026-07-01' })
    expect(gpi48Compliance(sessions, '2026-06-30', rules).status).toBe('due_soon')
    expect(gpi48Compliance(sessions, '2026-07-01', rules).status).toBe('behind')
  })
  it('is compliant when nothing leaves within warnDays', () => {
    const sessions = [ev('2025-07-01'), tr('2025-09-01'), tr('2025-11-01'), tr('2026-01-05'), tr('2026-03-01')]
    expect(gpi48Compliance(sessions, '2026-05-01', rules)).toMatchObject({ status: 'compliant', fallsBehindOn: null })
    expect(gpi48Compliance(sessions, '2026-05-02', rules)).toMatchObject({ fallsBehindOn: '2026-07-01' })
  })
  it('stays compliant when a leaving session is made up by a spare one', () => {
    const sessions = [
      tr('2025-07-01'),
      ev('2025-08-01'),
      tr('2025-09-01'),
      tr('2025-11-01'),
      tr('2026-01-05'),
      tr('2026-03-01'),
    ]
    // 2025-07-01 leaves on 2026-07-01 and the spare keeps five; the evaluation leaves on 2026-08-01.
    expect(gpi48Compliance(sessions, '2026-06-15', rules)).toMatchObject({
      status: 'due_soon',
      counted: 6,
      fallsBehindOn: '2026-08-01',
    })
  })
  it('has no fallsBehindOn when behind already', () => {
    expect(gpi48Compliance([tr('2026-01-01')], '2026-02-01', rules).fallsBehindOn).toBeNull()
  })
})

describe('custom thresholds', () => {
  const custom: Gpi48Rules = { windowMonths: 6, minSessions: 3, minEvaluations: 0, minGapDays: 7, warnDays: 10 }
  it('applies the window, counts, gap and horizon of the zone', () => {
    const sessions = [tr('2026-01-10'), tr('2026-01-17'), tr('2026-03-01')]
    expect(gpi48Compliance(sessions, '2026-06-01', custom)).toMatchObject({
      status: 'compliant',
      counted: 3,
      required: { sessions: 3, evaluations: 0 },
      windowStart: '2025-12-02',
    })
    // 2026-01-10 leaves on 2026-07-10, beyond the 10-day horizon of 2026-06-29 … but inside that of 07-01.
    expect(gpi48Compliance(sessions, '2026-06-29', custom).fallsBehindOn).toBeNull()
    expect(gpi48Compliance(sessions, '2026-07-01', custom).fallsBehindOn).toBe('2026-07-10')
    expect(gpi48Compliance(sessions, '2026-06-01', { ...custom, minGapDays: 8 }).counted).toBe(2)
  })
  it('with minGapDays 0 counts every session, even on one day', () => {
    const sessions = [tr('2026-01-10'), tr('2026-01-10'), tr('2026-01-11')]
    expect(gpi48Compliance(sessions, '2026-02-01', { ...custom, minGapDays: 0 }).counted).toBe(3)
  })
})

describe('properties', () => {
  const day = fc.integer({ min: 0, max: 800 }).map((n) => plus('2025-01-01', n))
  const session = fc.record({
    day,
    kind: fc.constantFrom('training' as const, 'evaluation' as const),
    result: fc.constantFrom('passed' as const, 'failed' as const, null),
  })
  const rulesArb = fc.record({
    windowMonths: fc.integer({ min: 1, max: 36 }),
    minSessions: fc.integer({ min: 1, max: 8 }),
    minEvaluations: fc.integer({ min: 0, max: 2 }),
    minGapDays: fc.integer({ min: 0, max: 60 }),
    warnDays: fc.integer({ min: 1, max: 120 }),
  })
  const asOfArb = fc.integer({ min: 0, max: 800 }).map((n) => plus('2025-01-01', n))

  it('counts only window sessions, never more than there are, each counted pair at least minGapDays apart', () => {
    fc.assert(
      fc.property(fc.array(session, { maxLength: 20 }), asOfArb, rulesArb, (sessions, asOf, r) => {
        const res = gpi48Compliance(sessions, asOf, r)
        const inWindow = sessions.filter((s) => s.day >= res.windowStart && s.day <= asOf)
        expect(res.counted).toBeLessThanOrEqual(inWindow.length)
        expect(res.countedDays.every((d) => d >= res.windowStart && d <= asOf)).toBe(true)
        for (let i = 1; i < res.countedDays.length; i++) {
          const gap = Temporal.PlainDate.from(res.countedDays[i - 1]!).until(res.countedDays[i]!).days
          expect(gap).toBeGreaterThanOrEqual(r.minGapDays)
        }
      }),
    )
  })
  it('without new sessions, is compliant every day before fallsBehindOn and not on it', () => {
    fc.assert(
      fc.property(fc.array(session, { maxLength: 14 }), asOfArb, rulesArb, (sessions, asOf, r) => {
        const res = gpi48Compliance(sessions, asOf, r)
        if (res.status === 'behind') return
        const past = sessions.filter((s) => s.day <= asOf)
        const last = res.fallsBehindOn ?? plus(asOf, r.warnDays)
        for (let d = plus(asOf, 1); d < last; d = plus(d, 1))
          expect(gpi48Compliance(past, d, r).status).not.toBe('behind')
        if (res.fallsBehindOn) expect(gpi48Compliance(past, res.fallsBehindOn, r).status).toBe('behind')
      }),
      { numRuns: 60 },
    )
  })
  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(fc.array(session, { maxLength: 14 }), asOfArb, rulesArb, (sessions, asOf, r) => {
        expect(gpi48Compliance([...sessions].reverse(), asOf, r)).toEqual(gpi48Compliance(sessions, asOf, r))
      }),
    )
  })
})

describe('the day a session leaves the window', () => {
  it('is windowMonths later, or the day after when the month is shorter', () => {
    expect(leavesWindowOn('2025-07-01', 12)).toBe('2026-07-01')
    expect(leavesWindowOn('2024-02-29', 12)).toBe('2025-03-01')
    expect(leavesWindowOn('2023-02-28', 12)).toBe('2024-02-28')
    expect(leavesWindowOn('2026-01-31', 1)).toBe('2026-03-01')
    expect(leavesWindowOn('2026-02-28', 1)).toBe('2026-03-28')
  })
  it('is the first day whose window does not hold the session (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1500 }).map((n) => plus('2023-01-01', n)),
        fc.integer({ min: 1, max: 36 }),
        (day, months) => {
          const leaves = leavesWindowOn(day, months)
          expect(windowStart(leaves, months) > day).toBe(true)
          expect(windowStart(plus(leaves, -1), months) <= day).toBe(true)
        },
      ),
    )
  })
})
