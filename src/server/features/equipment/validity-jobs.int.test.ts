// The daily reminder of lapsing validities (issue 10), on a real database: a validity lapsing within 30 days
// notifies the keeping zone's logistics staff and korpschef once (not its officers, not another zone), is marked
// reminded, and is reminded again only after a new date; lapsed, far-off and retired assets' validities are not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeAsset } from '../../../../test/equipment.factories.ts'
import { makeAssociation, makeUser, type UserRef, type ZoneRef } from '../../../../test/factories.ts'
import { startTestApp, type TestApp } from '../../../../test/harness.ts'
import { remindLapsingValidities, equipmentJobs, VALIDITY_REMINDER_JOB } from './validity-jobs.ts'

const NOW = new Date('2026-06-01T03:00:00Z') // the job's run, early on 1 June in Brussels
let t: TestApp
let zone: ZoneRef
let logistics: UserRef, korpschef: UserRef, officer: UserRef, elsewhere: UserRef

beforeAll(async () => {
  t = await startTestApp()
  const association = await makeAssociation(t, { zoneCount: 2 })
  zone = association.zones[0]!
  logistics = await makeUser(t, 'logistics', zone)
  korpschef = await makeUser(t, 'korpschef', zone)
  officer = await makeUser(t, 'officer', zone)
  elsewhere = await makeUser(t, 'logistics', association.zones[1]!)
})
afterAll(async () => {
  await t?.close()
})

const notifiedAbout = async (assetId: string) =>
  (
    await t.database.db
      .selectFrom('notifications')
      .select(['user_id', 'kind', 'params'])
      .where('object_type', '=', 'asset')
      .where('object_id', '=', assetId)
      .execute()
  ).sort((x, y) => x.user_id.localeCompare(y.user_id))

describe('equipment.validity_reminders', () => {
  it('is a daily recurring job', () => {
    expect(equipmentJobs()).toEqual([expect.objectContaining({ kind: VALIDITY_REMINDER_JOB, every: 86_400_000 })])
  })

  it('reminds a lapsing validity once, to the keeping zone’s logistics and korpschef, and again after a new date', async () => {
    const soon = await makeAsset(t, {
      zone,
      name: 'Radar Kust',
      identifier: 'R-001',
      validities: [{ kind: 'calibration', validUntil: '2026-06-11' }],
    })
    const edge = await makeAsset(t, { zone, validities: [{ kind: 'inspection', validUntil: '2026-07-01' }] })
    const far = await makeAsset(t, { zone, validities: [{ kind: 'inspection', validUntil: '2026-07-03' }] })
    const lapsed = await makeAsset(t, { zone, validities: [{ kind: 'inspection', validUntil: '2026-05-31' }] })
    const retired = await makeAsset(t, {
      zone,
      status: 'retired',
      validities: [{ kind: 'inspection', validUntil: '2026-06-05' }],
    })

    expect(await remindLapsingValidities(t.database.db, NOW)).toBe(2)
    const sent = await notifiedAbout(soon.id)
    expect(sent.map((n) => n.user_id)).toEqual([logistics.id, korpschef.id].sort())
    expect(sent[0]).toMatchObject({
      kind: 'equipment.validity_expiring',
      params: { asset: 'Radar Kust', identifier: 'R-001', validUntil: '2026-06-11' },
    })
    expect(sent.map((n) => n.user_id)).not.toContain(officer.id)
    expect(sent.map((n) => n.user_id)).not.toContain(elsewhere.id)
    expect(await notifiedAbout(edge.id)).toHaveLength(2) // the 30th day ahead is still flagged
    for (const quiet of [far, lapsed, retired]) expect(await notifiedAbout(quiet.id)).toEqual([])

    // The next day: nothing new (marked reminded).
    expect(await remindLapsingValidities(t.database.db, new Date(NOW.getTime() + 86_400_000))).toBe(0)

    // A new date clears the mark: when that one lapses in turn, it is reminded again.
    const session = await t.login(logistics.email, 'factory-password-0f3a9c')
    const res = await session.request({
      method: 'PUT',
      url: `/api/equipment/assets/${soon.id}/validities/calibration`,
      payload: { validUntil: '2026-06-20' },
    })
    expect(res.statusCode).toBe(200)
    expect(await remindLapsingValidities(t.database.db, new Date(NOW.getTime() + 86_400_000))).toBe(1)
    expect(await notifiedAbout(soon.id)).toHaveLength(4)
  })
})
