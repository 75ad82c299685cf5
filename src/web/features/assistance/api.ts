// Mutual assistance on the server (features/assistance): requests, offers, deployments and hours (core), the live
// alerts (alerts), and the person-hours ledger (ledger). Every write invalidates the assistance queries: the
// pages are small and a request's detail, the lists and the balances move together.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, ApiError, data, toApiError } from '../../api/client.ts'
import { saveDownload } from '../../api/download.ts'
import type { operations } from '../../api/schema.d.ts'

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never
type Ok<O extends keyof operations, S extends keyof operations[O]['responses']> = JsonOf<operations[O]['responses'][S]>
type Body<O extends keyof operations> = operations[O] extends {
  requestBody?: { content: { 'application/json': infer T } }
}
  ? T
  : never
type Query<O extends keyof operations> = NonNullable<operations[O]['parameters']['query']>

export type Partners = Ok<'listAssistancePartners', 200>
export type PartnerAssociation = Partners['items'][number]
export type RequestSummary = Ok<'listAssistanceRequests', 200>['items'][number]
export type RequestDetail = Ok<'getAssistanceRequest', 200>
export type RequestCreate = Body<'createAssistanceRequest'>
export type RequestsQuery = Query<'listAssistanceRequests'>
export type TransitionBody = Body<'transitionAssistanceRequest'>
export type RequestAction = TransitionBody['action']
export type OfferCreate = Body<'createAssistanceOffer'>
export type Offer = RequestDetail['offers'][number]
export type OfferLine = Offer['lines'][number]
export type Deployment = RequestDetail['deployments'][number]
export type TimelineEvent = RequestDetail['timeline'][number]
export type Addressee = RequestDetail['addressees'][number]
export type HoursBody = Body<'recordAssistanceHours'>
export type OpenAlert = Ok<'listAssistanceAlerts', 200>['items'][number]
export type Balances = Ok<'assistanceBalances', 200>
export type Statement = Ok<'assistanceStatement', 200>
export type SettlementProposal = Ok<'assistanceSettlementProposal', 200>
export type Settings = Ok<'getAssistanceSettings', 200>
export type SettingsBody = Body<'updateAssistanceSettings'>
export type Rate = Ok<'listAssistanceRates', 200>['items'][number]
export type RateCreate = Body<'createAssistanceRate'>
export type ResponseTimes = Exclude<Ok<'assistanceResponseTimes', 200>, string>

export const keys = {
  all: ['assistance'] as const,
  list: (q: RequestsQuery) => ['assistance', 'requests', q] as const,
  detail: (id: string) => ['assistance', 'request', id] as const,
  alerts: ['assistance', 'alerts'] as const,
}

export const usePartners = () =>
  useQuery({
    queryKey: ['assistance', 'partners'],
    queryFn: () => data(api.GET('/api/assistance/partners')),
    staleTime: 5 * 60_000,
  })

export const useRequests = (query: RequestsQuery) =>
  useQuery({
    queryKey: keys.list(query),
    queryFn: () => data(api.GET('/api/assistance/requests', { params: { query } })),
  })

export const useRequest = (id: string) =>
  useQuery({
    queryKey: keys.detail(id),
    queryFn: () => data(api.GET('/api/assistance/requests/{id}', { params: { path: { id } } })),
  })

/** Open alerts for my zones (loaded once; then live events say when to ask again). */
export const useOpenAlerts = (enabled: boolean) =>
  useQuery({
    queryKey: keys.alerts,
    enabled,
    // Someone without the right to respond gets a refusal: that means "no alerts", not an error to show.
    retry: false,
    staleTime: Infinity,
    queryFn: () => data(api.GET('/api/assistance/alerts')),
  })

function useWrite<Input, Output>(write: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: write,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.all }),
  })
}

export const useCreateRequest = () =>
  useWrite((body: RequestCreate) => data(api.POST('/api/assistance/requests', { body })))

export const useTransition = (id: string) =>
  useWrite((body: TransitionBody) =>
    data(api.POST('/api/assistance/requests/{id}/transitions', { params: { path: { id } }, body })),
  )

export const useRetroApproval = (id: string) =>
  useWrite(() => data(api.POST('/api/assistance/requests/{id}/approval', { params: { path: { id } } })))

export const useAcknowledge = () =>
  useWrite(({ id, zoneId }: { id: string; zoneId?: string }) =>
    data(
      api.POST('/api/assistance/requests/{id}/acknowledge', {
        params: { path: { id } },
        body: zoneId ? { zoneId } : {},
      }),
    ),
  )

