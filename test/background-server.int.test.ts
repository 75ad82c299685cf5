// `verbond serve` runs the background (platform/background.ts): two server processes on one PostgreSQL
// database schedule each recurring job once, publish what a third connection writes to the outbox, and stop
// cleanly on SIGTERM. Real processes; PostgreSQL only (an embedded data directory has one process).
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { emit } from '../src/server/platform/outbox.ts'
import { openTestDatabase, usingPostgres } from './databases.ts'
import { killAll, startServersOn } from './processes.ts'

describe.runIf(usingPostgres())('the background of verbond serve', () => {
  it('two servers: one job per recurring kind, events published, a clean stop', { timeout: 120_000 }, async () => {
    const database = await openTestDatabase()
    const dir = await mkdtemp(path.join(os.tmpdir(), 'verbond-background-'))
    try {
      const servers = await startServersOn(database.url!, dir, 2)
      const jobs = await database.db
        .selectFrom('jobs')
        .select(['kind', 'state'])
        .where('kind', 'in', [
          'auth.session_purge',
          'auth.login_attempts_purge',
          'platform.retention',
          'notifications.retention',
        ])
        .execute()
      // Each kind: the current period, run by one of the servers (or about to be), and the next one.
      for (const kind of [
        'auth.session_purge',
        'auth.login_attempts_purge',
        'platform.retention',
        'notifications.retention',
      ]) {
        const ofKind = jobs.filter((j) => j.kind === kind)
        expect(ofKind.length, kind).toBeGreaterThanOrEqual(1)
        expect(ofKind.length, kind).toBeLessThanOrEqual(2)
      }
      await database.db.transaction().execute((trx) => emit(trx, { type: 'test.from_outside' }))
      const deadline = Date.now() + 10_000
      let published = false
      while (!published && Date.now() < deadline) {
        const row = await database.db
          .selectFrom('outbox_events')
          .select('position')
          .where('type', '=', 'test.from_outside')
          .executeTakeFirstOrThrow()
        published = row.position !== null
        if (!published) await new Promise((resolve) => setTimeout(resolve, 50))
      }
      expect(published).toBe(true)
      await Promise.all(servers.map((s) => s.stop('SIGTERM')))
      for (const s of servers) expect(s.output()).not.toMatch(/error|failed/i)
    } finally {
      killAll()
      await database.close()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
