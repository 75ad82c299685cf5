// CPU-heavy work off the request thread (DESIGN.md §5): a small pool of worker_threads, each running one task
// at a time. A task is a named export of a module: a pure function `(input, progress) => output` on plain
// (structured-cloneable) data. The pool gives it a time limit — past it the worker is terminated and replaced,
// and the caller gets a WorkerTimeout — forwards its progress messages, and on `close()` terminates every
// worker and refuses what was still queued, so the app's shutdown never waits on a runaway computation.
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'

/** The signature of a task: pure, synchronous or not; `progress` takes a fraction 0..1. */
export type Task<I, O> = (input: I, progress: (fraction: number) => void) => O | Promise<O>

export interface TaskRequest<I> {
  /** The module's URL (e.g. `new URL('./solve-task.ts', import.meta.url).href`) and the export to call. */
  module: string
  name: string
  input: I
  /** Wall-clock limit from the moment a worker starts it (default 30 s). */
  timeLimitMs?: number
  onProgress?: (fraction: number) => void
}

export class WorkerTimeout extends Error {
  constructor(name: string, ms: number) {
    super(`task ${name} exceeded ${ms} ms`)
    this.name = 'WorkerTimeout'
  }
}
export class WorkerPoolClosed extends Error {
  constructor() {
    super('worker pool closed')
    this.name = 'WorkerPoolClosed'
  }
}
/** A task threw: its message and name, as the worker saw them. */
export class WorkerTaskError extends Error {
  readonly taskErrorName: string
  constructor(message: string, taskErrorName: string) {
    super(message)
    this.name = 'WorkerTaskError'
    this.taskErrorName = taskErrorName
  }
}

export interface WorkerPool {
  run<I, O>(request: TaskRequest<I>): Promise<O>
  /** Tasks running and waiting. */
  load(): { running: number; queued: number; workers: number }
  close(): Promise<void>
}

type Message =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; output: unknown }
  | { type: 'error'; message: string; name: string }

interface Job {
  request: TaskRequest<unknown>
  resolve: (value: unknown) => void
  reject: (reason: unknown) => void
}

const ENTRY = new URL('./workers/entry.ts', import.meta.url)

export function workerPool(options: { size?: number } = {}): WorkerPool {
  const size = Math.max(1, options.size ?? Math.min(2, availableParallelism()))
  const idle: Worker[] = []
  const busy = new Set<Worker>()
  const queue: Job[] = []
  let closed = false

  const spawn = () => {
    const worker = new Worker(ENTRY)
    worker.unref() // an idle worker never keeps the process alive
    return worker
  }

  function start(worker: Worker, job: Job) {
    busy.add(worker)
    worker.ref()
    const limit = job.request.timeLimitMs ?? 30_000
    let settled = false
    const finish = (recycle: boolean, outcome: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      worker.off('message', onMessage)
      worker.off('error', onError)
      worker.off('exit', onExit)
      busy.delete(worker)
      worker.unref()
      if (recycle && !closed) idle.push(worker)
      else void worker.terminate()
      outcome()
      next()
    }
    const onMessage = (m: Message) => {
      if (m.type === 'progress') job.request.onProgress?.(m.fraction)
      else if (m.type === 'done') finish(true, () => job.resolve(m.output))
      else finish(true, () => job.reject(new WorkerTaskError(m.message, m.name)))
    }
    const onError = (err: Error) => finish(false, () => job.reject(err))
    const onExit = () => finish(false, () => job.reject(closed ? new WorkerPoolClosed() : new Error('worker exited')))
    const timer = setTimeout(() => finish(false, () => job.reject(new WorkerTimeout(job.request.name, limit))), limit)
    worker.on('message', onMessage)
    worker.on('error', onError)
    worker.on('exit', onExit)
    const { module, name, input } = job.request
    worker.postMessage({ module, name, input })
  }

  function next() {
    while (!closed && queue.length > 0 && busy.size < size) {
      const job = queue.shift()!
      start(idle.pop() ?? spawn(), job)
    }
  }

  return {
    run<I, O>(request: TaskRequest<I>): Promise<O> {
      if (closed) return Promise.reject(new WorkerPoolClosed())
      return new Promise<O>((resolve, reject) => {
        queue.push({ request, resolve: resolve as (v: unknown) => void, reject })
        next()
      })
    },
    load: () => ({ running: busy.size, queued: queue.length, workers: busy.size + idle.length }),
    async close() {
      closed = true
      for (const job of queue.splice(0)) job.reject(new WorkerPoolClosed())
      await Promise.all([...idle.splice(0), ...busy].map((w) => w.terminate()))
    },
  }
}
