// Notifications end to end on a real database: the agreement producers notify exactly the right users in the
// transaction of the change; a rollback notifies no one; the API shows and marks a user's own notifications
// only (anyone else's answers 404, like one that does not exist).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  makeAgreement,
  makeAssociation,
  makeUser,
  sessionFor,
  type AssociationRef,
  type UserRef,
} from '../../../../test/factories.ts'
import { startTestApp, type Session, type TestApp } from '../../../../test/harness.ts'
import { notify } from '../../platform/notifications.ts'

let t: TestApp
let association: AssociationRef
let chefs: UserRef[] // korpschef of zones 0, 1, 2; zones 0 and 1 are the parties
let planner: UserRef
let admin: UserRef
let otherAdmin: UserRef
let outsider: UserRef // korpschef of a zone of another association
let adminSession: Session

beforeAll(async () => {
  t = await startTestApp()
  association = await makeAssociation(t, { zoneCount: 3 })
  chefs = []
  for (const zone of association.zones) chefs.push(await makeUser(t, 'korpschef', zone))
  planner = await makeUser(t, 'planner', association.zones[0]!)
  admin = await makeUser(t, 'admin', association)
  otherAdmin = await makeUser(t, 'admin', association)
  const elsewhere = await makeAssociation(t, { zoneCount: 1 })
  outsider = await makeUser(t, 'korpschef', elsewhere.zones[0]!)
  adminSession = await sessionFor(t, admin)
})
afterAll(() => t.close())

const notificationsOf = (agreementId: string) =>
  t.database.db
    .selectFrom('notifications')
    .select(['user_id', 'kind', 'params'])
    .where('object_type', '=', 'agreement')
    .where('object_id', '=', agreementId)
    .orderBy('kind')
    .orderBy('user_id')
    .execute()

const recipientsOf = async (agreementId: string, kind: string) =>
  (await notificationsOf(agreementId))
    .filter((n) => n.kind === kind)
    .map((n) => n.user_id)
    .sort()

const sorted = (...users: UserRef[]) => users.map((u) => u.id).sort()

async function draftBetweenZones01() {
  return makeAgreement(t, {
    association,
    parties: [association.zones[0]!, association.zones[1]!],
    domains: ['training'],
    inForce: false,
    admin,
  })
}

async function transition(id: string, body: Record<string, unknown>) {
  const res = await adminSession.request({ method: 'POST', url: `/api/agreements/${id}/transitions`, payload: body })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<{ title: string; effectiveFrom: string | null; effectiveTo: string | null }>()
}

describe('agreement producers', () => {
  it('to approval: the korpschefs of every party zone, nobody else', async () => {
    const draft = await draftBetweenZones01()
    expect(await notificationsOf(draft.id)).toEqual([])
    const agreement = await transition(draft.id, { to: 'in_approval' })
    expect(await recipientsOf(draft.id, 'agreement.approval_requested')).toEqual(sorted(chefs[0]!, chefs[1]!))
    expect((await notificationsOf(draft.id))[0]?.params).toEqual({ title: agreement.title })
    // This app has no SMTP_URL: the notifications stay in the app, no mail job is even enqueued.
    const mailJobs = await t.database.db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', 'mail.send')
      .where((eb) => eb.ref('payload', '->>').key('kind'), '=', 'agreement.approval_requested')
      .execute()
    expect(mailJobs).toEqual([])
  })

  it('in force and ended: the korpschefs of the parties and the association admins, not the actor', async () => {
    const draft = await draftBetweenZones01()
    await transition(draft.id, { to: 'in_approval' })
    for (const zone of [association.zones[0]!, association.zones[1]!]) {
      const res = await adminSession.request({
        method: 'POST',
        url: `/api/agreements/${draft.id}/approvals`,
        payload: {
          zoneId: zone.id,
          body: 'politieraad',
          decision: 'approved',
          decidedOn: '2026-01-05',
          councilDecisionRef: `Politieraad ${zone.code}/1`,
        },
      })
      expect(res.statusCode, res.body).toBe(201)
    }
    const inForce = await transition(draft.id, { to: 'in_force', effectiveFrom: '2026-02-01' })
    const everyone = sorted(chefs[0]!, chefs[1]!, otherAdmin)
    expect(await recipientsOf(draft.id, 'agreement.in_force')).toEqual(everyone)
    const params = (await notificationsOf(draft.id)).find((n) => n.kind === 'agreement.in_force')?.params
    expect(params).toEqual({ title: inForce.title, effectiveFrom: '2026-02-01' })

    await transition(draft.id, { to: 'ended', effectiveTo: '2099-12-31', reason: 'Vervangen door een nieuw protocol' })
    expect(await recipientsOf(draft.id, 'agreement.ended')).toEqual(everyone)
    const all = (await notificationsOf(draft.id)).map((n) => n.user_id)
    for (const never of [planner, chefs[2]!, outsider, admin]) expect(all).not.toContain(never.id)
  })

  it('an edit that voids approvals: the korpschefs of the zones whose approval was voided', async () => {
    const draft = await draftBetweenZones01()
    const chef0 = await sessionFor(t, chefs[0]!)
    const approve = await chef0.request({
      method: 'POST',
      url: `/api/agreements/${draft.id}/approvals`,
      payload: {
        zoneId: association.zones[0]!.id,
        body: 'politiecollege',
        decision: 'approved',
        decidedOn: '2026-01-05',
      },
    })
    expect(approve.statusCode, approve.body).toBe(201)
    // A change that is not content (the summary) voids nothing and tells no one.
    const summary = await adminSession.request({
      method: 'PATCH',
      url: `/api/agreements/${draft.id}`,
      payload: { summary: 'Alleen de samenvatting' },
    })
    expect(summary.statusCode).toBe(200)
    expect(await notificationsOf(draft.id)).toEqual([])
    const edit = await adminSession.request({
      method: 'PATCH',
      url: `/api/agreements/${draft.id}`,
      payload: { domains: ['training', 'equipment'] },
    })
    expect(edit.statusCode, edit.body).toBe(200)
    expect(await recipientsOf(draft.id, 'agreement.approvals_voided')).toEqual(sorted(chefs[0]!))
  })

  it('a rolled-back write notifies no one: no row, no event, no mail job', async () => {
    const before = await t.database.db
      .selectFrom('outbox_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const failed = t.database.db.transaction().execute(async (trx) => {
      await notify(trx, {
        recipients: [planner.id],
        kind: 'agreement.approval_requested',
        params: { title: 'Teruggedraaid' },
        object: { type: 'agreement', id: '00000000-0000-4000-8000-000000000001' },
      })
      throw new Error('rolled back')
    })
    await expect(failed).rejects.toThrow('rolled back')
    const rows = await t.database.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', planner.id)
      .execute()
    expect(rows).toEqual([])
    const after = await t.database.db
      .selectFrom('outbox_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
  })
})

