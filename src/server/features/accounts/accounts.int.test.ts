import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type Session, type TestApp } from '../../../../test/harness.ts'
import { hashPassword } from '../../platform/auth/passwords.ts'
import { addUser } from '../../platform/auth/users.ts'

let t: TestApp
let chef: Session
let admin: Session
const zone: Record<string, string> = {}

beforeAll(async () => {
  t = await startTestApp()
  for (const code of ['5373', '5375', '5447'])
    zone[code] = (
      await t.database.db.selectFrom('zones').select('id').where('code', '=', code).executeTakeFirstOrThrow()
    ).id
  await addUser(t.database.db, {
    email: 'admin@accounts.test',
    displayName: 'Beheerder BHT + HZ',
    role: 'admin',
    zoneCode: null,
    associationCode: 'bht-heusden-zolder',
    personId: null,
    passwordHash: await hashPassword('accounts-admin-password'),
  })
  chef = await t.login('korpschef.5373@demo.verbond.be')
  admin = await t.login('admin@accounts.test', 'accounts-admin-password')
})
afterAll(() => t.close())

let counter = 0
async function create(by: Session, roles: { role: string; zoneId?: string; associationId?: string }[]) {
  const res = await by.request({
    method: 'POST',
    url: '/api/accounts',
    payload: { email: `nieuw${++counter}@accounts.test`, displayName: `Nieuw Account ${counter}`, roles },
  })
  return res
}

async function createdIn(zoneCode: string, role = 'planner') {
  const res = await create(admin, [{ role, zoneId: zone[zoneCode] }])
  expect(res.statusCode).toBe(201)
  return res.json<{ account: { id: string; email: string; roles: { id: string }[] }; oneTimePassword: string }>()
}

const auditOf = (objectId: string) =>
  t.database.db
    .selectFrom('audit_events')
    .select(['action', 'chain_zone_id'])
    .where('object_id', '=', objectId)
    .orderBy('id')
    .execute()

describe('creating an account', () => {
  it('a korpschef creates a planner of their zone; the one-time password must be changed before anything else', async () => {
    const res = await create(chef, [{ role: 'planner', zoneId: zone['5373'] }])
    expect(res.statusCode).toBe(201)
    const { account, oneTimePassword } = res.json()
    expect(oneTimePassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/)
    expect(account).toMatchObject({ mustChangePassword: true, disabledAt: null, manageable: true })
    expect(account.roles).toEqual([expect.objectContaining({ role: 'planner', zoneCode: '5373' })])
    expect(await auditOf(account.id)).toEqual([{ action: 'account.create', chain_zone_id: zone['5373'] }])

    const user = await t.login(account.email, oneTimePassword)
    const me = await user.request({ method: 'GET', url: '/api/me' })
    expect(me.json().mustChangePassword).toBe(true)
    const blocked = await user.request({ method: 'GET', url: '/api/people' })
    expect(blocked.statusCode).toBe(403)
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED')
    expect((await user.request({ method: 'GET', url: '/api/agreements' })).statusCode).toBe(403)

    const changed = await user.request({
      method: 'POST',
      url: '/api/me/password',
      payload: { currentPassword: oneTimePassword, newPassword: 'een heel ander wachtwoord' },
    })
    expect(changed.statusCode).toBe(204)
    expect((await user.request({ method: 'GET', url: '/api/me' })).json().mustChangePassword).toBe(false)
    expect((await user.request({ method: 'GET', url: '/api/people' })).statusCode).toBe(200)
    await expect(t.login(account.email, oneTimePassword)).rejects.toThrow(/401/)
  })

  it('a korpschef cannot create accounts with roles in another zone or with admin', async () => {
    expect((await create(chef, [{ role: 'planner', zoneId: zone['5375'] }])).statusCode).toBe(403)
    expect((await create(chef, [{ role: 'planner', zoneId: zone['5447'] }])).statusCode).toBe(403)
    const assoc = await t.database.db
      .selectFrom('associations')
      .select('id')
      .where('code', '=', 'bht-heusden-zolder')
      .executeTakeFirstOrThrow()
    expect((await create(chef, [{ role: 'admin', associationId: assoc.id }])).statusCode).toBe(403)
    expect((await create(admin, [{ role: 'admin', associationId: assoc.id }])).statusCode).toBe(201)
  })

  it('refuses a duplicate e-mail, a half-named role, and a person of another zone', async () => {
    const dup = await chef.request({
      method: 'POST',
      url: '/api/accounts',
      payload: {
        email: 'PLANNER.5373@demo.verbond.be',
        displayName: 'X',
        roles: [{ role: 'planner', zoneId: zone['5373'] }],
      },
    })
    expect([dup.statusCode, dup.json().error.code]).toEqual([409, 'ACCOUNT_EMAIL_TAKEN'])
    expect((await create(chef, [{ role: 'planner' }])).json().error.code).toBe('VALIDATION_FAILED')
    const other = await t.database.db
      .selectFrom('people')
      .select('id')
      .where('zone_id', '=', zone['5375']!)
      .executeTakeFirstOrThrow()
    const res = await chef.request({
      method: 'POST',
      url: '/api/accounts',
      payload: {
        email: 'persoon@accounts.test',
        displayName: 'X',
        personId: other.id,
        roles: [{ role: 'planner', zoneId: zone['5373'] }],
      },
    })
    expect([res.statusCode, res.json().error.code]).toEqual([422, 'ACCOUNT_PERSON_INVALID'])
  })
})

