// briefing (issue 11): the policy matrix's world and fixtures for the shift briefing. Per target zone (own 5373,
// partner 5375 — whose agreement with 5373 does not list `briefing`, so a partner sees nothing —, foreign 5447) an
// item of that zone for that zone, with a photo, written by the own zone's demo officer (so the officer edits it as
// its author, the korpschef and planner as managers), and one to withdraw (again: the same answer). Confirming a
// read is idempotent; settings are put back to the defaults.
import { sql } from 'kysely'
import { PNG_1X1 } from './briefing.factories.ts'
import type { TestApp } from './harness.ts'
import type { Fixture, Target, World, WorldObject } from './policy-matrix.world.ts'

export interface BriefingWorld {
  item: Record<Target, string>
  withdrawable: Record<Target, string>
}

const DAY = 86_400_000

export async function briefingWorld(t: TestApp, zone: World['zone']): Promise<BriefingWorld> {
  const db = t.database.db
  const author = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'officer.5373@demo.verbond.be')
    .executeTakeFirstOrThrow()
  const at = new Date()
  const make = async (tg: Target, title: string) => {
    const { id } = await db
      .insertInto('briefing_items')
      .values({
        zone_id: zone[tg],
        category: 'attention_point',
        priority: 'normal',
        title,
        body: 'Matrix',
        restricted: false,
        valid: sql<string>`tstzrange(${new Date(at.getTime() - DAY).toISOString()}::timestamptz, ${new Date(at.getTime() + 30 * DAY).toISOString()}::timestamptz, '[)')`,
        shifts: ['early', 'late', 'night'],
        photo: PNG_1X1,
        photo_type: 'image/png',
        author_user_id: tg === 'own' ? author.id : null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db.insertInto('briefing_targets').values({ item_id: id, zone_id: zone[tg], team_id: null }).execute()
    return id
  }
  const item = {} as Record<Target, string>
  const withdrawable = {} as Record<Target, string>
  for (const tg of ['own', 'partner', 'foreign'] as const) {
    item[tg] = await make(tg, `Matrix ${tg}`)
    withdrawable[tg] = await make(tg, `Matrix intrekken ${tg}`)
  }
  return { item, withdrawable }
}

const ofZone = (tg: Target): WorldObject => ({ zones: [tg], association: tg === 'foreign' ? 'foreign' : 'own' })
const onItem = (path: string, method: 'GET' | 'POST' = 'GET', payload?: Record<string, unknown>): Fixture => ({
  request: (w, tg) => ({
    method,
    url: `/api/briefing/items/${w.briefing.item[tg]}${path}`,
    ...(payload ? { payload } : {}),
  }),
  object: ofZone,
})

export const BRIEFING_FIXTURES: Record<string, Fixture | Fixture[]> = {
  getBriefingView: {
    request: (w, tg) => ({ method: 'GET', url: `/api/briefing/view?zoneId=${w.zone[tg]}` }),
    object: ofZone,
  },
  listBriefingItems: {
    request: (w, tg) => ({ method: 'GET', url: `/api/briefing/items?zoneId=${w.zone[tg]}` }),
    object: ofZone,
  },
  createBriefingItem: {
    request: (w, tg) => ({
      method: 'POST',
      url: '/api/briefing/items',
      payload: {
        zoneId: w.zone[tg],
        category: 'event',
        priority: 'normal',
        title: 'Matrix nieuw',
        body: '',
        validFrom: new Date(Date.now() + DAY).toISOString(),
        validTo: new Date(Date.now() + 2 * DAY).toISOString(),
        shifts: ['late'],
        targets: [{ zoneId: w.zone[tg] }],
      },
    }),
    object: ofZone,
    ok: 201,
  },
  getBriefingItem: onItem(''),
  updateBriefingItem: {
    request: (w, tg) => ({
      method: 'PATCH',
      url: `/api/briefing/items/${w.briefing.item[tg]}`,
      payload: { priority: 'high' },
    }),
    object: ofZone,
  },
  withdrawBriefingItem: {
    request: (w, tg) => ({ method: 'POST', url: `/api/briefing/items/${w.briefing.withdrawable[tg]}/withdraw` }),
    object: ofZone,
  },
  getBriefingItemPhoto: onItem('/photo'),
  confirmBriefingRead: onItem('/read', 'POST'),
  getBriefingReads: onItem('/reads'),
  listBriefingTeams: {
    request: (w, tg) => ({ method: 'GET', url: `/api/briefing/teams?zoneId=${w.zone[tg]}` }),
    object: ofZone,
  },
  getBriefingSettings: {
    request: (w, tg) => ({ method: 'GET', url: `/api/briefing/settings/${w.zone[tg]}` }),
    object: ofZone,
  },
  setBriefingSettings: {
    request: (w, tg) => ({
      method: 'PUT',
      url: `/api/briefing/settings/${w.zone[tg]}`,
      payload: {
        earlyStart: '06:00',
        lateStart: '14:00',
        nightStart: '22:00',
        retentionDays: 90,
        restrictedRetentionDays: 30,
      },
    }),
    object: ofZone,
  },
}
