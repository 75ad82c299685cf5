// The daily GPI 48 reminders (issue 11). For each zone that records GPI 48 in Verbond (attendance or thresholds of
// its own; one that has not started is not told that everyone is behind): every operational person who is behind, or falls behind
// within the zone's warnDays, is notified through their linked account (`training.compliance_due`), and every
// person with a qualification lapsing within warnDays (`training.qualification_expiring`) — each at most once per
// 7 days per person and kind (the notifications themselves are the dedupe: one sent to that account about that
// person since then means none now). The zone's planners get one digest a (Brussels) day with the counts
// (`training.compliance_digest`). Idempotent: a second run on the same day finds the notifications of the first.
import { Temporal } from 'temporal-polyfill'
import type { Kysely } from 'kysely'
import type { JobDefinition } from '../../platform/jobs.ts'
import { notify } from '../../platform/notifications.ts'
import type { DB } from '../../platform/schema.ts'
import { brusselsDate, TIME_ZONE } from '../../platform/time.ts'
import { complianceRepository } from './compliance-repository.ts'
import { zoneStanding } from './compliance-service.ts'

export const COMPLIANCE_REMINDER_JOB = 'training.compliance_reminders'
const DAY_MS = 86_400_000
/** A person hears about the same kind at most once in this many days. */
export const REMINDER_QUIET_DAYS = 7
/** Who gets the zone's digest. */
const DIGEST_ROLES = ['planner'] as const

/** 2026-03-01 → 01/03/2026 (the notification's text is shown and mailed as is). */
const belgian = (day: string): string => day.split('-').reverse().join('/')

export interface ReminderCounts {
  complianceDue: number
  qualificationExpiring: number
  digests: number
}

/** Sends the reminders due at `at`; returns how many notifications of each kind it wrote. */
export async function remindCompliance(db: Kysely<DB>, at: Date): Promise<ReminderCounts> {
  const today = brusselsDate(at)
  const dayStart = new Date(
    Temporal.PlainDate.from(today).toZonedDateTime({ timeZone: TIME_ZONE }).toInstant().epochMilliseconds,
  )
  // An hour's slack: the run of 7 days later (a daily job, rarely to the minute) reminds again.
  const quietSince = new Date(at.getTime() - REMINDER_QUIET_DAYS * DAY_MS + 3_600_000)
  const counts: ReminderCounts = { complianceDue: 0, qualificationExpiring: 0, digests: 0 }
  const zoneIds = await complianceRepository(db).zonesRecordingGpi48()
  for (const zoneId of zoneIds)
    await db.transaction().execute(async (trx) => {
      const repo = complianceRepository(trx)
      const { rules, people } = await zoneStanding(repo, zoneId, today)
      if (people.length === 0) return
      const due = people.filter((p) => p.gpi48.status !== 'compliant')
      const expiring = people.filter((p) => p.qualifications.some((q) => q.state === 'expiring'))
      const users = await repo.linkedUsers([...new Set([...due, ...expiring].map((p) => p.person.id))])
      const sentDue = await repo.notifiedSince('training.compliance_due', quietSince)
      for (const p of due) {
        const user = users.get(p.person.id)
        if (!user || sentDue.has(`${user}|${p.person.id}`)) continue
        await notify(trx, {
          recipients: [user],
          kind: 'training.compliance_due',
          params: {
            counted: String(p.gpi48.counted),
            required: String(rules.minSessions),
            date: p.gpi48.fallsBehindOn ? belgian(p.gpi48.fallsBehindOn) : belgian(today),
          },
          object: { type: 'training_person', id: p.person.id },
        })
        counts.complianceDue++
      }
      const sentQual = await repo.notifiedSince('training.qualification_expiring', quietSince)
      for (const p of expiring) {
        const user = users.get(p.person.id)
        if (!user || sentQual.has(`${user}|${p.person.id}`)) continue
        const lapsing = p.qualifications.filter((q) => q.state === 'expiring')
        const first = lapsing.map((q) => q.validUntil!).sort()[0]!
        await notify(trx, {
          recipients: [user],
          kind: 'training.qualification_expiring',
          params: { qualification: lapsing.map((q) => q.code).join(', '), validUntil: belgian(first) },
          object: { type: 'training_person', id: p.person.id },
        })
        counts.qualificationExpiring++
      }
      const behind = due.filter((p) => p.gpi48.status === 'behind').length
      if (due.length === 0 && expiring.length === 0) return
      const sentDigest = await repo.notifiedSince('training.compliance_digest', dayStart)
      const planners = (await repo.usersWithRole(zoneId, DIGEST_ROLES)).filter((u) => !sentDigest.has(`${u}|${zoneId}`))
      if (planners.length === 0) return
      await notify(trx, {
        recipients: planners,
        kind: 'training.compliance_digest',
        params: { behind: String(behind), dueSoon: String(due.length - behind), expiring: String(expiring.length) },
        object: { type: 'training_zone', id: zoneId },
      })
      counts.digests += planners.length
    })
  return counts
}

export function trainingComplianceJobs(): JobDefinition[] {
  return [
    {
      kind: COMPLIANCE_REMINDER_JOB,
      every: DAY_MS,
      run: async (_job, { db, now }) => void (await remindCompliance(db, now)),
    },
  ]
}
