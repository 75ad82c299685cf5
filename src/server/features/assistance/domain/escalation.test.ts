import { describe, expect, it } from 'vitest'
import { dueSteps, escalationPlan, nextWake } from './escalation.ts'

const T0 = Date.parse('2026-03-02T03:00:00Z')
const M = 60_000

describe('escalation of an urgent alert', () => {
  const plan = escalationPlan(T0, { on_duty: ['ovw'], shift_leader: ['wl1', 'wl2'], korpschef: ['kc'] }, 5 * M)

  it('alerts on duty at once, then the shift leaders, then the korpschef, each after the timeout', () => {
    expect(plan).toEqual([
      { level: 'on_duty', userIds: ['ovw'], at: T0 },
      { level: 'shift_leader', userIds: ['wl1', 'wl2'], at: T0 + 5 * M },
      { level: 'korpschef', userIds: ['kc'], at: T0 + 10 * M },
    ])
  })

  it('skips an empty level without waiting, and alerts nobody twice', () => {
    expect(escalationPlan(T0, { on_duty: [], shift_leader: ['kc'], korpschef: ['kc'] }, 5 * M)).toEqual([
      { level: 'shift_leader', userIds: ['kc'], at: T0 },
    ])
    expect(escalationPlan(T0, { on_duty: [], shift_leader: [], korpschef: [] }, 5 * M)).toEqual([])
  })

  it('stops at the acknowledgement: later steps are never due, and the job sleeps', () => {
    expect(dueSteps(plan, T0 + 20 * M, T0 + 3 * M).map((s) => s.level)).toEqual(['on_duty'])
    expect(nextWake(plan, T0 + 4 * M, T0 + 3 * M)).toBeNull()
  })

  it('unacknowledged, every step whose time has come is due; the job wakes at the next', () => {
    expect(dueSteps(plan, T0 + 5 * M, null).map((s) => s.level)).toEqual(['on_duty', 'shift_leader'])
    expect(nextWake(plan, T0 + 5 * M, null)).toBe(T0 + 10 * M)
    expect(nextWake(plan, T0 + 10 * M, null)).toBeNull()
  })

  it('refuses a timeout that is not positive', () => {
    expect(() => escalationPlan(T0, { on_duty: ['a'], shift_leader: [], korpschef: [] }, 0)).toThrow(RangeError)
  })
})
