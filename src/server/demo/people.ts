// Generated staff for the demo zones: fictional names, a realistic rank mix and qualifications, the same on
// every run (one seeded stream per zone). About 80% operational and 20% CALog, as in Belgian local police.
import { CALOG_LEVELS, type CalogLevel, type QualificationCode, type Rank } from '../platform/enums.ts'
import { emailSlug, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, surnamePool } from './names.ts'
import { hashLabel, intBetween, mulberry32, pick, shuffled, type Rng } from './prng.ts'
import type { DemoPerson, DemoQualification, DemoZone } from './types.ts'

export const PEOPLE_SEED = 0x5eed2025

/** Generated dates stay before this day, so the demo corps exists whatever "today" the app runs on. */
export const LATEST_DATE = '2024-12-31'

interface Slot {
  staffKind: 'operational' | 'calog'
  rank: Rank | null
  calogLevel: CalogLevel | null
  isKorpschef: boolean
}

const operational = (rank: Rank, isKorpschef = false): Slot => ({
  staffKind: 'operational',
  rank,
  calogLevel: null,
  isKorpschef,
})
const calog = (level: CalogLevel): Slot => ({ staffKind: 'calog', rank: null, calogLevel: level, isKorpschef: false })
const times = <T>(n: number, make: () => T): T[] => Array.from({ length: Math.max(0, n) }, make)

export interface RankPlan {
  korpschefRank: 'hoofdcommissaris' | 'commissaris'
  commissaris: number
  hoofdinspecteur: number
  inspecteur: number
  agent: number
  calog: Record<CalogLevel, number>
}

/** How a corps of `size` splits over ranks and CALog levels (the korpschef counts as one of the operational). */
export function rankPlan(size: number): RankPlan {
  const calogTotal = Math.round(size * 0.2)
  const ops = size - calogTotal
  const commissaris = Math.round(ops * 0.035)
  const hoofdinspecteur = Math.round(ops * 0.16)
  const agent = Math.round(ops * 0.08)
  const levelA = Math.max(1, Math.round(calogTotal * 0.1))
  const levelB = Math.round(calogTotal * 0.2)
  const levelC = Math.round(calogTotal * 0.4)
  return {
    // A small corps is led by a commissaris; from a mid-sized one on, by a hoofdcommissaris.
    korpschefRank: ops >= 60 ? 'hoofdcommissaris' : 'commissaris',
    commissaris,
    hoofdinspecteur,
    inspecteur: ops - 1 - commissaris - hoofdinspecteur - agent,
    agent,
    calog: { A: levelA, B: levelB, C: levelC, D: calogTotal - levelA - levelB - levelC },
  }
}

