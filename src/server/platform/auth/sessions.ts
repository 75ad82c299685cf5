// Server-side sessions: the cookie carries a random token; the database keeps only its SHA-256,
// so a leaked database row cannot be replayed as a cookie.
import { createHash, randomBytes } from 'node:crypto'
import { sql, type Kysely, type Transaction } from 'kysely'
import { systemClock, type Clock } from '../clock.ts'
import type { Actor, ActorRole } from '../policy.ts'
import type { DB } from '../schema.ts'

/**
 * Ends every session of a user (a disabled account, a reset or changed password), except the one that
 * asked for it when given. Runs on the caller's transaction, so it commits with the change that caused it.
 */
export async function endSessionsOf(
  db: Kysely<DB> | Transaction<DB>,
  userId: string,
  exceptTokenHash?: string,
): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId)
  if (exceptTokenHash) q = q.where('token_hash', '<>', exceptTokenHash)
  const result = await q.executeTakeFirst()
  return Number(result.numDeletedRows)
}

export const SESSION_COOKIE = 'verbond_session'

/** Wrong current passwords one session may give when changing the password before it is ended. */
export const SESSION_PASSWORD_FAILURES = 5

/**
 * Counts a wrong current password against the session; at SESSION_PASSWORD_FAILURES the session ends (the
 * user signs in again, under the login throttle). Returns whether the session was ended.
 */
export async function notePasswordFailure(db: Kysely<DB> | Transaction<DB>, tokenHash: string): Promise<boolean> {
  const row = await db
    .updateTable('sessions')
    .set((eb) => ({ password_failures: eb('password_failures', '+', 1) }))
    .where('token_hash', '=', tokenHash)
    .returning('password_failures')
    .executeTakeFirst()
  if (!row || row.password_failures < SESSION_PASSWORD_FAILURES) return false
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute()
  return true
}

export const newToken = (): string => randomBytes(32).toString('base64url')
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex')

export interface SessionPolicy {
  ttlHours: number
  idleMinutes: number
}

export interface ResolvedSession {
  actor: Actor
  csrfToken: string
  tokenHash: string
  /** A one-time password is in use: the session may only read /api/me, change the password and sign out. */
  mustChangePassword: boolean
}

/** A row of session_actor(token_hash): the session and who it belongs to. */
interface SessionActorRow {
  csrf_token: string
  expires_at: Date
  last_seen_at: Date
  user_id: string
  email: string
  display_name: string
  locale: Actor['locale']
  person_id: string | null
  disabled_at: Date | null
  must_change_password: boolean
  home_zone_id: string | null
  roles: ActorRole[]
}

// Touching last_seen_at on every request would turn every read into a write; once a minute is enough
// for idle expiry measured in minutes.
const TOUCH_AFTER_MS = 60_000

export function sessionStore(db: Kysely<DB>, policy: SessionPolicy, clock: Clock = systemClock) {
  const destroy = async (hash: string) => {
    await db.deleteFrom('sessions').where('token_hash', '=', hash).execute()
  }
  return {
    async create(userId: string, meta: { ip: string; userAgent: string | null }) {
      const token = newToken()
      const csrfToken = newToken()
      const createdAt = clock.now()
      const expiresAt = new Date(createdAt.getTime() + policy.ttlHours * 3_600_000)
      await db
        .insertInto('sessions')
        .values({
          token_hash: tokenHash(token),
          user_id: userId,
          csrf_token: csrfToken,
          created_at: createdAt,
          last_seen_at: createdAt,
          expires_at: expiresAt,
          ip: meta.ip,
          user_agent: meta.userAgent?.slice(0, 400) ?? null,
        })
        .execute()
      return { token, csrfToken, expiresAt }
    },

    /** The live session of a token, or null. `touch: false` (an event stream re-checking) is not activity. */
    async resolve(token: string, options: { touch?: boolean } = {}): Promise<ResolvedSession | null> {
      const hash = tokenHash(token)
      const now = clock.now().getTime()
      // Session, user, home zone and roles in one round trip, through a PL/pgSQL function whose plan the
      // database keeps (migrations/0008_request_cost.sql): this runs on every signed-in request.
      const { rows } = await sql<SessionActorRow>`SELECT * FROM session_actor(${hash})`.execute(db)
      const row = rows[0]
      if (!row) return null
      const idleDeadline = row.last_seen_at.getTime() + policy.idleMinutes * 60_000
      if (row.disabled_at !== null || row.expires_at.getTime() <= now || idleDeadline <= now) {
        await destroy(hash)
        return null
      }
      if (options.touch !== false && now - row.last_seen_at.getTime() > TOUCH_AFTER_MS)
        await db
          .updateTable('sessions')
          .set({ last_seen_at: new Date(now) })
          .where('token_hash', '=', hash)
          .execute()
      return {
        tokenHash: hash,
        csrfToken: row.csrf_token,
        mustChangePassword: row.must_change_password,
        actor: {
          userId: row.user_id,
          email: row.email,
          displayName: row.display_name,
          locale: row.locale,
          personId: row.person_id,
          homeZoneId: row.home_zone_id,
          roles: row.roles,
        },
      }
    },

    destroy,

    /** Removes sessions past their lifetime or idle too long (resolve() would refuse them anyway). */
    async purgeExpired() {
      const now = clock.now().getTime()
      await db
        .deleteFrom('sessions')
        .where((eb) =>
          eb.or([
            eb('expires_at', '<=', new Date(now)),
            eb('last_seen_at', '<=', new Date(now - policy.idleMinutes * 60_000)),
          ]),
        )
        .execute()
    },
  }
}

export type SessionStore = ReturnType<typeof sessionStore>