describe('who sees which account', () => {
  it('a korpschef lists only accounts of their zone; other zones are 404', async () => {
    const list = (await chef.request({ method: 'GET', url: '/api/accounts?limit=200' })).json()
    const zones = new Set(
      list.items.flatMap((a: { roles: { zoneCode: string | null }[] }) => a.roles.map((r) => r.zoneCode)),
    )
    expect([...zones]).toEqual(['5373'])
    expect(list.scope.zones.map((z: { code: string }) => z.code)).toEqual(['5373'])
    const partner = await createdIn('5375')
    for (const req of [
      { method: 'GET' as const, url: `/api/accounts/${partner.account.id}` },
      { method: 'POST' as const, url: `/api/accounts/${partner.account.id}/disable` },
      { method: 'POST' as const, url: `/api/accounts/${partner.account.id}/password-reset` },
      {
        method: 'POST' as const,
        url: `/api/accounts/${partner.account.id}/roles`,
        payload: { role: 'officer', zoneId: zone['5373'] },
      },
    ]) {
      const res = await chef.request(req)
      expect([req.url, res.statusCode]).toEqual([req.url, 404])
    }
  })

  it('the admin sees the member zones of the association, not another association', async () => {
    const list = (await admin.request({ method: 'GET', url: '/api/accounts?limit=200' })).json()
    expect(list.scope.zones.map((z: { code: string }) => z.code)).toEqual(['5373', '5375'])
    const foreign = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'korpschef.5447@demo.verbond.be')
      .executeTakeFirstOrThrow()
    expect((await admin.request({ method: 'GET', url: `/api/accounts/${foreign.id}` })).statusCode).toBe(404)
    expect((await create(admin, [{ role: 'planner', zoneId: zone['5447'] }])).statusCode).toBe(403)
  })

  it('an account of two zones: the korpschef manages the role in their zone, not the whole account', async () => {
    const shared = await createdIn('5375')
    const granted = await admin.request({
      method: 'POST',
      url: `/api/accounts/${shared.account.id}/roles`,
      payload: { role: 'officer', zoneId: zone['5373'] },
    })
    expect(granted.statusCode).toBe(201)
    const seen = (await chef.request({ method: 'GET', url: `/api/accounts/${shared.account.id}` })).json()
    expect(seen.manageable).toBe(false)
    const own = seen.roles.find((r: { zoneCode: string }) => r.zoneCode === '5373')
    const theirs = seen.roles.find((r: { zoneCode: string }) => r.zoneCode === '5375')
    expect([own.removable, theirs.removable]).toEqual([true, false])
    expect((await chef.request({ method: 'POST', url: `/api/accounts/${shared.account.id}/disable` })).statusCode).toBe(
      403,
    )
    expect(
      (await chef.request({ method: 'DELETE', url: `/api/accounts/${shared.account.id}/roles/${theirs.id}` }))
        .statusCode,
    ).toBe(403)
    const removed = await chef.request({ method: 'DELETE', url: `/api/accounts/${shared.account.id}/roles/${own.id}` })
    expect(removed.statusCode).toBe(200)
    const chains = (await auditOf(shared.account.id)).filter((e) => e.action.startsWith('account.role'))
    expect(chains).toEqual([
      { action: 'account.role_grant', chain_zone_id: zone['5373'] },
      { action: 'account.role_remove', chain_zone_id: zone['5373'] },
    ])
  })
})

