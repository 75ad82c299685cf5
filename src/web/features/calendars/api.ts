import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, data } from '../../api/client.ts'
import type { components } from '../../api/schema.d.ts'

export type CalendarFeed = components['schemas']['CalendarFeed']

const keys = { all: ['calendars'] as const }

/** The caller's active feeds (their secret URLs are never listed: shown once, at creation). */
export const useCalendarFeeds = () => useQuery({ queryKey: keys.all, queryFn: () => data(api.GET('/api/calendars')) })

/** A new URL for the caller's own duties; it replaces their current one. */
export function useCreateMyDutiesFeed() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => data(api.POST('/api/calendars', { body: { scope: 'person' } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.all }),
  })
}

export function useRevokeFeed() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (id: string) => {
      await api.DELETE('/api/calendars/{id}', { params: { path: { id } } })
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.all }),
  })
}
