// The world of the policy matrix (test/policy-matrix.int.test.ts) and one fixture per OpenAPI operation.
// Actors are the demo accounts of zone 5373 (BHT), one per role; the admin administers the BHT + Heusden-Zolder
// association only. Targets: own = 5373; partner = 5375 (Heusden-Zolder, same association, sharing assistance,
// officer-of-duty and equipment in an agreement in force); foreign = 5447 (Het Houtsche, another association,
// with 5448 as its partner). Objects an operation changes are fresh per (actor, target).
import { randomBytes } from 'node:crypto'
import type { InjectOptions } from 'fastify'
import { sql } from 'kysely'
import { expect } from 'vitest'
import { hashPassword } from '../src/server/platform/auth/passwords.ts'
import { addUser } from '../src/server/platform/auth/users.ts'
import { notify } from '../src/server/platform/notifications.ts'
import type { Role } from '../src/server/platform/schema.ts'
import {
  makeAgreement,
  makeDuty,
  makePerson,
  makeRotation,
  makeUser,
  type AssociationRef,
  type PersonRef,
  type ZoneRef,
} from './factories.ts'
import type { Session, TestApp } from './harness.ts'
import { ROTATIONS_TOPIC } from '../src/server/features/permanences/repository.ts'
import { notifyInvalidation } from '../src/server/platform/invalidation.ts'
// core (issue 9)
import {
  ASSISTANCE_REQUEST_FIXTURES,
  assistanceRequestsWorld,
  type AssistanceRequestsWorld,
} from './assistance-requests.world.ts'
// assets (issue 10)
import { EQUIPMENT_ASSET_FIXTURES, equipmentAssetsWorld, type EquipmentAssetsWorld } from './equipment-assets.world.ts'
// investments (issue 10)
import { INVESTMENT_FIXTURES, investmentsWorld, type InvestmentsWorld } from './investments.world.ts'
// bookings (issue 10)
import {
  EQUIPMENT_BOOKING_FIXTURES,
  equipmentBookingsWorld,
  type EquipmentBookingsWorld,
} from './equipment-bookings.world.ts'
// training sessions (issue 11, train-sessions)
import {
  TRAINING_SESSION_FIXTURES,
  trainingSessionsWorld,
  type TrainingSessionsWorld,
} from './training-sessions.world.ts'
// settlements (issue 10)
import {
  INVESTMENT_SETTLEMENT_FIXTURES,
  investmentSettlementsWorld,
  type InvestmentSettlementsWorld,
} from './investment-settlements.world.ts'
// training enrolments (issue 11, train-enrol)
import {
  TRAINING_ENROLMENT_FIXTURES,
  trainingEnrolmentsWorld,
  type TrainingEnrolmentsWorld,
} from './training-enrolments.world.ts'
import { TRAINING_COMPLIANCE_FIXTURES } from './training-compliance.world.ts' // train-compliance (issue 11)

export type Target = 'own' | 'partner' | 'foreign'
export type ActorName = 'anonymous' | Role
export const ACTORS: ActorName[] = [
  'anonymous',
  'korpschef',
  'planner',
  'officer',
  'logistics',
  'finance',
  'trainer',
  'dpo',
  'admin',
]
export const TARGETS: Target[] = ['own', 'partner', 'foreign']
export const ZONE: Record<Target, string> = { own: '5373', partner: '5375', foreign: '5447' }
export const ADMIN = { email: 'admin@bht-hz.test', password: 'matrix-admin-password' }

/** A zone of the world: the three targets, and the foreign zone's partner. */
export type WorldZone = Target | 'foreign2'

/**
 * The object an operation's rule decides on, in terms of the world: the zones it belongs to, its association,
 * and (for a partner zone's object) whether it is shared under a domain the agreement in force lists.
 */
export interface WorldObject {
  zones: WorldZone[]
  association?: 'own' | 'foreign'
  shared?: boolean
  /** A personal object (a notification): the actor's own, or another user's. */
  owner?: 'actor' | 'other'
}

export interface World {
  sessions: Map<ActorName, Session>
  zone: Record<WorldZone, string>
  association: Record<Target, string>
  agreement: Record<Target, string>
  draft: Record<Target, string>
  sharedPerson: Record<Target, string>
  privatePerson: Record<Target, string>
  /** A fresh draft per (actor, target) and one for the conflict test: no case sees another's decision. */
  approvalDrafts: Map<string, string>
  /** The demo planner account of each target zone. */
  demoAccount: Record<Target, string>
  /** One account per (actor, target) with two roles in the target zone: each allowed actor changes its own. */
  mine: Map<string, { id: string; officerRoleId: string }>
  /** A notification per (actor, target): own = the actor's own; partner, foreign = a planner's of that zone. */
  notifications: Map<string, string>
  // calendars (issue 8)
  /** A rotation per target: own = covers the own zone; partner = only the partner zone; foreign = of the
   *  foreign association. */
  calendarRotation: Record<Target, string>
  /** An active calendar feed per (actor, target): own = the actor's own; partner, foreign = another user's. */
  calendarFeeds: Map<string, string>
  /** availability (issue 8): people and fresh entries (see availabilityWorld). */
  availability: AvailabilityWorld
  // permanences (perm-core): a rotation per target (own and partner: the one covering both), and per
  // (actor, target) a fresh eligible person of the own zone and a membership to end.
  rotation: Record<Target, string>
  rotationPeople: Map<string, string>
  rotationMembers: Map<string, string>
  /** A published roster version per target (publishing it again is a conflict). */
  publishedVersion: Record<Target, string>
  /** swaps (issue 8): see swapsWorld. */
  swaps: SwapsWorld
  /** callouts (issue 8): fresh call-outs to change and approved statements to reopen (see calloutsWorld). */
  callouts: CalloutsWorld
  /** alerts (issue 9): a request sent to the target zone (see assistanceAlertsWorld). */
  assistanceAlerts: Record<Target, string>
  // core (issue 9)
  assistanceRequests: AssistanceRequestsWorld
  equipmentAssets: EquipmentAssetsWorld // assets (issue 10)
  // investments (issue 10)
  investments: InvestmentsWorld
  equipmentBookings: EquipmentBookingsWorld // bookings (issue 10)
  investmentSettlements: InvestmentSettlementsWorld // settlements (issue 10)
  trainingSessions: TrainingSessionsWorld // training sessions (issue 11, train-sessions)
  trainingEnrolments: TrainingEnrolmentsWorld // training enrolments (issue 11, train-enrol)
}

type Request = Pick<InjectOptions, 'payload' | 'remoteAddress'> & {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE' // PUT: core, ledger (issue 9)
  url: string
}

export interface Fixture {
  /** When an operation has several fixtures: what this one asks about. */
  variant?: string
  request: (w: World, target: Target, actor: ActorName) => Request
  /** The object the rule decides on. Absent: a list, or the actor itself; the reach is then not in question. */
  object?: (target: Target) => WorldObject
  /** The object as the row's `seenThrough` rule sees it, when that is another one (a decision → its agreement). */
  seen?: (target: Target) => WorldObject
  /** The answer once the policy allows (default 200): the operation's documented outcome. */
  ok?: number
  /** Out of reach: the operation's documented answer when it is not the table's (403/404). */
  outside?: number
  /** A text/event-stream route: asked over a socket. */
  stream?: true
}

const onZone = (tg: Target): WorldObject => ({ zones: [tg], association: tg === 'foreign' ? 'foreign' : 'own' })
const anAgreement = (tg: Target): WorldObject =>
  tg === 'foreign'
    ? { zones: ['foreign', 'foreign2'], association: 'foreign' }
    : { zones: ['own', 'partner'], association: 'own' }
