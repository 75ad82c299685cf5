import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api, data } from '../../api/client.ts'
import type { PeopleQuery } from '../../api/types.ts'

export function usePeople(query: PeopleQuery) {
  return useQuery({
    queryKey: ['people', query],
    queryFn: () => data(api.GET('/api/people', { params: { query } })),
    // Paging and filtering keep the current rows visible until the next ones are in.
    placeholderData: keepPreviousData,
  })
}
