// GPI 48 compliance on the server (features/training, issue 11): a person's standing, a zone's overview (and its
// CSV), the suggested sessions, the zone's thresholds. Live events `training.*` (enrolments, attendance,
// settings) refresh them all.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { api, data, toApiError } from '../../api/client.ts'
import { saveDownload } from '../../api/download.ts'
import { useLiveEvents, type LiveEvent } from '../../api/live.ts'
import type { operations } from '../../api/schema.d.ts'

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never
type Ok<O extends keyof operations> = JsonOf<operations[O]['responses'][200 & keyof operations[O]['responses']]>

export type PersonCompliance = Ok<'getPersonCompliance'>
export type ZoneOverview = Ok<'getZoneCompliance'>
export type OverviewRow = ZoneOverview['people'][number]
export type Gpi48Status = OverviewRow['gpi48']['status']
export type Suggestion = Ok<'getTrainingSuggestions'>['suggestions'][number]
export type TrainingSettings = Ok<'getTrainingSettings'>
export type Rules = TrainingSettings['rules']

const ALL = ['training', 'compliance'] as const

export const usePersonCompliance = (personId: string | null) =>
  useQuery({
    queryKey: [...ALL, 'person', personId],
    enabled: personId !== null,
    queryFn: () =>
      data(api.GET('/api/training/compliance/people/{personId}', { params: { path: { personId: personId! } } })),
  })

export const useZoneOverview = (zoneId: string | null) =>
  useQuery({
    queryKey: [...ALL, 'zone', zoneId],
    enabled: zoneId !== null,
    queryFn: async () =>
      (await data(
        api.GET('/api/training/compliance/zones/{zoneId}', { params: { path: { zoneId: zoneId! }, query: {} } }),
      )) as ZoneOverview,
  })

export const useSuggestions = (personId: string | null) =>
  useQuery({
    queryKey: [...ALL, 'suggestions', personId],
    enabled: personId !== null,
    queryFn: () => data(api.GET('/api/training/suggestions', { params: { query: { personId: personId! } } })),
  })

export const useTrainingSettings = (zoneId: string) =>
  useQuery({
    queryKey: [...ALL, 'settings', zoneId],
    queryFn: () => data(api.GET('/api/training/settings/{zoneId}', { params: { path: { zoneId } } })),
  })

export function useSaveSettings(zoneId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (rules: Rules) =>
      data(api.PUT('/api/training/settings/{zoneId}', { params: { path: { zoneId } }, body: rules })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['training'] }),
  })
}

/** Downloads the zone's overview as CSV (Excel nl-BE); a refusal is thrown, for a message on the page. */
export async function downloadComplianceCsv(zoneId: string): Promise<void> {
  const { data: blob, response } = await api.GET('/api/training/compliance/zones/{zoneId}', {
    params: { path: { zoneId }, query: { format: 'csv' } },
    parseAs: 'blob',
  })
  if (!(blob instanceof Blob)) throw await toApiError(response)
  saveDownload(response, blob, 'gpi48.csv')
}

/** Refreshes compliance when training changes elsewhere (attendance recorded, an enrolment, the thresholds). */
export function useLiveTraining(): void {
  const queryClient = useQueryClient()
  const onEvent = useCallback(
    (event: LiveEvent) => {
      if (event.type.startsWith('training.')) void queryClient.invalidateQueries({ queryKey: ['training'] })
    },
    [queryClient],
  )
  useLiveEvents(onEvent, true)
}
