// The policy context of one request (or one event stream's refresh): the actor, the Brussels date of the
// access, and the facts the policy decides on, each loaded at most once and only when a rule needs it: the
// agreements in force for the actor's zones (platform/grants.ts) and the member zones of the associations the
// actor administers. A service that decides inside a transaction uses `ctx.on(trx)`: what is not loaded yet is
// then loaded through the transaction (on PGlite the transaction holds the only connection).
import type { Kysely, Transaction } from 'kysely'
import { loadGrants } from '../grants.ts'
import { actorZones, type Actor, type Grant, type Membership } from '../policy.ts'
import type { DB } from '../schema.ts'

type Db = Kysely<DB> | Transaction<DB>

export interface PolicyContext {
  readonly actor: Actor
  /** The Brussels date of the access: agreements and memberships in force on that day count. */
  readonly date: string
  /** The agreements in force on `date` with one of the actor's zones as party (loaded once). */
  grants(db?: Db): Promise<readonly Grant[]>
  /** The zones that are members on `date` of the associations the actor administers (loaded once). */
  memberships(db?: Db): Promise<readonly Membership[]>
  /** The same context, loading what it has not loaded yet through `trx`. */
  on(trx: Transaction<DB>): PolicyContext
}

/** Zones that are members, on `date`, of the given associations. */
async function loadMemberships(db: Db, associationIds: readonly string[], date: string): Promise<Membership[]> {
  if (associationIds.length === 0) return []
  return db
    .selectFrom('association_memberships as m')
    .select(['m.association_id as associationId', 'm.zone_id as zoneId'])
    .where('m.association_id', 'in', [...associationIds])
    .where('m.valid_from', '<=', date)
    .where((eb) => eb.or([eb('m.valid_to', 'is', null), eb('m.valid_to', '>=', date)]))
    .execute()
}

const administered = (actor: Actor): string[] => [
  ...new Set(actor.roles.flatMap((r) => (r.role === 'admin' && r.associationId !== null ? [r.associationId] : []))),
]

/** One promise per fact, kept once it succeeds (a failed load, e.g. in a rolled-back transaction, is retried). */
function once<T>(load: (db: Db) => Promise<T>): (db: Db) => Promise<T> {
  let memo: Promise<T> | undefined
  return (db) => {
    if (memo) return memo
    const p = load(db)
    memo = p
    p.catch(() => {
      if (memo === p) memo = undefined
    })
    return p
  }
}

/** The context of one access by `actor` on `date` (the request clock's `today()`), reading from `db`. */
export function policyContext(db: Kysely<DB>, actor: Actor, date: string): PolicyContext {
  const grants = once((d) => loadGrants(d, actorZones(actor), date))
  const memberships = once((d) => loadMemberships(d, administered(actor), date))
  const bound = (via: Db): PolicyContext => ({
    actor,
    date,
    grants: (d) => grants(d ?? via),
    memberships: (d) => memberships(d ?? via),
    on: (trx) => bound(trx),
  })
  return bound(db)
}

/** A context of given facts (pure tests, and code that already holds them). */
export function fixedContext(
  actor: Actor,
  facts: { date: string; grants?: readonly Grant[]; memberships?: readonly Membership[] },
): PolicyContext {
  const ctx: PolicyContext = {
    actor,
    date: facts.date,
    grants: async () => facts.grants ?? [],
    memberships: async () => facts.memberships ?? [],
    on: () => ctx,
  }
  return ctx
}
