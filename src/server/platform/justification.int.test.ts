// Restricted reads: the audit API writes the justification with the read, and the database refuses a
// restricted read logged without one (migration 0009), whatever code path tries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeUser, makeZone } from '../../../test/factories.ts'
import { startTestApp, type TestApp } from '../../../test/harness.ts'
import { appendAudit, audit, verifyAudit } from './audit.ts'
import { parseJustification } from './justification.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const actorOf = (user: { id: string }, zoneId: string) => ({
  userId: user.id,
  homeZoneId: zoneId,
  roles: [{ zoneId }],
})

describe('restricted reads in the audit log', () => {
  it('logs the read in the owning zone chain with the justification and the reasons', async () => {
    const owner = await makeZone(t)
    const reader = await makeZone(t)
    const user = await makeUser(t, 'officer', reader)
    const justification = parseJustification('Dossier 2026/17: verhoor gepland morgen 09:00')
    await t.database.db.transaction().execute((trx) =>
      audit.restrictedRead(trx, actorOf(user, reader.id), {
        zoneId: owner.id,
        object: { type: 'informant', id: 'CI-0042' },
        justification,
        reasons: [{ kind: 'shared_function', domain: 'informant_management' }],
      }),
    )
    const rows = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'object_type', 'object_id', 'actor_user_id', 'domain', 'details'])
      .where('chain_zone_id', '=', owner.id)
      .execute()
    expect(rows).toEqual([
      {
        action: 'restricted.read',
        object_type: 'informant',
        object_id: 'CI-0042',
        actor_user_id: user.id,
        domain: 'informant_management',
        details: {
          justification,
          domains: ['informant_management'],
          reasons: [{ kind: 'shared_function', domain: 'informant_management' }],
        },
      },
    ])
    expect((await verifyAudit(t.database.db, [owner.id])).ok).toBe(true)
  })

  it('has the database refuse a restricted read logged without a justification, and keep nothing of it', async () => {
    const zone = await makeZone(t)
    for (const details of [{}, { justification: '   te kort ' }, { justification: null }]) {
      const write = t.database.db.transaction().execute((trx) =>
        appendAudit(trx, [
          {
            chainZoneId: zone.id,
            actorUserId: null,
            actorZoneId: zone.id,
            action: 'restricted.read',
            objectType: 'informant',
            objectId: 'CI-0001',
            details,
          },
        ]),
      )
      await expect(write).rejects.toMatchObject({ code: '23514', constraint: 'audit_events_restricted_justified' })
    }
    const left = await t.database.db
      .selectFrom('audit_events')
      .select('id')
      .where('chain_zone_id', '=', zone.id)
      .execute()
    expect(left).toEqual([])
  })
})
