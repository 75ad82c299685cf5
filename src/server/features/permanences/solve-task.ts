// The roster solver as a worker task (platform/workers.ts): plain data in, plain data out, off the request
// thread.
import { solveRoster, type SolveResult } from './domain/solver.ts'
import type { RosterInput } from './domain/types.ts'

export const SOLVE_TASK = { module: new URL('./solve-task.ts', import.meta.url).href, name: 'solve' } as const

export function solve(input: { roster: RosterInput; timeLimitMs: number }, progress: (f: number) => void): SolveResult {
  return solveRoster(input.roster, { timeLimitMs: input.timeLimitMs, onProgress: progress })
}
