// The investments demo (issue 10): Voeren (5382) and Bilzen-Hoeselt-Riemst (5381) bought their server park and a
// mobile speed radar together under their associatieprotocol (listing `investment`). Rows are inserted as the
// service leaves them (the demo needs no actor): the investments, their parties, cost key versions with the real
// population of the zones' municipalities on the purchase day, the assets bought (identifiers `INV-…`, apart from
// the zone-owned demo assets) and the yearly running costs. Idempotent: an investment already there is left as it is.
import { sql, type Kysely, type Transaction } from 'kysely'
import { today } from '../../platform/clock.ts'
import type { AssetKind, CostKeyMethod, RunningCostKind } from '../../platform/enums.ts'
import type { DB } from '../../platform/schema.ts'
import { investmentRepository } from './investment-repository.ts'
import { addDays } from '../../platform/time.ts'

interface DemoKey {
  from: string
  to: string | null
  method: CostKeyMethod
  weights?: Record<string, number>
  /** Take the population and FTE of the zones on `from` as the inputs. */
  figures?: boolean
  note: string
}

interface DemoInvestment {
  title: string
  supplier: string
  description: string
  purchasedOn: string
  amountCents: number
  depreciationMonths: number
  keys: DemoKey[]
  assets: {
    zone: '5381' | '5382'
    kind: AssetKind
    name: string
    identifier: string
    location: string
    calibration?: true
  }[]
  costs: {
    kind: RunningCostKind
    monthDay: string
    years: number[]
    amountCents: number
    description: string
    paidBy: '5381' | '5382'
  }[]
}

const DEMO: DemoInvestment[] = [
  {
    title: 'Gemeenschappelijk serverpark',
    supplier: 'Realdolmen',
    description:
      'Serverpark voor beide korpsen (ISLP, mail, bestandsopslag) in het datacenter van Bilzen, met een back-upserver in Voeren.',
    purchasedOn: '2022-03-15',
    amountCents: 18_425_000,
    depreciationMonths: 60,
    keys: [
      {
        from: '2022-03-15',
        to: null,
        method: 'mix',
        weights: { population: 50, fte: 50 },
        figures: true,
        note: 'Helft volgens inwoners, helft volgens personeel (associatieprotocol).',
      },
    ],
    assets: [
      {
        zone: '5381',
        kind: 'server',
        name: 'Serverrack datacenter Bilzen',
        identifier: 'INV-SRV-001',
        location: 'Datacenter Bilzen',
      },
      {
        zone: '5382',
        kind: 'server',
        name: 'Back-upserver Voeren',
        identifier: 'INV-SRV-002',
        location: 'Commissariaat Voeren',
      },
    ],
    costs: [
      {
        kind: 'licence',
        monthDay: '01-15',
        years: [2024, 2025, 2026],
        amountCents: 2_148_000,
        description: 'Jaarlicenties virtualisatie en back-up',
        paidBy: '5381',
      },
      {
        kind: 'maintenance',
        monthDay: '09-01',
        years: [2024, 2025, 2026],
        amountCents: 875_000,
        description: 'Onderhoudscontract hardware',
        paidBy: '5381',
      },
    ],
  },
  {
    title: 'Mobiele snelheidsradar',
    supplier: 'Sensys Gatso Belgium',
    description: 'Mobiele flitspaal voor snelheidscontroles in beide zones, geijkt en gehomologeerd.',
    purchasedOn: '2023-06-01',
    amountCents: 9_680_000,
    depreciationMonths: 84,
    keys: [
      {
        from: '2023-06-01',
        to: '2025-01-01',
        method: 'equal',
        note: 'Gelijke delen tot het eerste volledige gebruiksjaar.',
      },
      { from: '2025-01-01', to: null, method: 'usage_hours', note: 'Volgens de uren dat elke zone de radar gebruikt.' },
    ],
    assets: [
      {
        zone: '5381',
        kind: 'speed_radar',
        name: 'Mobiele snelheidsradar',
        identifier: 'INV-RAD-001',
        location: 'Commissariaat Bilzen',
        calibration: true,
      },
    ],
    costs: [
      {
        kind: 'calibration',
        monthDay: '06-10',
        years: [2024, 2025, 2026],
        amountCents: 185_000,
        description: 'Jaarlijkse ijking',
        paidBy: '5381',
      },
    ],
  },
]

