// The OpenAPI document describes every route with an operationId and the error envelope, and the web
// client generated from it (src/web/api/schema.d.ts) is not stale.
import { readFile } from 'node:fs/promises'
import { beforeAll, describe, expect, it } from 'vitest'
import { CLIENT_SCHEMA_PATH, clientSchemaSource, openApiDocument } from '../scripts/openapi.ts'

type Operation = { operationId?: string; responses?: Record<string, unknown> }
let doc: { openapi: string; paths: Record<string, Record<string, Operation>> }
beforeAll(async () => {
  doc = (await openApiDocument()) as typeof doc
})

describe('OpenAPI', () => {
  it('is OpenAPI 3.1 with a unique operationId and error responses on every operation', () => {
    expect(doc.openapi).toBe('3.1.0')
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method, op })),
    )
    expect(operations.length).toBeGreaterThanOrEqual(17)
    const ids = operations.map((o) => o.op.operationId)
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
    for (const { path, method, op } of operations) {
      if (path === '/api/ping') continue
      const statuses = Object.keys(op.responses ?? {})
      expect(
        statuses.some((s) => s.startsWith('2')),
        `${method} ${path}`,
      ).toBe(true)
    }
  })

  it('matches the committed web client (run npm run gen:api after changing a route)', async () => {
    const committed = await readFile(CLIENT_SCHEMA_PATH, 'utf8')
    expect(committed).toBe(await clientSchemaSource(doc))
  })
})
