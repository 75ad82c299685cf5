// Kysely's view of the tables in migrations/. Keep in step with the SQL: a column added there is added here.
// `date` columns are 'YYYY-MM-DD' strings, `timestamptz` are Date, numeric/int8 are numbers (see db.ts).
import type { ColumnType, Generated } from 'kysely'

type IsoDate = string
type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

export interface ZonesTable {
  id: Generated<string>
  code: string
  name: string
  region: 'flanders' | 'wallonia' | 'brussels'
  valid_from: IsoDate | null
  valid_to: IsoDate | null
}

export interface MunicipalitiesTable {
  id: Generated<string>
  nis_code: string
  name: string
  zone_id: string
  population: number | null
  population_year: number | null
  area_km2: number | null
  valid_from: IsoDate | null
  valid_to: IsoDate | null
  merged_into_id: string | null
  note: string | null
}

export interface AssociationsTable {
  id: Generated<string>
  code: string
  name: string
  description: string | null
  created_at: CreatedAt
}

export interface AssociationMembershipsTable {
  id: Generated<string>
  association_id: string
  zone_id: string
  valid_from: IsoDate
  valid_to: IsoDate | null
}

export interface CooperationDomainsTable {
  code: string
  category: 'operational' | 'support'
  sort_order: number
}

export type AgreementKind =
  | 'intentieverklaring'
  | 'engagementsverklaring'
  | 'associatieprotocol'
  | 'associatieovereenkomst'
  | 'samenwerkingsprotocol'
export type AgreementStatus = 'draft' | 'in_approval' | 'in_force' | 'ended'

export interface AgreementsTable {
  id: Generated<string>
  association_id: string
  kind: AgreementKind
  title: string
  version: Generated<number>
  status: Generated<AgreementStatus>
  signed_on: IsoDate | null
  effective_from: IsoDate | null
  effective_to: IsoDate | null
  trial_months: number | null
  summary: string | null
  supersedes_id: string | null
  created_at: CreatedAt
  updated_at: Timestamp
  /** consent (0002): the content approvals bind; NULL only for rows older than that migration */
  content_version: Generated<number>
  content_hash: string | null
  end_reason: string | null
  end_decision_reference: string | null
}

export interface AgreementPartiesTable {
  agreement_id: string
  zone_id: string
}

export interface AgreementDomainsTable {
  agreement_id: string
  domain_code: string
}

export type ApprovalBody = 'gemeenteraad' | 'politieraad' | 'politiecollege'

export interface AgreementApprovalsTable {
  id: Generated<string>
  agreement_id: string
  zone_id: string
  body: ApprovalBody
  municipality_id: string | null
  decision: 'approved' | 'rejected'
  decided_on: IsoDate
  date_precision: Generated<'day' | 'month'>
  note: string | null
  recorded_at: CreatedAt
  /** consent (0002) */
  content_version: Generated<number>
  content_hash: string | null
  decision_reference: string | null
  recorded_by: string | null
  recorded_on_behalf: Generated<boolean>
  superseded_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  superseded_reason: 'content_changed' | null
}

export interface AgreementKeyFiguresTable {
  agreement_id: string
  municipalities_count: number | null
  area_km2: number | null
  staff_count: number | null
  budget_ordinary_cents: number | null
  budget_extraordinary_cents: number | null
  budget_total_cents: number | null
}

export interface QualificationsTable {
  code: string
  sort_order: number
}

export type Rank = 'agent' | 'inspecteur' | 'hoofdinspecteur' | 'commissaris' | 'hoofdcommissaris'
export type CalogLevel = 'A' | 'B' | 'C' | 'D'

export interface PeopleTable {
  id: Generated<string>
  zone_id: string
  employee_number: string
  first_name: string
  last_name: string
  staff_kind: 'operational' | 'calog'
  rank: Rank | null
  calog_level: CalogLevel | null
  fte: Generated<number>
  work_phone: string | null
  work_email: string | null
  employed_from: IsoDate
  employed_to: IsoDate | null
}

export interface PersonQualificationsTable {
  person_id: string
  qualification_code: string
  obtained_on: IsoDate | null
}

export interface PersonSharedFunctionsTable {
  id: Generated<string>
  person_id: string
  domain_code: string
  valid_from: IsoDate
  valid_to: IsoDate | null
}