describe('roles', () => {
  it('a role held already is a 409; the last role of an account cannot go', async () => {
    const { account } = await createdIn('5373')
    const again = await chef.request({
      method: 'POST',
      url: `/api/accounts/${account.id}/roles`,
      payload: { role: 'planner', zoneId: zone['5373'] },
    })
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'ACCOUNT_ROLE_EXISTS'])
    const last = await chef.request({
      method: 'DELETE',
      url: `/api/accounts/${account.id}/roles/${account.roles[0]!.id}`,
    })
    expect([last.statusCode, last.json().error.code]).toEqual([409, 'ACCOUNT_LAST_ROLE'])
  })

  it('a korpschef cannot remove their own last korpschef role nor disable themselves', async () => {
    const me = (await chef.request({ method: 'GET', url: '/api/me' })).json()
    const withTwo = await chef.request({
      method: 'POST',
      url: `/api/accounts/${me.id}/roles`,
      payload: { role: 'trainer', zoneId: zone['5373'] },
    })
    expect(withTwo.statusCode).toBe(201)
    const chefRole = withTwo.json().roles.find((r: { role: string }) => r.role === 'korpschef')
    expect(chefRole.removable).toBe(false)
    const res = await chef.request({ method: 'DELETE', url: `/api/accounts/${me.id}/roles/${chefRole.id}` })
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'ACCOUNT_SELF_LOCKOUT'])
    const disable = await chef.request({ method: 'POST', url: `/api/accounts/${me.id}/disable` })
    expect([disable.statusCode, disable.json().error.code]).toEqual([409, 'ACCOUNT_SELF_LOCKOUT'])
  })

  it('only roles that carry nothing but reading: a planner cannot manage accounts', async () => {
    const planner = await t.login('planner.5373@demo.verbond.be')
    expect((await planner.request({ method: 'GET', url: '/api/accounts' })).statusCode).toBe(403)
  })
})

