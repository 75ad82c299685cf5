import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startTestApp, type TestApp } from '../../../../test/harness.ts'
import { sessionStore } from '../../platform/auth/sessions.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp({ loginMaxFailures: 10, loginWindowMinutes: 15 })
})
afterAll(() => t.close())

const login = (email: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip })

describe('authentication', () => {
  it('signs in with a demo account, sets an HttpOnly SameSite=Lax cookie and returns the CSRF token', async () => {
    const res = await login('korpschef.5373@demo.verbond.be', 'verbond-demo')
    expect(res.statusCode).toBe(200)
    const cookie = res.cookies.find((c) => c.name === 'verbond_session')
    expect(cookie?.httpOnly).toBe(true)
    expect(cookie?.sameSite).toBe('Lax')
    const body = res.json()
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/)
    expect(body.user.roles).toEqual([expect.objectContaining({ role: 'korpschef', zoneCode: '5373' })])
  })

  it('answers 401 INVALID_CREDENTIALS for a wrong password and for an unknown account alike', async () => {
    const wrong = await login('planner.5373@demo.verbond.be', 'nope', '10.0.0.2')
    const unknown = await login('nobody@demo.verbond.be', 'nope', '10.0.0.2')
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401])
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS')
    expect(unknown.json().error).toEqual(wrong.json().error)
  })

  it('requires a session for /api/me and /api/people', async () => {
    for (const url of ['/api/me', '/api/people']) {
      const res = await t.app.inject({ method: 'GET', url })
      expect(res.statusCode).toBe(401)
      expect(res.json().error.code).toBe('UNAUTHENTICATED')
    }
  })

  it('rejects unsafe requests without the CSRF token, accepts them with it', async () => {
    const s = await t.login('officer.5373@demo.verbond.be')
    const without = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      payload: { locale: 'fr' },
      headers: { cookie: s.cookie },
    })
    expect(without.statusCode).toBe(403)
    expect(without.json().error.code).toBe('CSRF_FAILED')
    const withToken = await s.request({ method: 'PATCH', url: '/api/me', payload: { locale: 'fr' } })
    expect(withToken.statusCode).toBe(200)
    expect(withToken.json().locale).toBe('fr')
  })

  it('ends the session on logout', async () => {
    const s = await t.login('finance.5373@demo.verbond.be')
    expect((await s.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204)
    expect((await s.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401)
    const logged = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'auth.logout')
      .execute()
    expect(logged).toHaveLength(1)
  })

  it('expires a session after its lifetime', async () => {
    const s = await t.login('trainer.5373@demo.verbond.be')
    await t.database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute()
    const res = await s.request({ method: 'GET', url: '/api/me' })
    expect(res.statusCode).toBe(401)
  })

  it('expires a session left idle too long', async () => {
    const s = await t.login('planner.5375@demo.verbond.be')
    const idle = new Date(Date.now() - (t.config.sessionIdleMinutes + 1) * 60_000)
    await t.database.db.updateTable('sessions').set({ last_seen_at: idle }).execute()
    expect((await s.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401)
  })

  it('purges sessions that are past their lifetime or idle, and keeps live ones', async () => {
    const live = await t.login('officer.5375@demo.verbond.be')
    const idle = await t.login('logistics.5375@demo.verbond.be')
    const idleSince = new Date(Date.now() - (t.config.sessionIdleMinutes + 1) * 60_000)
    const idleUser = (await idle.request({ method: 'GET', url: '/api/me' })).json().id as string
    await t.database.db
      .updateTable('sessions')
      .set({ last_seen_at: idleSince })
      .where('user_id', '=', idleUser)
      .execute()
    const store = sessionStore(t.database.db, {
      ttlHours: t.config.sessionTtlHours,
      idleMinutes: t.config.sessionIdleMinutes,
    })
    await store.purgeExpired()
    const left = await t.database.db.selectFrom('sessions').select('user_id').execute()
    expect(left.map((r) => r.user_id)).not.toContain(idleUser)
    expect((await live.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200)
  })

  it('throttles after 10 failures for one account: 429 with Retry-After, even with the right password', async () => {
    const email = 'logistics.5373@demo.verbond.be'
    for (let i = 0; i < 10; i++) expect((await login(email, 'wrong', `10.1.0.${i}`)).statusCode).toBe(401)
    const blocked = await login(email, 'verbond-demo', '10.1.1.1')
    expect(blocked.statusCode).toBe(429)
    expect(blocked.json().error.code).toBe('TOO_MANY_LOGIN_ATTEMPTS')
    const retryAfter = Number(blocked.headers['retry-after'])
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(15 * 60)
  })

  it('lists the associations of the zones by the Brussels date, from valid_from to valid_to', async () => {
    const s = await t.login('korpschef.5373@demo.verbond.be')
    const zone = await t.database.db
      .selectFrom('zones')
      .select('id')
      .where('code', '=', '5373')
      .executeTakeFirstOrThrow()
    // 2026-06-30 22:30 UTC is already 1 July in Brussels.
    const memberships = {
      'from-today': ['2026-07-01', null],
      'ended-yesterday': ['2020-01-01', '2026-06-30'],
      'from-tomorrow': ['2026-07-02', null],
    } as const
    for (const [code, [validFrom, validTo]] of Object.entries(memberships)) {
      const a = await t.database.db
        .insertInto('associations')
        .values({ code, name: `Test ${code}` })
        .returning('id')
        .executeTakeFirstOrThrow()
      await t.database.db
        .insertInto('association_memberships')
        .values({ association_id: a.id, zone_id: zone.id, valid_from: validFrom, valid_to: validTo })
        .execute()
    }
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-06-30T22:30:00Z'))
    try {
      const me = await s.request({ method: 'GET', url: '/api/me' })
      expect(me.statusCode).toBe(200)
      const codes = (me.json().associations as { code: string }[]).map((a) => a.code)
      expect(codes).toContain('from-today')
      expect(codes).not.toContain('ended-yesterday')
      expect(codes).not.toContain('from-tomorrow')
    } finally {
      vi.useRealTimers()
    }
  })

  it('sends the security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' })
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
    expect(res.json()).toEqual({ status: 'ok', database: t.database.kind, demo: true })
  })
})

describe('rate limiting', () => {
  it('answers 429 RATE_LIMITED with the error envelope past the per-minute limit', async () => {
    const limited = await startTestApp({ rateLimitPerMinute: 3 })
    try {
      const statuses: number[] = []
      let last = { statusCode: 0, body: '' }
      for (let i = 0; i < 4; i++) {
        const res = await limited.app.inject({ method: 'GET', url: '/api/zones', remoteAddress: '10.7.7.7' })
        statuses.push(res.statusCode)
        last = res
      }
      expect(statuses).toEqual([200, 200, 200, 429])
      expect(JSON.parse(last.body).error.code).toBe('RATE_LIMITED')
    } finally {
      await limited.close()
    }
  })
})
