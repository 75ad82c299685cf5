import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api, data } from '../../api/client.ts'

export function useFigures(associationId: string | undefined, date: string) {
  return useQuery({
    queryKey: ['figures', associationId, date],
    queryFn: () =>
      data(
        api.GET('/api/associations/{id}/figures', { params: { path: { id: associationId ?? '' }, query: { date } } }),
      ),
    enabled: associationId !== undefined,
    // Changing the reference date keeps the old figures on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  })
}
