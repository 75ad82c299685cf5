// Every closed list of codes, once. The TypeScript unions, the TypeBox schemas (so the OpenAPI document shows
// an `enum`), the generated database types (scripts/gen-db.ts narrows text columns to them) and the web app
// all derive from these lists. The migrations' CHECK constraints and catalogue rows are frozen SQL:
// test/enums.int.test.ts fails when the migrated database allows other values than a list here.
// A new value: add it here, in a new migration (CHECK or catalogue row), and its label in src/web/i18n.
// This module imports nothing, so the web app may import it too.

/** Belgian regions (`zones.region`). */
export const REGIONS = ['flanders', 'wallonia', 'brussels'] as const
export type Region = (typeof REGIONS)[number]

/** `cooperation_domains.category`. */
export const DOMAIN_CATEGORIES = ['operational', 'support'] as const
export type DomainCategory = (typeof DOMAIN_CATEGORIES)[number]

/** The cooperation-domain catalogue (`cooperation_domains`), in its `sort_order`, with each domain's category. */
export const DOMAIN_CATALOGUE = [
  ['permanence.officer_of_duty', 'operational'],
  ['permanence.shift_leader', 'operational'],
  ['permanence.victim_support', 'operational'],
  ['permanence.investigation', 'operational'],
  ['assistance', 'operational'],
  ['youth_social_police', 'operational'],
  ['informant_management', 'operational'],
  ['judicial_actions', 'operational'],
  ['traffic_enforcement', 'operational'],
  ['training', 'support'],
  ['equipment', 'support'],
  ['investment', 'support'],
  ['ict', 'support'],
  ['internal_oversight', 'support'],
  ['dpo', 'support'],
  ['internal_care', 'support'],
  ['prevention_at_work', 'support'],
  ['lccu', 'support'],
  ['livc', 'support'],
  ['legal_support', 'support'],
  ['briefing', 'support'],
  ['administrative_enforcement', 'support'],
] as const satisfies readonly (readonly [string, DomainCategory])[]
export type DomainCode = (typeof DOMAIN_CATALOGUE)[number][0]
export const DOMAIN_CODES: readonly DomainCode[] = DOMAIN_CATALOGUE.map(([code]) => code)

/** The qualification catalogue (`qualifications`), in its `sort_order`. */
export const QUALIFICATION_CODES = [
  'ogp',
  'obp',
  'victim_support',
  'firearms_instructor',
  'first_aid',
  'priority_driving',
  'drone_pilot',
  'informant_handler',
] as const
export type QualificationCode = (typeof QUALIFICATION_CODES)[number]

/** `agreements.kind`, in the order of a cooperation's growth. */
export const AGREEMENT_KINDS = [
  'intentieverklaring',
  'engagementsverklaring',
  'associatieprotocol',
  'associatieovereenkomst',
  'samenwerkingsprotocol',
] as const
export type AgreementKind = (typeof AGREEMENT_KINDS)[number]

/** `agreements.status`, in lifecycle order. */
export const AGREEMENT_STATUSES = ['draft', 'in_approval', 'in_force', 'ended'] as const
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number]

/** `agreement_approvals.body`: the council that decides. */
export const APPROVAL_BODIES = ['gemeenteraad', 'politieraad', 'politiecollege'] as const
export type ApprovalBody = (typeof APPROVAL_BODIES)[number]

/** `agreement_approvals.decision`. */
export const APPROVAL_DECISIONS = ['approved', 'rejected'] as const
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number]

/** `agreement_approvals.date_precision`: a decision known by its day, or only by its month. */
export const DATE_PRECISIONS = ['day', 'month'] as const
export type DatePrecision = (typeof DATE_PRECISIONS)[number]

/** `agreement_approvals.superseded_reason`. */
export const SUPERSEDED_REASONS = ['content_changed'] as const
export type SupersededReason = (typeof SUPERSEDED_REASONS)[number]

/** `people.staff_kind`. */
export const STAFF_KINDS = ['operational', 'calog'] as const
export type StaffKind = (typeof STAFF_KINDS)[number]

/** `people.rank` (operational staff), lowest first. */
export const RANKS = ['agent', 'inspecteur', 'hoofdinspecteur', 'commissaris', 'hoofdcommissaris'] as const
export type Rank = (typeof RANKS)[number]

