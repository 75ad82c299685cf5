// Public data (zones, associations, the domain catalogue) served from memory, keyed by the data version of
// migrations/0008_request_cost.sql, with a strong ETag (a hash of the exact body) and 304 Not Modified on
// If-None-Match. A trigger bumps the version in the same transaction as any change to the public tables, so a
// cached body is never served once a change has committed, whichever process made it.
import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { sql } from 'kysely'
import { Type } from 'typebox'
import type { Database } from './db.ts'

export interface DataVersion {
  /** The version of the public data now; a different value means it may have changed. */
  current(): Promise<number>
  close(): void
}

const CHANNEL = 'verbond_data_version'

/**
 * PostgreSQL: one single-row lookup by primary key per request (another process may have written).
 * PGlite: no query at all. One process holds an embedded database (datadir-lock.ts), and PGlite hands the
 * NOTIFY of a commit on its own connection to its listeners (in a microtask queued while it reads the
 * commit's reply) before the committing call returns, so a counter in memory is exact.
 */
export async function publicDataVersion(database: Database): Promise<DataVersion> {
  const { pglite, db } = database
  if (pglite) {
    let generation = 0
    const off = pglite.onNotification((channel) => {
      if (channel === CHANNEL) generation += 1
    })
    await sql`LISTEN verbond_data_version`.execute(db)
    return { current: () => Promise.resolve(generation), close: off }
  }
  return {
    async current() {
      const { rows } = await sql<{
        version: number
      }>`SELECT version FROM data_versions WHERE name = 'public'`.execute(db)
      return rows[0]?.version ?? 0
    },
    close: () => undefined,
  }
}

/** The response schema of a 304: no body; the client keeps the copy its If-None-Match named. */
export const NotModified = Type.Null({ description: 'Not modified: the ETag sent in If-None-Match is current' })

export interface CachedBody {
  etag: string
  /** The serialised JSON, encoded once, sent as it is. */
  body: Buffer
}

/** A strong entity tag: the body's SHA-256, so equal tags mean byte-identical bodies, in any process. */
export const strongEtag = (body: Buffer): string => `"${createHash('sha256').update(body).digest('base64url')}"`

export function publicCache(version: DataVersion) {
  const entries = new Map<string, CachedBody & { version: number }>()
  return {
    /**
     * The body under `key` for the current data version; `load` (which may throw, e.g. NOT_FOUND) builds it
     * on a miss. A body loaded while the version moved is served but not kept: it may be older than the
     * version read after it.
     */
    async get(key: string, load: () => Promise<string | ArrayBuffer | Buffer>): Promise<CachedBody> {
      const before = await version.current()
      const hit = entries.get(key)
      if (hit && hit.version === before) return hit
      const loaded = await load()
      const body =
        typeof loaded === 'string' ? Buffer.from(loaded) : Buffer.isBuffer(loaded) ? loaded : Buffer.from(loaded)
      const entry = { version: before, body, etag: strongEtag(body) }
      if ((await version.current()) === before) entries.set(key, entry)
      return entry
    },
  }
}

export type PublicCache = ReturnType<typeof publicCache>

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/"x" matches "x"; `*` matches anything. */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  return header.split(',').some((t) => {
    const tag = t.trim()
    return (tag.startsWith('W/') ? tag.slice(2) : tag) === etag
  })
}

/** Sends a cached body with its ETag, or 304 when the client already has it. Clients revalidate every time. */
export function sendCached(req: FastifyRequest, reply: FastifyReply, cached: CachedBody): FastifyReply {
  void reply.header('etag', cached.etag).header('cache-control', 'no-cache')
  if (noneMatch(req.headers['if-none-match'], cached.etag)) return reply.code(304).send()
  return reply.type('application/json; charset=utf-8').send(cached.body)
}
