// Swaps, give-aways and leave replacements on the server: my duties, the requests I see, one request with its
// ranked candidates, the transitions, and the planner's gaps.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, data } from '../../api/client.ts'
import type { components } from '../../api/schema.d.ts'

export type SwapRequest = components['schemas']['SwapRequest']
export type SwapKind = SwapRequest['kind']
export type SwapStatus = SwapRequest['status']

const keys = { all: ['swaps'] as const }

export const useMyDuties = () =>
  useQuery({ queryKey: [...keys.all, 'mine'], queryFn: () => data(api.GET('/api/my-duties')) })

export const useSwaps = () => useQuery({ queryKey: [...keys.all, 'list'], queryFn: () => data(api.GET('/api/swaps')) })

export const useSwap = (id: string | null) =>
  useQuery({
    queryKey: [...keys.all, 'one', id],
    queryFn: () => data(api.GET('/api/swaps/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== null,
  })

export const useGaps = (enabled: boolean) =>
  useQuery({
    queryKey: [...keys.all, 'gaps'],
    queryFn: () => data(api.GET('/api/permanences/gaps', { params: { query: {} } })),
    enabled,
  })

function useSwapWrite<Input, Output>(write: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: write,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.all }),
  })
}

const path = (id: string) => ({ params: { path: { id } } })

export const useCreateSwap = () =>
  useSwapWrite((body: { dutyId: string; kind: 'give_away' | 'swap' }) => data(api.POST('/api/swaps', { body })))
export const useTakeSwap = () =>
  useSwapWrite(({ id, returnDutyId }: { id: string; returnDutyId?: string }) =>
    data(api.POST('/api/swaps/{id}/take', { ...path(id), body: returnDutyId ? { returnDutyId } : {} })),
  )
export const useApproveSwap = () => useSwapWrite((id: string) => data(api.POST('/api/swaps/{id}/approve', path(id))))
export const useRejectSwap = () =>
  useSwapWrite((id: string) => data(api.POST('/api/swaps/{id}/reject', { ...path(id), body: {} })))
export const useWithdrawSwap = () => useSwapWrite((id: string) => data(api.POST('/api/swaps/{id}/withdraw', path(id))))
export const useAssignSwap = () =>
  useSwapWrite(({ id, personId }: { id: string; personId: string }) =>
    data(api.POST('/api/swaps/{id}/assign', { ...path(id), body: { personId } })),
  )