/** `people.calog_level` (civilian staff). */
export const CALOG_LEVELS = ['A', 'B', 'C', 'D'] as const
export type CalogLevel = (typeof CALOG_LEVELS)[number]

/** `users.locale`, and every language of the interface, mails and messages. */
export const LOCALES = ['nl', 'fr', 'en'] as const
export type Locale = (typeof LOCALES)[number]

/** The roles held in a zone, in the order the app lists them. */
export const ZONE_ROLES = ['korpschef', 'planner', 'officer', 'logistics', 'finance', 'trainer', 'dpo'] as const
export type ZoneRole = (typeof ZONE_ROLES)[number]
/** `user_roles.role`: the zone roles and the association's admin. */
export const ROLES = [...ZONE_ROLES, 'admin'] as const
export type Role = (typeof ROLES)[number]

/** `jobs.state`. */
export const JOB_STATES = ['pending', 'running', 'done', 'failed'] as const
export type JobState = (typeof JOB_STATES)[number]

/** Permanences (migration 0012): `rotations.duty_kind`, `duties.duty_kind`. on_call = bereikbaar & terugroepbaar. */
export const DUTY_KINDS = ['on_call', 'present'] as const
export type DutyKind = (typeof DUTY_KINDS)[number]

/** `roster_versions.status`. */
export const ROSTER_STATUSES = ['draft', 'published', 'discarded'] as const
export type RosterStatus = (typeof ROSTER_STATUSES)[number]

/** `duties.cause`: why a duty row exists — a published roster, or a change after publishing. */
export const DUTY_CAUSES = ['roster', 'override', 'swap', 'leave_replacement'] as const
export type DutyCause = (typeof DUTY_CAUSES)[number]

/** `unavailability.kind`. */
export const UNAVAILABILITY_KINDS = ['leave', 'sick', 'training', 'other'] as const
export type UnavailabilityKind = (typeof UNAVAILABILITY_KINDS)[number]

/** `duty_preferences.preference`: a wish, or "rather not". */
export const DUTY_PREFERENCES = ['wish', 'rather_not'] as const
export type DutyPreference = (typeof DUTY_PREFERENCES)[number]

// calendars (issue 8)
/** `calendar_tokens.scope` (migration 0014): a feed of one's own duties, or of one rotation. */
export const CALENDAR_SCOPES = ['person', 'rotation'] as const
export type CalendarScope = (typeof CALENDAR_SCOPES)[number]

// swaps (issue 8)
/** `swap_requests.kind` (migration 0016): give a duty away, swap it against one of the taker's, or replace a
 *  person on leave. */
export const SWAP_KINDS = ['give_away', 'swap', 'replacement'] as const
export type SwapKind = (typeof SWAP_KINDS)[number]

/** `swap_requests.status`: open → taken → approved | rejected; withdrawn. "expired" is read, not stored. */
export const SWAP_STATUSES = ['open', 'taken', 'approved', 'rejected', 'withdrawn'] as const
export type SwapStatus = (typeof SWAP_STATUSES)[number]
// callouts (issue 8)
/** A zone's monthly statement: not yet approved, approved (frozen), or reopened after an approval. Not a column:
 *  derived from `callout_statements` (migration 0017). */
export const STATEMENT_STATUSES = ['open', 'approved', 'reopened'] as const
export type StatementStatus = (typeof STATEMENT_STATUSES)[number]

/** The working-time rules a call-out can make an upcoming present duty break (permanences/domain/rules.ts). */
export const CALLOUT_RULE_WARNINGS = ['OVERLAP', 'REST_TOO_SHORT', 'WORK_PER_24H', 'WORK_PER_WEEK'] as const
export type CallOutRuleWarning = (typeof CALLOUT_RULE_WARNINGS)[number]

// assistance (issue 9, migration 0018)
/** `assistance_requests.urgency`: urgent (help now; may deploy before approval) or planned (approved first). */
export const ASSISTANCE_URGENCIES = ['urgent', 'planned'] as const
export type AssistanceUrgency = (typeof ASSISTANCE_URGENCIES)[number]

/** `assistance_requests.category`: what the help is for. */
export const ASSISTANCE_CATEGORIES = [
  'urgent_backup',
  'traffic_action',
  'drug_check',
  'event',
  'judicial_action',
  'search',
  'other',
] as const
export type AssistanceCategory = (typeof ASSISTANCE_CATEGORIES)[number]

