// settlements (issue 10): the policy matrix's world and fixtures for an investment's shares and an association's
// settlements and statements. Investments are inserted as migration 0019 holds them: own = one of the own
// association shared by the own zone (5373); partner = one of the own association shared by the partner zone
// (5375) only (its admin sees it; the own zone's roles do not); foreign = one of the foreign association. A
// settlement is asked of the association of the target; each recording takes a later year than the one before.
import { sql } from 'kysely'
import type { TestApp } from './harness.ts'
import type { Fixture, Target, World, WorldObject } from './policy-matrix.world.ts'

export interface InvestmentSettlementsWorld {
  investment: Record<Target, string>
}

export async function investmentSettlementsWorld(
  t: TestApp,
  zone: World['zone'],
  association: World['association'],
): Promise<InvestmentSettlementsWorld> {
  const db = t.database.db
  const at = new Date('2026-01-05T08:00:00Z')
  const investment = async (assoc: string, zoneId: string) => {
    const { id } = await db
      .insertInto('investments')
      .values({
        association_id: assoc,
        title: 'Matrix investering',
        purchased_on: '2025-01-01',
        amount_cents: 1_000_000,
        depreciation_months: 60,
        paid_by_zone_id: zoneId,
        managing_zone_id: zoneId,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('investment_parties')
      .values({ investment_id: id, zone_id: zoneId, joined_on: '2025-01-01' })
      .execute()
    await db
      .insertInto('investment_cost_keys')
      .values({
        investment_id: id,
        association_id: assoc,
        valid: sql<string>`daterange('2025-01-01'::date, NULL, '[)')`,
        method: 'equal',
        weights: '{}',
        inputs: '{}',
        created_at: at,
      })
      .execute()
    return id
  }
  return {
    investment: {
      own: await investment(association.own, zone.own),
      partner: await investment(association.own, zone.partner),
      foreign: await investment(association.foreign, zone.foreign),
    },
  }
}

const ofAssociation = (tg: Target): WorldObject => ({ zones: [], association: tg === 'foreign' ? 'foreign' : 'own' })
const ofInvestment = (tg: Target): WorldObject => ({ zones: [tg], association: tg === 'foreign' ? 'foreign' : 'own' })
const statement = (w: World, tg: Target, ext: 'csv' | 'pdf') => ({
  method: 'GET' as const,
  url: `/api/investments/associations/${w.association[tg]}/statement.${ext}?zoneId=${w.zone[tg]}&from=2025-01-01&to=2026-01-01`,
})
let settlementYear = 2050

export const INVESTMENT_SETTLEMENT_FIXTURES: Record<string, Fixture> = {
  getInvestmentShares: {
    request: (w, tg) => ({
      method: 'GET',
      url: `/api/investments/${w.investmentSettlements.investment[tg]}/shares?from=2025-01-01&to=2026-01-01`,
    }),
    object: ofInvestment,
  },
  getSettlement: {
    request: (w, tg) => ({
      method: 'GET',
      url: `/api/investments/associations/${w.association[tg]}/settlement?from=2025-01-01&to=2026-01-01`,
    }),
    object: ofAssociation,
  },
  listSettlements: {
    request: (w, tg) => ({ method: 'GET', url: `/api/investments/associations/${w.association[tg]}/settlements` }),
    object: ofAssociation,
  },
  recordSettlement: {
    request: (w, tg) => {
      const year = settlementYear++
      return {
        method: 'POST',
        url: `/api/investments/associations/${w.association[tg]}/settlements`,
        payload: { from: `${year}-01-01`, to: `${year + 1}-01-01` },
      }
    },
    object: ofAssociation,
    ok: 201,
  },
  settlementStatementCsv: { request: (w, tg) => statement(w, tg, 'csv'), object: ofAssociation },
  settlementStatementPdf: { request: (w, tg) => statement(w, tg, 'pdf'), object: ofAssociation },
}
