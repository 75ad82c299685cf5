// The shift briefing on the server (features/briefings, issue 11): the view of a zone's shift, the author zone's
// items, one item, its photo, read confirmations and read status, teams and settings. A restricted item's content
// is asked for with a justification (header x-justification, percent-encoded); every write invalidates the
// briefing queries, and live events (`briefing.*`) do the same for changes made elsewhere.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useState } from 'react'
import { api, data, toApiError } from '../../api/client.ts'
import { useLiveEvents, type LiveEvent } from '../../api/live.ts'
import type { operations } from '../../api/schema.d.ts'

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never
type Ok<O extends keyof operations, S extends keyof operations[O]['responses']> = JsonOf<operations[O]['responses'][S]>
type Body<O extends keyof operations> = operations[O] extends {
  requestBody?: { content: { 'application/json': infer T } }
}
  ? T
  : never

export type BriefingItem = Ok<'getBriefingItem', 200>
export type BriefingView = Ok<'getBriefingView', 200>
export type ItemListEntry = Ok<'listBriefingItems', 200>['items'][number]
export type ReadStatus = Ok<'getBriefingReads', 200>
export type ItemCreate = Body<'createBriefingItem'>
export type ItemPatch = Body<'updateBriefingItem'>
export type Shift = BriefingView['shift']
export type Category = BriefingItem['category']
export type Priority = BriefingItem['priority']
export type ListState = 'current' | 'upcoming' | 'past'

export const SHIFTS: Shift[] = ['early', 'late', 'night']
export const CATEGORIES: Category[] = [
  'wanted_person',
  'wanted_vehicle',
  'attention_point',
  'event',
  'working_instruction',
  'officer_safety',
]
export const PRIORITIES: Priority[] = ['normal', 'high', 'urgent']

const header = (justification: string | null) =>
  justification ? { 'x-justification': encodeURIComponent(justification) } : undefined

export const useBriefingView = (
  q: { zoneId: string | null; date: string | null; shift: Shift | null; teamId: string | null },
  justification: string | null,
) =>
  useQuery({
    queryKey: ['briefing', 'view', q, justification],
    enabled: q.zoneId !== null,
    queryFn: () =>
      data(
        api.GET('/api/briefing/view', {
          params: {
            query: {
              zoneId: q.zoneId!,
              ...(q.date ? { date: q.date } : {}),
              ...(q.shift ? { shift: q.shift } : {}),
              ...(q.teamId ? { teamId: q.teamId } : {}),
            },
            header: header(justification),
          },
        }),
      ),
  })

export const useBriefingItems = (zoneId: string | null, state: ListState) =>
  useQuery({
    queryKey: ['briefing', 'items', zoneId, state],
    enabled: zoneId !== null,
    queryFn: () => data(api.GET('/api/briefing/items', { params: { query: { zoneId: zoneId!, state } } })),
  })

export const useBriefingItem = (id: string, justification: string | null, enabled = true) =>
  useQuery({
    queryKey: ['briefing', 'item', id, justification],
    enabled,
    retry: false,
    queryFn: () =>
      data(api.GET('/api/briefing/items/{id}', { params: { path: { id }, header: header(justification) } })),
  })

export const useReadStatus = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ['briefing', 'reads', id],
    enabled,
    queryFn: () => data(api.GET('/api/briefing/items/{id}/reads', { params: { path: { id } } })),
  })

export const useTeams = (zoneId: string | null) =>
  useQuery({
    queryKey: ['briefing', 'teams', zoneId],
    enabled: zoneId !== null,
    staleTime: 5 * 60_000,
    queryFn: () => data(api.GET('/api/briefing/teams', { params: { query: { zoneId: zoneId! } } })),
  })

/** The partner zones sharing `briefing` with a zone: the agreements in force listing it. */
export const useBriefingAgreements = () =>
  useQuery({
    queryKey: ['briefing', 'agreements'],
    staleTime: 5 * 60_000,
    queryFn: () => data(api.GET('/api/agreements')),
  })

/** A photo as a blob URL (fetched with the justification for a restricted item); revoked when no longer shown. */
export function usePhotoUrl(
  id: string,
  enabled: boolean,
  justification: string | null,
  version: string,
): string | null {
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => {
    if (!enabled) return
    let revoked = false
    let made: string | null = null
    void fetch(`/api/briefing/items/${id}/photo`, { credentials: 'same-origin', headers: header(justification) ?? {} })
      .then(async (res) => {
        if (!res.ok) throw await toApiError(res)
        return res.blob()
      })
      .then((blob) => {
        if (revoked) return
        made = URL.createObjectURL(blob)
        setUrl(made)
      })
      .catch(() => setUrl(null))
    return () => {
      revoked = true
      if (made) URL.revokeObjectURL(made)
      setUrl(null)
    }
  }, [id, enabled, justification, version])
  return url
}

/** Refreshes the briefing when an item of one's zones changes elsewhere (another author, a projector). */
export function useLiveBriefing(): void {
  const queryClient = useQueryClient()
  const onEvent = useCallback(
    (event: LiveEvent) => {
      if (event.type.startsWith('briefing.')) void queryClient.invalidateQueries({ queryKey: ['briefing'] })
    },
    [queryClient],
  )
  useLiveEvents(onEvent, true)
}

function useWrite<Input, Output>(write: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: write,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['briefing'] }),
  })
}

export const useCreateItem = () => useWrite((body: ItemCreate) => data(api.POST('/api/briefing/items', { body })))
export const useUpdateItem = (id: string) =>
  useWrite((body: ItemPatch) => data(api.PATCH('/api/briefing/items/{id}', { params: { path: { id } }, body })))
export const useWithdrawItem = (id: string) =>
  useWrite(() => data(api.POST('/api/briefing/items/{id}/withdraw', { params: { path: { id } } })))
export const useConfirmRead = () =>
  useWrite((id: string) => data(api.POST('/api/briefing/items/{id}/read', { params: { path: { id } } })))

export type BriefingSettings = Ok<'getBriefingSettings', 200>
export type BriefingSettingsBody = Body<'setBriefingSettings'>

/** A zone's shift times and retention periods (the defaults when it has set none). */
export const useBriefingSettings = (zoneId: string) =>
  useQuery({
    queryKey: ['briefing', 'settings', zoneId],
    queryFn: () => data(api.GET('/api/briefing/settings/{zoneId}', { params: { path: { zoneId } } })),
  })
export const useSaveBriefingSettings = (zoneId: string) =>
  useWrite((body: BriefingSettingsBody) =>
    data(api.PUT('/api/briefing/settings/{zoneId}', { params: { path: { zoneId } }, body })),
  )