/** `assistance_rates.category`: a category's own rate, or `*` for every category without one. */
export const RATE_CATEGORIES = ['*', ...ASSISTANCE_CATEGORIES] as const
export type RateCategory = (typeof RATE_CATEGORIES)[number]

/** `assistance_requests.status` (the lifecycle: assistance/domain/lifecycle.ts). */
export const ASSISTANCE_STATUSES = [
  'draft',
  'awaiting_approval',
  'requested',
  'info_requested',
  'offered',
  'accepted',
  'under_way',
  'completed',
  'closed',
  'cancelled',
  'declined',
] as const
export type AssistanceStatus = (typeof ASSISTANCE_STATUSES)[number]

/** `assistance_requests.addressing`: every partner under `assistance`, or chosen zones. */
export const ASSISTANCE_ADDRESSING = ['all', 'chosen'] as const
export type AssistanceAddressing = (typeof ASSISTANCE_ADDRESSING)[number]

/** `assistance_addressees.escalated_level`: who an unacknowledged alert has reached (assistance/domain/escalation.ts). */
export const ESCALATION_LEVELS = ['on_duty', 'shift_leader', 'korpschef'] as const
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number]

/** `assistance_offer_lines.status`. */
export const OFFER_LINE_STATUSES = ['offered', 'accepted', 'declined', 'withdrawn'] as const
export type OfferLineStatus = (typeof OFFER_LINE_STATUSES)[number]

/** `assistance_ledger_lines.kind`: a confirmed deployment, a settlement's transfer, a reversal of a posting, a
 *  trainer's hours given to a partner zone's training session (issue 11). */
export const LEDGER_LINE_KINDS = ['deployment', 'settlement', 'reversal', 'training'] as const
export type LedgerLineKind = (typeof LEDGER_LINE_KINDS)[number]

/** `assistance_settlements.unit`: net in weighted hours, or in euros at the agreed hourly rate. */
export const SETTLEMENT_UNITS = ['hours', 'euros'] as const
export type SettlementUnit = (typeof SETTLEMENT_UNITS)[number]

/** The capability catalogue of assistance request and offer lines (codes; not a column: the lines' CHECK is a
 *  code's shape): people by rank, teams, and equipment that comes with its crew. */
export const ASSISTANCE_CAPABILITIES = [
  // people, by rank (the Belgian police ranks of the operational staff)
  { code: 'agent', kind: 'person', rank: 'agent' },
  { code: 'inspecteur', kind: 'person', rank: 'inspecteur' },
  { code: 'hoofdinspecteur', kind: 'person', rank: 'hoofdinspecteur' },
  { code: 'commissaris', kind: 'person', rank: 'commissaris' },
  // teams and specialised people
  { code: 'intervention_team', kind: 'team', rank: null },
  { code: 'traffic_unit', kind: 'team', rank: null },
  { code: 'dog_team', kind: 'team', rank: null },
  { code: 'public_order_platoon', kind: 'team', rank: null },
  { code: 'investigator', kind: 'person', rank: null },
  { code: 'victim_support_officer', kind: 'person', rank: null },
  // equipment that comes with its crew
  { code: 'anpr_vehicle', kind: 'equipment', rank: null },
  { code: 'speed_radar', kind: 'equipment', rank: null },
  { code: 'drone', kind: 'equipment', rank: null },
  { code: 'combi', kind: 'equipment', rank: null },
] as const
export type AssistanceCapability = (typeof ASSISTANCE_CAPABILITIES)[number]['code']

// equipment and investments (issue 10)
/** `assets.kind`: what a zone lends or shares. */
export const ASSET_KINDS = [
  'vehicle',
  'weapon',
  'speed_radar',
  'flash_device',
  'anpr_camera',
  'bodycam',
  'drone',
  'server',
  'range_lane',
  'other',
] as const
export type AssetKind = (typeof ASSET_KINDS)[number]

/** `equipment_loan_terms.kind`: an asset kind, or '*' for every kind without its own terms. */
export const LOAN_TERM_KINDS = ['*', ...ASSET_KINDS] as const
export type LoanTermKind = (typeof LOAN_TERM_KINDS)[number]

