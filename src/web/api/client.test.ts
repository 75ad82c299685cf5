import { describe, expect, it } from 'vitest'
import { toApiError } from './client.ts'

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })

describe('toApiError', () => {
  it('reads the error envelope', async () => {
    const error = await toApiError(json(409, { error: { code: 'CONFLICT', message: 'Botst.', details: { a: 1 } } }))
    expect(error).toMatchObject({ status: 409, code: 'CONFLICT', message: 'Botst.', details: { a: 1 } })
  })
  it('keeps the Retry-After of a throttled login', async () => {
    const error = await toApiError(
      json(429, { error: { code: 'TOO_MANY_LOGIN_ATTEMPTS', message: 'Later.' } }, { 'retry-after': '90' }),
    )
    expect(error.details).toEqual({ retryAfterSeconds: 90 })
  })
  it('still gives a code when the body is not the envelope', async () => {
    const error = await toApiError(new Response('<html>Bad gateway</html>', { status: 502 }))
    expect(error).toMatchObject({ status: 502, code: 'HTTP_502', message: '' })
  })
})
