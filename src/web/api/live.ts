// Live events (GET /api/events, docs/architecture.md "Live events (SSE)"): ONE EventSource per page, shared by
// every component that listens (the app shell's notifications and assistance alert, the board, a rotation, …):
// a browser allows only a few connections per server over HTTP/1.1, and each stream held one of them. The stream
// opens with the first listener, closes with the last, reconnects and resumes (Last-Event-ID) by itself; the
// session cookie goes along. A feature calls useLiveEvents and invalidates its queries for the event types it
// cares about.
import { useEffect, useRef } from 'react'
import type { components } from './schema.d.ts'

export type LiveEvent = components['schemas']['LiveEvent']

/** 'live': the stream is open; 'reconnecting': it dropped and the browser is reconnecting (board, issue 8). */
export type LiveStatus = 'live' | 'reconnecting'

interface Listener {
  onEvent: (event: LiveEvent) => void
  onStatus: (status: LiveStatus) => void
}

const listeners = new Set<Listener>()
let source: EventSource | null = null

function broadcast(status: LiveStatus): void {
  for (const listener of [...listeners]) listener.onStatus(status)
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener)
  if (!source) {
    const opened = new EventSource('/api/events')
    opened.onmessage = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as LiveEvent
      for (const l of [...listeners]) l.onEvent(event)
    }
    opened.onopen = () => broadcast('live')
    opened.onerror = () => broadcast('reconnecting')
    // The session ended (logout, expiry): reconnecting would only be refused. The next listener (after signing
    // in again) opens a new stream.
    opened.addEventListener('session_ended', () => {
      opened.close()
      if (source === opened) source = null
    })
    source = opened
  } else if (source.readyState === EventSource.OPEN) {
    // Joining a stream that is already open: this listener missed its `open`.
    queueMicrotask(() => listeners.has(listener) && listener.onStatus('live'))
  }
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && source) {
      source.close()
      source = null
    }
  }
}

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
    return subscribe({
      onEvent: (event) => handler.current(event),
      onStatus: (status) => statusHandler.current?.(status),
    })
  }, [enabled])
}