// permanences (perm-core): a rotation covers the own and partner zones, or the two foreign ones.
const aRotation = (tg: Target): WorldObject =>
  tg === 'foreign'
    ? { zones: ['foreign', 'foreign2'], association: 'foreign' }
    : { zones: ['own', 'partner'], association: 'own' }
// swaps (issue 8): a duty (or a request on it) of the actor's own person, or of a person of the target zone.
const aDuty = (tg: Target): WorldObject =>
  tg === 'own'
    ? { zones: ['own'], association: 'own', owner: 'actor' }
    : { zones: [tg], association: tg === 'foreign' ? 'foreign' : 'own' }
const ofAssociation = (tg: Target): WorldObject => ({ zones: [], association: tg === 'foreign' ? 'foreign' : 'own' })
const anAccount = (tg: Target): WorldObject => ({ zones: [tg] })

let loginAttempt = 0
let newAccount = 0
const mineOf = (w: World, a: ActorName, tg: Target) => w.mine.get(`${a}/${tg}`)!

// availability (issue 8) --------------------------------------------------------------------------------------

/** Whose availability a fixture asks about, in the own zone: the actor's own person, or a colleague's. */
type PersonVariant = 'own person' | 'zone colleague'
const PERSON_VARIANTS: PersonVariant[] = ['own person', 'zone colleague']

export interface AvailabilityWorld {
  /** The person linked to each actor's account (the admin has none). */
  actorPerson: Map<ActorName, string>
  /** A person of each target zone linked to no account of the world (own: a colleague of every actor). */
  colleague: Record<Target, string>
  /** A fresh entry per (update|delete, variant, actor, target), of the person the fixture asks about. */
  entries: Map<string, string>
  /** A fresh preference per (variant, actor, target). */
  preferences: Map<string, string>
}

/** The person a fixture asks about: own target and 'own person' → the actor's (a colleague's for the admin and
 *  the anonymous, who have none); else a person of the target zone. */
const personOf = (w: World, v: PersonVariant, a: ActorName, tg: Target): string =>
  (v === 'own person' && tg === 'own' ? w.availability.actorPerson.get(a) : undefined) ?? w.availability.colleague[tg]

/** Two fixtures, one per person variant; the object is the person's zone, `owner` says whose. */
function bothPeople(request: (w: World, tg: Target, a: ActorName, v: PersonVariant) => Request, ok?: number) {
  return PERSON_VARIANTS.map((v): Fixture => ({
    variant: v,
    request: (w, tg, a) => request(w, tg, a, v),
    object: (tg) => ({ zones: [tg], owner: v === 'own person' && tg === 'own' ? 'actor' : 'other' }),
    ...(ok !== undefined ? { ok } : {}),
  }))
}

let dayOffset = 0
/** Whole days no other matrix entry uses (one person's entries never overlap). */
function nextDays(): { from: string; to: string } {
  const day = new Date(Date.UTC(2032, 0, 1) + dayOffset++ * 2 * 86_400_000).toISOString().slice(0, 10)
  return { from: day, to: day }
}

// callouts (issue 8) --------------------------------------------------------------------------------------------

export interface CalloutsWorld {
  /** A fresh call-out per (update|delete, variant, actor, target), of the person the fixture asks about. */
  callOuts: Map<string, string>
}

let calloutHour = 0
/** A call-out of half an hour in 2019 (everyone asked about is on call then) no other matrix entry uses. */
function nextCallOut(): { start: string; end: string } {
  const start = Date.UTC(2019, 0, 7, 10) + calloutHour++ * 3_600_000
  return { start: new Date(start).toISOString(), end: new Date(start + 1_800_000).toISOString() }
}

/** A month of its own for an (actor, target), from January of `year` on. */
const calloutMonth = (a: ActorName, tg: Target, year: number): string => {
  const n = ACTORS.indexOf(a) * TARGETS.length + TARGETS.indexOf(tg)
  return `${year + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`
}

/** One fixture (or several) per operationId of the OpenAPI document: how to ask it of each target, and the
 *  object its rule decides on. */
