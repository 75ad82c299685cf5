// briefing (issue 11): factories of the briefing tests. Teams, a CALog person (makePerson makes operational
// people only), a person's team, and briefing items inserted as migration 0020 holds them (each test builds its
// own; the write paths have their own tests through the API).
import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import type { BriefingCategory, BriefingPriority, Shift } from '../src/server/platform/enums.ts'
import type { PersonRef, ZoneRef } from './factories.ts'
import type { TestApp } from './harness.ts'

const unique = () => randomBytes(3).toString('hex')

export interface TeamRef {
  id: string
  zoneId: string
  code: string
  name: string
}

export async function makeTeam(t: TestApp, opts: { zone: ZoneRef; code?: string; name?: string }): Promise<TeamRef> {
  const code = opts.code ?? `team-${unique()}`
  const name = opts.name ?? `Ploeg ${code}`
  const { id } = await t.database.db
    .insertInto('teams')
    .values({ zone_id: opts.zone.id, code, name })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id, zoneId: opts.zone.id, code, name }
}

/** Puts a person in a team of their zone. */
export async function setTeam(t: TestApp, person: PersonRef, team: TeamRef | null): Promise<void> {
  await t.database.db
    .updateTable('people')
    .set({ team_id: team?.id ?? null })
    .where('id', '=', person.id)
    .execute()
}

/** A CALog member of `zone` (administrative and logistics staff: never sees restricted briefing items). */
export async function makeCalogPerson(t: TestApp, opts: { zone: ZoneRef }): Promise<PersonRef> {
  const suffix = unique().toUpperCase()
  const employeeNumber = `${opts.zone.code}-C${suffix}`
  const { id } = await t.database.db
    .insertInto('people')
    .values({
      zone_id: opts.zone.id,
      employee_number: employeeNumber,
      first_name: 'Calog',
      last_name: `Medewerker ${suffix}`,
      staff_kind: 'calog',
      rank: null,
      calog_level: 'C',
      employed_from: '2010-01-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id, zoneId: opts.zone.id, employeeNumber, firstName: 'Calog', lastName: `Medewerker ${suffix}` }
}

export interface BriefingItemRef {
  id: string
  zoneId: string
}

/** A briefing item of `zone` for `targets` (default: its own zone), valid over `from`–`to`, in every shift. */
export async function makeBriefingItem(
  t: TestApp,
  opts: {
    zone: ZoneRef
    from: Date
    to: Date
    targets?: { zone: ZoneRef; teams?: TeamRef[] }[]
    category?: BriefingCategory
    priority?: BriefingPriority
    restricted?: boolean
    shifts?: Shift[]
    title?: string
    body?: string
    photo?: { type: 'image/png' | 'image/jpeg' | 'image/webp'; bytes: Buffer }
    authorUserId?: string
    createdAt?: Date
    withdrawnAt?: Date
  },
): Promise<BriefingItemRef> {
  const db = t.database.db
  const category = opts.category ?? 'attention_point'
  const at = opts.createdAt ?? opts.from
  const { id } = await db
    .insertInto('briefing_items')
    .values({
      zone_id: opts.zone.id,
      category,
      priority: opts.priority ?? 'normal',
      title: opts.title ?? `Testitem ${unique()}`,
      body: opts.body ?? 'Tekst van het testitem.',
      restricted: opts.restricted ?? category === 'wanted_person',
      valid: sql<string>`tstzrange(${opts.from.toISOString()}::timestamptz, ${opts.to.toISOString()}::timestamptz, '[)')`,
      shifts: opts.shifts ?? ['early', 'late', 'night'],
      photo: opts.photo?.bytes ?? null,
      photo_type: opts.photo?.type ?? null,
      author_user_id: opts.authorUserId ?? null,
      withdrawn_at: opts.withdrawnAt ?? null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const targets = opts.targets ?? [{ zone: opts.zone }]
  await db
    .insertInto('briefing_targets')
    .values(
      targets.flatMap((tg): { item_id: string; zone_id: string; team_id: string | null }[] =>
        tg.teams && tg.teams.length > 0
          ? tg.teams.map((team) => ({ item_id: id, zone_id: tg.zone.id, team_id: team.id }))
          : [{ item_id: id, zone_id: tg.zone.id, team_id: null }],
      ),
    )
    .execute()
  return { id, zoneId: opts.zone.id }
}

/** A tiny valid PNG (1×1). */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)
