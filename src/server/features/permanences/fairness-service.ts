// The fairness report (issue 8): reads the duties in force, the memberships and the zone figures of the
// rotations asked about, lets the pure domain (domain/fairness.ts) compute, and presents the result as the
// caller may see it. Own-zone people are shown in full; a partner zone's person is named only as the rotation's
// visibility allows (a reason in force, or the association's admin — as on the on-duty answer), and such names
// are logged in that person's zone's chain; their working-time share (capacity, expectation) is never shown.
import type { Kysely } from 'kysely'
import { Temporal } from 'temporal-polyfill'
import { today } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { actorZones, decide, scope } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { zonesRepository } from '../zones/repository.ts'
import { fairnessReport, type FairnessDuty, type FairnessMembership, type LoadFigures } from './domain/fairness.ts'
import type { FairnessReport } from './fairness-schema.ts'
import { peopleFor } from './present.ts'
import { localMidnight, nextDay } from './roster-input.ts'
import { rosterRepository } from './roster-repository.ts'
import { rotationsRepository } from './repository.ts'
import type { Rotation } from './schema.ts'
import { rotationsService, rotationTarget, visibleRotation } from './service.ts'

/** The longest period a report covers. */
const MAX_YEARS = 5

export interface Period {
  from: string
  to: string
}

/** The period asked: from 1 January of this year (Brussels) to 31 December of `from`'s year by default;
 * refused when it ends before it starts or spans five years or more. */
export function periodOf(query: { from?: string | undefined; to?: string | undefined }): Period {
  const year = Temporal.PlainDate.from(today()).year
  const from = query.from ?? `${year}-01-01`
  const to = query.to ?? `${Temporal.PlainDate.from(from).year}-12-31`
  const start = Temporal.PlainDate.from(from)
  const end = Temporal.PlainDate.from(to)
  if (
    Temporal.PlainDate.compare(end, start) < 0 ||
    Temporal.PlainDate.compare(end, start.add({ years: MAX_YEARS })) >= 0
  )
    throw new AppError('FAIRNESS_PERIOD_INVALID', { from, to })
  return { from, to }
}

const round = (value: number, digits = 2) => {
  const f = 10 ** digits
  return Math.round(value * f) / f
}
const roundNullable = (value: number | null, digits = 2) => (value === null ? null : round(value, digits))
const figures = (f: LoadFigures) => ({
  slots: f.slots,
  hours: round(f.hours),
  weightedHours: round(f.weightedHours),
  nightHours: round(f.nightHours),
  saturdayHours: round(f.saturdayHours),
  sundayHours: round(f.sundayHours),
  holidayHours: round(f.holidayHours),
})

