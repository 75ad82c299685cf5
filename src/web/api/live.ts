// Live events (GET /api/events, docs/architecture.md "Live events (SSE)"): one EventSource, which reconnects and
// resumes (Last-Event-ID) by itself; the session cookie goes along. No consumer yet: a feature calls
// useLiveEvents and invalidates its queries for the event types it cares about.
import { useEffect, useRef } from 'react'
import type { components } from './schema.d.ts'

export type LiveEvent = components['schemas']['LiveEvent']

/** Calls `onEvent` for every event the signed-in user may see, while `enabled` (signed in). */
export function useLiveEvents(onEvent: (event: LiveEvent) => void, enabled: boolean): void {
  const handler = useRef(onEvent)
  useEffect(() => {
    handler.current = onEvent
  })
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return
    const source = new EventSource('/api/events')
    source.onmessage = (message: MessageEvent<string>) => handler.current(JSON.parse(message.data) as LiveEvent)
    // The session ended (logout, expiry): reconnecting would only be refused.
    source.addEventListener('session_ended', () => source.close())
    return () => source.close()
  }, [enabled])
}
