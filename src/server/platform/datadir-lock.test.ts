// One owner per data directory: a second opener (in this process or another) stops with a message naming
// the owner; a release or the owner's death, however it dies, frees the directory; PostgreSQL takes no lock.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  cliLocales,
  DataDirInUseError,
  inUseMessage,
  LOCK_FILE,
  lockDataDir,
  type DataDirOwner,
} from './datadir-lock.ts'
import { openDatabase } from './db.ts'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'verbond-lock-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const inUse = (fn: () => unknown): DataDirInUseError => {
  try {
    fn()
  } catch (err) {
    if (err instanceof DataDirInUseError) return err
    throw err
  }
  throw new Error('expected DataDirInUseError')
}

describe('the data directory lock', () => {
  it('lets one holder in at a time, in this process too, and names it to the next', () => {
    const data = path.join(dir, 'one')
    const lock = lockDataDir(data, 'migrate')
    lock.describe({ url: 'http://127.0.0.1:1234' })
    const err = inUse(() => lockDataDir(data, 'serve'))
    expect(err.owner).toMatchObject({ pid: process.pid, command: 'migrate', url: 'http://127.0.0.1:1234' })
    lock.release()
    lockDataDir(data, 'serve').release()
  })

  it('closes the directory to other users (PGlite writes its files world-writable)', async () => {
    const data = path.join(dir, 'open-to-all')
    await mkdir(data, { mode: 0o755 })
    await chmod(data, 0o757)
    lockDataDir(data, 'serve').release()
    expect((await stat(data)).mode & 0o777).toBe(0o750)
    lockDataDir(path.join(dir, 'new'), 'serve').release()
    expect((await stat(path.join(dir, 'new'))).mode & 0o777).toBe(0o700)
  })

  it('is free again when its holder is killed, without cleanup', async () => {
    const data = path.join(dir, 'killed')
    // A child process takes the lock, says so, and would hold it for a minute.
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { lockDataDir } from ${JSON.stringify(path.resolve('src/server/platform/datadir-lock.ts'))}
         lockDataDir(${JSON.stringify(data)}, 'serve'); console.log('locked'); setTimeout(() => {}, 60_000)`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve())
        child.once('exit', (code) => reject(new Error(`child ended early (${code})`)))
      })
      expect(inUse(() => lockDataDir(data, 'migrate')).owner).toMatchObject({ pid: child.pid, command: 'serve' })
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGKILL')
      await exited
      // The lock file is still there, with the dead owner's description; the lock itself died with it.
      expect(existsSync(path.join(data, LOCK_FILE))).toBe(true)
      expect(JSON.parse(await readFile(path.join(data, LOCK_FILE), 'utf8'))).toMatchObject({ pid: child.pid })
      const lock = lockDataDir(data, 'serve')
      expect(lock.owner.pid).toBe(process.pid)
      lock.release()
    } finally {
      child.kill('SIGKILL')
    }
  })

  // openDatabase takes it for a data directory: test/cli-server.int.test.ts shows that with real processes.
  it('is not taken at all on PostgreSQL, where many processes share the database', async () => {
    const untouched = path.join(dir, 'never-created')
    const postgres = await openDatabase({ databaseUrl: 'postgres://127.0.0.1:1/none', dataDir: untouched })
    expect(postgres.dataDirLock).toBeNull()
    expect(existsSync(untouched)).toBe(false)
    await postgres.close()
  })
})

describe('the in-use message', () => {
  const server: DataDirOwner = {
    pid: 4242,
    host: 'vm',
    since: '2026-11-29T10:00:00.000Z',
    command: 'serve',
    dataDir: '/srv/verbond/data',
    url: 'http://127.0.0.1:3000',
    bridgeUrl: 'http://127.0.0.1:40000',
  }

  it('speaks the locale of LC_ALL, LC_MESSAGES or LANG, and all three languages otherwise', () => {
    expect(cliLocales({ LANG: 'nl_BE.UTF-8' })).toEqual(['nl'])
    expect(cliLocales({ LANG: 'nl_BE.UTF-8', LC_ALL: 'fr_BE.UTF-8' })).toEqual(['fr'])
    expect(cliLocales({ LC_MESSAGES: 'en_GB.UTF-8' })).toEqual(['en'])
    expect(cliLocales({ LANG: 'C.UTF-8' })).toEqual(['nl', 'fr', 'en'])
    expect(cliLocales({})).toEqual(['nl', 'fr', 'en'])
  })

  it('names the server and says what to do, in each language', () => {
    const all = inUseMessage('/srv/verbond/data', server, ['nl', 'fr', 'en'], 'stop')
    for (const part of ['pid 4242', 'http://127.0.0.1:3000', 'kill 4242', '/srv/verbond/data'])
      expect(all.split(part)).toHaveLength(4) // once per language
    expect(all).toContain('Stop eerst de server')
    expect(all).toContain("Arrêtez d'abord le serveur")
    expect(all).toContain('Stop the server first')
    expect(inUseMessage('/d', server, ['en'], 'starting')).toContain('still starting')
    expect(inUseMessage('/d', { ...server, command: 'backup', url: undefined }, ['en'], 'stop')).toMatch(
      /in use by `verbond backup` \(pid 4242 on vm, since .*\)[\s\S]*Wait until that command has finished/,
    )
    expect(inUseMessage('/d', null, ['nl'], 'stop')).toContain('door een ander proces')
  })
})
