// The briefing's retention (issue 11), with a test clock: an item is purged exactly when its retention after the
// end of its validity has passed (not a day earlier), a restricted one after the zone's shorter period; with its
// targets and reads, and one audit entry per purged item (no content) in the author zone's chain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeBriefingItem } from '../../../../test/briefing.factories.ts'
import { makeAssociation, makePerson, type ZoneRef } from '../../../../test/factories.ts'
import { startTestApp, type TestApp } from '../../../../test/harness.ts'
import { briefingJobs, purgeExpiredItems, RETENTION_JOB } from './retention-jobs.ts'

const DAY = 86_400_000
const END = new Date('2026-04-01T10:00:00Z')
let t: TestApp
let zone: ZoneRef

beforeAll(async () => {
  t = await startTestApp()
  zone = (await makeAssociation(t, { zoneCount: 1 })).zones[0]!
})
afterAll(async () => {
  await t?.close()
})

const exists = async (id: string) =>
  (await t.database.db.selectFrom('briefing_items').select('id').where('id', '=', id).executeTakeFirst()) !== undefined

describe('briefing.retention', () => {
  it('is a daily recurring job', () => {
    expect(briefingJobs()).toEqual([expect.objectContaining({ kind: RETENTION_JOB, every: DAY })])
  })

  it('purges after the retention days (restricted: sooner), not a day earlier, with targets and reads', async () => {
    const db = t.database.db
    await db
      .insertInto('briefing_settings')
      .values({ zone_id: zone.id, retention_days: 10, restricted_retention_days: 3, updated_at: new Date() })
      .execute()
    const from = new Date(END.getTime() - DAY)
    const normal = await makeBriefingItem(t, { zone, from, to: END, title: 'Kermis Bilzen' })
    const wanted = await makeBriefingItem(t, { zone, from, to: END, category: 'wanted_person' })
    const person = await makePerson(t, { zone })
    await db
      .insertInto('briefing_reads')
      .values({ item_id: wanted.id, zone_id: zone.id, person_id: person.id, read_at: from })
      .execute()

    expect(await purgeExpiredItems(db, new Date(END.getTime() + 3 * DAY - 1))).toBe(0)
    expect(await purgeExpiredItems(db, new Date(END.getTime() + 3 * DAY))).toBe(1)
    expect([await exists(wanted.id), await exists(normal.id)]).toEqual([false, true])
    const left = await db.selectFrom('briefing_reads').select('item_id').where('item_id', '=', wanted.id).execute()
    expect(left).toEqual([])
    expect(
      await db.selectFrom('briefing_targets').select('item_id').where('item_id', '=', wanted.id).execute(),
    ).toEqual([])

    expect(await purgeExpiredItems(db, new Date(END.getTime() + 9 * DAY))).toBe(0) // a day earlier: kept
    expect(await purgeExpiredItems(db, new Date(END.getTime() + 10 * DAY))).toBe(1)
    expect(await exists(normal.id)).toBe(false)

    const entries = await db
      .selectFrom('audit_events')
      .select(['object_id', 'details', 'actor_user_id'])
      .where('chain_zone_id', '=', zone.id)
      .where('action', '=', 'briefing.item.purge')
      .orderBy('id')
      .execute()
    expect(entries.map((e) => e.object_id)).toEqual([wanted.id, normal.id])
    expect(entries[0]!.details).toMatchObject({ category: 'wanted_person', zoneId: zone.id })
    expect(JSON.stringify(entries)).not.toContain('Kermis')
  })

  it('uses the defaults (90 days, restricted 30) for a zone without settings', async () => {
    const other = (await makeAssociation(t, { zoneCount: 1 })).zones[0]!
    const item = await makeBriefingItem(t, { zone: other, from: new Date(END.getTime() - DAY), to: END })
    const restricted = await makeBriefingItem(t, {
      zone: other,
      from: new Date(END.getTime() - DAY),
      to: END,
      restricted: true,
    })
    await purgeExpiredItems(t.database.db, new Date(END.getTime() + 30 * DAY))
    expect([await exists(restricted.id), await exists(item.id)]).toEqual([false, true])
    await purgeExpiredItems(t.database.db, new Date(END.getTime() + 90 * DAY))
    expect(await exists(item.id)).toBe(false)
  })
})
