// Server-side sessions: the cookie carries a random token; the database keeps only its SHA-256,
// so a leaked database row cannot be replayed as a cookie.
import { createHash, randomBytes } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { systemClock, type Clock } from '../clock.ts'
import type { Actor, ActorRole } from '../policy.ts'
import type { DB } from '../schema.ts'

export const SESSION_COOKIE = 'verbond_session'

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

    async resolve(token: string): Promise<ResolvedSession | null> {
      const hash = tokenHash(token)
      const now = clock.now().getTime()
      const row = await db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .leftJoin('people as p', 'p.id', 'u.person_id')
        .select([
          's.csrf_token',
          's.expires_at',
          's.last_seen_at',
          'u.id as user_id',
          'u.email',
          'u.display_name',
          'u.locale',
          'u.person_id',
          'u.disabled_at',
          'p.zone_id as home_zone_id',
          // The roles in the same round trip: this runs on every request.
          sql<ActorRole[]>`coalesce((
            SELECT json_agg(json_build_object('role', r.role, 'zoneId', r.zone_id, 'associationId', r.association_id) ORDER BY r.role, r.zone_id)
              FROM user_roles r WHERE r.user_id = u.id), '[]'::json)`.as('roles'),
        ])
        .where('s.token_hash', '=', hash)
        .executeTakeFirst()
      if (!row) return null
      const idleDeadline = row.last_seen_at.getTime() + policy.idleMinutes * 60_000
      if (row.disabled_at !== null || row.expires_at.getTime() <= now || idleDeadline <= now) {
        await destroy(hash)
        return null
      }
      if (now - row.last_seen_at.getTime() > TOUCH_AFTER_MS)
        await db
          .updateTable('sessions')
          .set({ last_seen_at: new Date(now) })
          .where('token_hash', '=', hash)
          .execute()
      return {
        tokenHash: hash,
        csrfToken: row.csrf_token,
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
