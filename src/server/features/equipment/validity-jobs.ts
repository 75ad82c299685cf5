// The daily reminder of lapsing validities (issue 10): once a day (a recurring job, `every`), every validity of an
// asset not retired that lapses within WARNING_DAYS and was not reminded yet notifies the keeping zone's logistics
// staff and korpschef (in the app, and by mail when the process sends mail), and is marked reminded. Setting a new
// date clears the mark (asset-repository.ts), so the next lapse is flagged again. Idempotent: the mark is written
// in the same transaction as the notifications, and the rows are locked (SKIP LOCKED) against a second runner.
import type { Kysely } from 'kysely'
import type { JobDefinition } from '../../platform/jobs.ts'
import { notify } from '../../platform/notifications.ts'
import type { DB } from '../../platform/schema.ts'
import { addDays, brusselsDate } from '../../platform/time.ts'
import { assetRepository } from './asset-repository.ts'
import { WARNING_DAYS } from './domain/lendable.ts'

export const VALIDITY_REMINDER_JOB = 'equipment.validity_reminders'
/** Who is reminded in the keeping zone: those who may renew a validity (equipment.manage). */
const REMINDED_ROLES = ['logistics', 'korpschef'] as const
const DAY_MS = 86_400_000

/** Reminds every validity due on `at` (Brussels day); returns how many validities were reminded. */
export async function remindLapsingValidities(db: Kysely<DB>, at: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const repo = assetRepository(trx)
    const today = brusselsDate(at)
    const due = await repo.dueValidities(today, addDays(today, WARNING_DAYS))
    const recipients = new Map<string, string[]>()
    for (const v of due) {
      let users = recipients.get(v.zone_id)
      if (!users) recipients.set(v.zone_id, (users = await repo.usersWithRole(v.zone_id, REMINDED_ROLES)))
      await notify(trx, {
        recipients: users,
        kind: 'equipment.validity_expiring',
        params: { asset: v.asset_name, identifier: v.identifier, validUntil: v.valid_until },
        object: { type: 'asset', id: v.asset_id },
      })
    }
    await repo.markReminded(
      due.map((v) => v.id),
      at,
    )
    return due.length
  })
}

export function equipmentJobs(): JobDefinition[] {
  return [
    {
      kind: VALIDITY_REMINDER_JOB,
      every: DAY_MS,
      run: async (_job, { db, now }) => void (await remindLapsingValidities(db, now)),
    },
  ]
}
