// Real processes for the tests that need them: the server (`node src/server/main.ts serve`) and the
// command line, each a child process of the test. Every child is tracked, and `killAll` ends those still
// running, so a failing test leaves none behind.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import path from 'node:path'

const MAIN = path.resolve('src/server/main.ts')
const running = new Set<ChildProcess>()

/** A TCP port nobody listens on right now (the kernel's pick). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs one `verbond` command to its end. */
export function cli(args: string[], env: NodeJS.ProcessEnv, stdin = ''): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], {
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    running.add(child)
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      running.delete(child)
      resolve({ code, stdout, stderr })
    })
    child.stdin.end(stdin)
  })
}

export interface ServerProcess {
  pid: number
  url: string
  /** Everything the server printed so far. */
  output(): string
  /** SIGTERM (a clean stop) or SIGKILL (a crash); resolves when the process has ended. */
  stop(signal: 'SIGTERM' | 'SIGKILL'): Promise<void>
}

/** Starts the server and waits until /api/health answers. */
export async function startServer(env: NodeJS.ProcessEnv & { PORT: string }): Promise<ServerProcess> {
  const child = spawn(process.execPath, [MAIN, 'serve'], {
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  let output = ''
  child.stdout.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr.on('data', (d: Buffer) => (output += d.toString()))
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child)
      resolve()
    }),
  )
  const url = `http://127.0.0.1:${env.PORT}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server ended before it was ready:\n${output}`)
    const ok = await fetch(`${url}/api/health`).then(
      (res) => res.ok,
      () => false,
    )
    if (ok) break
    if (Date.now() > deadline) throw new Error(`the server did not answer within a minute:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    pid: child.pid!,
    url,
    output: () => output,
    async stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
}

/** `count` servers on one PostgreSQL database (no demo data), each on a free port. */
export async function startServersOn(databaseUrl: string, scratchDir: string, count: number): Promise<ServerProcess[]> {
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()))
  return Promise.all(
    ports.map((port) =>
      startServer({
        DATABASE_URL: databaseUrl,
        VERBOND_DATA_DIR: path.join(scratchDir, 'unused'),
        PORT: String(port),
        VERBOND_DEMO: 'false',
        LOG_LEVEL: 'warn',
      }),
    ),
  )
}

/** Ends every child process still running (afterAll: also after a failed test). */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL')
  running.clear()
}
