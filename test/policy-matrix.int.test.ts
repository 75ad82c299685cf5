// The policy matrix, generated: for every operation of the OpenAPI document × every role × own zone / partner
// zone / foreign association, the expected answer is DERIVED from the operation's policy rule (`x-policy`,
// a row of POLICY in platform/policy.ts): 401 anonymous unless public; 403 when no role of the actor holds the
// rule; 404 when the object is out of the rule's reach (403 when it is still visible through the row's
// `seenThrough` rule); otherwise the operation's own outcome. Only the fixtures are hand-written
// (test/policy-matrix.world.ts: the request, the object it is about, a documented outcome). An operation
// without a rule, or without a fixture, fails here: a new route cannot ship without a policy decision.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/server/app.ts'
import { startEventBus, type EventBus } from '../src/server/platform/events.ts'
import { isRule, POLICY, roleHolds, type Rule, type RuleRow } from '../src/server/platform/policy.ts'
import { startTestApp, type Session } from './harness.ts'
import {
  ACTORS,
  ADMIN,
  buildWorld,
  FIXTURES,
  TARGETS,
  type ActorName,
  type Fixture,
  type Target,
  type World,
  type WorldObject,
  type WorldZone,
} from './policy-matrix.world.ts'

// Started while the file is collected: the document's operations name the tests.
const t = await startTestApp()
type Operation = { operationId: string; 'x-policy'?: unknown }
const doc = t.app.swagger() as unknown as { paths: Record<string, Record<string, Operation>> }
const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
)

let world: World
// Streaming routes are asked over a real socket, of an app on the same database that has an event bus:
// `inject` would wait for the end of a stream that never ends.
let streaming: { app: FastifyInstance; bus: EventBus; base: string }
beforeAll(async () => {
  world = await buildWorld(t)
  const bus = await startEventBus(t.database, { databaseUrl: t.databaseUrl, pollMs: 60_000 })
  const app = await buildApp(t.config, t.database, { bus })
  streaming = { app, bus, base: await app.listen({ port: 0, host: '127.0.0.1' }) }
})
afterAll(async () => {
  await streaming?.app.close()
  await streaming?.bus.close()
  await t.close()
})

// The model of the world the derivation reads: every actor's role is in the own zone (and, but for the admin,
// the account is linked to a person of it: `owner: 'actor'` objects are that person's); the admin administers
// the own association, whose members are the own and the partner zone; the agreement in force between them
// shares a partner's object when the fixture says it is `shared`; the foreign association is nobody's.
function reaches(rule: Rule, actor: ActorName, object: WorldObject): boolean {
  const row: RuleRow = POLICY[rule]
  if (row.who === 'anyone') return true
  const zoneRole = actor !== 'anonymous' && actor !== 'admin' && roleHolds(actor, rule)
  const admin = actor === 'admin' && roleHolds('admin', rule)
  const { reach } = row
  // A personal object: the actor's own through `self`; another's only through its zones (none: nobody else).
  if (object.owner === 'actor' && reach.self === true) return true
  // `zone` with a role list: only those roles reach their zone (availability: planner, korpschef).
  const zoneReach = reach.zone === true ? zoneRole : zoneRole && (reach.zone ?? []).some((r) => r === actor)
  const zone = (z: WorldZone) =>
    (zoneReach && z === 'own') ||
    (reach.members === true && admin && (z === 'own' || z === 'partner')) ||
    (reach.partner !== undefined && zoneRole && z === 'partner' && object.shared === true)
  const association = (a: 'own' | 'foreign') =>
    a === 'own' && (admin || (reach.inForce === true && zoneRole && object.zones.length === 0))
  const paths = [...object.zones.map(zone), ...(object.association ? [association(object.association)] : [])]
  return row.every ? paths.length > 0 && paths.every(Boolean) : paths.some(Boolean)
}

/** The answer the table prescribes for one actor and target. */
function expected(rule: Rule, fixture: Fixture, actor: ActorName, target: Target): number {
  const row: RuleRow = POLICY[rule]
  const ok = fixture.ok ?? 200
  if (row.who === 'anyone') return ok
  if (actor === 'anonymous') return 401
  if (row.who !== 'signedIn' && !roleHolds(actor, rule)) return 403
  const object = fixture.object?.(target)
  if (!object || reaches(rule, actor, object)) return ok
  if (fixture.outside !== undefined) return fixture.outside
  const through = row.seenThrough
  return isRule(through) && reaches(through, actor, fixture.seen?.(target) ?? object) ? 403 : 404
}

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

/** A session of its own, for an operation that ends it (logout). */
const ownSession = (actor: ActorName): Promise<Session> =>
  actor === 'admin' ? t.login(ADMIN.email, ADMIN.password) : t.login(`${actor}.5373@demo.verbond.be`)