/** Why a partner zone may see a person (migration 0007; src/server/platform/visibility.ts). */
export interface VisibilityReasonsTable {
  id: Generated<string>
  person_id: string
  owner_zone_id: string
  /** NULL: every zone with which an agreement in force lists the domain. */
  partner_zone_id: string | null
  domain_code: string
  kind: string
  source_table: string | null
  source_id: string | null
  /** daterange of Brussels days, written as '[from,to)' text; read back as text. */
  period: string
}

export type Locale = 'nl' | 'fr' | 'en'

export interface UsersTable {
  id: Generated<string>
  email: string
  password_hash: string
  display_name: string
  person_id: string | null
  locale: Generated<Locale>
  disabled_at: Date | null
  created_at: CreatedAt
  must_change_password: Generated<boolean>
  password_changed_at: Date | null
}

export const ZONE_ROLES = ['korpschef', 'planner', 'officer', 'logistics', 'finance', 'trainer', 'dpo'] as const
export type ZoneRole = (typeof ZONE_ROLES)[number]
export const ROLES = [...ZONE_ROLES, 'admin'] as const
export type Role = (typeof ROLES)[number]

export interface UserRolesTable {
  id: Generated<string>
  user_id: string
  role: Role
  zone_id: string | null
  association_id: string | null
}

export interface SessionsTable {
  token_hash: string
  user_id: string
  csrf_token: string
  created_at: CreatedAt
  last_seen_at: Timestamp
  expires_at: Date
  ip: string | null
  user_agent: string | null
  password_failures: Generated<number>
}

export interface LoginAttemptsTable {
  id: Generated<number>
  email: string
  ip: string
  at: CreatedAt
  /** NULL while the try is reserved and the password is being checked (counts as a failure). */
  succeeded: boolean | null
}

export interface AuditEventsTable {
  id: Generated<number>
  chain_zone_id: string | null
  seq: number
  at: Date
  actor_user_id: string | null
  actor_zone_id: string | null
  action: string
  object_type: string | null
  object_id: string | null
  domain: string | null
  details: ColumnType<Record<string, unknown>, string, never>
  prev_hash: string
  hash: string
}

export interface AuditChainHeadsTable {
  chain_key: string
  last_seq: number
  last_hash: string
}

export interface SchemaMigrationsTable {
  name: string
  checksum: string
  applied_at: CreatedAt
}

// seams-time: the outbox and durable jobs (migrations/0006_outbox_jobs.sql)
export interface OutboxEventsTable {
  id: Generated<number>
  type: string
  zone_id: string | null
  association_id: string | null
  domain: string | null
  payload: ColumnType<Record<string, unknown>, string, never>
  created_at: Date
  position: number | null
  published_at: Date | null
  /** 0009: an event addressed to one user (a notification); only that user's streams receive it. */
  user_id: ColumnType<string | null, string | null | undefined, never>
}

export type JobState = 'pending' | 'running' | 'done' | 'failed'

export interface JobsTable {
  id: Generated<number>
  kind: string
  idempotency_key: string
  payload: ColumnType<Record<string, unknown>, string, never>
  state: ColumnType<JobState, JobState | undefined, JobState>
  run_at: Date
  attempts: ColumnType<number, number | undefined, number>
  max_attempts: number
  locked_by: string | null
  locked_until: Date | null
  last_error: string | null
  created_at: Date
  finished_at: Date | null
}

// notifications (migrations/0009_notifications.sql)
export interface NotificationsTable {
  id: Generated<string>
  user_id: string
  kind: string
  params: ColumnType<Record<string, string>, string, never>
  object_type: string | null
  object_id: string | null
  created_at: Date
  read_at: Date | null
}

export interface DB {
  zones: ZonesTable
  municipalities: MunicipalitiesTable
  associations: AssociationsTable
  association_memberships: AssociationMembershipsTable
  cooperation_domains: CooperationDomainsTable
  agreements: AgreementsTable
  agreement_parties: AgreementPartiesTable
  agreement_domains: AgreementDomainsTable
  agreement_approvals: AgreementApprovalsTable
  agreement_key_figures: AgreementKeyFiguresTable
  qualifications: QualificationsTable
  people: PeopleTable
  person_qualifications: PersonQualificationsTable
  person_shared_functions: PersonSharedFunctionsTable
  visibility_reasons: VisibilityReasonsTable
  users: UsersTable
  user_roles: UserRolesTable
  sessions: SessionsTable
  login_attempts: LoginAttemptsTable
  audit_events: AuditEventsTable
  audit_chain_heads: AuditChainHeadsTable
  schema_migrations: SchemaMigrationsTable
  outbox_events: OutboxEventsTable
  jobs: JobsTable
  notifications: NotificationsTable
}
