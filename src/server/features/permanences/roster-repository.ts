// The SQL of rosters and duties: versions and their draft slots, the bitemporal duty rows, and the inputs a
// roster is solved from (unavailability, preferences, other duties). Instants come back as Date.
import { sql, type Kysely, type Transaction } from 'kysely'
import type { DutyCause } from '../../platform/enums.ts'
import type { DB } from '../../platform/schema.ts'

type Db = Kysely<DB> | Transaction<DB>

const range = (from: Date, to: Date) =>
  sql<string>`tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz)`

export interface DutyRow {
  id: string
  rotation_id: string
  slot_key: string
  position: number
  start: Date
  end: Date
  person_id: string
  zone_id: string
  pinned: boolean
  cause: string
  duty_kind: 'on_call' | 'present'
}

const dutyColumns = sql`d.id, d.rotation_id, d.slot_key, d.position, lower(d.period) AS start, upper(d.period) AS "end",
  d.person_id, d.zone_id, d.pinned, d.cause, d.duty_kind`

export function rosterRepository(db: Db) {
  return {
    // Versions.
    discardDraft: (rotationId: string) =>
      db
        .updateTable('roster_versions')
        .set({ status: 'discarded' })
        .where('rotation_id', '=', rotationId)
        .where('status', '=', 'draft')
        .execute(),

    insertVersion: async (v: { rotationId: string; from: Date; to: Date; by: string; at: Date; solver: unknown }) => {
      const { n } = await db
        .selectFrom('roster_versions')
        .select(sql<number>`coalesce(max(version), 0)::int + 1`.as('n'))
        .where('rotation_id', '=', v.rotationId)
        .executeTakeFirstOrThrow()
      return db
        .insertInto('roster_versions')
        .values({
          rotation_id: v.rotationId,
          version: n,
          status: 'draft',
          horizon: range(v.from, v.to),
          solver: JSON.stringify(v.solver),
          created_by: v.by,
          created_at: v.at,
        })
        .returning(['id', 'version'])
        .executeTakeFirstOrThrow()
    },

    version: (id: string, forUpdate = false) => {
      const q = db
        .selectFrom('roster_versions')
        .select([
          'id',
          'rotation_id',
          'version',
          'status',
          'solver',
          'published_at',
          sql<Date>`lower(horizon)`.as('from'),
          sql<Date>`upper(horizon)`.as('to'),
        ])
        .where('id', '=', id)
      return (forUpdate ? q.forUpdate() : q).executeTakeFirst()
    },

    draftOf: (rotationId: string) =>
      db
        .selectFrom('roster_versions')
        .select('id')
        .where('rotation_id', '=', rotationId)
        .where('status', '=', 'draft')
        .executeTakeFirst(),

    setSolver: (id: string, solver: unknown) =>
      db
        .updateTable('roster_versions')
        .set({ solver: JSON.stringify(solver) })
        .where('id', '=', id)
        .execute(),

    markPublished: (id: string, by: string, at: Date) =>
      db
        .updateTable('roster_versions')
        .set({ status: 'published', published_by: by, published_at: at })
        .where('id', '=', id)
        .execute(),

    insertSlots: async (
      versionId: string,
      slots: readonly {
        slotKey: string
        position: number
        start: Date
        end: Date
        personId: string | null
        pinned: boolean
      }[],
    ) => {
      for (let i = 0; i < slots.length; i += 500)
        await db
          .insertInto('roster_draft_slots')
          .values(
            slots.slice(i, i + 500).map((s) => ({
              roster_version_id: versionId,
              slot_key: s.slotKey,
              position: s.position,
              period: range(s.start, s.end),
              person_id: s.personId,
              pinned: s.pinned,
            })),
          )
          .execute()
    },

    slots: (versionId: string) =>
      sql<{ slot_key: string; position: number; start: Date; end: Date; person_id: string | null; pinned: boolean }>`
        SELECT slot_key, position, lower(period) AS start, upper(period) AS "end", person_id, pinned
          FROM roster_draft_slots WHERE roster_version_id = ${versionId}
         ORDER BY lower(period), slot_key, position`
        .execute(db)
        .then((r) => r.rows),

    // Duties.
    /** Duty rows of a rotation overlapping [from, to) as known now (`asKnownAt` null) or as known at an instant. */
    duties: (rotationId: string, from: Date, to: Date, asKnownAt: Date | null = null) =>
      sql<DutyRow>`
        SELECT ${dutyColumns} FROM duties d
         WHERE d.rotation_id = ${rotationId} AND d.period && ${range(from, to)}
           AND ${asKnownAt ? sql`d.recorded @> ${asKnownAt.toISOString()}::timestamptz` : sql`upper_inf(d.recorded)`}
         ORDER BY lower(d.period), d.slot_key, d.position`
        .execute(db)
        .then((r) => r.rows),

    /** Every duty in force now (of one rotation, or of all) that ends after `after`: what the on-duty index holds. */
    dutiesInForceEndingAfter: (after: Date, rotationId: string | null) =>
      sql<DutyRow>`
        SELECT ${dutyColumns} FROM duties d
         WHERE upper_inf(d.recorded) AND upper(d.period) > ${after.toISOString()}::timestamptz
           ${rotationId ? sql`AND d.rotation_id = ${rotationId}` : sql``}
         ORDER BY lower(d.period), d.position`
        .execute(db)
        .then((r) => r.rows),

    /** Duties in force now of these people in OTHER rotations overlapping [from, to). */
    busy: (personIds: readonly string[], rotationId: string, from: Date, to: Date) =>
      personIds.length === 0
        ? Promise.resolve([] as DutyRow[])
        : sql<DutyRow>`
            SELECT ${dutyColumns} FROM duties d
             WHERE d.person_id = ANY(${[...personIds]}::uuid[]) AND d.rotation_id <> ${rotationId}
               AND d.period && ${range(from, to)} AND upper_inf(d.recorded)`
            .execute(db)
            .then((r) => r.rows),

    /** Ends a row's transaction time now. A row recorded at this very instant was never known at any other: it
     *  is removed instead (an empty `recorded` range would say nothing). */
    closeDuty: async (id: string, at: Date) => {
      const t = at.toISOString()
      await sql`DELETE FROM duties WHERE id = ${id} AND lower(recorded) >= ${t}::timestamptz`.execute(db)
      await sql`UPDATE duties SET recorded = tstzrange(lower(recorded), ${t}::timestamptz) WHERE id = ${id}`.execute(db)
    },

    insertDuty: (d: {
      rotationId: string
      slotKey: string
      position: number
      start: Date
      end: Date
      dutyKind: 'on_call' | 'present'
      personId: string
      zoneId: string
      pinned: boolean
      cause: DutyCause
      versionId: string | null
      causeId: string | null
      at: Date
      by: string
    }) =>
      db
        .insertInto('duties')
        .values({
          rotation_id: d.rotationId,
          slot_key: d.slotKey,
          position: d.position,
          period: range(d.start, d.end),
          duty_kind: d.dutyKind,
          person_id: d.personId,
          zone_id: d.zoneId,
          pinned: d.pinned,
          cause: d.cause,
          roster_version_id: d.versionId,
          cause_id: d.causeId,
          recorded: sql<string>`tstzrange(${d.at.toISOString()}::timestamptz, NULL)`,
          recorded_by: d.by,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),

    /** The period of a slot position: its latest duty row, else the latest published version that planned it. */
    slotPeriod: async (rotationId: string, slotKey: string, position: number) => {
      const duty = await sql<{ start: Date; end: Date }>`
        SELECT lower(period) AS start, upper(period) AS "end" FROM duties
         WHERE rotation_id = ${rotationId} AND slot_key = ${slotKey} AND position = ${position}
         ORDER BY lower(recorded) DESC LIMIT 1`.execute(db)
      if (duty.rows[0]) return duty.rows[0]
      const planned = await sql<{ start: Date; end: Date }>`
        SELECT lower(s.period) AS start, upper(s.period) AS "end" FROM roster_draft_slots s
          JOIN roster_versions v ON v.id = s.roster_version_id
         WHERE v.rotation_id = ${rotationId} AND v.status = 'published' AND s.slot_key = ${slotKey} AND s.position = ${position}
         ORDER BY v.version DESC LIMIT 1`.execute(db)
      return planned.rows[0]
    },

    // Inputs of a solve.
    unavailability: (personIds: readonly string[], from: Date, to: Date) =>
      personIds.length === 0
        ? Promise.resolve([])
        : sql<{ person_id: string; start: Date; end: Date }>`
            SELECT person_id, lower(period) AS start, upper(period) AS "end" FROM unavailability
             WHERE person_id = ANY(${[...personIds]}::uuid[]) AND period && ${range(from, to)}`
            .execute(db)
            .then((r) => r.rows),

    preferences: (personIds: readonly string[], rotationId: string, from: Date, to: Date) =>
      personIds.length === 0
        ? Promise.resolve([])
        : sql<{ person_id: string; start: Date; end: Date; preference: 'wish' | 'rather_not' }>`
            SELECT person_id, lower(period) AS start, upper(period) AS "end", preference FROM duty_preferences
             WHERE person_id = ANY(${[...personIds]}::uuid[]) AND (rotation_id IS NULL OR rotation_id = ${rotationId})
               AND period && ${range(from, to)}`
            .execute(db)
            .then((r) => r.rows),

    /** The user accounts of people (to notify them), with their person id. */
    usersOf: (personIds: readonly string[]) =>
      personIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('users')
            .select(['id', 'person_id'])
            .where('person_id', 'in', [...personIds])
            .where('disabled_at', 'is', null)
            .execute(),

    /** Names and work phones of people (for the draft, the duties and the on-duty answer). */
    people: (personIds: readonly string[]) =>
      personIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('people as p')
            .innerJoin('zones as z', 'z.id', 'p.zone_id')
            .select([
              'p.id',
              'p.zone_id',
              'z.code as zone_code',
              'p.first_name',
              'p.last_name',
              'p.rank',
              'p.work_phone',
            ])
            .where('p.id', 'in', [...personIds])
            .execute(),

    // planner (issue 8): how far each rotation's roster in force reaches (the rotations list shows it)
    publishedUntil: (rotationIds: readonly string[]) =>
      rotationIds.length === 0
        ? Promise.resolve([] as { rotation_id: string; until: Date }[])
        : sql<{ rotation_id: string; until: Date }>`
            SELECT d.rotation_id, max(upper(d.period)) AS until FROM duties d
             WHERE d.rotation_id = ANY(${[...rotationIds]}::uuid[]) AND upper_inf(d.recorded)
             GROUP BY d.rotation_id`
            .execute(db)
            .then((r) => r.rows),

    // planner (issue 8): how many people stand in each rotation on a day (the rotations list shows it)
    memberCounts: (rotationIds: readonly string[], date: string) =>
      rotationIds.length === 0
        ? Promise.resolve([] as { rotation_id: string; members: number }[])
        : sql<{ rotation_id: string; members: number }>`
            SELECT m.rotation_id, count(*)::int AS members FROM rotation_members m
             WHERE m.rotation_id = ANY(${[...rotationIds]}::uuid[]) AND m.period @> ${date}::date
             GROUP BY m.rotation_id`
            .execute(db)
            .then((r) => r.rows),
  }
}

export type RosterRepository = ReturnType<typeof rosterRepository>
