// The course catalogue of an association (issue 11, train-sessions). Read: zones party to one of its agreements in
// force, its admin (training.read); write: a trainer or korpschef of a zone party to an agreement in force listing
// `training`, its admin (training.manage). Code unique per association (409 COURSE_CODE_TAKEN).
import type { Kysely } from 'kysely'
import { audit } from '../../platform/audit.ts'
import { now } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { decide, scope } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { courseRepository } from './course-repository.ts'
import type { Course, CourseCreateBody, CourseList, CoursePatchBody } from './course-schema.ts'

/** The associations whose catalogue the reader sees (admin, or party to an agreement in force of it). */
export async function readableAssociations(ctx: PolicyContext): Promise<string[]> {
  const s = await scope(ctx, 'training.read')
  return [...new Set([...s.associationIds, ...s.grants.map((g) => g.associationId)])].sort()
}

async function manageable(ctx: PolicyContext, associationId: string): Promise<void> {
  // Any agreement in force of the association, as for reading (the policy matrix's model of `inForce`).
  const d = await decide(ctx, 'training.manage', { associationIds: [associationId] })
  if (d.allowed) return
  const seen = await decide(ctx, 'training.read', { associationIds: [associationId] })
  throw new AppError(seen.allowed ? 'FORBIDDEN' : 'NOT_FOUND')
}

const qualificationProblem = (c: Pick<Course, 'qualificationCode' | 'qualificationMonths'>) => {
  if (c.qualificationMonths !== null && c.qualificationCode === null) throw new AppError('COURSE_QUALIFICATION_MISSING')
}

export function courseService(db: Kysely<DB>) {
  return {
    async list(ctx: PolicyContext, associationId: string | undefined): Promise<CourseList> {
      const readable = await readableAssociations(ctx)
      if (associationId !== undefined && !readable.includes(associationId)) throw new AppError('NOT_FOUND')
      return { courses: await courseRepository(db).list(associationId ? [associationId] : readable) }
    },

    async create(ctx: PolicyContext, body: CourseCreateBody): Promise<Course> {
      let associationId = body.associationId
      if (associationId === undefined) {
        const readable = await readableAssociations(ctx)
        if (readable.length !== 1) throw new AppError('VALIDATION_FAILED', { field: 'associationId' })
        associationId = readable[0]!
      }
      await manageable(ctx, associationId)
      const course = {
        associationId,
        code: body.code,
        kind: body.kind,
        title: body.title.trim(),
        description: body.description?.trim() || null,
        durationMinutes: body.durationMinutes,
        qualificationCode: body.qualificationCode ?? null,
        qualificationMonths: body.qualificationMonths ?? null,
      }
      qualificationProblem(course)
      return db.transaction().execute(async (trx) => {
        const repo = courseRepository(trx)
        const id = await repo.insert(course, ctx.actor.userId, now())
        await audit.write(
          trx,
          ctx.actor,
          'training.course.create',
          { type: 'training_course', id },
          {
            associationId,
            code: course.code,
          },
        )
        return (await repo.byId(id))!
      })
    },

    async update(ctx: PolicyContext, id: string, body: CoursePatchBody): Promise<Course> {
      return db.transaction().execute(async (trx) => {
        const repo = courseRepository(trx)
        const c = ctx.on(trx)
        const before = await repo.byId(id, true)
        if (!before || !(await readableAssociations(c)).includes(before.associationId)) throw new AppError('NOT_FOUND')
        await manageable(c, before.associationId)
        const after = {
          code: body.code ?? before.code,
          kind: body.kind ?? before.kind,
          title: body.title?.trim() ?? before.title,
          description: body.description === undefined ? before.description : body.description?.trim() || null,
          durationMinutes: body.durationMinutes ?? before.durationMinutes,
          qualificationCode: body.qualificationCode === undefined ? before.qualificationCode : body.qualificationCode,
          qualificationMonths:
            body.qualificationMonths === undefined ? before.qualificationMonths : body.qualificationMonths,
          active: body.active ?? before.active,
        }
        qualificationProblem(after)
        await repo.update(id, after, now())
        const changed = Object.keys(body).sort()
        await audit.write(trx, ctx.actor, 'training.course.update', { type: 'training_course', id }, { changed })
        return (await repo.byId(id))!
      })
    },
  }
}
