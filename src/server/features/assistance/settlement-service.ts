// Settling the person-hours ledger (issue 9): the balances of every line booked up to a day (earlier
// settlements included: the carry-over) netted with the fewest transfers (platform/settle.ts), in weighted hours
// or in euros at the association's hourly rate (settlement-euros.ts: exact cents). Recording a settlement posts
// each transfer as a 'settlement' posting — the debtor +amount, the creditor −amount, booked on `until` — so the
// balances up to that day become zero and the next period carries only what came after.
import { randomUUID } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import { now } from '../../platform/clock.ts'
import type { SettlementUnit } from '../../platform/enums.ts'
import { AppError } from '../../platform/errors.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { isValidDate } from '../../platform/time.ts'
import { settle } from '../../platform/settle.ts'
import { ledgerRepository, type NewLine } from './ledger-repository.ts'
import type {
  AssistanceSettlement,
  SettlementCreate,
  SettlementProposal,
  SettlementQuery,
  SettlementTransfer,
} from './ledger-schema.ts'
import { auditAssociationWrite, authorizeAssociation } from './ledger-service.ts'
import { balanceCents, transferCents } from './settlement-euros.ts'
import { settlementRepository } from './settlement-repository.ts'

type Db = Kysely<DB> | Transaction<DB>

/** The proposal as of now (in the caller's transaction when recording). */
async function propose(
  db: Db,
  associationId: string,
  until: string,
  unit: SettlementUnit,
): Promise<SettlementProposal> {
  if (!isValidDate(until)) throw new AppError('ASSISTANCE_PERIOD_INVALID')
  const repo = ledgerRepository(db)
  const [settings, balances, zones, lastUntil] = await Promise.all([
    repo.settings(associationId),
    repo.balancesUntil(associationId, until),
    repo.zones(associationId, { from: until, to: until }),
    settlementRepository(db).lastUntil(associationId),
  ])
  const rate = settings?.hourly_rate_cents ?? null
  if (unit === 'euros' && rate === null) throw new AppError('ASSISTANCE_SETTLEMENT_NO_RATE')
  const minutes = new Map(balances.map((b) => [b.zone_id, b.balance]))
  const listed = zones.map((z) => ({
    zoneId: z.id,
    zoneCode: z.code,
    zoneName: z.name,
    minutes: minutes.get(z.id) ?? 0,
  }))
  const cents =
    unit === 'euros' && rate !== null
      ? balanceCents(
          listed.map((z) => z.minutes),
          rate,
        )
      : null
  const transfers = settle(minutes)
  const transferInCents =
    unit === 'euros' && rate !== null
      ? transferCents(
          transfers.map((t) => t.amount),
          rate,
        )
      : null
  return {
    associationId,
    until,
    unit,
    hourlyRateCents: unit === 'euros' ? rate : null,
    lastSettlementUntil: lastUntil,
    balances: listed.map((z, i) => ({ ...z, cents: cents ? cents[i]! : null })),
    transfers: transfers.map((t, i): SettlementTransfer => ({
      fromZoneId: t.from,
      toZoneId: t.to,
      minutes: t.amount,
      cents: transferInCents ? transferInCents[i]! : null,
    })),
  }
}

const asTransfers = (value: unknown): SettlementTransfer[] =>
  Array.isArray(value) ? (value as SettlementTransfer[]) : []

export function settlementService(db: Kysely<DB>) {
  return {
    async proposal(ctx: PolicyContext, associationId: string, q: SettlementQuery): Promise<SettlementProposal> {
      await authorizeAssociation(db, ctx, 'assistance.ledger', associationId)
      return propose(db, associationId, q.until, q.unit ?? 'hours')
    },

    async list(ctx: PolicyContext, associationId: string): Promise<{ items: AssistanceSettlement[] }> {
      await authorizeAssociation(db, ctx, 'assistance.ledger', associationId)
      const rows = await settlementRepository(db).list(associationId)
      return {
        items: rows.map((r) => ({
          id: r.id,
          associationId: r.association_id,
          until: r.until,
          unit: r.unit,
          hourlyRateCents: r.hourly_rate_cents,
          transfers: asTransfers(r.transfers),
          createdAt: r.created_at.toISOString(),
          createdBy: r.created_by ? { userId: r.created_by, name: r.created_by_name ?? '' } : null,
        })),
      }
    },

    /**
     * Records the settlement up to `until` and posts its transfers. Settlements follow each other: `until` after
     * the last one's, else 409 (the association is locked meanwhile, so two never interleave).
     */
    async record(ctx: PolicyContext, associationId: string, input: SettlementCreate): Promise<AssistanceSettlement> {
      await authorizeAssociation(db, ctx, 'assistance.settle', associationId, 'assistance.ledger')
      if (!isValidDate(input.until)) throw new AppError('ASSISTANCE_PERIOD_INVALID')
      const id = await db.transaction().execute(async (trx) => {
        const settlements = settlementRepository(trx)
        await settlements.lockAssociation(associationId)
        const last = await settlements.lastUntil(associationId)
        if (last !== null && input.until <= last) throw new AppError('ASSISTANCE_SETTLEMENT_ORDER')
        const proposal = await propose(trx, associationId, input.until, input.unit)
        const at = now()
        const { id } = await settlements.insert({
          association_id: associationId,
          until: input.until,
          unit: input.unit,
          hourly_rate_cents: proposal.hourlyRateCents,
          transfers: proposal.transfers,
          created_by: ctx.actor.userId,
          created_at: at,
        })
        await auditAssociationWrite(trx, ctx, 'assistance.settlement_record', associationId, {
          settlementId: id,
          until: input.until,
          unit: input.unit,
          transfers: proposal.transfers.length,
        })
        const line = (t: SettlementTransfer, posting: string, debtor: boolean): NewLine => ({
          association_id: associationId,
          posting,
          kind: 'settlement',
          zone_id: debtor ? t.fromZoneId : t.toZoneId,
          counterpart_zone_id: debtor ? t.toZoneId : t.fromZoneId,
          amount: debtor ? t.minutes : -t.minutes,
          booked_on: input.until,
          deployment_id: null,
          settlement_id: id,
          reverses_posting: null,
          rate_id: null,
          minutes_total: 0,
          minutes_night: 0,
          minutes_saturday: 0,
          minutes_sunday: 0,
          minutes_holiday: 0,
          posted_at: at,
        })
        await ledgerRepository(trx).insertLines(
          proposal.transfers.flatMap((t) => {
            const posting = randomUUID()
            return [line(t, posting, true), line(t, posting, false)]
          }),
        )
        return id
      })
      const recorded = (await this.list(ctx, associationId)).items.find((s) => s.id === id)
      if (!recorded) throw new AppError('NOT_FOUND')
      return recorded
    },
  }
}
