// The overdue loans (issue 10): every quarter of an hour, checked-out bookings past their end that were not
// reminded yet notify the logistics staff of the borrower and of the keeper, once (overdue_reminded_at). The
// rows are claimed with SKIP LOCKED, so two runners never remind one loan twice.
import type { JobDefinition } from '../../platform/jobs.ts'
import { notifyOverdue, recordOverdue } from './booking-record.ts'
import { bookingRepository } from './booking-repository.ts'

export const OVERDUE_JOB = 'equipment.overdue'
const EVERY_MS = 15 * 60_000
const BATCH = 100

export function bookingJobs(): JobDefinition[] {
  return [
    {
      kind: OVERDUE_JOB,
      every: EVERY_MS,
      run: async (_job, { db, now }) => {
        for (;;) {
          const reminded = await db.transaction().execute(async (trx) => {
            const repo = bookingRepository(trx)
            const rows = await repo.overdueToRemind(now, BATCH)
            for (const row of rows) {
              await notifyOverdue(trx, row)
              await recordOverdue(trx, row)
            }
            await repo.markReminded(
              rows.map((r) => r.id),
              now,
            )
            return rows.length
          })
          if (reminded < BATCH) return
        }
      },
    },
  ]
}
