// Seeded pseudo-randomness: the solver is deterministic for a given input and seed.

/** A small seeded generator (mulberry32): same seed, same sequence, on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A seeded random rank of 0..n-1 (tie-breaks that favour nobody). */
export function shuffle(n: number, random: () => number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i)
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const t = order[i] ?? 0
    order[i] = order[j] ?? 0
    order[j] = t
  }
  const rank = new Int32Array(n)
  order.forEach((p, r) => (rank[p] = r))
  return rank
}
