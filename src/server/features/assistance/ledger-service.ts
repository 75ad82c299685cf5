// The person-hours ledger's use cases (issue 9): the association's assistance settings and versioned rates
// (its admin writes them: assistance.settle), the balances per zone, per pair and per month, and a zone's period
// statement (the korpschef, planner or finance of a zone party to an agreement in force listing `assistance`,
// and the admin: assistance.ledger). Outside the reach: 404, never a hint. Partner people on a statement are
// named only through a visibility reason, and those reads are logged in the person's zone's chain.
import type { Kysely, Transaction } from 'kysely'
import { Temporal } from 'temporal-polyfill'
import { audit } from '../../platform/audit.ts'
import { now, today } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { decide, scope, type Rule } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { isValidDate } from '../../platform/time.ts'
import { limitDomains } from '../../platform/visibility.ts'
import { ledgerRepository, type LedgerRepository, type Period, type StatementRow } from './ledger-repository.ts'
import type {
  AssistanceBalances,
  AssistanceRate,
  AssistanceRateCreate,
  AssistanceSettings,
  AssistanceSettingsUpdate,
  AssistanceStatement,
  MonthPoint,
  PeriodQuery,
  StatementLine,
} from './ledger-schema.ts'

const DEFAULTS = { retroApprovalDays: 3, escalationMinutes: 5, hourlyRateCents: null }
const MAX_PERIOD_DAYS = 3660

/** Allowed, or 403 when the association is visible through `seenThrough`, else 404 (never a hint). */
export async function authorizeAssociation(
  db: Kysely<DB>,
  ctx: PolicyContext,
  rule: Rule,
  associationId: string,
  seenThrough?: Rule,
) {
  const association = await ledgerRepository(db).association(associationId)
  if (!association) throw new AppError('NOT_FOUND')
  const target = { associationIds: [associationId], domains: ['assistance'] }
  if ((await decide(ctx, rule, target)).allowed) return association
  if (seenThrough && (await decide(ctx, seenThrough, target)).allowed) throw new AppError('FORBIDDEN')
  throw new AppError('NOT_FOUND')
}

/** A period of Brussels days, `to` inclusive, at most ten years. */
export function checkPeriod(q: PeriodQuery): Period {
  if (!isValidDate(q.from) || !isValidDate(q.to)) throw new AppError('ASSISTANCE_PERIOD_INVALID')
  const days = Temporal.PlainDate.from(q.from).until(q.to, { largestUnit: 'days' }).days
  if (days < 0 || days > MAX_PERIOD_DAYS) throw new AppError('ASSISTANCE_PERIOD_INVALID')
  return { from: q.from, to: q.to }
}

/** A multiplier of numeric(5,3) within [min, 10] (base: above 0): else ASSISTANCE_RATE_INVALID. */
function multiplier(value: number, positive: boolean): number {
  const ok =
    Number.isFinite(value) &&
    (positive ? value > 0 : value >= 0) &&
    value <= 10 &&
    Math.abs(Math.round(value * 1000) - value * 1000) < 1e-6
  if (!ok) throw new AppError('ASSISTANCE_RATE_INVALID')
  return value
}

/**
 * An association-wide write of the admin (settings, a rate, a settlement), logged in the chain of every zone that is
 * a member of the association today — as agreement writes are in every party's chain — in the write's transaction.
 */
export async function auditAssociationWrite(
  trx: Transaction<DB>,
  ctx: PolicyContext,
  action: 'assistance.settings_update' | 'assistance.rate_create' | 'assistance.settlement_record',
  associationId: string,
  details: Record<string, unknown>,
): Promise<void> {
  const chains = await ledgerRepository(trx).memberZoneIds(associationId, today())
  await audit.write(trx, ctx.actor, action, { type: 'association', id: associationId }, details, {
    chains,
    domain: 'assistance',
  })
}

const who = (id: string | null, name: string | null) => (id ? { userId: id, name: name ?? '' } : null)

/** Months 'YYYY-MM' from the period's first to its last. */
function monthsOf(period: Period): string[] {
  const months: string[] = []
  let m = Temporal.PlainYearMonth.from(period.from.slice(0, 7))
  const last = Temporal.PlainYearMonth.from(period.to.slice(0, 7))
  while (Temporal.PlainYearMonth.compare(m, last) <= 0) {
    months.push(m.toString())
    m = m.add({ months: 1 })
  }
  return months
}

