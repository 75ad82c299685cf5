// The fairness report (issue 8): over a period, per zone and per person, the slots, hours and weighted hours of
// the duties in force, set against the zone key (each zone's expected share of the weighted load) and, within
// a zone, against the zone's mean. Weighted hours are the solver's own measure (load.ts, the rotation's
// weights; hours split in Brussels local time by hours.ts, national holidays as the solver counts them).
//
// Choices, stated once:
// - A duty that crosses the period's edge counts only its hours inside the period; it counts as a slot in the
//   period where it starts. Adjacent periods therefore add up exactly.
// - The zone key's target of a zone is Σ over rotations of (its share in that rotation × that rotation's
//   weighted load in the period): several rotations with different keys combine by their actual loads.
// - The zone mean is the plain mean of the weighted hours of the zone's people in the report (members in the
//   period, and anyone who held a duty in it).
// - Within a zone, people are compared per available time: a person's capacity is their FTE × the fraction of
//   the period they were a member of the rotation (someone who joined halfway carries half). A person's
//   expected load is the zone's weighted load per unit of capacity × their capacity, summed over the
//   rotations they stand in (so the expectations of a zone add up to its load). Leave does NOT
//   reduce capacity (leave is personal data of the person's zone, often medical, and a planner evens it out
//   over the year): a person on long leave shows below the mean, on purpose.
import { Temporal } from 'temporal-polyfill'
import { holidayDates } from '../../../platform/holidays.ts'
import { DEFAULT_NIGHT, hoursSplitter, localInstant, overlap, type NightWindow } from './hours.ts'
import { slotLoad } from './load.ts'
import type { LoadWeights, ZoneInfo, ZoneKey } from './types.ts'
import { zoneShares } from './zone-key.ts'

export interface FairnessRotation {
  id: string
  zones: readonly ZoneInfo[]
  zoneKey: ZoneKey
  weights: LoadWeights
}

export interface FairnessDuty {
  rotationId: string
  personId: string
  /** The person's zone when the duty was recorded. */
  zoneId: string
  start: number
  end: number
}

export interface FairnessMembership {
  rotationId: string
  personId: string
  zoneId: string
  /** Working-time share (1 = full time); 0 or less counts as 1, as the solver does. */
  fte: number
  /** First and last local date of the membership (inclusive); `to` null = open. */
  from: string
  to: string | null
}

export interface FairnessInput {
  /** First and last local date of the period (inclusive), Brussels. */
  from: string
  to: string
  rotations: readonly FairnessRotation[]
  duties: readonly FairnessDuty[]
  memberships: readonly FairnessMembership[]
  /** Default: the national holidays of the years covered (as the solver's slots count them). */
  holidays?: ReadonlySet<string>
  night?: NightWindow
}

export interface LoadFigures {
  slots: number
  hours: number
  /** Weighted hours: every hour 1, plus the rotation's extra for night, Saturday, Sunday and holiday hours. */
  weightedHours: number
  nightHours: number
  saturdayHours: number
  sundayHours: number
  holidayHours: number
}

export interface ZoneFairness extends LoadFigures {
  zoneId: string
  /** The zone key's share of the weighted load (0–1). */
  keyShare: number
  /** The zone's actual share of the weighted load; null when there was no load. */
  actualShare: number | null
  /** keyShare × the total weighted load. */
  targetWeightedHours: number
  /** weightedHours − targetWeightedHours: positive = carried more than the key says. */
  deviation: number
  /** Members of the zone in the period (distinct people). */
  members: number
  /** Σ FTE × fraction of the period as a member. */
  capacity: number
  /** The mean weighted hours of the zone's people; null when the zone has none. */
  meanWeightedHours: number | null
}

export interface PersonFairness extends LoadFigures {
  personId: string
  zoneId: string
  capacity: number
  /** The zone mean × the person's capacity (summed over rotations); null when their zone had no capacity. */
  expectedWeightedHours: number | null
  /** weightedHours − expectedWeightedHours. */
  deviation: number | null
}

