import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import { Type } from 'typebox'
import { verifyAudit } from '../../platform/audit.ts'
import { actorOf, requirePermission } from '../../platform/auth/plugin.ts'
import { loadGrants } from '../../platform/grants.ts'
import { errorResponses } from '../../platform/http.ts'
import { actorZones, auditZones } from '../../platform/policy.ts'
import type { DB } from '../../platform/schema.ts'
import { brusselsDate } from '../../platform/time.ts'

const Verification = Type.Object({
  ok: Type.Boolean(),
  events: Type.Integer({ description: 'Events checked in the chains the caller may verify' }),
  firstBrokenId: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Id of the first event whose hash or link does not hold',
  }),
  reason: Type.Optional(Type.String()),
  zones: Type.Array(Type.String({ description: 'Zone codes whose chains were verified' })),
})

export async function auditRoutes(fastify: FastifyInstance, opts: { db: Kysely<DB> }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { db } = opts
  app.get(
    '/api/audit/verify',
    {
      schema: {
        operationId: 'verifyAudit',
        tags: ['audit'],
        summary: "Recompute the hash chains of the DPO's zones (own zone, and zones sharing the dpo domain)",
        response: { 200: Verification, ...errorResponses(401, 403) },
      },
      onRequest: requirePermission('audit.verify'),
    },
    async (req) => {
      const actor = actorOf(req)
      const grants = await loadGrants(db, actorZones(actor), brusselsDate(new Date()))
      const zoneIds = auditZones(actor, grants)
      const [result, zones] = await Promise.all([
        verifyAudit(db, zoneIds),
        db
          .selectFrom('zones')
          .select('code')
          .where('id', 'in', zoneIds.length ? zoneIds : ['00000000-0000-0000-0000-000000000000'])
          .orderBy('code')
          .execute(),
      ])
      return { ...result, zones: zones.map((z) => z.code) }
    },
  )
}
