// The one source of "now". Production reads the system clock; tests hand a TestClock to buildApp or to a
// job runner and set or advance it. The clock is injected at the edges (buildApp, the job runner, the event
// dispatcher) and carried down each request or job by AsyncLocalStorage, so that a service deep down reads
// `now()` / `today()` without every function taking a clock parameter. Code outside any such scope (the
// CLI, a script) gets the system clock.
import { AsyncLocalStorage } from 'node:async_hooks'
import { brusselsDate } from './time.ts'

export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock that stands still until a test sets or advances it. */
export class TestClock implements Clock {
  #ms: number
  constructor(start: Date | string = '2026-03-02T09:00:00Z') {
    this.#ms = new Date(start).getTime()
  }
  now(): Date {
    return new Date(this.#ms)
  }
  set(at: Date | string): void {
    this.#ms = new Date(at).getTime()
  }
  advance(ms: number): void {
    this.#ms += ms
  }
}

const current = new AsyncLocalStorage<Clock>()

/** Runs `fn` (and everything it awaits or schedules) with `clock` as the source of now(). */
export function runWithClock<T>(clock: Clock, fn: () => T): T {
  return current.run(clock, fn)
}

/** The clock of the request or job this code runs for; the system clock outside any. */
export const currentClock = (): Clock => current.getStore() ?? systemClock

/** Now, from the current clock. */
export const now = (): Date => currentClock().now()

/** Today's calendar date in Brussels (YYYY-MM-DD), from the current clock. */
export const today = (): string => brusselsDate(now())