export const FIXTURES: Record<string, Fixture | Fixture[]> = {
  getHealth: { request: () => ({ method: 'GET', url: '/api/health' }) },
  ping: { request: () => ({ method: 'GET', url: '/api/ping' }) },
  listZones: { request: () => ({ method: 'GET', url: '/api/zones' }) },
  getZone: { request: (_w, tg) => ({ method: 'GET', url: `/api/zones/${ZONE[tg]}` }) },
  listAssociations: { request: () => ({ method: 'GET', url: '/api/associations' }) },
  listDomains: { request: () => ({ method: 'GET', url: '/api/domains' }) },
  getAssociationFigures: {
    request: (w, tg) => ({ method: 'GET', url: `/api/associations/${w.association[tg]}/figures` }),
    object: ofAssociation,
  },
  login: {
    // A wrong password, each attempt from its own address to another account: the answer, not the throttle.
    request: (_w, tg) => ({
      method: 'POST',
      url: '/api/auth/login',
      payload: {
        email: `${['officer', 'planner', 'trainer'][TARGETS.indexOf(tg)]}.5375@demo.verbond.be`,
        password: 'x',
      },
      remoteAddress: `10.44.${TARGETS.indexOf(tg)}.${++loginAttempt}`,
    }),
    ok: 401,
  },
  // logout ends the shared sessions: the matrix asks it with a session of its own (see the test file).
  logout: { request: () => ({ method: 'POST', url: '/api/auth/logout' }), ok: 204 },
  getMe: { request: () => ({ method: 'GET', url: '/api/me' }) },
  updateMe: { request: () => ({ method: 'PATCH', url: '/api/me', payload: { locale: 'nl' } }) },
  changeOwnPassword: {
    request: () => ({
      method: 'POST',
      url: '/api/me/password',
      payload: { currentPassword: 'not-it', newPassword: 'a long new password' },
    }),
    ok: 422, // the wrong current password
  },
  listNotifications: { request: () => ({ method: 'GET', url: '/api/notifications' }) },
  markNotificationRead: {
    request: (w, tg, a) => ({ method: 'POST', url: `/api/notifications/${w.notifications.get(`${a}/${tg}`)}/read` }),
    object: (tg) => ({ zones: [], owner: tg === 'own' ? 'actor' : 'other' }),
  },
  markAllNotificationsRead: { request: () => ({ method: 'POST', url: '/api/notifications/read-all' }) },
  listAgreements: { request: () => ({ method: 'GET', url: '/api/agreements' }) },
  getAgreement: {
    request: (w, tg) => ({ method: 'GET', url: `/api/agreements/${w.agreement[tg]}` }),
    object: anAgreement,
  },
  createAgreement: {
    request: (w, tg) => ({
      method: 'POST',
      url: '/api/agreements',
      payload: {
        associationId: w.association[tg],
        kind: 'intentieverklaring',
        title: 'Matrix nieuw',
        partyZoneIds: tg === 'foreign' ? [w.zone.foreign, w.zone.foreign2] : [w.zone.own, w.zone.partner],
        domains: ['training'],
      },
    }),
    object: anAgreement,
    ok: 201,
    outside: 403, // associations are public facts: refused, not hidden
  },
  updateAgreement: {
    request: (w, tg) => ({ method: 'PATCH', url: `/api/agreements/${w.draft[tg]}`, payload: { summary: 'Matrix' } }),
    object: anAgreement,
  },
  recordApproval: {
    request: (w, tg, a) => ({
      method: 'POST',
      url: `/api/agreements/${w.approvalDrafts.get(`${a}/${tg}`)}/approvals`,
      payload: {
        zoneId: w.zone[tg],
        body: 'politiecollege',
        decision: 'approved',
        decidedOn: '2026-01-05',
        councilDecisionRef: 'Politiecollege 2026/001', // the admin records on a zone's behalf only with it
      },
    }),
    object: onZone, // the decision of the target's zone…
    seen: anAgreement, // …on an agreement of the own (or foreign) association
    ok: 201,
  },
  transitionAgreement: {
    request: (w, tg) => ({
      method: 'POST',
      url: `/api/agreements/${w.agreement[tg]}/transitions`,
      payload: { to: 'in_approval' },
    }),
    object: anAgreement,
    ok: 409, // in force cannot go back to approval: the lifecycle answers once the policy allows
  },
  listPeople: { request: (w, tg) => ({ method: 'GET', url: `/api/people?zoneId=${w.zone[tg]}` }) },
  getPerson: [
    {
      variant: 'shared person',
      request: (w, tg) => ({ method: 'GET', url: `/api/people/${w.sharedPerson[tg]}` }),
      object: (tg) => ({ zones: [tg], shared: true }),
    },
    {
      variant: 'person not shared',
      request: (w, tg) => ({ method: 'GET', url: `/api/people/${w.privatePerson[tg]}` }),
      object: (tg) => ({ zones: [tg], shared: false }),
    },
  ],
  verifyAudit: { request: () => ({ method: 'GET', url: '/api/audit/verify' }) },
  listAuditEvents: { request: () => ({ method: 'GET', url: '/api/audit/events' }) },
  listAuditActors: { request: () => ({ method: 'GET', url: '/api/audit/actors' }) },
  // A zone outside the DPO's chains is an empty export (the filter narrows, it never widens).
  exportAuditEvents: { request: (w, tg) => ({ method: 'GET', url: `/api/audit/export?zoneId=${w.zone[tg]}` }) },
  listAccounts: { request: () => ({ method: 'GET', url: '/api/accounts' }) },
  getAccount: {
    request: (w, tg) => ({ method: 'GET', url: `/api/accounts/${w.demoAccount[tg]}` }),
    object: anAccount,
  },
  createAccount: {
    request: (w, tg) => ({
      method: 'POST',
      url: '/api/accounts',
      payload: {
        email: `matrix.new.${++newAccount}@accounts.test`,
        displayName: 'Matrix nieuw',
        roles: [{ role: 'planner', zoneId: w.zone[tg] }],
      },
    }),
    object: anAccount,
    ok: 201,
    outside: 403, // zones are public facts: a role out of reach is refused, not hidden
  },
  grantAccountRole: {
    request: (w, tg, a) => ({
      method: 'POST',
      url: `/api/accounts/${mineOf(w, a, tg).id}/roles`,
      payload: { role: 'trainer', zoneId: w.zone[tg] },
    }),
    object: anAccount,
    ok: 201,
  },
  removeAccountRole: {
    request: (w, tg, a) => ({
      method: 'DELETE',
      url: `/api/accounts/${mineOf(w, a, tg).id}/roles/${mineOf(w, a, tg).officerRoleId}`,
    }),
    object: anAccount,
  },
  resetAccountPassword: {
    request: (w, tg, a) => ({ method: 'POST', url: `/api/accounts/${mineOf(w, a, tg).id}/password-reset` }),
    object: anAccount,
  },
  disableAccount: {
    request: (w, tg, a) => ({ method: 'POST', url: `/api/accounts/${mineOf(w, a, tg).id}/disable` }),
    object: anAccount,
  },
  enableAccount: {
    request: (w, tg, a) => ({ method: 'POST', url: `/api/accounts/${mineOf(w, a, tg).id}/enable` }),
    object: anAccount,
  },
  // calendars (issue 8): one's own feeds; a rotation feed only of a rotation the actor may see (its zone covered,
  // or its association administered), else 404 — modelled as the actor's own object or another's: the own
  // target's rotation covers the own zone; the others are of associations the actors have no part in.
  listCalendarFeeds: { request: () => ({ method: 'GET', url: '/api/calendars' }) },
  createCalendarFeed: [
    {
      variant: 'my duties',
      request: () => ({ method: 'POST', url: '/api/calendars', payload: { scope: 'person' } }),
      ok: 201,
    },
    {
      variant: 'rotation',
      request: (w, tg) => ({
        method: 'POST',
        url: '/api/calendars',
        payload: { scope: 'rotation', rotationId: w.calendarRotation[tg] },
      }),
      object: (tg) => ({ zones: [], owner: tg === 'own' ? 'actor' : 'other' }),
      ok: 201,
    },
  ],
  revokeCalendarFeed: {
    request: (w, tg, a) => ({ method: 'DELETE', url: `/api/calendars/${w.calendarFeeds.get(`${a}/${tg}`)}` }),
    object: (tg) => ({ zones: [], owner: tg === 'own' ? 'actor' : 'other' }),
    ok: 204,
  },
  // What the stream carries is decided per event (events/domain.ts, tested in events.int.test.ts).
  streamEvents: { request: () => ({ method: 'GET', url: '/api/events' }), stream: true },
  // availability (issue 8): each about the actor's own person, or a colleague of the own zone (partner and
  // foreign targets: a person of that zone either way)
  listAvailability: bothPeople((w, tg, a, v) => ({
    method: 'GET',
    url: `/api/availability?personId=${personOf(w, v, a, tg)}`,
  })),
  createAvailability: bothPeople(
    (w, tg, a, v) => ({
      method: 'POST',
      url: '/api/availability',
      payload: { personId: personOf(w, v, a, tg), kind: 'leave', ...nextDays() },
    }),
    201,
  ),
  updateAvailability: bothPeople((w, tg, a, v) => ({
    method: 'PATCH',
    url: `/api/availability/${w.availability.entries.get(`update/${v}/${a}/${tg}`)}`,
    payload: { note: 'Matrix' },
  })),
  deleteAvailability: bothPeople(
    (w, tg, a, v) => ({
      method: 'DELETE',
      url: `/api/availability/${w.availability.entries.get(`delete/${v}/${a}/${tg}`)}`,
    }),
    204,
  ),
  listDutyPreferences: bothPeople((w, tg, a, v) => ({
    method: 'GET',
    url: `/api/duty-preferences?personId=${personOf(w, v, a, tg)}`,
  })),
  // Always the actor's own (no person in the body): the reach is not in question.
  createDutyPreference: {
    request: () => ({
      method: 'POST',
      url: '/api/duty-preferences',
      payload: { from: '2031-01-01', to: '2031-01-07', preference: 'wish' },
    }),
    ok: 201,
  },
  deleteDutyPreference: bothPeople(
    (w, tg, a, v) => ({
      method: 'DELETE',
      url: `/api/duty-preferences/${w.availability.preferences.get(`${v}/${a}/${tg}`)}`,
    }),
    204,
  ),
  // permanences (perm-core)
  listRotations: { request: () => ({ method: 'GET', url: '/api/rotations' }) },
  getRotation: { request: (w, tg) => ({ method: 'GET', url: `/api/rotations/${w.rotation[tg]}` }), object: aRotation },
  createRotation: {
    request: (w, tg, a) => ({
      method: 'POST',
      url: '/api/rotations',
      payload: {
        associationId: w.association[tg],
        domain: 'permanence.officer_of_duty',
        name: `Matrix ${a} ${tg}`,
        zoneIds: tg === 'foreign' ? [w.zone.foreign, w.zone.foreign2] : [w.zone.own, w.zone.partner],
        dutyKind: 'on_call',
        pattern: { kind: 'weekly', handoffWeekday: 1, handoffTime: '07:00' },
        validFrom: '2026-01-01',
      },
    }),
    object: aRotation,
    ok: 201,
    outside: 403, // associations and zones are public facts: refused, not hidden
  },
  updateRotation: {
    request: (w, tg) => ({ method: 'PATCH', url: `/api/rotations/${w.rotation[tg]}`, payload: { validTo: null } }),
    object: aRotation,
  },
  listRotationMembers: {
    request: (w, tg) => ({ method: 'GET', url: `/api/rotations/${w.rotation[tg]}/members` }),
    object: aRotation,
  },
  addRotationMember: {
    request: (w, tg, a) => ({
      method: 'POST',
      url: `/api/rotations/${w.rotation[tg]}/members`,
      payload: { personId: w.rotationPeople.get(`${a}/${tg}`) },
    }),
    object: aRotation,
    ok: 201,
  },
  endRotationMember: {
    request: (w, tg, a) => ({
      method: 'DELETE',
      url: `/api/rotations/${w.rotation[tg]}/members/${w.rotationMembers.get(`${a}/${tg}`)}?lastDay=2025-12-31`,
    }),
    object: aRotation,
  },
  generateRoster: {
    request: (w, tg) => ({
      method: 'POST',
      url: `/api/rotations/${w.rotation[tg]}/roster/generate`,
      payload: { from: '2026-12-07', to: '2026-12-13' },
    }),
    object: aRotation,
    ok: 202,
  },
  getRosterDraft: {
    request: (w, tg) => ({ method: 'GET', url: `/api/rotations/${w.rotation[tg]}/roster/draft` }),
    object: aRotation,
  },
  publishRoster: {
    request: (w, tg) => ({
      method: 'POST',
      url: `/api/rotations/${w.rotation[tg]}/roster/publish`,
      payload: { versionId: w.publishedVersion[tg] },
    }),
    object: aRotation,
    ok: 409, // already published: the lifecycle answers once the policy allows
  },
  overrideDuty: {
    request: (w, tg) => ({
      method: 'POST',
      url: `/api/rotations/${w.rotation[tg]}/duties/override`,
      payload: { slotKey: 'week:2030-01-07', position: 1, personId: w.sharedPerson.own, reason: 'Matrix' },
    }),
    object: aRotation,
    ok: 422, // no such slot in the roster in force
  },
  getOnDuty: { request: () => ({ method: 'GET', url: '/api/permanences/on-duty' }) },
  getDutiesAt: {
    request: (w, tg) => ({ method: 'GET', url: `/api/rotations/${w.rotation[tg]}/duties?at=2026-03-02T09:00:00Z` }),
    object: aRotation,
  },
  // fairness (issue 8): one rotation's report (a planner or korpschef of a covered zone; the admin), and every
  // rotation the caller plans together (a list: nothing out of reach)
  getRotationFairness: {
    request: (w, tg) => ({ method: 'GET', url: `/api/rotations/${w.rotation[tg]}/fairness?from=2026-01-01` }),
    object: aRotation,
  },
  getFairness: { request: () => ({ method: 'GET', url: '/api/permanences/fairness?format=csv' }) },
  // planner (issue 8): the roster calendar's range read
  listDutiesInRange: {
    request: (w, tg) => ({
      method: 'GET',
      url: `/api/rotations/${w.rotation[tg]}/duties/range?from=2026-03-01&to=2026-03-31`,
    }),
    object: aRotation,
  },
  // swaps (issue 8): decided requests answer 409 to any transition once the policy allows
  listSwaps: { request: () => ({ method: 'GET', url: '/api/swaps' }) },
  getSwap: { request: (w, tg) => ({ method: 'GET', url: `/api/swaps/${w.swaps.decided[tg]}` }), object: aRotation },
  createSwap: {
    request: (w, tg, a) => ({
      method: 'POST',
      url: '/api/swaps',
      payload: {
        dutyId: tg === 'own' ? (w.swaps.ownDuty.get(a) ?? w.swaps.otherDuty.partner) : w.swaps.otherDuty[tg],
        kind: 'give_away',
      },
    }),
    object: aDuty,
    seen: aRotation,
    ok: 201,
  },
  takeSwap: {
    request: (w, tg) => ({ method: 'POST', url: `/api/swaps/${w.swaps.decided[tg]}/take`, payload: {} }),
    object: aRotation,
    ok: 409,
  },
  assignSwap: {
    request: (w, tg) => ({
      method: 'POST',
      url: `/api/swaps/${w.swaps.decided[tg]}/assign`,
      payload: { personId: w.sharedPerson.own },
    }),
    object: onZone,
    seen: aRotation,
    ok: 409,
  },
  approveSwap: {
    request: (w, tg) => ({ method: 'POST', url: `/api/swaps/${w.swaps.decided[tg]}/approve` }),
    object: onZone,
    seen: aRotation,
    ok: 409,
  },
  rejectSwap: {
    request: (w, tg) => ({ method: 'POST', url: `/api/swaps/${w.swaps.decided[tg]}/reject`, payload: {} }),
    object: onZone,
    seen: aRotation,
    ok: 409,
  },
  withdrawSwap: {
    request: (w, tg, a) => ({
      method: 'POST',
      url: `/api/swaps/${tg === 'own' ? (w.swaps.ownDecided.get(a) ?? w.swaps.decided.own) : w.swaps.decided[tg]}/withdraw`,
    }),
    object: aDuty,
    seen: aRotation,
    ok: 409,
  },
  listMyDuties: { request: () => ({ method: 'GET', url: '/api/my-duties' }) },
  listGaps: { request: () => ({ method: 'GET', url: '/api/permanences/gaps' }) },
  // callouts (issue 8): a person's call-outs and statement (own person or a zone colleague, as availability);
  // a zone's statement (own, partner, foreign zone). Every person asked about is on call all of 2019.
  listCallOuts: bothPeople((w, tg, a, v) => ({
    method: 'GET',
    url: `/api/callouts?personId=${personOf(w, v, a, tg)}&month=2019-03`,
  })),
  createCallOut: bothPeople(
    (w, tg, a, v) => ({
      method: 'POST',
      url: '/api/callouts',
      payload: { personId: personOf(w, v, a, tg), ...nextCallOut(), reason: 'Matrix' },
    }),
    201,
  ),
  updateCallOut: bothPeople((w, tg, a, v) => ({
    method: 'PATCH',
    url: `/api/callouts/${w.callouts.callOuts.get(`update/${v}/${a}/${tg}`)}`,
    payload: { reason: 'Matrix gewijzigd' },
  })),
  deleteCallOut: bothPeople(
    (w, tg, a, v) => ({ method: 'DELETE', url: `/api/callouts/${w.callouts.callOuts.get(`delete/${v}/${a}/${tg}`)}` }),
    204,
  ),
  getPersonStatement: bothPeople((w, tg, a, v) => ({
    method: 'GET',
    url: `/api/callouts/statement?personId=${personOf(w, v, a, tg)}&month=2019-03`,
  })),
  exportPersonStatement: bothPeople((w, tg, a, v) => ({
    method: 'GET',
    url: `/api/callouts/statement/csv?personId=${personOf(w, v, a, tg)}&month=2019-03`,
  })),
  getZoneStatement: {
    request: (w, tg) => ({ method: 'GET', url: `/api/zones/${w.zone[tg]}/statements/2019-03` }),
    object: (tg) => ({ zones: [tg] }),
  },
  exportZoneStatement: {
    request: (w, tg) => ({ method: 'GET', url: `/api/zones/${w.zone[tg]}/statements/2019-03/csv` }),
    object: (tg) => ({ zones: [tg] }),
  },
  // A month of its own per (actor, target): approving it twice would be a conflict.
  approveZoneStatement: {
    request: (w, tg, a) => ({
      method: 'POST',
      url: `/api/zones/${w.zone[tg]}/statements/${calloutMonth(a, tg, 2005)}/approve`,
    }),
    object: (tg) => ({ zones: [tg] }),
  },
  reopenZoneStatement: {
    request: (w, tg, a) => ({
      method: 'POST',
      url: `/api/zones/${w.zone[tg]}/statements/${calloutMonth(a, tg, 2012)}/reopen`,
    }),
    object: (tg) => ({ zones: [tg] }),
  },
  // alerts (issue 9): the open alerts of the caller's zones (a list); acknowledging a request sent to the target
  // zone (the own zone's is acknowledged once, then answered with that first acknowledgement); an association's
  // response-time report (the own association: its admin and the ledger roles of a party zone)
  listAssistanceAlerts: { request: () => ({ method: 'GET', url: '/api/assistance/alerts' }) },
  acknowledgeAssistanceAlert: {
    request: (w, tg) => ({
      method: 'POST',
      url: `/api/assistance/requests/${w.assistanceAlerts[tg]}/acknowledge`,
      payload: {},
    }),
    object: onZone,
  },
  assistanceResponseTimes: {
    request: (w, tg) => ({
      method: 'GET',
      url: `/api/assistance/response-times?associationId=${w.association[tg]}&from=2026-01-01&to=2026-12-31`,
    }),
    object: (tg) => ({ zones: [], association: tg === 'foreign' ? 'foreign' : 'own' }),
  },
  // core (issue 9)
  ...ASSISTANCE_REQUEST_FIXTURES,
  // ledger (issue 9): the person-hours ledger of the own association (own and partner targets) or the foreign
  // one. Writes are the admin's: each rate version and settlement gets a later day than the one before.
  getAssistanceSettings: {
    request: (w, tg) => ({ method: 'GET', url: `/api/assistance/associations/${w.association[tg]}/settings` }),
    object: ofAssociation,
  },
  updateAssistanceSettings: {
    request: (w, tg) => ({
      method: 'PUT',
      url: `/api/assistance/associations/${w.association[tg]}/settings`,
      payload: { retroApprovalDays: 3, escalationMinutes: 5, hourlyRateCents: 6500 },
    }),
    object: ofAssociation,
  },
  listAssistanceRates: {
    request: (w, tg) => ({ method: 'GET', url: `/api/assistance/associations/${w.association[tg]}/rates` }),
    object: ofAssociation,
  },
  createAssistanceRate: {
    request: (w, tg) => ({
      method: 'POST',
      url: `/api/assistance/associations/${w.association[tg]}/rates`,
      payload: {
        category: 'other',
        from: ledgerDay(2040),
        base: 1,
        extra: { night: 0.5, saturday: 0.25, sunday: 0.5, holiday: 1 },
      },
    }),
    object: ofAssociation,
    ok: 201,
  },
  assistanceBalances: {
    request: (w, tg) => ({
      method: 'GET',
      url: `/api/assistance/associations/${w.association[tg]}/balances?from=2026-01-01&to=2026-12-31`,
    }),
    object: ofAssociation,
  },
  assistanceStatement: {
    request: (w, tg) => ({
      method: 'GET',
      url: `/api/assistance/associations/${w.association[tg]}/statement?zoneId=${w.zone[tg]}&from=2026-01-01&to=2026-12-31`,
    }),
    object: ofAssociation,
  },
  exportAssistanceStatement: {
    request: (w, tg) => ({
      method: 'GET',
      url: `/api/assistance/associations/${w.association[tg]}/statement.csv?zoneId=${w.zone[tg]}&from=2026-01-01&to=2026-12-31`,
    }),
    object: ofAssociation,
  },
  assistanceSettlementProposal: {
    request: (w, tg) => ({
      method: 'GET',
      url: `/api/assistance/associations/${w.association[tg]}/settlement-proposal?until=2026-12-31`,
    }),
    object: ofAssociation,
  },
  listAssistanceSettlements: {
    request: (w, tg) => ({ method: 'GET', url: `/api/assistance/associations/${w.association[tg]}/settlements` }),
    object: ofAssociation,
  },
  recordAssistanceSettlement: {
    request: (w, tg) => ({
      method: 'POST',
      url: `/api/assistance/associations/${w.association[tg]}/settlements`,
      payload: { until: ledgerDay(2041), unit: 'hours' },
    }),
    object: ofAssociation,
    ok: 201,
  },
  ...EQUIPMENT_ASSET_FIXTURES, // assets (issue 10)
  // investments (issue 10)
  ...INVESTMENT_FIXTURES,
  ...EQUIPMENT_BOOKING_FIXTURES, // bookings (issue 10)
  ...INVESTMENT_SETTLEMENT_FIXTURES, // settlements (issue 10)
  ...TRAINING_SESSION_FIXTURES, // training sessions (issue 11, train-sessions)
  ...TRAINING_ENROLMENT_FIXTURES, // training enrolments (issue 11, train-enrol)
  ...TRAINING_COMPLIANCE_FIXTURES, // train-compliance (issue 11)
}

