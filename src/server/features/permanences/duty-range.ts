// planner (issue 8): the duties in force of a rotation over a period of local dates — what the roster calendar
// shows for a month or a year. `GET …/duties?at=` stays the point-in-time question; this is the range read.
import type { Kysely } from 'kysely'
import { Temporal } from 'temporal-polyfill'
import { AppError } from '../../platform/errors.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { presentDuties } from './present.ts'
import { localMidnight, nextDay } from './roster-input.ts'
import { rosterRepository } from './roster-repository.ts'
import { rotationsService } from './service.ts'

/** A year view spans twelve months, and a calendar grid may run a few days into the months either side. */
const MAX_DAYS = 400

/** The duties in force overlapping the local days `from` … `to` (inclusive), partner names logged as reads. */
export async function dutiesInRange(
  db: Kysely<DB>,
  ctx: PolicyContext,
  rotationId: string,
  period: { from: string; to: string },
) {
  const start = Temporal.PlainDate.from(period.from)
  const last = Temporal.PlainDate.from(period.to)
  if (Temporal.PlainDate.compare(last, start) < 0 || start.until(last).days >= MAX_DAYS)
    throw new AppError('ROSTER_PERIOD_INVALID', period)
  // Visibility first (404 for a rotation the caller may not see), then the rows.
  const rotation = await rotationsService(db).get(ctx, rotationId)
  const from = new Date(localMidnight(period.from))
  const to = new Date(localMidnight(nextDay(period.to)))
  const rows = await rosterRepository(db).duties(rotationId, from, to)
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    items: await presentDuties(db, ctx, rotation, rows),
  }
}
