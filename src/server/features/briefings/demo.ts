// Demo (issue 11): teams per zone, people in teams, briefing items of every category (briefing helper).
// Every demo zone gets four teams (Interventie, Wijkwerking, Verkeer, Recherche); its operational people are
// spread over them in employee-number order (deterministic). The zones of the demo associations get a handful
// of current items, valid from yesterday to a few days ahead (relative to today): a wanted vehicle with a plate,
// an event in a real municipality of the zone, a working instruction, an officer-safety item, and one restricted
// wanted person with a fictional name; some for the night shift only. No demo agreement lists `briefing`: the
// items are for the own zone. Idempotent: a zone that has teams already is left as it is.
import { sql, type Kysely } from 'kysely'
import { now } from '../../platform/clock.ts'
import type { BriefingCategory, BriefingPriority, Shift } from '../../platform/enums.ts'
import type { DB } from '../../platform/schema.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const TEAMS = [
  { code: 'interventie', name: 'Interventie' },
  { code: 'wijk', name: 'Wijkwerking' },
  { code: 'verkeer', name: 'Verkeer' },
  { code: 'recherche', name: 'Recherche' },
] as const

interface DemoItem {
  category: BriefingCategory
  priority: BriefingPriority
  title: (town: string) => string
  body: (town: string) => string
  shifts: Shift[]
  /** Valid from `from` days to `to` days from now. */
  from: number
  to: number
  teams?: readonly string[]
}

const ITEMS: readonly DemoItem[] = [
  {
    category: 'wanted_vehicle',
    priority: 'urgent',
    title: () => 'Gestolen bestelwagen 1-VBD-482',
    body: (town) =>
      `Witte Ford Transit, nummerplaat 1-VBD-482, gestolen vannacht in ${town}. Mogelijk gebruikt bij inbraken in bedrijfspanden. Bij vaststelling: niet alleen tussenkomen, versterking vragen via de dispatching.`,
    shifts: ['early', 'late', 'night'],
    from: -1,
    to: 4,
  },
  {
    category: 'event',
    priority: 'high',
    title: (town) => `Kermis ${town}: verkeersomleiding en toezicht`,
    body: (town) =>
      `Kermis op het marktplein van ${town} tot zondagavond. Centrum afgesloten voor doorgaand verkeer van 14 tot 2 uur; omleiding via de ring. Extra patrouille te voet tijdens de avonduren, aandacht voor nachtlawaai en dronken sturen bij sluiting.`,
    shifts: ['late', 'night'],
    from: -1,
    to: 3,
    teams: ['interventie', 'verkeer'],
  },
  {
    category: 'working_instruction',
    priority: 'normal',
    title: () => 'Nieuwe werkwijze bodycam: opladen na elke shift',
    body: () =>
      'Vanaf deze week worden de bodycams na elke shift in het laadstation van de wachtzaal geplaatst. Beelden worden automatisch opgeladen; meld een defect meteen aan de logistiek.',
    shifts: ['early', 'late', 'night'],
    from: -2,
    to: 10,
  },
  {
    category: 'officer_safety',
    priority: 'high',
    title: () => 'Agressie tegen politie: gekende persoon met hond',
    body: (town) =>
      `Bij interventies in de woonwijk achter het station van ${town}: bewoner reageerde de voorbije weken agressief en heeft een grote hond los lopen. Altijd met twee ploegen tussenkomen.`,
    shifts: ['night'],
    from: -1,
    to: 6,
  },
  {
    category: 'attention_point',
    priority: 'normal',
    title: () => 'Woninginbraken: extra toezicht bij avondvallen',
    body: (town) =>
      `Reeks woninginbraken in ${town} tussen 17 en 22 uur, telkens via de achterdeur. Zichtbaar patrouilleren in de verkavelingen en verdachte voertuigen controleren.`,
    shifts: ['late', 'night'],
    from: 0,
    to: 7,
    teams: ['interventie', 'wijk'],
  },
  {
    category: 'wanted_person',
    priority: 'urgent',
    title: () => 'Gezocht: Jonas Verlinden (fictief), °1991',
    body: () =>
      'Signalement: 1,85 m, kort donker haar, tatoeage op de rechterhand. Gezocht in het kader van een gerechtelijk onderzoek (seining). Bij aantreffen: vatten en de wachtofficier verwittigen. Mogelijk gewapend.',
    shifts: ['early', 'late', 'night'],
    from: -1,
    to: 5,
  },
]

async function teamsOf(db: Kysely<DB>, zoneId: string): Promise<Map<string, string>> {
  const existing = await db.selectFrom('teams').select(['id', 'code']).where('zone_id', '=', zoneId).execute()
  return new Map(existing.map((r) => [r.code, r.id]))
}

/** Demo (issue 11): teams per zone, people in teams, briefing items of every category (briefing helper). */
export async function seedDemoBriefing(db: Kysely<DB>): Promise<Record<string, number>> {
  const counts = { teams: 0, people: 0, items: 0 }
  const zones = await db.selectFrom('zones').select(['id', 'code']).orderBy('code').execute()
  const inAssociation = new Set(
    (await db.selectFrom('association_memberships').select('zone_id').execute()).map((m) => m.zone_id),
  )
  const at = now()
  for (const zone of zones) {
    if ((await teamsOf(db, zone.id)).size > 0) continue
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('teams')
        .values(TEAMS.map((t) => ({ zone_id: zone.id, code: t.code, name: t.name })))
        .execute()
      counts.teams += TEAMS.length
      const teams = await teamsOf(trx, zone.id)
      const people = await trx
        .selectFrom('people')
        .select('id')
        .where('zone_id', '=', zone.id)
        .where('staff_kind', '=', 'operational')
        .orderBy('employee_number')
        .execute()
      // Intervention is the biggest team: half the people, the rest spread over the three others.
      for (const [i, p] of people.entries()) {
        const code = i % 2 === 0 ? 'interventie' : TEAMS[1 + ((i >> 1) % 3)]!.code
        await trx
          .updateTable('people')
          .set({ team_id: teams.get(code)! })
          .where('id', '=', p.id)
          .execute()
        counts.people += 1
      }
      if (!inAssociation.has(zone.id)) return
      const town =
        (
          await trx
            .selectFrom('municipalities')
            .select('name')
            .where('zone_id', '=', zone.id)
            .where('valid_to', 'is', null)
            .orderBy('name')
            .executeTakeFirst()
        )?.name ?? zone.code
      for (const [i, item] of ITEMS.entries()) {
        const from = new Date(at.getTime() + item.from * DAY)
        const to = new Date(at.getTime() + item.to * DAY)
        const created = new Date(at.getTime() - (i + 1) * HOUR)
        const { id } = await trx
          .insertInto('briefing_items')
          .values({
            zone_id: zone.id,
            category: item.category,
            priority: item.priority,
            title: item.title(town),
            body: item.body(town),
            restricted: item.category === 'wanted_person',
            valid: sql<string>`tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')`,
            shifts: item.shifts,
            created_at: created,
            updated_at: created,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        await trx
          .insertInto('briefing_targets')
          .values(
            item.teams
              ? item.teams.map((code) => ({ item_id: id, zone_id: zone.id, team_id: teams.get(code)! }))
              : [{ item_id: id, zone_id: zone.id, team_id: null }],
          )
          .execute()
        counts.items += 1
      }
    })
  }
  return counts
}