/** `assets.status`: the keeper's; a lapsed validity also keeps an asset from being lent. */
export const ASSET_STATUSES = ['available', 'maintenance', 'out_of_service', 'retired'] as const
export type AssetStatus = (typeof ASSET_STATUSES)[number]

/** `asset_validities.kind`: calibration and type approval (radars), inspection (vehicles, weapons), … */
export const VALIDITY_KINDS = ['calibration', 'approval', 'inspection', 'insurance', 'licence', 'other'] as const
export type ValidityKind = (typeof VALIDITY_KINDS)[number]

/** `equipment_bookings.status`; the active ones (requested, approved, checked_out) take part in the exclusion. */
export const BOOKING_STATUSES = ['requested', 'approved', 'rejected', 'cancelled', 'checked_out', 'returned'] as const
export type BookingStatus = (typeof BOOKING_STATUSES)[number]
export const ACTIVE_BOOKING_STATUSES = [
  'requested',
  'approved',
  'checked_out',
] as const satisfies readonly BookingStatus[]

/** `equipment_handovers.kind` and `.condition`. */
export const HANDOVER_KINDS = ['check_out', 'check_in'] as const
export type HandoverKind = (typeof HANDOVER_KINDS)[number]
export const HANDOVER_CONDITIONS = ['good', 'worn', 'damaged'] as const
export type HandoverCondition = (typeof HANDOVER_CONDITIONS)[number]

/** `investment_cost_keys.method`: how an investment's costs are divided among its parties. */
export const COST_KEY_METHODS = ['equal', 'population', 'fte', 'usage_hours', 'custom', 'mix'] as const
export type CostKeyMethod = (typeof COST_KEY_METHODS)[number]

/** `investment_costs.kind`: running costs of an investment. */
export const RUNNING_COST_KINDS = ['maintenance', 'licence', 'calibration', 'insurance', 'repair', 'other'] as const
export type RunningCostKind = (typeof RUNNING_COST_KINDS)[number]

// training and briefing (issue 11)
/** `training_courses.kind`: GPI 48 training and its evaluation count for GPI 48 compliance. */
export const COURSE_KINDS = [
  'gpi48_training',
  'gpi48_evaluation',
  'first_aid',
  'victim_support',
  'obp',
  'ogp',
  'driving',
  'other',
] as const
export type CourseKind = (typeof COURSE_KINDS)[number]
/** The course kinds that count for GPI 48 (use of force). */
export const GPI48_COURSE_KINDS = ['gpi48_training', 'gpi48_evaluation'] as const satisfies readonly CourseKind[]

/** `training_sessions.status`. */
export const TRAINING_SESSION_STATUSES = ['planned', 'cancelled', 'completed'] as const
export type TrainingSessionStatus = (typeof TRAINING_SESSION_STATUSES)[number]

/** `training_enrolments.status`, `.attendance` and `.result`. */
export const ENROLMENT_STATUSES = ['enrolled', 'waitlisted', 'cancelled'] as const
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number]
export const ATTENDANCES = ['present', 'absent', 'excused'] as const
export type Attendance = (typeof ATTENDANCES)[number]
export const TRAINING_RESULTS = ['passed', 'failed'] as const
export type TrainingResult = (typeof TRAINING_RESULTS)[number]

/** How a session's capacity is split in places per zone (largest remainder). */
export const PLACE_KEYS = ['equal', 'fte', 'custom'] as const
export type PlaceKey = (typeof PLACE_KEYS)[number]

/** `briefing_items.category`, `.priority` and `.shifts`. */
export const BRIEFING_CATEGORIES = [
  'wanted_person',
  'wanted_vehicle',
  'attention_point',
  'event',
  'working_instruction',
  'officer_safety',
] as const
export type BriefingCategory = (typeof BRIEFING_CATEGORIES)[number]
export const BRIEFING_PRIORITIES = ['normal', 'high', 'urgent'] as const
export type BriefingPriority = (typeof BRIEFING_PRIORITIES)[number]
export const SHIFTS = ['early', 'late', 'night'] as const
export type Shift = (typeof SHIFTS)[number]
/** `briefing_items.photo_type`: the image types a briefing photo may have. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export type PhotoType = (typeof PHOTO_TYPES)[number]