export const useCreateOffer = (id: string) =>
  useWrite((body: OfferCreate) =>
    data(api.POST('/api/assistance/requests/{id}/offers', { params: { path: { id } }, body })),
  )

export const useWithdrawOffer = () =>
  useWrite((offerId: string) =>
    data(api.POST('/api/assistance/offers/{id}/withdraw', { params: { path: { id: offerId } } })),
  )

export const useDecide = (id: string) =>
  useWrite((body: { accept: string[]; decline: string[] }) =>
    data(api.POST('/api/assistance/requests/{id}/decisions', { params: { path: { id } }, body })),
  )

export const useRecordHours = () =>
  useWrite(({ deploymentId, ...body }: HoursBody & { deploymentId: string }) =>
    data(api.PUT('/api/assistance/deployments/{id}/hours', { params: { path: { id: deploymentId } }, body })),
  )

export const useConfirmHours = () =>
  useWrite((deploymentId: string) =>
    data(api.POST('/api/assistance/deployments/{id}/confirm', { params: { path: { id: deploymentId } } })),
  )

// ledger
export const useBalances = (associationId: string | null, from: string, to: string) =>
  useQuery({
    queryKey: ['assistance', 'balances', associationId, from, to],
    enabled: associationId !== null,
    queryFn: () =>
      data(
        api.GET('/api/assistance/associations/{id}/balances', {
          params: { path: { id: associationId ?? '' }, query: { from, to } },
        }),
      ),
  })

export const useStatement = (associationId: string, zoneId: string, from: string, to: string) =>
  useQuery({
    queryKey: ['assistance', 'statement', associationId, zoneId, from, to],
    enabled: Boolean(associationId && zoneId && from && to),
    queryFn: () =>
      data(
        api.GET('/api/assistance/associations/{id}/statement', {
          params: { path: { id: associationId }, query: { zoneId, from, to } },
        }),
      ),
  })

export async function downloadStatementCsv(associationId: string, zoneId: string, from: string, to: string) {
  const { data: blob, response } = await api.GET('/api/assistance/associations/{id}/statement', {
    params: { path: { id: associationId }, query: { zoneId, from, to, format: 'csv' } },
    parseAs: 'blob',
  })
  if (!blob) throw await toApiError(response)
  saveDownload(response, blob, `bijstand_${from}_${to}.csv`)
}

export const useSettlementProposal = (associationId: string, until: string, unit: 'hours' | 'euros') =>
  useQuery({
    queryKey: ['assistance', 'settlement-proposal', associationId, until, unit],
    retry: false,
    queryFn: () =>
      data(
        api.GET('/api/assistance/associations/{id}/settlement-proposal', {
          params: { path: { id: associationId }, query: { until, unit } },
        }),
      ),
  })

export const useRecordSettlement = (associationId: string) =>
  useWrite((body: Body<'recordAssistanceSettlement'>) =>
    data(api.POST('/api/assistance/associations/{id}/settlements', { params: { path: { id: associationId } }, body })),
  )

export const useResponseTimes = (associationId: string, from: string, to: string) =>
  useQuery({
    queryKey: ['assistance', 'response-times', associationId, from, to],
    queryFn: async () => {
      const report = await data(
        api.GET('/api/assistance/response-times', { params: { query: { associationId, from, to } } }),
      )
      // The route also answers CSV (format=csv); asked for JSON, a string would be a server bug.
      if (typeof report === 'string') throw new ApiError(500, 'UNEXPECTED_CSV', '')
      return report
    },
  })

export const useSettings = (associationId: string) =>
  useQuery({
    queryKey: ['assistance', 'settings', associationId],
    enabled: associationId !== '',
    queryFn: () =>
      data(api.GET('/api/assistance/associations/{id}/settings', { params: { path: { id: associationId } } })),
  })

export const useUpdateSettings = (associationId: string) =>
  useWrite((body: SettingsBody) =>
    data(api.PUT('/api/assistance/associations/{id}/settings', { params: { path: { id: associationId } }, body })),
  )

export const useRates = (associationId: string) =>
  useQuery({
    queryKey: ['assistance', 'rates', associationId],
    queryFn: () =>
      data(api.GET('/api/assistance/associations/{id}/rates', { params: { path: { id: associationId } } })),
  })

export const useCreateRate = (associationId: string) =>
  useWrite((body: RateCreate) =>
    data(api.POST('/api/assistance/associations/{id}/rates', { params: { path: { id: associationId } }, body })),
  )
