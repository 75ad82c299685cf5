// Bookings and loans on the server (features/equipment, issue 10): the conflict check, bookings, decisions,
// handovers, a weapon's custody, the loan terms of an agreement. Every write invalidates the bookings queries;
// live events (`equipment.booking_changed`) do the same for the other zone's changes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
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

export type Booking = Ok<'getBooking', 200>
export type BookingAction = Booking['actions'][number]
export type BookingCheck = Ok<'checkBooking', 200>
export type BookingCheckBody = Body<'checkBooking'>
export type BookingCreate = Body<'createBooking'>
export type CheckOutBody = Body<'checkOutBooking'>
export type CheckInBody = Body<'checkInBooking'>
export type LoanTerms = Ok<'getLoanTerms', 200>['items'][number]
export type CustodyLink = Ok<'getWeaponCustody', 200>['items'][number]
export type Side = 'borrower' | 'keeper'

const ALL = ['equipment', 'bookings'] as const
const keys = {
  list: (side: Side) => [...ALL, 'list', side] as const,
  detail: (id: string) => [...ALL, 'detail', id] as const,
  custody: (assetId: string) => ['equipment', 'custody', assetId] as const,
  terms: (agreementId: string) => ['equipment', 'terms', agreementId] as const,
}

/** The conflict warning before submit: asked again whenever the period or the assets change. */
export const useBookingCheck = (body: BookingCheckBody | null) =>
  useQuery({
    queryKey: ['equipment', 'check', body],
    enabled: body !== null,
    retry: false,
    queryFn: () => data(api.POST('/api/equipment/bookings/check', { body: body! })),
  })

export const useBookings = (side: Side) =>
  useQuery({
    queryKey: keys.list(side),
    queryFn: () => data(api.GET('/api/equipment/bookings', { params: { query: { side } } })),
  })

export const useBooking = (id: string) =>
  useQuery({
    queryKey: keys.detail(id),
    queryFn: () => data(api.GET('/api/equipment/bookings/{id}', { params: { path: { id } } })),
  })

export const useCustody = (assetId: string, enabled: boolean) =>
  useQuery({
    queryKey: keys.custody(assetId),
    enabled,
    retry: false,
    queryFn: () => data(api.GET('/api/equipment/assets/{id}/custody', { params: { path: { id: assetId } } })),
  })

export const useLoanTerms = (agreementId: string) =>
  useQuery({
    queryKey: keys.terms(agreementId),
    queryFn: () => data(api.GET('/api/equipment/agreements/{id}/terms', { params: { path: { id: agreementId } } })),
  })

/** Refreshes the bookings when a booking of one's zones changes elsewhere (the other zone, another tab). */
export function useLiveBookings(): void {
  const queryClient = useQueryClient()
  const onEvent = useCallback(
    (event: LiveEvent) => {
      if (event.type === 'equipment.booking_changed') void queryClient.invalidateQueries({ queryKey: ['equipment'] })
    },
    [queryClient],
  )
  useLiveEvents(onEvent, true)
}

function useWrite<Input, Output>(write: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: write,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['equipment'] }),
  })
}

export const useCreateBooking = () =>
  useWrite((body: BookingCreate) => data(api.POST('/api/equipment/bookings', { body })))

export const useBookingStep = (id: string) =>
  useWrite(({ action, note }: { action: 'approve' | 'reject' | 'cancel'; note?: string }) => {
    const path = { params: { path: { id } } }
    if (action === 'cancel') return data(api.POST('/api/equipment/bookings/{id}/cancel', path))
    const body = note ? { note } : {}
    return action === 'approve'
      ? data(api.POST('/api/equipment/bookings/{id}/approve', { ...path, body }))
      : data(api.POST('/api/equipment/bookings/{id}/reject', { ...path, body }))
  })

export const useCheckOut = (id: string) =>
  useWrite((body: CheckOutBody) =>
    data(api.POST('/api/equipment/bookings/{id}/check-out', { params: { path: { id } }, body })),
  )

export const useCheckIn = (id: string) =>
  useWrite((body: CheckInBody) =>
    data(api.POST('/api/equipment/bookings/{id}/check-in', { params: { path: { id } }, body })),
  )

export const useSetLoanTerms = (agreementId: string) =>
  useWrite((items: LoanTerms[]) =>
    data(api.PUT('/api/equipment/agreements/{id}/terms', { params: { path: { id: agreementId } }, body: { items } })),
  )

/** The people of a zone, for the pickers (the keeper's own; the borrower's own collector). */
export const useZonePeople = (zoneId: string | null) =>
  useQuery({
    queryKey: ['equipment', 'people', zoneId],
    enabled: zoneId !== null,
    staleTime: 5 * 60_000,
    queryFn: () => data(api.GET('/api/people', { params: { query: { zoneId: zoneId!, limit: 200 } } })),
  })

/** The asset's current status (the keeper, after a damaged return). */
export const useAssetStatus = (assetId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['equipment', 'asset-status', assetId],
    enabled,
    retry: false,
    queryFn: () => data(api.GET('/api/equipment/assets/{id}', { params: { path: { id: assetId } } })),
  })

/** Damage on return: the keeper puts the asset in maintenance (the assets' own route). */
export const usePutInMaintenance = (assetId: string) =>
  useWrite(() =>
    data(
      api.PATCH('/api/equipment/assets/{id}', { params: { path: { id: assetId } }, body: { status: 'maintenance' } }),
    ),
  )
