// Who is on duty now (GET /api/permanences/on-duty), kept current for the duty board: refetched when a live
// event says the duties changed, at the next handoff (no event comes then), and after the stream was down.
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api, data } from '../../api/client.ts'
import { useLiveEvents, type LiveEvent, type LiveStatus } from '../../api/live.ts'
import { isDutyEvent, MAX_TIMER_MS, nextHandoff } from './board.ts'

const key = ['permanences', 'on-duty'] as const

export function useOnDutyBoard() {
  const queryClient = useQueryClient()
  const query = useQuery({
    queryKey: key,
    queryFn: () => data(api.GET('/api/permanences/on-duty')),
  })
  const refetch = useCallback(() => void queryClient.invalidateQueries({ queryKey: key }), [queryClient])

  const [status, setStatus] = useState<LiveStatus | 'connecting'>('connecting')
  const previous = useRef<LiveStatus | 'connecting'>('connecting')
  const onEvent = useCallback((event: LiveEvent) => isDutyEvent(event.type) && refetch(), [refetch])
  const onStatus = useCallback(
    (next: LiveStatus) => {
      // Back after a gap: events are replayed (Last-Event-ID), but a handoff may have passed meanwhile.
      if (next === 'live' && previous.current === 'reconnecting') refetch()
      previous.current = next
      setStatus(next)
    },
    [refetch],
  )
  useLiveEvents(onEvent, true, onStatus)

  // At the next handoff the answer changes without any event: ask again then.
  const items = query.data?.items
  useEffect(() => {
    if (!items) return
    const at = nextHandoff(items, Date.now())
    if (at === null) return
    const timer = setTimeout(refetch, Math.min(MAX_TIMER_MS, Math.max(0, at - Date.now()) + 500))
    return () => clearTimeout(timer)
  }, [items, refetch])

  return { query, status }
}

/** The current time, updated every second. */
export function useNow(): Date {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000)
    return () => clearInterval(timer)
  }, [])
  return now
}
