// The asset catalogue on the server (features/equipment, issue 10): the catalogue with its availability search,
// one asset, the timeline, and the keeper's writes. Every write invalidates the equipment queries; an
// `equipment.*` live event (another user's write, a booking) does the same, so an open catalogue stays current.
import { useMutation, useQuery, useQueryClient, keepPreviousData } from '@tanstack/react-query'
import { useCallback } from 'react'
import { api, data } from '../../api/client.ts'
import { useLiveEvents, type LiveEvent } from '../../api/live.ts'
import type { operations } from '../../api/schema.d.ts'

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never
type Ok<O extends keyof operations, S extends keyof operations[O]['responses']> = JsonOf<operations[O]['responses'][S]>
type Body<O extends keyof operations> = operations[O] extends {
  requestBody?: { content: { 'application/json': infer T } }
}
  ? T
  : never
type Query<O extends keyof operations> = NonNullable<operations[O]['parameters']['query']>

export type AssetList = Ok<'listAssets', 200>
export type AssetSummary = AssetList['items'][number]
export type AssetDetail = Ok<'getAsset', 200>
export type AssetsQuery = Query<'listAssets'>
export type Timeline = Ok<'getEquipmentTimeline', 200>
export type TimelineQuery = Query<'getEquipmentTimeline'>
export type BusyPeriod = Timeline['assets'][number]['busy'][number]
export type AssetCreate = Body<'createAsset'>
export type AssetUpdate = Body<'updateAsset'>
export type ValidityBody = Body<'setAssetValidity'>
export type AssetKind = AssetSummary['kind']
export type AssetStatus = AssetSummary['status']
export type ValidityKind = AssetSummary['validities'][number]['kind']

/** Pages of the catalogue (the server's PAGE_SIZE). */
export const PAGE_SIZE = 50

export const equipmentKeys = {
  all: ['equipment'] as const,
  list: (q: AssetsQuery) => ['equipment', 'assets', q] as const,
  asset: (id: string) => ['equipment', 'asset', id] as const,
  timeline: (q: TimelineQuery) => ['equipment', 'timeline', q] as const,
}

/** Refreshes the equipment queries when an asset or a booking changes (anyone's, as the stream lets us see). */
export function useEquipmentLive() {
  const queryClient = useQueryClient()
  const onEvent = useCallback(
    (event: LiveEvent) => {
      if (event.type.startsWith('equipment.')) void queryClient.invalidateQueries({ queryKey: equipmentKeys.all })
    },
    [queryClient],
  )
  useLiveEvents(onEvent, true)
}

export const useAssets = (query: AssetsQuery) =>
  useQuery({
    queryKey: equipmentKeys.list(query),
    queryFn: () => data(api.GET('/api/equipment/assets', { params: { query } })),
    placeholderData: keepPreviousData,
  })

export const useAsset = (id: string) =>
  useQuery({
    queryKey: equipmentKeys.asset(id),
    queryFn: () => data(api.GET('/api/equipment/assets/{id}', { params: { path: { id } } })),
  })

export const useTimeline = (query: TimelineQuery) =>
  useQuery({
    queryKey: equipmentKeys.timeline(query),
    queryFn: () => data(api.GET('/api/equipment/timeline', { params: { query } })),
    placeholderData: keepPreviousData,
  })

function useWrite<Input, Output>(write: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: write,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: equipmentKeys.all }),
  })
}

export const useCreateAsset = () => useWrite((body: AssetCreate) => data(api.POST('/api/equipment/assets', { body })))

export const useUpdateAsset = (id: string) =>
  useWrite((body: AssetUpdate) => data(api.PATCH('/api/equipment/assets/{id}', { params: { path: { id } }, body })))

export const useSetValidity = (id: string) =>
  useWrite(({ kind, ...body }: ValidityBody & { kind: ValidityKind }) =>
    data(api.PUT('/api/equipment/assets/{id}/validities/{kind}', { params: { path: { id, kind } }, body })),
  )

export const useRemoveValidity = (id: string) =>
  useWrite((kind: ValidityKind) =>
    data(api.DELETE('/api/equipment/assets/{id}/validities/{kind}', { params: { path: { id, kind } } })),
  )

/** The booking page of the bookings part: these assets over [from, to). */
export const bookingPath = (assetIds: readonly string[], from?: string, to?: string): string => {
  const params = new URLSearchParams({ assetIds: assetIds.join(',') })
  if (from && to) {
    params.set('from', from)
    params.set('to', to)
  }
  return `/equipment/book?${params.toString()}`
}

export type BookingStatusCode = BusyPeriod['status']
