// train-compliance (issue 11): the policy matrix's fixtures for GPI 48 compliance, suggestions and thresholds. They
// need no objects of their own: a person's compliance (and suggestions) is asked of the actor's own person (own
// target: `self`) or of a person of the target zone linked to no account of the world (the availability part's
// people); a zone's overview and thresholds of the target zone itself. No partner reach (the zone's HR data): a
// partner zone's person or overview is 404, as a foreign one.
import type { ActorName, Fixture, Target, World, WorldObject } from './policy-matrix.world.ts'

type PersonVariant = 'own person' | 'zone colleague'
const VARIANTS: PersonVariant[] = ['own person', 'zone colleague']

/** The actor's own person (own target; a colleague for those without one), else a person of the target zone. */
const personOf = (w: World, v: PersonVariant, a: ActorName, tg: Target): string =>
  (v === 'own person' && tg === 'own' ? w.availability.actorPerson.get(a) : undefined) ?? w.availability.colleague[tg]

const aPerson = (url: (personId: string) => string): Fixture[] =>
  VARIANTS.map((v) => ({
    variant: v,
    request: (w, tg, a) => ({ method: 'GET', url: url(personOf(w, v, a, tg)) }),
    object: (tg): WorldObject => ({ zones: [tg], owner: v === 'own person' && tg === 'own' ? 'actor' : 'other' }),
  }))
const aZone = (tg: Target): WorldObject => ({ zones: [tg] })

export const TRAINING_COMPLIANCE_FIXTURES: Record<string, Fixture | Fixture[]> = {
  getPersonCompliance: aPerson((id) => `/api/training/compliance/people/${id}`),
  getTrainingSuggestions: aPerson((id) => `/api/training/suggestions?personId=${id}`),
  getZoneCompliance: {
    request: (w, tg) => ({ method: 'GET', url: `/api/training/compliance/zones/${w.zone[tg]}` }),
    object: aZone,
  },
  getTrainingSettings: {
    request: (w, tg) => ({ method: 'GET', url: `/api/training/settings/${w.zone[tg]}` }),
    object: aZone,
  },
  setTrainingSettings: {
    // The defaults of migration 0020: the own zone's verdicts do not change for the other fixtures.
    request: (w, tg) => ({
      method: 'PUT',
      url: `/api/training/settings/${w.zone[tg]}`,
      payload: { windowMonths: 12, minSessions: 5, minEvaluations: 1, minGapDays: 14, warnDays: 60 },
    }),
    object: aZone,
  },
}
