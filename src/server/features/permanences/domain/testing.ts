// Instance builders for the domain tests and bench/roster.ts: zones, people and leave generated from a
// seed (no demo data, no database), so a test states the shape it needs in one line.
import { OFFICER_OF_DUTY } from './eligibility.ts'
import { expandPattern, type ShiftPattern } from './patterns.ts'
import { mulberry32 } from './random.ts'
import type { DutyKind, Interval, PersonInput, Rank, RosterInput, ZoneKey } from './types.ts'

export interface InstanceShape {
  zones: number
  peoplePerZone: number
  pattern: ShiftPattern
  from: string
  to: string
  dutyKind?: DutyKind
  peoplePerSlot?: number
  zoneKey?: ZoneKey
  /** Leave: each person gets this many random periods of one to two weeks. */
  leavePerPerson?: number
  seed?: number
}

const DAY = 86_400_000

export function makeInstance(shape: InstanceShape): RosterInput {
  const random = mulberry32(shape.seed ?? 7)
  const zones = Array.from({ length: shape.zones }, (_, z) => ({
    id: `zone-${z + 1}`,
    fte: 100 + 60 * z,
    population: 40_000 + 25_000 * ((z * 7) % 5),
  }))
  const people: PersonInput[] = zones.flatMap((zone) =>
    Array.from({ length: shape.peoplePerZone }, (_, i) => {
      const rank: Rank = i % 3 === 0 ? 'commissaris' : 'hoofdinspecteur'
      return { id: `${zone.id}-p${i + 1}`, zoneId: zone.id, rank, qualifications: ['obp', 'ogp'] }
    }),
  )
  const slots = expandPattern(shape.pattern, shape.from, shape.to)
  const first = slots[0]?.start ?? 0
  const span = Math.max(DAY, (slots.at(-1)?.end ?? first) - first)
  const unavailability: Interval[] = people.flatMap((p) =>
    Array.from({ length: shape.leavePerPerson ?? 0 }, () => {
      const start = first + Math.floor(random() * (span / DAY)) * DAY
      return { personId: p.id, start, end: start + (7 + Math.floor(random() * 8)) * DAY }
    }),
  )
  return {
    rotation: {
      id: 'rotation-1',
      dutyKind: shape.dutyKind ?? 'on_call',
      peoplePerSlot: shape.peoplePerSlot ?? 1,
      eligibility: OFFICER_OF_DUTY,
      zones,
      zoneKey: shape.zoneKey ?? { kind: 'equal' },
    },
    slots,
    people,
    unavailability,
  }
}
