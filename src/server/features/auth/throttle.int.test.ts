// Login throttling: hard per account (atomic), soft per address, honest client addresses behind a proxy,
// a bounded login_attempts table and a bounded audit chain. Runs on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../../test/harness.ts'
import { loadConfig } from '../../config.ts'
import { purgeLoginAttempts } from './service.ts'

const PASSWORD = 'verbond-demo'
const MAX = 10

let t: TestApp
beforeAll(async () => {
  t = await startTestApp({
    loginMaxFailures: MAX,
    loginWindowMinutes: 15,
    loginAddressFreeFailures: 10,
    loginAddressMaxDelaySeconds: 2,
  })
})
afterAll(() => t.close())

type Inject = TestApp['app']['inject']
const loginWith =
  (inject: Inject) =>
  (email: string, password: string, ip: string, headers: Record<string, string> = {}) =>
    inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip, headers })
const login = (email: string, password: string, ip: string) => loginWith(t.app.inject.bind(t.app))(email, password, ip)

const statuses = (results: { statusCode: number }[]) => {
  const count: Record<number, number> = {}
  for (const r of results) count[r.statusCode] = (count[r.statusCode] ?? 0) + 1
  return count
}

async function zoneChainLength(zoneCode: string, action: string): Promise<number> {
  const row = await t.database.db
    .selectFrom('audit_events as e')
    .innerJoin('zones as z', 'z.id', 'e.chain_zone_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('z.code', '=', zoneCode)
    .where('e.action', '=', action)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

describe('per-account throttle (hard, atomic)', () => {
  it('gives 100 parallel wrong passwords for one account exactly LOGIN_MAX_FAILURES real tries', async () => {
    const email = 'trainer.5373@demo.verbond.be'
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => login(email, `wrong-${i}`, `10.20.${i >> 8}.${i & 255}`)),
    )
    expect(statuses(results)).toEqual({ 401: MAX, 429: 100 - MAX })
    const tried = await t.database.db.selectFrom('login_attempts').select('id').where('email', '=', email).execute()
    expect(tried).toHaveLength(MAX)
    const blocked = results.find((r) => r.statusCode === 429)
    expect(blocked?.json().error.code).toBe('TOO_MANY_LOGIN_ATTEMPTS')
    expect(Number(blocked?.headers['retry-after'])).toBeGreaterThan(0)
  })

  it('bounds what failed logins of outsiders write into a zone audit chain by the per-account limit', async () => {
    const email = 'planner.5373@demo.verbond.be'
    const before = await zoneChainLength('5373', 'auth.login_failed')
    const parallel = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login(email, `guess-${i}`, `10.30.0.${i + 1}`)),
    )
    expect(statuses(parallel)).toEqual({ 401: MAX, 429: 40 - MAX })
    for (let i = 0; i < 20; i++) expect((await login(email, `later-${i}`, `10.31.0.${i + 1}`)).statusCode).toBe(429)
    expect((await zoneChainLength('5373', 'auth.login_failed')) - before).toBe(MAX)
  })
})

describe('per-address throttle (soft)', () => {
  it('lets a colleague behind the same address in with the right password after ten failures from it', async () => {
    for (let i = 0; i < 10; i++) expect((await login(`typo${i}@demo.verbond.be`, 'x', '10.9.9.9')).statusCode).toBe(401)
    const colleague = await login('dpo.5373@demo.verbond.be', PASSWORD, '10.9.9.9')
    expect(colleague.statusCode).toBe(200)
  })

  it('still slows password spraying from one address: parallel guesses across accounts get few real tries', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login(`spray${i}@demo.verbond.be`, 'Summer2026!', '10.8.8.8')),
    )
    const count = statuses(results)
    // Ten free failures, then attempts are spaced by a doubling delay capped at 2 s and a request waits at
    // most that long: one more fits, the others are refused.
    expect(count[401]).toBeLessThanOrEqual(12)
    expect(count[429]).toBeGreaterThanOrEqual(28)
    expect(count[200]).toBeUndefined()
    const refused = results.find((r) => r.statusCode === 429)
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0)
  })

  it('groups an IPv6 client by its /64, so rotating addresses inside it does not reset the count', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        login(`v6spray${i}@demo.verbond.be`, 'x', `2001:db8:1:2:${(i + 1).toString(16)}::1`),
      ),
    )
    expect(statuses(results)[429]).toBeGreaterThanOrEqual(18)
  })
})

