// The audit log: append-only rows, SHA-256 hash-chained per zone (chain_zone_id; NULL = platform chain).
// Each row's hash covers its content and the previous row's hash, so any edit, deletion or gap breaks the
// chain from that row on. `verifyAudit` recomputes the chains; `verbond audit verify` and
// GET /api/audit/verify report { ok, events, firstBrokenId }.
import { createHash } from 'node:crypto'
import { sql, type Kysely, type Transaction } from 'kysely'
import { now } from './clock.ts'
import type { Justification } from './justification.ts'
import type { DB } from './schema.ts'

export const GENESIS_HASH = '0'.repeat(64)

export interface AuditEntry {
  chainZoneId: string | null
  actorUserId: string | null
  actorZoneId: string | null
  /** dotted lower-case verb, e.g. `agreement.create`, `person.read` */
  action: string
  objectType?: string
  objectId?: string
  /** The cooperation domain that allowed a read of another zone's personal data. */
  domain?: string
  details?: Record<string, unknown>
}

interface HashedFields {
  chainZoneId: string | null
  seq: number
  at: Date
  actorUserId: string | null
  actorZoneId: string | null
  action: string
  objectType: string | null
  objectId: string | null
  domain: string | null
  details: unknown
}

/** JSON with object keys sorted at every level: jsonb reorders keys, the hash must not care. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

export function auditHash(prevHash: string, f: HashedFields): string {
  const body = canonicalJson({ ...f, at: f.at.toISOString() })
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex')
}

const chainKey = (zoneId: string | null): string => zoneId ?? 'platform'

/**
 * The hashed JSON of an entry up to its sequence number: canonicalJson sorts keys and "seq" comes last, so the
 * full body is this prefix, the number and `}` (append_audit of migration 0011 completes it in the database).
 */
export function auditBodyBeforeSeq(f: Omit<HashedFields, 'seq'>): string {
  const body = canonicalJson({ ...f, at: f.at.toISOString() })
  return `${body.slice(0, -1)},"seq":`
}

/** An entry as append_audit takes it: timed, with its chain key and the hashed JSON up to the sequence number. */
type AuditRow = Omit<HashedFields, 'seq' | 'at'> & { at: string; chainKey: string; body: string }

/** Entries as rows, timed now, in one global order of chain keys (stable: one chain keeps its entries' order). */
function auditRows(entries: readonly AuditEntry[], at: Date = now()): AuditRow[] {
  return entries
    .map((e) => {
      const fields = {
        chainZoneId: e.chainZoneId,
        at,
        actorUserId: e.actorUserId,
        actorZoneId: e.actorZoneId,
        action: e.action,
        objectType: e.objectType ?? null,
        objectId: e.objectId ?? null,
        domain: e.domain ?? null,
        details: JSON.parse(canonicalJson(e.details ?? {})) as unknown,
      }
      return { ...fields, at: at.toISOString(), chainKey: chainKey(e.chainZoneId), body: auditBodyBeforeSeq(fields) }
    })
    .sort((a, b) => a.chainKey.localeCompare(b.chainKey))
}

// Chain heads are locked in one global order (the sort above): two transactions writing to the same chains
// can then never wait on each other in a cycle.
const writeRows = async (db: Kysely<DB>, rows: readonly AuditRow[]): Promise<void> => {
  if (rows.length > 0) await sql`SELECT append_audit(${JSON.stringify(rows)}::jsonb)`.execute(db)
}

/**
 * Appends entries in one statement (append_audit, migration 0011): per entry, lock or create the chain head,
 * hash, insert, move the head. Atomic on its own; inside a transaction it commits or rolls back with it.
 */
export async function appendAudit(db: Kysely<DB>, entries: readonly AuditEntry[]): Promise<void> {
  await writeRows(db, auditRows(entries))
}

/**
 * Entries that need no transaction of their own (reads logged after the read), written together: callers that
 * arrive while a write is under way are written by the next statement, all at once, and each caller resolves
 * when its entries are committed. On PostgreSQL a chain head stays locked until its commit is flushed to disk,
 * so one commit per request made concurrent readers of the same partner zone queue behind each other's flush;
 * one commit per batch does not. A batch that fails is written again caller by caller, so that one caller's
 * bad entry fails only that caller.
 */
