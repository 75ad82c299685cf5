import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/client.ts'
import { urlProblem } from './urlErrors.ts'

const validation = (...paths: string[]) =>
  new ApiError(400, 'VALIDATION_FAILED', 'Controleer de gemarkeerde velden.', {
    issues: paths.map((path) => ({ path, rule: 'format', message: 'must match format "uuid"' })),
  })

describe('urlProblem', () => {
  it('a malformed id in the path is "not found"', () => {
    expect(urlProblem(validation('params/id'))).toBe('notFound')
    expect(urlProblem(validation('params/code', 'querystring/limit'))).toBe('notFound')
  })
  it('a bad value in the query string is a bad filter', () => {
    expect(urlProblem(validation('querystring/zoneId'))).toBe('badFilter')
  })
  it('leaves a form’s validation (the body) and other errors alone', () => {
    expect(urlProblem(validation('body/title'))).toBeNull()
    expect(urlProblem(new ApiError(400, 'VALIDATION_FAILED', ''))).toBeNull()
    expect(urlProblem(new ApiError(404, 'NOT_FOUND', ''))).toBeNull()
    expect(urlProblem(new Error('x'))).toBeNull()
  })
})
