// The briefing's retention (issue 11): once a day, items whose end (validity, or the withdrawal when earlier) lies
// more than the author zone's retention days in the past (restricted items, with personal data: its shorter
// restricted days) are deleted with their targets, reads and photo. One audit entry per purged item (its id,
// category and author zone; no content) in the author zone's chain. Rows are claimed with SKIP LOCKED in batches.
import type { Kysely } from 'kysely'
import { appendAudit } from '../../platform/audit.ts'
import type { JobDefinition } from '../../platform/jobs.ts'
import type { DB } from '../../platform/schema.ts'
import { DOMAIN } from './domain/access.ts'
import { briefingRepository } from './repository.ts'

export const RETENTION_JOB = 'briefing.retention'
const DAY_MS = 24 * 3_600_000
const BATCH = 100

/** Purges every item past its retention at `now`; returns how many. */
export async function purgeExpiredItems(db: Kysely<DB>, now: Date): Promise<number> {
  let total = 0
  for (;;) {
    const purged = await db.transaction().execute(async (trx) => {
      const rows = await briefingRepository(trx).purge(now, BATCH)
      await appendAudit(
        trx,
        rows.map((r) => ({
          chainZoneId: r.zone_id,
          actorUserId: null,
          actorZoneId: null,
          action: 'briefing.item.purge',
          objectType: 'briefing_item',
          objectId: r.id,
          domain: DOMAIN,
          details: { category: r.category, zoneId: r.zone_id, restricted: r.restricted },
        })),
      )
      return rows.length
    })
    total += purged
    if (purged < BATCH) return total
  }
}

export function briefingJobs(): JobDefinition[] {
  return [
    { kind: RETENTION_JOB, every: DAY_MS, run: async (_job, { db, now }) => void (await purgeExpiredItems(db, now)) },
  ]
}
