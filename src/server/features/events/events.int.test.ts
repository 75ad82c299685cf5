// GET /api/events end to end: a real listening server, a real bus fed from the outbox, and an HTTP client
// reading the stream (fetch + a reader). Each event is checked by the policy when it is delivered.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from '../../../../test/databases.ts'
import { buildApp } from '../../app.ts'
import { loadConfig } from '../../config.ts'
import { DEMO_PASSWORD } from '../../demo/data.ts'
import type { Database } from '../../platform/db.ts'
import { startEventBus, type EventBus } from '../../platform/events.ts'
import { emit, type OutboxEvent } from '../../platform/outbox.ts'
import { tokenHash } from '../../platform/auth/sessions.ts'
import type { LiveEvent } from './schema.ts'
import { until } from '../../../../test/wait.ts'

interface Frame {
  id?: string
  event?: string
  data?: string
}
interface Stream {
  status: number
  contentType: string | null
  frames: Frame[]
  comments: string[]
  retry: number | null
  done: boolean
  ended: Promise<void>
  live(): LiveEvent[]
  close(): void
}

let database: Database & { url: string | null }
let bus: EventBus
let app: FastifyInstance
let base: string
const zone: Record<'own' | 'partner' | 'foreign', string> = { own: '', partner: '', foreign: '' }
const association: Record<'own' | 'foreign', string> = { own: '', foreign: '' }
let agreementId: string

/** Reads a Server-Sent Events response frame by frame (the format is simple enough to read by hand). */
async function openStream(cookie: string | null, headers: Record<string, string> = {}): Promise<Stream> {
  const abort = new AbortController()
  const res = await fetch(`${base}/api/events`, {
    headers: { ...(cookie ? { cookie } : {}), ...headers },
    signal: abort.signal,
  })
  const stream: Stream = {
    status: res.status,
    contentType: res.headers.get('content-type'),
    frames: [],
    comments: [],
    retry: null,
    done: false,
    ended: Promise.resolve(),
    live: () => stream.frames.filter((f) => f.event === undefined).map((f) => JSON.parse(f.data ?? '') as LiveEvent),
    close: () => abort.abort(),
  }
  if (!res.ok || !res.body) {
    stream.done = true
    stream.frames.push({ data: await res.text() })
    return stream
  }
  const reader = res.body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  stream.ended = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        buffer += decoder.decode(value, { stream: true })
        for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
          const frame: Frame = {}
          for (const line of buffer.slice(0, i).split('\n')) {
            if (line.startsWith(':')) stream.comments.push(line.slice(1).trim())
            else if (line.startsWith('retry: ')) stream.retry = Number(line.slice(7))
            else if (line.startsWith('id: ')) frame.id = line.slice(4)
            else if (line.startsWith('event: ')) frame.event = line.slice(7)
            else if (line.startsWith('data: ')) frame.data = line.slice(6)
          }
          if (frame.data !== undefined) stream.frames.push(frame)
          buffer = buffer.slice(i + 2)
        }
      }
    } catch {
      // aborted by the test
    } finally {
      stream.done = true
    }
  })()
  return stream
}

async function login(email: string): Promise<{ cookie: string; csrf: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: DEMO_PASSWORD } })
  expect(res.statusCode).toBe(200)
  const token = res.cookies.find((c) => c.name === 'verbond_session')!.value
  return { cookie: `verbond_session=${token}`, csrf: res.json<{ csrfToken: string }>().csrfToken }
}

/** Emits in a committed transaction and lets the bus publish and deliver it. */
async function publish(...events: OutboxEvent[]): Promise<void> {
  await database.db.transaction().execute((trx) => emit(trx, ...events))
  await bus.flush()
}

