// The course catalogue on the server (features/training, issue 11): list, create, change.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, data } from '../../api/client.ts'
import type { operations } from '../../api/schema.d.ts'

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never
type Body<O extends keyof operations> = operations[O] extends {
  requestBody?: { content: { 'application/json': infer T } }
}
  ? T
  : never

export type Course = JsonOf<operations['listTrainingCourses']['responses'][200]>['courses'][number]
export type CourseCreate = Body<'createTrainingCourse'>
export type CoursePatch = Body<'updateTrainingCourse'>

export const useCourses = (associationId?: string) =>
  useQuery({
    queryKey: ['training', 'courses', associationId ?? null],
    queryFn: () =>
      data(api.GET('/api/training/courses', { params: { query: associationId ? { associationId } : {} } })),
  })

export function useSaveCourse() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: CourseCreate }) =>
      id
        ? data(api.PATCH('/api/training/courses/{id}', { params: { path: { id } }, body }))
        : data(api.POST('/api/training/courses', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['training'] }),
  })
}
