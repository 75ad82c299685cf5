// Joint investments on the server (features/investments): the list, one investment, and its writes. Every write
// answers the investment's detail, which replaces the cached one; the list is asked again.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, data } from '../../api/client.ts'
import type { operations } from '../../api/schema.d.ts'
import type { Locale } from '../../i18n/format.ts'
import { formatNumber } from '../../i18n/format.ts'

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never
type Ok<O extends keyof operations, S extends keyof operations[O]['responses']> = JsonOf<operations[O]['responses'][S]>
type Body<O extends keyof operations> = operations[O] extends {
  requestBody?: { content: { 'application/json': infer T } }
}
  ? T
  : never

export type InvestmentSummary = Ok<'listInvestments', 200>['items'][number]
export type InvestmentDetail = Ok<'getInvestment', 200>
export type InvestmentCreate = Body<'createInvestment'>
export type CostKeyCreate = Body<'addCostKey'>
export type CostKeyVersion = InvestmentDetail['costKeys'][number]
export type RunningCost = InvestmentDetail['costs'][number]
export type RunningCostCreate = Body<'addRunningCost'>
export type PartiesBody = Body<'setInvestmentParties'>
export type KeyMethod = CostKeyCreate['method']
export type ZoneKeyInput = NonNullable<CostKeyCreate['inputs']>[string]

export const KEY_METHODS: KeyMethod[] = ['equal', 'population', 'fte', 'usage_hours', 'custom', 'mix']
export const MIX_METHODS = ['population', 'fte', 'equal', 'usage_hours', 'custom'] as const
export const COST_KINDS: RunningCostCreate['kind'][] = [
  'maintenance',
  'licence',
  'calibration',
  'insurance',
  'repair',
  'other',
]

/** Euros with cents, the Belgian way: 184.250,00 € (fr: 184 250,00 €). */
export const formatEuros = (cents: number, locale: Locale): string =>
  `${formatNumber(cents / 100, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}\u00a0€`

const keys = {
  all: ['investments'] as const,
  list: (q: string) => ['investments', 'list', q] as const,
  detail: (id: string) => ['investments', 'detail', id] as const,
}

export const useInvestments = (q: string) =>
  useQuery({
    queryKey: keys.list(q),
    queryFn: () => data(api.GET('/api/investments', { params: { query: q ? { q } : {} } })),
  })

export const useInvestment = (id: string) =>
  useQuery({
    queryKey: keys.detail(id),
    queryFn: () => data(api.GET('/api/investments/{id}', { params: { path: { id } } })),
  })

/** Population and staff (FTE) of the zones on a day: the key form's suggestion. */
export const useKeyInputs = (zoneIds: string[], on: string | null) =>
  useQuery({
    queryKey: ['investments', 'key-inputs', zoneIds.join(','), on],
    enabled: zoneIds.length > 0 && on !== null,
    queryFn: () =>
      data(api.GET('/api/investments/key-inputs', { params: { query: { zoneIds: zoneIds.join(','), on: on ?? '' } } })),
  })

function useWrite<Input>(write: (input: Input) => Promise<InvestmentDetail>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: write,
    onSuccess: (detail) => {
      queryClient.setQueryData(keys.detail(detail.id), detail)
      void queryClient.invalidateQueries({ queryKey: ['investments', 'list'] })
    },
  })
}

export const useCreateInvestment = () =>
  useWrite((body: InvestmentCreate) => data(api.POST('/api/investments', { body })))

export const useAddCostKey = (id: string) =>
  useWrite((body: CostKeyCreate) =>
    data(api.POST('/api/investments/{id}/cost-keys', { params: { path: { id } }, body })),
  )

export const useRemoveCostKey = (id: string) =>
  useWrite((keyId: string) =>
    data(api.DELETE('/api/investments/{id}/cost-keys/{keyId}', { params: { path: { id, keyId } } })),
  )

export const useAddRunningCost = (id: string) =>
  useWrite((body: RunningCostCreate) =>
    data(api.POST('/api/investments/{id}/costs', { params: { path: { id } }, body })),
  )

export const useRemoveRunningCost = (id: string) =>
  useWrite((costId: string) =>
    data(api.DELETE('/api/investments/{id}/costs/{costId}', { params: { path: { id, costId } } })),
  )

export const useSetParties = (id: string) =>
  useWrite((body: PartiesBody) => data(api.PUT('/api/investments/{id}/parties', { params: { path: { id } }, body })))
