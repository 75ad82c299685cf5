import { describe, expect, it } from 'vitest'
import { checkRoster } from './check.ts'
import { OFFICER_OF_DUTY } from './eligibility.ts'
import { expandPattern } from './patterns.ts'
import type { PersonInput, RosterInput, RuleCode } from './types.ts'

const H = 3_600_000
const people: PersonInput[] = [
  { id: 'kim', zoneId: 'a', rank: 'commissaris', qualifications: [] },
  { id: 'jan', zoneId: 'b', rank: 'hoofdinspecteur', qualifications: ['obp'] },
  { id: 'els', zoneId: 'b', rank: 'hoofdinspecteur', qualifications: ['ogp'] },
  { id: 'tom', zoneId: 'elsewhere', rank: 'commissaris', qualifications: [] },
]

function input(overrides: Partial<RosterInput> & Pick<RosterInput, 'slots'>): RosterInput {
  return {
    rotation: {
      id: 'r',
      dutyKind: 'present',
      peoplePerSlot: 1,
      eligibility: OFFICER_OF_DUTY,
      zones: [{ id: 'a' }, { id: 'b' }],
      zoneKey: { kind: 'equal' },
    },
    people,
    ...overrides,
  }
}

const rules = (violations: ReturnType<typeof checkRoster>) =>
  violations.map((v) => `${v.rule} ${v.slotId} ${v.personId ?? '-'}`)
// Eight-hour present shifts, 07:00–15:00, every day of a week in June 2026 (no holiday).
const shifts = expandPattern(
  { kind: 'custom', shifts: [{ label: 'd', weekdays: [1, 2, 3, 4, 5, 6, 7], start: '07:00', end: { time: '15:00' } }] },
  '2026-06-01',
  '2026-06-08',
)
const nights = expandPattern(
  { kind: 'custom', shifts: [{ label: 'n', weekdays: [1, 2, 3, 4, 5, 6, 7], start: '22:00', end: { time: '06:00' } }] },
  '2026-06-01',
  '2026-06-08',
)

