// What a server process runs besides HTTP: the event dispatcher (events.ts) and the job runner (jobs.ts)
// with the platform's recurring jobs. `verbond serve` starts it and closes it at shutdown; tests start the
// pieces they need themselves.
import type { Config } from '../config.ts'
import { assistanceJobs } from '../features/assistance/alert-jobs.ts'
import { equipmentJobs } from '../features/equipment/validity-jobs.ts' // assets (issue 10)
import { purgeLoginAttempts } from '../features/auth/service.ts'
import { bookingJobs } from '../features/equipment/booking-jobs.ts' // bookings (issue 10)
import { trainingComplianceJobs } from '../features/training/compliance-jobs.ts' // train-compliance (issue 11)
import { sessionStore } from './auth/sessions.ts'
import { currentClock, systemClock, type Clock } from './clock.ts'
import type { Database } from './db.ts'
import { startEventBus, type EventBus, type Log } from './events.ts'
import { jobRunner, type JobDefinition, type JobRunner } from './jobs.ts'
import { mailJobs, type MailConfig } from './mail.ts'
import { notificationJobs } from './notifications.ts'

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE
/** Published events are kept this long: long enough for any stream to resume, short enough to stay small. */
export const OUTBOX_RETENTION_DAYS = 7
/** Finished jobs are kept for inspection: done ones a week, failed ones a month. */
const DONE_JOB_RETENTION_DAYS = 7
const FAILED_JOB_RETENTION_DAYS = 30

type BackgroundConfig = Pick<
  Config,
  | 'sessionTtlHours'
  | 'sessionIdleMinutes'
  | 'loginWindowMinutes'
  | 'loginAttemptsRetentionDays'
  | 'notificationRetentionDays'
>

/** The platform's recurring jobs (features add their own definitions beside these). */
export function platformJobs(config: BackgroundConfig): JobDefinition[] {
  return [
    {
      kind: 'auth.session_purge',
      every: 10 * MINUTE,
      run: (_job, { db }) =>
        sessionStore(
          db,
          { ttlHours: config.sessionTtlHours, idleMinutes: config.sessionIdleMinutes },
          currentClock(),
        ).purgeExpired(),
    },
    {
      kind: 'auth.login_attempts_purge',
      every: 60 * MINUTE,
      run: async (_job, { db }) => void (await purgeLoginAttempts(db, config)),
    },
    {
      kind: 'platform.retention',
      every: DAY,
      run: async (_job, { db, now }) => {
        const before = (days: number) => new Date(now.getTime() - days * DAY)
        await db.deleteFrom('outbox_events').where('published_at', '<', before(OUTBOX_RETENTION_DAYS)).execute()
        await db
          .deleteFrom('jobs')
          .where((eb) =>
            eb.or([
              eb.and([eb('state', '=', 'done'), eb('finished_at', '<', before(DONE_JOB_RETENTION_DAYS))]),
              eb.and([eb('state', '=', 'failed'), eb('finished_at', '<', before(FAILED_JOB_RETENTION_DAYS))]),
            ]),
          )
          .execute()
      },
    },
    ...notificationJobs(config),
    // alerts (issue 9)
    ...assistanceJobs(),
    // assets (issue 10): the daily reminder of lapsing validities
    ...equipmentJobs(),
    // bookings (issue 10): overdue loans
    ...bookingJobs(),
    // train-compliance (issue 11): daily GPI 48 and qualification reminders
    ...trainingComplianceJobs(),
  ]
}

export interface Background {
  bus: EventBus
  jobs: JobRunner
  /** Stops the runner (waiting for a running job), then the dispatcher. */
  close(): Promise<void>
}

export async function startBackground(
  database: Database,
  config: BackgroundConfig & MailConfig & Pick<Config, 'databaseUrl'>,
  options: { clock?: Clock; log?: Log; jobs?: readonly JobDefinition[]; pollMs?: number } = {},
): Promise<Background> {
  const clock = options.clock ?? systemClock
  const bus = await startEventBus(database, { databaseUrl: config.databaseUrl, clock, log: options.log })
  const jobs = jobRunner(database.db, [...platformJobs(config), ...mailJobs(config), ...(options.jobs ?? [])], {
    clock,
    log: options.log,
    pollMs: options.pollMs,
    mail: config.smtpUrl !== null,
  })
  try {
    await jobs.start()
  } catch (err) {
    await bus.close()
    throw err
  }
  return {
    bus,
    jobs,
    async close() {
      await jobs.stop()
      await bus.close()
    },
  }
}