interface Queued {
  /** Entries with the instant each read happened. */
  entries: { entry: AuditEntry; at: Date }[]
  /** Reads that differ only in time and people may share a row with other callers' (see `coalesce`). */
  coalesce: boolean
  resolve: () => void
  reject: (err: unknown) => void
}

const rowsOf = (items: readonly { entry: AuditEntry; at: Date }[]) =>
  items.flatMap(({ entry, at }) => auditRows([entry], at))

function autocommitBatcher(db: Kysely<DB>) {
  let queue: Queued[] = []
  let running = false
  async function drain(): Promise<void> {
    running = true
    while (queue.length > 0) {
      const batch = queue
      queue = []
      try {
        const rows = [
          ...rowsOf(coalesce(batch.filter((b) => b.coalesce).flatMap((b) => b.entries))),
          ...rowsOf(batch.filter((b) => !b.coalesce).flatMap((b) => b.entries)),
        ]
        await writeRows(
          db,
          rows.sort((a, b) => a.chainKey.localeCompare(b.chainKey)),
        )
        for (const b of batch) b.resolve()
      } catch (err) {
        if (batch.length === 1) batch[0]?.reject(err)
        else for (const b of batch) await writeRows(db, rowsOf(b.entries)).then(b.resolve, b.reject)
      }
    }
    running = false
  }
  return (entries: Queued['entries'], coalesce: boolean): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      queue.push({ entries, coalesce, resolve, reject })
      if (!running) void drain()
    })
}
const batchers = new WeakMap<Kysely<DB>, ReturnType<typeof autocommitBatcher>>()

/** One entry in several chains, once each (null = the platform chain): e.g. an agreement write in every party's. */
export async function appendAuditToChains(
  trx: Kysely<DB>,
  chainZoneIds: readonly (string | null)[],
  entry: Omit<AuditEntry, 'chainZoneId'>,
): Promise<void> {
  await appendAudit(
    trx,
    [...new Set(chainZoneIds)].map((chainZoneId) => ({ ...entry, chainZoneId })),
  )
}

export interface AuditVerification {
  ok: boolean
  events: number
  firstBrokenId: number | null
  /** Why the first break was detected (absent when ok). */
  reason?: 'hash_mismatch' | 'chain_link_broken' | 'sequence_gap' | 'head_mismatch'
}

const PAGE = 2000

/**
 * Verifies the chains of the given zones (null = every chain, including the platform chain), on one
 * consistent snapshot: a REPEATABLE READ, READ ONLY transaction. Read statement by statement, a write landing
 * between reading the heads and reading the rows looked like tampering (`head_mismatch`). On PostgreSQL the
 * snapshot lets writers go on; on PGlite the transaction holds the only connection, so writers wait for it.
 * GET /api/audit/verify and `verbond audit verify` both come here.
 */