describe('checkRoster', () => {
  it('accepts a valid roster', () => {
    const slots = shifts.slice(0, 2)
    expect(
      checkRoster(input({ slots }), [
        { slotId: 'd:2026-06-01', personIds: ['kim'] },
        { slotId: 'd:2026-06-02', personIds: ['jan'] },
      ]),
    ).toEqual([])
  })

  it('names eligibility, zone, staffing and unknown ids', () => {
    const slots = shifts.slice(0, 4)
    const result = rules(
      checkRoster(input({ slots }), [
        { slotId: 'd:2026-06-01', personIds: ['els'] },
        { slotId: 'd:2026-06-02', personIds: ['tom'] },
        { slotId: 'd:2026-06-03', personIds: ['kim', 'kim'] },
        { slotId: 'nope', personIds: ['kim'] },
        { slotId: 'd:2026-06-04', personIds: ['ghost'] },
      ]),
    )
    expect(result).toEqual(
      expect.arrayContaining([
        'NOT_ELIGIBLE d:2026-06-01 els',
        'ZONE_NOT_COVERED d:2026-06-02 tom',
        'DUPLICATE_IN_SLOT d:2026-06-03 kim',
        'UNKNOWN_SLOT nope -',
        'UNKNOWN_PERSON d:2026-06-04 ghost',
        'SLOT_UNDERSTAFFED d:2026-06-04 -',
      ]),
    )
    expect(result).toHaveLength(6)
  })

  it('finds leave, overlaps with other rotations, short rest and too much work', () => {
    const slots = [...shifts, ...nights].sort((a, b) => a.start - b.start)
    const day1 = shifts[0]?.start ?? 0
    const violations = checkRoster(
      input({
        slots,
        unavailability: [{ personId: 'jan', start: day1 + 48 * H, end: day1 + 50 * H }],
        busy: [{ personId: 'kim', kind: 'work', start: day1 + 120 * H, end: day1 + 121 * H, ref: 'other-rotation' }],
      }),
      [
        // kim: day 1 07–15 then night 1 22–06: 7 h rest and 16 h in 24 h.
        { slotId: 'd:2026-06-01', personIds: ['kim'] },
        { slotId: 'n:2026-06-01', personIds: ['kim'] },
        { slotId: 'd:2026-06-03', personIds: ['jan'] },
        { slotId: 'd:2026-06-06', personIds: ['kim'] },
      ],
    )
    const found = new Set(rules(violations))
    for (const v of [
      'REST_TOO_SHORT d:2026-06-01 kim',
      'REST_TOO_SHORT n:2026-06-01 kim',
      'WORK_PER_24H n:2026-06-01 kim',
      'UNAVAILABLE d:2026-06-03 jan',
      'OVERLAP d:2026-06-06 kim',
    ]) {
      expect(found).toContain(v)
    }
    expect(violations.find((v) => v.rule === 'OVERLAP')?.other).toBe('other-rotation')
  })

  it('counts at most 50 hours in a calendar week, and on-call time as no work', () => {
    const long = expandPattern(
      {
        kind: 'custom',
        shifts: [{ label: 'l', weekdays: [1, 2, 3, 4, 5, 6, 7], start: '06:00', end: { time: '16:00' } }],
      },
      '2026-06-01',
      '2026-06-08',
    )
    const all = long.map((s) => ({ slotId: s.id, personIds: ['kim'] }))
    const present = checkRoster(input({ slots: long }), all)
    expect(present.filter((v) => v.rule === 'WORK_PER_WEEK').length).toBeGreaterThan(0)
    expect(present.some((v) => v.rule === 'REST_TOO_SHORT' || v.rule === 'WORK_PER_24H')).toBe(false)
    const onCall = input({ slots: long })
    expect(checkRoster({ ...onCall, rotation: { ...onCall.rotation, dutyKind: 'on_call' } }, all)).toEqual([])
  })

  it('applies the on-call gap and frequency limits', () => {
    const weeks = expandPattern({ kind: 'weekly', handoffWeekday: 1, handoffTime: '07:00' }, '2026-03-02', '2026-04-27')
    const base = input({ slots: weeks })
    const rotation = { ...base.rotation, dutyKind: 'on_call' as const }
    const roster = weeks.map((s, i) => ({ slotId: s.id, personIds: [i % 2 === 0 ? 'kim' : 'jan'] }))
    const codes = (r: Partial<RosterInput['rules']>): RuleCode[] =>
      checkRoster({ ...base, rotation, rules: r }, roster).map((v) => v.rule)
    expect(codes({})).toEqual([])
    // Every other week, across the March DST change (a 167-hour week): fine for one in any 14 days.
    expect(codes({ onCallFrequency: { maxDuties: 1, windowDays: 14 } })).toEqual([])
    expect(codes({ onCallFrequency: { maxDuties: 1, windowDays: 15 } })).toContain('ON_CALL_FREQUENCY')
    // A duty of the same rotation before the period counts; one of another rotation does not.
    const before = { personId: 'kim', kind: 'on_call' as const, start: (weeks[0]?.start ?? 0) - 8 * 24 * H }
    const earlier = (rotationId: string) =>
      checkRoster(
        {
          ...base,
          rotation,
          rules: { onCallFrequency: { maxDuties: 1, windowDays: 14 } },
          busy: [{ ...before, end: before.start + H, rotationId }],
        },
        roster,
      ).map((v) => `${v.rule} ${v.slotId}`)
    expect(earlier('r')).toEqual(['ON_CALL_FREQUENCY week:2026-03-02'])
    expect(earlier('another')).toEqual([])
    // The gap is real elapsed time: kim's week off from 23 to 30 March lasts 167 hours (spring change).
    expect(codes({ minHoursBetweenOnCall: 167 })).toEqual([])
    expect(codes({ minHoursBetweenOnCall: 168 })).toEqual(['ON_CALL_GAP', 'ON_CALL_GAP'])
  })

  it('reports a locked slot that changed', () => {
    const slots = shifts.slice(0, 2)
    const violations = checkRoster(
      input({ slots, previous: [{ slotId: 'd:2026-06-01', personIds: ['kim'] }], now: (slots[1]?.start ?? 0) - 1 }),
      [
        { slotId: 'd:2026-06-01', personIds: ['jan'] },
        { slotId: 'd:2026-06-02', personIds: ['kim'] },
      ],
    )
    expect(rules(violations)).toEqual(['LOCKED_SLOT_CHANGED d:2026-06-01 -'])
  })
})
