// All SQL of the shift briefing (issue 11): items and their targets, the view of a zone's shift, read
// confirmations and read status, settings, teams, the reader's person, and the retention purge.
import { sql, type Kysely, type Transaction } from 'kysely'
import type { BriefingCategory, BriefingPriority, PhotoType, Shift } from '../../platform/enums.ts'
import { registerConstraintCodes } from '../../platform/errors.ts'
import type { DB } from '../../platform/schema.ts'
import type { Period } from './domain/shifts.ts'

type Db = Kysely<DB> | Transaction<DB>

registerConstraintCodes({
  briefing_settings_shifts: 'BRIEFING_SETTINGS_INVALID',
  briefing_targets_team: 'BRIEFING_TEAM_INVALID',
  briefing_items_photo_size: 'BRIEFING_PHOTO_INVALID',
})

export interface ItemRow {
  id: string
  zone_id: string
  zone_code: string
  zone_name: string
  category: BriefingCategory
  priority: BriefingPriority
  title: string
  body: string
  restricted: boolean
  valid_from: Date
  valid_to: Date
  shifts: Shift[]
  has_photo: boolean
  author_user_id: string | null
  author_name: string | null
  withdrawn_at: Date | null
  created_at: Date
  updated_at: Date
}

export interface TargetRow {
  item_id: string
  zone_id: string
  zone_code: string
  zone_name: string
  team_id: string | null
  team_code: string | null
  team_name: string | null
}

export interface ItemValues {
  category: BriefingCategory
  priority: BriefingPriority
  title: string
  body: string
  restricted: boolean
  valid: Period
  shifts: readonly Shift[]
}

export interface SettingsRow {
  early_start: string
  late_start: string
  night_start: string
  retention_days: number
  restricted_retention_days: number
}

const range = (p: Period) =>
  sql<string>`tstzrange(${new Date(p.from).toISOString()}::timestamptz, ${new Date(p.to).toISOString()}::timestamptz, '[)')`

const selectItems = (where: ReturnType<typeof sql>, tail: ReturnType<typeof sql> = sql``) => sql<ItemRow>`
  SELECT i.id, i.zone_id, z.code AS zone_code, z.name AS zone_name, i.category, i.priority, i.title, i.body,
         i.restricted, lower(i.valid) AS valid_from, upper(i.valid) AS valid_to, i.shifts,
         i.photo IS NOT NULL AS has_photo, i.author_user_id, u.display_name AS author_name, i.withdrawn_at,
         i.created_at, i.updated_at
    FROM briefing_items i
    JOIN zones z ON z.id = i.zone_id
    LEFT JOIN users u ON u.id = i.author_user_id
   WHERE ${where} ${tail}`

/** urgent → high → normal, newest first. */
const ORDER = sql`ORDER BY CASE i.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 ELSE 2 END, i.created_at DESC, i.id`

