import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type Session, type TestApp } from '../../../../test/harness.ts'
import { brusselsDate } from '../../platform/time.ts'

let t: TestApp
let chief: Session
let zones: Record<string, string>
let associationId: string
beforeAll(async () => {
  t = await startTestApp()
  chief = await t.login('korpschef.5382@demo.verbond.be')
  zones = Object.fromEntries(
    (await t.database.db.selectFrom('zones').select(['code', 'id']).execute()).map((z) => [z.code, z.id]),
  )
  associationId = (
    await t.database.db
      .selectFrom('associations')
      .select('id')
      .where('code', '=', 'voeren-bhr')
      .executeTakeFirstOrThrow()
  ).id
})
afterAll(() => t.close())

const newAgreement = () =>
  chief.request({
    method: 'POST',
    url: '/api/agreements',
    payload: {
      associationId,
      kind: 'associatieprotocol',
      title: 'Addendum gezamenlijke drone-inzet',
      version: 2,
      partyZoneIds: [zones['5382'], zones['5381']],
      domains: ['equipment', 'assistance'],
    },
  })

describe('agreement lifecycle over HTTP', () => {
  it('creates a draft, edits it, records approvals, brings it into force and ends it', async () => {
    const created = await newAgreement()
    expect(created.statusCode).toBe(201)
    const id = created.json().id as string
    expect(created.json()).toMatchObject({
      status: 'draft',
      version: 2,
      canManage: true,
      inForceNow: false,
      domains: ['assistance', 'equipment'],
    })

    const edited = await chief.request({ method: 'PATCH', url: `/api/agreements/${id}`, payload: { trialMonths: 6 } })
    expect(edited.statusCode).toBe(200)
    expect(edited.json().trialMonths).toBe(6)

    expect(
      (
        await chief.request({
          method: 'POST',
          url: `/api/agreements/${id}/transitions`,
          payload: { to: 'in_approval' },
        })
      ).statusCode,
    ).toBe(200)
    const notYet = await chief.request({
      method: 'POST',
      url: `/api/agreements/${id}/transitions`,
      payload: { to: 'in_force', effectiveFrom: '2026-01-01' },
    })
    expect(notYet.statusCode).toBe(409)
    expect(notYet.json().error.code).toBe('AGREEMENT_APPROVALS_MISSING')

    const voeren = (
      await t.database.db
        .selectFrom('municipalities')
        .select('id')
        .where('nis_code', '=', '73109')
        .executeTakeFirstOrThrow()
    ).id
    const own = await chief.request({
      method: 'POST',
      url: `/api/agreements/${id}/approvals`,
      payload: {
        zoneId: zones['5382'],
        body: 'gemeenteraad',
        municipalityId: voeren,
        decision: 'approved',
        decidedOn: '2025-12-15',
      },
    })
    expect(own.statusCode).toBe(201)
    // The Voeren korpschef cannot record the Bilzen-Hoeselt-Riemst politieraad's decision; that korpschef can.
    const other = { zoneId: zones['5381'], body: 'politieraad', decision: 'approved', decidedOn: '2025-12-18' }
    expect(
      (await chief.request({ method: 'POST', url: `/api/agreements/${id}/approvals`, payload: other })).statusCode,
    ).toBe(403)
    const bhrChief = await t.login('korpschef.5381@demo.verbond.be')
    expect(
      (await bhrChief.request({ method: 'POST', url: `/api/agreements/${id}/approvals`, payload: other })).statusCode,
    ).toBe(201)
    const duplicate = await bhrChief.request({ method: 'POST', url: `/api/agreements/${id}/approvals`, payload: other })
    expect(duplicate.statusCode).toBe(409)
    expect(duplicate.json().error.code).toBe('CONFLICT')

    const inForce = await chief.request({
      method: 'POST',
      url: `/api/agreements/${id}/transitions`,
      payload: { to: 'in_force', effectiveFrom: '2026-01-01' },
    })
    expect(inForce.statusCode).toBe(200)
    expect(inForce.json()).toMatchObject({ status: 'in_force', effectiveFrom: '2026-01-01', trialEndsOn: '2026-06-30' })

    const locked = await chief.request({ method: 'PATCH', url: `/api/agreements/${id}`, payload: { title: 'Nieuw' } })
    expect(locked.statusCode).toBe(409)
    expect(locked.json().error.code).toBe('AGREEMENT_NOT_EDITABLE')

    // Ending needs a reason, and a last day in the past needs the council decision that ended it.
    const end = (payload: Record<string, unknown>) =>
      chief.request({ method: 'POST', url: `/api/agreements/${id}/transitions`, payload: { to: 'ended', ...payload } })
    const noReason = await end({ effectiveTo: '2026-03-31' })
    expect([noReason.statusCode, noReason.json().error.code]).toEqual([400, 'VALIDATION_FAILED'])
    const backdated = await end({ effectiveTo: '2026-03-31', reason: 'Vervangen door het fusieprotocol' })
    expect([backdated.statusCode, backdated.json().error.code]).toEqual([422, 'AGREEMENT_END_BACKDATED'])
    const ended = await end({
      effectiveTo: '2026-03-31',
      reason: 'Vervangen door het fusieprotocol',
      councilDecisionRef: 'Politieraad BHR 2026/07',
    })
    expect(ended.json()).toMatchObject({
      status: 'ended',
      effectiveTo: '2026-03-31',
      endReason: 'Vervangen door het fusieprotocol',
      endDecisionRef: 'Politieraad BHR 2026/07',
    })
    // Every write is in the chain of every party zone.
    for (const zone of [zones['5382'], zones['5381']]) {
      const events = await t.database.db
        .selectFrom('audit_events')
        .select(['action', 'details'])
        .where('object_id', '=', id)
        .where('chain_zone_id', '=', zone!)
        .orderBy('id')
        .execute()
      expect(events.map((a) => a.action)).toEqual([
        'agreement.create',
        'agreement.update',
        'agreement.transition',
        'agreement.approval_record',
        'agreement.approval_record',
        'agreement.transition',
        'agreement.transition',
      ])
      expect(events[6]?.details).toMatchObject({
        from: 'in_force',
        to: 'ended',
        reason: 'Vervangen door het fusieprotocol',
        councilDecisionRef: 'Politieraad BHR 2026/07',
        effectiveTo: { from: null, to: '2026-03-31' },
      })
    }
  })

  it('ends from today on without a council decision', async () => {
    const id = (await newAgreement()).json().id as string
    const admin = await t.login('admin@demo.verbond.be')
    for (const zoneId of [zones['5382'], zones['5381']])
      expect(
        (
          await admin.request({
            method: 'POST',
            url: `/api/agreements/${id}/approvals`,
            payload: {
              zoneId,
              body: 'politiecollege',
              decision: 'approved',
              decidedOn: '2025-12-01',
              councilDecisionRef: 'College 2025/88',
            },
          })
        ).statusCode,
      ).toBe(201)
    for (const to of ['in_approval', 'in_force'])
      expect(
        (await chief.request({ method: 'POST', url: `/api/agreements/${id}/transitions`, payload: { to } })).statusCode,
      ).toBe(200)
    const today = brusselsDate(new Date())
    const ended = await chief.request({
      method: 'POST',
      url: `/api/agreements/${id}/transitions`,
      payload: { to: 'ended', effectiveTo: today, reason: 'Proef niet verlengd' },
    })
    expect(ended.json()).toMatchObject({ status: 'ended', effectiveTo: today, endDecisionRef: null })
  })

  it('rejects a gemeenteraad of another zone and parties outside the association', async () => {
    const id = (await newAgreement()).json().id as string
    const tessenderloHam = (
      await t.database.db
        .selectFrom('municipalities')
        .select('id')
        .where('nis_code', '=', '71071')
        .executeTakeFirstOrThrow()
    ).id
    const res = await chief.request({
      method: 'POST',
      url: `/api/agreements/${id}/approvals`,
      payload: {
        zoneId: zones['5382'],
        body: 'gemeenteraad',
        municipalityId: tessenderloHam,
        decision: 'approved',
        decidedOn: '2025-12-15',
      },
    })
    expect(res.json().error.code).toBe('APPROVAL_MUNICIPALITY_INVALID')
    const outsider = await chief.request({
      method: 'PATCH',
      url: `/api/agreements/${id}`,
      payload: { partyZoneIds: [zones['5382'], zones['5447']] },
    })
    expect(outsider.statusCode).toBe(422)
    expect(outsider.json().error.code).toBe('AGREEMENT_PARTIES_INVALID')
  })

  it('shows the WVL4 protocol with its quoted budget and trial year to its parties only', async () => {
    const vlas = await t.login('planner.5456@demo.verbond.be')
    const list = (await vlas.request({ method: 'GET', url: '/api/agreements' })).json().items as {
      id: string
      associationName: string
    }[]
    expect(new Set(list.map((a) => a.associationName))).toEqual(new Set(['WVL4']))
    const detail = (await vlas.request({ method: 'GET', url: `/api/agreements/${list[0]!.id}` })).json()
    expect(detail).toMatchObject({
      signedOn: '2018-02-02',
      trialEndsOn: '2019-02-01',
      canManage: false,
      keyFigures: {
        budgetOrdinaryCents: 7_215_908_700,
        budgetExtraordinaryCents: 1_691_921_300,
        budgetTotalCents: 8_907_830_000,
        staff: 858,
      },
    })
    expect((await chief.request({ method: 'GET', url: `/api/agreements/${list[0]!.id}` })).statusCode).toBe(404)
  })
})
