// Attendance's pure rules (issue 11): the window, a result only when present, a result required for an
// evaluation or a course with a qualification.
import { describe, expect, it } from 'vitest'
import { attendanceOpen, entryProblem } from './attendance.ts'

const from = new Date('2026-03-02T09:00:00Z')
const to = new Date('2026-03-02T11:00:00Z')
const DAY = 86_400_000

describe('attendanceOpen', () => {
  const s = { status: 'planned', from, to }
  it('opens at the start and closes 60 days after the end', () => {
    expect(attendanceOpen(s, new Date(from.getTime() - 1))).toBe(false)
    expect(attendanceOpen(s, from)).toBe(true)
    expect(attendanceOpen(s, new Date(to.getTime() + 60 * DAY))).toBe(true)
    expect(attendanceOpen(s, new Date(to.getTime() + 60 * DAY + 1))).toBe(false)
  })
  it('stays open for a completed session (corrections) and never for a cancelled one', () => {
    expect(attendanceOpen({ ...s, status: 'completed' }, to)).toBe(true)
    expect(attendanceOpen({ ...s, status: 'cancelled' }, to)).toBe(false)
  })
})

describe('entryProblem', () => {
  const training = { kind: 'gpi48_training' as const, qualificationCode: null }
  const evaluation = { kind: 'gpi48_evaluation' as const, qualificationCode: null }
  const firstAid = { kind: 'first_aid' as const, qualificationCode: 'first_aid' }
  it('refuses a result for someone absent or excused', () => {
    expect(entryProblem(training, [{ enrolmentId: 'e', attendance: 'absent', result: 'failed' }])).toEqual({
      code: 'RESULT_WITHOUT_PRESENCE',
      enrolmentId: 'e',
    })
  })
  it('wants a result for everyone present at an evaluation or a qualifying course', () => {
    expect(entryProblem(evaluation, [{ enrolmentId: 'e', attendance: 'present' }])?.code).toBe('RESULT_REQUIRED')
    expect(entryProblem(firstAid, [{ enrolmentId: 'e', attendance: 'present', result: null }])?.code).toBe(
      'RESULT_REQUIRED',
    )
    expect(entryProblem(firstAid, [{ enrolmentId: 'e', attendance: 'excused' }])).toBeNull()
  })
  it('lets a plain training go without a result', () => {
    expect(entryProblem(training, [{ enrolmentId: 'e', attendance: 'present' }])).toBeNull()
  })
})
