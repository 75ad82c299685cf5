// The command line against a running server on the same embedded data directory (issue 12): every
// command either works through the server, and its result survives a restart, or refuses and names the
// server. Never "Created" followed by a loss. Real processes: the server and each command are children.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../src/server/platform/db.ts'
import { openTestDatabase, PGLITE_TEMPLATE, usingPostgres } from './databases.ts'
import { cli, freePort, killAll, startServer, type ServerProcess } from './processes.ts'

const PASSWORD = 'a-long-password-123'

let dir: string
let env: NodeJS.ProcessEnv & { PORT: string }
let server: ServerProcess | null = null

async function login(email: string, password: string): Promise<number> {
  const res = await fetch(`${server!.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  return res.status
}

const addUser = (email: string) =>
  cli(['user', 'add', '--email', email, '--name', 'Concurrent', '--role', 'officer', '--zone', '5460'], env, PASSWORD)

// A data directory is a PGlite matter; on PostgreSQL many processes share the database (below).
describe.skipIf(usingPostgres())('the command line meets a running server on the same data directory', () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'verbond-cli-'))
    env = {
      VERBOND_DATA_DIR: path.join(dir, 'data'),
      PORT: String(await freePort()),
      VERBOND_DEMO: 'false',
      LOG_LEVEL: 'warn',
      LANG: 'C', // no Dutch, French or English locale: the messages come in all three
    }
    // The demo data set, restored by the command line while no server runs.
    const restored = await cli(['restore', PGLITE_TEMPLATE], env)
    expect(restored, restored.stderr).toMatchObject({ code: 0 })
    server = await startServer(env)
  }, 120_000)
  afterAll(async () => {
    killAll()
    await rm(dir, { recursive: true, force: true })
  })

  it('user add and audit verify go through the server', { timeout: 60_000 }, async () => {
    const added = await addUser('concurrent@pz5460.be')
    expect(added.stderr).toBe('')
    expect(added.code).toBe(0)
    expect(added.stdout).toMatch(
      new RegExp(
        `^Created concurrent@pz5460\\.be \\([0-9a-f-]{36}\\) through the running server \\(pid ${server!.pid}\\)`,
      ),
    )
    expect(await login('concurrent@pz5460.be', PASSWORD)).toBe(200) // the server sees it at once

    // The server's own checks answer as they do locally (an e-mail address already taken).
    const [verified, twice] = await Promise.all([cli(['audit', 'verify'], env), addUser('concurrent@pz5460.be')])
    expect(verified.code).toBe(0)
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, firstBrokenId: null })
    expect(JSON.parse(verified.stdout).events).toBeGreaterThanOrEqual(2) // user.create and the login
    expect(verified.stderr).toContain(`through the running server (pid ${server!.pid})`)
    expect(twice.code).toBe(1)
    expect(twice.stdout).toBe('')
    expect(twice.stderr).toMatch(/users_email_key/)
  })

  it('backup is made online by the server, which keeps serving', { timeout: 60_000 }, async () => {
    const file = path.join(dir, 'online.tar.gz')
    const backup = cli(['backup', file], env)
    const health = await fetch(`${server!.url}/api/health`)
    expect(health.status).toBe(200)
    const result = await backup
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`through the running server (pid ${server!.pid})`)
    // The backup holds the data, not the server's lock file or bridge token.
    const tar = gunzipSync(await readFile(file))
    expect(tar.includes('PG_VERSION')).toBe(true)
    expect(tar.includes('verbond.lock')).toBe(false)
    expect(tar.includes('verbond.bridge-token')).toBe(false)
  })

  it(
    'migrate, seed-demo, restore and a second serve refuse, naming the server and what to do',
    {
      timeout: 60_000,
    },
    async () => {
      const results = await Promise.all([
        cli(['migrate'], env),
        cli(['seed-demo'], env),
        cli(['restore', path.join(dir, 'online.tar.gz'), '--force'], env),
        cli(['serve'], { ...env, PORT: String(await freePort()) }),
      ])
      for (const result of results) {
        expect(result.code, result.stderr).toBe(1)
        expect(result.stdout).toBe('')
        expect(result.stderr).toContain(`pid ${server!.pid}`)
        expect(result.stderr).toContain(server!.url)
        expect(result.stderr).toContain('Stop eerst de server')
        expect(result.stderr).toContain("Arrêtez d'abord le serveur")
        expect(result.stderr).toContain('Stop the server first')
      }
      const inDutch = await cli(['migrate'], { ...env, LANG: 'nl_BE.UTF-8' })
      expect(inDutch.stderr).toContain('Stop eerst de server')
      expect(inDutch.stderr).not.toContain('Stop the server first')
    },
  )

  it('a SIGKILLed server leaves no stale lock, and what went through it survives', { timeout: 90_000 }, async () => {
    await server!.stop('SIGKILL')
    // No manual cleanup: the same directory, started again at once.
    server = await startServer(env)
    expect(await login('concurrent@pz5460.be', PASSWORD)).toBe(200)
    await server.stop('SIGTERM')
    server = null

    // A clean stop releases the directory: this process may open it now. The account and its audit event.
    const database = await openDatabase({ databaseUrl: null, dataDir: env.VERBOND_DATA_DIR!, command: 'test' })
    try {
      const { rows } = await sql<{ email: string; audited: number }>`
        SELECT u.email, (SELECT count(*)::int FROM audit_events a
                         WHERE a.action = 'user.create' AND a.object_id = u.id::text) AS audited
        FROM users u WHERE u.email = 'concurrent@pz5460.be'`.execute(database.db)
      expect(rows).toEqual([{ email: 'concurrent@pz5460.be', audited: 1 }])
    } finally {
      await database.close()
    }
  })

  it('the online backup holds the account', async () => {
    const dump = new Blob([await readFile(path.join(dir, 'online.tar.gz'))])
    const database = await openDatabase({ databaseUrl: null, dataDir: null, loadDataDir: dump })
    try {
      const user = await database.db
        .selectFrom('users')
        .select('email')
        .where('email', '=', 'concurrent@pz5460.be')
        .executeTakeFirst()
      expect(user).toEqual({ email: 'concurrent@pz5460.be' })
    } finally {
      await database.close()
    }
  })
})

describe.runIf(usingPostgres())('on PostgreSQL the command line and the server share the database', () => {
  it('user add and migrate run beside the server, each on its own connection', { timeout: 90_000 }, async () => {
    const database = await openTestDatabase()
    dir = await mkdtemp(path.join(os.tmpdir(), 'verbond-cli-pg-'))
    try {
      env = {
        DATABASE_URL: database.url!,
        VERBOND_DATA_DIR: path.join(dir, 'unused'),
        PORT: String(await freePort()),
        VERBOND_DEMO: 'false',
        LOG_LEVEL: 'warn',
      }
      server = await startServer(env)
      const [added, migrated] = await Promise.all([addUser('shared@pz5460.be'), cli(['migrate'], env)])
      expect(added.code, added.stderr).toBe(0)
      expect(added.stdout).toMatch(/^Created shared@pz5460\.be \([0-9a-f-]{36}\)\n$/) // by itself, not through the server
      expect(migrated).toMatchObject({ code: 0, stdout: 'Database is up to date.\n' })
      expect(await login('shared@pz5460.be', PASSWORD)).toBe(200)
    } finally {
      killAll()
      await database.close()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
