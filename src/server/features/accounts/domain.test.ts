import { describe, expect, it } from 'vitest'
import { decideIn, scopeFrom, type Actor, type ActorRole, type Membership, type Scope } from '../../platform/policy.ts'
import type { Role } from '../../platform/schema.ts'
import {
  accountRef,
  type AccountRef,
  normaliseRole,
  oneTimePasswordFrom,
  passwordProblems,
  roleRemovalProblem,
  type AccountRole,
} from './domain.ts'

const owner = { email: 'hilde.bollen@pz5373.be', displayName: 'Hilde Bollen' }

describe('passwordProblems', () => {
  it('accepts a long, varied password', () => {
    expect(passwordProblems('paard batterij nietje', owner)).toEqual([])
  })
  it('names every rule a password breaks', () => {
    expect(passwordProblems('kort', owner)).toEqual(['too_short', 'too_simple'])
    expect(passwordProblems('abababababababab', owner)).toEqual(['too_simple'])
    expect(passwordProblems('x'.repeat(257) + 'abcde', owner)).toContain('too_long')
    expect(passwordProblems('HILDE.bollen-2026', owner)).toEqual(['contains_identity'])
    expect(passwordProblems('mijn naam is Bollen!', owner)).toEqual(['contains_identity'])
    expect(passwordProblems('Verbond-Demo', owner)).toEqual(['common'])
    expect(passwordProblems('paard batterij nietje', owner, { same: true })).toEqual(['unchanged'])
  })
  it('counts characters, not bytes', () => {
    expect(passwordProblems('éèêëàâäôöûüç', owner)).toEqual([])
  })
})

describe('oneTimePasswordFrom', () => {
  it('makes four groups of four unambiguous characters, skipping biased bytes', () => {
    const bytes = Uint8Array.from({ length: 40 }, (_, i) => (i === 0 ? 255 : i))
    const otp = oneTimePasswordFrom(bytes)
    expect(otp).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/)
    expect(otp.startsWith('b')).toBe(true) // 255 was skipped, 1 is 'b'
    expect(passwordProblems(otp, owner)).toEqual([])
  })
  it('refuses to make a short one from too few bytes', () => {
    expect(() => oneTimePasswordFrom(new Uint8Array(10))).toThrow()
  })
})

const role = (id: string, r: AccountRole['role'], zoneId: string | null, associationId: string | null = null) => ({
  id,
  role: r,
  zoneId,
  associationId,
})

describe('roleRemovalProblem', () => {
  const roles = [role('1', 'korpschef', 'A'), role('2', 'trainer', 'A')]
  it('keeps at least one role on every account', () => {
    expect(roleRemovalProblem('me', 'other', [role('1', 'planner', 'A')], '1')).toBe('ACCOUNT_LAST_ROLE')
  })
  it('does not let an actor remove their own last managing role', () => {
    expect(roleRemovalProblem('me', 'me', roles, '1')).toBe('ACCOUNT_SELF_LOCKOUT')
    expect(roleRemovalProblem('me', 'me', roles, '2')).toBeNull()
    expect(roleRemovalProblem('me', 'me', [...roles, role('3', 'korpschef', 'B')], '1')).toBeNull()
    expect(roleRemovalProblem('me', 'other', roles, '1')).toBeNull()
  })
})

describe('normaliseRole', () => {
  it('needs a zone for a zone role and an association for admin, never both', () => {
    expect(normaliseRole({ role: 'planner', zoneId: 'A' })).toEqual({
      role: 'planner',
      zoneId: 'A',
      associationId: null,
    })
    expect(() => normaliseRole({ role: 'planner' })).toThrow('VALIDATION_FAILED')
    expect(() => normaliseRole({ role: 'planner', zoneId: 'A', associationId: 'X' })).toThrow('VALIDATION_FAILED')
    expect(() => normaliseRole({ role: 'admin', zoneId: 'A' })).toThrow('VALIDATION_FAILED')
  })
})

