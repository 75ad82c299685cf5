// Availability use cases: a person's leave and unavailability, entered by the person or by the planner or
// korpschef of the person's zone (who entered it is recorded, and the person is notified), and the person's own
// duty preferences. The policy rows `availability.read`, `availability.manage` and `preference.manage` decide;
// another zone's person answers 404. Sick leave is sensitive personal data: the audit log records who changed
// whose availability and when, never the kind or the note (a dpo, possibly a partner zone's shared one, reads it).
import type { Kysely } from 'kysely'
import { audit } from '../../platform/audit.ts'
import { now } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { notify } from '../../platform/notifications.ts'
import { decide, decideIn, scope, type Rule, type Target } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB } from '../../platform/schema.ts'
import { brusselsDate } from '../../platform/time.ts'
import { raiseReplacementNeeds } from '../permanences/swap-needs.ts'
import { periodOf, wholeDaysOf, windowOf, type Period } from './domain.ts'
import { availabilityRepository, type EntryRow, type PreferenceRow } from './repository.ts'
import type {
  AvailabilityCreate,
  AvailabilityEntry,
  AvailabilityQuery,
  AvailabilityUpdate,
  DutyPreferenceCreate,
  DutyPreferenceEntry,
} from './schema.ts'

const periodOfRow = (r: { start: Date; end: Date }): Period => ({ start: new Date(r.start), end: new Date(r.end) })

const presentEntry = (r: EntryRow): AvailabilityEntry => {
  const period = periodOfRow(r)
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    zoneId: r.zone_id,
    kind: r.kind,
    from: period.start.toISOString(),
    to: period.end.toISOString(),
    wholeDays: wholeDaysOf(period),
    note: r.note,
    enteredBy: r.entered_by ? { userId: r.entered_by, name: r.entered_by_name ?? '' } : null,
    createdAt: r.created_at.toISOString(),
  }
}

const presentPreference = (r: PreferenceRow): DutyPreferenceEntry => {
  const period = periodOfRow(r)
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    zoneId: r.zone_id,
    rotationId: r.rotation_id,
    rotationName: r.rotation_name,
    preference: r.preference,
    from: period.start.toISOString(),
    to: period.end.toISOString(),
    wholeDays: wholeDaysOf(period),
    note: r.note,
    createdAt: r.created_at.toISOString(),
  }
}

const personTarget = (person: { id: string; zone_id: string }): Target => ({
  zoneIds: [person.zone_id],
  personId: person.id,
})

/** Allowed, or 403 when the person is still visible through `availability.read`, else 404 (never a hint). */
async function authorize(ctx: PolicyContext, rule: Rule, target: Target): Promise<void> {
  if ((await decide(ctx, rule, target)).allowed) return
  if (rule !== 'availability.read' && (await decide(ctx, 'availability.read', target)).allowed)
    throw new AppError('FORBIDDEN')
  throw new AppError('NOT_FOUND')
}

/** The first and last Brussels day a period touches (for a message). */
const daysOf = (p: Period) => ({ from: brusselsDate(p.start), to: brusselsDate(new Date(p.end.getTime() - 1)) })

