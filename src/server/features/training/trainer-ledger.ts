// Trainer hours (issue 11, train-sessions): after a session ended, the time a trainer of ANOTHER zone than the
// organiser gave is posted to the assistance ledger as support given — a posting of kind `training`: the trainer's
// zone credited, the organiser debited, the minutes weighted by the association's assistance rate for category '*'
// in force on the session's day (its base, and its Saturday or Sunday extra on such a day; a session is not split
// by the hour like a deployment). Requires an agreement in force listing `assistance` for both zones (else 422
// LEDGER_NOT_SHARED). Each trainer row is posted once (its `ledger_posting`; the database's unique index and the
// locked session row keep it so); double entry is checked by the database at commit.
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { Temporal } from 'temporal-polyfill'
import { audit } from '../../platform/audit.ts'
import { now } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { decide } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { brusselsDate } from '../../platform/time.ts'
import { rateFor, weightedMinutes, type Rate } from '../assistance/domain/ledger.ts'
import { storedRates } from '../assistance/ledger-posting.ts'
import { ledgerRepository, type NewLine } from '../assistance/ledger-repository.ts'
import type { SlotHours } from '../permanences/domain/types.ts'
import { presentSession, reachOf } from './session-present.ts'
import { sessionRepository } from './session-repository.ts'
import type { TrainerHoursResult } from './session-schema.ts'

const PLAIN_RATE: Rate = {
  category: '*',
  from: '0001-01-01',
  to: null,
  base: 1,
  extra: { night: 0, saturday: 0, sunday: 0, holiday: 0 },
}

/** A trainer's minutes on the session's day: all of them in total, and in Saturday or Sunday on such a day. */
export function trainerMinutes(minutes: number, day: string): SlotHours {
  const dow = Temporal.PlainDate.from(day).dayOfWeek
  return { total: minutes, night: 0, saturday: dow === 6 ? minutes : 0, sunday: dow === 7 ? minutes : 0, holiday: 0 }
}

export function trainerLedger(db: Kysely<DB>) {
  return {
    async post(outer: PolicyContext, sessionId: string): Promise<TrainerHoursResult> {
      return db.transaction().execute(async (trx) => {
        const ctx = outer.on(trx)
        const repo = sessionRepository(trx)
        const row = await repo.byId(sessionId, await reachOf(ctx), true)
        if (!row) throw new AppError('NOT_FOUND')
        if (!(await decide(ctx, 'training.manage', { zoneIds: [row.zone_id] })).allowed) throw new AppError('FORBIDDEN')
        if (row.status === 'cancelled' || new Date(row.to).getTime() > now().getTime())
          throw new AppError('TRAINING_SESSION_NOT_ENDED', { to: new Date(row.to).toISOString() })
        const due = (await repo.trainers(sessionId)).filter((t) => t.zone_id !== row.zone_id && !t.ledger_posting)
        const grants = await ctx.grants()
        const ledger = ledgerRepository(trx)
        const day = brusselsDate(new Date(row.from))
        const rates = await storedRates(ledger, row.association_id)
        const rate = (rateFor(rates, '*', day) as (typeof rates)[number] | null) ?? null
        const postedAt = now()
        const lines: NewLine[] = []
        const posted: TrainerHoursResult['posted'] = []
        for (const t of due) {
          const shared = grants.some(
            (g) =>
              g.associationId === row.association_id &&
              g.domains.includes('assistance') &&
              g.zoneIds.includes(row.zone_id) &&
              g.zoneIds.includes(t.zone_id),
          )
          if (!shared) throw new AppError('LEDGER_NOT_SHARED', { zoneId: t.zone_id })
          const minutes = trainerMinutes(t.minutes, day)
          const amount = weightedMinutes(minutes, rate ?? PLAIN_RATE)
          const posting = randomUUID()
          const base = {
            association_id: row.association_id,
            posting,
            kind: 'training' as const,
            booked_on: day,
            deployment_id: null,
            settlement_id: null,
            reverses_posting: null,
            training_trainer_id: t.id,
            rate_id: rate?.id ?? null,
            posted_at: postedAt,
          }
          const sign = (n: number, s: 1 | -1) => s * n
          for (const [zone, counterpart, s] of [
            [t.zone_id, row.zone_id, 1],
            [row.zone_id, t.zone_id, -1],
          ] as const)
            lines.push({
              ...base,
              zone_id: zone,
              counterpart_zone_id: counterpart,
              amount: sign(amount, s),
              minutes_total: sign(minutes.total, s),
              minutes_night: 0,
              minutes_saturday: sign(minutes.saturday, s),
              minutes_sunday: sign(minutes.sunday, s),
              minutes_holiday: 0,
            })
          posted.push({ trainerId: t.id, posting, amount })
        }
        await ledger.insertLines(lines)
        for (const p of posted) await repo.markPosted(p.trainerId, p.posting)
        if (posted.length > 0)
          await audit.write(
            trx,
            ctx.actor,
            'training.trainer_hours.post',
            { type: 'training_session', id: sessionId },
            { posted },
            { chains: [...new Set([row.zone_id, ...due.map((t) => t.zone_id)])], domain: 'training' },
          )
        return { posted, session: await presentSession(trx, ctx, row, { logReads: false }) }
      })
    },
  }
}
