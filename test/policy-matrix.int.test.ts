// The policy matrix: every route × every role × own zone / partner zone / foreign association.
// Actors are the demo accounts of zone 5373 (BHT); the partner is 5375 (Heusden-Zolder, same association,
// sharing assistance, officer-of-duty and equipment); the foreign zone is 5447 (Het Houtsche). The admin is
// an admin of the BHT + Heusden-Zolder association only.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/server/app.ts'
import { startEventBus, type EventBus } from '../src/server/platform/events.ts'
import { hashPassword } from '../src/server/platform/auth/passwords.ts'
import { addUser } from '../src/server/platform/auth/users.ts'
import { notify } from '../src/server/platform/notifications.ts'
import { makeAgreement, makeUser, type AssociationRef, type ZoneRef } from './factories.ts'
import { startTestApp, type Session, type TestApp } from './harness.ts'

type Target = 'own' | 'partner' | 'foreign'
type Actor = 'anonymous' | 'korpschef' | 'planner' | 'officer' | 'logistics' | 'finance' | 'trainer' | 'dpo' | 'admin'
const ACTORS: Actor[] = [
  'anonymous',
  'korpschef',
  'planner',
  'officer',
  'logistics',
  'finance',
  'trainer',
  'dpo',
  'admin',
]
const TARGETS: Target[] = ['own', 'partner', 'foreign']
const ZONE: Record<Target, string> = { own: '5373', partner: '5375', foreign: '5447' }

let t: TestApp
const sessions = new Map<Actor, Session>()
let foreignPartner: string
let ids: {
  zone: Record<Target, string>
  association: Record<Target, string>
  agreement: Record<Target, string>
  draft: Record<Target, string>
  sharedPerson: Record<Target, string>
  privatePerson: Record<Target, string>
}
// approvals: a fresh draft per (actor, target), so that no case sees a decision another one recorded.
const approvalDrafts = new Map<string, string>()
// accounts: one account per (actor, target) with two roles, so that every allowed actor finds its own to change.
let accountIds: { demo: Record<Target, string>; mine: Map<string, { id: string; officerRoleId: string }> }

