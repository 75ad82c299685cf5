// Calendar feeds: a signed-in user lists, creates and revokes their feed URLs; a calendar app fetches a feed by
// its secret token. The token is shown once, at creation; only its SHA-256 is stored (like a session's). What a
// feed shows is decided at every fetch from the token owner's roles as they are then: a revoked token, a
// disabled account or a rotation no longer in reach answers 404, the same as a token that never existed.
import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import { audit, type PartnerRead } from '../../platform/audit.ts'
import { newToken, tokenHash } from '../../platform/auth/sessions.ts'
import { now, today } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { loadGrants } from '../../platform/grants.ts'
import type { Actor } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { limitDomains, visibilityScope, type VisibilityScope } from '../../platform/visibility.ts'
import { renderFeed, WINDOW_DAYS_AHEAD, WINDOW_DAYS_BACK, type FeedDuty, type FeedScope } from './domain.ts'
import {
  calendarsRepository,
  type ActiveToken,
  type FeedOwner,
  type RotationViewer,
  type TokenRow,
} from './repository.ts'
import type { CalendarFeed, CalendarFeedCreate, CalendarFeedCreated } from './schema.ts'

const DAY_MS = 86_400_000
/** last_used_at is written at most once per this interval: a feed is fetched every few minutes per client. */
const TOUCH_INTERVAL_MS = 3_600_000
/** newToken(): 32 random bytes, base64url. Anything else is not a token (404 without a database read). */
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/

/**
 * Who may see a rotation: the zones of the user's roles (and their own person's zone) and the associations
 * they administer. The rotation is in reach when it covers one of those zones or belongs to one of those
 * associations (repository.visibleRotation). Until perm-core's `rotation.read` rule lands, this is the check.
 */
export function rotationViewer(owner: Pick<FeedOwner, 'homeZoneId' | 'roles'>): RotationViewer {
  const zoneIds = owner.roles.flatMap((r) => (r.zoneId !== null ? [r.zoneId] : []))
  if (owner.homeZoneId !== null) zoneIds.push(owner.homeZoneId)
  return {
    zoneIds: [...new Set(zoneIds)],
    adminAssociationIds: [
      ...new Set(owner.roles.flatMap((r) => (r.role === 'admin' && r.associationId !== null ? [r.associationId] : []))),
    ],
  }
}

const present = (r: TokenRow): CalendarFeed => ({
  id: r.id,
  scope: r.scope,
  rotationId: r.rotation_id,
  rotationName: r.rotation_name,
  label: r.label,
  createdAt: r.created_at.toISOString(),
  lastUsedAt: r.last_used_at?.toISOString() ?? null,
})

export interface FeedResponse {
  body: string
  etag: string
}

