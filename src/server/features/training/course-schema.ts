// The API of the course catalogue (issue 11, train-sessions): an association's courses.
import { Type, type Static } from 'typebox'
import { COURSE_KINDS, QUALIFICATION_CODES } from '../../platform/enums.ts'
import { Nullable, StringEnum, Uuid } from '../../platform/typebox.ts'
import { CourseRef } from './session-schema.ts'

export const Course = Type.Object({
  ...CourseRef.properties,
  associationId: Uuid,
  description: Nullable(Type.String()),
  active: Type.Boolean(),
})
export type Course = Static<typeof Course>
export const CourseList = Type.Object({ courses: Type.Array(Course) })
export type CourseList = Static<typeof CourseList>

export const CourseListQuery = Type.Object({ associationId: Type.Optional(Uuid) }, { additionalProperties: false })

const Code = Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{1,19}$', minLength: 2, maxLength: 20 })
const fields = {
  code: Code,
  kind: StringEnum(COURSE_KINDS),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  description: Nullable(Type.String({ maxLength: 4000 })),
  durationMinutes: Type.Integer({ minimum: 15, maximum: 2880 }),
  qualificationCode: Nullable(StringEnum(QUALIFICATION_CODES)),
  qualificationMonths: Nullable(Type.Integer({ minimum: 1, maximum: 120 })),
  active: Type.Boolean(),
}

export const CourseCreateBody = Type.Object(
  {
    associationId: Type.Optional(Uuid),
    code: fields.code,
    kind: fields.kind,
    title: fields.title,
    description: Type.Optional(fields.description),
    durationMinutes: fields.durationMinutes,
    qualificationCode: Type.Optional(fields.qualificationCode),
    qualificationMonths: Type.Optional(fields.qualificationMonths),
  },
  { additionalProperties: false },
)
export type CourseCreateBody = Static<typeof CourseCreateBody>

export const CoursePatchBody = Type.Partial(Type.Object(fields), { additionalProperties: false, minProperties: 1 })
export type CoursePatchBody = Static<typeof CoursePatchBody>
