import type { Kysely } from 'kysely'
import { AppError } from '../../platform/errors.ts'
import { decide } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { zonesRepository } from './repository.ts'
import type { Association, Figures, Zone } from './schema.ts'

const round2 = (n: number): number => Math.round(n * 100) / 100

export function zonesService(db: Kysely<DB>) {
  const repo = zonesRepository(db)

  async function zones(code?: string): Promise<Zone[]> {
    const rows = await repo.zones(code)
    const ids = rows.map((z) => z.id)
    const [municipalities, memberships] = await Promise.all([repo.municipalitiesOf(ids), repo.membershipsOfZones(ids)])
    return rows.map((z) => ({
      id: z.id,
      code: z.code,
      name: z.name,
      region: z.region,
      validFrom: z.valid_from,
      validTo: z.valid_to,
      municipalities: municipalities
        .filter((m) => m.zone_id === z.id)
        .map((m) => ({
          id: m.id,
          nisCode: m.nis_code,
          name: m.name,
          population: m.population,
          populationYear: m.population_year,
          areaKm2: m.area_km2,
          validFrom: m.valid_from,
          validTo: m.valid_to,
          mergedIntoName: m.merged_into_name,
          // Only when the municipality it merged into is policed by another zone (Meulebeke: MIDOW → Regio Tielt).
          mergedIntoZone:
            m.merged_into_zone_code !== null && m.merged_into_zone_code !== z.code
              ? { code: m.merged_into_zone_code, name: m.merged_into_zone_name ?? m.merged_into_zone_code }
              : null,
          note: m.note,
        })),
      associations: memberships
        .filter((m) => m.zone_id === z.id)
        .map((m) => ({ id: m.id, code: m.code, name: m.name, validFrom: m.valid_from, validTo: m.valid_to })),
    }))
  }

  async function associations(id?: string): Promise<Association[]> {
    const [rows, members] = await Promise.all([repo.associations(id), repo.membersOfAssociations()])
    return rows.map((a) => ({
      ...a,
      zones: members
        .filter((m) => m.association_id === a.id)
        .map((m) => ({ id: m.id, code: m.code, name: m.name, validFrom: m.valid_from, validTo: m.valid_to })),
    }))
  }

  return {
    listZones: () => zones(),
    async zoneByCode(code: string): Promise<Zone> {
      const [zone] = await zones(code)
      if (!zone) throw new AppError('NOT_FOUND')
      return zone
    },
    listAssociations: () => associations(),
    domains: () => repo.domains(),

    async figures(ctx: PolicyContext, associationId: string, date: string | undefined): Promise<Figures> {
      const [association] = await repo.associations(associationId)
      if (!association || !(await decide(ctx, 'figures.read', { associationIds: [associationId] })).allowed)
        throw new AppError('NOT_FOUND')
      const asOf = date ?? ctx.date
      const [rows, quoted, years] = await Promise.all([
        repo.figures(associationId, asOf),
        repo.quotedFigures(associationId, asOf),
        repo.populationYears(associationId, asOf),
      ])
      const zones = rows.map((r) => ({
        zoneId: r.zone_id,
        code: r.code,
        name: r.name,
        municipalities: r.municipalities ?? 0,
        areaKm2: round2(r.area_km2 ?? 0),
        population: r.population ?? 0,
        staff: r.staff ?? 0,
        staffFte: round2(r.staff_fte ?? 0),
      }))
      const sum = (pick: (z: (typeof zones)[number]) => number) => zones.reduce((acc, z) => acc + pick(z), 0)
      return {
        date: asOf,
        populationYears: years.flatMap((y) => (y.population_year === null ? [] : [y.population_year])),
        zones,
        total: {
          municipalities: sum((z) => z.municipalities),
          areaKm2: round2(sum((z) => z.areaKm2)),
          population: sum((z) => z.population),
          staff: sum((z) => z.staff),
          staffFte: round2(sum((z) => z.staffFte)),
        },
        quoted: quoted
          ? {
              agreementId: quoted.id,
              agreementTitle: quoted.title,
              municipalities: quoted.municipalities_count,
              areaKm2: quoted.area_km2,
              staff: quoted.staff_count,
              budgetOrdinaryCents: quoted.budget_ordinary_cents,
              budgetExtraordinaryCents: quoted.budget_extraordinary_cents,
              budgetTotalCents: quoted.budget_total_cents,
            }
          : null,
      }
    },
  }
}
