// The policy: ONE declarative table (POLICY) says who may see or do what, and how far it reaches; `decide()`
// answers for one object, `scope()` gives what a list query needs. Routes declare their rule
// (`config: { policy: 'agreement.read' }`), the hook of policy/http.ts answers 401/403 from the table, and
// services decide with the request's context (policy/context.ts: the actor, and the agreements in force
// loaded once per request). Nothing is decided by association membership alone.
//
// DESIGN.md §1, as built (the `doc` of each row says the same):
//   public            zones, municipalities, associations, domain catalogue, health: always, also anonymous
//   self              one's own session, profile and password: any signed-in user
//   events.stream     live events: own zone; a partner's under a domain in force; association-wide ones
//   agreement.read    agreements: any role of a party zone; the association's admin
//   agreement.manage  create, edit, move an agreement: korpschef of a party; the association's admin
//   agreement.approve a council decision for a party zone: its korpschef; the admin on the zone's behalf
//   person.read       own zone; a partner's person only through a visibility reason under a domain in force
//   figures.read      association figures: a zone party to one of its agreements in force; its admin
//   audit.read        the audit log: the zone's dpo; a shared dpo for the zones that share `dpo`
//   account.manage    accounts and roles: korpschef of a zone the account belongs to; the admin for the
//                     member zones (today) and the admins of the association
//   account.control   disable, enable, reset an account: only when EVERY zone and association it belongs to
//                     is in reach
//   calendar.manage   one's own calendar feeds; a rotation feed only of a rotation one may see (calendars)
//   calendar.feed     a feed at /ical/<token>.ics: whoever holds the secret token (calendars)
//   availability.*    leave/unavailability and duty preferences: one's own (the linked person); the planner
//                     and korpschef of the person's zone; never a partner zone (sick leave is sensitive data)
//   rotation.read     rotations, rosters, duties: any role of a covered zone; the association's admin
//   rotation.manage   rotation setup, members, roster, overrides: planner or korpschef of a covered zone; admin
//   fairness.read     the fairness report: planner or korpschef of a covered zone; admin (partner people: names)
//   callout.*         call-outs and a person's monthly statement: one's own; the zone's planner (korpschef: read)
//   statement.*       a zone's monthly statement, its approval: planner and korpschef of the zone; never a partner
//   assistance.*      requests: the requesting zone and the zones it is addressed to (read); ask, approve, respond,
//                     record hours: the roles of the zone acting; the ledger: zones party to an agreement in force
//                     of the association listing `assistance`; settings, rates, settlements: the admin
//   equipment.*       assets: the keeping zone; partners under `equipment` see the catalogue and availability, of
//                     bookings only their own; manage, approve, hand over: logistics/korpschef of the keeper; book:
//                     logistics/korpschef/planner of the borrower; loan terms: korpschef of a party, admin
//   investment.*      investments: korpschef/finance/logistics of a party zone, admin; settlements: korpschef and
//                     finance of zones in force under `investment`/`equipment`; recording one: the admin
//   training.*        courses: the association's (zones in force under `training`, admin); sessions: the organising
//                     zone; a partner under `training` sees sessions with places for it, of the enrolments its own;
//                     manage: trainer/korpschef; enrol: oneself, the zone's planner/korpschef/trainer; attendance:
//                     trainer/korpschef of the organiser; compliance: oneself and korpschef/planner/trainer, no partner
//   briefing.*        items: the author zone and the zones they are for under `briefing`; restricted ones only to
//                     operational staff, each read justified and logged; write: korpschef/planner/officer of the author
// Everything else: not visible, answered as 404 (never a hint that it exists).
import { ZONE_ROLES } from './enums.ts'
import type { Locale, Role } from './schema.ts'

// decide() for one object, scope() for lists (policy/decide.ts); the request context (policy/context.ts).
export {
  decide,
  decideIn,
  scope,
  scopeFrom,
  type Decision,
  type PolicyFacts,
  type Scope,
  type Target,
} from './policy/decide.ts'

