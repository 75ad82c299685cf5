// The durable escalation of an unacknowledged urgent alert (issue 9): one job per step of a zone's plan
// (alerts.ts enqueues the next one with each step), so a restart loses nothing — a new runner finds the job due
// and runs it. At least once: the job locks the addressee row, does nothing when the alert was answered or the
// request ended, and does not alert a step twice (the recorded level already reached it).
import type { JobDefinition } from '../../platform/jobs.ts'
import { ESCALATION_LEVELS } from '../../platform/enums.ts'
import { alertRepository, OPEN_STATUSES } from './alert-repository.ts'
import { alertStep, ESCALATE_JOB } from './alerts.ts'

const isOpen = (status: string) => (OPEN_STATUSES as readonly string[]).includes(status)

export function assistanceJobs(): JobDefinition[] {
  return [
    {
      kind: ESCALATE_JOB,
      run: async (job, { db }) => {
        const { requestId, zoneId, step } = job.payload
        if (typeof requestId !== 'string' || typeof zoneId !== 'string' || typeof step !== 'number')
          throw new Error(`${ESCALATE_JOB}: bad payload ${JSON.stringify(job.payload)}`)
        await db.transaction().execute(async (trx) => {
          const row = await alertRepository(trx).addressee(requestId, zoneId, true)
          if (!row || row.acknowledged_at !== null || row.declined_at !== null || !isOpen(row.status)) return
          const target = row.escalation[step]
          if (!target) return
          // Already alerted (a re-run after a crash past the commit): that commit enqueued the next step too.
          const reached = row.escalated_level === null ? -1 : ESCALATION_LEVELS.indexOf(row.escalated_level)
          if (reached >= ESCALATION_LEVELS.indexOf(target.level)) return
          await alertStep(trx, row, step)
        })
      },
    },
  ]
}
