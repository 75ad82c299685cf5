// Names for the API's shapes, read off the operations so they hold whatever the generator calls its schemas.
import {
  AGREEMENT_KINDS as agreementKinds,
  AGREEMENT_STATUSES as agreementStatuses,
  APPROVAL_BODIES as approvalBodies,
  DOMAIN_CATEGORIES as domainCategories,
  LOCALES as locales,
  QUALIFICATION_CODES as qualificationCodes,
  RANKS as ranks,
  STAFF_KINDS as staffKinds,
  ZONE_ROLES as zoneRoles,
} from '../../server/platform/enums.ts'
import type { operations } from './schema.d.ts'

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never
type Ok<O extends keyof operations, S extends keyof operations[O]['responses']> = JsonOf<operations[O]['responses'][S]>
type Body<O extends keyof operations> = operations[O] extends {
  requestBody: { content: { 'application/json': infer T } }
}
  ? T
  : never

export type Health = Ok<'getHealth', 200>
export type Me = Ok<'getMe', 200>
export type Locale = Me['locale']
export type Role = Me['roles'][number]['role']
export type ZoneRole = (typeof ZONE_ROLES)[number]
export const isZoneRole = (r: string): r is ZoneRole => (ZONE_ROLES as readonly string[]).includes(r)
export type Zone = Ok<'getZone', 200>
export type Municipality = Zone['municipalities'][number]
export type Association = Ok<'listAssociations', 200>['items'][number]
export type Figures = Ok<'getAssociationFigures', 200>
export type ZoneFigures = Figures['zones'][number]
export type QuotedFigures = NonNullable<Figures['quoted']>
export type Domain = Ok<'listDomains', 200>['items'][number]
export type DomainCode = Domain['code']
export type DomainCategory = Domain['category']
export type AgreementSummary = Ok<'listAgreements', 200>['items'][number]
export type Agreement = Ok<'getAgreement', 200>
export type AgreementStatus = AgreementSummary['status']
export type AgreementKind = AgreementSummary['kind']
export type Approval = Agreement['approvals'][number]
export type ApprovalBody = Approval['body']
export type AgreementCreate = Body<'createAgreement'>
export type ApprovalCreate = Body<'recordApproval'>
export type TransitionRequest = Body<'transitionAgreement'>
export type PeoplePage = Ok<'listPeople', 200>
export type Person = PeoplePage['items'][number]
export type PeopleQuery = NonNullable<operations['listPeople']['parameters']['query']>
export type QualificationCode = NonNullable<PeopleQuery['qualification']>
export type Rank = NonNullable<Person['rank']>
export type StaffKind = Person['staffKind']
export type AuditVerification = Ok<'verifyAudit', 200>
export type AuditEventsPage = Ok<'listAuditEvents', 200>
export type AuditEvent = AuditEventsPage['items'][number]
export type AuditQuery = NonNullable<operations['listAuditEvents']['parameters']['query']>
// accounts
export type AccountsPage = Ok<'listAccounts', 200>
export type Account = Ok<'getAccount', 200>
export type AccountRole = Account['roles'][number]
export type AccountCreate = Body<'createAccount'>
export type RoleGrant = Body<'grantAccountRole'>
export type OneTimePassword = Ok<'resetAccountPassword', 200>

// The closed lists of codes come from their one source, the server's enums.ts (it imports nothing, so the
// bundle takes only these arrays); `satisfies` holds each to the API's generated type.
export const AGREEMENT_KINDS = agreementKinds satisfies readonly AgreementKind[]
/** In lifecycle order. */
export const AGREEMENT_STATUSES = agreementStatuses satisfies readonly AgreementStatus[]
export const APPROVAL_BODIES = approvalBodies satisfies readonly ApprovalBody[]
export const DOMAIN_CATEGORIES = domainCategories satisfies readonly DomainCategory[]
export const LOCALES = locales satisfies readonly Locale[]
export const QUALIFICATION_CODES = qualificationCodes satisfies readonly QualificationCode[]
export const RANKS = ranks satisfies readonly Rank[]
export const STAFF_KINDS = staffKinds satisfies readonly StaffKind[]
/** The roles held in a zone (every role but the association's admin), in the order the app lists them. */
export const ZONE_ROLES = zoneRoles satisfies readonly Role[]
