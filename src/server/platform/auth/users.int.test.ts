import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../../test/harness.ts'
import { hashPassword } from './passwords.ts'
import { addUser } from './users.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const base = { displayName: 'Nieuwe planner', personId: null, associationCode: null }

describe('user add', () => {
  it('creates an account with a zone role that can sign in, and audits it', async () => {
    const user = await addUser(t.database.db, {
      ...base,
      email: 'Planner.Nieuw@PZ5375.be',
      role: 'planner',
      zoneCode: '5375',
      passwordHash: await hashPassword('een-lang-wachtwoord'),
    })
    expect(user.email).toBe('planner.nieuw@pz5375.be')
    const session = await t.login('planner.nieuw@pz5375.be', 'een-lang-wachtwoord')
    const me = (await session.request({ method: 'GET', url: '/api/me' })).json()
    expect(me.roles).toEqual([expect.objectContaining({ role: 'planner', zoneCode: '5375' })])
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('object_id', '=', user.id)
      .execute()
    expect(audit).toEqual([{ action: 'user.create' }, { action: 'auth.login' }])
  })

  it('refuses unknown roles, zones and associations, and a duplicate e-mail', async () => {
    const hash = '$argon2id$unused'
    await expect(
      addUser(t.database.db, { ...base, email: 'a@b.be', role: 'chief', zoneCode: '5375', passwordHash: hash }),
    ).rejects.toThrow(/Unknown role/)
    await expect(
      addUser(t.database.db, { ...base, email: 'a@b.be', role: 'planner', zoneCode: '0000', passwordHash: hash }),
    ).rejects.toThrow(/No zone/)
    await expect(
      addUser(t.database.db, { ...base, email: 'a@b.be', role: 'admin', zoneCode: null, passwordHash: hash }),
    ).rejects.toThrow(/--association/)
    await expect(
      addUser(t.database.db, {
        ...base,
        email: 'a@b.be',
        role: 'admin',
        zoneCode: null,
        associationCode: 'nope',
        passwordHash: hash,
      }),
    ).rejects.toThrow(/No association/)
    await expect(
      addUser(t.database.db, {
        ...base,
        email: 'korpschef.5375@demo.verbond.be',
        role: 'planner',
        zoneCode: '5375',
        passwordHash: hash,
      }),
    ).rejects.toThrow()
  })
})
