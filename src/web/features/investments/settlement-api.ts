// The money of issue 10 on the server (features/investments/settlement-*.ts): an investment's shares, an
// association's period settlement, recording it, and a zone's statement as CSV or PDF (downloads).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, data, toApiError } from '../../api/client.ts'
import { saveDownload } from '../../api/download.ts'
import type { operations } from '../../api/schema.d.ts'

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never
type Ok<O extends keyof operations, S extends keyof operations[O]['responses']> = JsonOf<operations[O]['responses'][S]>

export type Shares = Ok<'getInvestmentShares', 200>
export type Settlement = Ok<'getSettlement', 200>
export type ZoneSettlement = Settlement['zones'][number]
export type KeyView = Shares['keys'][number]

export const useShares = (investmentId: string, from: string, to: string) =>
  useQuery({
    queryKey: ['investments', 'shares', investmentId, from, to],
    queryFn: () =>
      data(api.GET('/api/investments/{id}/shares', { params: { path: { id: investmentId }, query: { from, to } } })),
  })

export const useSettlement = (associationId: string | null, from: string, to: string) =>
  useQuery({
    queryKey: ['investments', 'settlement', associationId, from, to],
    enabled: associationId !== null,
    retry: false,
    queryFn: () =>
      data(
        api.GET('/api/investments/associations/{id}/settlement', {
          params: { path: { id: associationId ?? '' }, query: { from, to } },
        }),
      ),
  })

export function useRecordSettlement(associationId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { from: string; to: string }) =>
      data(
        api.POST('/api/investments/associations/{id}/settlements', { params: { path: { id: associationId } }, body }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['investments'] }),
  })
}

/** Fetches a zone's statement and hands it to the browser's downloads (a refusal stays a message on the page). */
export async function downloadStatement(
  associationId: string,
  zoneId: string,
  from: string,
  to: string,
  format: 'csv' | 'pdf',
) {
  const params = { path: { id: associationId }, query: { zoneId, from, to } }
  const { data: blob, response } =
    format === 'csv'
      ? await api.GET('/api/investments/associations/{id}/statement.csv', { params, parseAs: 'blob' })
      : await api.GET('/api/investments/associations/{id}/statement.pdf', { params, parseAs: 'blob' })
  if (!blob) throw await toApiError(response)
  saveDownload(response, blob, `afrekening_${from}_${to}.${format}`)
}