/** One row of the table. */
export interface RuleRow {
  /**
   * Who holds the rule: nobody needs to ('anyone'), any signed-in user ('signedIn': every role counts), or the
   * listed zone roles (within their zone) and, when `admin`, an association's admin (within its association:
   * its own objects, e.g. agreements, events, figures, admin accounts). Anyone else: 403.
   */
  who: 'anyone' | 'signedIn' | { zoneRoles: readonly Role[]; admin: boolean }
  /** How far a holder reaches, beyond an admin's association. Outside the reach: 404. */
  reach: {
    /** The actor's own account and session, and the records of the actor's own person (Target.personId). */
    self?: true
    /** Objects of a zone in which the actor holds the rule (an agreement belongs to each party zone); with a
     *  list of roles, only a zone in which the actor has one of these (the other holders reach `self` only). */
    zone?: true | readonly Role[]
    /** Objects of a partner zone, through an agreement in force (with an own zone as party) that lists the
     *  object's domain ('object') or one of these named domains. */
    partner?: 'object' | readonly string[]
    /** Association-wide objects (no zone): zones party to an agreement in force of that association (listing
     *  one of the object's domains, when it names any). */
    inForce?: true
    /** Admin: objects of the zones that are members today of the administered association. */
    members?: true
  }
  /** Objects with several zones and associations (an account): in reach only when EVERY one of them is. */
  every?: true
  /** The object is first looked up through this rule (not visible: 404); visible but out of this rule's
   *  reach: 403, the caller knows it exists. Without it, out of reach is 404. */
  seenThrough?: string
  /** One line, mirroring DESIGN.md §1. */
  doc: string
}

const KORPSCHEF_OR_ADMIN = { zoneRoles: ['korpschef'], admin: true } as const

