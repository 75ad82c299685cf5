// The production cost of password hashes. Test data is hashed at the lowest cost (test/passwords.ts) to keep
// logins in tests cheap; this is where the cost that real accounts get is held.
import { describe, expect, it } from 'vitest'
import { testPasswordHash } from '../../../../test/passwords.ts'
import { hashPassword, verifyPassword } from './passwords.ts'

describe('password hashes', () => {
  it('are argon2id at the OWASP-recommended cost (19 MiB, 2 passes, 1 lane), salted', async () => {
    const [first, second] = await Promise.all([
      hashPassword('een lang wachtwoord'),
      hashPassword('een lang wachtwoord'),
    ])
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/)
    expect(second).not.toBe(first)
    expect(await verifyPassword(first, 'een lang wachtwoord')).toBe(true)
    expect(await verifyPassword(first, 'een ander wachtwoord')).toBe(false)
  })

  it('are verified at the cost they were made with (the cheaper hashes of test data too)', async () => {
    const cheap = await testPasswordHash('factory')
    expect(cheap).toMatch(/^\$argon2id\$v=19\$m=8,t=1,p=1\$/)
    expect(await verifyPassword(cheap, 'factory')).toBe(true)
    expect(await verifyPassword(cheap, 'Factory')).toBe(false)
  })

  it('deny an account without a hash and a malformed hash', async () => {
    expect(await verifyPassword(null, 'x')).toBe(false)
    expect(await verifyPassword('$argon2id$broken', 'x')).toBe(false)
  })
})