describe('disabling and resetting', () => {
  it('disabling ends every session at once and refuses sign-in; enabling lets the user back in', async () => {
    const { account, oneTimePassword } = await createdIn('5373')
    const user = await t.login(account.email, oneTimePassword)
    const disabled = await chef.request({ method: 'POST', url: `/api/accounts/${account.id}/disable` })
    expect(disabled.statusCode).toBe(200)
    expect(disabled.json().disabledAt).not.toBeNull()
    expect((await user.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401)
    await expect(t.login(account.email, oneTimePassword)).rejects.toThrow(/401/)
    expect(
      (await chef.request({ method: 'POST', url: `/api/accounts/${account.id}/enable` })).json().disabledAt,
    ).toBeNull()
    await t.login(account.email, oneTimePassword)
    expect((await auditOf(account.id)).map((e) => e.action)).toEqual([
      'account.create',
      'auth.login',
      'account.disable',
      'auth.login_failed',
      'account.enable',
      'auth.login',
    ])
  })

  it('a reset ends the sessions, replaces the password by a one-time one, and forces a change', async () => {
    const { account, oneTimePassword: first } = await createdIn('5373')
    const user = await t.login(account.email, first)
    await user.request({
      method: 'POST',
      url: '/api/me/password',
      payload: { currentPassword: first, newPassword: 'mijn eigen wachtwoord' },
    })
    const reset = await chef.request({ method: 'POST', url: `/api/accounts/${account.id}/password-reset` })
    expect(reset.statusCode).toBe(200)
    const { oneTimePassword } = reset.json()
    expect(oneTimePassword).not.toBe(first)
    expect((await user.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401)
    await expect(t.login(account.email, 'mijn eigen wachtwoord')).rejects.toThrow(/401/)
    const again = await t.login(account.email, oneTimePassword)
    expect((await again.request({ method: 'GET', url: '/api/me' })).json().mustChangePassword).toBe(true)
    const event = await t.database.db
      .selectFrom('audit_events')
      .select(['chain_zone_id', 'details'])
      .where('object_id', '=', account.id)
      .where('action', '=', 'account.password_reset')
      .executeTakeFirstOrThrow()
    expect(event.chain_zone_id).toBe(zone['5373'])
    expect(JSON.stringify(event.details)).not.toContain(oneTimePassword)
  })
})

describe('changing one’s own password', () => {
  it('checks the current password and the rules; ends the other sessions, keeps this one', async () => {
    const { account, oneTimePassword } = await createdIn('5373')
    const here = await t.login(account.email, oneTimePassword)
    const elsewhere = await t.login(account.email, oneTimePassword)
    const wrong = await here.request({
      method: 'POST',
      url: '/api/me/password',
      payload: { currentPassword: 'niet-het-juiste', newPassword: 'een heel ander wachtwoord' },
    })
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([422, 'PASSWORD_CURRENT_WRONG'])
    for (const [newPassword, rule] of [
      ['kort', 'too_short'],
      ['aaaaaaaaaaaaaaaa', 'too_simple'],
      [oneTimePassword, 'unchanged'],
      [`${account.email.split('@')[0]}-geheim`, 'contains_identity'],
    ] as const) {
      const weak = await here.request({
        method: 'POST',
        url: '/api/me/password',
        payload: { currentPassword: oneTimePassword, newPassword },
      })
      expect(weak.statusCode).toBe(422)
      expect(weak.json().error).toMatchObject({
        code: 'PASSWORD_TOO_WEAK',
        details: { rules: expect.arrayContaining([rule]) },
      })
    }
    const ok = await here.request({
      method: 'POST',
      url: '/api/me/password',
      payload: { currentPassword: oneTimePassword, newPassword: 'een heel ander wachtwoord' },
    })
    expect(ok.statusCode).toBe(204)
    expect((await here.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200)
    expect((await elsewhere.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401)
    expect((await auditOf(account.id)).map((e) => e.action)).toContain('user.password_change')
  })
})

it('five wrong current passwords end the session: guessing goes back through the login throttle', async () => {
  const { account, oneTimePassword } = await createdIn('5373')
  const s = await t.login(account.email, oneTimePassword)
  const attempt = () =>
    s.request({
      method: 'POST',
      url: '/api/me/password',
      payload: { currentPassword: 'geraden-wachtwoord', newPassword: 'een heel ander wachtwoord' },
    })
  for (let i = 0; i < 4; i++) expect((await attempt()).json().error.code).toBe('PASSWORD_CURRENT_WRONG')
  const fifth = await attempt()
  expect([fifth.statusCode, fifth.json().error.code]).toEqual([401, 'UNAUTHENTICATED'])
  expect((await s.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401)
})