export function briefingRepository(db: Db) {
  return {
    async byId(id: string, lock = false): Promise<ItemRow | null> {
      const { rows } = await selectItems(sql`i.id = ${id}`, lock ? sql`FOR UPDATE OF i` : sql``).execute(db)
      return rows[0] ?? null
    },

    async targets(itemIds: readonly string[]): Promise<TargetRow[]> {
      if (itemIds.length === 0) return []
      const { rows } = await sql<TargetRow>`
        SELECT t.item_id, t.zone_id, z.code AS zone_code, z.name AS zone_name, t.team_id, tm.code AS team_code,
               tm.name AS team_name
          FROM briefing_targets t
          JOIN zones z ON z.id = t.zone_id
          LEFT JOIN teams tm ON tm.id = t.team_id AND tm.zone_id = t.zone_id
         WHERE t.item_id IN (${sql.join(itemIds.map((i) => sql`${i}::uuid`))})
         ORDER BY z.code, tm.name NULLS FIRST`.execute(db)
      return rows
    },

    /** Items for zone `zoneId` (and team `teamId`: zone-wide items and that team's) shown in `shift` over `period`. */
    async forView(zoneId: string, teamId: string | null, shift: Shift, period: Period): Promise<ItemRow[]> {
      const team = teamId === null ? sql`` : sql`AND (t.team_id IS NULL OR t.team_id = ${teamId})`
      const { rows } = await selectItems(
        sql`i.withdrawn_at IS NULL AND i.valid && ${range(period)} AND ${shift} = ANY (i.shifts)
            AND EXISTS (SELECT 1 FROM briefing_targets t WHERE t.item_id = i.id AND t.zone_id = ${zoneId} ${team})`,
        ORDER,
      ).execute(db)
      return rows
    },

    /** An author zone's items: current (valid now), upcoming, or past (ended or withdrawn). */
    async ofZone(zoneId: string, state: 'current' | 'upcoming' | 'past', at: Date): Promise<ItemRow[]> {
      const when =
        state === 'current'
          ? sql`i.withdrawn_at IS NULL AND i.valid @> ${at}::timestamptz`
          : state === 'upcoming'
            ? sql`i.withdrawn_at IS NULL AND lower(i.valid) > ${at}`
            : sql`(i.withdrawn_at IS NOT NULL OR upper(i.valid) <= ${at})`
      const { rows } = await selectItems(sql`i.zone_id = ${zoneId} AND ${when}`, sql`${ORDER} LIMIT 200`).execute(db)
      return rows
    },

    async insert(zoneId: string, v: ItemValues, author: { userId: string; personId: string | null }, at: Date) {
      const { id } = await db
        .insertInto('briefing_items')
        .values({
          zone_id: zoneId,
          category: v.category,
          priority: v.priority,
          title: v.title,
          body: v.body,
          restricted: v.restricted,
          valid: range(v.valid),
          shifts: [...v.shifts],
          author_user_id: author.userId,
          author_person_id: author.personId,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return id
    },

    async update(id: string, v: ItemValues, at: Date): Promise<void> {
      await db
        .updateTable('briefing_items')
        .set({
          category: v.category,
          priority: v.priority,
          title: v.title,
          body: v.body,
          restricted: v.restricted,
          valid: range(v.valid),
          shifts: [...v.shifts],
          updated_at: at,
        })
        .where('id', '=', id)
        .execute()
    },

    async setPhoto(id: string, photo: { type: PhotoType; bytes: Buffer } | null): Promise<void> {
      await db
        .updateTable('briefing_items')
        .set({ photo: photo?.bytes ?? null, photo_type: photo?.type ?? null })
        .where('id', '=', id)
        .execute()
    },

    async photo(id: string): Promise<{ photo: Buffer; photo_type: PhotoType } | null> {
      const row = await db
        .selectFrom('briefing_items')
        .select(['photo', 'photo_type'])
        .where('id', '=', id)
        .executeTakeFirst()
      return row?.photo && row.photo_type ? { photo: row.photo, photo_type: row.photo_type } : null
    },

    async setTargets(id: string, targets: readonly { zoneId: string; teamId: string | null }[]): Promise<void> {
      await db.deleteFrom('briefing_targets').where('item_id', '=', id).execute()
      await db
        .insertInto('briefing_targets')
        .values(targets.map((t) => ({ item_id: id, zone_id: t.zoneId, team_id: t.teamId })))
        .execute()
    },

    async withdraw(id: string, userId: string, at: Date): Promise<void> {
      await db
        .updateTable('briefing_items')
        .set({ withdrawn_at: at, withdrawn_by: userId, updated_at: at })
        .where('id', '=', id)
        .execute()
    },

    /** The teams of a zone among `ids` (a team of another zone is not found). */
    async teamsIn(zoneId: string, ids: readonly string[]): Promise<string[]> {
      if (ids.length === 0) return []
      const rows = await db
        .selectFrom('teams')
        .select('id')
        .where('zone_id', '=', zoneId)
        .where('id', 'in', [...ids])
        .execute()
      return rows.map((r) => r.id)
    },

    teams(zoneId: string) {
      return db
        .selectFrom('teams')
        .select(['id', 'code', 'name'])
        .where('zone_id', '=', zoneId)
        .orderBy('name')
        .execute()
    },

    zone(id: string) {
      return db.selectFrom('zones').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirst()
    },

    /** The reader's linked person: zone, staff kind, team. */
    person(id: string) {
      return db
        .selectFrom('people')
        .select(['id', 'zone_id', 'staff_kind', 'team_id'])
        .where('id', '=', id)
        .executeTakeFirst()
    },

    async settings(zoneId: string): Promise<SettingsRow | null> {
      const row = await db
        .selectFrom('briefing_settings')
        .select(['early_start', 'late_start', 'night_start', 'retention_days', 'restricted_retention_days'])
        .where('zone_id', '=', zoneId)
        .executeTakeFirst()
      return row ?? null
    },

    async saveSettings(zoneId: string, s: SettingsRow, userId: string, at: Date): Promise<void> {
      await db
        .insertInto('briefing_settings')
        .values({ zone_id: zoneId, ...s, updated_by: userId, updated_at: at })
        .onConflict((oc) => oc.column('zone_id').doUpdateSet({ ...s, updated_by: userId, updated_at: at }))
        .execute()
    },

    /** Confirms a read once: true when this call recorded it. */
    async confirm(itemId: string, zoneId: string, personId: string, at: Date): Promise<boolean> {
      const rows = await db
        .insertInto('briefing_reads')
        .values({ item_id: itemId, zone_id: zoneId, person_id: personId, read_at: at })
        .onConflict((oc) => oc.columns(['zone_id', 'item_id', 'person_id']).doNothing())
        .returning('item_id')
        .execute()
      return rows.length > 0
    },

    async readsBy(personId: string, itemIds: readonly string[]): Promise<Map<string, Date>> {
      if (itemIds.length === 0) return new Map()
      const rows = await db
        .selectFrom('briefing_reads')
        .select(['item_id', 'read_at'])
        .where('person_id', '=', personId)
        .where('item_id', 'in', [...itemIds])
        .execute()
      return new Map(rows.map((r) => [r.item_id, r.read_at]))
    },

    /**
     * The addressed operational people of each target zone of an item (zone-wide, or the named teams'), with
     * when they confirmed: names are read by the caller only for its own zone.
     */
    async addressees(itemId: string) {
      const { rows } = await sql<{
        zone_id: string
        person_id: string
        name: string
        team: string | null
        read_at: Date | null
      }>`
        SELECT p.zone_id, p.id AS person_id, p.last_name || ' ' || p.first_name AS name, tm.name AS team, r.read_at
          FROM people p
          LEFT JOIN teams tm ON tm.id = p.team_id
          LEFT JOIN briefing_reads r ON r.item_id = ${itemId} AND r.person_id = p.id AND r.zone_id = p.zone_id
         WHERE p.staff_kind = 'operational'
           AND (p.employed_to IS NULL OR p.employed_to >= CURRENT_DATE)
           AND EXISTS (SELECT 1 FROM briefing_targets t
                        WHERE t.item_id = ${itemId} AND t.zone_id = p.zone_id
                          AND (t.team_id IS NULL OR t.team_id = p.team_id))
         ORDER BY p.zone_id, p.last_name, p.first_name`.execute(db)
      return rows
    },

    /** Per item: confirmed reads and addressed operational people, over all its target zones. */
    async readCounts(itemIds: readonly string[]): Promise<Map<string, { read: number; total: number }>> {
      if (itemIds.length === 0) return new Map()
      const { rows } = await sql<{ item_id: string; read: number; total: number }>`
        SELECT i.id AS item_id,
               (SELECT count(*)::int FROM briefing_reads r WHERE r.item_id = i.id) AS read,
               (SELECT count(*)::int FROM people p
                 WHERE p.staff_kind = 'operational'
                   AND (p.employed_to IS NULL OR p.employed_to >= CURRENT_DATE)
                   AND EXISTS (SELECT 1 FROM briefing_targets t
                                WHERE t.item_id = i.id AND t.zone_id = p.zone_id
                                  AND (t.team_id IS NULL OR t.team_id = p.team_id))) AS total
          FROM briefing_items i
         WHERE i.id IN (${sql.join(itemIds.map((i) => sql`${i}::uuid`))})`.execute(db)
      return new Map(rows.map((r) => [r.item_id, { read: Number(r.read), total: Number(r.total) }]))
    },

    /**
     * Items whose retention ended at `at`: their end (validity, or the withdrawal when earlier) plus the author
     * zone's retention days (restricted: its shorter days; defaults without settings) lies at or before `at`.
     * Deleted with their targets and reads (cascade); returns what the audit entry names.
     */
    async purge(at: Date, limit: number) {
      const { rows } = await sql<{ id: string; zone_id: string; category: BriefingCategory; restricted: boolean }>`
        DELETE FROM briefing_items WHERE id IN (
          SELECT i.id FROM briefing_items i
            LEFT JOIN briefing_settings s ON s.zone_id = i.zone_id
           WHERE least(upper(i.valid), coalesce(i.withdrawn_at, upper(i.valid)))
                 + make_interval(days => CASE WHEN i.restricted THEN coalesce(s.restricted_retention_days, 30)
                                              ELSE coalesce(s.retention_days, 90) END) <= ${at}
           ORDER BY i.id LIMIT ${limit} FOR UPDATE OF i SKIP LOCKED)
        RETURNING id, zone_id, category, restricted`.execute(db)
      return rows
    },
  }
}
