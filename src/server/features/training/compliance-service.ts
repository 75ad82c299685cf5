// GPI 48 compliance (issue 11): one person's standing with their sessions and qualifications, a zone's overview
// (one query for all attendance of the window, computed in JS by domain/gpi48.ts), and a zone's thresholds.
// Policy `training.compliance`: the person themself, or the korpschef/planner/trainer of the person's zone; no
// partner reach (it is the zone's HR data): anyone else gets 404. `training.settings`: the zone's korpschef.
import type { Kysely, Transaction } from 'kysely'
import { audit } from '../../platform/audit.ts'
import { now, today } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { emit } from '../../platform/outbox.ts'
import { decide, type Rule } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { addMonths, isValidDate } from '../../platform/time.ts'
import {
  complianceRepository,
  personName,
  type AttendedRow,
  type PersonRow,
  type QualificationRow,
} from './compliance-repository.ts'
import type { PersonCompliance, Qualification, Settings, SettingsBody, ZoneOverview } from './compliance-schema.ts'
import { countedSessions, gpi48Compliance, STATUS_ORDER, windowStart, type Gpi48Rules } from './domain/gpi48.ts'
import { needsAttention, qualificationState } from './domain/qualifications.ts'

type Repo = ReturnType<typeof complianceRepository>
const byName = new Intl.Collator('nl')

/** The live event of a change of compliance data (the web refreshes on `training.*`). */
export const SETTINGS_CHANGED = 'training.settings.changed'

export const asOfOf = (asOf: string | undefined): string => {
  if (asOf === undefined) return today()
  if (!isValidDate(asOf)) throw new AppError('VALIDATION_FAILED', { field: 'asOf' })
  return asOf
}

/** Allowed, else 404: compliance is never hinted at outside its reach. */
export async function allow(ctx: PolicyContext, rule: Rule, zoneId: string, personId?: string): Promise<void> {
  const d = await decide(ctx, rule, { zoneIds: [zoneId], ...(personId ? { personId } : {}) })
  if (!d.allowed) throw new AppError('NOT_FOUND')
}

export const qualificationsOf = (rows: readonly QualificationRow[], asOf: string, warnDays: number): Qualification[] =>
  rows.map((q) => ({
    code: q.code,
    obtainedOn: q.obtained_on,
    validUntil: q.valid_until,
    state: qualificationState(q.valid_until, asOf, warnDays),
  }))

export interface ZoneStanding {
  rules: Gpi48Rules
  people: (ZoneOverview['people'][number] & { row: PersonRow })[]
}

/** Every operational person of the zone on `asOf` with their GPI 48 standing and qualifications needing care. */
export async function zoneStanding(repo: Repo, zoneId: string, asOf: string): Promise<ZoneStanding> {
  const { rules } = await repo.settings(zoneId)
  const people = await repo.operationalPeople(zoneId, asOf)
  const attended = await repo.attended({ zoneId }, windowStart(asOf, rules.windowMonths), asOf)
  const quals = await repo.qualifications(people.map((p) => p.id))
  const byPerson = new Map<string, AttendedRow[]>()
  for (const a of attended) byPerson.set(a.person_id, [...(byPerson.get(a.person_id) ?? []), a])
  const qualsBy = new Map<string, QualificationRow[]>()
  for (const q of quals) qualsBy.set(q.person_id, [...(qualsBy.get(q.person_id) ?? []), q])
  const rows = people.map((p) => {
    const g = gpi48Compliance(byPerson.get(p.id) ?? [], asOf, rules)
    return {
      row: p,
      person: { id: p.id, name: personName(p), rank: p.rank },
      gpi48: { status: g.status, counted: g.counted, evaluations: g.evaluations, fallsBehindOn: g.fallsBehindOn },
      qualifications: qualificationsOf(qualsBy.get(p.id) ?? [], asOf, rules.warnDays).filter((q) =>
        needsAttention(q.state),
      ),
    }
  })
  rows.sort(
    (a, b) =>
      STATUS_ORDER[a.gpi48.status] - STATUS_ORDER[b.gpi48.status] ||
      byName.compare(a.row.last_name, b.row.last_name) ||
      byName.compare(a.row.first_name, b.row.first_name) ||
      (a.row.id < b.row.id ? -1 : 1),
  )
  return { rules, people: rows }
}