export const POLICY = {
  public: {
    who: 'anyone',
    reach: {},
    doc: 'Zones, municipalities, associations, the domain catalogue, health: public facts, also without a session.',
  },
  self: {
    who: 'signedIn',
    reach: { self: true },
    doc: "One's own session, profile and password.",
  },
  'events.stream': {
    who: 'signedIn',
    reach: { zone: true, partner: 'object', inForce: true },
    doc: "Live events: own zone's; a partner zone's under a domain an agreement in force lists for both (of the event's association); association-wide ones for its admin and for zones party to one of its agreements in force.",
  },
  'agreement.read': {
    who: { zoneRoles: ZONE_ROLES, admin: true },
    reach: { zone: true },
    doc: "Agreements (parties, domains, approvals, key figures): any role of a party zone; the association's admin.",
  },
  'agreement.manage': {
    who: KORPSCHEF_OR_ADMIN,
    reach: { zone: true },
    seenThrough: 'agreement.read',
    doc: "Create, edit and move an agreement: the korpschef of a party zone; the association's admin.",
  },
  'agreement.approve': {
    who: KORPSCHEF_OR_ADMIN,
    reach: { zone: true },
    seenThrough: 'agreement.read',
    doc: "Record a council's decision for a party zone: that zone's korpschef; the association's admin on its behalf.",
  },
  'person.read': {
    who: { zoneRoles: ZONE_ROLES, admin: false },
    reach: { zone: true, partner: 'object' },
    doc: "A person: own zone, the full record; a partner zone's person only through a visibility reason whose domain an agreement in force lists for both zones, and then limited fields.",
  },
  'figures.read': {
    who: { zoneRoles: ZONE_ROLES, admin: true },
    reach: { inForce: true },
    doc: "Association figures: a zone party to one of the association's agreements in force; its admin.",
  },
  'audit.read': {
    who: { zoneRoles: ['dpo'], admin: false },
    reach: { zone: true, partner: ['dpo'] },
    doc: 'The audit log and its verification: the zone’s dpo; a shared dpo for the zones that share the `dpo` domain (their events from the start of that sharing).',
  },
  'account.manage': {
    who: KORPSCHEF_OR_ADMIN,
    reach: { zone: true, members: true },
    doc: "Accounts and their roles: the korpschef of a zone the account belongs to; the association's admin for its member zones today and its admins. A role is given only in reach; `admin` only by that association's admin.",
  },
  'account.control': {
    who: KORPSCHEF_OR_ADMIN,
    reach: { zone: true, members: true },
    every: true,
    seenThrough: 'account.manage',
    doc: 'Disable, enable, reset an account: only when every zone and association it belongs to is in reach (no locking out an account another zone relies on).',
  },
  // calendars (issue 8): iCalendar feeds of one's duties and of rotations
  'calendar.manage': {
    who: 'signedIn',
    reach: { self: true },
    doc: "One's own calendar feeds (list, create, revoke); a rotation feed only of a rotation the user may see (rotations and rosters: the association; a partner when their zone is covered by the rotation).",
  },
  'calendar.feed': {
    who: 'anyone',
    reach: {},
    doc: "A calendar feed by its secret token (the URL is the credential, only its hash is stored): the owner's duties, or a rotation's slots with names on duty as the owner may see them at the moment of the fetch; unknown or revoked: 404.",
  },
  // availability (issue 8): leave, unavailability and duty preferences per person
  'availability.read': {
    who: { zoneRoles: ZONE_ROLES, admin: false },
    reach: { self: true, zone: ['korpschef', 'planner'] },
    doc: "Leave, unavailability and duty preferences of a person: the person themself; the planner and korpschef of the person's zone. No partner reach: sick leave is sensitive personal data.",
  },
  'availability.manage': {
    who: { zoneRoles: ZONE_ROLES, admin: false },
    reach: { self: true, zone: ['korpschef', 'planner'] },
    seenThrough: 'availability.read',
    doc: "Enter, change, remove leave and unavailability: the person themself; the planner and korpschef of the person's zone (who enters it is recorded, and the person is notified).",
  },
  'preference.manage': {
    who: { zoneRoles: ZONE_ROLES, admin: false },
    reach: { self: true },
    seenThrough: 'availability.read',
    doc: 'Enter and remove duty preferences (wish, rather not): the person themself only; their zone’s planner sees them.',
  },
  // permanences (issue 8, perm-core)
  'rotation.read': {
    who: { zoneRoles: ZONE_ROLES, admin: true },
    reach: { zone: true },
    doc: "Rotations and rosters (the association's): any role of a zone the rotation covers sees it, its slots and the names on duty; the association's admin. Any other zone: 404.",
  },
  'rotation.manage': {
    who: { zoneRoles: ['planner', 'korpschef'], admin: true },
    reach: { zone: true },
    seenThrough: 'rotation.read',
    doc: "Set up a rotation, its members, generate and publish its roster, override a duty: the planner or korpschef of a covered zone (members: of their own zone); the association's admin.",
  },
  // fairness (issue 8): the fairness report
  'fairness.read': {
    who: { zoneRoles: ['planner', 'korpschef'], admin: true },
    reach: { zone: true },
    seenThrough: 'rotation.read',
    doc: "The fairness report (load per zone and person): the planner or korpschef of a covered zone; the association's admin. Own people in full; a partner zone's people only named as the rotation's visibility allows (name, zone; logged), without their working-time share.",
  },
  // swaps (issue 8): give-aways, swaps and leave replacements of published duties
  'swap.read': {
    who: { zoneRoles: ZONE_ROLES, admin: true },
    reach: { zone: true },
    doc: "Swap, give-away and replacement requests of a rotation, with the ranked candidates (name, zone, rank, work phone; partner zones' people logged as reads): any role of a zone the rotation covers; the association's admin.",
  },
  'swap.request': {
    who: { zoneRoles: ZONE_ROLES, admin: false },
    reach: { self: true },
    seenThrough: 'rotation.read',
    doc: "Offer one's own future duty (give away or swap), withdraw one's own request, list one's own duties: the person themself only.",
  },
  'swap.take': {
    who: { zoneRoles: ZONE_ROLES, admin: false },
    reach: { zone: true },
    seenThrough: 'swap.read',
    doc: 'Take an open request: a member of the rotation from any covered zone who is eligible and rested (checked by the rules, else 422).',
  },
  'swap.approve': {
    who: { zoneRoles: ['planner', 'korpschef'], admin: true },
    reach: { zone: true },
    seenThrough: 'swap.read',
    doc: "Approve, reject or assign a request: the planner or korpschef of a zone concerned (the requester's, the taker's: one approval each, both when it crosses zones); the association's admin on their behalf.",
  },
  // callouts (issue 8): call-outs (wachtoproep) and the monthly payroll statement — HR data of the zone
  'callout.read': {
    who: { zoneRoles: ZONE_ROLES, admin: false },
    reach: { self: true, zone: ['korpschef', 'planner'] },
    doc: "Call-outs and the monthly statement of a person: the person themself; the planner and korpschef of the person's zone. No partner reach: it is the zone's HR data.",
  },
  'callout.manage': {
    who: { zoneRoles: ZONE_ROLES, admin: false },
    reach: { self: true, zone: ['planner'] },
    seenThrough: 'callout.read',
    doc: "Enter, correct, remove call-outs: the person themself; the planner of the person's zone (until the month's statement is approved).",
  },
  'statement.read': {
    who: { zoneRoles: ['planner', 'korpschef'], admin: false },
    reach: { zone: true },
    doc: 'The monthly statement of a zone (on-call and call-out hours per person, CSV): the planner and korpschef of the zone. No partner reach.',
  },
  'statement.approve': {
    who: { zoneRoles: ['planner', 'korpschef'], admin: false },
    reach: { zone: true },
    seenThrough: 'statement.read',
    doc: "Approve (freeze) and reopen a zone's monthly statement: the planner and korpschef of the zone.",
  },
  // assistance (issue 9): mutual assistance requests, alerts, offers, deployments, the person-hours ledger
  'assistance.read': {
    who: { zoneRoles: ZONE_ROLES, admin: true },
    reach: { zone: true },
    doc: "Assistance requests: any role of the requesting zone, and of a zone it is addressed to (addressed only while an agreement in force lists `assistance` for both; afterwards it stays that zone's record of the joint work); the association's admin. A partner sees its own answers and offers, and the names only of people deployed on that request (visibility reason `deployment`, logged). Any other zone: 404.",
  },
  'assistance.request': {
    who: { zoneRoles: ['korpschef', 'planner', 'officer'], admin: false },
    reach: { zone: true },
    seenThrough: 'assistance.read',
    doc: 'Ask for assistance and act as the requesting zone (send, answer a question, accept or decline offered lines, deploy at once when urgent, start, complete, close, cancel): the korpschef, planner or an officer of the requesting zone.',
  },
  'assistance.approve': {
    who: { zoneRoles: ['korpschef', 'planner'], admin: false },
    reach: { zone: true },
    seenThrough: 'assistance.read',
    doc: 'Approve a request in the requesting zone: a planned one before it goes out, an urgent one afterwards (within the association’s number of days): the korpschef or planner of the requesting zone.',
  },
  'assistance.respond': {
    who: { zoneRoles: ['korpschef', 'planner', 'officer'], admin: false },
    reach: { zone: true },
    seenThrough: 'assistance.read',
    doc: 'Answer a request addressed to the zone (acknowledge the alert, ask for information, offer people or capabilities, withdraw, decline, name the people deployed): the korpschef, planner or an officer of that zone.',
  },
  'assistance.hours': {
    who: { zoneRoles: ['korpschef', 'planner', 'officer'], admin: false },
    reach: { zone: true },
    seenThrough: 'assistance.read',
    doc: 'Record, correct and confirm the hours of a deployed person: the korpschef, planner or an officer of the helping or the helped zone; each zone confirms for itself, and both confirmations post the hours in the ledger.',
  },
  'assistance.ledger': {
    who: { zoneRoles: ['korpschef', 'planner', 'finance'], admin: true },
    reach: { zone: true, inForce: true },
    doc: "The person-hours ledger of an association (balances per zone and per pair, a zone's period statement, the settlement proposal, the response-time report): the korpschef, planner or finance of a zone party to an agreement in force of the association listing `assistance`; the association's admin. Partner people are named only through a visibility reason (logged).",
  },
  'assistance.settle': {
    who: { zoneRoles: [], admin: true },
    reach: {},
    seenThrough: 'assistance.ledger',
    doc: "The association's assistance settings (retroactive approval days, escalation time, hourly rate in euros), its versioned rates, and recording a settlement (which carries the balances over): the association's admin, as the parties agreed.",
  },
  // equipment (issue 10): assets, their validities, bookings, handovers, the chain of custody of weapons
  'equipment.read': {
    who: { zoneRoles: ZONE_ROLES, admin: false },
    reach: { zone: true, partner: ['equipment'] },
    doc: "Assets and their availability: any role of the keeping zone (every booking of its assets, the handovers, a weapon's chain of custody); a partner zone under an agreement in force listing `equipment` for both sees the lendable catalogue, validities and when an asset is busy — of the bookings, only its own zone's. Any other zone: 404.",
  },
  'equipment.manage': {
    who: { zoneRoles: ['logistics', 'korpschef'], admin: false },
    reach: { zone: true },
    seenThrough: 'equipment.read',
    doc: 'Add, edit, retire an asset, set its status and validity dates: the logistics staff or korpschef of the keeping zone.',
  },
  'equipment.book': {
    who: { zoneRoles: ['logistics', 'korpschef', 'planner'], admin: false },
    reach: { zone: true },
    seenThrough: 'equipment.read',
    doc: "Book assets for the own zone (own assets, or a partner's under `equipment` in force), cancel the own zone's bookings: the logistics staff, korpschef or planner of the borrowing zone.",
  },
  'equipment.approve': {
    who: { zoneRoles: ['logistics', 'korpschef'], admin: false },
    reach: { zone: true },
    seenThrough: 'equipment.read',
    doc: "Approve or reject a partner's booking, record check-out and check-in (handover, counters, damage) and so a weapon's custody: the logistics staff or korpschef of the keeping zone.",
  },
  'equipment.terms': {
    who: KORPSCHEF_OR_ADMIN,
    reach: { zone: true },
    seenThrough: 'agreement.read',
    doc: "The loan terms of an agreement (auto-approval, buffer time, loan fee per asset kind): the korpschef of a party zone; the association's admin.",
  },
  // investments (issue 10): joint investments, running costs, cost keys, settlements
  'investment.read': {
    who: { zoneRoles: ['korpschef', 'finance', 'logistics'], admin: true },
    reach: { zone: true },
    doc: "A joint investment (purchase, running costs, cost key versions and their inputs, the shares): the korpschef, finance or logistics staff of a party zone; the association's admin. Any other zone: 404.",
  },
  'investment.manage': {
    who: { zoneRoles: ['korpschef', 'finance'], admin: true },
    reach: { zone: true },
    seenThrough: 'investment.read',
    doc: "Record an investment, its parties, running costs and cost key versions: the korpschef or finance staff of a party zone; the association's admin.",
  },
  'investment.settlement': {
    who: { zoneRoles: ['korpschef', 'finance'], admin: true },
    reach: { zone: true, inForce: true },
    doc: "A period's settlement of an association (shares of investments and running costs, loan fees, valued assistance hours, net positions, transfers; a zone's statement as CSV and PDF): the korpschef or finance staff of a zone party to an agreement in force of the association listing `investment` or `equipment`; the association's admin.",
  },
  'investment.settle': {
    who: { zoneRoles: [], admin: true },
    reach: {},
    seenThrough: 'investment.settlement',
    doc: "Record (freeze) a period's settlement, as the parties agreed: the association's admin.",
  },
  // training (issue 11): courses, sessions with places per zone, enrolments, attendance, GPI 48 compliance
  'training.read': {
    who: { zoneRoles: ZONE_ROLES, admin: true },
    reach: { zone: true, partner: ['training'], inForce: true },
    doc: "The course catalogue of an association (zones party to one of its agreements in force) and its training sessions: any role of the organising zone (every enrolment); a partner zone under an agreement in force listing `training` for both sees the sessions that give it places, and of the enrolments only its own people's (the trainers by name, through their shared function); the association's admin. Any other zone: 404.",
  },
  'training.manage': {
    who: { zoneRoles: ['trainer', 'korpschef'], admin: true },
    reach: { zone: true, inForce: true },
    seenThrough: 'training.read',
    doc: "Courses of the association's catalogue (a trainer or korpschef of a zone party to an agreement in force of the association listing `training`; its admin); sessions, their places per zone, trainers, range-lane bookings, cancelling, and posting trainer hours to the assistance ledger: the trainer or korpschef of the organising zone.",
  },
  'training.enrol': {
    who: { zoneRoles: ZONE_ROLES, admin: false },
    reach: { self: true, zone: ['planner', 'korpschef', 'trainer'] },
    seenThrough: 'training.read',
    doc: "Enrol a person in a session with places for their zone, or cancel (an officer until the cancellation deadline, then only the planner or the organiser): the person themself; the planner, korpschef or trainer of the person's zone.",
  },
  'training.attendance': {
    who: { zoneRoles: ['trainer', 'korpschef'], admin: false },
    reach: { zone: true },
    seenThrough: 'training.read',
    doc: 'Record attendance and the result (passed, failed) of a session, which renews qualifications and counts for GPI 48: the trainer or korpschef of the organising zone; a trainer listed on the session (also of a partner zone), decided per session in the service.',
  },
  'training.compliance': {
    who: { zoneRoles: ZONE_ROLES, admin: false },
    reach: { self: true, zone: ['korpschef', 'planner', 'trainer'] },
    doc: "GPI 48 compliance and qualifications with their expiry, and the suggested next sessions: the person themself; the korpschef, planner or trainer of the person's zone (the zone overview: who is behind, who will fall behind). No partner reach: it is the zone's HR data.",
  },
  'training.settings': {
    who: { zoneRoles: ['korpschef'], admin: false },
    reach: { zone: true },
    seenThrough: 'training.compliance',
    doc: "A zone's GPI 48 thresholds (window, sessions, evaluations, spread, warning horizon): its korpschef.",
  },
  // briefing (issue 11): the shift briefing shared across zones
  'briefing.read': {
    who: { zoneRoles: ZONE_ROLES, admin: false },
    reach: { zone: true, partner: ['briefing'] },
    doc: 'Briefing items: any role of the author zone; a zone an item is for, under an agreement in force listing `briefing` for both. A restricted item (personal data: a wanted person) only for operational staff of the target zones (and its author zone), each read with a justification in the audit log, and not after its validity. Any other zone: 404.',
  },
  'briefing.write': {
    who: { zoneRoles: ['korpschef', 'planner', 'officer'], admin: false },
    reach: { zone: true },
    seenThrough: 'briefing.read',
    doc: "Write, edit, withdraw a briefing item of the own zone, for the own zone and partner zones sharing `briefing` (and their teams), and see who has read it (own zone's people by name, a partner zone's as counts): the korpschef, planner or an officer of the author zone; editing another author's item: the korpschef or planner.",
  },
  'briefing.confirm': {
    who: { zoneRoles: ZONE_ROLES, admin: false },
    reach: { zone: true, partner: ['briefing'] },
    seenThrough: 'briefing.read',
    doc: 'Confirm having read a briefing item: a person of a zone it is for, for themself.',
  },
  'briefing.settings': {
    who: { zoneRoles: ['korpschef'], admin: false },
    reach: { zone: true },
    seenThrough: 'briefing.read',
    doc: "A zone's shift times and how long its briefing items are kept after their validity (restricted items shorter): its korpschef.",
  },
} as const satisfies Record<string, RuleRow>