beforeAll(async () => {
  t = await startTestApp()
  const db = t.database.db
  await addUser(db, {
    email: 'admin@bht-hz.test',
    displayName: 'Beheerder BHT + HZ',
    role: 'admin',
    zoneCode: null,
    associationCode: 'bht-heusden-zolder',
    personId: null,
    passwordHash: await hashPassword('matrix-admin-password'),
  })
  for (const a of ACTORS) {
    if (a === 'anonymous') continue
    sessions.set(
      a,
      a === 'admin'
        ? await t.login('admin@bht-hz.test', 'matrix-admin-password')
        : await t.login(`${a}.5373@demo.verbond.be`),
    )
  }
  const zone = {} as Record<Target, string>
  for (const target of TARGETS)
    zone[target] = (
      await db.selectFrom('zones').select('id').where('code', '=', ZONE[target]).executeTakeFirstOrThrow()
    ).id
  const assoc = async (code: string) =>
    (await db.selectFrom('associations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id
  const association = {
    own: await assoc('bht-heusden-zolder'),
    partner: await assoc('bht-heusden-zolder'),
    foreign: await assoc('houtsche-tielt'),
  }
  const agreementOf = async (associationId: string) =>
    (
      await db
        .selectFrom('agreements')
        .select('id')
        .where('association_id', '=', associationId)
        .where('status', '=', 'in_force')
        .executeTakeFirstOrThrow()
    ).id
  // A fresh draft per target, made by the demo admin (admin of every demo association).
  const admin = await t.login('admin@demo.verbond.be')
  foreignPartner = (await db.selectFrom('zones').select('id').where('code', '=', '5448').executeTakeFirstOrThrow()).id
  const partyZones = {
    own: [zone.own, zone.partner],
    partner: [zone.own, zone.partner],
    foreign: [zone.foreign, foreignPartner],
  }
  const draft = {} as Record<Target, string>
  for (const target of TARGETS) {
    const res = await admin.request({
      method: 'POST',
      url: '/api/agreements',
      payload: {
        associationId: association[target],
        kind: 'intentieverklaring',
        title: `Matrix ${target}`,
        partyZoneIds: partyZones[target],
        domains: ['training'],
      },
    })
    expect(res.statusCode).toBe(201)
    draft[target] = res.json().id
  }
  const personIn = async (zoneId: string, shared: boolean) =>
    (
      await db
        .selectFrom('people as p')
        .select('p.id')
        .where('p.zone_id', '=', zoneId)
        .where((eb) => {
          const sf = eb
            .selectFrom('visibility_reasons as sf')
            .select('sf.id')
            .whereRef('sf.person_id', '=', 'p.id')
            .where('sf.domain_code', '=', 'permanence.officer_of_duty')
          return shared ? eb.exists(sf) : eb.not(eb.exists(sf))
        })
        .orderBy('p.employee_number')
        .executeTakeFirstOrThrow()
    ).id
  ids = {
    zone,
    association,
    agreement: {
      own: await agreementOf(association.own),
      partner: await agreementOf(association.own),
      foreign: await agreementOf(association.foreign),
    },
    draft,
    sharedPerson: {
      own: await personIn(zone.own, true),
      partner: await personIn(zone.partner, true),
      foreign: await personIn(zone.foreign, true),
    },
    privatePerson: {
      own: await personIn(zone.own, false),
      partner: await personIn(zone.partner, false),
      foreign: await personIn(zone.foreign, false),
    },
  }
  const zoneRef = async (id: string): Promise<ZoneRef> =>
    db.selectFrom('zones').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirstOrThrow()
  const associationRef = async (id: string, zones: ZoneRef[]): Promise<AssociationRef> => ({
    ...(await db
      .selectFrom('associations')
      .select(['id', 'code', 'name'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()),
    zones,
  })
  const parties = {
    own: [await zoneRef(zone.own), await zoneRef(zone.partner)],
    foreign: [await zoneRef(zone.foreign), await zoneRef(foreignPartner)],
  }
  const drafting = {
    own: { association: await associationRef(association.own, parties.own) },
    foreign: { association: await associationRef(association.foreign, parties.foreign) },
  }
  const admins = {
    own: await makeUser(t, 'admin', drafting.own.association),
    foreign: await makeUser(t, 'admin', drafting.foreign.association),
  }
  for (const actor of ACTORS)
    for (const target of TARGETS) {
      const side = target === 'foreign' ? 'foreign' : 'own'
      const draft = await makeAgreement(t, {
        association: drafting[side].association,
        domains: ['training'],
        inForce: false,
        admin: admins[side],
      })
      approvalDrafts.set(`${actor}/${target}`, draft.id)
    }
  const conflict = await makeAgreement(t, {
    association: drafting.own.association,
    domains: ['training'],
    inForce: false,
    admin: admins.own,
  })
  approvalDrafts.set('conflict', conflict.id)
})
// accounts: the targets of the account operations.
beforeAll(async () => {
  const db = t.database.db
  const demo = {} as Record<Target, string>
  const mine = new Map<string, { id: string; officerRoleId: string }>()
  for (const target of TARGETS) {
    demo[target] = (
      await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', `planner.${ZONE[target]}@demo.verbond.be`)
        .executeTakeFirstOrThrow()
    ).id
    for (const actor of ACTORS) {
      const user = await db
        .insertInto('users')
        .values({
          email: `matrix.${actor}.${target}@accounts.test`,
          display_name: `Matrix ${actor} ${target}`,
          password_hash: '$argon2id$unused',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const roles = await db
        .insertInto('user_roles')
        .values(
          ['planner', 'officer'].map((role) => ({
            user_id: user.id,
            role: role as 'planner',
            zone_id: ids.zone[target],
          })),
        )
        .returning(['id', 'role'])
        .execute()
      mine.set(`${actor}/${target}`, { id: user.id, officerRoleId: roles.find((r) => r.role === 'officer')!.id })
    }
  }
  accountIds = { demo, mine }
})
// notifications: one of each actor's own per target, and one of a partner zone's and a foreign zone's user.
const notificationIds = new Map<string, string>()
beforeAll(async () => {
  const db = t.database.db
  const userId = async (email: string) =>
    (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id
  const make = async (recipient: string) => {
    const [id] = await db.transaction().execute((trx) =>
      notify(trx, {
        recipients: [recipient],
        kind: 'agreement.approval_requested',
        params: { title: 'Matrix' },
        object: { type: 'agreement', id: ids.draft.own },
      }),
    )
    if (!id) throw new Error('no notification written')
    return id
  }
  const others = {
    partner: await userId(`planner.${ZONE.partner}@demo.verbond.be`),
    foreign: await userId(`planner.${ZONE.foreign}@demo.verbond.be`),
  }
  for (const actor of ACTORS) {
    if (actor === 'anonymous') continue
    const own = await userId(actor === 'admin' ? 'admin@bht-hz.test' : `${actor}.5373@demo.verbond.be`)
    notificationIds.set(`${actor}/own`, await make(own))
    notificationIds.set(`${actor}/partner`, await make(others.partner))
    notificationIds.set(`${actor}/foreign`, await make(others.foreign))
  }
  notificationIds.set('anonymous/own', await make(others.partner))
  notificationIds.set('anonymous/partner', await make(others.partner))
  notificationIds.set('anonymous/foreign', await make(others.foreign))
})
// events: streaming routes (text/event-stream) are asked over a real socket, of an app on the same database that
// has an event bus; `inject` would wait for the end of a stream that never ends.
let streaming: { app: FastifyInstance; bus: EventBus; base: string }
beforeAll(async () => {
  const bus = await startEventBus(t.database, { databaseUrl: t.databaseUrl, pollMs: 60_000 })
  const app = await buildApp(t.config, t.database, { bus })
  streaming = { app, bus, base: await app.listen({ port: 0, host: '127.0.0.1' }) }
})
afterAll(async () => {
  await streaming?.app.close()
  await streaming?.bus.close()
  await t.close()
})

/** Opens a stream, reads its status and content type, and hangs up. */
async function askStream(url: string, session: Session | undefined): Promise<{ statusCode: number; code?: string }> {
  const res = await fetch(`${streaming.base}${url}`, { headers: session ? { cookie: session.cookie } : {} })
  if (res.status === 200) {
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
    await res.body?.cancel()
    return { statusCode: 200 }
  }
  return { statusCode: res.status, code: ((await res.json()) as { error: { code: string } }).error.code }
}

let loginAttempt = 0
let newAccount = 0
interface Case {
  name: string
  request: (
    target: Target,
    actor: Actor,
  ) => {
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
    url: string
    payload?: Record<string, unknown>
    remoteAddress?: string
  }
  expected: (actor: Actor, target: Target) => number
  /** A text/event-stream route: asked over a socket (askStream). */
  stream?: true
}

const READERS: Actor[] = ['korpschef', 'planner', 'officer', 'logistics', 'finance', 'trainer', 'dpo']
const isZoneUser = (a: Actor) => READERS.includes(a)

// accounts: a korpschef manages their own zone's accounts, the admin those of the association's zones.
const manager = (a: Actor, tg: Target, allowed: number): number =>
  a === 'anonymous'
    ? 401
    : a === 'korpschef'
      ? tg === 'own'
        ? allowed
        : 404
      : a === 'admin'
        ? tg === 'foreign'
          ? 404
          : allowed
        : 403
const mineOf = (a: Actor, tg: Target) => accountIds.mine.get(`${a}/${tg}`)!

const ACCOUNT_CASES: Case[] = [
  {
    name: 'GET /api/accounts',
    request: () => ({ method: 'GET', url: '/api/accounts' }),
    expected: (a) => (a === 'anonymous' ? 401 : a === 'korpschef' || a === 'admin' ? 200 : 403),
  },
  {
    name: 'GET /api/accounts/:id',
    request: (tg) => ({ method: 'GET', url: `/api/accounts/${accountIds.demo[tg]}` }),
    expected: (a, tg) => manager(a, tg, 200),
  },
  {
    name: 'POST /api/accounts',
    request: (tg) => ({
      method: 'POST',
      url: '/api/accounts',
      payload: {
        email: `matrix.new.${++newAccount}@accounts.test`,
        displayName: 'Matrix nieuw',
        roles: [{ role: 'planner', zoneId: ids.zone[tg] }],
      },
    }),
    // Zones are public facts: a role in a zone the actor does not manage is refused, not hidden.
    expected: (a, tg) => (manager(a, tg, 201) === 404 ? 403 : manager(a, tg, 201)),
  },
  {
    name: 'POST /api/accounts/:id/roles',
    request: (tg, a) => ({
      method: 'POST',
      url: `/api/accounts/${mineOf(a, tg).id}/roles`,
      payload: { role: 'trainer', zoneId: ids.zone[tg] },
    }),
    expected: (a, tg) => manager(a, tg, 201),
  },
  {
    name: 'DELETE /api/accounts/:id/roles/:roleId',
    request: (tg, a) => ({
      method: 'DELETE',
      url: `/api/accounts/${mineOf(a, tg).id}/roles/${mineOf(a, tg).officerRoleId}`,
    }),
    expected: (a, tg) => manager(a, tg, 200),
  },
  {
    name: 'POST /api/accounts/:id/password-reset',
    request: (tg, a) => ({ method: 'POST', url: `/api/accounts/${mineOf(a, tg).id}/password-reset` }),
    expected: (a, tg) => manager(a, tg, 200),
  },
  {
    name: 'POST /api/accounts/:id/disable',
    request: (tg, a) => ({ method: 'POST', url: `/api/accounts/${mineOf(a, tg).id}/disable` }),
    expected: (a, tg) => manager(a, tg, 200),
  },
  {
    name: 'POST /api/accounts/:id/enable',
    request: (tg, a) => ({ method: 'POST', url: `/api/accounts/${mineOf(a, tg).id}/enable` }),
    expected: (a, tg) => manager(a, tg, 200),
  },
  {
    name: 'POST /api/me/password (wrong current password)',
    request: () => ({
      method: 'POST',
      url: '/api/me/password',
      payload: { currentPassword: 'not-it', newPassword: 'a long new password' },
    }),
    expected: (a) => (a === 'anonymous' ? 401 : 422),
  },
]

const CASES: Case[] = [
  { name: 'GET /api/zones', request: () => ({ method: 'GET', url: '/api/zones' }), expected: () => 200 },
  {
    name: 'GET /api/zones/:code',
    request: (tg) => ({ method: 'GET', url: `/api/zones/${ZONE[tg]}` }),
    expected: () => 200,
  },
  { name: 'GET /api/associations', request: () => ({ method: 'GET', url: '/api/associations' }), expected: () => 200 },
  { name: 'GET /api/domains', request: () => ({ method: 'GET', url: '/api/domains' }), expected: () => 200 },
  {
    name: 'GET /api/associations/:id/figures',
    request: (tg) => ({ method: 'GET', url: `/api/associations/${ids.association[tg]}/figures` }),
    expected: (a, tg) => (a === 'anonymous' ? 401 : tg !== 'foreign' ? 200 : 404),
  },
  { name: 'GET /api/health', request: () => ({ method: 'GET', url: '/api/health' }), expected: () => 200 },
  { name: 'GET /api/ping', request: () => ({ method: 'GET', url: '/api/ping' }), expected: () => 200 },
  {
    name: 'POST /api/auth/login (wrong password)',
    // Each attempt from its own address, to a different account: this checks the answer, not throttling.
    request: (tg) => ({
      method: 'POST',
      url: '/api/auth/login',
      payload: {
        email: `${['officer', 'planner', 'trainer'][TARGETS.indexOf(tg)]}.5375@demo.verbond.be`,
        password: 'not-it',
      },
      remoteAddress: `10.44.${TARGETS.indexOf(tg)}.${++loginAttempt}`,
    }),
    expected: () => 401,
  },
  {
    name: 'GET /api/me',
    request: () => ({ method: 'GET', url: '/api/me' }),
    expected: (a) => (a === 'anonymous' ? 401 : 200),
  },
  {
    name: 'GET /api/agreements',
    request: () => ({ method: 'GET', url: '/api/agreements' }),
    expected: (a) => (a === 'anonymous' ? 401 : 200),
  },
  {
    name: 'GET /api/agreements/:id',
    request: (tg) => ({ method: 'GET', url: `/api/agreements/${ids.agreement[tg]}` }),
    expected: (a, tg) => (a === 'anonymous' ? 401 : tg !== 'foreign' ? 200 : 404),
  },
  {
    name: 'POST /api/agreements',
    request: (tg) => ({
      method: 'POST',
      url: '/api/agreements',
      payload: {
        associationId: ids.association[tg],
        kind: 'intentieverklaring',
        title: 'Matrix nieuw',
        partyZoneIds: tg === 'foreign' ? [ids.zone.foreign, foreignPartner] : [ids.zone.own, ids.zone.partner],
        domains: ['training'],
      },
    }),
    expected: (a, tg) =>
      a === 'anonymous' ? 401 : a === 'korpschef' || a === 'admin' ? (tg === 'foreign' ? 403 : 201) : 403,
  },
  {
    name: 'PATCH /api/agreements/:id',
    request: (tg) => ({ method: 'PATCH', url: `/api/agreements/${ids.draft[tg]}`, payload: { summary: 'Matrix' } }),
    expected: (a, tg) =>
      a === 'anonymous' ? 401 : a !== 'korpschef' && a !== 'admin' ? 403 : tg === 'foreign' ? 404 : 200,
  },
  {
    name: 'POST /api/agreements/:id/approvals',
    request: (tg, a) => ({
      method: 'POST',
      url: `/api/agreements/${approvalDrafts.get(`${a}/${tg}`)}/approvals`,
      payload: {
        zoneId: tg === 'partner' ? ids.zone.partner : tg === 'own' ? ids.zone.own : ids.zone.foreign,
        body: 'politiecollege',
        decision: 'approved',
        decidedOn: '2026-01-05',
        // The admin records on a zone's behalf only with the council decision's reference.
        councilDecisionRef: 'Politiecollege 2026/001',
      },
    }),
    // A korpschef records decisions for their own zone only, the admin for any party of its association (each
    // actor on its own fresh draft; a second identical decision is a conflict: see the test below).
    expected: (a, tg) =>
      a === 'anonymous'
        ? 401
        : a === 'korpschef'
          ? ({ own: 201, partner: 403, foreign: 404 } as const)[tg]
          : a === 'admin'
            ? ({ own: 201, partner: 201, foreign: 404 } as const)[tg]
            : 403,
  },
  {
    name: 'POST /api/agreements/:id/transitions',
    request: (tg) => ({
      method: 'POST',
      url: `/api/agreements/${ids.agreement[tg]}/transitions`,
      payload: { to: 'in_approval' },
    }),
    // In force cannot go back to approval: the transition rule answers once the actor is allowed.
    expected: (a, tg) =>
      a === 'anonymous' ? 401 : a !== 'korpschef' && a !== 'admin' ? 403 : tg === 'foreign' ? 404 : 409,
  },
  {
    name: 'GET /api/people',
    request: (tg) => ({ method: 'GET', url: `/api/people?zoneId=${ids.zone[tg]}` }),
    expected: (a) => (a === 'anonymous' ? 401 : isZoneUser(a) ? 200 : 403),
  },
  {
    name: 'GET /api/people/:id (shared person)',
    request: (tg) => ({ method: 'GET', url: `/api/people/${ids.sharedPerson[tg]}` }),
    expected: (a, tg) => (a === 'anonymous' ? 401 : !isZoneUser(a) ? 403 : tg === 'foreign' ? 404 : 200),
  },
  {
    name: 'GET /api/people/:id (person not shared)',
    request: (tg) => ({ method: 'GET', url: `/api/people/${ids.privatePerson[tg]}` }),
    expected: (a, tg) => (a === 'anonymous' ? 401 : !isZoneUser(a) ? 403 : tg === 'own' ? 200 : 404),
  },
  {
    name: 'GET /api/audit/verify',
    request: () => ({ method: 'GET', url: '/api/audit/verify' }),
    expected: (a) => (a === 'anonymous' ? 401 : a === 'dpo' ? 200 : 403),
  },
  {
    name: 'GET /api/audit/events',
    request: () => ({ method: 'GET', url: '/api/audit/events' }),
    expected: (a) => (a === 'anonymous' ? 401 : a === 'dpo' ? 200 : 403),
  },
  {
    name: 'GET /api/audit/actors',
    request: () => ({ method: 'GET', url: '/api/audit/actors' }),
    expected: (a) => (a === 'anonymous' ? 401 : a === 'dpo' ? 200 : 403),
  },
  {
    name: 'GET /api/audit/export',
    request: (tg) => ({ method: 'GET', url: `/api/audit/export?zoneId=${ids.zone[tg]}` }),
    // A zone outside the DPO's chains is simply an empty export (the filter narrows, it never widens).
    expected: (a) => (a === 'anonymous' ? 401 : a === 'dpo' ? 200 : 403),
  },
  {
    name: 'PATCH /api/me',
    request: () => ({ method: 'PATCH', url: '/api/me', payload: { locale: 'nl' } }),
    expected: (a) => (a === 'anonymous' ? 401 : 200),
  },
  ...ACCOUNT_CASES,
  // events: every signed-in user may open the stream; what it carries is decided per event
  // (src/server/features/events/domain.ts, tested in events.int.test.ts).
  {
    name: 'GET /api/events',
    request: () => ({ method: 'GET', url: '/api/events' }),
    expected: (a) => (a === 'anonymous' ? 401 : 200),
    stream: true,
  },
  // notifications: every signed-in user has their own; anyone else's answers 404 (own = the actor's own).
  {
    name: 'GET /api/notifications',
    request: () => ({ method: 'GET', url: '/api/notifications' }),
    expected: (a) => (a === 'anonymous' ? 401 : 200),
  },
  {
    name: 'POST /api/notifications/:id/read',
    request: (tg, a) => ({ method: 'POST', url: `/api/notifications/${notificationIds.get(`${a}/${tg}`)}/read` }),
    expected: (a, tg) => (a === 'anonymous' ? 401 : tg === 'own' ? 200 : 404),
  },
  {
    name: 'POST /api/notifications/read-all',
    request: () => ({ method: 'POST', url: '/api/notifications/read-all' }),
    expected: (a) => (a === 'anonymous' ? 401 : 200),
  },
]

describe('policy matrix', () => {
  it('has a row for every operation of the OpenAPI document', () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> }
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    )
    // Signing out would end the shared sessions of the other rows: it has its own test below.
    const ownTest = ['POST /api/auth/logout']
    const covered = (op: string) =>
      ownTest.includes(op) || CASES.some((c) => c.name === op || c.name.startsWith(`${op} `))
    expect(operations.filter((op) => !covered(op))).toEqual([])
  })

  it('POST /api/auth/logout: 401 without a session, 204 for every role with a session of its own', async () => {
    const got: string[] = []
    for (const actor of ACTORS) {
      const session =
        actor === 'anonymous'
          ? null
          : actor === 'admin'
            ? await t.login('admin@bht-hz.test', 'matrix-admin-password')
            : await t.login(`${actor}.5373@demo.verbond.be`)
      const req = { method: 'POST' as const, url: '/api/auth/logout' }
      const res = session ? await session.request(req) : await t.app.inject(req)
      got.push(`${actor}: ${res.statusCode}`)
    }
    expect(got).toEqual(ACTORS.map((a) => `${a}: ${a === 'anonymous' ? 401 : 204}`))
  })

  for (const c of CASES) {
    it(c.name, async () => {
      const got: string[] = []
      const want: string[] = []
      for (const actor of ACTORS) {
        for (const target of TARGETS) {
          const req = c.request(target, actor)
          const session = sessions.get(actor)
          if (c.stream) {
            const res = await askStream(req.url, session)
            got.push(`${actor}/${target}: ${res.statusCode}`)
            want.push(`${actor}/${target}: ${c.expected(actor, target)}`)
            if (res.statusCode >= 400) expect(res.code).toMatch(/^[A-Z_]+$/)
            continue
          }
          const res = session ? await session.request(req) : await t.app.inject(req)
          got.push(`${actor}/${target}: ${res.statusCode}`)
          want.push(`${actor}/${target}: ${c.expected(actor, target)}`)
          if (res.statusCode >= 400) expect(res.json().error.code).toMatch(/^[A-Z_]+$/)
        }
      }
      expect(got).toEqual(want)
    })
  }

  it('answers a second identical approval with a conflict', async () => {
    const decision = {
      zoneId: ids.zone.own,
      body: 'politiecollege',
      decision: 'approved',
      decidedOn: '2026-01-05',
      councilDecisionRef: 'Politiecollege 2026/001',
    }
    const url = `/api/agreements/${approvalDrafts.get('conflict')}/approvals`
    const korpschef = sessions.get('korpschef')!
    expect((await korpschef.request({ method: 'POST', url, payload: decision })).statusCode).toBe(201)
    const second = await sessions.get('admin')!.request({ method: 'POST', url, payload: decision })
    expect(second.statusCode).toBe(409)
    expect(second.json().error.code).toMatch(/^[A-Z_]+$/)
  })

  it('lists never contain another association: agreements and people', async () => {
    for (const actor of READERS) {
      const s = sessions.get(actor)!
      const agreements = (await s.request({ method: 'GET', url: '/api/agreements' })).json().items as {
        associationId: string
      }[]
      expect(agreements.every((a) => a.associationId === ids.association.own)).toBe(true)
      const people = (await s.request({ method: 'GET', url: '/api/people?limit=200' })).json()
      const zoneIds = new Set((people.items as { zoneId: string }[]).map((p) => p.zoneId))
      expect(zoneIds.has(ids.zone.foreign)).toBe(false)
    }
  })

  it('shows a partner person with limited fields and logs the read in the owner zone with the domain', async () => {
    const s = sessions.get('planner')!
    const res = await s.request({ method: 'GET', url: `/api/people/${ids.sharedPerson.partner}` })
    const person = res.json()
    expect(person).toMatchObject({ visibility: 'partner', sharedVia: ['permanence.officer_of_duty'] })
    expect(person).not.toHaveProperty('workEmail')
    expect(person).not.toHaveProperty('employeeNumber')
    expect(person).not.toHaveProperty('fte')
    const logged = await t.database.db
      .selectFrom('audit_events')
      .select(['chain_zone_id', 'domain', 'action'])
      .where('object_id', '=', ids.sharedPerson.partner)
      .where('action', '=', 'person.read')
      .execute()
    expect(logged).toContainEqual({
      chain_zone_id: ids.zone.partner,
      domain: 'permanence.officer_of_duty',
      action: 'person.read',
    })
  })
})