export function complianceService(db: Kysely<DB>) {
  const read = <T>(fn: (repo: Repo, trx: Transaction<DB>) => Promise<T>) =>
    db.transaction().execute((trx) => fn(complianceRepository(trx), trx))

  return {
    async person(ctx: PolicyContext, personId: string, asOfRaw: string | undefined): Promise<PersonCompliance> {
      const asOf = asOfOf(asOfRaw)
      return read(async (repo, trx) => {
        const person = await repo.person(personId)
        if (!person) throw new AppError('NOT_FOUND')
        await allow(ctx.on(trx), 'training.compliance', person.zone_id, person.id)
        const zone = (await repo.zone(person.zone_id))!
        const { rules } = await repo.settings(person.zone_id)
        const attended = await repo.attended({ personId }, windowStart(asOf, rules.windowMonths), asOf)
        const gpi48 = gpi48Compliance(attended, asOf, rules)
        const enrolled = await repo.enrolledSessions(personId, addMonths(asOf, -24))
        // Which of the person's sessions count: the spread rule on the attended ones, matched by session.
        const present = enrolled.filter((s) => s.attendance === 'present')
        const counted = new Set(countedSessions(present, asOf, rules).map((s) => s.session_id))
        return {
          person: { id: person.id, name: personName(person), rank: person.rank, zone },
          asOf,
          rules,
          gpi48,
          sessions: enrolled.map((s) => ({
            sessionId: s.session_id,
            day: s.day,
            courseTitle: s.course_title,
            kind: s.kind,
            attendance: s.attendance,
            result: s.result,
            counted: counted.has(s.session_id),
          })),
          qualifications: qualificationsOf(await repo.qualifications([person.id]), asOf, rules.warnDays),
        }
      })
    },

    async zone(ctx: PolicyContext, zoneId: string, asOfRaw: string | undefined): Promise<ZoneOverview> {
      const asOf = asOfOf(asOfRaw)
      return read(async (repo, trx) => {
        const zone = await repo.zone(zoneId)
        if (!zone) throw new AppError('NOT_FOUND')
        await allow(ctx.on(trx), 'training.compliance', zone.id)
        const { rules, people } = await zoneStanding(repo, zone.id, asOf)
        const count = (s: string) => people.filter((p) => p.gpi48.status === s).length
        return {
          zone,
          rules,
          asOf,
          totals: { compliant: count('compliant'), dueSoon: count('due_soon'), behind: count('behind') },
          people: people.map(({ person, gpi48, qualifications }) => ({ person, gpi48, qualifications })),
        }
      })
    },

    async settings(ctx: PolicyContext, zoneId: string): Promise<Settings> {
      return read(async (repo, trx) => {
        const zone = await repo.zone(zoneId)
        if (!zone) throw new AppError('NOT_FOUND')
        await allow(ctx.on(trx), 'training.compliance', zone.id)
        const s = await repo.settings(zone.id)
        return { zone, rules: s.rules, isDefault: s.isDefault, updatedAt: s.updated_at?.toISOString() ?? null }
      })
    },

    async saveSettings(ctx: PolicyContext, zoneId: string, body: SettingsBody): Promise<Settings> {
      return read(async (repo, trx) => {
        const zone = await repo.zone(zoneId)
        if (!zone) throw new AppError('NOT_FOUND')
        const c = ctx.on(trx)
        if (!(await decide(c, 'training.settings', { zoneIds: [zone.id] })).allowed) {
          const seen = await decide(c, 'training.compliance', { zoneIds: [zone.id] })
          throw new AppError(seen.allowed ? 'FORBIDDEN' : 'NOT_FOUND')
        }
        const before = await repo.settings(zone.id)
        const at = now()
        await repo.saveSettings(zone.id, body, ctx.actor.userId, at)
        await audit.write(
          trx,
          ctx.actor,
          'training.settings_update',
          { type: 'zone', id: zone.id },
          { before: before.rules, after: body },
          { chains: [zone.id] },
        )
        await emit(trx, { type: SETTINGS_CHANGED, zoneId: zone.id, payload: { zoneId: zone.id } })
        return { zone, rules: { ...body }, isDefault: false, updatedAt: at.toISOString() }
      })
    },
  }
}
