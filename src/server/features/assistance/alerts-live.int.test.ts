// The live path of an alert (issue 9): the duty officer of the partner zone has the event stream open; the
// request goes out; the `assistance.alert` event arrives on their stream (and on nobody else's), and the
// acknowledgement's `assistance.alert_acknowledged` follows. On one server over a real socket (both databases),
// and on PostgreSQL across two `verbond serve` processes: the stream is served by server 2, the acknowledgement
// is posted to server 1. (Until the request routes land, the request is sent as the core does it: a transaction
// that writes the request and calls alertAddressees, on a connection of its own.)
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { alertWorld, ALERT_AT } from '../../../../test/assistance-alerts.world.ts'
import { usingPostgres } from '../../../../test/databases.ts'
import { FACTORY_PASSWORD, type UserRef } from '../../../../test/factories.ts'
import { startTestApp } from '../../../../test/harness.ts'
import { killAll, startServersOn } from '../../../../test/processes.ts'
import { until } from '../../../../test/wait.ts'
import { buildApp } from '../../app.ts'
import { TestClock } from '../../platform/clock.ts'
import { startEventBus } from '../../platform/events.ts'

/** Signs in on the server at `base`: a fetch with the session, and an open event stream's text so far. */
async function signIn(base: string, user: UserRef) {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: FACTORY_PASSWORD }),
  })
  expect(login.status).toBe(200)
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('verbond_session='))!
    .split(';')[0]!
  const { csrfToken } = (await login.json()) as { csrfToken: string }
  const post = (url: string, body: unknown) =>
    fetch(`${base}${url}`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  const stream = async () => {
    const res = await fetch(`${base}/api/events`, { headers: { cookie } })
    expect(res.status).toBe(200)
    const reader = res.body!.getReader()
    const decoder = new TextDecoder()
    let text = ''
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }))
        if (done) return
        text += decoder.decode(value, { stream: true })
      }
    })()
    return { text: () => text, close: () => reader.cancel() }
  }
  return { post, stream }
}

describe('the alert on the event stream', () => {
  it('reaches the duty officer’s open stream, not the korpschef’s yet; the acknowledgement follows', async () => {
    const t = await startTestApp()
    const bus = await startEventBus(t.database, { databaseUrl: t.databaseUrl, pollMs: 60_000 })
    const app = await buildApp(t.config, t.database, { bus })
    try {
      const base = await app.listen({ port: 0, host: '127.0.0.1' })
      const w = await alertWorld(t, new TestClock(ALERT_AT))
      const officer = await signIn(base, w.bOfficer)
      const [officerStream, korpschefStream] = [
        await officer.stream(),
        await (await signIn(base, w.bKorpschef)).stream(),
      ]
      const request = await w.send([w.b])
      await until(() => officerStream.text().includes('assistance.alert'), 'the alert on the stream', 10_000)
      expect(officerStream.text()).toContain(request.id)
      const res = await officer.post(`/api/assistance/requests/${request.id}/acknowledge`, {})
      expect(res.status).toBe(200)
      await until(() => officerStream.text().includes('assistance.alert_acknowledged'), 'the acknowledgement', 10_000)
      expect(korpschefStream.text()).not.toContain('assistance.alert')
      await officerStream.close()
      await korpschefStream.close()
    } finally {
      await app.close()
      await bus.close()
      await t.close()
    }
  })
})

describe.runIf(usingPostgres())('the alert across two server processes', () => {
  it(
    'an alert committed elsewhere reaches a stream of server 2; an acknowledgement through server 1 too',
    { timeout: 180_000 },
    async () => {
      const t = await startTestApp()
      const dir = await mkdtemp(path.join(os.tmpdir(), 'verbond-alerts-'))
      try {
        const w = await alertWorld(t, new TestClock(ALERT_AT))
        const [one, two] = await startServersOn(t.databaseUrl!, dir, 2)
        const onTwo = await (await signIn(two!.url, w.bOfficer)).stream()
        const request = await w.send([w.b])
        await until(() => onTwo.text().includes('assistance.alert'), 'the alert on server 2', 15_000)
        expect(onTwo.text()).toContain(request.id)
        const viaOne = await signIn(one!.url, w.bOfficer)
        expect((await viaOne.post(`/api/assistance/requests/${request.id}/acknowledge`, {})).status).toBe(200)
        await until(
          () => onTwo.text().includes('assistance.alert_acknowledged'),
          'the acknowledgement on server 2',
          15_000,
        )
        await onTwo.close()
        await Promise.all([one!.stop('SIGTERM'), two!.stop('SIGTERM')])
      } finally {
        killAll()
        await t.close()
        await rm(dir, { recursive: true, force: true })
      }
    },
  )
})
