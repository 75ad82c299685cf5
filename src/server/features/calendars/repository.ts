// All SQL of the calendar feeds: the tokens (0014) and the reads of the duties in force (0012) a feed shows.
import { sql, type Kysely, type Transaction } from 'kysely'
import { registerConstraintCodes } from '../../platform/errors.ts'
import type { DB, Locale } from '../../platform/schema.ts'
import {
  partnerReasons,
  personVisible,
  type VisibilityReason,
  type VisibilityScope,
} from '../../platform/visibility.ts'

type Db = Kysely<DB> | Transaction<DB>

registerConstraintCodes({ calendar_tokens_scope_rotation: 'CALENDAR_SCOPE_INVALID' })

export interface TokenRow {
  id: string
  scope: 'person' | 'rotation'
  rotation_id: string | null
  rotation_name: string | null
  label: string | null
  created_at: Date
  last_used_at: Date | null
}

/** The token's owner as the feed needs them: their zones and administered associations decide what they see. */
export interface FeedOwner {
  userId: string
  locale: Locale
  personId: string | null
  homeZoneId: string | null
  roles: readonly { role: string; zoneId: string | null; associationId: string | null }[]
}

export interface ActiveToken extends FeedOwner {
  id: string
  scope: 'person' | 'rotation'
  rotationId: string | null
  lastUsedAt: Date | null
}

/** Who may see a rotation: its association's admin, or anyone with a zone the rotation covers. */
export interface RotationViewer {
  zoneIds: readonly string[]
  adminAssociationIds: readonly string[]
}

export interface DutyRow {
  rotation_id: string
  rotation_name: string
  rotation_domain: string
  slot_key: string
  position: number
  start: Date
  end: Date
  duty_kind: 'on_call' | 'present'
  recorded_at: Date
  sequence: number
  person_id: string
  person_name: string
  zone_id: string
  zone_name: string
  visible: boolean
  /** The partner reasons that let the viewer see the person ([] for an own zone's). */
  reasons: VisibilityReason[]
}

const tokenColumns = [
  't.id',
  't.scope',
  't.rotation_id',
  'r.name as rotation_name',
  't.label',
  't.created_at',
  't.last_used_at',
] as const

