// Checking what a session is given (issue 11, train-sessions), inside the caller's transaction: the period, the
// cancellation deadline, the zones with places (the organiser and partners sharing `training` with it, today and
// on the session's day), the places by key, and the trainers (own zone, or a partner's through a shared function).
import type { Transaction } from 'kysely'
import { now } from '../../platform/clock.ts'
import { AppError } from '../../platform/errors.ts'
import { loadGrants } from '../../platform/grants.ts'
import type { Grant } from '../../platform/policy.ts'
import type { DB } from '../../platform/schema.ts'
import { brusselsDate } from '../../platform/time.ts'
import { customProblem, splitPlaces, type PlaceKey, type ZonePlaces } from './domain/places.ts'
import { sessionRepository } from './session-repository.ts'

const H = 3_600_000
const MAX_LENGTH = 48 * H

export interface Period {
  from: Date
  to: Date
}

/** A future period of at most 48 hours. */
export function periodOf(from: string, to: string): Period {
  const p = { from: new Date(from), to: new Date(to) }
  const length = p.to.getTime() - p.from.getTime()
  if (p.from.getTime() <= now().getTime() || length <= 0 || length > MAX_LENGTH)
    throw new AppError('TRAINING_SESSION_PERIOD_INVALID', { from, to })
  return p
}

/** Given: between now and the start. Default: 48 hours before the start, or now when that is sooner. */
export function deadlineOf(given: string | undefined, from: Date): Date {
  if (given === undefined) return new Date(Math.min(from.getTime(), Math.max(now().getTime(), from.getTime() - 48 * H)))
  const d = new Date(given)
  if (d.getTime() > from.getTime() || d.getTime() < now().getTime() - 60_000)
    throw new AppError('VALIDATION_FAILED', { field: 'cancelDeadline' })
  return d
}

/**
 * The agreement under which partner zones get places: in force today and on the session's day, of the course's
 * association, listing `training` for the organiser and each of them. Null when only the organiser has places.
 */
export async function sharingAgreement(
  trx: Transaction<DB>,
  opts: { associationId: string; organiserZoneId: string; zoneIds: readonly string[]; day: string },
): Promise<string | null> {
  const partners = opts.zoneIds.filter((z) => z !== opts.organiserZoneId)
  if (partners.length === 0) return null
  const [todayGrants, dayGrants] = [
    await loadGrants(trx, [opts.organiserZoneId], brusselsDate(now())),
    await loadGrants(trx, [opts.organiserZoneId], opts.day),
  ]
  const fits = (g: Grant) =>
    g.associationId === opts.associationId && g.domains.includes('training') && g.zoneIds.includes(opts.organiserZoneId)
  const shared = (zoneId: string, grants: readonly Grant[]) =>
    grants.filter((g) => fits(g) && g.zoneIds.includes(zoneId))
  for (const z of partners)
    if (shared(z, todayGrants).length === 0 || shared(z, dayGrants).length === 0)
      throw new AppError('TRAINING_ZONE_NOT_SHARED', { zoneId: z })
  const covering = todayGrants
    .filter((g) => fits(g) && partners.every((z) => g.zoneIds.includes(z)))
    .sort((a, b) => a.agreementId.localeCompare(b.agreementId))[0]
  return covering?.agreementId ?? shared(partners[0]!, todayGrants)[0]!.agreementId
}

/** The places per zone by the key (custom: as given, exactly the zones, adding up to the capacity). */
export async function placesOf(
  trx: Transaction<DB>,
  opts: { capacity: number; zoneIds: readonly string[]; key: PlaceKey; day: string; places?: readonly ZonePlaces[] },
): Promise<ZonePlaces[]> {
  const repo = sessionRepository(trx)
  const zones = await repo.zones(opts.zoneIds)
  if (zones.length !== new Set(opts.zoneIds).size) throw new AppError('VALIDATION_FAILED', { field: 'zoneIds' })
  if (opts.key === 'custom') {
    const problem = customProblem(opts.capacity, opts.zoneIds, opts.places ?? [])
    if (problem === 'zones') throw new AppError('VALIDATION_FAILED', { field: 'places' })
    if (problem === 'sum') throw new AppError('PLACES_NOT_CAPACITY', { capacity: opts.capacity })
    return [...opts.places!]
  }
  const fte = opts.key === 'fte' ? await repo.fte(opts.zoneIds, opts.day) : null
  return splitPlaces(
    opts.capacity,
    zones.map((z) => ({ zoneId: z.id, code: z.code, weight: fte ? (fte.get(z.id) ?? 0) : 1 })),
  )
}

/** The trainers: people of the organising zone, or of a partner sharing `training` with a shared function. */
export async function trainersOf(
  trx: Transaction<DB>,
  opts: {
    organiserZoneId: string
    associationId: string
    trainers: readonly { personId: string; minutes?: number | undefined }[]
    defaultMinutes: number
    day: string
  },
): Promise<{ personId: string; zoneId: string; minutes: number }[]> {
  const repo = sessionRepository(trx)
  if (new Set(opts.trainers.map((t) => t.personId)).size !== opts.trainers.length)
    throw new AppError('VALIDATION_FAILED', { field: 'trainers' })
  const out: { personId: string; zoneId: string; minutes: number }[] = []
  for (const t of opts.trainers) {
    const person = await repo.person(t.personId)
    if (!person) throw new AppError('TRAINER_NOT_AVAILABLE', { personId: t.personId })
    if (person.zone_id !== opts.organiserZoneId) {
      const today = brusselsDate(now())
      const ok =
        (await repo.sharesTraining(person.id, today)) &&
        (await sharingAgreement(trx, {
          associationId: opts.associationId,
          organiserZoneId: opts.organiserZoneId,
          zoneIds: [person.zone_id],
          day: opts.day,
        }).then(
          () => true,
          (err: unknown) => {
            if (err instanceof AppError && err.code === 'TRAINING_ZONE_NOT_SHARED') return false
            throw err
          },
        ))
      if (!ok) throw new AppError('TRAINER_NOT_AVAILABLE', { personId: t.personId })
    }
    out.push({ personId: person.id, zoneId: person.zone_id, minutes: t.minutes ?? opts.defaultMinutes })
  }
  return out
}