describe('client addresses behind a proxy (TRUST_PROXY)', () => {
  it('neither lets a forged left-most X-Forwarded-For bypass the address throttle nor writes it to the audit log', async () => {
    const proxied = await startTestApp({
      trustProxy: loadConfig({ TRUST_PROXY: '192.0.2.10' }).trustProxy,
      loginAddressMaxDelaySeconds: 2,
    })
    try {
      const viaProxy = loginWith(proxied.app.inject.bind(proxied.app))
      const client = '203.0.113.7'
      const forged = (i: number) => ({ 'x-forwarded-for': `198.51.100.${i + 1}, ${client}` })
      for (let i = 0; i < 10; i++)
        expect((await viaProxy(`nobody${i}@demo.verbond.be`, 'x', '192.0.2.10', forged(i))).statusCode).toBe(401)
      // Known accounts, so that a failure is audited with the address.
      const more = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          viaProxy(`officer.537${i % 2 === 0 ? 3 : 5}@demo.verbond.be`, `x${i}`, '192.0.2.10', forged(20 + i)),
        ),
      )
      expect(statuses(more)[429]).toBeGreaterThanOrEqual(4)
      const addresses = await proxied.database.db.selectFrom('login_attempts').select('ip').distinct().execute()
      expect(addresses.map((a) => a.ip)).toEqual([client])
      const audited = await proxied.database.db
        .selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'auth.login_failed')
        .execute()
      expect(audited.length).toBeGreaterThan(0)
      for (const row of audited) expect(row.details).toMatchObject({ ip: client })
    } finally {
      await proxied.close()
    }
  })

  it('trusts X-Forwarded-For only from the listed proxy addresses', async () => {
    const proxied = await startTestApp({ trustProxy: loadConfig({ TRUST_PROXY: '192.0.2.0/24' }).trustProxy })
    try {
      const viaProxy = loginWith(proxied.app.inject.bind(proxied.app))
      await viaProxy('a@demo.verbond.be', 'x', '192.0.2.10', { 'x-forwarded-for': '198.51.100.1, 203.0.113.9' })
      await viaProxy('b@demo.verbond.be', 'x', '203.0.113.50', { 'x-forwarded-for': '198.51.100.2' })
      const rows = await proxied.database.db.selectFrom('login_attempts').select(['email', 'ip']).execute()
      expect(Object.fromEntries(rows.map((r) => [r.email, r.ip]))).toEqual({
        'a@demo.verbond.be': '203.0.113.9',
        'b@demo.verbond.be': '203.0.113.50',
      })
    } finally {
      await proxied.close()
    }
  })
})

describe('login_attempts retention', () => {
  it('purges attempts older than the window plus LOGIN_ATTEMPTS_RETENTION_DAYS and keeps the rest', async () => {
    const policy = { loginWindowMinutes: 15, loginAttemptsRetentionDays: 30 }
    const horizonMs = (30 * 24 * 60 + 15) * 60_000
    const at = (msAgo: number) => new Date(Date.now() - msAgo)
    await t.database.db
      .insertInto('login_attempts')
      .values([
        { email: 'old@purge.test', ip: '10.99.0.1', succeeded: false, at: at(horizonMs + 60_000) },
        { email: 'old@purge.test', ip: '10.99.0.1', succeeded: true, at: at(horizonMs + 120_000) },
        { email: 'young@purge.test', ip: '10.99.0.1', succeeded: false, at: at(horizonMs - 60_000) },
      ])
      .execute()
    const purged = await purgeLoginAttempts(t.database.db, policy)
    expect(purged).toBe(2)
    const left = await t.database.db
      .selectFrom('login_attempts')
      .select('email')
      .where('ip', '=', '10.99.0.1')
      .execute()
    expect(left.map((r) => r.email)).toEqual(['young@purge.test'])
  })
})
