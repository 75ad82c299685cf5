// Rotations (permanenties), their members, rosters and duties on the server: set-up for planners, the draft a
// generation leaves, publication and overrides, and the duties in force over a month or a year.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useState } from 'react'
import { api, ApiError, data } from '../../api/client.ts'
import { useLiveEvents, type LiveEvent } from '../../api/live.ts'
import type { components, operations } from '../../api/schema.d.ts'

export type Rotation = components['schemas']['Rotation']
type Ok<O extends keyof operations> = operations[O]['responses'] extends {
  200: { content: { 'application/json': infer T } }
}
  ? T
  : never
type Body<O extends keyof operations> = operations[O] extends {
  requestBody: { content: { 'application/json': infer T } }
}
  ? T
  : never
export type RotationCreate = Body<'createRotation'>
export type RotationPatch = Body<'updateRotation'>
export type Member = Ok<'listRotationMembers'>['items'][number]
export type Draft = Ok<'getRosterDraft'>
export type Duty = Ok<'listDutiesInRange'>['items'][number]
export type PersonOnDuty = NonNullable<Duty['person']>
export type Pattern = Rotation['pattern']
export type ZoneKey = Rotation['zoneKey']
export type Eligibility = Rotation['eligibility']
export type WorkingTimeRules = Rotation['rules']
export type DutyKind = Rotation['dutyKind']
export type OverrideBody = Body<'overrideDuty'>

export const rotationKeys = {
  all: ['rotations'] as const,
  list: (associationId: string | undefined) => ['rotations', 'list', associationId ?? null] as const,
  one: (id: string) => ['rotations', 'one', id] as const,
  members: (id: string) => ['rotations', 'one', id, 'members'] as const,
  draft: (id: string) => ['rotations', 'one', id, 'draft'] as const,
  duties: (id: string, from: string, to: string) => ['rotations', 'one', id, 'duties', from, to] as const,
}

export function useRotations(associationId: string | undefined) {
  return useQuery({
    queryKey: rotationKeys.list(associationId),
    queryFn: () => data(api.GET('/api/rotations', { params: { query: { associationId } } })),
  })
}

export function useRotation(id: string) {
  return useQuery({
    queryKey: rotationKeys.one(id),
    queryFn: () => data(api.GET('/api/rotations/{id}', { params: { path: { id } } })),
  })
}

export function useMembers(id: string) {
  return useQuery({
    queryKey: rotationKeys.members(id),
    queryFn: () => data(api.GET('/api/rotations/{id}/members', { params: { path: { id } } })),
  })
}

/** The rotation's draft, or null when there is none (the API answers 404); polled while it is being solved. */
export function useDraft(id: string) {
  return useQuery({
    queryKey: rotationKeys.draft(id),
    queryFn: async () => {
      try {
        return await data(api.GET('/api/rotations/{id}/roster/draft', { params: { path: { id } } }))
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null
        throw err
      }
    },
    // The events say when it is done; polling is the safety net if the stream is down.
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 2000 : false),
  })
}

/** The duties in force overlapping the local days from … to (inclusive). */
export function useDuties(id: string, from: string, to: string) {
  return useQuery({
    queryKey: rotationKeys.duties(id, from, to),
    queryFn: () => data(api.GET('/api/rotations/{id}/duties/range', { params: { path: { id }, query: { from, to } } })),
  })
}

function useRotationWrite<Input, Output>(write: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: write,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: rotationKeys.all }),
  })
}

export const useCreateRotation = () =>
  useRotationWrite((body: RotationCreate) => data(api.POST('/api/rotations', { body })))

export const useUpdateRotation = (id: string) =>
  useRotationWrite((body: RotationPatch) => data(api.PATCH('/api/rotations/{id}', { params: { path: { id } }, body })))

export const useAddMember = (id: string) =>
  useRotationWrite((body: { personId: string; from?: string }) =>
    data(api.POST('/api/rotations/{id}/members', { params: { path: { id } }, body })),
  )

export const useEndMember = (id: string) =>
  useRotationWrite((input: { memberId: string; lastDay?: string }) =>
    data(
      api.DELETE('/api/rotations/{id}/members/{memberId}', {
        params: { path: { id, memberId: input.memberId }, query: input.lastDay ? { lastDay: input.lastDay } : {} },
      }),
    ),
  )

export const useGenerate = (id: string) =>
  useRotationWrite((body: { from: string; to: string }) =>
    data(api.POST('/api/rotations/{id}/roster/generate', { params: { path: { id } }, body })),
  )

export const usePublish = (id: string) =>
  useRotationWrite((versionId: string) =>
    data(api.POST('/api/rotations/{id}/roster/publish', { params: { path: { id } }, body: { versionId } })),
  )

export const useOverride = (id: string) =>
  useRotationWrite((body: OverrideBody) =>
    data(api.POST('/api/rotations/{id}/duties/override', { params: { path: { id } }, body })),
  )

/**
 * The progress of this rotation's generation, from the live events: `roster.progress` carries the fraction,
 * `roster.generated` the end (the draft is then read again). Null while no event has come for the version.
 */
export function useRosterProgress(rotationId: string, versionId: string | null): number | null {
  const queryClient = useQueryClient()
  const [progress, setProgress] = useState<{ versionId: string; fraction: number } | null>(null)
  const onEvent = useCallback(
    (event: LiveEvent) => {
      if (event.payload.rotationId !== rotationId) return
      const version = typeof event.payload.versionId === 'string' ? event.payload.versionId : null
      if (!version) return
      if (event.type === 'roster.progress' && typeof event.payload.fraction === 'number')
        setProgress({ versionId: version, fraction: event.payload.fraction })
      if (event.type === 'roster.generated') {
        setProgress({ versionId: version, fraction: 1 })
        void queryClient.invalidateQueries({ queryKey: rotationKeys.draft(rotationId) })
      }
      if (event.type === 'roster.published' || event.type.startsWith('duty.'))
        void queryClient.invalidateQueries({ queryKey: rotationKeys.one(rotationId) })
    },
    [queryClient, rotationId],
  )
  useLiveEvents(onEvent, true)
  return progress && progress.versionId === versionId ? progress.fraction : null
}
