// Regression tests for the HTTP edges of issue 6 §2: NUL bytes and broken text, type coercion of JSON bodies,
// uncoded errors from Node's HTTP parser, oversized bodies, caching and security headers. The parser and
// body-size cases go over a real socket: app.inject never sees Node's HTTP parser or a half-read body.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codeForSqlState, ERRORS } from '../src/server/platform/errors.ts'
import { startTestApp, type Session, type TestApp } from './harness.ts'

let t: TestApp
let chief: Session
let base: string
let draftId: string
beforeAll(async () => {
  t = await startTestApp()
  chief = await t.login('korpschef.5382@demo.verbond.be')
  await t.app.listen({ host: '127.0.0.1', port: 0 })
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`
  const zones = Object.fromEntries(
    (await t.database.db.selectFrom('zones').select(['code', 'id']).execute()).map((z) => [z.code, z.id]),
  )
  const association = await t.database.db
    .selectFrom('associations')
    .select('id')
    .where('code', '=', 'voeren-bhr')
    .executeTakeFirstOrThrow()
  const created = await chief.request({
    method: 'POST',
    url: '/api/agreements',
    payload: {
      associationId: association.id,
      kind: 'associatieprotocol',
      title: 'Addendum bad input',
      partyZoneIds: [zones['5382'], zones['5381']],
      domains: ['equipment'],
    },
  })
  expect(created.statusCode).toBe(201)
  draftId = created.json<{ id: string }>().id
})
afterAll(() => t.close())

const codeOf = (body: string): unknown => (JSON.parse(body) as { error?: { code?: unknown } }).error?.code

/** One raw HTTP/1.1 exchange over a socket: what Node's HTTP parser and a real client see. */
function rawRequest(options: http.RequestOptions & { body?: Buffer | string }) {
  const { body, ...rest } = options
  const url = new URL(base)
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, ...rest }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      )
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

describe('text that PostgreSQL cannot store is refused at validation', () => {
  it('answers 400 VALIDATION_FAILED for a NUL byte in a query string', async () => {
    const res = await chief.request({ method: 'GET', url: '/api/people?q=a%00b' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('VALIDATION_FAILED')
    expect(res.json().error.details.issues).toEqual([expect.objectContaining({ path: 'querystring/q', rule: 'text' })])
  })

  it('answers 400 for a NUL byte or a lone surrogate in a JSON body, at any depth', async () => {
    for (const payload of [
      '{"title":"a\\u0000b"}',
      '{"title":"\\ud800"}',
      '{"summary":"ok \\udfff"}',
      '{"domains":["training","a\\u0000"]}',
    ]) {
      const res = await chief.request({
        method: 'PATCH',
        url: `/api/agreements/${draftId}`,
        payload,
        headers: { 'content-type': 'application/json' },
      })
      expect(`${payload} → ${res.statusCode} ${res.json().error?.code}`).toBe(`${payload} → 400 VALIDATION_FAILED`)
    }
  })

  it('walks deeply nested JSON without overflowing the stack', async () => {
    const depth = 100_000
    const payload = `{"title":${'['.repeat(depth)}"\\u0000"${']'.repeat(depth)}}`
    const res = await chief.request({
      method: 'PATCH',
      url: `/api/agreements/${draftId}`,
      payload,
      headers: { 'content-type': 'application/json' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues[0]).toMatchObject({ rule: 'text' })
  })

  it('answers 400 for invalid UTF-8 in a JSON body', async () => {
    const payload = Buffer.concat([Buffer.from('{"title":"a'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')])
    const res = await chief.request({
      method: 'PATCH',
      url: `/api/agreements/${draftId}`,
      payload,
      headers: { 'content-type': 'application/json' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('MALFORMED_JSON')
  })

  it('answers 400 for invalid UTF-8 percent-encoded in the query or the path', async () => {
    for (const url of [
      '/api/people?q=%C3%28',
      '/api/people?q=%ED%A0%80',
      '/api/people?q=%FF',
      '/api/zones/%ED%A0%80',
      `/api/agreements/${draftId}%C3%28`,
    ]) {
      const res = await chief.request({ method: 'GET', url })
      expect(`${url} → ${res.statusCode}`).toMatch(/ → 400$/)
      expect(Object.keys(ERRORS)).toContain(res.json().error.code)
    }
  })

  it('maps the data exceptions user input can cause to 400 as a second line of defence', () => {
    for (const state of ['22021', '22P05', '22025', '2201B', '22023', '22P02'])
      expect(codeForSqlState(state)).toBe('VALIDATION_FAILED')
    expect(codeForSqlState('42P01')).toBeNull()
  })

  it('maps the SQLSTATE the database itself gives for a NUL byte to 400', async () => {
    // The error handler's mapping, end to end: the database itself refuses the text.
    const { sql } = await import('kysely')
    const err = await sql`SELECT ${'a\u0000b'}::text`.execute(t.database.db).then(
      () => null,
      (e: unknown) => e as { code?: string },
    )
    expect(['22021', '22P05']).toContain(err?.code)
    expect(codeForSqlState(err?.code)).toBe('VALIDATION_FAILED')
  })
})

describe('JSON bodies are not type-coerced', () => {
  it('refuses a wrong JSON type in a body with 400 and stores nothing', async () => {
    for (const payload of [{ trialMonths: 0 }, { version: true }, { title: 123 }, { signedOn: '' }, { version: '2' }]) {
      const res = await chief.request({ method: 'PATCH', url: `/api/agreements/${draftId}`, payload })
      expect(`${JSON.stringify(payload)} → ${res.statusCode} ${res.json().error?.code}`).toBe(
        `${JSON.stringify(payload)} → 400 VALIDATION_FAILED`,
      )
    }
    const stored = (await chief.request({ method: 'GET', url: `/api/agreements/${draftId}` })).json()
    expect(stored).toMatchObject({ title: 'Addendum bad input', version: 1, signedOn: null, trialMonths: null })
  })

  it('still accepts correct types in a body and coerces query strings and path parameters', async () => {
    const ok = await chief.request({
      method: 'PATCH',
      url: `/api/agreements/${draftId}`,
      payload: { trialMonths: 6, signedOn: null },
    })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().trialMonths).toBe(6)
    const people = await chief.request({ method: 'GET', url: '/api/people?limit=3&offset=1' })
    expect(people.statusCode).toBe(200)
    expect(people.json().items).toHaveLength(3)
  })
})

describe("errors from Node's HTTP parser and oversized bodies are coded", () => {
  it('answers a 20 kB query string with a coded 431', async () => {
    const res = await rawRequest({ method: 'GET', path: `/api/people?q=${'x'.repeat(20_000)}` })
    expect(res.status).toBe(431)
    expect(codeOf(res.body)).toBe('HEADERS_TOO_LARGE')
    expect(res.headers['content-type']).toMatch(/application\/json/)
  })

  it('answers a malformed request with a coded 400', async () => {
    const net = await import('node:net')
    const url = new URL(base)
    const text = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(url.port), url.hostname, () =>
        socket.write('GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'),
      )
      let data = ''
      socket.on('data', (c: Buffer) => (data += c.toString('utf8')))
      socket.on('close', () => resolve(data))
      socket.on('error', reject)
    })
    expect(text).toMatch(/^HTTP\/1\.1 400 /)
    expect(codeOf(text.slice(text.indexOf('\r\n\r\n') + 4))).toBe('BAD_REQUEST')
  })

  it('answers an oversized streamed body with a readable coded 413 instead of a reset', async () => {
    // A client that streams 2.5 MB without announcing its length (chunked), as fetch does with a stream.
    // Slowly, so that the server answers while the client is still sending.
    const chunk = Buffer.alloc(64 * 1024, 'x')
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent >= 40) return controller.close()
        sent++
        await new Promise((resolve) => setTimeout(resolve, 5))
        controller.enqueue(chunk)
      },
    })
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('BODY_TOO_LARGE')
  })

  it('answers an oversized body with a declared length with a readable coded 413', async () => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"email":"${'x'.repeat(1024 * 1024)}"}`,
    })
    expect(res.status).toBe(413)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('BODY_TOO_LARGE')
    // The server still answers on the same origin afterwards.
    expect((await fetch(`${base}/api/health`)).status).toBe(200)
  })
})

