// investments (issue 10): the policy matrix's world and fixtures for joint investments. own = an investment of
// the own association whose only party is the own zone (5373); partner = one of the own association whose only
// party is the partner zone (5375: its admin reaches it, the own zone's roles do not); foreign = one of 5447 and
// 5448 (another association). Writes whose repetition would change the answer ask something stable: each key
// version starts a day later than the one before, each removed cost is a fresh one, and removing the first
// version (in force since 2026) is always a conflict.
import { makeInvestment } from './equipment.factories.ts'
import type { AssociationRef, ZoneRef } from './factories.ts'
import type { TestApp } from './harness.ts'
import type { ActorName, Fixture, Target, World, WorldObject } from './policy-matrix.world.ts'

export interface InvestmentsWorld {
  investment: Record<Target, string>
  /** The first key version of each investment (valid from 2026-01-01: started). */
  firstKey: Record<Target, string>
  /** A fresh running cost per (actor, target). */
  costs: Map<string, string>
}

const MATRIX_ACTORS: ActorName[] = [
  'korpschef',
  'planner',
  'officer',
  'logistics',
  'finance',
  'trainer',
  'dpo',
  'admin',
]
const TARGETS: Target[] = ['own', 'partner', 'foreign']

export async function investmentsWorld(
  t: TestApp,
  zone: World['zone'],
  association: World['association'],
): Promise<InvestmentsWorld> {
  const db = t.database.db
  const ref = (id: string): ZoneRef => ({ id, code: '', name: '' })
  const assoc = (id: string, zones: string[]): AssociationRef => ({ id, code: '', name: '', zones: zones.map(ref) })
  const made = {
    own: await makeInvestment(t, { association: assoc(association.own, [zone.own]), title: 'Matrix own' }),
    partner: await makeInvestment(t, { association: assoc(association.own, [zone.partner]), title: 'Matrix partner' }),
    foreign: await makeInvestment(t, {
      association: assoc(association.foreign, [zone.foreign, zone.foreign2]),
      title: 'Matrix foreign',
    }),
  }
  const investment = { own: made.own.id, partner: made.partner.id, foreign: made.foreign.id }
  const firstKey = {} as Record<Target, string>
  const costs = new Map<string, string>()
  for (const tg of TARGETS) {
    const key = await db
      .selectFrom('investment_cost_keys')
      .select('id')
      .where('investment_id', '=', investment[tg])
      .executeTakeFirstOrThrow()
    firstKey[tg] = key.id
    for (const actor of MATRIX_ACTORS) {
      const { id } = await db
        .insertInto('investment_costs')
        .values({
          investment_id: investment[tg],
          association_id: tg === 'foreign' ? association.foreign : association.own,
          kind: 'maintenance',
          incurred_on: '2026-02-01',
          amount_cents: 12_345,
          description: `Matrix ${actor}`,
          paid_by_zone_id: zone[tg],
          created_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      costs.set(`${actor}/${tg}`, id)
    }
  }
  return { investment, firstKey, costs }
}

const anInvestment = (tg: Target): WorldObject =>
  tg === 'foreign' ? { zones: ['foreign', 'foreign2'], association: 'foreign' } : { zones: [tg], association: 'own' }

let keyDay = 0
/** A later day for each key version the matrix adds (from 2030 on, past every other version). */
const nextKeyDay = () => new Date(Date.UTC(2030, 0, 1) + keyDay++ * 86_400_000).toISOString().slice(0, 10)

export const INVESTMENT_FIXTURES: Record<string, Fixture | Fixture[]> = {
  listInvestments: { request: () => ({ method: 'GET', url: '/api/investments' }) },
  suggestKeyInputs: {
    request: (w, tg) => ({ method: 'GET', url: `/api/investments/key-inputs?zoneIds=${w.zone[tg]}&on=2026-01-01` }),
  },
  createInvestment: {
    request: (w, tg) => ({
      method: 'POST',
      url: '/api/investments',
      payload: {
        associationId: w.association[tg],
        title: 'Matrix nieuw',
        purchasedOn: '2026-01-01',
        amountCents: 100_000,
        depreciationMonths: 60,
        paidByZoneId: w.zone[tg],
        managingZoneId: w.zone[tg],
        parties: [{ zoneId: w.zone[tg] }],
        costKey: { method: 'equal' },
      },
    }),
    object: anInvestment,
    ok: 201,
  },
  getInvestment: {
    request: (w, tg) => ({ method: 'GET', url: `/api/investments/${w.investments.investment[tg]}` }),
    object: anInvestment,
  },
  updateInvestment: {
    request: (w, tg) => ({
      method: 'PATCH',
      url: `/api/investments/${w.investments.investment[tg]}`,
      payload: { supplier: 'Matrix leverancier' },
    }),
    object: anInvestment,
  },
  setInvestmentParties: {
    request: (w, tg) => ({
      method: 'PUT',
      url: `/api/investments/${w.investments.investment[tg]}/parties`,
      payload: {
        parties:
          tg === 'foreign'
            ? [{ zoneId: w.zone.foreign }, { zoneId: w.zone.foreign2 }]
            : [{ zoneId: w.zone[tg], joinedOn: '2026-01-01' }],
      },
    }),
    object: anInvestment,
  },
  setInvestmentAssets: {
    request: (w, tg) => ({
      method: 'PUT',
      url: `/api/investments/${w.investments.investment[tg]}/assets`,
      payload: { assetIds: [] },
    }),
    object: anInvestment,
  },
  addCostKey: {
    request: (w, tg) => ({
      method: 'POST',
      url: `/api/investments/${w.investments.investment[tg]}/cost-keys`,
      payload: { validFrom: nextKeyDay(), method: 'equal', closePrevious: true },
    }),
    object: anInvestment,
    ok: 201,
  },
  removeCostKey: {
    request: (w, tg) => ({
      method: 'DELETE',
      url: `/api/investments/${w.investments.investment[tg]}/cost-keys/${w.investments.firstKey[tg]}`,
    }),
    object: anInvestment,
    ok: 409, // in force since 2026: only a version that has not started may go
  },
  addRunningCost: {
    request: (w, tg) => ({
      method: 'POST',
      url: `/api/investments/${w.investments.investment[tg]}/costs`,
      payload: {
        kind: 'licence',
        incurredOn: '2026-03-01',
        amountCents: 5_000,
        description: 'Matrix licentie',
        paidByZoneId: w.zone[tg],
      },
    }),
    object: anInvestment,
    ok: 201,
  },
  removeRunningCost: {
    request: (w, tg, a) => ({
      method: 'DELETE',
      url: `/api/investments/${w.investments.investment[tg]}/costs/${w.investments.costs.get(`${a}/${tg}`) ?? w.investments.costs.get(`admin/${tg}`)}`,
    }),
    object: anInvestment,
  },
}
