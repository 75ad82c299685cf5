// Suggested next sessions (issue 11): up to five upcoming planned sessions a person can enrol in — with places
// for their zone (free, or a waiting list: said which), of their own zone or of a partner zone sharing `training`
// in force today (the sessions list's rule) — that clash with none of their duties in force and none of their
// leave, and that they are not enrolled in yet. GPI 48 first when they are behind or falling behind, then
// courses renewing a qualification that expires (or has), then any session with a free place.
import type { Kysely } from 'kysely'
import { now, today } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { GPI48_COURSE_KINDS } from '../../platform/enums.ts'
import { loadGrants } from '../../platform/grants.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { complianceRepository, type CandidateSession } from './compliance-repository.ts'
import type { Suggestions } from './compliance-schema.ts'
import { allow, qualificationsOf } from './compliance-service.ts'
import { gpi48Compliance, windowStart } from './domain/gpi48.ts'
import { needsAttention } from './domain/qualifications.ts'

const MAX = 5
/** How far ahead suggestions look. */
const HORIZON_DAYS = 180
type Reason = Suggestions['suggestions'][number]['reason']

const isGpi48 = (kind: string) => (GPI48_COURSE_KINDS as readonly string[]).includes(kind)

/** The reason a candidate is suggested, or null when it is not worth suggesting. */
export function reasonFor(
  c: Pick<CandidateSession, 'course_kind' | 'qualification_code'> & { free: boolean },
  gpi48: 'compliant' | 'due_soon' | 'behind',
  renew: ReadonlySet<string>,
): Reason | null {
  if (isGpi48(c.course_kind) && gpi48 === 'behind') return 'gpi48_behind'
  if (isGpi48(c.course_kind) && gpi48 === 'due_soon') return 'gpi48_due'
  if (c.qualification_code !== null && renew.has(c.qualification_code)) return 'qualification_expiring'
  return c.free ? 'free_place' : null
}

const RANK: Record<Reason, number> = { gpi48_behind: 0, gpi48_due: 0, qualification_expiring: 1, free_place: 2 }

export function suggestionService(db: Kysely<DB>) {
  return {
    async forPerson(ctx: PolicyContext, personIdRaw: string | undefined): Promise<Suggestions> {
      const personId = personIdRaw ?? ctx.actor.personId
      if (!personId) throw new AppError('TRAINING_NO_PERSON')
      const day = today()
      const at = now()
      return db.transaction().execute(async (trx) => {
        const repo = complianceRepository(trx)
        const person = await repo.person(personId)
        if (!person) throw new AppError('NOT_FOUND')
        await allow(ctx.on(trx), 'training.compliance', person.zone_id, person.id)
        const { rules } = await repo.settings(person.zone_id)
        const attended = await repo.attended({ personId }, windowStart(day, rules.windowMonths), day)
        const status = gpi48Compliance(attended, day, rules).status
        const renew = new Set(
          qualificationsOf(await repo.qualifications([person.id]), day, rules.warnDays)
            .filter((q) => needsAttention(q.state))
            .map((q) => q.code),
        )
        // A partner's session: only under an agreement in force today listing `training` for both zones.
        const grants = (await loadGrants(trx, [person.zone_id], day)).filter((g) => g.domains.includes('training'))
        const visible = (c: CandidateSession) =>
          c.zone_id === person.zone_id ||
          grants.some(
            (g) =>
              g.associationId === c.association_id &&
              g.zoneIds.includes(c.zone_id) &&
              g.zoneIds.includes(person.zone_id),
          )
        const picked = (await repo.candidates(person, at, HORIZON_DAYS))
          .filter(visible)
          .flatMap((c) => {
            const free = c.places - c.enrolled
            const reason = reasonFor({ ...c, free: free > 0 }, status, renew)
            return reason ? [{ c, free: Math.max(0, free), reason }] : []
          })
          .sort((a, b) => RANK[a.reason] - RANK[b.reason] || a.c.from.getTime() - b.c.from.getTime())
          .slice(0, MAX)
        return {
          personId: person.id,
          suggestions: picked.map(({ c, free, reason }) => ({
            sessionId: c.id,
            courseTitle: c.course_title,
            courseKind: c.course_kind,
            from: c.from.toISOString(),
            to: c.to.toISOString(),
            location: c.location,
            zone: { id: c.zone_id, code: c.zone_code, name: c.zone_name },
            freePlaces: free,
            availability: free > 0 ? ('free' as const) : ('waiting_list' as const),
            reason,
            clash: null,
          })),
        }
      })
    },
  }
}
