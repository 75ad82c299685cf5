import { setTimeout as sleep } from 'node:timers/promises'
import type { Kysely } from 'kysely'
import { appendAudit, audit } from '../../platform/audit.ts'
import { verifyPassword } from '../../platform/auth/passwords.ts'
import type { SessionStore } from '../../platform/auth/sessions.ts'
import { AppError } from '../../platform/errors.ts'
import type { Actor } from '../../platform/policy.ts'
import { now } from '../../platform/clock.ts'
import { brusselsDate } from '../../platform/time.ts'
import type { DB, Locale } from '../../platform/schema.ts'
import { authRepository } from './repository.ts'
import type { Me } from './schema.ts'
import { addressKey, decideAttempt, type ThrottlePolicy } from './throttle.ts'

export type { ThrottlePolicy } from './throttle.ts'

export function authService(db: Kysely<DB>, sessions: SessionStore, throttle: ThrottlePolicy) {
  const repo = authRepository(db)

  /**
   * Reserves one try for the account and the address, or refuses with 429 (throttle.ts says when). Check and
   * reservation happen in one short transaction under per-account and per-address locks; the password
   * check runs after it, outside any transaction (argon2 takes tens of milliseconds and, on PGlite, a
   * transaction holds the only connection). The reserved try counts as a failure until its outcome is
   * recorded, so parallel requests cannot get more tries than the limit. Returns the try's id.
   */
  async function reserveTry(email: string, address: string): Promise<number> {
    const reserved = await db.transaction().execute(async (trx) => {
      const attempts = authRepository(trx)
      await attempts.lockAttempts(email, address)
      const decision = decideAttempt(await attempts.attemptState(email, address, throttle.loginWindowMinutes), throttle)
      if (decision.kind === 'refuse')
        throw new AppError('TOO_MANY_LOGIN_ATTEMPTS', { retryAfterSeconds: decision.retryAfterSeconds })
      return { id: await attempts.reserveAttempt(email, address, decision.at), waitMs: decision.waitMs }
    })
    // The per-address delay: wait for this try's turn (at most loginAddressMaxDelaySeconds).
    if (reserved.waitMs > 0) await sleep(reserved.waitMs)
    return reserved.id
  }

  async function me(userId: string, csrfToken: string): Promise<Me> {
    const { user, roles, associations } = await repo.me(userId, brusselsDate(now()))
    return {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      locale: user.locale,
      csrfToken,
      mustChangePassword: user.must_change_password,
      person:
        user.person_id && user.zone_id && user.zone_code && user.first_name && user.last_name
          ? {
              id: user.person_id,
              zoneId: user.zone_id,
              zoneCode: user.zone_code,
              firstName: user.first_name,
              lastName: user.last_name,
            }
          : null,
      roles: roles.map((r) => ({
        role: r.role,
        zoneId: r.zone_id,
        zoneCode: r.zone_code,
        zoneName: r.zone_name,
        associationId: r.association_id,
        associationName: r.association_name,
      })),
      associations,
    }
  }

  return {
    me,

    async login(email: string, password: string, meta: { ip: string; userAgent: string | null }) {
      const normalised = email.trim().toLowerCase()
      const attemptId = await reserveTry(normalised, addressKey(meta.ip))
      const user = await repo.userByEmail(normalised)
      const ok = await verifyPassword(user?.password_hash ?? null, password)
      const allowed = ok && user !== undefined && user.disabled_at === null
      // The outcome and, for a known account, its audit entry: a failure lands in the zone's chain without
      // authentication, which the per-account limit bounds (LOGIN_MAX_FAILURES per window and account).
      await db.transaction().execute(async (trx) => {
        await authRepository(trx).recordOutcome(attemptId, allowed)
        if (user)
          await appendAudit(trx, [
            {
              chainZoneId: user.zone_id,
              actorUserId: user.id,
              actorZoneId: user.zone_id,
              action: allowed ? 'auth.login' : 'auth.login_failed',
              objectType: 'user',
              objectId: user.id,
              details: { ip: meta.ip },
            },
          ])
      })
      if (!allowed || !user) throw new AppError('INVALID_CREDENTIALS')
      const session = await sessions.create(user.id, meta)
      return { token: session.token, expiresAt: session.expiresAt, me: await me(user.id, session.csrfToken) }
    },

    async logout(actor: Actor, tokenHash: string): Promise<void> {
      await sessions.destroy(tokenHash)
      await db
        .transaction()
        .execute((trx) => audit.write(trx, actor, 'auth.logout', { type: 'user', id: actor.userId }))
    },

    async setLocale(actor: Actor, locale: Locale, csrfToken: string): Promise<Me> {
      await db.transaction().execute(async (trx) => {
        await authRepository(trx).setLocale(actor.userId, locale)
        await audit.write(trx, actor, 'user.locale_update', { type: 'user', id: actor.userId }, { locale })
      })
      return me(actor.userId, csrfToken)
    },
  }
}

/**
 * Keeps login_attempts bounded: the throttle needs only the window; older rows are kept
 * LOGIN_ATTEMPTS_RETENTION_DAYS for investigating attacks, then deleted. `verbond serve` runs this on a timer.
 */
export async function purgeLoginAttempts(
  db: Kysely<DB>,
  policy: { loginWindowMinutes: number; loginAttemptsRetentionDays: number },
): Promise<number> {
  return authRepository(db).purgeAttempts(policy.loginWindowMinutes + policy.loginAttemptsRetentionDays * 24 * 60)
}
