// Sessions are cached in each server process; a logout or a disabled account in one process must be refused at
// once by another (migration 0011's NOTIFY, heard on each process's LISTEN connection: invalidation.ts). Two
// `verbond serve` processes on one PostgreSQL database. PostgreSQL only (an embedded data directory has one
// process; the in-process case is caches.int.test.ts).
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openTestDatabase, usingPostgres } from '../../../test/databases.ts'
import { killAll, startServersOn, type ServerProcess } from '../../../test/processes.ts'
import { DEMO_PASSWORD } from '../demo/data.ts'

interface Client {
  cookie: string
  csrf: string
}

async function signIn(server: ServerProcess, email: string): Promise<Client> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  })
  expect(res.status).toBe(200)
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('verbond_session='))!
    .split(';')[0]!
  return { cookie, csrf: (await res.json()).csrfToken as string }
}

const call = async (server: ServerProcess, client: Client, method: string, url: string) =>
  (await fetch(`${server.url}${url}`, { method, headers: { cookie: client.cookie, 'x-csrf-token': client.csrf } }))
    .status

describe.runIf(usingPostgres())('session cache across two server processes', () => {
  afterAll(() => killAll())

  it(
    'a logout or a disabled account in one process is refused at once by the other',
    { timeout: 120_000 },
    async () => {
      const database = await openTestDatabase()
      const dir = await mkdtemp(path.join(os.tmpdir(), 'verbond-caches-'))
      try {
        const [a, b] = (await startServersOn(database.url!, dir, 2)) as [ServerProcess, ServerProcess]
        const planner = await signIn(a, 'planner.5373@demo.verbond.be')
        // Served by B twice: the second answer comes from B's memory.
        expect(await call(b, planner, 'GET', '/api/me')).toBe(200)
        expect(await call(b, planner, 'GET', '/api/people?limit=5')).toBe(200)
        expect(await call(a, planner, 'POST', '/api/auth/logout')).toBe(204)
        expect(await call(b, planner, 'GET', '/api/people?limit=5')).toBe(401)

        const officer = await signIn(b, 'officer.5373@demo.verbond.be')
        expect(await call(b, officer, 'GET', '/api/me')).toBe(200)
        expect(await call(b, officer, 'GET', '/api/me')).toBe(200)
        const { id } = await database.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', 'officer.5373@demo.verbond.be')
          .executeTakeFirstOrThrow()
        const chef = await signIn(a, 'korpschef.5373@demo.verbond.be')
        expect(await call(a, chef, 'POST', `/api/accounts/${id}/disable`)).toBe(200)
        expect(await call(b, officer, 'GET', '/api/me')).toBe(401)

        await Promise.all([a.stop('SIGTERM'), b.stop('SIGTERM')])
        for (const s of [a, b]) expect(s.output()).not.toMatch(/error|failed/i)
      } finally {
        killAll()
        await database.close()
        await rm(dir, { recursive: true, force: true })
      }
    },
  )
})
