// Live events (GET /api/events, docs/architecture.md "Live events (SSE)"): one EventSource, which reconnects and
// resumes (Last-Event-ID) by itself; the session cookie goes along. No consumer yet: a feature calls
// useLiveEvents and invalidates its queries for the event types it cares about.
import { useEffect, useRef } from 'react'
import type { components } from './schema.d.ts'

export type LiveEvent = components['schemas']['LiveEvent']

/** 'live': the stream is open; 'reconnecting': it dropped and the browser is reconnecting (board, issue 8). */
export type LiveStatus = 'live' | 'reconnecting'

/**
 * Calls `onEvent` for every event the signed-in user may see, while `enabled` (signed in); `onStatus`, if given,
 * whenever the stream opens or drops (a page that shows whether it is live, and refetches after a gap).
 */
export function useLiveEvents(
  onEvent: (event: LiveEvent) => void,
  enabled: boolean,
  onStatus?: (status: LiveStatus) => void,
): void {
  const handler = useRef(onEvent)
  const statusHandler = useRef(onStatus)
  useEffect(() => {
    handler.current = onEvent
    statusHandler.current = onStatus
  })
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return
    const source = new EventSource('/api/events')
    source.onmessage = (message: MessageEvent<string>) => handler.current(JSON.parse(message.data) as LiveEvent)
    source.onopen = () => statusHandler.current?.('live')
    source.onerror = () => statusHandler.current?.('reconnecting')
    // The session ended (logout, expiry): reconnecting would only be refused.
    source.addEventListener('session_ended', () => source.close())
    return () => source.close()
  }, [enabled])
}
