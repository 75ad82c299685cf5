// The audible part of the live alert (issue 9): a two-tone beep from the Web Audio API, repeated until the alert is
// acknowledged or muted. No audio file to load. Browsers refuse sound before the person has touched the page
// (autoplay policy): then this stays silent and never throws — the visible alert carries the message alone.

type AudioContextClass = typeof AudioContext

const audioContextClass = (): AudioContextClass | null =>
  typeof window !== 'undefined' && 'AudioContext' in window ? window.AudioContext : null

/** Starts beeping every `everyMs`; the returned function stops it (and is safe to call twice). */
export function startBeeping(everyMs = 2000): () => void {
  const Context = audioContextClass()
  if (!Context) return () => undefined
  let audio: AudioContext
  try {
    audio = new Context()
  } catch {
    // No audio device, or audio disabled by policy: the alert stays visible only.
    return () => undefined
  }
  const beep = () => {
    if (audio.state === 'suspended') void audio.resume().catch(() => undefined)
    try {
      const start = audio.currentTime
      for (const [offset, frequency] of [
        [0, 880],
        [0.25, 660],
      ] as const) {
        const oscillator = audio.createOscillator()
        const gain = audio.createGain()
        oscillator.frequency.value = frequency
        oscillator.type = 'square'
        gain.gain.setValueAtTime(0.0001, start + offset)
        gain.gain.exponentialRampToValueAtTime(0.2, start + offset + 0.02)
        gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.2)
        oscillator.connect(gain).connect(audio.destination)
        oscillator.start(start + offset)
        oscillator.stop(start + offset + 0.22)
      }
    } catch {
      // A context closed under us (page leaving): nothing to play any more.
    }
  }
  beep()
  const timer = setInterval(beep, everyMs)
  let stopped = false
  return () => {
    if (stopped) return
    stopped = true
    clearInterval(timer)
    void audio.close().catch(() => undefined)
  }
}
