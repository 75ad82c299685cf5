// Consent (issue 6 §1): an agreement grants access only with what every party approved. The attack from the
// issue: one korpschef widens the domains after both zones approved, and brings the agreement in force alone.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type Session, type TestApp } from '../../../../test/harness.ts'

let t: TestApp
let zones: Record<string, string>
let bht: string
let wvl4: string
let chief5373: Session
let chief5375: Session
let admin: Session
beforeAll(async () => {
  t = await startTestApp()
  zones = Object.fromEntries(
    (await t.database.db.selectFrom('zones').select(['code', 'id']).execute()).map((z) => [z.code, z.id]),
  )
  const association = async (code: string) =>
    (await t.database.db.selectFrom('associations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id
  bht = await association('bht-heusden-zolder')
  wvl4 = await association('wvl4')
  chief5373 = await t.login('korpschef.5373@demo.verbond.be')
  chief5375 = await t.login('korpschef.5375@demo.verbond.be')
  admin = await t.login('admin@demo.verbond.be')
})
afterAll(() => t.close())

const z = (code: string): string => zones[code] ?? ''

const create = (s: Session, payload: Record<string, unknown>) =>
  s.request({
    method: 'POST',
    url: '/api/agreements',
    payload: { associationId: bht, kind: 'intentieverklaring', title: 'Gezamenlijke opleidingen', ...payload },
  })
const approve = (s: Session, id: string, zone: string, extra: Record<string, unknown> = {}) =>
  s.request({
    method: 'POST',
    url: `/api/agreements/${id}/approvals`,
    payload: { zoneId: z(zone), body: 'politiecollege', decision: 'approved', decidedOn: '2026-10-01', ...extra },
  })
const transition = (s: Session, id: string, to: string, extra: Record<string, unknown> = {}) =>
  s.request({ method: 'POST', url: `/api/agreements/${id}/transitions`, payload: { to, ...extra } })
const patch = (s: Session, id: string, payload: Record<string, unknown>) =>
  s.request({ method: 'PATCH', url: `/api/agreements/${id}`, payload })

const chainEvents = (zone: string | null, objectId: string) =>
  t.database.db
    .selectFrom('audit_events')
    .select(['action', 'details', 'actor_user_id'])
    .where('object_id', '=', objectId)
    .where(zone === null ? sql<boolean>`chain_zone_id IS NULL` : sql<boolean>`chain_zone_id = ${z(zone)}`)
    .orderBy('id')
    .execute()

describe('an approval binds one exact content', () => {
  it('refuses the in-force step after one party widened the approved domains alone', async () => {
    const created = await create(chief5373, { partyZoneIds: [z('5373'), z('5375')], domains: ['training'] })
    expect(created.statusCode).toBe(201)
    const id = created.json().id as string
    expect((await approve(chief5373, id, '5373', { body: 'politieraad' })).statusCode).toBe(201)
    const both = await approve(chief5375, id, '5375')
    expect(both.statusCode).toBe(201)
    expect(both.json().consent.map((c: { state: string }) => c.state)).toEqual(['approved', 'approved'])

    // The attack: korpschef.5373 alone widens the domains. The edit is allowed in draft, and voids the approvals.
    const widened = await patch(chief5373, id, { domains: ['training', 'dpo', 'informant_management'] })
    expect(widened.statusCode).toBe(200)
    expect(widened.json()).toMatchObject({ contentVersion: 2 })
    expect(widened.json().consent).toEqual([
      expect.objectContaining({ code: '5373', state: 'outdated' }),
      expect.objectContaining({ code: '5375', state: 'outdated' }),
    ])
    // The superseded approvals stay in the history, marked as such.
    for (const ap of widened.json().approvals)
      expect(ap).toMatchObject({ current: false, contentVersion: 1, supersededReason: 'content_changed' })

    expect((await transition(chief5373, id, 'in_approval')).statusCode).toBe(200)
    const inForce = await transition(chief5373, id, 'in_force')
    expect(inForce.statusCode).toBe(409)
    expect(inForce.json().error).toMatchObject({
      code: 'AGREEMENT_APPROVALS_MISSING',
      details: {
        zones: [
          { zoneId: z('5373'), code: '5373', state: 'outdated' },
          { zoneId: z('5375'), code: '5375', state: 'outdated' },
        ],
      },
    })
    const detail = (await chief5373.request({ method: 'GET', url: `/api/agreements/${id}` })).json()
    expect(detail.status).toBe('in_approval')

    // So the dpo domain is not in force: the 5373 DPO cannot read Heusden-Zolder's audit log.
    const dpo = await t.login('dpo.5373@demo.verbond.be')
    const log = await dpo.request({ method: 'GET', url: `/api/audit/events?zoneId=${z('5375')}` })
    expect(log.statusCode).toBe(200)
    expect(log.json()).toMatchObject({ total: 0, items: [] })

    // Heusden-Zolder's own chain shows what its partner changed, old → new, and which approvals it voided.
    const events = await chainEvents('5375', id)
    expect(events.map((e) => e.action)).toEqual([
      'agreement.create',
      'agreement.approval_record',
      'agreement.approval_record',
      'agreement.update',
      'agreement.transition',
    ])
    expect(events[0]?.details).toMatchObject({ parties: ['5373', '5375'], domains: ['training'] })
    expect(events[3]?.details).toMatchObject({
      changes: { domains: { from: ['training'], to: ['dpo', 'informant_management', 'training'] } },
      contentVersion: { from: 1, to: 2 },
      supersededApprovals: [
        expect.objectContaining({ zone: '5373', contentVersion: 1 }),
        expect.objectContaining({ zone: '5375', contentVersion: 1 }),
      ],
    })

    // Approving the new content, both zones, brings it in force; a second approval of the same body is history.
    expect((await transition(chief5373, id, 'draft')).statusCode).toBe(200)
    expect((await approve(chief5373, id, '5373', { body: 'politieraad', decidedOn: '2026-10-10' })).statusCode).toBe(
      201,
    )
    expect((await approve(chief5375, id, '5375', { decidedOn: '2026-10-12' })).statusCode).toBe(201)
    expect((await transition(chief5373, id, 'in_approval')).statusCode).toBe(200)
    const early = await transition(chief5373, id, 'in_force', { effectiveFrom: '2026-10-11' })
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'AGREEMENT_STARTS_BEFORE_APPROVAL'])
    const ok = await transition(chief5373, id, 'in_force', { effectiveFrom: '2026-10-12' })
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({ status: 'in_force', effectiveFrom: '2026-10-12', contentVersion: 2 })
    expect(ok.json().approvals.filter((a: { current: boolean }) => a.current)).toHaveLength(2)
  })

  it('holds on the admin-only path: the admin records on behalf with the council decision, in that zone’s chain', async () => {
    const id = (await create(admin, { partyZoneIds: [z('5373'), z('5375')], domains: ['training'] })).json()
      .id as string
    const created = (await admin.request({ method: 'GET', url: `/api/agreements/${id}` })).json()
    expect(created.approvalRecordableFor).toEqual([
      { zoneId: z('5373'), onBehalf: true },
      { zoneId: z('5375'), onBehalf: true },
    ])
    const noRef = await approve(admin, id, '5373')
    expect([noRef.statusCode, noRef.json().error.code]).toEqual([422, 'APPROVAL_REFERENCE_REQUIRED'])
    const recorded = await approve(admin, id, '5373', { councilDecisionRef: 'Politiecollege BHT 2026/112' })
    expect(recorded.statusCode).toBe(201)
    expect(recorded.json().approvals[0]).toMatchObject({
      recordedOnBehalf: true,
      councilDecisionRef: 'Politiecollege BHT 2026/112',
      recordedByName: expect.any(String),
      current: true,
    })
    await approve(admin, id, '5375', { councilDecisionRef: 'College HZ 2026/9' })

    // The record is in the zone's own chain, so its DPO (and korpschef) see it.
    const dpo5373 = await t.login('dpo.5373@demo.verbond.be')
    const log = (
      await dpo5373.request({ method: 'GET', url: `/api/audit/events?action=agreement.approval_record&limit=200` })
    ).json().items as { objectId: string; zoneCode: string; details: Record<string, unknown> }[]
    expect(log.filter((e) => e.objectId === id && e.zoneCode === '5373').map((e) => e.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ zone: '5373', onBehalf: true, councilDecisionRef: 'Politiecollege BHT 2026/112' }),
      ]),
    )
    // An admin has no zone: the platform chain keeps their trail too.
    expect((await chainEvents(null, id)).map((e) => e.action)).toEqual([
      'agreement.create',
      'agreement.approval_record',
      'agreement.approval_record',
    ])

    const widened = await patch(admin, id, { domains: ['training', 'dpo'] })
    expect(widened.json().consent.map((c: { state: string }) => c.state)).toEqual(['outdated', 'outdated'])
    expect((await transition(admin, id, 'in_approval')).statusCode).toBe(200)
    const inForce = await transition(admin, id, 'in_force')
    expect([inForce.statusCode, inForce.json().error.code]).toEqual([409, 'AGREEMENT_APPROVALS_MISSING'])
  })

  it('offers a korpschef only their own zone', async () => {
    const id = (await create(chief5373, { partyZoneIds: [z('5373'), z('5375')], domains: ['training'] })).json()
      .id as string
    const detail = (await chief5373.request({ method: 'GET', url: `/api/agreements/${id}` })).json()
    expect(detail.approvalRecordableFor).toEqual([{ zoneId: z('5373'), onBehalf: false }])
    expect((await approve(chief5373, id, '5375')).statusCode).toBe(403)
  })

  it('logs a party change in the chains of old and new parties, and keeps the removed party’s approval', async () => {
    const vlas = await t.login('korpschef.5456@demo.verbond.be')
    const westkust = await t.login('korpschef.5461@demo.verbond.be')
    const id = (
      await create(vlas, {
        associationId: wvl4,
        partyZoneIds: [z('5456'), z('5461')],
        domains: ['equipment'],
        effectiveFrom: '2027-01-01',
      })
    ).json().id as string
    await approve(westkust, id, '5461', { body: 'politieraad' })
    const moved = await patch(vlas, id, { partyZoneIds: [z('5456'), z('5460')] })
    expect(moved.statusCode).toBe(200)
    expect(moved.json().approvals).toEqual([expect.objectContaining({ zoneCode: '5461', current: false })])
    for (const zone of ['5456', '5461', '5460']) {
      const events = await chainEvents(zone, id)
      expect(
        events.map((e) => e.action),
        zone,
      ).toContain('agreement.update')
      expect(events.find((e) => e.action === 'agreement.update')?.details).toMatchObject({
        changes: { parties: { from: ['5456', '5461'], to: ['5456', '5460'] } },
      })
    }
    // The approved start is part of the content: it cannot change on the way in.
    const polder = await t.login('korpschef.5460@demo.verbond.be')
    await approve(vlas, id, '5456', { body: 'politieraad' })
    await approve(polder, id, '5460', { body: 'politieraad' })
    await transition(vlas, id, 'in_approval')
    const other = await transition(vlas, id, 'in_force', { effectiveFrom: '2027-02-01' })
    expect([other.statusCode, other.json().error.code]).toEqual([409, 'AGREEMENT_PERIOD_APPROVED'])
    const ok = await transition(vlas, id, 'in_force')
    expect(ok.json()).toMatchObject({ status: 'in_force', effectiveFrom: '2027-01-01' })
  })

  it('has the database refuse an agreement in force without approvals of its current content', async () => {
    const id = (await create(chief5373, { partyZoneIds: [z('5373'), z('5375')], domains: ['training'] })).json()
      .id as string
    await expect(
      t.database.db
        .transaction()
        .execute((trx) =>
          trx
            .updateTable('agreements')
            .set({ status: 'in_force', effective_from: '2026-10-01' })
            .where('id', '=', id)
            .execute(),
        ),
    ).rejects.toThrow(/without every party's approval/)
  })
})
