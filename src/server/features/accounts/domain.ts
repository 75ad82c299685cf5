// Account rules as pure functions: what a password must be, what a one-time password looks like, and which
// role changes would lock an account (or the actor) out. Who may act at all is the policy's call.
import { AppError } from '../../platform/errors.ts'
import { roleHolds, type Target } from '../../platform/policy.ts'
import type { Role } from '../../platform/schema.ts'

export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 256

export type PasswordRule = 'too_short' | 'too_long' | 'too_simple' | 'contains_identity' | 'common' | 'unchanged'

// Passwords that every guessing list starts with, and the demo password everybody has seen on the login page.
const COMMON = new Set([
  'verbond-demo',
  'wachtwoord123',
  'motdepasse123',
  'password1234',
  '123456789012',
  'qwertyuiopas',
  'azertyuiopqs',
  'politie12345',
  'welkom123456',
])

/** What is wrong with a new password (empty when it is acceptable). Lengths count characters, not bytes. */
export function passwordProblems(
  password: string,
  owner: { email: string; displayName: string },
  current?: { same: boolean },
): PasswordRule[] {
  const problems: PasswordRule[] = []
  const length = [...password].length
  if (length < PASSWORD_MIN_LENGTH) problems.push('too_short')
  if (length > PASSWORD_MAX_LENGTH) problems.push('too_long')
  // "aaaaaaaaaaaa" or "abababababab": long, but no harder to guess than a short one.
  if (new Set(password.toLowerCase()).size < 5) problems.push('too_simple')
  const lower = password.toLowerCase()
  const local = owner.email.toLowerCase().split('@')[0] ?? ''
  const identity = [local, ...owner.displayName.toLowerCase().split(/\s+/)].filter((part) => part.length >= 4)
  if (identity.some((part) => lower.includes(part))) problems.push('contains_identity')
  if (COMMON.has(lower)) problems.push('common')
  if (current?.same) problems.push('unchanged')
  return problems
}

export function assertAcceptablePassword(
  password: string,
  owner: { email: string; displayName: string },
  current?: { same: boolean },
): void {
  const rules = passwordProblems(password, owner, current)
  if (rules.length > 0) throw new AppError('PASSWORD_TOO_WEAK', { rules })
}

// No look-alikes (0/o, 1/l/i): the one-time password is read off a screen and typed or dictated.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

/**
 * A one-time password from random bytes: four groups of four characters (about 79 bits). Bytes that would
 * bias the alphabet are skipped, so the caller passes more than it needs; too few is a programming error.
 */
export function oneTimePasswordFrom(bytes: Uint8Array): string {
  const limit = 256 - (256 % ALPHABET.length)
  const chars: string[] = []
  for (const b of bytes) {
    if (b >= limit) continue
    chars.push(ALPHABET[b % ALPHABET.length] as string)
    if (chars.length === 16) break
  }
  if (chars.length < 16) throw new Error('not enough random bytes for a one-time password')
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-')
}

export interface AccountRole {
  id: string
  role: Role
  zoneId: string | null
  associationId: string | null
}

/** What the policy needs to know of an account: the zones and associations it belongs to. */
export interface AccountRef extends Target {
  userId: string
  /** Zones of its zone roles and of its linked person. */
  zoneIds: readonly string[]
  /** Associations it administers. */
  associationIds: readonly string[]
}

/** The zones and associations an account belongs to, for the policy. */
export function accountRef(account: {
  id: string
  personZoneId: string | null
  roles: readonly AccountRole[]
}): AccountRef {
  const zones = account.roles.map((r) => r.zoneId).filter((z): z is string => z !== null)
  if (account.personZoneId) zones.push(account.personZoneId)
  return {
    userId: account.id,
    zoneIds: [...new Set(zones)],
    associationIds: [...new Set(account.roles.map((r) => r.associationId).filter((a): a is string => a !== null))],
  }
}

const manages = (role: Role) => roleHolds(role, 'account.manage')

/**
 * Removing one role: an account keeps at least one (disable it instead), and an actor cannot remove the last
 * role through which they manage accounts from themselves (nobody would be left to give it back).
 */
export function roleRemovalProblem(
  actorUserId: string,
  accountId: string,
  roles: readonly AccountRole[],
  roleId: string,
): 'ACCOUNT_LAST_ROLE' | 'ACCOUNT_SELF_LOCKOUT' | null {
  const remaining = roles.filter((r) => r.id !== roleId)
  if (remaining.length === 0) return 'ACCOUNT_LAST_ROLE'
  const removed = roles.find((r) => r.id === roleId)
  if (actorUserId === accountId && removed && manages(removed.role) && !remaining.some((r) => manages(r.role)))
    return 'ACCOUNT_SELF_LOCKOUT'
  return null
}

export function assertRoleRemovable(
  actorUserId: string,
  accountId: string,
  roles: readonly AccountRole[],
  roleId: string,
): void {
  const problem = roleRemovalProblem(actorUserId, accountId, roles, roleId)
  if (problem) throw new AppError(problem)
}

/** A zone role names a zone and no association; admin names an association and no zone (the table agrees). */
export function normaliseRole(input: { role: Role; zoneId?: string; associationId?: string }): {
  role: Role
  zoneId: string | null
  associationId: string | null
} {
  const admin = input.role === 'admin'
  const field = admin ? 'associationId' : 'zoneId'
  const complete = admin ? !!input.associationId && !input.zoneId : !!input.zoneId && !input.associationId
  if (!complete) throw new AppError('VALIDATION_FAILED', { issues: [{ path: `body/${field}`, rule: 'required' }] })
  return { role: input.role, zoneId: input.zoneId ?? null, associationId: input.associationId ?? null }
}

/** Nobody disables their own account. */
export function assertNotSelf(actorUserId: string, accountId: string): void {
  if (actorUserId === accountId) throw new AppError('ACCOUNT_SELF_LOCKOUT')
}