export interface FairnessReport {
  from: string
  to: string
  totals: LoadFigures
  zones: ZoneFairness[]
  people: PersonFairness[]
}

export const emptyFigures = (): LoadFigures => ({
  slots: 0,
  hours: 0,
  weightedHours: 0,
  nightHours: 0,
  saturdayHours: 0,
  sundayHours: 0,
  holidayHours: 0,
})

function add(into: LoadFigures, more: LoadFigures): void {
  into.slots += more.slots
  into.hours += more.hours
  into.weightedHours += more.weightedHours
  into.nightHours += more.nightHours
  into.saturdayHours += more.saturdayHours
  into.sundayHours += more.sundayHours
  into.holidayHours += more.holidayHours
}

const daysBetween = (from: Temporal.PlainDate, to: Temporal.PlainDate) => from.until(to, { largestUnit: 'days' }).days

/** Days of [from, to] (inclusive local dates) that fall in the membership; 0 when they do not meet. */
function memberDays(m: FairnessMembership, from: Temporal.PlainDate, to: Temporal.PlainDate): number {
  const first =
    Temporal.PlainDate.compare(Temporal.PlainDate.from(m.from), from) > 0 ? Temporal.PlainDate.from(m.from) : from
  const last =
    m.to !== null && Temporal.PlainDate.compare(Temporal.PlainDate.from(m.to), to) < 0
      ? Temporal.PlainDate.from(m.to)
      : to
  return Math.max(0, daysBetween(first, last) + 1)
}

