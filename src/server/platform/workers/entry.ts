// The body of every worker thread of platform/workers.ts: it imports the task's module, calls the named export
// with the input and a progress callback, and posts the result (or the error's message) back.
import { parentPort } from 'node:worker_threads'

interface Request {
  module: string
  name: string
  input: unknown
}

const port = parentPort
if (!port) throw new Error('workers/entry.ts runs only as a worker thread')

port.on('message', (request: Request) => {
  void run(request)
})

async function run({ module, name, input }: Request) {
  const p = port!
  try {
    const mod = (await import(module)) as Record<string, unknown>
    const task = mod[name]
    if (typeof task !== 'function') throw new TypeError(`${module} has no task ${name}`)
    const progress = (fraction: number) => p.postMessage({ type: 'progress', fraction })
    const output: unknown = await (task as (i: unknown, pr: (f: number) => void) => unknown)(input, progress)
    p.postMessage({ type: 'done', output })
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err))
    p.postMessage({ type: 'error', message: e.message, name: e.name })
  }
}
