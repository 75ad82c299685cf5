import type { Kysely } from 'kysely'
import { actorFields, appendAudit } from '../../platform/audit.ts'
import { verifyPassword } from '../../platform/auth/passwords.ts'
import type { SessionStore } from '../../platform/auth/sessions.ts'
import { AppError } from '../../platform/errors.ts'
import type { Actor } from '../../platform/policy.ts'
import type { DB, Locale } from '../../platform/schema.ts'
import { authRepository } from './repository.ts'
import type { Me } from './schema.ts'

export interface ThrottlePolicy {
  loginMaxFailures: number
  loginWindowMinutes: number
}

export function authService(db: Kysely<DB>, sessions: SessionStore, throttle: ThrottlePolicy) {
  const repo = authRepository(db)

  async function assertNotThrottled(email: string, ip: string): Promise<void> {
    const windowMs = throttle.loginWindowMinutes * 60_000
    const since = new Date(Date.now() - windowMs)
    const f = await repo.recentFailures(email, ip, since)
    const blockedBy = [
      f.by_email >= throttle.loginMaxFailures ? f.oldest_email : null,
      f.by_ip >= throttle.loginMaxFailures ? f.oldest_ip : null,
    ].filter((d): d is Date => d !== null)
    if (blockedBy.length === 0) return
    // Blocked until the oldest counted failure leaves the window.
    const until = Math.max(...blockedBy.map((d) => d.getTime() + windowMs))
    throw new AppError('TOO_MANY_LOGIN_ATTEMPTS', {
      retryAfterSeconds: Math.max(1, Math.ceil((until - Date.now()) / 1000)),
    })
  }

  async function me(userId: string, csrfToken: string): Promise<Me> {
    const { user, roles, associations } = await repo.me(userId)
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
      await assertNotThrottled(normalised, meta.ip)
      const user = await repo.userByEmail(normalised)
      const ok = await verifyPassword(user?.password_hash ?? null, password)
      const allowed = ok && user !== undefined && user.disabled_at === null
      await repo.recordAttempt(normalised, meta.ip, allowed)
      if (user) {
        await db.transaction().execute((trx) =>
          appendAudit(trx, [
            {
              chainZoneId: user.zone_id,
              actorUserId: user.id,
              actorZoneId: user.zone_id,
              action: allowed ? 'auth.login' : 'auth.login_failed',
              objectType: 'user',
              objectId: user.id,
              details: { ip: meta.ip },
            },
          ]),
        )
      }
      if (!allowed || !user) throw new AppError('INVALID_CREDENTIALS')
      const session = await sessions.create(user.id, meta)
      return { token: session.token, expiresAt: session.expiresAt, me: await me(user.id, session.csrfToken) }
    },

    async logout(actor: Actor, tokenHash: string): Promise<void> {
      await sessions.destroy(tokenHash)
      await db
        .transaction()
        .execute((trx) =>
          appendAudit(trx, [
            { ...actorFields(actor), action: 'auth.logout', objectType: 'user', objectId: actor.userId },
          ]),
        )
    },

    async setLocale(actor: Actor, locale: Locale, csrfToken: string): Promise<Me> {
      await db.transaction().execute(async (trx) => {
        await authRepository(trx).setLocale(actor.userId, locale)
        await appendAudit(trx, [
          {
            ...actorFields(actor),
            action: 'user.locale_update',
            objectType: 'user',
            objectId: actor.userId,
            details: { locale },
          },
        ])
      })
      return me(actor.userId, csrfToken)
    },
  }
}
