// Read results kept in memory until an invalidation topic says they may be stale (platform/invalidation.ts):
// the grants of a zone set on a date, a page of people for a scope. A cache belongs to one root `db` and
// exists only while invalidations are attached to it (buildApp); inside a transaction, or without them, every
// read goes to the database.
import type { Kysely } from 'kysely'
import { invalidationsOf, type InvalidationTopic, type Invalidations } from './invalidation.ts'
import type { DB } from './schema.ts'

export interface MemoOptions {
  /** Topics that drop every entry ('*' always does). */
  topics: readonly InvalidationTopic[]
  /** Entries kept (least recently stored dropped first). */
  size: number
  /** Belt and braces: an entry is read again after this long (ms) even without an invalidation. */
  maxAgeMs: number
}

export interface Memo<T> {
  /** The value under `key`, or `load()`'s, which is kept unless an invalidation came while it ran. */
  get(key: string, load: () => Promise<T>): Promise<T>
}

interface Entry<T> {
  value: Promise<T>
  readAt: number
}

const memos = new WeakMap<Invalidations, Map<string, Memo<unknown>>>()

function createMemo<T>(invalidations: Invalidations, options: MemoOptions): Memo<T> {
  const entries = new Map<string, Entry<T>>()
  invalidations.subscribe((topic) => {
    if (topic === '*' || options.topics.includes(topic)) entries.clear()
  })
  return {
    get(key, load) {
      if (!invalidations.live()) return load()
      const hit = entries.get(key)
      // performance.now(): the entry's own age, not the application's time (a test clock may stand still).
      if (hit && performance.now() - hit.readAt <= options.maxAgeMs) return hit.value
      // The promise is kept, so concurrent requests share one read. An invalidation while it runs clears the
      // map: requests after it read again, and this value is not put back.
      const value = load()
      const entry = { value, readAt: performance.now() }
      entries.set(key, entry)
      if (entries.size > options.size) {
        const oldest = entries.keys().next()
        if (!oldest.done) entries.delete(oldest.value)
      }
      value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key)
      })
      return value
    },
  }
}

/** The cache `name` of this root `db`, or null (a transaction, or no invalidations attached). */
export function memoOf<T>(db: Kysely<DB>, name: string, options: MemoOptions): Memo<T> | null {
  const invalidations = invalidationsOf(db)
  if (!invalidations) return null
  let named = memos.get(invalidations)
  if (!named) memos.set(invalidations, (named = new Map<string, Memo<unknown>>()))
  let memo = named.get(name) as Memo<T> | undefined
  if (!memo) {
    memo = createMemo<T>(invalidations, options)
    named.set(name, memo)
  }
  return memo
}
