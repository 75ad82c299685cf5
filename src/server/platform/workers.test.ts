import { threadId } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { WorkerPoolClosed, WorkerTaskError, WorkerTimeout, workerPool, type WorkerPool } from './workers.ts'

const tasks = new URL('./workers/test-tasks.ts', import.meta.url).href
let pool: WorkerPool | undefined
afterEach(async () => {
  await pool?.close()
  pool = undefined
})

describe('worker pool', () => {
  it('runs a named pure function off this thread, with progress', async () => {
    pool = workerPool({ size: 1 })
    const progress: number[] = []
    const sum = await pool.run<{ n: number }, number>({
      module: tasks,
      name: 'sumTo',
      input: { n: 1000 },
      onProgress: (f) => progress.push(f),
    })
    expect(sum).toBe(500_500)
    expect(progress).toEqual([0.25, 0.5, 0.75, 1])
    expect(threadId).toBe(0)
    expect(pool.load()).toEqual({ running: 0, queued: 0, workers: 1 })
  })

  it('reports a task error by name and message; the worker stays usable', async () => {
    pool = workerPool({ size: 1 })
    const err = await pool
      .run({ module: tasks, name: 'fail', input: { message: 'bad pattern' } })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(WorkerTaskError)
    expect(err).toMatchObject({ message: 'bad pattern', taskErrorName: 'RangeError' })
    expect(await pool.run({ module: tasks, name: 'sumTo', input: { n: 3 } })).toBe(6)
  })

  it('terminates a task past its time limit and keeps serving the queue', async () => {
    pool = workerPool({ size: 1 })
    const slow = pool.run({ module: tasks, name: 'spin', input: { ms: 10_000 }, timeLimitMs: 200 })
    const queued = pool.run({ module: tasks, name: 'sumTo', input: { n: 4 } })
    await expect(slow).rejects.toBeInstanceOf(WorkerTimeout)
    expect(await queued).toBe(10)
  })

  it('closes cleanly: running and queued tasks are refused, new ones too', async () => {
    pool = workerPool({ size: 1 })
    const running = pool
      .run({ module: tasks, name: 'spin', input: { ms: 10_000 }, timeLimitMs: 20_000 })
      .catch((e: unknown) => e)
    const queued = pool.run({ module: tasks, name: 'sumTo', input: { n: 4 } }).catch((e: unknown) => e)
    const started = Date.now()
    await pool.close()
    expect(await running).toBeInstanceOf(WorkerPoolClosed)
    expect(await queued).toBeInstanceOf(WorkerPoolClosed)
    await expect(pool.run({ module: tasks, name: 'sumTo', input: { n: 1 } })).rejects.toBeInstanceOf(WorkerPoolClosed)
    expect(Date.now() - started).toBeLessThan(5000)
  })
})