describe('GET /api/notifications, mark read', () => {
  let mine: UserRef
  let theirs: UserRef
  let ids: string[]
  let theirId: string

  beforeAll(async () => {
    mine = await makeUser(t, 'officer', association.zones[2]!)
    theirs = await makeUser(t, 'officer', association.zones[2]!) // same zone, same role: still not theirs to see
    ids = []
    for (let i = 1; i <= 3; i++)
      ids.push(
        ...(await t.database.db.transaction().execute((trx) =>
          notify(trx, {
            recipients: [mine.id],
            kind: 'agreement.approval_requested',
            params: { title: `Overeenkomst ${i}` },
            object: { type: 'agreement', id: '00000000-0000-4000-8000-00000000000' + i },
          }),
        )),
      )
    ;[theirId = ''] = await t.database.db.transaction().execute((trx) =>
      notify(trx, {
        recipients: [theirs.id],
        kind: 'agreement.approvals_voided',
        params: { title: 'Niet van jou' },
        object: { type: 'agreement', id: '00000000-0000-4000-8000-000000000009' },
      }),
    )
  })

  it('lists only the caller’s own, newest first, with the unread count and paging', async () => {
    const s = await sessionFor(t, mine)
    const res = await s.request({ method: 'GET', url: '/api/notifications?limit=2' })
    expect(res.statusCode).toBe(200)
    const body = res.json<{
      items: { id: string; params: { title: string }; link: string }[]
      total: number
      unreadCount: number
    }>()
    expect(body.total).toBe(3)
    expect(body.unreadCount).toBe(3)
    expect(body.items).toHaveLength(2)
    expect(body.items.map((n) => n.id)).not.toContain(theirId)
    expect(body.items[0]?.link).toMatch(/^\/agreements\/[0-9a-f-]{36}$/)
    const page2 = (await s.request({ method: 'GET', url: '/api/notifications?limit=2&offset=2' })).json<{
      items: { id: string }[]
    }>()
    expect([...body.items, ...page2.items].map((n) => n.id).sort()).toEqual([...ids].sort())
  })

  it('marks one read (idempotent), filters unread, and marks all read; another user’s id answers 404', async () => {
    const s = await sessionFor(t, mine)
    const other = await sessionFor(t, theirs)
    const read = await s.request({ method: 'POST', url: `/api/notifications/${ids[0]}/read` })
    expect(read.statusCode).toBe(200)
    const readAt = read.json<{ readAt: string }>().readAt
    expect(readAt).toBeTruthy()
    const again = await s.request({ method: 'POST', url: `/api/notifications/${ids[0]}/read` })
    expect(again.json<{ readAt: string }>().readAt).toBe(readAt)

    const unread = (await s.request({ method: 'GET', url: '/api/notifications?unread=true' })).json<{
      items: { id: string }[]
      total: number
      unreadCount: number
    }>()
    expect(unread.total).toBe(2)
    expect(unread.unreadCount).toBe(2)
    expect(unread.items.map((n) => n.id)).not.toContain(ids[0])

    // Someone else's: not readable, not markable, and marking all of mine leaves theirs alone.
    const stolen = await other.request({ method: 'POST', url: `/api/notifications/${ids[1]}/read` })
    expect(stolen.statusCode).toBe(404)
    expect(stolen.json().error.code).toBe('NOT_FOUND')
    expect((await s.request({ method: 'POST', url: `/api/notifications/${theirId}/read` })).statusCode).toBe(404)
    const theirList = (await other.request({ method: 'GET', url: '/api/notifications' })).json<{
      items: { id: string }[]
    }>()
    expect(theirList.items.map((n) => n.id)).toEqual([theirId])

    const all = await s.request({ method: 'POST', url: '/api/notifications/read-all' })
    expect(all.json()).toEqual({ updated: 2, unreadCount: 0 })
    expect((await s.request({ method: 'GET', url: '/api/notifications' })).json().unreadCount).toBe(0)
    expect((await other.request({ method: 'GET', url: '/api/notifications' })).json().unreadCount).toBe(1)
  })

  it('answers 401 without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/notifications' })
    expect(res.statusCode).toBe(401)
  })
})