export function availabilityService(db: Kysely<DB>) {
  /** The visible set and filter of a list: own person, the zones where the caller plans, narrowed by query. */
  async function listing(ctx: PolicyContext, query: AvailabilityQuery) {
    const read = await scope(ctx, 'availability.read')
    if (query.personId) {
      const person = await availabilityRepository(db).person(query.personId)
      if (!person || !decideIn(read, personTarget(person)).allowed) throw new AppError('NOT_FOUND')
    }
    const window = windowOf(query.from, query.to)
    return {
      visible: { personId: ctx.actor.personId, zoneIds: read.zoneIds },
      filter: { ...(query.personId ? { personId: query.personId } : {}), ...window },
      plansZoneIds: read.zoneIds,
    }
  }

  /** The person an entry is for: the given one, or the caller's own (422 when the account has none). */
  const personIdOf = (ctx: PolicyContext, personId: string | undefined): string => {
    const id = personId ?? ctx.actor.personId
    if (!id) throw new AppError('AVAILABILITY_NO_PERSON')
    return id
  }

  return {
    async list(ctx: PolicyContext, query: AvailabilityQuery) {
      const { visible, filter, plansZoneIds } = await listing(ctx, query)
      const rows = await availabilityRepository(db).list(visible, filter)
      return { items: rows.map(presentEntry), plansZoneIds }
    },

    async create(ctx: PolicyContext, input: AvailabilityCreate): Promise<AvailabilityEntry> {
      const personId = personIdOf(ctx, input.personId)
      const period = periodOf(input.from, input.to)
      const { actor } = ctx
      return db.transaction().execute(async (trx) => {
        const repo = availabilityRepository(trx)
        const person = await repo.person(personId)
        if (!person) throw new AppError('NOT_FOUND')
        await authorize(ctx.on(trx), 'availability.manage', personTarget(person))
        const id = await repo.insert({
          personId,
          zoneId: person.zone_id,
          kind: input.kind,
          period,
          note: input.note ?? null,
          enteredBy: actor.userId,
          createdAt: now(),
        })
        await audit.write(
          trx,
          actor,
          'availability.create',
          { type: 'unavailability', id },
          { personId, from: period.start.toISOString(), to: period.end.toISOString() },
          { chains: [person.zone_id] },
        )
        // Entered for someone else: they hear of it (in the app, and by mail when configured).
        if (person.user_id && person.user_id !== actor.userId)
          await notify(trx, {
            recipients: [person.user_id],
            kind: 'availability.entered_for_you',
            params: { ...daysOf(period), enteredBy: actor.displayName },
            object: { type: 'availability', id },
          })
        // swaps (issue 8): leave over published future duties raises replacement needs, in this transaction.
        await raiseReplacementNeeds(trx, actor, { id, personId, zoneId: person.zone_id, ...period })
        const row = await repo.byId(id)
        if (!row) throw new Error(`unavailability ${id} vanished inside its transaction`)
        return presentEntry(row)
      })
    },

    update: (ctx: PolicyContext, id: string, change: AvailabilityUpdate): Promise<AvailabilityEntry> =>
      db.transaction().execute(async (trx) => {
        const repo = availabilityRepository(trx)
        const row = await repo.byId(id)
        if (!row) throw new AppError('NOT_FOUND')
        await authorize(ctx.on(trx), 'availability.manage', personTarget({ id: row.person_id, zone_id: row.zone_id }))
        if ((change.from === undefined) !== (change.to === undefined))
          throw new AppError('AVAILABILITY_PERIOD_INVALID', { reason: 'both' })
        const period = change.from && change.to ? periodOf(change.from, change.to) : periodOfRow(row)
        const note = change.note === undefined ? row.note : change.note
        await repo.update(id, { kind: change.kind ?? row.kind, period, note })
        // swaps (issue 8): a longer period may now cover more duties (those already needed are skipped).
        await raiseReplacementNeeds(trx, ctx.actor, { id, personId: row.person_id, zoneId: row.zone_id, ...period })
        const changed = Object.keys(change).sort()
        await audit.write(
          trx,
          ctx.actor,
          'availability.update',
          { type: 'unavailability', id },
          { personId: row.person_id, changed },
          { chains: [row.zone_id] },
        )
        const updated = await repo.byId(id)
        if (!updated) throw new Error(`unavailability ${id} vanished inside its transaction`)
        return presentEntry(updated)
      }),

    remove: (ctx: PolicyContext, id: string): Promise<void> =>
      db.transaction().execute(async (trx) => {
        const repo = availabilityRepository(trx)
        const row = await repo.byId(id)
        if (!row) throw new AppError('NOT_FOUND')
        await authorize(ctx.on(trx), 'availability.manage', personTarget({ id: row.person_id, zone_id: row.zone_id }))
        await repo.remove(id)
        await audit.write(
          trx,
          ctx.actor,
          'availability.delete',
          { type: 'unavailability', id },
          { personId: row.person_id },
          { chains: [row.zone_id] },
        )
      }),

    async listPreferences(ctx: PolicyContext, query: AvailabilityQuery) {
      const { visible, filter } = await listing(ctx, query)
      const rows = await availabilityRepository(db).preferences(visible, filter)
      return { items: rows.map(presentPreference) }
    },

    async createPreference(ctx: PolicyContext, input: DutyPreferenceCreate): Promise<DutyPreferenceEntry> {
      const personId = personIdOf(ctx, undefined)
      const period = periodOf(input.from, input.to)
      return db.transaction().execute(async (trx) => {
        const repo = availabilityRepository(trx)
        const person = await repo.person(personId)
        if (!person) throw new AppError('NOT_FOUND')
        await authorize(ctx.on(trx), 'preference.manage', personTarget(person))
        const rotationId = input.rotationId ?? null
        // Only a rotation that covers the person's zone; any other answers as one that does not exist.
        if (rotationId !== null && !(await repo.rotationCovers(rotationId, person.zone_id)))
          throw new AppError('NOT_FOUND')
        const id = await repo.insertPreference({
          personId,
          zoneId: person.zone_id,
          rotationId,
          preference: input.preference,
          period,
          note: input.note ?? null,
          createdAt: now(),
        })
        await audit.write(
          trx,
          ctx.actor,
          'preference.create',
          { type: 'duty_preference', id },
          { personId, rotationId },
          { chains: [person.zone_id] },
        )
        const row = await repo.preferenceById(id)
        if (!row) throw new Error(`duty preference ${id} vanished inside its transaction`)
        return presentPreference(row)
      })
    },

    removePreference: (ctx: PolicyContext, id: string): Promise<void> =>
      db.transaction().execute(async (trx) => {
        const repo = availabilityRepository(trx)
        const row = await repo.preferenceById(id)
        if (!row) throw new AppError('NOT_FOUND')
        await authorize(ctx.on(trx), 'preference.manage', personTarget({ id: row.person_id, zone_id: row.zone_id }))
        await repo.removePreference(id)
        await audit.write(
          trx,
          ctx.actor,
          'preference.delete',
          { type: 'duty_preference', id },
          { personId: row.person_id },
          { chains: [row.zone_id] },
        )
      }),
  }
}
