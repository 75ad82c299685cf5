// Who can take over a duty, from what the database holds: the rotation's set-up, its members around the duty,
// their duties in force in every rotation and their absences, ranked by the pure domain function
// (domain/replacement.ts). Used when a request opens (to offer it), when it is taken or assigned (the rules for
// that one person) and when it is approved (again: leave may have been entered since).
import type { Transaction, Kysely } from 'kysely'
import { holidayDates } from '../../platform/holidays.ts'
import type { DB } from '../../platform/schema.ts'
import { brusselsDate } from '../../platform/time.ts'
import { hoursSplitter, DEFAULT_NIGHT } from './domain/hours.ts'
import { rankTakeOver, takeOverBlocker, type TakeOverInput } from './domain/replacement.ts'
import type { Eligibility, LoadWeights, RuleCode, WorkingTimeRules, ZoneKey } from './domain/types.ts'
import { rulesFor, weightsFor, type PermanenceDomain } from './presets.ts'
import { rosterRepository, type DutyRow } from './roster-repository.ts'
import { rotationsRepository, type RotationRow } from './repository.ts'
import { swapRepository } from './swap-repository.ts'

type Db = Kysely<DB> | Transaction<DB>

const DAY = 86_400_000
/** The period around the duty whose load ranks the candidates (and that the rest rules reach into). */
export const LOAD_WINDOW_DAYS = 35

export interface DutyToTake {
  rotationId: string
  slotKey: string
  start: Date
  end: Date
}

export interface LoadedRotationForRules {
  row: RotationRow
  zoneIds: readonly string[]
}

export async function rotationForRules(db: Db, rotationId: string): Promise<LoadedRotationForRules | null> {
  const repo = rotationsRepository(db)
  const row = await repo.byId(rotationId)
  if (!row) return null
  return { row, zoneIds: (await repo.zonesOf([rotationId])).map((z) => z.zone_id) }
}

/** The domain input for taking `duty` over: members of its rotation then, their duties and absences around it. */
export async function takeOverInput(
  db: Db,
  rotation: LoadedRotationForRules,
  duty: DutyToTake,
  options: { without?: Readonly<Record<string, string>>; exclude?: readonly string[] } = {},
): Promise<TakeOverInput> {
  const { row, zoneIds } = rotation
  const first = brusselsDate(duty.start)
  const last = brusselsDate(new Date(duty.end.getTime() - 1))
  const members = (await rotationsRepository(db).members(row.id, { from: first, to: last })).filter(
    // Only a member for the whole duty can take it.
    (m) => m.from <= first && (m.to === null || m.to >= last),
  )
  const ids = [...new Set(members.map((m) => m.person_id))]
  const from = new Date(duty.start.getTime() - LOAD_WINDOW_DAYS * DAY)
  const to = new Date(duty.end.getTime() + LOAD_WINDOW_DAYS * DAY)
  const [duties, absences] = await Promise.all([
    swapRepository(db).dutiesOf(ids, from, to),
    rosterRepository(db).unavailability(ids, duty.start, duty.end),
  ])
  const [label = 'slot', localDate = first] = duty.slotKey.split(':')
  const year = Number(first.slice(0, 4))
  const holidays = holidayDates(year - 1, year + 1)
  const start = duty.start.getTime()
  const end = duty.end.getTime()
  return {
    rotation: {
      id: row.id,
      dutyKind: row.duty_kind,
      peoplePerSlot: row.people_per_slot,
      eligibility: row.eligibility as unknown as Eligibility,
      zones: zoneIds.map((id) => ({ id })),
      zoneKey: row.zone_key as unknown as ZoneKey,
    },
    duty: {
      id: duty.slotKey,
      label,
      localDate,
      start,
      end,
      hours: hoursSplitter({ holidays, night: DEFAULT_NIGHT })(start, end),
    },
    rules: rulesFor(row.domain_code as PermanenceDomain, row.rules as Partial<WorkingTimeRules>),
    weights: weightsFor(row.weights as Partial<LoadWeights>),
    people: members.map((m) => ({
      id: m.person_id,
      zoneId: m.zone_id,
      rank: m.rank,
      qualifications: m.qualifications ?? [],
      fte: Number(m.fte) > 0 ? Number(m.fte) : 1,
    })),
    // The duty itself is not in anyone's way (it is the one being handed over).
    duties: duties
      .filter((d: DutyRow) => !(d.rotation_id === duty.rotationId && d.slot_key === duty.slotKey))
      .map((d) => ({
        id: d.id,
        personId: d.person_id,
        start: d.start.getTime(),
        end: d.end.getTime(),
        kind: d.duty_kind === 'present' ? ('work' as const) : ('on_call' as const),
        rotationId: d.rotation_id,
        ref: `rotation:${d.rotation_id}:slot:${d.slot_key}`,
      })),
    unavailability: absences.map((u) => ({ personId: u.person_id, start: u.start.getTime(), end: u.end.getTime() })),
    holidays,
    ...(options.exclude ? { exclude: options.exclude } : {}),
    ...(options.without ? { without: options.without } : {}),
  }
}

/** The ranked candidates for a duty (the requester excluded). */
export async function rankedCandidates(db: Db, rotation: LoadedRotationForRules, duty: DutyToTake, exclude: string) {
  return rankTakeOver(await takeOverInput(db, rotation, duty, { exclude: [exclude] })).candidates
}

/** Why this person may not take the duty (first rule broken; NOT_ELIGIBLE when not a member then), or null. */
export async function blockerFor(
  db: Db,
  rotation: LoadedRotationForRules,
  duty: DutyToTake,
  personId: string,
  without?: string,
): Promise<RuleCode | null> {
  return takeOverBlocker(
    await takeOverInput(db, rotation, duty, without ? { without: { [personId]: without } } : {}),
    personId,
  )
}
