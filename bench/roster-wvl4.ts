// The `wvl4-year` instance of bench/roster.ts: the WVL4 association of the demo data set (Vlas, Westkust,
// Polder, RIHO) with the demo generator's people (ranks, qualifications, FTE) and the zones' population from
// the municipalities file, one year of its five shared permanences solved one after another, each seeing the
// earlier ones' duties, with seeded leave of about 35 days a person (a summer block of two to three weeks, two
// blocks of five to nine days, four single days). Eligibility and working-time rules are the product's
// presets (features/permanences/presets.ts).
import { generateZoneStaff } from '../src/server/demo/people.ts'
import { DEMO_ZONES, demoMunicipalities } from '../src/server/demo/zones.ts'
import { isEligible } from '../src/server/features/permanences/domain/eligibility.ts'
import { localMidnight } from '../src/server/features/permanences/roster-input.ts'
import { expandPattern, type ShiftPattern } from '../src/server/features/permanences/domain/patterns.ts'
import { mulberry32 } from '../src/server/features/permanences/domain/random.ts'
import type { Interval, PersonInput, RosterInput, ZoneKey } from '../src/server/features/permanences/domain/types.ts'
import { defaultEligibility, rulesFor, type PermanenceDomain } from '../src/server/features/permanences/presets.ts'

const WVL4 = ['5456', '5461', '5460', '5453']
const DAY = 86_400_000
const weekly: ShiftPattern = { kind: 'weekly', handoffWeekday: 1, handoffTime: '07:00' }
const dayNight: ShiftPattern = { kind: 'day_night', dayStart: '07:00', nightStart: '19:00' }

export interface Wvl4Rotation {
  name: string
  domain: PermanenceDomain
  pattern: ShiftPattern
  dutyKind: 'on_call' | 'present'
  zoneKey: ZoneKey
}

/** The five rotations, in the order they are solved (the scarcest people first). */
export const WVL4_ROTATIONS: readonly Wvl4Rotation[] = [
  {
    name: 'officer-of-duty',
    domain: 'permanence.officer_of_duty',
    pattern: weekly,
    dutyKind: 'on_call',
    zoneKey: { kind: 'population' },
  },
  {
    name: 'victim-support',
    domain: 'permanence.victim_support',
    pattern: weekly,
    dutyKind: 'on_call',
    zoneKey: { kind: 'population' },
  },
  {
    name: 'investigation',
    domain: 'permanence.investigation',
    pattern: weekly,
    dutyKind: 'on_call',
    zoneKey: { kind: 'fte' },
  },
  { name: 'ict', domain: 'ict', pattern: weekly, dutyKind: 'on_call', zoneKey: { kind: 'equal' } },
  {
    name: 'shift-leader',
    domain: 'permanence.shift_leader',
    pattern: dayNight,
    dutyKind: 'present',
    zoneKey: { kind: 'fte' },
  },
]

export function wvl4Instances(from: string, to: string) {
  const zones = DEMO_ZONES.filter((z) => WVL4.includes(z.code))
  const municipalities = demoMunicipalities()
  const staff = zones.map((zone) => ({ zone, people: generateZoneStaff(zone) }))
  const zoneInfo = staff.map(({ zone, people }) => ({
    id: zone.code,
    fte: people.reduce((sum, p) => sum + p.fte, 0),
    population: municipalities
      .filter(
        (m) => m.zoneCode === zone.code && (m.validFrom ?? '') <= from && (m.validTo === null || m.validTo >= from),
      )
      .reduce((sum, m) => sum + (m.population ?? 0), 0),
  }))
  const everyone: PersonInput[] = staff.flatMap(({ people }) =>
    people.map((p) => ({
      id: p.employeeNumber,
      zoneId: p.zoneCode,
      rank: p.rank,
      qualifications: p.qualifications.map((q) => q.code),
      fte: p.fte,
    })),
  )
  // ICT: the zone's ICT team, not every operational member: the first few by employee number (as the demo
  // rotations pick their members), about one per 60 staff.
  const ictTeam = new Set(
    staff.flatMap(({ zone, people }) =>
      people
        .filter((p) => p.staffKind === 'operational' && !p.isKorpschef)
        .slice(0, Math.max(2, Math.round(zone.staffCount / 60)))
        .map((p) => p.employeeNumber),
    ),
  )
  const leave = leaveOf(everyone, localMidnight(from), localMidnight(to))
  return WVL4_ROTATIONS.map((rotation, i) => {
    const eligibility = defaultEligibility(rotation.domain)
    const people = everyone.filter(
      (p) => isEligible(eligibility, p) && (rotation.domain !== 'ict' || ictTeam.has(p.id)),
    )
    const ids = new Set(people.map((p) => p.id))
    const input: RosterInput = {
      rotation: {
        id: `wvl4-${rotation.name}`,
        dutyKind: rotation.dutyKind,
        peoplePerSlot: 1,
        eligibility,
        zones: zoneInfo,
        zoneKey: rotation.zoneKey,
      },
      slots: expandPattern(rotation.pattern, from, to),
      people,
      unavailability: leave.filter((l) => ids.has(l.personId)),
      // Twelve-hour present shifts need a daily limit above the default 10 h (an association setting); 13 h
      // because the night of the autumn change lasts 13 hours.
      rules: { ...rulesFor(rotation.domain), ...(rotation.dutyKind === 'present' ? { maxWorkHoursPer24h: 13 } : {}) },
      seed: i + 1,
    }
    return { name: rotation.name, input }
  })
}

function leaveOf(people: readonly PersonInput[], start: number, end: number): Interval[] {
  const random = mulberry32(2026)
  const days = Math.floor((end - start) / DAY)
  const block = (personId: string, firstDay: number, length: number): Interval => ({
    personId,
    start: start + firstDay * DAY,
    end: start + Math.min(days, firstDay + length) * DAY,
  })
  return people.flatMap((p) => {
    const summer = 181 + Math.floor(random() * 50)
    return [
      block(p.id, summer, 14 + Math.floor(random() * 8)),
      ...[0, 1].map(() => block(p.id, Math.floor(random() * (days - 9)), 5 + Math.floor(random() * 5))),
      ...[0, 1, 2, 3].map(() => block(p.id, Math.floor(random() * days), 1)),
    ]
  })
}