function slots(plan: RankPlan): Slot[] {
  return [
    ...times(plan.commissaris, () => operational('commissaris')),
    ...times(plan.hoofdinspecteur, () => operational('hoofdinspecteur')),
    ...times(plan.inspecteur, () => operational('inspecteur')),
    ...times(plan.agent, () => operational('agent')),
    ...CALOG_LEVELS.flatMap((level) => times(plan.calog[level], () => calog(level))),
  ]
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

function randomDate(rng: Rng, fromYear: number, toYear: number): string {
  return `${intBetween(rng, fromYear, toYear)}-${pad(intBetween(rng, 1, 12), 2)}-${pad(intBetween(rng, 1, 28), 2)}`
}

const laterOf = (a: string, b: string): string => (a > b ? a : b)
const earlierOf = (a: string, b: string): string => (a < b ? a : b)

/** A date `years` after `from` (days are ≤ 28, so every month has it), never after LATEST_DATE. */
export function yearsAfter(from: string, years: number): string {
  const shifted = `${Number(from.slice(0, 4)) + years}${from.slice(4)}`
  return laterOf(from, earlierOf(shifted, LATEST_DATE))
}

const EMPLOYED_FROM_YEARS: Readonly<Record<Rank | 'calog' | 'korpschef', readonly [number, number]>> = {
  korpschef: [1988, 2008],
  hoofdcommissaris: [1988, 2008],
  commissaris: [1990, 2016],
  hoofdinspecteur: [1992, 2018],
  inspecteur: [1998, 2024],
  agent: [2012, 2024],
  calog: [1995, 2024],
}

function employedFrom(rng: Rng, slot: Slot): string {
  const key = slot.isKorpschef ? 'korpschef' : (slot.rank ?? 'calog')
  const [from, to] = EMPLOYED_FROM_YEARS[key]
  return randomDate(rng, from, to)
}

function fte(rng: Rng, slot: Slot): number {
  if (slot.isKorpschef || slot.rank === 'commissaris') return 1
  const r = rng()
  if (r < 0.08) return 0.8
  if (r < 0.12) return 0.5
  return 1
}

/** "+32 11 45 01 23" (or "+32 4 381 01 23"): area code, the zone's block, then the person's sequence number. */
export function workPhone(zone: DemoZone, sequence: number): string {
  if (zone.areaCode.length + zone.phoneBlock.length !== 4)
    throw new Error(`zone ${zone.code}: phone block must leave 4 digits`)
  const line = pad(sequence, 4)
  return `+32 ${zone.areaCode} ${zone.phoneBlock} ${line.slice(0, 2)} ${line.slice(2)}`
}

function personName(rng: Rng, zone: DemoZone, slot: Slot): { firstName: string; lastName: string } {
  const female = rng() < (slot.staffKind === 'calog' ? 0.6 : 0.35)
  const firstName = pick(rng, female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES)
  const pool = surnamePool(zone.province)
  const lastName = pick(rng, rng() < 0.55 ? pool.regional : pool.common)
  return { firstName, lastName }
}

/** Qualification rules: who is eligible, how many of them get it, and how long after joining. */
interface QualificationRule {
  code: QualificationCode
  eligible: (p: DemoPerson) => boolean
  count: (eligible: number) => number
  yearsAfterJoining: readonly [number, number]
}

const isRank =
  (...ranks: Rank[]) =>
  (p: DemoPerson): boolean =>
    p.rank !== null && ranks.includes(p.rank)

const QUALIFICATION_RULES: readonly QualificationRule[] = [
  // Every officer and every hoofdinspecteur is an officer of judicial police.
  {
    code: 'ogp',
    eligible: isRank('hoofdcommissaris', 'commissaris', 'hoofdinspecteur'),
    count: (n) => n,
    yearsAfterJoining: [0, 2],
  },
  // OBP lets a hoofdinspecteur stand in as officer of duty.
  { code: 'obp', eligible: isRank('hoofdinspecteur'), count: (n) => Math.round(n * 0.4), yearsAfterJoining: [2, 8] },
  {
    code: 'victim_support',
    eligible: isRank('inspecteur', 'hoofdinspecteur'),
    count: (n) => Math.max(2, Math.round(n * 0.04)),
    yearsAfterJoining: [1, 6],
  },
  {
    code: 'firearms_instructor',
    eligible: isRank('inspecteur', 'hoofdinspecteur'),
    count: (n) => Math.max(2, Math.round(n * 0.025)),
    yearsAfterJoining: [3, 10],
  },
  {
    code: 'first_aid',
    eligible: isRank('agent', 'inspecteur', 'hoofdinspecteur', 'commissaris'),
    count: (n) => Math.round(n * 0.45),
    yearsAfterJoining: [0, 6],
  },
  {
    code: 'priority_driving',
    eligible: isRank('agent', 'inspecteur', 'hoofdinspecteur'),
    count: (n) => Math.round(n * 0.3),
    yearsAfterJoining: [1, 5],
  },
  {
    code: 'drone_pilot',
    eligible: isRank('inspecteur', 'hoofdinspecteur'),
    count: (n) => Math.max(1, Math.round(n * 0.012)),
    yearsAfterJoining: [2, 8],
  },
  {
    code: 'informant_handler',
    eligible: isRank('inspecteur', 'hoofdinspecteur'),
    count: (n) => Math.max(1, Math.round(n * 0.02)),
    yearsAfterJoining: [3, 10],
  },
]

function grantQualifications(rng: Rng, people: readonly DemoPerson[]): void {
  for (const rule of QUALIFICATION_RULES) {
    const eligible = people.filter(rule.eligible)
    for (const person of shuffled(rng, eligible).slice(0, rule.count(eligible.length))) {
      const [min, max] = rule.yearsAfterJoining
      const obtainedOn = yearsAfter(person.employedFrom, intBetween(rng, min, max))
      person.qualifications.push({ code: rule.code, obtainedOn } satisfies DemoQualification)
    }
  }
}

/** The corps of one zone: the korpschef gets number 0001, everyone else in a shuffled order. */
export function generateZoneStaff(zone: DemoZone, seed = PEOPLE_SEED): DemoPerson[] {
  const rng = mulberry32(hashLabel(zone.code, seed))
  const plan = rankPlan(zone.staffCount)
  const ordered = [operational(plan.korpschefRank, true), ...shuffled(rng, slots(plan))]
  const emailsTaken = new Map<string, number>()
  const people = ordered.map((slot, i): DemoPerson => {
    const sequence = i + 1
    const { firstName, lastName } = personName(rng, zone, slot)
    const base = `${emailSlug(firstName)}.${emailSlug(lastName)}`
    const seen = (emailsTaken.get(base) ?? 0) + 1
    emailsTaken.set(base, seen)
    return {
      zoneCode: zone.code,
      employeeNumber: `${zone.code}-${pad(sequence, 4)}`,
      firstName,
      lastName,
      staffKind: slot.staffKind,
      rank: slot.rank,
      calogLevel: slot.calogLevel,
      fte: fte(rng, slot),
      workPhone: workPhone(zone, sequence),
      workEmail: `${base}${seen > 1 ? seen : ''}@${zone.code}.politie.be`,
      employedFrom: employedFrom(rng, slot),
      isKorpschef: slot.isKorpschef,
      qualifications: [],
    }
  })
  grantQualifications(rng, people)
  return people
}

export const hasQualification = (person: DemoPerson, code: QualificationCode): boolean =>
  person.qualifications.some((q) => q.code === code)

export const qualificationDate = (person: DemoPerson, code: QualificationCode): string | null =>
  person.qualifications.find((q) => q.code === code)?.obtainedOn ?? null
