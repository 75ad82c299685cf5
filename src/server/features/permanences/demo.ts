// Demo rotations (issue 8): for the demo associations whose agreements in force list the domain, a few shared
// permanences with eligible members and a roster published for the next 8 weeks — made through the same
// services as the API (create, add members, generate in a worker, publish), as the demo administrator.
// Deterministic: members are the first eligible people by employee number, the solver's seed is fixed.
import type { Kysely } from 'kysely'
import { AppError } from '../../platform/errors.ts'
import { runWithClock, systemClock, today, type Clock } from '../../platform/clock.ts'
import type { Actor } from '../../platform/policy.ts'
import { policyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { workerPool } from '../../platform/workers.ts'
import { Temporal } from 'temporal-polyfill'
import { isEligible } from './domain/eligibility.ts'
import { defaultEligibility, type PermanenceDomain } from './presets.ts'
import { rosterService } from './roster-service.ts'
import { rotationsService } from './service.ts'

interface DemoRotation {
  association: string
  zones: readonly [string, string]
  domain: PermanenceDomain
  name: string
}

export const DEMO_ROTATIONS: readonly DemoRotation[] = [
  {
    association: 'voeren-bhr',
    zones: ['5382', '5381'],
    domain: 'permanence.officer_of_duty',
    name: 'Officier van wacht Voeren–BHR',
  },
  {
    association: 'voeren-bhr',
    zones: ['5382', '5381'],
    domain: 'permanence.victim_support',
    name: 'Slachtofferbejegening Voeren–BHR',
  },
  {
    association: 'houtsche-tielt',
    zones: ['5447', '5448'],
    domain: 'permanence.officer_of_duty',
    name: 'Officier van wacht Houtsche–Tielt',
  },
  {
    association: 'houtsche-tielt',
    zones: ['5447', '5448'],
    domain: 'permanence.victim_support',
    name: 'Slachtofferbejegening Houtsche–Tielt',
  },
  { association: 'houtsche-tielt', zones: ['5447', '5448'], domain: 'ict', name: 'ICT-permanentie Houtsche–Tielt' },
]

const MEMBERS_PER_ZONE = 4

/**
 * The demo's rosters as the planners would have made them two weeks ago, for ten weeks: someone is on call now
 * (and can record a call-out) from the first start, by a roster the solver made under the rules and published
 * with its history (as known from two weeks ago).
 */
export function seedDemoRostersInProgress(db: Kysely<DB>, adminEmail: string) {
  const twoWeeksAgo: Clock = { now: () => new Date(systemClock.now().getTime() - 14 * 86_400_000) }
  return seedDemoRosters(db, { adminEmail, clock: twoWeeksAgo, weeks: 10 })
}

export async function seedDemoRosters(
  db: Kysely<DB>,
  options: { adminEmail: string; clock?: Clock; weeks?: number },
): Promise<{ rotations: number; duties: number }> {
  const admin = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name'])
    .where('email', '=', options.adminEmail)
    .executeTakeFirst()
  if (!admin) return { rotations: 0, duties: 0 }
  const roles = await db
    .selectFrom('user_roles')
    .select(['role', 'zone_id', 'association_id'])
    .where('user_id', '=', admin.id)
    .execute()
  const actor: Actor = {
    userId: admin.id,
    email: admin.email,
    displayName: admin.display_name,
    locale: 'nl',
    personId: null,
    homeZoneId: null,
    roles: roles.map((r) => ({ role: r.role, zoneId: r.zone_id, associationId: r.association_id })),
  }
  const workers = workerPool({ size: 1 })
  try {
    return await runWithClock(options.clock ?? systemClock, async () => {
      const rotations = rotationsService(db)
      const rosters = rosterService(db, workers)
      const from = Temporal.PlainDate.from(today()).add({ days: 1 })
      let made = 0
      let duties = 0
      for (const demo of DEMO_ROTATIONS) {
        const ctx = policyContext(db, actor, today())
        const association = await db
          .selectFrom('associations')
          .select('id')
          .where('code', '=', demo.association)
          .executeTakeFirst()
        const zones = await db
          .selectFrom('zones')
          .select(['id', 'code'])
          .where('code', 'in', [...demo.zones])
          .execute()
        if (!association || zones.length !== 2) continue
        const rotation = await rotations
          .create(ctx, {
            associationId: association.id,
            domain: demo.domain,
            name: demo.name,
            zoneIds: zones.map((z) => z.id),
            dutyKind: 'on_call',
            pattern: { kind: 'weekly', handoffWeekday: 1, handoffTime: '07:00' },
            rules: { onCallFrequency: null },
            validFrom: today(),
          })
          .catch((err: unknown) => {
            // An agreement that does not list the domain (any more): no rotation there.
            if (err instanceof AppError && err.code === 'ROTATION_ZONES_NOT_SHARED') return null
            throw err
          })
        if (!rotation) continue
        const eligibility = defaultEligibility(demo.domain)
        for (const zone of zones) {
          const people = await db
            .selectFrom('people as p')
            .select(['p.id', 'p.zone_id', 'p.rank'])
            .select((eb) =>
              eb
                .selectFrom('person_qualifications as q')
                .select((q) => q.fn.agg<string[]>('array_agg', ['q.qualification_code']).as('q'))
                .whereRef('q.person_id', '=', 'p.id')
                .as('qualifications'),
            )
            .where('p.zone_id', '=', zone.id)
            .where('p.employed_to', 'is', null)
            .orderBy('p.employee_number')
            .execute()
          const eligible = people
            .filter((p) =>
              isEligible(eligibility, {
                id: p.id,
                zoneId: p.zone_id,
                rank: p.rank,
                qualifications: p.qualifications ?? [],
              }),
            )
            .slice(0, MEMBERS_PER_ZONE)
          for (const p of eligible) await rotations.addMember(ctx, rotation.id, { personId: p.id, from: today() })
        }
        const { versionId } = await rosters.generate(ctx, rotation.id, {
          from: from.toString(),
          to: from
            .add({ weeks: options.weeks ?? 8 })
            .subtract({ days: 1 })
            .toString(),
        })
        await rosters.settle()
        const published = await rosters.publish(ctx, rotation.id, versionId)
        made++
        duties += published.inserted
      }
      return { rotations: made, duties }
    })
  } finally {
    await workers.close()
  }
}
