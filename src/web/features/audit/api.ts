import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api, data } from '../../api/client.ts'
import type { AuditQuery } from '../../api/types.ts'

/** Recomputes the hash chains on the server: each call is a fresh check of every event in them. */
export function useAuditVerification() {
  return useQuery({ queryKey: ['audit', 'verify'], queryFn: () => data(api.GET('/api/audit/verify')) })
}

export function useAuditEvents(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', 'events', query],
    queryFn: () => data(api.GET('/api/audit/events', { params: { query } })),
    // Paging and filtering keep the current rows visible until the next ones are in.
    placeholderData: keepPreviousData,
  })
}
