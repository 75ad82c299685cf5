// The loan terms of an agreement (issue 10), per asset kind ('*': every kind without its own): auto-approval (up
// to a number of hours), the buffer kept free after each loan, the fee per started day. Read and replaced as a
// whole by the korpschef of a party zone or the association's admin; every change in each party's audit chain.
import type { Kysely } from 'kysely'
import { audit } from '../../platform/audit.ts'
import { now } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { decide } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { agreementsRepository } from '../agreements/repository.ts'
import { bookingRepository } from './booking-repository.ts'
import type { LoanTermsBody, LoanTermsList } from './booking-schema.ts'

export function loanTermsService(db: Kysely<DB>) {
  /** The agreement, when the reader sees it (else 404) and holds the terms rule for it (else 403). */
  async function agreementFor(ctx: PolicyContext, agreementId: string) {
    const agreements = agreementsRepository(db)
    const agreement = await agreements.byId(agreementId)
    if (!agreement) throw new AppError('NOT_FOUND')
    const parties = await agreements.parties([agreementId])
    const target = { zoneIds: parties.map((p) => p.zone_id), associationIds: [agreement.association_id] }
    if (!(await decide(ctx, 'agreement.read', target)).allowed) throw new AppError('NOT_FOUND')
    if (!(await decide(ctx, 'equipment.terms', target)).allowed) throw new AppError('FORBIDDEN')
    return { id: agreement.id, associationId: agreement.association_id, zoneIds: target.zoneIds }
  }

  return {
    async get(ctx: PolicyContext, agreementId: string): Promise<LoanTermsList> {
      await agreementFor(ctx, agreementId)
      return { items: await bookingRepository(db).terms(agreementId) }
    },

    async set(ctx: PolicyContext, agreementId: string, body: LoanTermsBody): Promise<LoanTermsList> {
      const agreement = await agreementFor(ctx, agreementId)
      const kinds = body.items.map((t) => t.kind)
      if (new Set(kinds).size !== kinds.length) throw new AppError('VALIDATION_FAILED', { field: 'items' })
      return db.transaction().execute(async (trx) => {
        const repo = bookingRepository(trx)
        await repo.replaceTerms(agreement.id, agreement.associationId, body.items, ctx.actor.userId, now())
        const items = await repo.terms(agreement.id)
        await audit.write(
          trx,
          ctx.actor,
          'equipment.terms_update',
          { type: 'agreement', id: agreement.id },
          { items },
          { chains: agreement.zoneIds, domain: 'equipment' },
        )
        return { items }
      })
    },
  }
}
