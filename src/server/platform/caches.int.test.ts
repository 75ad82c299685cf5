// Sessions, grants and pages of people are served from memory (auth/sessions.ts, grants.ts, memo.ts); every
// change that makes them stale must still take effect on the very next request, through the invalidations of
// migration 0011 (invalidation.ts). Each test first makes the request twice, so that the answer is cached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  makeAgreement,
  makeAssociation,
  makePerson,
  makeUser,
  makeVisibilityReason,
  sessionFor,
} from '../../../test/factories.ts'
import { startTestApp, type Session, type TestApp } from '../../../test/harness.ts'
import { appendAudit, auditHash, verifyAudit } from './audit.ts'
import { TestClock } from './clock.ts'

const twice = async (s: Session, url: string) => {
  await s.request({ method: 'GET', url })
  return s.request({ method: 'GET', url })
}

describe('caches and their invalidation', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp()
  })
  afterAll(() => t.close())

  it('refuses a session signed out a moment ago, and one signed out everywhere by a password reset', async () => {
    const association = await makeAssociation(t, { zoneCount: 1 })
    const zone = association.zones[0]!
    const user = await makeUser(t, 'planner', zone)
    const chef = await sessionFor(t, await makeUser(t, 'korpschef', zone))
    const a = await sessionFor(t, user)
    const b = await sessionFor(t, user)
    expect((await twice(a, '/api/me')).statusCode).toBe(200)
    expect((await twice(b, '/api/me')).statusCode).toBe(200)
    expect((await a.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204)
    expect((await a.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401)
    expect((await b.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200)
    expect((await chef.request({ method: 'POST', url: `/api/accounts/${user.id}/password-reset` })).statusCode).toBe(
      200,
    )
    expect((await b.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401)
  })

  it('refuses a disabled account and applies a granted or removed role on the next request', async () => {
    const association = await makeAssociation(t, { zoneCount: 1 })
    const zone = association.zones[0]!
    const chef = await sessionFor(t, await makeUser(t, 'korpschef', zone))
    const user = await makeUser(t, 'planner', zone)
    const s = await sessionFor(t, user)
    expect((await twice(s, '/api/accounts')).statusCode).toBe(403)
    const granted = await chef.request({
      method: 'POST',
      url: `/api/accounts/${user.id}/roles`,
      payload: { role: 'korpschef', zoneId: zone.id },
    })
    expect(granted.statusCode).toBe(201)
    expect((await s.request({ method: 'GET', url: '/api/accounts' })).statusCode).toBe(200)
    const roleId = granted
      .json<{ roles: { id: string; role: string }[] }>()
      .roles.find((r) => r.role === 'korpschef')!.id
    const removed = await chef.request({ method: 'DELETE', url: `/api/accounts/${user.id}/roles/${roleId}` })
    expect(removed.statusCode).toBe(200)
    expect((await s.request({ method: 'GET', url: '/api/accounts' })).statusCode).toBe(403)
    expect((await twice(s, '/api/me')).statusCode).toBe(200)
    expect((await chef.request({ method: 'POST', url: `/api/accounts/${user.id}/disable` })).statusCode).toBe(200)
    expect((await s.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401)
  })

  it('shows a partner person once an agreement is in force, and no longer once it ended', async () => {
    const association = await makeAssociation(t)
    const [own, partner] = association.zones as [(typeof association.zones)[0], (typeof association.zones)[0]]
    const person = await makePerson(t, { zone: partner })
    await makeVisibilityReason(t, { person, partnerZone: own, domain: 'assistance' })
    const planner = await sessionFor(t, await makeUser(t, 'planner', own))
    const admin = await makeUser(t, 'admin', association)
    const seen = async () => {
      const res = await twice(planner, `/api/people?zoneId=${partner.id}`)
      expect(res.statusCode).toBe(200)
      return res.json<{ items: { id: string }[] }>().items.map((p) => p.id)
    }
    expect(await seen()).toEqual([])
    const agreement = await makeAgreement(t, { association, domains: ['assistance'], admin })
    expect(await seen()).toEqual([person.id])
    // A second reason, written directly: the cached page is dropped too.
    const other = await makePerson(t, { zone: partner })
    expect(await seen()).toEqual([person.id])
    await makeVisibilityReason(t, { person: other, partnerZone: own, domain: 'assistance' })
    expect((await seen()).sort()).toEqual([person.id, other.id].sort())
    const ended = await (
      await sessionFor(t, admin)
    ).request({
      method: 'POST',
      url: `/api/agreements/${agreement.id}/transitions`,
      payload: { to: 'ended', effectiveTo: '2021-12-31', reason: 'test', councilDecisionRef: 'Raad 2021/1' },
    })
    expect(ended.statusCode).toBe(200)
    expect(await seen()).toEqual([])
  })

  it('hashes in the database exactly as the application verifies (append_audit)', async () => {
    const association = await makeAssociation(t, { zoneCount: 1 })
    const zoneId = association.zones[0]!.id
    const details = {
      note: 'Ça va? "quoted" \\ back\nline é 漢字 😀',
      n: 1.5,
      list: [3, 1, 2],
      nested: { b: 1, a: null },
    }
    await t.database.db.transaction().execute((trx) =>
      appendAudit(trx, [
        { chainZoneId: zoneId, actorUserId: null, actorZoneId: null, action: 'test.first', details },
        {
          chainZoneId: zoneId,
          actorUserId: null,
          actorZoneId: zoneId,
          action: 'test.second',
          objectType: 'x',
          objectId: 'é',
        },
      ]),
    )
    const rows = await t.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('chain_zone_id', '=', zoneId)
      .orderBy('seq')
      .execute()
    expect(rows.map((r) => r.action)).toEqual(['test.first', 'test.second'])
    for (const row of rows)
      expect(
        auditHash(row.prev_hash, {
          chainZoneId: row.chain_zone_id,
          seq: row.seq,
          at: row.at,
          actorUserId: row.actor_user_id,
          actorZoneId: row.actor_zone_id,
          action: row.action,
          objectType: row.object_type,
          objectId: row.object_id,
          domain: row.domain,
          details: row.details,
        }),
      ).toBe(row.hash)
    expect(rows[1]?.prev_hash).toBe(rows[0]?.hash)
    expect(await verifyAudit(t.database.db, [zoneId])).toMatchObject({ ok: true, events: 2 })
  })
})

describe('session expiry from the cache, with the test clock', () => {
  const clock = new TestClock('2026-03-02T09:00:00Z')
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp({}, { clock })
  })
  afterAll(() => t.close())
  const minutes = (n: number) => n * 60_000

  it('expires an idle session, and one past its lifetime however busy', async () => {
    const idle = await t.login('officer.5373@demo.verbond.be')
    expect((await twice(idle, '/api/ping')).statusCode).toBe(200)
    clock.advance(minutes(t.config.sessionIdleMinutes) - 1000)
    expect((await idle.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200)
    clock.advance(minutes(t.config.sessionIdleMinutes))
    expect((await idle.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401)

    const busy = await t.login('officer.5375@demo.verbond.be')
    const start = clock.now().getTime()
    const lifetime = t.config.sessionTtlHours * 3_600_000
    const step = minutes(t.config.sessionIdleMinutes - 5)
    for (;;) {
      clock.advance(step)
      const status = (await busy.request({ method: 'GET', url: '/api/me' })).statusCode
      if (clock.now().getTime() - start >= lifetime) {
        expect(status).toBe(401)
        break
      }
      expect(status).toBe(200)
    }
  })

  it('reads a session again before refusing it as idle: another process may have touched it', async () => {
    const s = await t.login('trainer.5373@demo.verbond.be')
    expect((await twice(s, '/api/ping')).statusCode).toBe(200)
    const userId = (await s.request({ method: 'GET', url: '/api/me' })).json<{ id: string }>().id
    clock.advance(minutes(t.config.sessionIdleMinutes - 1))
    // Another process's touch moves last_seen_at forward, which notifies no one: this process's copy is older.
    await t.database.db
      .updateTable('sessions')
      .set({ last_seen_at: clock.now() })
      .where('user_id', '=', userId)
      .execute()
    clock.advance(minutes(5))
    expect((await s.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200)
  })
})
