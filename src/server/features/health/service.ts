// The health check: is the database answering, which kind is it, does it hold the demo data set.
import type { Kysely } from 'kysely'
import type { DatabaseKind } from '../../config.ts'
import { AppError } from '../../platform/errors.ts'
import type { DB } from '../../platform/schema.ts'
import { healthRepository } from './repository.ts'
import type { Health } from './schema.ts'

interface Logger {
  error(obj: Record<string, unknown>, msg: string): void
}

export function healthService(db: Kysely<DB>, opts: { kind: DatabaseKind; demo: boolean; log: Logger }) {
  const repo = healthRepository(db)
  return {
    async check(): Promise<Health> {
      try {
        await repo.ping()
      } catch (err) {
        // The client gets SERVICE_UNAVAILABLE; the reason is for the operator's log.
        opts.log.error({ err }, 'health check: database unreachable')
        throw new AppError('SERVICE_UNAVAILABLE')
      }
      return { status: 'ok', database: opts.kind, demo: opts.demo }
    },
  }
}