export function fairnessService(db: Kysely<DB>) {
  const rotations = rotationsService(db)

  async function compute(ctx: PolicyContext, list: readonly Rotation[], period: Period): Promise<FairnessReport> {
    const start = new Date(localMidnight(period.from))
    const end = new Date(localMidnight(nextDay(period.to)))
    const repo = rotationsRepository(db)
    const rosters = rosterRepository(db)
    const duties: FairnessDuty[] = []
    const memberships: FairnessMembership[] = []
    for (const rotation of list) {
      for (const d of await rosters.duties(rotation.id, start, end))
        duties.push({
          rotationId: rotation.id,
          personId: d.person_id,
          zoneId: d.zone_id,
          start: d.start.getTime(),
          end: d.end.getTime(),
        })
      for (const m of await repo.members(rotation.id, period))
        memberships.push({
          rotationId: rotation.id,
          personId: m.person_id,
          zoneId: m.zone_id,
          fte: Number(m.fte),
          from: m.from,
          to: m.to,
        })
    }
    // The zone key's basis (FTE, population) as the solver reads it: the figures on the period's first day.
    const figureRows = new Map<string, { fte: number; population: number }>()
    for (const associationId of new Set(list.map((r) => r.associationId)))
      for (const f of await zonesRepository(db).figures(associationId, period.from))
        figureRows.set(f.zone_id, { fte: Number(f.staff_fte ?? 0), population: Number(f.population ?? 0) })
    const report = fairnessReport({
      ...period,
      rotations: list.map((r) => ({
        id: r.id,
        zones: r.zones.map((z) => ({ id: z.zoneId, ...figureRows.get(z.zoneId) })),
        zoneKey: r.zoneKey,
        weights: r.weights,
      })),
      duties,
      memberships,
    })

    // Who may be named: own zones; partners through a reason in force; everyone for the association's admin.
    const own = new Set(actorZones(ctx.actor))
    const adminOf = new Set((await scope(ctx, 'rotation.read')).associationIds)
    const partnerIds = report.people.filter((p) => !own.has(p.zoneId)).map((p) => p.personId)
    const nameable = await repo.nameablePeople(await scope(ctx, 'person.read'), partnerIds)
    const inRotation = new Map<string, Set<string>>()
    for (const x of [...duties, ...memberships])
      inRotation.set(x.rotationId, (inRotation.get(x.rotationId) ?? new Set()).add(x.personId))
    const shown = (rotation: Rotation, personId: string, zoneId: string) =>
      own.has(zoneId) || adminOf.has(rotation.associationId) || nameable.has(personId)
    const zoneOf = new Map(report.people.map((p) => [p.personId, p.zoneId]))
    const byRotation = new Map(
      list.map((r) => [r.id, [...(inRotation.get(r.id) ?? [])].filter((id) => shown(r, id, zoneOf.get(id) ?? ''))]),
    )
    const named = await peopleFor(db, ctx, list, byRotation)

    const zoneInfo = new Map(list.flatMap((r) => r.zones.map((z) => [z.zoneId, z])))
    const zones = report.zones
      .map((z) => ({
        zoneId: z.zoneId,
        code: zoneInfo.get(z.zoneId)?.code ?? '',
        name: zoneInfo.get(z.zoneId)?.name ?? '',
        ...figures(z),
        keyShare: round(z.keyShare, 4),
        actualShare: roundNullable(z.actualShare, 4),
        targetWeightedHours: round(z.targetWeightedHours),
        deviation: round(z.deviation),
        members: z.members,
        capacity: round(z.capacity, 3),
        meanWeightedHours: roundNullable(z.meanWeightedHours),
      }))
      .sort((a, b) => a.code.localeCompare(b.code))
    const zoneCode = new Map(zones.map((z) => [z.zoneId, z.code]))
    const people = report.people
      .map((p) => {
        const person = named.get(p.personId)
        const ownZone = own.has(p.zoneId)
        return {
          person: person ? { personId: p.personId, firstName: person.firstName, lastName: person.lastName } : null,
          zoneId: p.zoneId,
          zoneCode: zoneCode.get(p.zoneId) ?? person?.zoneCode ?? '',
          ownZone,
          ...figures(p),
          capacity: ownZone ? round(p.capacity, 3) : null,
          expectedWeightedHours: ownZone ? roundNullable(p.expectedWeightedHours) : null,
          deviation: ownZone ? roundNullable(p.deviation) : null,
        }
      })
      .sort(
        (a, b) =>
          a.zoneCode.localeCompare(b.zoneCode) ||
          Number(a.person === null) - Number(b.person === null) ||
          (a.person?.lastName ?? '').localeCompare(b.person?.lastName ?? '', 'nl') ||
          (a.person?.firstName ?? '').localeCompare(b.person?.firstName ?? '', 'nl') ||
          b.weightedHours - a.weightedHours,
      )
    return {
      from: period.from,
      to: period.to,
      rotations: list.map((r) => ({ id: r.id, name: r.name, domain: r.domain, associationId: r.associationId })),
      totals: figures(report.totals),
      zones,
      people,
    }
  }

  return {
    /** One rotation: visible (else 404) and in the reach of fairness.read (else 403). */
    async rotation(ctx: PolicyContext, rotationId: string, query: { from?: string; to?: string }) {
      const { row, zoneIds } = await visibleRotation(rotationsRepository(db), ctx, rotationId)
      if (!(await decide(ctx, 'fairness.read', rotationTarget(row, zoneIds))).allowed) throw new AppError('FORBIDDEN')
      const period = periodOf(query)
      return compute(ctx, [await rotations.get(ctx, rotationId)], period)
    },

    /** Every rotation the caller may plan (optionally of one association) that is valid in the period. */
    async all(ctx: PolicyContext, query: { from?: string; to?: string; associationId?: string }) {
      const period = periodOf(query)
      const reach = await scope(ctx, 'fairness.read')
      const list = (await rotations.list(ctx, { associationId: query.associationId })).filter(
        (r) =>
          (reach.associationIds.includes(r.associationId) || r.zones.some((z) => reach.zoneIds.includes(z.zoneId))) &&
          r.validFrom <= period.to &&
          (r.validTo === null || r.validTo >= period.from),
      )
      return compute(ctx, list, period)
    },
  }
}

export type FairnessService = ReturnType<typeof fairnessService>