function presentLine(r: StatementRow): StatementLine {
  return {
    id: r.id,
    bookedOn: r.booked_on,
    kind: r.kind,
    counterpartZoneId: r.counterpart_zone_id,
    counterpartZoneCode: r.counterpart_zone_code,
    request:
      r.request_id && r.category && r.place !== null && r.request_start
        ? { id: r.request_id, category: r.category, place: r.place, start: new Date(r.request_start).toISOString() }
        : null,
    person:
      r.person_id && r.person_zone_code ? { zoneCode: r.person_zone_code, rank: r.rank, name: r.person_name } : null,
    settlementId: r.settlement_id,
    minutes: {
      total: r.minutes_total,
      night: r.minutes_night,
      saturday: r.minutes_saturday,
      sunday: r.minutes_sunday,
      holiday: r.minutes_holiday,
    },
    amount: r.amount,
    rate:
      r.rate_id && r.base !== null
        ? {
            id: r.rate_id,
            base: r.base,
            extra: {
              night: r.extra_night ?? 0,
              saturday: r.extra_saturday ?? 0,
              sunday: r.extra_sunday ?? 0,
              holiday: r.extra_holiday ?? 0,
            },
          }
        : null,
  }
}

async function balancesOf(repo: LedgerRepository, associationId: string, period: Period) {
  const [zones, totals, pairs, monthly] = await Promise.all([
    repo.zones(associationId, period),
    repo.zoneTotals(associationId, period),
    repo.pairTotals(associationId, period),
    repo.monthlyNet(associationId, period),
  ])
  const byZone = new Map(totals.map((t) => [t.zone_id, t]))
  const zoneBalances = zones.map((z) => {
    const t = byZone.get(z.id)
    const opening = t?.opening ?? 0
    const credit = t?.credit ?? 0
    const debit = t?.debit ?? 0
    return {
      zoneId: z.id,
      zoneCode: z.code,
      zoneName: z.name,
      opening,
      credit,
      debit,
      movements: t?.movements ?? 0,
      closing: opening + credit - debit,
    }
  })
  const net = new Map(monthly.map((m) => [`${m.zone_id}|${m.month}`, m.net]))
  const series: MonthPoint[] = []
  for (const z of zoneBalances) {
    let balance = z.opening
    for (const month of monthsOf(period)) {
      const n = net.get(`${z.zoneId}|${month}`) ?? 0
      balance += n
      series.push({ month, zoneId: z.zoneId, net: n, balance })
    }
  }
  return {
    zones: zoneBalances,
    pairs: pairs.map((p) => ({
      zoneId: p.zone_id,
      counterpartZoneId: p.counterpart_zone_id,
      opening: p.opening,
      movement: p.movement,
      closing: p.opening + p.movement,
    })),
    monthly: series,
  }
}

