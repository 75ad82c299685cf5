// Bad input on every route gets a 4xx with a catalogue code, never a 500 and never a hang.
// fast-check drives wrong types, missing fields, huge strings, unknown ids, malformed JSON and wrong
// content types against every route of the OpenAPI document, as a signed-in korpschef (who may write).
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERRORS } from '../src/server/platform/errors.ts'
import { startTestApp, type Session, type TestApp } from './harness.ts'

let t: TestApp
let chief: Session
let routes: { method: string; path: string }[]
beforeAll(async () => {
  t = await startTestApp()
  chief = await t.login('korpschef.5461@demo.verbond.be')
  const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> }
  routes = Object.entries(doc.paths)
    .flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['get', 'post', 'patch', 'put', 'delete'].includes(m))
        .map((method) => ({ method: method.toUpperCase(), path })),
    )
    // Logging out would end the shared session midway; logout has its own tests.
    .filter((r) => r.path !== '/api/auth/logout')
})
afterAll(() => t.close())

const CODES = new Set(Object.keys(ERRORS))

const junkValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 5000, maxLength: 20000 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 4 }),
  fc.uuid(),
  fc.constantFrom('2024-02-30', '9999-99-99', '', ' ', '\u0000', "' OR 1=1 --", '../../etc/passwd', '5373', 'NaN'),
)

const FIELDS = [
  'email',
  'password',
  'locale',
  'associationId',
  'kind',
  'title',
  'version',
  'partyZoneIds',
  'domains',
  'zoneId',
  'body',
  'decision',
  'decidedOn',
  'to',
  'effectiveFrom',
  'effectiveTo',
  'municipalityId',
  'summary',
  'trialMonths',
  'signedOn',
]
const junkBody = fc.dictionary(fc.constantFrom(...FIELDS), junkValue, { maxKeys: 8 })
const junkParam = fc.oneof(
  fc.uuid(),
  fc.string({ maxLength: 60 }),
  fc.constantFrom('0000', '9999', 'abc', '%00', 'x'.repeat(3000)),
)
const junkQuery = fc.dictionary(
  fc.constantFrom(
    'zoneId',
    'q',
    'rank',
    'qualification',
    'staffKind',
    'limit',
    'offset',
    'associationId',
    'status',
    'date',
  ),
  junkValue.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))),
  { maxKeys: 5 },
)

type Payload = { kind: 'json'; body: unknown } | { kind: 'raw'; body: string; contentType: string }
const payload: fc.Arbitrary<Payload> = fc.oneof(
  junkBody.map((body) => ({ kind: 'json' as const, body })),
  junkValue.map((body) => ({ kind: 'json' as const, body })),
  fc
    .constantFrom('{"email":', '{{}', 'null', '[1,2', '"unterminated', '')
    .map((body) => ({ kind: 'raw' as const, body, contentType: 'application/json' })),
  fc.string({ maxLength: 50 }).map((body) => ({ kind: 'raw' as const, body, contentType: 'text/plain' })),
  fc.constant({ kind: 'raw' as const, body: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' }),
  fc.constant({ kind: 'raw' as const, body: `{"title":"${'x'.repeat(300_000)}"}`, contentType: 'application/json' }),
)

function fill(path: string, param: string): string {
  return path.replace(/\{[^}]+\}/g, encodeURIComponent(param))
}

describe('bad input never yields a 5xx', () => {
  it('holds for random requests on every route', async () => {
    expect(routes.length).toBeGreaterThan(10)
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        junkParam,
        junkQuery,
        payload,
        fc.boolean(),
        async (i, param, query, body, signedIn) => {
          const route = routes[i % routes.length]!
          const qs = new URLSearchParams(query).toString()
          const url = `${fill(route.path, param)}${qs ? `?${qs}` : ''}`
          const hasBody = route.method !== 'GET' && route.method !== 'DELETE'
          const options = {
            method: route.method as 'GET',
            url,
            ...(hasBody
              ? body.kind === 'json'
                ? { payload: JSON.stringify(body.body), headers: { 'content-type': 'application/json' } }
                : { payload: body.body, headers: { 'content-type': body.contentType } }
              : {}),
          }
          const res = signedIn ? await chief.request(options) : await t.app.inject(options)
          if (res.statusCode >= 500)
            throw new Error(`${route.method} ${url} → ${res.statusCode} ${res.body.slice(0, 300)}`)
          if (res.statusCode >= 400) {
            const error = res.json().error
            expect(CODES.has(error.code), `${route.method} ${url}: unknown code ${error.code}`).toBe(true)
            expect(typeof error.message).toBe('string')
          }
        },
      ),
      { numRuns: 400, seed: 20261124 },
    )
  })

  it('answers the named cases with their codes', async () => {
    const cases: [Parameters<Session['request']>[0], number, string][] = [
      [
        {
          method: 'POST',
          url: '/api/agreements',
          payload: '{"title":',
          headers: { 'content-type': 'application/json' },
        },
        400,
        'MALFORMED_JSON',
      ],
      [
        { method: 'POST', url: '/api/agreements', payload: 'title=x', headers: { 'content-type': 'text/plain' } },
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
      [{ method: 'POST', url: '/api/agreements', payload: { title: 'x' } }, 400, 'VALIDATION_FAILED'],
      [{ method: 'POST', url: '/api/agreements', payload: { title: 'x'.repeat(300_000) } }, 413, 'BODY_TOO_LARGE'],
      [{ method: 'GET', url: '/api/agreements/00000000-0000-4000-8000-000000000000' }, 404, 'NOT_FOUND'],
      [{ method: 'GET', url: '/api/agreements/not-a-uuid' }, 400, 'VALIDATION_FAILED'],
      [{ method: 'GET', url: '/api/people?limit=100000' }, 400, 'VALIDATION_FAILED'],
      [{ method: 'GET', url: '/api/zones/9999' }, 404, 'NOT_FOUND'],
      [{ method: 'GET', url: '/api/nothing-here' }, 404, 'ROUTE_NOT_FOUND'],
      [{ method: 'PATCH', url: '/api/me', payload: { locale: 'de' } }, 400, 'VALIDATION_FAILED'],
    ]
    for (const [req, status, code] of cases) {
      const res = await chief.request(req)
      const url = typeof req.url === 'string' ? req.url : ''
      expect(`${req.method} ${url}: ${res.statusCode} ${res.json().error?.code}`).toBe(
        `${req.method} ${url}: ${status} ${code}`,
      )
    }
  })
})
