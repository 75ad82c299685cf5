// Tasks for platform/workers.test.ts: a pure one with progress, one that fails, one that never ends.
export function sumTo(input: { n: number }, progress: (f: number) => void): number {
  let sum = 0
  for (let i = 1; i <= input.n; i++) {
    sum += i
    if (i % Math.max(1, Math.floor(input.n / 4)) === 0) progress(i / input.n)
  }
  return sum
}

export function fail(input: { message: string }): never {
  throw new RangeError(input.message)
}

export function spin(input: { ms: number }): number {
  const end = Date.now() + input.ms
  let n = 0
  while (Date.now() < end) n++
  return n
}
