// A tiny seeded PRNG so that the demo data set is the same on every machine and every run: tests and
// screenshots can name people, and a reseed after a reset gives back the same corps.

export type Rng = () => number

/** mulberry32: 32-bit state, good enough spread for picking names and dates; not for anything secret. */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** FNV-1a of a label, so that each zone gets its own stream and resizing one zone leaves the others alone. */
export function hashLabel(label: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (const ch of label) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 0x01000193) >>> 0
  return h
}

/** Integer in [min, max], both inclusive. */
export const intBetween = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1))

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

/** Fisher–Yates on a copy. */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1))
    const a = out[i] as T
    out[i] = out[j] as T
    out[j] = a
  }
  return out
}
