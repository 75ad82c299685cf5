// The on-duty index across processes: two `verbond serve` processes on one PostgreSQL database, each with its
// own in-memory index. An override made through one server is on the other's board as soon as the bus delivers
// `duty.changed` (LISTEN/NOTIFY). PostgreSQL only (an embedded data directory has one process).
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Temporal } from 'temporal-polyfill'
import { describe, expect, it } from 'vitest'
import { usingPostgres } from '../../../../test/databases.ts'
import {
  FACTORY_PASSWORD,
  makeAgreement,
  makeAssociation,
  makePerson,
  makeUser,
  sessionFor,
  type ZoneRef,
  draftSolved,
} from '../../../../test/factories.ts'
import { startTestApp } from '../../../../test/harness.ts'
import { killAll, startServersOn, type ServerProcess } from '../../../../test/processes.ts'

async function signIn(server: ServerProcess, email: string) {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: FACTORY_PASSWORD }),
  })
  expect(res.status).toBe(200)
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('verbond_session='))!
    .split(';')[0]!
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  return (url: string, init: { method?: string; body?: unknown } = {}) =>
    fetch(`${server.url}${url}`, {
      method: init.method ?? 'GET',
      headers: { cookie, 'x-csrf-token': csrfToken, ...(init.body ? { 'content-type': 'application/json' } : {}) },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    })
}

describe.runIf(usingPostgres())('on duty across two server processes', () => {
  it('an override through one server reaches the index of the other', { timeout: 180_000 }, async () => {
    const t = await startTestApp()
    const dir = await mkdtemp(path.join(os.tmpdir(), 'verbond-onduty-'))
    try {
      const assoc = await makeAssociation(t)
      const [a, b] = assoc.zones as [ZoneRef, ZoneRef]
      await makeAgreement(t, { association: assoc, domains: ['ict'] })
      const planner = await makeUser(t, 'planner', a)
      const s = await sessionFor(t, planner)
      const created = await s.request({
        method: 'POST',
        url: '/api/rotations',
        payload: {
          associationId: assoc.id,
          domain: 'ict',
          name: 'ICT',
          zoneIds: [a.id, b.id],
          dutyKind: 'on_call',
          pattern: { kind: 'weekly', handoffWeekday: 1, handoffTime: '07:00' },
          validFrom: '2020-01-01',
        },
      })
      const rotationId = created.json().id as string
      const people = [await makePerson(t, { zone: a }), await makePerson(t, { zone: a })]
      for (const p of people)
        expect(
          (
            await s.request({
              method: 'POST',
              url: `/api/rotations/${rotationId}/members`,
              payload: { personId: p.id, from: '2020-01-01' },
            })
          ).statusCode,
        ).toBe(201)
      const today = Temporal.Now.plainDateISO('Europe/Brussels')
      const gen = await s.request({
        method: 'POST',
        url: `/api/rotations/${rotationId}/roster/generate`,
        payload: { from: today.add({ days: 1 }).toString(), to: today.add({ days: 28 }).toString() },
      })
      const { versionId } = gen.json()
      await draftSolved(s, rotationId)
      expect(
        (
          await s.request({
            method: 'POST',
            url: `/api/rotations/${rotationId}/roster/publish`,
            payload: { versionId },
          })
        ).statusCode,
      ).toBe(200)

      const servers = await startServersOn(t.databaseUrl!, dir, 2)
      const [first, second] = await Promise.all(servers.map((server) => signIn(server, planner.email)))
      const at = new Date(Date.now() + 15 * 86_400_000).toISOString()
      const holder = async () => {
        const res = await second!(`/api/permanences/on-duty?at=${at}`)
        const item = (
          (await res.json()) as { items: { rotationId: string; onDuty: { person: { personId: string } }[] }[] }
        ).items.find((i) => i.rotationId === rotationId)
        return item?.onDuty[0]?.person.personId
      }
      const before = await holder()
      expect(before).toBeDefined()
      const duty = (
        (await (await first!(`/api/rotations/${rotationId}/duties?at=${at}`)).json()) as {
          items: { slotKey: string }[]
        }
      ).items[0]!
      const other = people.find((p) => p.id !== before)!
      const res = await first!(`/api/rotations/${rotationId}/duties/override`, {
        method: 'POST',
        body: { slotKey: duty.slotKey, position: 1, personId: other.id, reason: 'Ruil tussen servers' },
      })
      expect(res.status).toBe(200)
      const deadline = Date.now() + 15_000
      while ((await holder()) !== other.id) {
        if (Date.now() > deadline) throw new Error('the second server did not follow the override')
        await new Promise((r) => setTimeout(r, 50))
      }
      await Promise.all(servers.map((server) => server.stop('SIGTERM')))
      for (const server of servers) expect(server.output()).not.toMatch(/error|failed/i)
    } finally {
      killAll()
      await t.close()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
