import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api, data, toApiError } from '../../api/client.ts'
import { saveDownload } from '../../api/download.ts'
import type { operations } from '../../api/schema.d.ts'
import type { AuditQuery } from '../../api/types.ts'

export type AuditExportQuery = NonNullable<operations['exportAuditEvents']['parameters']['query']>
export type AuditActor = operations['listAuditActors']['responses'][200]['content']['application/json']['items'][number]

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

/** The users who acted in the log the DPO reads: the options of the user filter. */
export function useAuditActors() {
  return useQuery({ queryKey: ['audit', 'actors'], queryFn: () => data(api.GET('/api/audit/actors')) })
}

/** People found by name for the person filter (only when something is typed). */
export function usePersonSearch(q: string) {
  const term = q.trim()
  return useQuery({
    queryKey: ['audit', 'person-search', term],
    queryFn: () => data(api.GET('/api/people', { params: { query: { q: term, limit: 20 } } })),
    enabled: term.length >= 2,
    placeholderData: keepPreviousData,
  })
}

/** The person a filter names, for its label (own zone: the DPO may see them). */
export function usePerson(id: string | null) {
  return useQuery({
    queryKey: ['people', 'one', id],
    queryFn: () => data(api.GET('/api/people/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== null,
    retry: false,
  })
}

/** Downloads the CSV export of the filtered log (a refusal is thrown, for a message on the page). */
export async function downloadAuditCsv(query: AuditExportQuery): Promise<void> {
  const { data: blob, response } = await api.GET('/api/audit/export', { params: { query }, parseAs: 'blob' })
  if (!blob) throw await toApiError(response)
  saveDownload(response, blob, 'audit.csv')
}
