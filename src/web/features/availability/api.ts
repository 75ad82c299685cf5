// Availability on the server: own entries, and (planner, korpschef) those of the people of their zone.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, data } from '../../api/client.ts'
import type { components, operations } from '../../api/schema.d.ts'

export type AvailabilityEntry = components['schemas']['AvailabilityEntry']
export type DutyPreferenceEntry = components['schemas']['DutyPreferenceEntry']
export type AvailabilityKind = AvailabilityEntry['kind']
export type Preference = DutyPreferenceEntry['preference']
export type AvailabilityQuery = NonNullable<operations['listAvailability']['parameters']['query']>
type CreateBody = operations['createAvailability']['requestBody']['content']['application/json']
type PreferenceBody = operations['createDutyPreference']['requestBody']['content']['application/json']

export const KINDS: readonly AvailabilityKind[] = ['leave', 'sick', 'training', 'other']
export const PREFERENCES: readonly Preference[] = ['wish', 'rather_not']

const keys = { all: ['availability'] as const }

export function useAvailability(query: AvailabilityQuery) {
  return useQuery({
    queryKey: [...keys.all, 'entries', query],
    queryFn: () => data(api.GET('/api/availability', { params: { query } })),
  })
}

export function useDutyPreferences(query: AvailabilityQuery) {
  return useQuery({
    queryKey: [...keys.all, 'preferences', query],
    queryFn: () => data(api.GET('/api/duty-preferences', { params: { query } })),
  })
}

function useAvailabilityWrite<Input, Output>(write: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: write,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.all }),
  })
}

export const useCreateAvailability = () =>
  useAvailabilityWrite((body: CreateBody) => data(api.POST('/api/availability', { body })))

// A 204 has no body: the middleware has already thrown for any failure.
export const useDeleteAvailability = () =>
  useAvailabilityWrite(async (id: string) => {
    await api.DELETE('/api/availability/{id}', { params: { path: { id } } })
  })

export const useCreatePreference = () =>
  useAvailabilityWrite((body: PreferenceBody) => data(api.POST('/api/duty-preferences', { body })))

export const useDeletePreference = () =>
  useAvailabilityWrite(async (id: string) => {
    await api.DELETE('/api/duty-preferences/{id}', { params: { path: { id } } })
  })
