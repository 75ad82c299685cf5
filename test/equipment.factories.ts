// equipment and investments (issue 10): factories of the assets', bookings' and investments' tests. Assets,
// their validities, loan terms and investments are inserted directly, as migration 0019 holds them (each test
// builds its own; the write paths have their own tests). A weapon starts in its keeping zone's armoury (the first
// link of its chain of custody).
import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import type { AssetKind, AssetStatus, CostKeyMethod, LoanTermKind, ValidityKind } from '../src/server/platform/enums.ts'
import type { AgreementRef, AssociationRef, ZoneRef } from './factories.ts'
import type { TestApp } from './harness.ts'

const unique = () => randomBytes(4).toString('hex')

export interface AssetRef {
  id: string
  zoneId: string
  kind: AssetKind
  identifier: string
  name: string
}

/** An asset kept by `zone` (available and lendable by default), with its validities. */
export async function makeAsset(
  t: TestApp,
  opts: {
    zone: ZoneRef
    kind?: AssetKind
    name?: string
    identifier?: string
    status?: AssetStatus
    lendable?: boolean
    investmentId?: string
    location?: string
    validities?: { kind: ValidityKind; validUntil: string }[]
  },
): Promise<AssetRef> {
  const kind = opts.kind ?? 'speed_radar'
  const identifier = opts.identifier ?? `SN-${unique()}`
  const name = opts.name ?? `Test ${kind} ${identifier}`
  const now = new Date()
  return t.database.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('assets')
      .values({
        zone_id: opts.zone.id,
        investment_id: opts.investmentId ?? null,
        kind,
        name,
        identifier,
        status: opts.status ?? 'available',
        lendable: opts.lendable ?? true,
        location: opts.location ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const v of opts.validities ?? [])
      await trx
        .insertInto('asset_validities')
        .values({ asset_id: id, zone_id: opts.zone.id, kind: v.kind, valid_until: v.validUntil, created_at: now })
        .execute()
    if (kind === 'weapon')
      await trx
        .insertInto('weapon_custody')
        .values({
          asset_id: id,
          zone_id: opts.zone.id,
          holder_person_id: null,
          holder_zone_id: opts.zone.id,
          period: sql<string>`tstzrange(${now.toISOString()}::timestamptz - interval '1 year', NULL, '[)')`,
        })
        .execute()
    return { id, zoneId: opts.zone.id, kind, identifier, name }
  })
}

/** Loan terms of an agreement for an asset kind ('*' by default). */
export async function makeLoanTerms(
  t: TestApp,
  opts: {
    agreement: AgreementRef
    kind?: LoanTermKind
    autoApprove?: boolean
    autoApproveMaxHours?: number
    bufferMinutes?: number
    feeCentsPerDay?: number
  },
): Promise<void> {
  await t.database.db
    .insertInto('equipment_loan_terms')
    .values({
      agreement_id: opts.agreement.id,
      association_id: opts.agreement.associationId,
      kind: opts.kind ?? '*',
      auto_approve: opts.autoApprove ?? false,
      auto_approve_max_hours: opts.autoApproveMaxHours ?? null,
      buffer_minutes: opts.bufferMinutes ?? 0,
      fee_cents_per_day: opts.feeCentsPerDay ?? 0,
      updated_at: new Date(),
    })
    .execute()
}

export interface InvestmentRef {
  id: string
  associationId: string
}

/**
 * A joint investment of `association` shared by `parties` (its zones by default, all joined on the purchase day
 * unless `joinedOn` says otherwise), bought and managed by the first party, with one cost key version valid from
 * the purchase day (equal by default).
 */
export async function makeInvestment(
  t: TestApp,
  opts: {
    association: AssociationRef
    parties?: { zone: ZoneRef; joinedOn?: string; leftOn?: string }[]
    agreement?: AgreementRef
    title?: string
    amountCents?: number
    purchasedOn?: string
    depreciationMonths?: number
    key?: {
      method: CostKeyMethod
      weights?: Record<string, number>
      inputs?: Record<string, { population?: number; fte?: number; percent?: number }>
      validFrom?: string
      validTo?: string
    }
  },
): Promise<InvestmentRef> {
  const parties: { zone: ZoneRef; joinedOn?: string; leftOn?: string }[] =
    opts.parties ?? opts.association.zones.map((zone) => ({ zone }))
  const first = parties[0]
  if (!first) throw new Error('makeInvestment: no parties')
  const purchasedOn = opts.purchasedOn ?? '2026-01-01'
  const key = opts.key ?? { method: 'equal' as const }
  const now = new Date()
  return t.database.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('investments')
      .values({
        association_id: opts.association.id,
        agreement_id: opts.agreement?.id ?? null,
        title: opts.title ?? `Testinvestering ${unique()}`,
        purchased_on: purchasedOn,
        amount_cents: opts.amountCents ?? 1_000_000,
        depreciation_months: opts.depreciationMonths ?? 60,
        paid_by_zone_id: first.zone.id,
        managing_zone_id: first.zone.id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('investment_parties')
      .values(
        parties.map((p) => ({
          investment_id: id,
          zone_id: p.zone.id,
          joined_on: p.joinedOn ?? purchasedOn,
          left_on: p.leftOn ?? null,
        })),
      )
      .execute()
    await trx
      .insertInto('investment_cost_keys')
      .values({
        investment_id: id,
        association_id: opts.association.id,
        valid: sql<string>`daterange(${key.validFrom ?? purchasedOn}::date, ${key.validTo ?? null}::date, '[)')`,
        method: key.method,
        weights: JSON.stringify(key.weights ?? {}),
        inputs: JSON.stringify(key.inputs ?? {}),
        created_at: now,
      })
      .execute()
    return { id, associationId: opts.association.id }
  })
}
