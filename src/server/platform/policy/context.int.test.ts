// The request's policy context: the grants and memberships are loaded once (one promise), only when asked, and
// through a transaction when first asked inside one (on PGlite the root db there is a re-entry error).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeAgreement, makeAssociation, type AssociationRef } from '../../../../test/factories.ts'
import { startTestApp, type TestApp } from '../../../../test/harness.ts'
import type { Actor } from '../policy.ts'
import { decide, scope } from '../policy.ts'
import { policyContext } from './context.ts'

let t: TestApp
let association: AssociationRef
let agreementId: string
beforeAll(async () => {
  t = await startTestApp()
  association = await makeAssociation(t)
  agreementId = (await makeAgreement(t, { association, domains: ['assistance'] })).id
})
afterAll(() => t.close())

const actor = (role: Actor['roles'][number]): Actor => ({
  userId: '00000000-0000-0000-0000-000000000001',
  email: 'x@test',
  displayName: 'X',
  locale: 'nl',
  personId: null,
  homeZoneId: null,
  roles: [role],
})

describe('policy context', () => {
  it('loads the agreements in force once per context', async () => {
    const [a, b] = association.zones
    const ctx = policyContext(
      t.database.db,
      actor({ role: 'planner', zoneId: a!.id, associationId: null }),
      '2026-03-02',
    )
    const first = ctx.grants()
    expect(ctx.grants()).toBe(first)
    expect((await first).map((g) => g.agreementId)).toEqual([agreementId])
    await t.database.db.transaction().execute(async (trx) => {
      expect(ctx.on(trx).grants()).toBe(first)
    })
    const decision = await decide(ctx, 'person.read', { zoneIds: [b!.id], domains: ['assistance'] })
    expect(decision).toEqual({ allowed: true, basis: 'partner', agreementId, domain: 'assistance' })
    expect(ctx.grants()).toBe(first)
  })

  it('loads through the transaction when first asked inside one', async () => {
    const admin = actor({ role: 'admin', zoneId: null, associationId: association.id })
    const ctx = policyContext(t.database.db, admin, '2026-03-02')
    const zoneIds = await t.database.db
      .transaction()
      .execute(async (trx) => (await scope(ctx.on(trx), 'account.manage')).zoneIds)
    expect(zoneIds.sort()).toEqual(association.zones.map((z) => z.id).sort())
    expect((await ctx.memberships()).map((m) => m.associationId)).toEqual([association.id, association.id])
  })

  it('loads nothing for a rule that needs no grants', async () => {
    const ctx = policyContext(
      t.database.db,
      actor({ role: 'korpschef', zoneId: association.zones[0]!.id, associationId: null }),
      '2026-03-02',
    )
    // Decided inside a transaction with the root context: it must not touch the database at all.
    const allowed = await t.database.db
      .transaction()
      .execute(async () => (await decide(ctx, 'agreement.manage', { zoneIds: [association.zones[0]!.id] })).allowed)
    expect(allowed).toBe(true)
  })
})