export function calendarsRepository(db: Db) {
  return {
    async activeOf(userId: string): Promise<TokenRow[]> {
      const rows = await db
        .selectFrom('calendar_tokens as t')
        .leftJoin('rotations as r', 'r.id', 't.rotation_id')
        .select(tokenColumns)
        .where('t.user_id', '=', userId)
        .where('t.revoked_at', 'is', null)
        .orderBy('t.created_at')
        .orderBy('t.id')
        .execute()
      return rows
    },

    /** Revokes the user's active feed of that scope (a new URL replaces it); returns how many. */
    async revokeActive(userId: string, scope: 'person' | 'rotation', rotationId: string | null, at: Date) {
      let q = db
        .updateTable('calendar_tokens')
        .set({ revoked_at: at })
        .where('user_id', '=', userId)
        .where('scope', '=', scope)
        .where('revoked_at', 'is', null)
      q = rotationId === null ? q.where('rotation_id', 'is', null) : q.where('rotation_id', '=', rotationId)
      return Number((await q.executeTakeFirst()).numUpdatedRows)
    },

    async insert(row: {
      userId: string
      scope: 'person' | 'rotation'
      rotationId: string | null
      tokenHash: string
      label: string | null
      at: Date
    }): Promise<TokenRow> {
      const { id } = await db
        .insertInto('calendar_tokens')
        .values({
          user_id: row.userId,
          scope: row.scope,
          rotation_id: row.rotationId,
          token_hash: row.tokenHash,
          label: row.label,
          created_at: row.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const created = await db
        .selectFrom('calendar_tokens as t')
        .leftJoin('rotations as r', 'r.id', 't.rotation_id')
        .select(tokenColumns)
        .where('t.id', '=', id)
        .executeTakeFirstOrThrow()
      return created
    },

    /** Revokes one of the user's active feeds; false when it is not theirs, not there, or already revoked. */
    async revoke(userId: string, id: string, at: Date): Promise<boolean> {
      const r = await db
        .updateTable('calendar_tokens')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },

    /** The active feed of a token hash, with its owner; null when unknown, revoked, or the account disabled. */
    async activeByHash(tokenHash: string): Promise<ActiveToken | null> {
      const row = await db
        .selectFrom('calendar_tokens as t')
        .innerJoin('users as u', 'u.id', 't.user_id')
        .leftJoin('people as p', 'p.id', 'u.person_id')
        .select([
          't.id',
          't.scope',
          't.rotation_id',
          't.last_used_at',
          'u.id as user_id',
          'u.locale',
          'u.person_id',
          'p.zone_id as home_zone_id',
          sql<FeedOwner['roles']>`coalesce((SELECT json_agg(json_build_object('role', ur.role, 'zoneId', ur.zone_id,
            'associationId', ur.association_id)) FROM user_roles ur WHERE ur.user_id = u.id), '[]'::json)`.as('roles'),
        ])
        .where('t.token_hash', '=', tokenHash)
        .where('t.revoked_at', 'is', null)
        .where('u.disabled_at', 'is', null)
        .executeTakeFirst()
      if (!row) return null
      return {
        id: row.id,
        scope: row.scope,
        rotationId: row.rotation_id,
        lastUsedAt: row.last_used_at,
        userId: row.user_id,
        locale: row.locale,
        personId: row.person_id,
        homeZoneId: row.home_zone_id,
        roles: row.roles,
      }
    },

    /** Notes a fetch: only when the last one noted is not after `before` (at most one write an hour). */
    async touch(id: string, at: Date, before: Date): Promise<boolean> {
      const r = await db
        .updateTable('calendar_tokens')
        .set({ last_used_at: at })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', before)]))
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },

    /**
     * The rotation, when the viewer may see it; null otherwise (not there, or out of reach: the same answer).
     * The one place that decides it — perm-core's `rotation.read` rule replaces the condition.
     */
    async visibleRotation(viewer: RotationViewer, rotationId: string) {
      const row = await db
        .selectFrom('rotations as r')
        .select(['r.id', 'r.name', 'r.domain_code', 'r.association_id'])
        .where('r.id', '=', rotationId)
        .where((eb) =>
          eb.or([
            eb('r.association_id', 'in', [...viewer.adminAssociationIds, '00000000-0000-0000-0000-000000000000']),
            eb.exists(
              eb
                .selectFrom('rotation_zones as rz')
                .select('rz.zone_id')
                .whereRef('rz.rotation_id', '=', 'r.id')
                .where('rz.zone_id', 'in', [...viewer.zoneIds, '00000000-0000-0000-0000-000000000000']),
            ),
          ]),
        )
        .executeTakeFirst()
      return row ?? null
    },

    /**
     * Duties in force (upper_inf(recorded)) overlapping [from, to): of one person, or of one rotation. Each with
     * the number of earlier versions of its slot position (SEQUENCE) and, for a rotation feed, whether the
     * viewer may see the person (own zone, or a partner reason in force under the rotation's domain).
     */
    async duties(
      filter: { personId: string } | { rotationId: string },
      window: { from: Date; to: Date },
      scope: VisibilityScope,
    ): Promise<DutyRow[]> {
      let q = db
        .selectFrom('duties as d')
        .innerJoin('rotations as r', 'r.id', 'd.rotation_id')
        .innerJoin('people as p', 'p.id', 'd.person_id')
        .innerJoin('zones as z', 'z.id', 'd.zone_id')
        .select((eb) => [
          'd.rotation_id',
          'r.name as rotation_name',
          'r.domain_code as rotation_domain',
          'd.slot_key',
          'd.position',
          sql<Date>`lower(d.period)`.as('start'),
          sql<Date>`upper(d.period)`.as('end'),
          'd.duty_kind',
          sql<Date>`lower(d.recorded)`.as('recorded_at'),
          eb
            .selectFrom('duties as v')
            .select(sql<number>`count(*)::int`.as('n'))
            .whereRef('v.rotation_id', '=', 'd.rotation_id')
            .whereRef('v.slot_key', '=', 'd.slot_key')
            .whereRef('v.position', '=', 'd.position')
            .whereRef('v.id', '<>', 'd.id')
            .$castTo<number>()
            .as('sequence'),
          'd.person_id',
          sql<string>`p.first_name || ' ' || p.last_name`.as('person_name'),
          'd.zone_id',
          'z.name as zone_name',
          sql<boolean>`${personVisible(scope)}`.as('visible'),
          partnerReasons(scope).as('reasons'),
        ])
        .where(sql<boolean>`upper_inf(d.recorded)`)
        .where(sql<boolean>`d.period && tstzrange(${window.from}, ${window.to}, '[)')`)
      q =
        'personId' in filter
          ? q.where('d.person_id', '=', filter.personId)
          : q.where('d.rotation_id', '=', filter.rotationId)
      const rows = await q
        .orderBy(sql`lower(d.period)`)
        .orderBy('d.slot_key')
        .orderBy('d.position')
        .execute()
      return rows.map((r) => ({ ...r, sequence: Number(r.sequence), position: Number(r.position) }))
    },
  }
}
