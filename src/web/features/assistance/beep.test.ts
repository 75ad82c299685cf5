// The beep must never break the alert: no Web Audio (a server-side render, an old browser), or an AudioContext
// the browser refuses, leaves the alert silent; stopping twice is harmless. (Node has no window: stubbed here.)
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startBeeping } from './beep.ts'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('startBeeping', () => {
  it('is silent without Web Audio', () => {
    const stop = startBeeping()
    expect(() => {
      stop()
      stop()
    }).not.toThrow()
  })

  it('is silent when the browser refuses an AudioContext', () => {
    class Refused {
      constructor() {
        throw new Error('NotAllowedError')
      }
    }
    vi.stubGlobal('window', { AudioContext: Refused })
    expect(() => startBeeping()()).not.toThrow()
  })

  it('beeps again and again until stopped, resuming a suspended context, and closes it once', () => {
    vi.useFakeTimers()
    const started: number[] = []
    let closed = 0
    let resumed = 0
    const param = { value: 0, setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined }
    class FakeContext {
      state = 'suspended'
      currentTime = 0
      destination = {}
      resume() {
        resumed++
        return Promise.reject(new Error('blocked until a gesture'))
      }
      close() {
        closed++
        return Promise.resolve()
      }
      createGain() {
        return { gain: param, connect: (next: unknown) => next }
      }
      createOscillator() {
        return {
          frequency: { value: 0 },
          type: 'sine',
          connect: (next: unknown) => next,
          start: (at: number) => started.push(at),
          stop: () => undefined,
        }
      }
    }
    vi.stubGlobal('window', { AudioContext: FakeContext })
    const stop = startBeeping(1000)
    vi.advanceTimersByTime(2500)
    expect(started).toHaveLength(6) // three beeps of two tones
    expect(resumed).toBe(3)
    stop()
    stop()
    vi.advanceTimersByTime(5000)
    expect(started).toHaveLength(6)
    expect(closed).toBe(1)
  })
})
