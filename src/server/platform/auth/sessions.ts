// Server-side sessions: the cookie carries a random token; the database keeps only its SHA-256,
// so a leaked database row cannot be replayed as a cookie.
import { createHash, randomBytes } from 'node:crypto'
import { sql, type Kysely, type Transaction } from 'kysely'
import { systemClock, type Clock } from '../clock.ts'
import type { Actor, ActorRole } from '../policy.ts'
import type { DB } from '../schema.ts'
import type { Invalidations } from '../invalidation.ts'

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

/** Sessions kept in memory per process (least recently used dropped first). */
export const SESSION_CACHE_SIZE = 10_000
/** Belt and braces: a cached session is read again after this long, even if no invalidation came. */
export const SESSION_CACHE_MAX_AGE_MS = 30_000

/** What a process keeps of a live session: the answer of session_actor and when it was read. */
interface CachedSession {
  session: ResolvedSession
  userId: string
  expiresAt: number
  /** last_seen_at as this process last read or wrote it: never later than the row's, so expiry is conservative. */
  lastSeenAt: number
  /** performance.now() when read from the database (the cache's own age, not the application's time). */
  readAt: number
}

export interface SessionStoreOptions {
  /** Serve sessions from memory, dropped by the invalidations of this process (platform/invalidation.ts). */
  invalidations?: Invalidations
}

/**
 * The sessions of a process. With `invalidations`, a session once read is served from memory: no statement
 * for a signed-in request, except the once-a-minute touch. Expiry is still decided on every request from the
 * cached expires_at and last_seen_at against the clock; a session that looks expired is read again (another
 * process may have touched it) before it is refused. Any change to the session, its account, the account's
 * roles or person drops it in every process (migration 0011's triggers → invalidation.ts), and a cached
 * session older than SESSION_CACHE_MAX_AGE_MS is read again anyway.
 */
export function sessionStore(
  db: Kysely<DB>,
  policy: SessionPolicy,
  clock: Clock = systemClock,
  options: SessionStoreOptions = {},
) {
  const { invalidations } = options
  const cache = new Map<string, CachedSession>()
  const byUser = new Map<string, Set<string>>()
  // Moves on every invalidation: a row read before one is not kept (it may be older than the change).
  let generation = 0

  const forget = (hash: string) => {
    const entry = cache.get(hash)
    if (!entry) return
    cache.delete(hash)
    const hashes = byUser.get(entry.userId)
    hashes?.delete(hash)
    if (hashes?.size === 0) byUser.delete(entry.userId)
  }
  const keep = (hash: string, entry: CachedSession) => {
    forget(hash)
    cache.set(hash, entry)
    const hashes = byUser.get(entry.userId) ?? new Set<string>()
    hashes.add(hash)
    byUser.set(entry.userId, hashes)
    if (cache.size > SESSION_CACHE_SIZE) {
      const oldest = cache.keys().next()
      if (!oldest.done) forget(oldest.value)
    }
  }
  invalidations?.subscribe((topic) => {
    if (topic === '*') {
      generation++
      cache.clear()
      byUser.clear()
    } else if (topic.startsWith('user:')) {
      generation++
      for (const hash of byUser.get(topic.slice(5)) ?? []) forget(hash)
    }
  })

  const destroy = async (hash: string) => {
    forget(hash)
    await db.deleteFrom('sessions').where('token_hash', '=', hash).execute()
  }
  const touch = (hash: string, at: number) =>
    db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(at) })
      .where('token_hash', '=', hash)
      .execute()
  const expired = (s: { expiresAt: number; lastSeenAt: number }, now: number) =>
    s.expiresAt <= now || s.lastSeenAt + policy.idleMinutes * 60_000 <= now

  /** From memory: the session if cached, fresh enough and not (apparently) expired; else undefined. */
  function cached(hash: string, now: number): CachedSession | undefined {
    if (!invalidations?.live()) return undefined
    const entry = cache.get(hash)
    if (!entry) return undefined
    if (performance.now() - entry.readAt > SESSION_CACHE_MAX_AGE_MS || expired(entry, now)) {
      forget(hash)
      return undefined
    }
    // Least recently used goes first: a hit moves to the end.
    cache.delete(hash)
    cache.set(hash, entry)
    return entry
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
      const hit = cached(hash, now)
      if (hit) {
        if (options.touch !== false && now - hit.lastSeenAt > TOUCH_AFTER_MS) {
          await touch(hash, now)
          hit.lastSeenAt = Math.max(hit.lastSeenAt, now)
        }
        return hit.session
      }
      const before = generation
      // Session, user, home zone and roles in one round trip, through a PL/pgSQL function whose plan the
      // database keeps (migrations/0008_request_cost.sql).
      const { rows } = await sql<SessionActorRow>`SELECT * FROM session_actor(${hash})`.execute(db)
      const row = rows[0]
      if (!row) return null
      let lastSeenAt = row.last_seen_at.getTime()
      const expiresAt = row.expires_at.getTime()
      if (row.disabled_at !== null || expired({ expiresAt, lastSeenAt }, now)) {
        await destroy(hash)
        return null
      }
      if (options.touch !== false && now - lastSeenAt > TOUCH_AFTER_MS) {
        await touch(hash, now)
        lastSeenAt = now
      }
      const session: ResolvedSession = Object.freeze({
        tokenHash: hash,
        csrfToken: row.csrf_token,
        mustChangePassword: row.must_change_password,
        actor: Object.freeze({
          userId: row.user_id,
          email: row.email,
          displayName: row.display_name,
          locale: row.locale,
          personId: row.person_id,
          homeZoneId: row.home_zone_id,
          roles: Object.freeze(row.roles.map((r) => Object.freeze(r))),
        }),
      })
      if (invalidations?.live() && generation === before)
        keep(hash, { session, userId: row.user_id, expiresAt, lastSeenAt, readAt: performance.now() })
      return session
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