async function seedOne(
  trx: Transaction<DB>,
  d: DemoInvestment,
  ctx: { associationId: string; agreementId: string; zone: Record<'5381' | '5382', string> },
): Promise<{ assets: number; costs: number }> {
  const repo = investmentRepository(trx)
  const at = new Date(`${d.purchasedOn}T09:00:00Z`)
  const zoneIds = [ctx.zone['5382'], ctx.zone['5381']]
  const { id } = await repo.insertInvestment({
    association_id: ctx.associationId,
    agreement_id: ctx.agreementId,
    title: d.title,
    supplier: d.supplier,
    description: d.description,
    purchased_on: d.purchasedOn,
    amount_cents: d.amountCents,
    depreciation_months: d.depreciationMonths,
    paid_by_zone_id: ctx.zone['5381'],
    managing_zone_id: ctx.zone['5381'],
    created_by: null,
    at,
  })
  await repo.replaceParties(
    id,
    zoneIds.map((z) => ({ zone_id: z, joined_on: d.purchasedOn, left_on: null })),
  )
  for (const k of d.keys) {
    const figures = k.figures ? await repo.keyInputs(zoneIds, k.from) : []
    const inputs = Object.fromEntries(
      figures.map((f) => [f.zone_id, { population: Number(f.population), fte: Math.round(Number(f.fte) * 100) / 100 }]),
    )
    await trx
      .insertInto('investment_cost_keys')
      .values({
        investment_id: id,
        association_id: ctx.associationId,
        valid: sql<string>`daterange(${k.from}::date, ${k.to}::date, '[)')`,
        method: k.method,
        weights: JSON.stringify(k.weights ?? {}),
        inputs: JSON.stringify(inputs),
        note: k.note,
        created_at: new Date(`${k.from}T09:00:00Z`),
      })
      .execute()
  }
  for (const a of d.assets) {
    const { id: assetId } = await trx
      .insertInto('assets')
      .values({
        zone_id: ctx.zone[a.zone],
        investment_id: id,
        kind: a.kind,
        name: a.name,
        identifier: a.identifier,
        location: a.location,
        lendable: true,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (a.calibration)
      await trx
        .insertInto('asset_validities')
        .values({
          asset_id: assetId,
          zone_id: ctx.zone[a.zone],
          kind: 'calibration',
          valid_until: addDays(today(), 150),
          note: 'IJkingsattest (demo)',
          created_at: at,
        })
        .execute()
  }
  let costs = 0
  for (const c of d.costs)
    for (const year of c.years) {
      const incurredOn = `${year}-${c.monthDay}`
      if (incurredOn > today()) continue
      await trx
        .insertInto('investment_costs')
        .values({
          investment_id: id,
          association_id: ctx.associationId,
          kind: c.kind,
          incurred_on: incurredOn,
          amount_cents: c.amountCents,
          description: `${c.description} ${year}`,
          paid_by_zone_id: ctx.zone[c.paidBy],
          created_at: new Date(`${incurredOn}T09:00:00Z`),
        })
        .execute()
      costs++
    }
  return { assets: d.assets.length, costs }
}

/** Seeds the demo investments of Voeren and Bilzen-Hoeselt-Riemst once; counts what it made. */
export async function seedDemoInvestments(
  db: Kysely<DB>,
): Promise<{ investments: number; assets: number; costs: number }> {
  const made = { investments: 0, assets: 0, costs: 0 }
  const zones = await db.selectFrom('zones').select(['id', 'code']).where('code', 'in', ['5381', '5382']).execute()
  const zone = Object.fromEntries(zones.map((z) => [z.code, z.id])) as Partial<Record<'5381' | '5382', string>>
  const [bhr, voeren] = [zone['5381'], zone['5382']]
  if (!bhr || !voeren) return made
  const agreement = await db
    .selectFrom('agreements as a')
    .select(['a.id', 'a.association_id'])
    .where('a.status', '=', 'in_force')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('agreement_domains as d')
          .select('d.agreement_id')
          .whereRef('d.agreement_id', '=', 'a.id')
          .where('d.domain_code', '=', 'investment'),
      ),
    )
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('agreement_parties as p')
          .select('p.agreement_id')
          .whereRef('p.agreement_id', '=', 'a.id')
          .where('p.zone_id', '=', bhr),
      ),
    )
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('agreement_parties as p')
          .select('p.agreement_id')
          .whereRef('p.agreement_id', '=', 'a.id')
          .where('p.zone_id', '=', voeren),
      ),
    )
    .executeTakeFirst()
  if (!agreement) return made
  for (const d of DEMO)
    await db.transaction().execute(async (trx) => {
      const known = await trx
        .selectFrom('investments')
        .select('id')
        .where('association_id', '=', agreement.association_id)
        .where('title', '=', d.title)
        .executeTakeFirst()
      if (known) return
      const one = await seedOne(trx, d, {
        associationId: agreement.association_id,
        agreementId: agreement.id,
        zone: { '5381': bhr, '5382': voeren },
      })
      made.investments++
      made.assets += one.assets
      made.costs += one.costs
    })
  return made
}
