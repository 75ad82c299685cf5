// Who may take a rotation's slots: a rank and qualifications (DOMAIN.md: the officer of duty is a
// commissaris, or a hoofdinspecteur holding OBP), and a zone the rotation covers.
import type { Eligibility, PersonInput, Rotation, RuleCode } from './types.ts'

export const OFFICER_OF_DUTY: Eligibility = {
  anyOf: [{ ranks: ['commissaris'] }, { ranks: ['hoofdinspecteur'], qualifications: ['obp'] }],
}

export function isEligible(eligibility: Eligibility, person: PersonInput): boolean {
  return eligibility.anyOf.some(
    (clause) =>
      person.rank !== null &&
      clause.ranks.includes(person.rank) &&
      (clause.qualifications ?? []).every((q) => person.qualifications.includes(q)),
  )
}

/** Why a person can never take this rotation's slots, or null when they can in principle. */
export function ineligibility(rotation: Rotation, person: PersonInput): RuleCode | null {
  if (!rotation.zones.some((zone) => zone.id === person.zoneId)) return 'ZONE_NOT_COVERED'
  return isEligible(rotation.eligibility, person) ? null : 'NOT_ELIGIBLE'
}