async function ask(fixture: Fixture, operationId: string, actor: ActorName, target: Target) {
  const req = fixture.request(world, target, actor)
  const session =
    actor === 'anonymous' ? undefined : operationId === 'logout' ? await ownSession(actor) : world.sessions.get(actor)
  if (fixture.stream) return askStream(req.url, session)
  const res = session ? await session.request(req) : await t.app.inject(req)
  return { statusCode: res.statusCode, code: res.statusCode >= 400 ? res.json().error.code : undefined }
}

describe('policy matrix', () => {
  it('every operation declares a rule of the table and has a fixture; every fixture an operation', () => {
    const missing = operations.flatMap(({ name, op }) => [
      ...(isRule(op['x-policy']) ? [] : [`${name}: no policy rule`]),
      ...(FIXTURES[op.operationId] ? [] : [`${name}: no fixture for ${op.operationId}`]),
    ])
    expect(missing).toEqual([])
    const ids = operations.map(({ op }) => op.operationId)
    expect(Object.keys(FIXTURES).filter((id) => !ids.includes(id))).toEqual([])
  })

  for (const { name, op } of operations) {
    const rule = isRule(op['x-policy']) ? op['x-policy'] : null
    const fixtures = [FIXTURES[op.operationId] ?? []].flat()
    for (const fixture of fixtures.length ? fixtures : [null])
      it(`${name} [${rule ?? 'no rule'}]${fixture?.variant ? ` (${fixture.variant})` : ''}`, async () => {
        expect(rule, 'the operation declares a policy rule').not.toBeNull()
        expect(fixture, `a fixture for ${op.operationId} in test/policy-matrix.world.ts`).not.toBeNull()
        if (!rule || !fixture) return
        const got: string[] = []
        const want: string[] = []
        for (const actor of ACTORS)
          for (const target of TARGETS) {
            const res = await ask(fixture, op.operationId, actor, target)
            got.push(`${actor}/${target}: ${res.statusCode}`)
            want.push(`${actor}/${target}: ${expected(rule, fixture, actor, target)}`)
            if (res.statusCode >= 400) expect(res.code).toMatch(/^[A-Z_]+$/)
          }
        expect(got).toEqual(want)
      })
  }

  it('answers a second identical approval with a conflict', async () => {
    const decision = {
      zoneId: world.zone.own,
      body: 'politiecollege',
      decision: 'approved',
      decidedOn: '2026-01-05',
      councilDecisionRef: 'Politiecollege 2026/001',
    }
    const url = `/api/agreements/${world.approvalDrafts.get('conflict')}/approvals`
    const korpschef = world.sessions.get('korpschef')!
    expect((await korpschef.request({ method: 'POST', url, payload: decision })).statusCode).toBe(201)
    const second = await world.sessions.get('admin')!.request({ method: 'POST', url, payload: decision })
    expect(second.statusCode).toBe(409)
    expect(second.json().error.code).toMatch(/^[A-Z_]+$/)
  })

  it('lists never contain another association: agreements and people', async () => {
    for (const actor of ACTORS.filter((a) => a !== 'anonymous' && a !== 'admin')) {
      const s = world.sessions.get(actor)!
      const agreements = (await s.request({ method: 'GET', url: '/api/agreements' })).json().items as {
        associationId: string
      }[]
      expect(agreements.length).toBeGreaterThan(0)
      expect(agreements.every((a) => a.associationId === world.association.own)).toBe(true)
      const people = (await s.request({ method: 'GET', url: '/api/people?limit=200' })).json()
      const zoneIds = new Set((people.items as { zoneId: string }[]).map((p) => p.zoneId))
      expect(zoneIds.has(world.zone.own)).toBe(true)
      expect(zoneIds.has(world.zone.foreign)).toBe(false)
    }
  })

  it('shows a partner person with limited fields and logs the read in the owner zone with the domain', async () => {
    const s = world.sessions.get('planner')!
    const res = await s.request({ method: 'GET', url: `/api/people/${world.sharedPerson.partner}` })
    const person = res.json()
    expect(person).toMatchObject({ visibility: 'partner', sharedVia: ['permanence.officer_of_duty'] })
    expect(person).not.toHaveProperty('workEmail')
    expect(person).not.toHaveProperty('employeeNumber')
    expect(person).not.toHaveProperty('fte')
    const logged = await t.database.db
      .selectFrom('audit_events')
      .select(['chain_zone_id', 'domain', 'action'])
      .where('object_id', '=', world.sharedPerson.partner)
      .where('action', '=', 'person.read')
      .execute()
    expect(logged).toContainEqual({
      chain_zone_id: world.zone.partner,
      domain: 'permanence.officer_of_duty',
      action: 'person.read',
    })
  })
})
