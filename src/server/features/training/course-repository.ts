// All SQL of the course catalogue (issue 11, train-sessions).
import type { Kysely, Transaction } from 'kysely'
import { registerConstraintCodes } from '../../platform/errors.ts'
import type { DB } from '../../platform/schema.ts'
import type { Course } from './course-schema.ts'

registerConstraintCodes({
  training_courses_code_unique: 'COURSE_CODE_TAKEN',
  training_courses_qualification: 'COURSE_QUALIFICATION_MISSING',
})

type Db = Kysely<DB> | Transaction<DB>

const COLUMNS = [
  'c.id',
  'c.association_id',
  'c.code',
  'c.kind',
  'c.title',
  'c.description',
  'c.duration_minutes',
  'c.qualification_code',
  'c.qualification_months',
  'c.active',
] as const

type Row = {
  id: string
  association_id: string
  code: string
  kind: Course['kind']
  title: string
  description: string | null
  duration_minutes: number
  qualification_code: string | null
  qualification_months: number | null
  active: boolean
}

export const presentCourse = (r: Row): Course => ({
  id: r.id,
  associationId: r.association_id,
  code: r.code,
  kind: r.kind,
  title: r.title,
  description: r.description,
  durationMinutes: r.duration_minutes,
  qualificationCode: r.qualification_code,
  qualificationMonths: r.qualification_months,
  active: r.active,
})

export function courseRepository(db: Db) {
  return {
    async list(associationIds: readonly string[]): Promise<Course[]> {
      if (associationIds.length === 0) return []
      const rows = await db
        .selectFrom('training_courses as c')
        .select(COLUMNS)
        .where('c.association_id', 'in', [...associationIds])
        .orderBy('c.active', 'desc')
        .orderBy('c.code')
        .execute()
      return rows.map(presentCourse)
    },

    async byId(id: string, lock = false): Promise<Course | null> {
      let q = db.selectFrom('training_courses as c').select(COLUMNS).where('c.id', '=', id)
      if (lock) q = q.forUpdate()
      const row = await q.executeTakeFirst()
      return row ? presentCourse(row) : null
    },

    async insert(c: Omit<Course, 'id' | 'active'>, userId: string, at: Date): Promise<string> {
      const { id } = await db
        .insertInto('training_courses')
        .values({
          association_id: c.associationId,
          code: c.code,
          kind: c.kind,
          title: c.title,
          description: c.description,
          duration_minutes: c.durationMinutes,
          qualification_code: c.qualificationCode,
          qualification_months: c.qualificationMonths,
          created_by: userId,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return id
    },

    async update(id: string, c: Omit<Course, 'id' | 'associationId'>, at: Date): Promise<void> {
      await db
        .updateTable('training_courses')
        .set({
          code: c.code,
          kind: c.kind,
          title: c.title,
          description: c.description,
          duration_minutes: c.durationMinutes,
          qualification_code: c.qualificationCode,
          qualification_months: c.qualificationMonths,
          active: c.active,
          updated_at: at,
        })
        .where('id', '=', id)
        .execute()
    },

    /** The associations a zone is a member of on `date` (a zone's catalogue). */
    async associationsOf(zoneIds: readonly string[], date: string): Promise<string[]> {
      if (zoneIds.length === 0) return []
      const rows = await db
        .selectFrom('association_memberships as m')
        .select('m.association_id')
        .distinct()
        .where('m.zone_id', 'in', [...zoneIds])
        .where('m.valid_from', '<=', date)
        .where((eb) => eb.or([eb('m.valid_to', 'is', null), eb('m.valid_to', '>=', date)]))
        .execute()
      return rows.map((r) => r.association_id)
    },
  }
}
