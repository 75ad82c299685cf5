// Enrolments on the server (features/training, issue 11): the session (the sessions part's route), its
// enrolments, whom the reader may enrol, enrolling, cancelling, attendance. Every write invalidates the training
// queries; live events (`training.*`) do the same for changes made elsewhere (another zone, the trainer).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { api, data } from '../../api/client.ts'
import { useLiveEvents, type LiveEvent } from '../../api/live.ts'
import type { operations } from '../../api/schema.d.ts'

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never
type Ok<O extends keyof operations, S extends keyof operations[O]['responses']> = JsonOf<operations[O]['responses'][S]>
type Body<O extends keyof operations> = operations[O] extends {
  requestBody?: { content: { 'application/json': infer T } }
}
  ? T
  : never

export type TrainingSession = Ok<'getTrainingSession', 200>
export type Enrolment = Ok<'listTrainingEnrolments', 200>['enrolments'][number]
export type Enrolable = Ok<'listTrainingEnrolable', 200>['people'][number]
export type AttendanceEntry = Body<'recordTrainingAttendance'>['entries'][number]

const ALL = ['training'] as const
/** The session's key is shared with the sessions part's panel (it invalidates ['training'] after a change). */
export const trainingKeys = {
  session: (id: string) => [...ALL, 'session', id] as const,
  enrolments: (id: string) => [...ALL, 'enrolments', id] as const,
  enrolable: (id: string) => [...ALL, 'enrolable', id] as const,
}

export const useTrainingSession = (id: string) =>
  useQuery({
    queryKey: trainingKeys.session(id),
    queryFn: () => data(api.GET('/api/training/sessions/{id}', { params: { path: { id } } })),
  })

export const useEnrolments = (id: string) =>
  useQuery({
    queryKey: trainingKeys.enrolments(id),
    queryFn: () => data(api.GET('/api/training/sessions/{id}/enrolments', { params: { path: { id } } })),
  })

export const useEnrolable = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: trainingKeys.enrolable(id),
    enabled,
    queryFn: () => data(api.GET('/api/training/sessions/{id}/enrolable', { params: { path: { id } } })),
  })

function useInvalidateTraining() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: ALL })
}

/** Enrol `personId` (absent: oneself). */
export function useEnrol(sessionId: string) {
  const invalidate = useInvalidateTraining()
  return useMutation({
    mutationFn: (personId: string | null) =>
      data(
        api.POST('/api/training/sessions/{id}/enrolments', {
          params: { path: { id: sessionId } },
          body: personId ? { personId } : {},
        }),
      ),
    onSuccess: () => invalidate(),
  })
}

export function useCancelEnrolment() {
  const invalidate = useInvalidateTraining()
  return useMutation({
    mutationFn: (id: string) =>
      data(api.POST('/api/training/enrolments/{id}/cancel', { params: { path: { id } }, body: {} })),
    onSuccess: () => invalidate(),
  })
}

export function useRecordAttendance(sessionId: string) {
  const invalidate = useInvalidateTraining()
  return useMutation({
    mutationFn: (entries: AttendanceEntry[]) =>
      data(
        api.PUT('/api/training/sessions/{id}/attendance', { params: { path: { id: sessionId } }, body: { entries } }),
      ),
    onSuccess: () => invalidate(),
  })
}

/** Refreshes the training queries when an enrolment or session changes elsewhere (`training.*` events). */
export function useLiveTraining(): void {
  const queryClient = useQueryClient()
  const onEvent = useCallback(
    (event: LiveEvent) => {
      if (event.type.startsWith('training.')) void queryClient.invalidateQueries({ queryKey: ALL })
    },
    [queryClient],
  )
  useLiveEvents(onEvent, true)
}