export function ledgerService(db: Kysely<DB>) {
  return {
    async settings(ctx: PolicyContext, associationId: string): Promise<AssistanceSettings> {
      await authorizeAssociation(db, ctx, 'assistance.ledger', associationId)
      const row = await ledgerRepository(db).settings(associationId)
      return row
        ? {
            associationId,
            retroApprovalDays: row.retro_approval_days,
            escalationMinutes: row.escalation_minutes,
            hourlyRateCents: row.hourly_rate_cents,
            updatedAt: row.updated_at.toISOString(),
            updatedBy: who(row.updated_by, row.updated_by_name),
          }
        : { associationId, ...DEFAULTS, updatedAt: null, updatedBy: null }
    },

    async updateSettings(
      ctx: PolicyContext,
      associationId: string,
      input: AssistanceSettingsUpdate,
    ): Promise<AssistanceSettings> {
      await authorizeAssociation(db, ctx, 'assistance.settle', associationId, 'assistance.ledger')
      await db.transaction().execute(async (trx) => {
        const values = {
          retro_approval_days: input.retroApprovalDays,
          escalation_minutes: input.escalationMinutes,
          hourly_rate_cents: input.hourlyRateCents,
        }
        await ledgerRepository(trx).upsertSettings(associationId, values, ctx.actor.userId, now())
        await auditAssociationWrite(trx, ctx, 'assistance.settings_update', associationId, { ...input })
      })
      return this.settings(ctx, associationId)
    },

    async rates(ctx: PolicyContext, associationId: string): Promise<{ items: AssistanceRate[] }> {
      await authorizeAssociation(db, ctx, 'assistance.ledger', associationId)
      const rows = await ledgerRepository(db).rates(associationId)
      return {
        items: rows.map((r) => ({
          id: r.id,
          category: r.category,
          from: r.from,
          to: r.to,
          base: r.base,
          extra: {
            night: r.extra_night,
            saturday: r.extra_saturday,
            sunday: r.extra_sunday,
            holiday: r.extra_holiday,
          },
          createdAt: r.created_at.toISOString(),
          createdBy: who(r.created_by, r.created_by_name),
        })),
      }
    },

    /**
     * A new version of a category's rate from `from` on: the version in force that day ends the day before, in
     * the same transaction; a version starting that very day, or a later one, overlaps (the exclusion
     * constraint answers 409). Postings already made keep the rate they were posted with.
     */
    async createRate(ctx: PolicyContext, associationId: string, input: AssistanceRateCreate): Promise<AssistanceRate> {
      await authorizeAssociation(db, ctx, 'assistance.settle', associationId, 'assistance.ledger')
      if (!isValidDate(input.from)) throw new AppError('ASSISTANCE_RATE_INVALID')
      const values = {
        base: multiplier(input.base, true),
        extra_night: multiplier(input.extra.night, false),
        extra_saturday: multiplier(input.extra.saturday, false),
        extra_sunday: multiplier(input.extra.sunday, false),
        extra_holiday: multiplier(input.extra.holiday, false),
      }
      const id = await db.transaction().execute(async (trx) => {
        const repo = ledgerRepository(trx)
        const current = await repo.rateInForce(associationId, input.category, input.from)
        if (current) {
          if (current.from === input.from) throw new AppError('ASSISTANCE_RATE_OVERLAP')
          await repo.endRate(current.id, input.from)
        }
        const row = await repo.insertRate({
          association_id: associationId,
          category: input.category,
          from: input.from,
          ...values,
          created_by: ctx.actor.userId,
          created_at: now(),
        })
        await auditAssociationWrite(trx, ctx, 'assistance.rate_create', associationId, { rateId: row.id, ...input })
        return row.id
      })
      const created = (await this.rates(ctx, associationId)).items.find((r) => r.id === id)
      if (!created) throw new AppError('NOT_FOUND')
      return created
    },

    async balances(ctx: PolicyContext, associationId: string, q: PeriodQuery): Promise<AssistanceBalances> {
      await authorizeAssociation(db, ctx, 'assistance.ledger', associationId)
      const period = checkPeriod(q)
      return { associationId, ...period, ...(await balancesOf(ledgerRepository(db), associationId, period)) }
    },

    async statement(
      ctx: PolicyContext,
      associationId: string,
      q: PeriodQuery & { zoneId: string },
    ): Promise<AssistanceStatement> {
      await authorizeAssociation(db, ctx, 'assistance.ledger', associationId)
      const period = checkPeriod(q)
      const repo = ledgerRepository(db)
      const zone = (await repo.zones(associationId, period)).find((z) => z.id === q.zoneId)
      if (!zone) throw new AppError('NOT_FOUND')
      // Who the reader may name: own zones, and partner people through a reason under `assistance` in force.
      const visibility = limitDomains(await scope(ctx, 'person.read'), ['assistance'])
      const dayAfter = Temporal.PlainDate.from(period.to).add({ days: 1 }).toString()
      const [opening, closing, rows] = await Promise.all([
        repo.zoneBefore(associationId, zone.id, period.from),
        repo.zoneBefore(associationId, zone.id, dayAfter),
        repo.statementLines(associationId, zone.id, period, visibility),
      ])
      const partnerNamed = rows.filter(
        (r) => r.person_name !== null && r.person_zone_id !== null && !visibility.ownZoneIds.includes(r.person_zone_id),
      )
      const zones = [...new Set(partnerNamed.map((r) => r.person_zone_id!))]
      if (zones.length > 0)
        await db.transaction().execute((trx) =>
          audit.partnerReads(
            trx,
            ctx.actor,
            zones.map((zoneId) => {
              const of = partnerNamed.filter((r) => r.person_zone_id === zoneId)
              const reasons = new Map(of.flatMap((r) => r.reasons ?? []).map((x) => [`${x.kind}|${x.domain}`, x]))
              return {
                zoneId,
                action: 'person.list' as const,
                reasons: [...reasons.values()],
                object: { type: 'assistance_statement', id: zone.id },
                details: { personIds: [...new Set(of.map((r) => r.person_id!))], from: period.from, to: period.to },
              }
            }),
          ),
        )
      const lines = rows.map(presentLine)
      return {
        associationId,
        zoneId: zone.id,
        zoneCode: zone.code,
        zoneName: zone.name,
        ...period,
        opening,
        lines,
        // From the aggregate, not the lines: a statement's lines are capped, its totals are not.
        closing,
      }
    },
  }
}
