// Outbox → bus → SSE across processes: two `verbond serve` processes on one PostgreSQL database, a stream open
// on each; an event committed on another connection reaches both streams (whichever server publishes it, the
// other hears the NOTIFY), and a SIGTERM with streams open still stops each server cleanly. PostgreSQL only
// (an embedded data directory has one process).
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openTestDatabase, usingPostgres } from '../../../../test/databases.ts'
import { killAll, startServersOn, type ServerProcess } from '../../../../test/processes.ts'
import { DEMO_PASSWORD } from '../../demo/data.ts'
import { emit } from '../../platform/outbox.ts'
import { until } from '../../../../test/wait.ts'

/** Signs in over HTTP and opens a stream; `text()` is everything read so far, `ended` when the server hangs up. */
async function streamOn(server: ServerProcess, email: string) {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  })
  expect(login.status).toBe(200)
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('verbond_session='))!
    .split(';')[0]!
  const res = await fetch(`${server.url}/api/events`, { headers: { cookie } })
  expect(res.status).toBe(200)
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  let text = ''
  const ended = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }))
      if (done) return
      text += decoder.decode(value, { stream: true })
    }
  })()
  return { text: () => text, ended }
}

describe.runIf(usingPostgres())('live events across two server processes', () => {
  it('an event reaches the streams of both servers; SIGTERM ends them', { timeout: 120_000 }, async () => {
    const database = await openTestDatabase()
    const dir = await mkdtemp(path.join(os.tmpdir(), 'verbond-sse-'))
    try {
      const servers = await startServersOn(database.url!, dir, 2)
      const streams = await Promise.all(servers.map((s) => streamOn(s, 'planner.5373@demo.verbond.be')))
      const zoneId = (
        await database.db.selectFrom('zones').select('id').where('code', '=', '5373').executeTakeFirstOrThrow()
      ).id
      await database.db
        .transaction()
        .execute((trx) => emit(trx, { type: 'test.across_processes', zoneId, payload: { n: 1 } }))
      for (const [i, s] of streams.entries())
        await until(() => s.text().includes('test.across_processes'), `server ${i}`, 10_000)
      await Promise.all(servers.map((s) => s.stop('SIGTERM')))
      await Promise.all(streams.map((s) => s.ended))
      for (const s of servers) expect(s.output()).not.toMatch(/error|failed/i)
    } finally {
      killAll()
      await database.close()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
