// The session lookup of every signed-in request: one round trip (session_actor), nothing kept in memory
// between requests, so a change to the account is seen by the very next request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../../test/harness.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const userId = async (email: string) =>
  (await t.database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id

const lastSeen = async (id: string) =>
  (
    await t.database.db
      .selectFrom('sessions')
      .select('last_seen_at')
      .where('user_id', '=', id)
      .executeTakeFirstOrThrow()
  ).last_seen_at

describe('session lookup', () => {
  it('resolves the actor with its home zone and roles', async () => {
    const s = await t.login('korpschef.5373@demo.verbond.be')
    const me = (await s.request({ method: 'GET', url: '/api/me' })).json()
    expect(me).toMatchObject({ email: 'korpschef.5373@demo.verbond.be', locale: 'nl' })
    expect(me.roles.map((r: { role: string }) => r.role)).toContain('korpschef')
  })

  it('refuses the session of an account disabled a moment ago, on the next request', async () => {
    const email = 'officer.5373@demo.verbond.be'
    const s = await t.login(email)
    expect((await s.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200)
    await t.database.db.updateTable('users').set({ disabled_at: new Date() }).where('email', '=', email).execute()
    expect((await s.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401)
    const left = await t.database.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('user_id', '=', await userId(email))
      .execute()
    expect(left).toHaveLength(0)
  })

  it('sees a role taken away on the next request', async () => {
    const email = 'finance.5375@demo.verbond.be'
    const s = await t.login(email)
    const before = (await s.request({ method: 'GET', url: '/api/me' })).json()
    expect(before.roles.length).toBeGreaterThan(0)
    await t.database.db
      .deleteFrom('user_roles')
      .where('user_id', '=', await userId(email))
      .execute()
    const after = (await s.request({ method: 'GET', url: '/api/me' })).json()
    expect(after.roles).toEqual([])
  })

  it('touches last_seen_at at most once a minute, not on every request', async () => {
    const email = 'trainer.5375@demo.verbond.be'
    const s = await t.login(email)
    const id = await userId(email)
    const recent = new Date(Date.now() - 30_000)
    await t.database.db.updateTable('sessions').set({ last_seen_at: recent }).where('user_id', '=', id).execute()
    await s.request({ method: 'GET', url: '/api/ping' })
    expect((await lastSeen(id)).getTime()).toBe(recent.getTime())
    const older = new Date(Date.now() - 90_000)
    await t.database.db.updateTable('sessions').set({ last_seen_at: older }).where('user_id', '=', id).execute()
    await s.request({ method: 'GET', url: '/api/ping' })
    expect((await lastSeen(id)).getTime()).toBeGreaterThan(Date.now() - 10_000)
  })
})