export function fairnessReport(input: FairnessInput): FairnessReport {
  const from = Temporal.PlainDate.from(input.from)
  const to = Temporal.PlainDate.from(input.to)
  if (Temporal.PlainDate.compare(to, from) < 0) throw new RangeError('the period ends before it starts')
  const periodStart = localInstant(from, new Temporal.PlainTime())
  const periodEnd = localInstant(to.add({ days: 1 }), new Temporal.PlainTime())
  const periodDays = daysBetween(from, to) + 1
  const split = hoursSplitter({
    holidays: input.holidays ?? holidayDates(from.year, to.year + 1),
    night: input.night ?? DEFAULT_NIGHT,
  })
  const rotations = new Map(input.rotations.map((r) => [r.id, r]))

  // Loads per (rotation, person) and per (rotation, zone).
  const key = (a: string, b: string) => `${a}\u0000${b}`
  const personLoad = new Map<string, LoadFigures>()
  const zoneLoad = new Map<string, LoadFigures>()
  const personZone = new Map<string, string>()
  const figuresOf = (map: Map<string, LoadFigures>, k: string) => {
    let f = map.get(k)
    if (!f) map.set(k, (f = emptyFigures()))
    return f
  }
  for (const d of input.duties) {
    const rotation = rotations.get(d.rotationId)
    if (!rotation || overlap(d.start, d.end, periodStart, periodEnd) === 0) continue
    const hours = split(Math.max(d.start, periodStart), Math.min(d.end, periodEnd))
    const figures: LoadFigures = {
      slots: d.start >= periodStart && d.start < periodEnd ? 1 : 0,
      hours: hours.total,
      weightedHours: slotLoad(hours, rotation.weights) / 60,
      nightHours: hours.night,
      saturdayHours: hours.saturday,
      sundayHours: hours.sunday,
      holidayHours: hours.holiday,
    }
    if (!personZone.has(d.personId)) personZone.set(d.personId, d.zoneId)
    add(figuresOf(personLoad, key(d.rotationId, d.personId)), figures)
    add(figuresOf(zoneLoad, key(d.rotationId, d.zoneId)), figures)
  }

  // Capacity per (rotation, person) and per (rotation, zone).
  const personCapacity = new Map<string, number>()
  const zoneCapacity = new Map<string, number>()
  const zoneMembers = new Map<string, Set<string>>()
  for (const m of input.memberships) {
    if (!rotations.has(m.rotationId)) continue
    const days = memberDays(m, from, to)
    if (days === 0) continue
    const capacity = ((m.fte > 0 ? m.fte : 1) * days) / periodDays
    if (!personZone.has(m.personId)) personZone.set(m.personId, m.zoneId)
    personCapacity.set(
      key(m.rotationId, m.personId),
      (personCapacity.get(key(m.rotationId, m.personId)) ?? 0) + capacity,
    )
    zoneCapacity.set(key(m.rotationId, m.zoneId), (zoneCapacity.get(key(m.rotationId, m.zoneId)) ?? 0) + capacity)
    const members = zoneMembers.get(m.zoneId) ?? new Set<string>()
    zoneMembers.set(m.zoneId, members.add(m.personId))
  }

  // Zones: the key's targets, rotation by rotation, combined by actual load.
  const zoneIds = [...new Set([...input.rotations.flatMap((r) => r.zones.map((z) => z.id)), ...personZone.values()])]
  const zones = new Map<string, ZoneFairness>(
    zoneIds.map((zoneId) => [
      zoneId,
      {
        zoneId,
        ...emptyFigures(),
        keyShare: 0,
        actualShare: null,
        targetWeightedHours: 0,
        deviation: 0,
        members: zoneMembers.get(zoneId)?.size ?? 0,
        capacity: 0,
        meanWeightedHours: null,
      },
    ]),
  )
  const totals = emptyFigures()
  const equalShares = new Map<string, number>() // the key's shares when no rotation carried any load
  for (const rotation of input.rotations) {
    const shares = zoneShares(rotation.zoneKey, rotation.zones)
    let rotationLoad = 0
    for (const zone of zones.values()) {
      const load = zoneLoad.get(key(rotation.id, zone.zoneId))
      if (load) {
        add(zone, load)
        add(totals, load)
        rotationLoad += load.weightedHours
      }
      zone.capacity += zoneCapacity.get(key(rotation.id, zone.zoneId)) ?? 0
    }
    rotation.zones.forEach((z, i) => {
      const zone = zones.get(z.id)
      if (!zone) return
      zone.targetWeightedHours += (shares[i] ?? 0) * rotationLoad
      equalShares.set(z.id, (equalShares.get(z.id) ?? 0) + (shares[i] ?? 0) / input.rotations.length)
    })
  }
  for (const zone of zones.values()) {
    zone.keyShare =
      totals.weightedHours > 0 ? zone.targetWeightedHours / totals.weightedHours : (equalShares.get(zone.zoneId) ?? 0)
    zone.actualShare = totals.weightedHours > 0 ? zone.weightedHours / totals.weightedHours : null
    zone.deviation = zone.weightedHours - zone.targetWeightedHours
  }

  // People: their load against the zone mean of each rotation, times their capacity in it.
  const people: PersonFairness[] = [...personZone].map(([personId, zoneId]) => {
    const person: PersonFairness = {
      personId,
      zoneId,
      ...emptyFigures(),
      capacity: 0,
      expectedWeightedHours: null,
      deviation: null,
    }
    for (const rotation of input.rotations) {
      const load = personLoad.get(key(rotation.id, personId))
      if (load) add(person, load)
      const capacity = personCapacity.get(key(rotation.id, personId)) ?? 0
      person.capacity += capacity
      const zoneCap = zoneCapacity.get(key(rotation.id, zoneId)) ?? 0
      if (zoneCap > 0) {
        const mean = (zoneLoad.get(key(rotation.id, zoneId))?.weightedHours ?? 0) / zoneCap
        person.expectedWeightedHours = (person.expectedWeightedHours ?? 0) + mean * capacity
      }
    }
    if (person.expectedWeightedHours !== null) person.deviation = person.weightedHours - person.expectedWeightedHours
    return person
  })
  for (const zone of zones.values()) {
    const own = people.filter((p) => p.zoneId === zone.zoneId)
    zone.meanWeightedHours = own.length > 0 ? zone.weightedHours / own.length : null
  }
  return { from: input.from, to: input.to, totals, zones: [...zones.values()], people }
}