export async function verifyAudit(db: Kysely<DB>, zoneIds: readonly string[] | null): Promise<AuditVerification> {
  // Already inside the caller's transaction: its snapshot is the caller's business.
  if (db.isTransaction) return verifySnapshot(db, zoneIds)
  return db.transaction().execute(async (trx) => {
    // The first statement of the transaction, so the snapshot is taken by the reads below (both databases;
    // Kysely's PGlite driver ignores transaction settings, hence SQL rather than setIsolationLevel()).
    await sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`.execute(trx)
    return verifySnapshot(trx, zoneIds)
  })
}

async function verifySnapshot(db: Kysely<DB>, zoneIds: readonly string[] | null): Promise<AuditVerification> {
  const chains =
    zoneIds === null
      ? await db.selectFrom('audit_chain_heads').select(['chain_key', 'last_seq', 'last_hash']).execute()
      : await db
          .selectFrom('audit_chain_heads')
          .select(['chain_key', 'last_seq', 'last_hash'])
          .where('chain_key', 'in', zoneIds.length ? [...zoneIds] : ['-'])
          .execute()
  let events = 0
  let broken: { id: number | null; reason: NonNullable<AuditVerification['reason']> } | null = null
  const noteBreak = (id: number | null, reason: NonNullable<AuditVerification['reason']>) => {
    if (!broken || (id !== null && (broken.id === null || id < broken.id))) broken = { id, reason }
  }
  for (const chain of chains) {
    const zoneId = chain.chain_key === 'platform' ? null : chain.chain_key
    let prevHash = GENESIS_HASH
    let expectedSeq = 1
    let chainBroken = false
    for (let after = 0; ;) {
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where(zoneId === null ? sql<boolean>`chain_zone_id IS NULL` : sql<boolean>`chain_zone_id = ${zoneId}`)
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(PAGE)
        .execute()
      for (const row of rows) {
        events++
        after = row.seq
        if (chainBroken) continue
        const recomputed = auditHash(row.prev_hash, {
          chainZoneId: row.chain_zone_id,
          seq: row.seq,
          at: row.at,
          actorUserId: row.actor_user_id,
          actorZoneId: row.actor_zone_id,
          action: row.action,
          objectType: row.object_type,
          objectId: row.object_id,
          domain: row.domain,
          details: row.details,
        })
        const reason =
          row.seq !== expectedSeq
            ? 'sequence_gap'
            : row.prev_hash !== prevHash
              ? 'chain_link_broken'
              : recomputed !== row.hash
                ? 'hash_mismatch'
                : null
        if (reason) {
          noteBreak(row.id, reason)
          chainBroken = true
        }
        prevHash = row.hash
        expectedSeq = row.seq + 1
      }
      if (rows.length < PAGE) break
    }
    // A deleted tail leaves the head pointing past the last row.
    if (!chainBroken && (chain.last_seq !== expectedSeq - 1 || chain.last_hash !== prevHash))
      noteBreak(null, 'head_mismatch')
  }
  const found = broken as { id: number | null; reason: NonNullable<AuditVerification['reason']> } | null
  return found
    ? { ok: false, events, firstBrokenId: found.id, reason: found.reason }
    : { ok: true, events, firstBrokenId: null }
}

/** Who acted, for an audit entry: writes go to the chain of the actor's own zone (admins: platform chain). */
export function actorFields(actor: {
  userId: string
  homeZoneId: string | null
  roles: readonly { zoneId: string | null }[]
}): Pick<AuditEntry, 'actorUserId' | 'actorZoneId' | 'chainZoneId'> {
  const zone = actor.homeZoneId ?? actor.roles.find((r) => r.zoneId !== null)?.zoneId ?? null
  return { actorUserId: actor.userId, actorZoneId: zone, chainZoneId: zone }
}

/**
 * Every action the application logs: the audit filter's enum in the OpenAPI document and the web's labels come
 * from this list. A new action is added here first (the web's i18n test then asks for its labels).
 */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'user.create',
  'user.locale_update',
  'agreement.create',
  'agreement.update',
  'agreement.approval_record',
  'agreement.transition',
  'person.read',
  'person.list',
  'audit.list',
  'audit.export',
  'account.create',
  'account.role_grant',
  'account.role_remove',
  'account.disable',
  'account.enable',
  'account.password_reset',
  'user.password_change',
  'user.password_change_failed',
  'restricted.read',
  // availability (issue 8)
  'availability.create',
  'availability.update',
  'availability.delete',
  'preference.create',
  'preference.delete',
  // permanences (issue 8, perm-core)
  'rotation.create',
  'rotation.update',
  'rotation.member_add',
  'rotation.member_end',
  'roster.generate',
  'roster.publish',
  'duty.override',
  // swaps (issue 8)
  'swap.request',
  'swap.take',
  'swap.approve',
  'swap.reject',
  'swap.withdraw',
  // callouts (issue 8)
  'callout.create',
  'callout.update',
  'callout.delete',
  'statement.approve',
  'statement.reopen',
  // alerts (issue 9)
  'assistance.acknowledge',
  // core (issue 9)
  'assistance.request_create',
  'assistance.request_update',
  'assistance.request_transition',
  'assistance.request_approve',
  'assistance.offer_withdraw',
  'assistance.offer_decide',
  'assistance.deployment_add',
  'assistance.deployment_remove',
  'assistance.hours_record',
  'assistance.hours_confirm',
  // lead (issue 9): the association's assistance settings, rates and settlements (in every member zone's chain)
  'assistance.settings_update',
  'assistance.rate_create',
  'assistance.settlement_record',
  // assets (issue 10)
  'equipment.asset_create',
  'equipment.asset_update',
  'equipment.validity_set',
  'equipment.validity_remove',
  // bookings (issue 10): bookings, their lifecycle and handovers (keeper's and borrower's chains), loan terms
  'equipment.booking_create',
  'equipment.booking_approve',
  'equipment.booking_reject',
  'equipment.booking_cancel',
  'equipment.booking_check_out',
  'equipment.booking_check_in',
  'equipment.terms_update',
  // investments (issue 10)
  'investment.create',
  'investment.update',
  'investment.parties_set',
  'investment.assets_set',
  'investment.cost_key_add',
  'investment.cost_key_remove',
  'investment.cost_add',
  'investment.cost_remove',
  // settlements (issue 10): a period's settlement of investments, loan fees and assistance, frozen
  'investment.settlement_record',
  // training sessions (issue 11, train-sessions): the catalogue, sessions, trainer hours
  'training.course.create',
  'training.course.update',
  'training.session.create',
  'training.session.update',
  'training.session.cancel',
  'training.trainer_hours.post',
  // training enrolments (issue 11, train-enrol)
  'training.enrolment.create',
  'training.enrolment.cancel',
  'training.attendance.record',
  // train-compliance (issue 11): a zone's GPI 48 thresholds
  'training.settings_update',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export const isAuditAction = (value: unknown): value is AuditAction =>
  typeof value === 'string' && (AUDIT_ACTIONS as readonly string[]).includes(value)

/** Who acted, as `actorFields` reads it (an `Actor` of the policy fits). */
export type AuditActor = Parameters<typeof actorFields>[0]

/** What an action was about. */
export interface AuditObject {
  type: string
  id?: string | null
}

/** A read of another zone's data and every reason that allowed it (kind + cooperation domain). */
export interface PartnerRead {
  /** The zone whose data was read: the entry goes to its chain. */
  zoneId: string
  action: AuditAction
  reasons: readonly { kind: string; domain: string }[]
  object?: AuditObject
  details?: Record<string, unknown>
}

/**
 * A read of restricted data (DESIGN.md §7): logged in the chain of the zone that owns it, with the reader's
 * justification (checked by `justificationOf`; the database refuses the row without one) and, for a partner
 * zone's reader, every reason that allowed it.
 */
export interface RestrictedRead {
  zoneId: string
  object: AuditObject
  justification: Justification
  reasons?: PartnerRead['reasons']
  details?: Record<string, unknown>
}

/** The distinct domains of some reasons, sorted: `details.domains`, the first one in the `domain` column. */
const domainsOf = (reasons: PartnerRead['reasons']): string[] => [...new Set(reasons.map((r) => r.domain))].sort()

const objectFields = (object: AuditObject | null | undefined) =>
  object ? { objectType: object.type, ...(object.id ? { objectId: object.id } : {}) } : {}

/**
 * The audit API features use (appendAudit stays the primitive underneath). `write` and `partnerReads` write
 * in the caller's transaction, so the entry commits or rolls back with the action it records:
 *
 *   await audit.write(trx, actor, 'agreement.update', { type: 'agreement', id }, { changed }, { chains: parties })
 *   await audit.partnerReads(trx, actor, [{ zoneId, action: 'person.read', reasons, object: { type: 'person', id } }])
 *
 * `entries` and `partnerReadEntries` build the same rows without writing, for one appendAudit call that must
 * lock all its chains in one order (e.g. an export logged in the reader's chain and in every partner chain).
 */
export const audit = {
  /** One entry in the actor's own chain (or, with `chains`, once in each of those chains; null = platform). */
  entries(
    actor: AuditActor,
    action: AuditAction,
    object: AuditObject | null,
    details?: Record<string, unknown>,
    options: { chains?: readonly (string | null)[]; domain?: string } = {},
  ): AuditEntry[] {
    const who = actorFields(actor)
    return [...new Set(options.chains ?? [who.chainZoneId])].map((chainZoneId) => ({
      chainZoneId,
      actorUserId: who.actorUserId,
      actorZoneId: who.actorZoneId,
      action,
      ...objectFields(object),
      ...(options.domain ? { domain: options.domain } : {}),
      ...(details ? { details } : {}),
    }))
  },

  /**
   * Reads of another zone's data (DESIGN.md §7, LED art. 25): one entry per read in the read zone's chain,
   * naming every reason that allowed it (`details.reasons`, `details.domains`; the `domain` column holds the
   * first domain, as rows written before reasons existed do).
   */
  partnerReadEntries(actor: AuditActor, reads: readonly PartnerRead[]): AuditEntry[] {
    const who = actorFields(actor)
    return reads.map((r) => {
      const domains = domainsOf(r.reasons)
      return {
        chainZoneId: r.zoneId,
        actorUserId: who.actorUserId,
        actorZoneId: who.actorZoneId,
        action: r.action,
        ...objectFields(r.object),
        ...(domains[0] ? { domain: domains[0] } : {}),
        details: { ...r.details, domains, reasons: r.reasons.map((x) => ({ kind: x.kind, domain: x.domain })) },
      }
    })
  },

  async write(
    trx: Transaction<DB>,
    actor: AuditActor,
    action: AuditAction,
    object: AuditObject | null,
    details?: Record<string, unknown>,
    options: { chains?: readonly (string | null)[]; domain?: string } = {},
  ): Promise<void> {
    await appendAudit(trx, audit.entries(actor, action, object, details, options))
  },

  /**
   * In the caller's transaction; or, on the root `db`, without one: the entries are then written with those of
   * concurrent callers in one statement (atomic by itself), and this resolves once they are committed.
   */
  async partnerReads(
    trx: Kysely<DB>,
    actor: AuditActor,
    reads: readonly PartnerRead[],
    options: { coalesce?: boolean } = {},
  ): Promise<void> {
    if (reads.length === 0) return
    const entries = audit.partnerReadEntries(actor, reads)
    if (trx.isTransaction) return writeRows(trx, auditRows(entries))
    let batcher = batchers.get(trx)
    if (!batcher) batchers.set(trx, (batcher = autocommitBatcher(trx)))
    const at = now()
    await batcher(
      entries.map((entry) => ({ entry, at })),
      options.coalesce ?? false,
    )
  },

  async restrictedRead(trx: Transaction<DB>, actor: AuditActor, read: RestrictedRead): Promise<void> {
    const [entry] = audit.partnerReadEntries(actor, [
      { zoneId: read.zoneId, action: 'restricted.read', reasons: read.reasons ?? [], object: read.object },
    ])
    await appendAudit(trx, [
      { ...entry!, details: { ...read.details, ...entry!.details, justification: read.justification } },
    ])
  },
}

// board (issue 8): coalescing the reads of a route every duty board asks again and again
type TimedEntry = { entry: AuditEntry; at: Date }

/**
 * Reads that differ only in their time and the people they named (same reader, zone chain, action, object,
 * reasons) become one entry, timed at the first, whose `details.reads` lists every read by the people it named
 * (`[{ personIds, at: [instants] }]`) and whose `details.personIds` is the union (what the audit queries search).
 */
function coalesce(queued: readonly TimedEntry[]): TimedEntry[] {
  const groups = new Map<string, TimedEntry[]>()
  for (const q of queued) {
    const { personIds: _ids, ...rest } = q.entry.details ?? {}
    const e = q.entry
    // Plain JSON.stringify: entries of one call site share their key order (at worst, fewer reads share a row).
    const key = JSON.stringify([
      e.chainZoneId,
      e.actorUserId,
      e.actorZoneId,
      e.action,
      e.objectType,
      e.objectId,
      e.domain,
      rest,
    ])
    const group = groups.get(key)
    if (group) group.push(q)
    else groups.set(key, [q])
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!
    if (group.length === 1) return first
    return {
      at: first.at,
      entry: {
        ...first.entry,
        details: {
          ...first.entry.details,
          personIds: [...new Set(group.flatMap(idsOf))].sort(),
          reads: readsOf(group),
        },
      },
    }
  })
}

const idsOf = (q: TimedEntry): string[] => {
  const ids = q.entry.details?.personIds
  return Array.isArray(ids) ? (ids as unknown[]).map(String) : []
}

/** Every read of a group, by the people it named: `[{ personIds, at: [instant, …] }]`, in order. */
function readsOf(group: readonly TimedEntry[]) {
  const byPeople = new Map<string, { personIds: string[]; at: string[] }>()
  for (const q of group) {
    const personIds = idsOf(q)
    const key = personIds.join(',')
    const reads = byPeople.get(key)
    if (reads) reads.at.push(q.at.toISOString())
    else byPeople.set(key, { personIds, at: [q.at.toISOString()] })
  }
  return [...byPeople.values()]
}
