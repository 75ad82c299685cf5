// Request validation: one Ajv per kind of input, and text that PostgreSQL cannot store refused up front.
// - JSON bodies are validated as sent: `"trialMonths": "6"`, `true` for an integer or `""` for a nullable date
//   is a 400, never silently coerced into another value.
// - Query strings and path parameters arrive as text, so there Ajv coerces ("limit=5" is the number 5).
// - Every string of every part (and every object key), at any depth, is refused when it holds a NUL character or
//   a lone UTF-16 surrogate: PostgreSQL cannot store the first (SQLSTATE 22021) and the driver would silently
//   replace the second. The error is VALIDATION_FAILED with the rule `text`, so the field is named.
import AjvCompiler, { type ValidatorFactory } from '@fastify/ajv-compiler'
import type { FastifyServerOptions } from 'fastify'

interface ValidationIssue {
  instancePath: string
  schemaPath: string
  keyword: string
  params: Record<string, unknown>
  message: string
}

type Validate = ((data: unknown) => unknown) & { errors?: unknown[] | null }
interface RouteSchema {
  schema: unknown
  httpPart?: string
}
type RouteCompiler = (route: RouteSchema) => Validate
interface AjvServerOptions {
  customOptions?: Record<string, unknown>
  plugins?: unknown[]
}
// @fastify/ajv-compiler's typings describe the returned compiler as `(schema) => …`, but Fastify calls it with the
// route definition ({ schema, method, url, httpPart }), as its own docs show; these are the shapes it really uses.
type Pool = (externalSchemas: unknown, options: AjvServerOptions) => RouteCompiler

/** A string PostgreSQL cannot store as sent: a NUL character, or a lone surrogate (not valid Unicode). */
export const isUnstorableText = (s: string): boolean => s.includes('\u0000') || !s.isWellFormed()

const MAX_ISSUES = 20
const MAX_PATH = 200 // deeper than this, an issue names the path down to here (JSON can nest 100,000 levels)
const pointer = (key: string): string => key.slice(0, 60).replace(/~/g, '~0').replace(/\//g, '~1')
const below = (path: string, step: string): string => (path.length > MAX_PATH ? path : `${path}/${step}`)
const issueAt = (instancePath: string): ValidationIssue => ({
  instancePath,
  schemaPath: '#/text',
  keyword: 'text',
  params: {},
  message: 'must not contain a NUL character or invalid Unicode',
})

/** Every place in `data` where a string (or an object key) cannot be stored. Iterative: JSON may nest deeply. */
export function textIssues(data: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = []
  const stack: [unknown, string][] = [[data, '']]
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const [value, path] = stack.pop()!
    if (typeof value === 'string') {
      if (isUnstorableText(value)) issues.push(issueAt(path))
    } else if (Array.isArray(value)) {
      value.forEach((item: unknown, i) => stack.push([item, below(path, String(i))]))
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const at = below(path, pointer(key))
        if (isUnstorableText(key)) issues.push(issueAt(at))
        else stack.push([item, at])
      }
    }
  }
  return issues.reverse()
}

function refusingBadText(validate: Validate): Validate {
  const guarded: Validate = (data) => {
    const issues = textIssues(data)
    if (issues.length > 0) {
      guarded.errors = issues
      return false
    }
    const valid = validate(data)
    guarded.errors = validate.errors ?? null
    return valid
  }
  return guarded
}

/** The `schemaController` server option: strict Ajv for bodies, coercing Ajv for the other parts, text guard for all. */
export function requestValidation(): NonNullable<FastifyServerOptions['schemaController']> {
  const pool = AjvCompiler() as unknown as Pool
  const buildValidator: Pool = (externalSchemas, options) => {
    const coercing = pool(externalSchemas, options)
    const strict = pool(externalSchemas, {
      ...options,
      customOptions: { ...options.customOptions, coerceTypes: false },
    })
    return (route) => refusingBadText((route.httpPart === 'body' ? strict : coercing)(route))
  }
  return { compilersFactory: { buildValidator: buildValidator as unknown as ValidatorFactory } }
}