/** Builds the world on the test app's database (demo data + fresh drafts and accounts). */
export async function buildWorld(t: TestApp): Promise<World> {
  const db = t.database.db
  await addUser(db, {
    email: ADMIN.email,
    displayName: 'Beheerder BHT + HZ',
    role: 'admin',
    zoneCode: null,
    associationCode: 'bht-heusden-zolder',
    personId: null,
    passwordHash: await hashPassword(ADMIN.password),
  })
  const sessions = new Map<ActorName, Session>()
  for (const a of ACTORS) {
    if (a === 'anonymous') continue
    sessions.set(
      a,
      a === 'admin' ? await t.login(ADMIN.email, ADMIN.password) : await t.login(`${a}.5373@demo.verbond.be`),
    )
  }
  const zoneId = async (code: string) =>
    (await db.selectFrom('zones').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id
  const zone = {
    own: await zoneId(ZONE.own),
    partner: await zoneId(ZONE.partner),
    foreign: await zoneId(ZONE.foreign),
    foreign2: await zoneId('5448'),
  }
  const assoc = async (code: string) =>
    (await db.selectFrom('associations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id
  const ownAssociation = await assoc('bht-heusden-zolder')
  const association = { own: ownAssociation, partner: ownAssociation, foreign: await assoc('houtsche-tielt') }
  const inForceOf = async (associationId: string) =>
    (
      await db
        .selectFrom('agreements')
        .select('id')
        .where('association_id', '=', associationId)
        .where('status', '=', 'in_force')
        .executeTakeFirstOrThrow()
    ).id
  const agreement = {
    own: await inForceOf(association.own),
    partner: await inForceOf(association.own),
    foreign: await inForceOf(association.foreign),
  }
  // Drafts of every target, made by the demo admin (admin of every demo association).
  const demoAdmin = await t.login('admin@demo.verbond.be')
  const draft = {} as Record<Target, string>
  for (const tg of TARGETS) {
    const res = await demoAdmin.request({
      method: 'POST',
      url: '/api/agreements',
      payload: {
        associationId: association[tg],
        kind: 'intentieverklaring',
        title: `Matrix ${tg}`,
        partyZoneIds: tg === 'foreign' ? [zone.foreign, zone.foreign2] : [zone.own, zone.partner],
        domains: ['training'],
      },
    })
    expect(res.statusCode).toBe(201)
    draft[tg] = res.json().id
  }
  const personIn = async (id: string, shared: boolean) =>
    (
      await db
        .selectFrom('people as p')
        .select('p.id')
        .where('p.zone_id', '=', id)
        .where((eb) => {
          const reason = eb
            .selectFrom('visibility_reasons as r')
            .select('r.id')
            .whereRef('r.person_id', '=', 'p.id')
            .where('r.domain_code', '=', 'permanence.officer_of_duty')
          return shared ? eb.exists(reason) : eb.not(eb.exists(reason))
        })
        .orderBy('p.employee_number')
        .executeTakeFirstOrThrow()
    ).id
  const people = async (shared: boolean) => ({
    own: await personIn(zone.own, shared),
    partner: await personIn(zone.partner, shared),
    foreign: await personIn(zone.foreign, shared),
  })
  const approvalDrafts = await freshDrafts(t, zone, association)
  const { demoAccount, mine } = await accounts(t, zone)
  const notifications = await notificationsOf(t, draft.own)
  const { calendarRotation, calendarFeeds } = await calendarsOf(t, zone, association)
  const availability = await availabilityWorld(t, zone)
  const rotations = await rotationsOf(t, zone, association)
  const callouts = await calloutsWorld(t, zone, availability, calendarRotation.own) // callouts (issue 8)
  return {
    sessions,
    zone,
    association,
    agreement,
    draft,
    sharedPerson: await people(true),
    privatePerson: await people(false),
    approvalDrafts,
    demoAccount,
    mine,
    notifications,
    calendarRotation,
    calendarFeeds,
    availability,
    ...rotations,
    swaps: await swapsWorld(t, zone, rotations.rotation),
    callouts,
    assistanceAlerts: await assistanceAlertsWorld(t, zone, association), // alerts (issue 9)
    // core (issue 9)
    assistanceRequests: await assistanceRequestsWorld(t, zone, association),
    equipmentAssets: await equipmentAssetsWorld(t, zone), // assets (issue 10)
    // investments (issue 10)
    investments: await investmentsWorld(t, zone, association),
    equipmentBookings: await equipmentBookingsWorld(t, zone), // bookings (issue 10)
    investmentSettlements: await investmentSettlementsWorld(t, zone, association), // settlements (issue 10)
    trainingSessions: await trainingSessionsWorld(t, zone, association), // training sessions (issue 11, train-sessions)
    trainingEnrolments: await trainingEnrolmentsWorld(t, zone, association), // training enrolments (issue 11, train-enrol)
  }
}

// calendars (issue 8): rotations inserted as migration 0012 holds them (perm-core owns their factory), and one
// active feed per (actor, target) — the actor's own for `own`, a fresh other user's for the others.
async function calendarsOf(t: TestApp, zone: World['zone'], association: World['association']) {
  const db = t.database.db
  const otherAssociation = async () => {
    const { id } = await db
      .insertInto('associations')
      .values({ code: 'matrix-calendars', name: 'Matrix kalenders' })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('association_memberships')
      .values({ association_id: id, zone_id: zone.partner, valid_from: '2000-01-01' })
      .execute()
    return id
  }
  const rotationOf = async (associationId: string, zoneIds: string[], name: string) => {
    const { id } = await db
      .insertInto('rotations')
      .values({
        association_id: associationId,
        domain_code: 'permanence.officer_of_duty',
        name,
        duty_kind: 'on_call',
        pattern: JSON.stringify({ kind: 'weekly', handoffWeekday: 1, handoffTime: '07:00' }),
        eligibility: JSON.stringify({ anyOf: [] }),
        zone_key: JSON.stringify({ kind: 'equal' }),
        valid_from: '2026-01-01',
        created_at: new Date(),
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('rotation_zones')
      .values(zoneIds.map((zone_id) => ({ rotation_id: id, zone_id })))
      .execute()
    await notifyInvalidation(db, ROTATIONS_TOPIC) // board (issue 8): as the rotations repository does
    return id
  }
  const rotation = {
    own: await rotationOf(association.own, [zone.own, zone.partner], 'Matrix OvW'),
    // The partner zone's rotation in another association it belongs to: no actor of the world reaches it (the
    // own association's admin does not administer that one). A rotation of the own association covering only
    // the partner zone is in calendars.int.test.ts.
    partner: await rotationOf(await otherAssociation(), [zone.partner], 'Matrix OvW partner'),
    foreign: await rotationOf(association.foreign, [zone.foreign, zone.foreign2], 'Matrix OvW vreemd'),
  }
  const userId = async (email: string) =>
    (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id
  // The feeds to revoke follow a rotation of their own: creating a feed in the matrix replaces the actor's
  // active feed of the same scope, and must not revoke these first.
  const feedRotation = await rotationOf(association.own, [zone.own], 'Matrix OvW feeds')
  const feed = async (user: string) =>
    (
      await db
        .insertInto('calendar_tokens')
        .values({
          user_id: user,
          scope: 'rotation',
          rotation_id: feedRotation,
          token_hash: randomBytes(32).toString('hex'),
          created_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  const otherUser = async (name: string) =>
    (
      await db
        .insertInto('users')
        .values({ email: `${name}@calendars.test`, display_name: name, password_hash: '$argon2id$unused' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  const calendarFeeds = new Map<string, string>()
  for (const actor of ACTORS) {
    const own =
      actor === 'anonymous'
        ? await otherUser('matrix.cal.anonymous')
        : await userId(actor === 'admin' ? ADMIN.email : `${actor}.5373@demo.verbond.be`)
    calendarFeeds.set(`${actor}/own`, await feed(own))
    for (const tg of ['partner', 'foreign'] as const)
      calendarFeeds.set(`${actor}/${tg}`, await feed(await otherUser(`matrix.cal.${actor}.${tg}`)))
  }
  return { calendarRotation: rotation, calendarFeeds }
}

// permanences (perm-core)
async function rotationsOf(t: TestApp, zone: World['zone'], association: World['association']) {
  const db = t.database.db
  const zoneRef = async (id: string): Promise<ZoneRef> =>
    db.selectFrom('zones').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirstOrThrow()
  const assocRef = (id: string, zones: ZoneRef[]): AssociationRef => ({ id, code: '', name: '', zones })
  const [own, partner, foreign, foreign2] = await Promise.all(
    [zone.own, zone.partner, zone.foreign, zone.foreign2].map(zoneRef),
  )
  const ownRotation = await makeRotation(t, { association: assocRef(association.own, [own!, partner!]) })
  const foreignRotation = await makeRotation(t, { association: assocRef(association.foreign, [foreign!, foreign2!]) })
  const rotation = { own: ownRotation.id, partner: ownRotation.id, foreign: foreignRotation.id }
  const rotationPeople = new Map<string, string>()
  const rotationMembers = new Map<string, string>()
  for (const actor of ACTORS)
    for (const tg of TARGETS) {
      rotationPeople.set(`${actor}/${tg}`, (await makePerson(t, { zone: own!, rank: 'commissaris' })).id)
      const memberZone = tg === 'foreign' ? foreign! : own!
      const person = await makePerson(t, { zone: memberZone, rank: 'commissaris' })
      const member = await db
        .insertInto('rotation_members')
        .values({ rotation_id: rotation[tg], zone_id: memberZone.id, person_id: person.id, period: '[2020-01-01,)' })
        .returning('id')
        .executeTakeFirstOrThrow()
      rotationMembers.set(`${actor}/${tg}`, member.id)
    }
  const publishedVersion = {} as Record<Target, string>
  for (const [tg, id] of [
    ['own', ownRotation.id],
    ['foreign', foreignRotation.id],
  ] as const) {
    const version = (status: 'draft' | 'published', n: number) =>
      db
        .insertInto('roster_versions')
        .values({
          rotation_id: id,
          version: n,
          status,
          horizon: '[2026-01-05T06:00:00Z,2026-01-12T06:00:00Z)',
          solver: JSON.stringify({ state: 'done' }),
          created_at: new Date(),
          published_at: status === 'published' ? new Date() : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    publishedVersion[tg] = (await version('published', 1)).id
    await version('draft', 2)
  }
  publishedVersion.partner = publishedVersion.own
  return { rotation, rotationPeople, rotationMembers, publishedVersion }
}

async function notificationsOf(t: TestApp, agreementId: string) {
  const db = t.database.db
  const userId = async (email: string) =>
    (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id
  const one = async (recipient: string) => {
    const [id] = await db.transaction().execute((trx) =>
      notify(trx, {
        recipients: [recipient],
        kind: 'agreement.approval_requested',
        params: { title: 'Matrix' },
        object: { type: 'agreement', id: agreementId },
      }),
    )
    if (!id) throw new Error('no notification written')
    return id
  }
  const others = {
    partner: await userId(`planner.${ZONE.partner}@demo.verbond.be`),
    foreign: await userId(`planner.${ZONE.foreign}@demo.verbond.be`),
  }
  const ids = new Map<string, string>()
  for (const actor of ACTORS) {
    const own =
      actor === 'anonymous'
        ? others.partner
        : await userId(actor === 'admin' ? ADMIN.email : `${actor}.5373@demo.verbond.be`)
    ids.set(`${actor}/own`, await one(own))
    ids.set(`${actor}/partner`, await one(others.partner))
    ids.set(`${actor}/foreign`, await one(others.foreign))
  }
  return ids
}

async function freshDrafts(t: TestApp, zone: World['zone'], association: World['association']) {
  const db = t.database.db
  const zoneRef = async (id: string): Promise<ZoneRef> =>
    db.selectFrom('zones').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirstOrThrow()
  const associationRef = async (id: string, zones: ZoneRef[]): Promise<AssociationRef> => ({
    ...(await db
      .selectFrom('associations')
      .select(['id', 'code', 'name'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()),
    zones,
  })
  const own = await associationRef(association.own, [await zoneRef(zone.own), await zoneRef(zone.partner)])
  const foreign = await associationRef(association.foreign, [await zoneRef(zone.foreign), await zoneRef(zone.foreign2)])
  const admins = { own: await makeUser(t, 'admin', own), foreign: await makeUser(t, 'admin', foreign) }
  const drafts = new Map<string, string>()
  const fresh = async (side: 'own' | 'foreign') =>
    (
      await makeAgreement(t, {
        association: side === 'own' ? own : foreign,
        domains: ['training'],
        inForce: false,
        admin: admins[side],
      })
    ).id
  for (const actor of ACTORS)
    for (const tg of TARGETS) drafts.set(`${actor}/${tg}`, await fresh(tg === 'foreign' ? 'foreign' : 'own'))
  drafts.set('conflict', await fresh('own'))
  return drafts
}

async function accounts(t: TestApp, zone: World['zone']) {
  const db = t.database.db
  const demoAccount = {} as Record<Target, string>
  const mine = new Map<string, { id: string; officerRoleId: string }>()
  for (const tg of TARGETS) {
    demoAccount[tg] = (
      await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', `planner.${ZONE[tg]}@demo.verbond.be`)
        .executeTakeFirstOrThrow()
    ).id
    for (const actor of ACTORS) {
      const user = await db
        .insertInto('users')
        .values({
          email: `matrix.${actor}.${tg}@accounts.test`,
          display_name: `Matrix ${actor} ${tg}`,
          password_hash: '$argon2id$unused',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const roles = await db
        .insertInto('user_roles')
        .values((['planner', 'officer'] as const).map((role) => ({ user_id: user.id, role, zone_id: zone[tg] })))
        .returning(['id', 'role'])
        .execute()
      mine.set(`${actor}/${tg}`, { id: user.id, officerRoleId: roles.find((r) => r.role === 'officer')!.id })
    }
  }
  return { demoAccount, mine }
}

async function availabilityWorld(t: TestApp, zone: World['zone']): Promise<AvailabilityWorld> {
  const db = t.database.db
  const actorPerson = new Map<ActorName, string>()
  for (const a of ACTORS) {
    if (a === 'anonymous' || a === 'admin') continue
    const user = await db
      .selectFrom('users')
      .select('person_id')
      .where('email', '=', `${a}.5373@demo.verbond.be`)
      .executeTakeFirstOrThrow()
    if (user.person_id) actorPerson.set(a, user.person_id)
  }
  const unlinked = async (zoneId: string) =>
    (
      await db
        .selectFrom('people as p')
        .select('p.id')
        .where('p.zone_id', '=', zoneId)
        .where((eb) =>
          eb.not(eb.exists(eb.selectFrom('users as u').select('u.id').whereRef('u.person_id', '=', 'p.id'))),
        )
        .orderBy('p.employee_number')
        .executeTakeFirstOrThrow()
    ).id
  const colleague = {
    own: await unlinked(zone.own),
    partner: await unlinked(zone.partner),
    foreign: await unlinked(zone.foreign),
  }
  const zoneOf = async (personId: string) =>
    (await db.selectFrom('people').select('zone_id').where('id', '=', personId).executeTakeFirstOrThrow()).zone_id
  const entries = new Map<string, string>()
  const preferences = new Map<string, string>()
  let n = 0
  for (const v of PERSON_VARIANTS)
    for (const a of ACTORS)
      for (const tg of TARGETS) {
        const personId = (v === 'own person' && tg === 'own' ? actorPerson.get(a) : undefined) ?? colleague[tg]
        const zoneId = await zoneOf(personId)
        const period = () => {
          const start = new Date(Date.UTC(2040, 0, 1) + n++ * 86_400_000)
          return sql<string>`tstzrange(${start}, ${new Date(start.getTime() + 3_600_000)}, '[)')`
        }
        for (const op of ['update', 'delete']) {
          const row = await db
            .insertInto('unavailability')
            .values({ person_id: personId, zone_id: zoneId, period: period(), kind: 'leave', created_at: new Date() })
            .returning('id')
            .executeTakeFirstOrThrow()
          entries.set(`${op}/${v}/${a}/${tg}`, row.id)
        }
        const pref = await db
          .insertInto('duty_preferences')
          .values({
            person_id: personId,
            zone_id: zoneId,
            period: period(),
            preference: 'wish',
            created_at: new Date(),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        preferences.set(`${v}/${a}/${tg}`, pref.id)
      }
  return { actorPerson, colleague, entries, preferences }
}

// swaps (issue 8) ------------------------------------------------------------------------------------------------
export interface SwapsWorld {
  /** Per actor: a future duty of the actor's own person in the own rotation (to offer). */
  ownDuty: Map<ActorName, string>
  /** A future duty of a partner zone's person (own rotation) and of a foreign one (foreign rotation). */
  otherDuty: Record<'partner' | 'foreign', string>
  /** An approved request per target: between own zone's people, partner zone's (own rotation), foreign's. */
  decided: Record<Target, string>
  /** Per actor: an approved request of the actor's own person. */
  ownDecided: Map<ActorName, string>
}

/** Duties in 2031 and later (always in the future), one week each, inserted as publication leaves them. */
async function swapsWorld(t: TestApp, zone: World['zone'], rotation: Record<Target, string>): Promise<SwapsWorld> {
  const db = t.database.db
  let week = 0
  const person = (id: string, zoneId: string): PersonRef => ({
    id,
    zoneId,
    employeeNumber: '',
    firstName: '',
    lastName: '',
  })
  const zoneRef = (id: string): Promise<ZoneRef> =>
    db.selectFrom('zones').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirstOrThrow()
  const fresh = async (id: string) => makePerson(t, { zone: await zoneRef(id), rank: 'commissaris' })
  const duty = (rotationId: string, p: PersonRef) =>
    makeDuty(t, {
      rotationId,
      person: p,
      monday: new Date(Date.UTC(2031, 0, 6 + 7 * week++)).toISOString().slice(0, 10),
    })
  const decided = async (rotationId: string, requester: PersonRef, taker: PersonRef) => {
    const d = await duty(rotationId, requester)
    const { id } = await db
      .insertInto('swap_requests')
      .values({
        kind: 'give_away',
        rotation_id: rotationId,
        duty_id: d.id,
        slot_key: d.slotKey,
        position: 1,
        period: sql<string>`(SELECT period FROM duties WHERE id = ${d.id})`,
        requester_person_id: requester.id,
        requester_zone_id: requester.zoneId,
        status: 'approved',
        taker_person_id: taker.id,
        taker_zone_id: taker.zoneId,
        created_at: new Date(),
        decided_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return id
  }
  const ownDuty = new Map<ActorName, string>()
  const ownDecided = new Map<ActorName, string>()
  const colleague = await fresh(zone.own)
  for (const actor of ACTORS) {
    if (actor === 'anonymous' || actor === 'admin') continue
    const { person_id } = await db
      .selectFrom('users')
      .select('person_id')
      .where('email', '=', `${actor}.${ZONE.own}@demo.verbond.be`)
      .executeTakeFirstOrThrow()
    if (!person_id) throw new Error(`the demo ${actor} of ${ZONE.own} has no person`)
    const mine = person(person_id, zone.own)
    ownDuty.set(actor, (await duty(rotation.own, mine)).id)
    ownDecided.set(actor, await decided(rotation.own, mine, colleague))
  }
  const [partner1, partner2, foreign1, foreign2] = [
    await fresh(zone.partner),
    await fresh(zone.partner),
    await fresh(zone.foreign),
    await fresh(zone.foreign),
  ] as const
  return {
    ownDuty,
    ownDecided,
    otherDuty: {
      partner: (await duty(rotation.own, partner1)).id,
      foreign: (await duty(rotation.foreign, foreign1)).id,
    },
    decided: {
      own: await decided(rotation.own, await fresh(zone.own), colleague),
      partner: await decided(rotation.own, partner1, partner2),
      foreign: await decided(rotation.foreign, foreign1, foreign2),
    },
  }
}

// callouts (issue 8): every person the fixtures ask about is on call all of 2019 (in a rotation of the own
// association; the duty row is what a call-out needs). Call-outs to change sit in the autumn, apart from the ones
// the create fixture makes; approved statements to reopen, one per (actor, target), from 2012 on.
async function calloutsWorld(
  t: TestApp,
  zone: World['zone'],
  availability: AvailabilityWorld,
  rotationId: string,
): Promise<CalloutsWorld> {
  const db = t.database.db
  const zoneOf = async (personId: string) =>
    (await db.selectFrom('people').select('zone_id').where('id', '=', personId).executeTakeFirstOrThrow()).zone_id
  const people = [...new Set([...availability.actorPerson.values(), ...Object.values(availability.colleague)])]
  for (const [i, personId] of people.entries())
    await db
      .insertInto('duties')
      .values({
        rotation_id: rotationId,
        slot_key: 'matrix:2019-01-01',
        position: i + 1, // one position per person: a position holds one person at a time
        period: '[2019-01-01T00:00:00Z,2020-01-01T00:00:00Z)',
        duty_kind: 'on_call',
        person_id: personId,
        zone_id: await zoneOf(personId),
        cause: 'override',
        recorded: '[2018-01-01T00:00:00Z,)',
      })
      .execute()
  const callOuts = new Map<string, string>()
  let n = 0
  for (const v of PERSON_VARIANTS)
    for (const a of ACTORS)
      for (const tg of TARGETS) {
        const personId =
          (v === 'own person' && tg === 'own' ? availability.actorPerson.get(a) : undefined) ??
          availability.colleague[tg]
        const zoneId = await zoneOf(personId)
        for (const op of ['update', 'delete']) {
          const start = new Date(Date.UTC(2019, 8, 1) + n++ * 3_600_000)
          const row = await db
            .insertInto('call_outs')
            .values({
              person_id: personId,
              zone_id: zoneId,
              rotation_id: rotationId,
              slot_key: 'matrix:2019-01-01',
              period: sql<string>`tstzrange(${start}, ${new Date(start.getTime() + 1_800_000)}, '[)')`,
              reason: 'Matrix',
              created_at: new Date(),
              updated_at: new Date(),
            })
            .returning('id')
            .executeTakeFirstOrThrow()
          callOuts.set(`${op}/${v}/${a}/${tg}`, row.id)
        }
      }
  for (const a of ACTORS)
    for (const tg of TARGETS)
      await db
        .insertInto('callout_statements')
        .values({
          zone_id: zone[tg],
          month: `${calloutMonth(a, tg, 2012)}-01`,
          totals: JSON.stringify({ lines: [] }),
          approved_at: new Date('2019-01-01T00:00:00Z'),
        })
        .execute()
  return { callOuts }
}

// alerts (issue 9): one request per target, sent (status `requested`) to the target zone: own = the partner asks
// the own zone; partner = the own zone asks the partner; foreign = one foreign zone asks the other.
async function assistanceAlertsWorld(
  t: TestApp,
  zone: World['zone'],
  association: World['association'],
): Promise<Record<Target, string>> {
  const db = t.database.db
  const send = async (associationId: string, from: string, to: string) => {
    const at = new Date('2026-03-02T09:00:00Z')
    const { id } = await db
      .insertInto('assistance_requests')
      .values({
        association_id: associationId,
        zone_id: from,
        urgency: 'urgent',
        category: 'urgent_backup',
        status: 'requested',
        period: '[2026-03-02T09:00:00Z,2026-03-02T12:00:00Z)',
        place: 'Matrix',
        contact: 'Matrix',
        addressing: 'chosen',
        created_at: at,
        updated_at: at,
        requested_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('assistance_addressees')
      .values({ request_id: id, zone_id: to, alerted_at: at, escalation: '[]' })
      .execute()
    return id
  }
  return {
    own: await send(association.own, zone.partner, zone.own),
    partner: await send(association.own, zone.own, zone.partner),
    foreign: await send(association.foreign, zone.foreign, zone.foreign2),
  }
}
// ledger (issue 9): a later day at each call, so every rate version and settlement follows the one before.
let ledgerDays = 0
const ledgerDay = (year: number): string =>
  new Date(Date.UTC(year, 0, 1) + ledgerDays++ * 86_400_000).toISOString().slice(0, 10)
