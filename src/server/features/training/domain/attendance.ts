// Training (issue 11): the rules of recording attendance and results, as pure functions. Attendance opens at the
// session's start and closes 60 days after its end; a result only for someone present; an evaluation, or a course
// that grants a qualification, needs a result for everyone present.
import type { Attendance, CourseKind, TrainingResult } from '../../../platform/enums.ts'

export const ATTENDANCE_DAYS_AFTER = 60
const DAY = 24 * 3_600_000

export const attendanceOpen = (session: { status: string; from: Date; to: Date }, at: Date): boolean =>
  session.status !== 'cancelled' &&
  at.getTime() >= session.from.getTime() &&
  at.getTime() <= session.to.getTime() + ATTENDANCE_DAYS_AFTER * DAY

export interface AttendanceEntry {
  enrolmentId: string
  attendance: Attendance
  result?: TrainingResult | null
}

export type EntryProblem = 'RESULT_WITHOUT_PRESENCE' | 'RESULT_REQUIRED'

/** The first problem of the entries, with the enrolment it concerns; null when all are fine. */
export function entryProblem(
  course: { kind: CourseKind; qualificationCode: string | null },
  entries: readonly AttendanceEntry[],
): { code: EntryProblem; enrolmentId: string } | null {
  const needsResult = course.kind === 'gpi48_evaluation' || course.qualificationCode !== null
  for (const e of entries) {
    const result = e.result ?? null
    if (result !== null && e.attendance !== 'present')
      return { code: 'RESULT_WITHOUT_PRESENCE', enrolmentId: e.enrolmentId }
    if (result === null && e.attendance === 'present' && needsResult)
      return { code: 'RESULT_REQUIRED', enrolmentId: e.enrolmentId }
  }
  return null
}