describe('caching and security headers', () => {
  it('marks responses with personal data no-store', async () => {
    const dpo = await t.login('dpo.5373@demo.verbond.be')
    for (const url of ['/api/people', '/api/me', '/api/audit/events', '/api/agreements']) {
      const res = await dpo.request({ method: 'GET', url })
      expect(res.statusCode).toBe(200)
      expect(`${url} ${res.headers['cache-control']}`).toBe(`${url} no-store`)
    }
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'korpschef.5382@demo.verbond.be', password: 'wrong' },
    })
    expect(login.headers['cache-control']).toBe('no-store')
    const error = await t.app.inject({ method: 'GET', url: '/api/people' })
    expect(error.statusCode).toBe(401)
    expect(error.headers['cache-control']).toBe('no-store')
  })

  it('sends no HSTS and no upgrade-insecure-requests over plain HTTP, and denies framing', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' })
    expect(res.headers['strict-transport-security']).toBeUndefined()
    expect(String(res.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests')
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'")
    expect(res.headers['x-frame-options']).toBe('DENY')
  })

  it('sends HSTS and upgrade-insecure-requests when cookies are Secure (TLS)', async () => {
    const secure = await startTestApp({ cookieSecure: true })
    try {
      const res = await secure.app.inject({ method: 'GET', url: '/api/health' })
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/)
      expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests')
      expect(res.headers['x-frame-options']).toBe('DENY')
    } finally {
      await secure.close()
    }
  })
})

describe('the web app is served for its client-side routes; a missing file is a 404', () => {
  it('serves index.html for a page whose query ends like a file name, and a 404 for a missing asset', async () => {
    const webDir = await mkdtemp(path.join(tmpdir(), 'verbond-web-'))
    await writeFile(path.join(webDir, 'index.html'), '<!doctype html><title>Verbond</title>')
    const web = await startTestApp({ webDir })
    try {
      const page = await web.app.inject({ url: '/equipment/book?assetIds=a&to=2026-12-01T15:00:00.000Z' })
      expect(page.statusCode).toBe(200)
      expect(page.headers['content-type']).toMatch(/^text\/html/)
      for (const url of ['/assets/index-old.js', '/logo.png?v=2', '/api/nothing-here'])
        expect((await web.app.inject({ url })).json<{ error: { code: string } }>().error.code).toBe('ROUTE_NOT_FOUND')
    } finally {
      await web.close()
      await rm(webDir, { recursive: true, force: true })
    }
  })
})
