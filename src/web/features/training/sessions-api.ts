// Training sessions on the server (features/training, issue 11): the calendar, one session, creating and editing,
// cancelling, trainer hours, the suggested split of places and the trainer candidates. Every write invalidates
// ['training']; the live event `training.session.changed` does the same for another zone's changes.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
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
type Query<O extends keyof operations> = operations[O] extends { parameters: { query?: infer Q } }
  ? NonNullable<Q>
  : never

export type TrainingSession = Ok<'getTrainingSession', 200>
export type SessionSummary = Ok<'listTrainingSessions', 200>['sessions'][number]
export type SessionListQuery = Query<'listTrainingSessions'>
export type SessionCreate = Body<'createTrainingSession'>
export type SessionPatch = Body<'updateTrainingSession'>
export type PlacesSplitQuery = Query<'suggestPlacesSplit'>
export type TrainerCandidates = Ok<'listTrainerCandidates', 200>
export type CourseKind = SessionSummary['course']['kind']

export const trainingKeys = {
  all: ['training'] as const,
  list: (q: SessionListQuery) => ['training', 'sessions', q] as const,
  session: (id: string) => ['training', 'session', id] as const,
  split: (q: PlacesSplitQuery | null) => ['training', 'split', q] as const,
  candidates: (zoneId: string | null) => ['training', 'candidates', zoneId] as const,
}

export const useSessions = (q: SessionListQuery) =>
  useQuery({
    queryKey: trainingKeys.list(q),
    queryFn: () => data(api.GET('/api/training/sessions', { params: { query: q } })),
    placeholderData: keepPreviousData,
  })

export const useTrainingSession = (id: string) =>
  useQuery({
    queryKey: trainingKeys.session(id),
    queryFn: () => data(api.GET('/api/training/sessions/{id}', { params: { path: { id } } })),
  })

/** The suggested places per zone (asked again as capacity, zones, key or day change). */
export const usePlacesSplit = (q: PlacesSplitQuery | null) =>
  useQuery({
    queryKey: trainingKeys.split(q),
    enabled: q !== null,
    retry: false,
    queryFn: () => data(api.GET('/api/training/places-split', { params: { query: q! } })),
  })

export const useTrainerCandidates = (zoneId: string | null, enabled = true) =>
  useQuery({
    queryKey: trainingKeys.candidates(zoneId),
    enabled,
    retry: false,
    queryFn: () => data(api.GET('/api/training/trainer-candidates', { params: { query: zoneId ? { zoneId } : {} } })),
  })

function useWrite<A, R>(fn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trainingKeys.all }),
  })
}

export const useCreateSession = () =>
  useWrite((body: SessionCreate) => data(api.POST('/api/training/sessions', { body })))

export const useUpdateSession = (id: string) =>
  useWrite((body: SessionPatch) => data(api.PATCH('/api/training/sessions/{id}', { params: { path: { id } }, body })))

export const useCancelSession = (id: string) =>
  useWrite((reason: string) =>
    data(api.POST('/api/training/sessions/{id}/cancel', { params: { path: { id } }, body: { reason } })),
  )

export const usePostTrainerHours = (id: string) =>
  useWrite(() => data(api.POST('/api/training/sessions/{id}/trainer-hours', { params: { path: { id } } })))

/** Refreshes the training queries when a session changes elsewhere (another zone, another tab). */
export function useLiveTraining(): void {
  const queryClient = useQueryClient()
  const onEvent = useCallback(
    (event: LiveEvent) => {
      if (event.type.startsWith('training.')) void queryClient.invalidateQueries({ queryKey: trainingKeys.all })
    },
    [queryClient],
  )
  useLiveEvents(onEvent, true)
}