export type Rule = keyof typeof POLICY
export const RULES = Object.keys(POLICY) as Rule[]
export const isRule = (name: unknown): name is Rule => typeof name === 'string' && Object.hasOwn(POLICY, name)
/** The row of a rule, typed as the general shape (the table itself keeps its literal types). */
export const ruleRow = (rule: Rule): RuleRow => POLICY[rule]

/** What a partner zone may see of a shared person: the qualifications the shared domain needs. */
export const DOMAIN_QUALIFICATIONS: Readonly<Record<string, readonly string[]>> = {
  'permanence.officer_of_duty': ['ogp', 'obp'],
  'permanence.shift_leader': ['ogp', 'obp'],
  'permanence.victim_support': ['victim_support'],
  'permanence.investigation': ['ogp'],
  assistance: ['priority_driving', 'drone_pilot'],
  informant_management: ['informant_handler'],
  training: ['firearms_instructor', 'first_aid'],
  equipment: ['drone_pilot'],
}

export interface ActorRole {
  role: Role
  zoneId: string | null
  associationId: string | null
}

export interface Actor {
  userId: string
  email: string
  displayName: string
  locale: Locale
  personId: string | null
  homeZoneId: string | null
  roles: readonly ActorRole[]
}

/** An agreement in force at the moment of access: its parties and its domains. */
export interface Grant {
  agreementId: string
  associationId: string
  zoneIds: readonly string[]
  domains: readonly string[]
}

/** A zone that is a member of an association on the day of access. */
export interface Membership {
  associationId: string
  zoneId: string
}

/** True when the role holds the rule (a zone role in its zone, admin in its association). */
export function roleHolds(role: Role, rule: Rule): boolean {
  const { who } = ruleRow(rule)
  if (who === 'anyone' || who === 'signedIn') return true
  return role === 'admin' ? who.admin : who.zoneRoles.includes(role)
}

/** The route-level question: 401 without an actor (unless public), 403 when no role of the actor holds it. */
export function holds(actor: Actor | null, rule: Rule): boolean {
  const { who } = ruleRow(rule)
  if (who === 'anyone') return true
  if (!actor) return false
  return who === 'signedIn' || actor.roles.some((r) => roleHolds(r.role, rule))
}

/** The zones of the actor's zone roles: the agreements in force of these are the request's grants. */
export function actorZones(actor: Actor): string[] {
  return [...new Set(actor.roles.map((r) => r.zoneId).filter((z): z is string => z !== null))]
}