export function calendarsService(db: Kysely<DB>, options: { publicUrl: string }) {
  const feedUrl = (token: string) => `${options.publicUrl}/ical/${token}.ics`

  return {
    async list(ctx: PolicyContext): Promise<{ items: CalendarFeed[] }> {
      return { items: (await calendarsRepository(db).activeOf(ctx.actor.userId)).map(present) }
    },

    /** A new feed URL; it replaces the caller's active feed of the same scope (the old URL stops working). */
    create: (ctx: PolicyContext, input: CalendarFeedCreate): Promise<CalendarFeedCreated> => {
      const rotationId = input.rotationId ?? null
      if ((input.scope === 'rotation') !== (rotationId !== null)) throw new AppError('CALENDAR_SCOPE_INVALID')
      return db.transaction().execute(async (trx) => {
        const repo = calendarsRepository(trx)
        const actor: Actor = ctx.actor
        if (rotationId !== null && !(await repo.visibleRotation(rotationViewer(actor), rotationId)))
          throw new AppError('NOT_FOUND')
        const at = now()
        await repo.revokeActive(actor.userId, input.scope, rotationId, at)
        const token = newToken()
        const row = await repo.insert({
          userId: actor.userId,
          scope: input.scope,
          rotationId,
          tokenHash: tokenHash(token),
          label: input.label?.trim() || null,
          at,
        })
        return { ...present(row), url: feedUrl(token) }
      })
    },

    revoke: async (ctx: PolicyContext, id: string): Promise<void> => {
      if (!(await calendarsRepository(db).revoke(ctx.actor.userId, id, now()))) throw new AppError('NOT_FOUND')
    },

    /** The feed of a token, or NOT_FOUND (unknown, revoked, owner disabled, rotation out of reach). */
    async feed(token: string): Promise<FeedResponse> {
      if (!TOKEN_FORMAT.test(token)) throw new AppError('NOT_FOUND')
      const owner = await calendarsRepository(db).activeByHash(tokenHash(token))
      if (!owner) throw new AppError('NOT_FOUND')
      const at = now()
      const window = {
        from: new Date(at.getTime() - WINDOW_DAYS_BACK * DAY_MS),
        to: new Date(at.getTime() + WINDOW_DAYS_AHEAD * DAY_MS),
      }
      const { scope, duties, reads } =
        owner.scope === 'rotation' && owner.rotationId !== null
          ? await rotationFeed(db, owner, owner.rotationId, window)
          : await personFeed(db, owner, window)
      const body = renderFeed({ scope, locale: owner.locale, duties })
      // At most one write an hour per feed: last_used_at, and the partner names it showed (LED art. 25 logging).
      if (!owner.lastUsedAt || at.getTime() - owner.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS)
        await db.transaction().execute(async (trx) => {
          if (await calendarsRepository(trx).touch(owner.id, at, new Date(at.getTime() - TOUCH_INTERVAL_MS)))
            await audit.partnerReads(trx, owner, reads)
        })
      return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` }
    },
  }
}

interface FeedContent {
  scope: FeedScope
  duties: FeedDuty[]
  /** Partner people named in the feed, per partner zone: what the audit log records. */
  reads: PartnerRead[]
}

type Window = { from: Date; to: Date }

/** The owner's own duties ("my duties"): their person's, in any rotation. */
async function personFeed(db: Kysely<DB>, owner: ActiveToken, window: Window): Promise<FeedContent> {
  if (owner.personId === null) return { scope: { kind: 'person' }, duties: [], reads: [] }
  const nobody: VisibilityScope = { ownZoneIds: [], reach: [], date: today() }
  const rows = await calendarsRepository(db).duties({ personId: owner.personId }, window, nobody)
  return { scope: { kind: 'person' }, duties: rows.map(feedDuty), reads: [] }
}

/**
 * A rotation's duties, when the owner still sees the rotation. A person of the owner's zones is named; a
 * partner zone's person only through a visibility reason under the rotation's domain (DESIGN.md §1: names on
 * duty, nothing else); anyone else shows as the zone only.
 */
async function rotationFeed(
  db: Kysely<DB>,
  owner: ActiveToken,
  rotationId: string,
  window: Window,
): Promise<FeedContent> {
  const repo = calendarsRepository(db)
  const rotation = await repo.visibleRotation(rotationViewer(owner), rotationId)
  if (!rotation) throw new AppError('NOT_FOUND')
  const date = today()
  const ownZones = [...new Set(owner.roles.flatMap((r) => (r.zoneId !== null ? [r.zoneId] : [])))]
  const people = limitDomains(visibilityScope(ownZones, await loadGrants(db, ownZones, date), date), [
    rotation.domain_code,
  ])
  const rows = await repo.duties({ rotationId: rotation.id }, window, people)
  const partners = new Map<string, PartnerRead & { personIds: string[] }>()
  for (const r of rows.filter((row) => row.visible && row.reasons.length > 0)) {
    const read = partners.get(r.zone_id) ?? {
      zoneId: r.zone_id,
      action: 'person.list',
      reasons: r.reasons,
      personIds: [],
      object: { type: 'rotation', id: rotation.id },
    }
    if (!read.personIds.includes(r.person_id)) read.personIds.push(r.person_id)
    partners.set(r.zone_id, read)
  }
  return {
    scope: { kind: 'rotation', rotationName: rotation.name },
    duties: rows.map((r) => ({
      ...feedDuty(r),
      person: { name: r.visible ? r.person_name : null, zoneName: r.zone_name },
    })),
    reads: [...partners.values()].map(({ personIds, ...read }) => ({
      ...read,
      details: { via: 'calendar_feed', personIds },
    })),
  }
}

const feedDuty = (r: {
  rotation_id: string
  rotation_name: string
  slot_key: string
  position: number
  start: Date
  end: Date
  duty_kind: 'on_call' | 'present'
  sequence: number
  recorded_at: Date
}): FeedDuty => ({
  rotationId: r.rotation_id,
  rotationName: r.rotation_name,
  slotKey: r.slot_key,
  position: r.position,
  start: r.start,
  end: r.end,
  dutyKind: r.duty_kind,
  sequence: r.sequence,
  recordedAt: r.recorded_at,
})
