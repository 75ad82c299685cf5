// Call-outs and monthly statements on the server (features/callouts on the server side).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, data, toApiError } from '../../api/client.ts'
import { saveDownload } from '../../api/download.ts'
import type { components, operations } from '../../api/schema.d.ts'

export type CallOut = components['schemas']['CallOut']
export type StatementLine = components['schemas']['StatementLine']
export type ZoneStatement = components['schemas']['ZoneStatement']
export type HoursSplit = StatementLine['onCall']
export type CallOutResult = operations['createCallOut']['responses'][201]['content']['application/json']
export type CallOutWarning = CallOutResult['warnings'][number]
type CreateBody = operations['createCallOut']['requestBody']['content']['application/json']

const keys = { all: ['callouts'] as const }

/** A person's call-outs of a month: one's own, or (planner) those of `personId`; disabled without either. */
export function useCallOuts(month: string, personId: string | null, enabled = true) {
  return useQuery({
    queryKey: [...keys.all, 'list', month, personId],
    enabled,
    queryFn: () => data(api.GET('/api/callouts', { params: { query: { month, ...(personId ? { personId } : {}) } } })),
  })
}

export function usePersonStatement(month: string) {
  return useQuery({
    queryKey: [...keys.all, 'statement', month],
    queryFn: () => data(api.GET('/api/callouts/statement', { params: { query: { month } } })),
  })
}

export function useZoneStatement(zoneId: string | null, month: string) {
  return useQuery({
    queryKey: [...keys.all, 'zone', zoneId, month],
    enabled: zoneId !== null,
    queryFn: () =>
      data(api.GET('/api/zones/{zoneId}/statements/{month}', { params: { path: { zoneId: zoneId ?? '', month } } })),
  })
}

function useCallOutWrite<Input, Output>(write: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: write,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.all }),
  })
}

export const useCreateCallOut = () => useCallOutWrite((body: CreateBody) => data(api.POST('/api/callouts', { body })))

// A 204 has no body: the middleware has already thrown for any failure.
export const useDeleteCallOut = () =>
  useCallOutWrite(async (id: string) => {
    await api.DELETE('/api/callouts/{id}', { params: { path: { id } } })
  })

export const useApproveStatement = () =>
  useCallOutWrite(({ zoneId, month }: { zoneId: string; month: string }) =>
    data(api.POST('/api/zones/{zoneId}/statements/{month}/approve', { params: { path: { zoneId, month } } })),
  )

export const useReopenStatement = () =>
  useCallOutWrite(({ zoneId, month }: { zoneId: string; month: string }) =>
    data(api.POST('/api/zones/{zoneId}/statements/{month}/reopen', { params: { path: { zoneId, month } } })),
  )

/** The zone's statement, or one's own, as the CSV file for payroll. */
export async function downloadStatementCsv(target: { zoneId: string; month: string } | { month: string }) {
  const { data: blob, response } =
    'zoneId' in target
      ? await api.GET('/api/zones/{zoneId}/statements/{month}/csv', {
          params: { path: { zoneId: target.zoneId, month: target.month } },
          parseAs: 'blob',
        })
      : await api.GET('/api/callouts/statement/csv', { params: { query: { month: target.month } }, parseAs: 'blob' })
  if (!blob) throw await toApiError(response)
  saveDownload(response, blob, `maandstaat_${target.month}.csv`)
}