const actor = (...roles: ActorRole[]): Actor => ({
  userId: 'me',
  email: 'me@example.be',
  displayName: 'Me',
  locale: 'nl',
  personId: null,
  homeZoneId: null,
  roles,
})
const zr = (r: ActorRole['role'], zoneId: string): ActorRole => ({ role: r, zoneId, associationId: null })

describe('account policy', () => {
  // Association X has member zones A and B today; C belongs to association Y.
  const memberships = [
    { associationId: 'X', zoneId: 'A' },
    { associationId: 'X', zoneId: 'B' },
    { associationId: 'Y', zoneId: 'C' },
  ]
  const accountScope = (a: Actor, m: Membership[]) => ({
    manage: scopeFrom({ actor: a, date: '2026-01-01', grants: [], memberships: m }, 'account.manage'),
    control: scopeFrom({ actor: a, date: '2026-01-01', grants: [], memberships: m }, 'account.control'),
  })
  type Scopes = { manage: Scope; control: Scope }
  const canSeeAccount = (s: Scopes, account: AccountRef) => decideIn(s.manage, account).allowed
  const canManageAccountsOf = (s: Scopes, account: AccountRef) => decideIn(s.control, account).allowed
  const canAssignRole = (s: Scopes, r: { role: Role; zoneId: string | null; associationId: string | null }) =>
    decideIn(s.manage, r.role === 'admin' ? { associationIds: [r.associationId ?? ''] } : { zoneIds: [r.zoneId ?? ''] })
      .allowed
  const chefA = accountScope(actor(zr('korpschef', 'A'), zr('planner', 'B')), memberships)
  const adminX = accountScope(actor({ role: 'admin', zoneId: null, associationId: 'X' }), memberships)
  const account = (zones: string[], associations: string[] = []) =>
    accountRef({
      id: 'u',
      personZoneId: null,
      roles: [
        ...zones.map((z, i) => role(`z${i}`, 'officer', z)),
        ...associations.map((a, i) => role(`a${i}`, 'admin', null, a)),
      ],
    })

  it('a korpschef manages their own zone only (a planner role elsewhere gives nothing)', () => {
    expect(chefA.manage).toMatchObject({ zoneIds: ['A'], associationIds: [] })
    expect(canSeeAccount(chefA, account(['A']))).toBe(true)
    expect(canSeeAccount(chefA, account(['B']))).toBe(false)
    expect(canAssignRole(chefA, { role: 'planner', zoneId: 'A', associationId: null })).toBe(true)
    expect(canAssignRole(chefA, { role: 'planner', zoneId: 'B', associationId: null })).toBe(false)
    expect(canAssignRole(chefA, { role: 'admin', zoneId: null, associationId: 'X' })).toBe(false)
  })

  it('the admin manages the member zones of their association and its admins', () => {
    expect(adminX.manage).toMatchObject({ zoneIds: ['A', 'B'], associationIds: ['X'] })
    expect(canManageAccountsOf(adminX, account(['A', 'B'], ['X']))).toBe(true)
    expect(canSeeAccount(adminX, account(['C']))).toBe(false)
    expect(canAssignRole(adminX, { role: 'admin', zoneId: null, associationId: 'X' })).toBe(true)
  })

  it('an account of two zones is visible to either korpschef, manageable only by whoever holds both', () => {
    expect(canSeeAccount(chefA, account(['A', 'B']))).toBe(true)
    expect(canManageAccountsOf(chefA, account(['A', 'B']))).toBe(false)
    expect(canManageAccountsOf(chefA, account(['A'], ['X']))).toBe(false)
  })

  it('a person link ties the account to the person’s zone', () => {
    const linked = accountRef({ id: 'u', personZoneId: 'A', roles: [role('1', 'officer', 'B')] })
    expect(linked.zoneIds).toEqual(['B', 'A'])
    expect(canSeeAccount(chefA, linked)).toBe(true)
    expect(canManageAccountsOf(chefA, linked)).toBe(false)
  })
})