let marks = 0
/** Emits a marker in the actor's own zone and waits for it: everything emitted before has been decided. */
async function settle(stream: Stream): Promise<void> {
  const n = ++marks
  await publish({ type: 'test.marker', zoneId: zone.own, payload: { n } })
  await until(() => stream.live().some((e) => e.type === 'test.marker' && e.payload.n === n), `marker ${n}`)
}
const hashOf = (cookie: string) => tokenHash(cookie.slice('verbond_session='.length))
const typesOf = (stream: Stream) =>
  stream
    .live()
    .map((e) => e.type)
    .filter((t) => t !== 'test.marker')

beforeAll(async () => {
  database = await openTestDatabase()
  const config = loadConfig({}, { logLevel: 'silent', rateLimitPerMinute: 0, webDir: '/nonexistent', demo: true })
  bus = await startEventBus(database, { databaseUrl: database.url, pollMs: 60_000 })
  app = await buildApp(config, database, { bus, eventStreams: { heartbeatMs: 100, recheckMs: 0, retryMs: 1500 } })
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  base = address
  const { db } = database
  const zoneOf = async (code: string) =>
    (await db.selectFrom('zones').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id
  zone.own = await zoneOf('5373')
  zone.partner = await zoneOf('5375')
  zone.foreign = await zoneOf('5447')
  const assoc = async (code: string) =>
    (await db.selectFrom('associations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id
  association.own = await assoc('bht-heusden-zolder')
  association.foreign = await assoc('houtsche-tielt')
  agreementId = (
    await db
      .selectFrom('agreements')
      .select('id')
      .where('association_id', '=', association.own)
      .where('status', '=', 'in_force')
      .executeTakeFirstOrThrow()
  ).id
})
afterAll(async () => {
  await app.close()
  await bus.close()
  await database.close()
})

describe('GET /api/events', () => {
  it('answers 401 JSON without a session', async () => {
    const s = await openStream(null)
    expect(s.status).toBe(401)
    expect(JSON.parse(s.frames[0]!.data!)).toMatchObject({ error: { code: 'UNAUTHENTICATED' } })
  })

  it('streams own-zone events with ids, a retry hint and heartbeats; nothing of another association', async () => {
    const { cookie } = await login('planner.5373@demo.verbond.be')
    const s = await openStream(cookie)
    expect(s.status).toBe(200)
    expect(s.contentType).toMatch(/^text\/event-stream/)
    await publish(
      { type: 'test.own', zoneId: zone.own, associationId: association.own, payload: { n: 1 } },
      { type: 'test.foreign', zoneId: zone.foreign, associationId: association.foreign, domain: 'assistance' },
      // A partner zone's event, but tagged with another association: its agreements do not count.
      {
        type: 'test.partner_other_association',
        zoneId: zone.partner,
        associationId: association.foreign,
        domain: 'assistance',
      },
      { type: 'test.unscoped' },
    )
    await settle(s)
    expect(typesOf(s)).toEqual(['test.own'])
    const own = s.live()[0]!
    expect(own).toMatchObject({ type: 'test.own', zoneId: zone.own, payload: { n: 1 } })
    expect(s.frames[0]!.id).toBe(String(own.id))
    expect(s.retry).toBe(1500)
    await until(() => s.comments.includes('heartbeat'), 'a heartbeat')
    s.close()
  })

  it('delivers a partner event only while an agreement in force lists its domain for both zones', async () => {
    const { cookie } = await login('planner.5373@demo.verbond.be')
    const s = await openStream(cookie)
    await publish(
      { type: 'test.partner_assistance', zoneId: zone.partner, associationId: association.own, domain: 'assistance' },
      { type: 'test.partner_training', zoneId: zone.partner, associationId: association.own, domain: 'training' },
      { type: 'test.partner_no_domain', zoneId: zone.partner },
    )
    await settle(s)
    expect(typesOf(s)).toEqual(['test.partner_assistance'])
    // The agreement ended long ago (as far as the policy can see): the same stream stops receiving.
    await database.db
      .updateTable('agreements')
      .set({ effective_to: '2024-05-01' })
      .where('id', '=', agreementId)
      .execute()
    try {
      await publish({ type: 'test.partner_after_end', zoneId: zone.partner, domain: 'assistance' })
      await settle(s)
      expect(typesOf(s)).toEqual(['test.partner_assistance'])
    } finally {
      await database.db.updateTable('agreements').set({ effective_to: null }).where('id', '=', agreementId).execute()
    }
    await publish({ type: 'test.partner_again', zoneId: zone.partner, domain: 'assistance' })
    await settle(s)
    expect(typesOf(s)).toEqual(['test.partner_assistance', 'test.partner_again'])
    s.close()
  })

  it('sends nothing for a write that rolls back', async () => {
    const { cookie } = await login('officer.5373@demo.verbond.be')
    const s = await openStream(cookie)
    await expect(
      database.db.transaction().execute(async (trx) => {
        await emit(trx, { type: 'test.rolled_back', zoneId: zone.own })
        throw new Error('rollback')
      }),
    ).rejects.toThrow('rollback')
    await settle(s)
    expect(typesOf(s)).toEqual([])
    s.close()
  })

  it('resumes after Last-Event-ID, still filtered by the policy', async () => {
    const { cookie } = await login('planner.5373@demo.verbond.be')
    await publish({ type: 'test.before', zoneId: zone.own })
    const from = bus.lastDelivered()
    await publish(
      { type: 'test.missed_1', zoneId: zone.own },
      { type: 'test.missed_foreign', zoneId: zone.foreign, associationId: association.foreign },
      { type: 'test.missed_2', zoneId: zone.own },
    )
    const s = await openStream(cookie, { 'last-event-id': String(from) })
    await settle(s)
    expect(typesOf(s)).toEqual(['test.missed_1', 'test.missed_2'])
    const ids = s.live().map((e) => e.id)
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
    s.close()
    const bad = await openStream(cookie, { 'last-event-id': 'yesterday' })
    expect(bad.status).toBe(400)
  })

  it('ends the stream when the session ends (logout), and does not keep the session alive', async () => {
    const { cookie, csrf } = await login('trainer.5373@demo.verbond.be')
    const s = await openStream(cookie)
    await settle(s)
    // A stream is not activity: its session checks do not move last_seen_at (idle expiry still applies).
    const idleSince = new Date(Date.now() - 5 * 60_000)
    await database.db
      .updateTable('sessions')
      .set({ last_seen_at: idleSince })
      .where('token_hash', '=', hashOf(cookie))
      .execute()
    const beats = s.comments.length
    await until(() => s.comments.length >= beats + 2, 'two heartbeats')
    const seen = await database.db
      .selectFrom('sessions')
      .select('last_seen_at')
      .where('token_hash', '=', hashOf(cookie))
      .executeTakeFirstOrThrow()
    expect(seen.last_seen_at.getTime()).toBe(idleSince.getTime())
    const logout = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'x-csrf-token': csrf },
    })
    expect(logout.statusCode).toBeLessThan(300)
    await until(() => s.done, 'the stream to end')
    expect(s.frames.at(-1)).toMatchObject({ event: 'session_ended' })
    expect((await openStream(cookie)).status).toBe(401)
  })

  it('ends when the account is disabled', async () => {
    const { cookie } = await login('finance.5373@demo.verbond.be')
    const s = await openStream(cookie)
    await settle(s)
    await database.db
      .updateTable('users')
      .set({ disabled_at: new Date() })
      .where('email', '=', 'finance.5373@demo.verbond.be')
      .execute()
    await until(() => s.done, 'the stream to end')
    expect(s.frames.at(-1)).toMatchObject({ event: 'session_ended' })
  })
})

describe('shutdown', () => {
  it('app.close() ends open streams instead of waiting for them', async () => {
    const { cookie } = await login('dpo.5373@demo.verbond.be')
    const s = await openStream(cookie)
    await settle(s)
    const started = Date.now()
    await app.close()
    await s.ended
    expect(s.done).toBe(true)
    expect(Date.now() - started).toBeLessThan(3000)
  })
})
