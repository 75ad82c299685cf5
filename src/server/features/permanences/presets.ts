// What a rotation of a permanence domain starts with when the planner does not say otherwise: who is eligible
// (DOMAIN.md: the officer of duty is a commissaris, or a hoofdinspecteur with OBP), the working-time rules
// (RPPol defaults, domain/types.ts) and the load weights. Plain data, no I/O.
import { OFFICER_OF_DUTY } from './domain/eligibility.ts'
import {
  DEFAULT_RULES,
  DEFAULT_WEIGHTS,
  type Eligibility,
  type LoadWeights,
  type WorkingTimeRules,
} from './domain/types.ts'

/** The permanence domains of the catalogue a rotation can belong to. */
export const PERMANENCE_DOMAINS = [
  'permanence.officer_of_duty',
  'permanence.shift_leader',
  'permanence.victim_support',
  'permanence.investigation',
  'ict',
] as const
export type PermanenceDomain = (typeof PERMANENCE_DOMAINS)[number]

const OPERATIONAL = ['agent', 'inspecteur', 'hoofdinspecteur', 'commissaris', 'hoofdcommissaris'] as const

const ELIGIBILITY: Record<PermanenceDomain, Eligibility> = {
  'permanence.officer_of_duty': OFFICER_OF_DUTY,
  'permanence.shift_leader': { anyOf: [{ ranks: ['hoofdinspecteur', 'commissaris'] }] },
  'permanence.victim_support': { anyOf: [{ ranks: OPERATIONAL, qualifications: ['victim_support'] }] },
  'permanence.investigation': {
    anyOf: [{ ranks: ['inspecteur', 'hoofdinspecteur', 'commissaris'], qualifications: ['ogp'] }],
  },
  ict: { anyOf: [{ ranks: OPERATIONAL }] },
}

/** On-call weekly permanences: at most one week in any three by default, so the load rotates. */
const RULES: Partial<Record<PermanenceDomain, Partial<WorkingTimeRules>>> = {
  'permanence.officer_of_duty': { onCallFrequency: { maxDuties: 1, windowDays: 14 } },
  'permanence.victim_support': { onCallFrequency: { maxDuties: 1, windowDays: 14 } },
}

export const defaultEligibility = (domain: PermanenceDomain): Eligibility => ELIGIBILITY[domain]

export const rulesFor = (domain: PermanenceDomain, given: Partial<WorkingTimeRules> = {}): WorkingTimeRules => ({
  ...DEFAULT_RULES,
  ...RULES[domain],
  ...given,
})

export const weightsFor = (given: Partial<LoadWeights> = {}): LoadWeights => ({ ...DEFAULT_WEIGHTS, ...given })
