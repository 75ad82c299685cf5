import { describe, expect, it } from 'vitest'
import { ApiError, NETWORK_ERROR } from '../api/client.ts'
import { errorMessage, formatWait, retryAfterSeconds } from './errorMessage.ts'
import { nl } from './nl.ts'
import { translate, type Translate } from './translate.ts'

const t: Translate = (key, vars) => translate(nl, 'nl', key, vars)

describe('errorMessage', () => {
  it("uses the server's message, already in the user's language", () => {
    expect(errorMessage(new ApiError(409, 'AGREEMENT_APPROVALS_MISSING', 'Nog niet alles goedgekeurd.'), t)).toBe(
      'Nog niet alles goedgekeurd.',
    )
  })
  it('has its own words for not found, an expired session and no connection', () => {
    expect(errorMessage(new ApiError(404, 'NOT_FOUND', 'Niet gevonden.'), t)).toBe(nl['error.NOT_FOUND'])
    expect(errorMessage(new ApiError(401, 'UNAUTHENTICATED', ''), t)).toBe(nl['error.UNAUTHENTICATED'])
    expect(errorMessage(new ApiError(0, NETWORK_ERROR, ''), t)).toBe(nl['error.NETWORK_ERROR'])
  })
  it('falls back to the label of the code, then to the code itself', () => {
    expect(errorMessage(new ApiError(403, 'FORBIDDEN', ''), t)).toBe(nl['error.FORBIDDEN'])
    expect(errorMessage(new ApiError(502, 'HTTP_502', ''), t)).toBe('Onverwachte fout (HTTP_502).')
  })
})

describe('login throttling', () => {
  it('reads the wait from the error details', () => {
    expect(retryAfterSeconds(new ApiError(429, 'TOO_MANY_LOGIN_ATTEMPTS', '', { retryAfterSeconds: 120 }))).toBe(120)
    expect(retryAfterSeconds(new ApiError(429, 'TOO_MANY_LOGIN_ATTEMPTS', ''))).toBeNull()
  })
  it('says the wait in seconds or minutes', () => {
    expect(formatWait(1, t)).toBe('1 seconde')
    expect(formatWait(45, t)).toBe('45 seconden')
    expect(formatWait(600, t)).toBe('10 minuten')
  })
})
