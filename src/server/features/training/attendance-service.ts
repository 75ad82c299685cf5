// Attendance and results (issue 11): the trainer or korpschef of the organising zone, or a trainer listed on the
// session (also of a partner zone), records per enrolled person present / absent / excused and, for someone
// present, passed / failed — from the session's start until 60 days after its end. A pass of a course with a
// qualification renews it (obtained on the session's day, valid for the course's months). When every enrolled
// person has attendance the session is completed. Recording again corrects (audited again).
import type { Kysely } from 'kysely'
import { now } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { scope } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { addMonths, brusselsDate } from '../../platform/time.ts'
import { renewQualification } from '../people/repository.ts'
import { attendanceOpen, entryProblem } from './domain/attendance.ts'
import { positions } from './domain/waitlist.ts'
import { cancelVerdict, presentEnrolment } from './enrolment-access.ts'
import { enrolmentRepository } from './enrolment-repository.ts'
import { recordEnrolmentWrite } from './enrolment-record.ts'
import type { AttendanceBody, AttendanceResult } from './enrolment-schema.ts'
import { visibleSession } from './enrolment-service.ts'

export function attendanceService(db: Kysely<DB>) {
  return {
    record: (ctx: PolicyContext, sessionId: string, body: AttendanceBody): Promise<AttendanceResult> =>
      db.transaction().execute(async (trx) => {
        const c = ctx.on(trx)
        const repo = enrolmentRepository(trx)
        const { session, standing } = await visibleSession(trx, c, sessionId, true)
        const s = await scope(c, 'training.attendance')
        const listedTrainer = standing.trainer && ctx.actor.roles.some((r) => r.role === 'trainer' && r.zoneId !== null)
        if (!s.ownZoneIds.includes(session.zone_id) && !listedTrainer) throw new AppError('FORBIDDEN')
        const at = now()
        if (!attendanceOpen(session, at)) throw new AppError('ATTENDANCE_NOT_OPEN')
        const ids = body.entries.map((e) => e.enrolmentId)
        if (new Set(ids).size !== ids.length) throw new AppError('VALIDATION_FAILED', { field: 'entries' })
        const live = await repo.liveOf(session.id, ids)
        const enrolled = new Map(live.filter((e) => e.status === 'enrolled').map((e) => [e.id, e]))
        const stray = ids.find((id) => !enrolled.has(id))
        if (stray) throw new AppError('ATTENDANCE_NOT_ENROLLED', { enrolmentId: stray })
        const problem = entryProblem(
          { kind: session.course_kind, qualificationCode: session.qualification_code },
          body.entries,
        )
        if (problem) throw new AppError(problem.code, { enrolmentId: problem.enrolmentId })
        const day = brusselsDate(session.from)
        for (const e of body.entries) {
          const row = enrolled.get(e.enrolmentId)!
          await repo.setAttendance(e.enrolmentId, {
            attendance: e.attendance,
            result: e.result ?? null,
            userId: ctx.actor.userId,
            at,
          })
          if (e.result === 'passed' && session.qualification_code && session.qualification_months)
            await renewQualification(trx, {
              personId: row.person_id,
              code: session.qualification_code,
              obtainedOn: day,
              validUntil: addMonths(day, session.qualification_months),
            })
        }
        const completed = await repo.completeIfRecorded(session.id, at)
        await recordEnrolmentWrite(
          trx,
          ctx.actor,
          session,
          'training.attendance.record',
          { type: 'training_session', id: session.id },
          [...new Set(live.map((e) => e.zone_id))],
          {
            entries: body.entries.map((e) => ({
              enrolmentId: e.enrolmentId,
              personId: enrolled.get(e.enrolmentId)!.person_id,
              attendance: e.attendance,
              result: e.result ?? null,
            })),
            completed,
          },
        )
        const after = await repo.session(session.id)
        const rows = await repo.list(session.id, {
          zoneIds: session.places.map((p) => p.zoneId),
          all: false,
          scope: { ownZoneIds: [], reach: [], date: c.date },
        })
        const waiting = positions(
          rows.filter((r) => r.status === 'waitlisted').map((r) => ({ id: r.id, queuedAt: new Date(r.queued_at) })),
        )
        return {
          enrolments: rows
            .filter((r) => enrolled.has(r.id))
            .map((r) =>
              presentEnrolment(r, {
                position: waiting.get(r.id) ?? null,
                cancel: cancelVerdict(ctx.actor, after!, r, at).allowed,
              }),
            ),
          sessionStatus: after!.status,
        }
      }),
  }
}
