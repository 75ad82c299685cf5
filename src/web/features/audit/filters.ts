// The audit log filters live in the URL like the people filters (shareable, survive reload and the back
// button); these read them back safely, ignoring anything that is not a known value.
import type { AuditQuery } from '../../api/types.ts'
import type { AuditExportQuery } from './api.ts'

export const PAGE_SIZE = 25

/** The server's `AuditAction` list, as the OpenAPI document publishes it (the action filter's enum). */
export type AuditAction = NonNullable<AuditQuery['action']>

/**
 * Every AuditAction, in the order the filter offers them. Typed against the API's enum: an action the server
 * adds (then npm run gen:api) is a compile error here until it is listed, and one it drops is one too. The
 * table still shows any other code as it comes.
 */
const LISTED = {
  'auth.login': true,
  'auth.login_failed': true,
  'auth.logout': true,
  'user.create': true,
  'user.locale_update': true,
  'agreement.create': true,
  'agreement.update': true,
  'agreement.approval_record': true,
  'agreement.transition': true,
  'person.read': true,
  'person.list': true,
  'audit.list': true,
  'audit.export': true,
  'account.create': true,
  'account.role_grant': true,
  'account.role_remove': true,
  'account.disable': true,
  'account.enable': true,
  'account.password_reset': true,
  'user.password_change': true,
  'user.password_change_failed': true,
  'restricted.read': true,
  // availability (issue 8)
  'availability.create': true,
  'availability.update': true,
  'availability.delete': true,
  'preference.create': true,
  'preference.delete': true,
  // permanences (issue 8, perm-core)
  'rotation.create': true,
  'rotation.update': true,
  'rotation.member_add': true,
  'rotation.member_end': true,
  'roster.generate': true,
  'roster.publish': true,
  'duty.override': true,
  // swaps (issue 8)
  'swap.request': true,
  'swap.take': true,
  'swap.approve': true,
  'swap.reject': true,
  'swap.withdraw': true,
  // callouts (issue 8)
  'callout.create': true,
  'callout.update': true,
  'callout.delete': true,
  'statement.approve': true,
  'statement.reopen': true,
  // alerts (issue 9)
  'assistance.acknowledge': true,
  // core (issue 9)
  'assistance.request_create': true,
  'assistance.request_update': true,
  'assistance.request_transition': true,
  'assistance.request_approve': true,
  'assistance.offer_withdraw': true,
  'assistance.offer_decide': true,
  'assistance.deployment_add': true,
  'assistance.deployment_remove': true,
  'assistance.hours_record': true,
  'assistance.hours_confirm': true,
  // lead (issue 9)
  'assistance.settings_update': true,
  'assistance.rate_create': true,
  'assistance.settlement_record': true,
  // assets (issue 10)
  'equipment.asset_create': true,
  'equipment.asset_update': true,
  'equipment.validity_set': true,
  'equipment.validity_remove': true,
  // bookings (issue 10)
  'equipment.booking_create': true,
  'equipment.booking_approve': true,
  'equipment.booking_reject': true,
  'equipment.booking_cancel': true,
  'equipment.booking_check_out': true,
  'equipment.booking_check_in': true,
  'equipment.terms_update': true,
  // investments (issue 10)
  'investment.create': true,
  'investment.update': true,
  'investment.parties_set': true,
  'investment.assets_set': true,
  'investment.cost_key_add': true,
  'investment.cost_key_remove': true,
  'investment.cost_add': true,
  'investment.cost_remove': true,
  // settlements (issue 10)
  'investment.settlement_record': true,
  // training sessions (issue 11, train-sessions)
  'training.course.create': true,
  'training.course.update': true,
  'training.session.create': true,
  'training.session.update': true,
  'training.session.cancel': true,
  'training.trainer_hours.post': true,
  // training enrolments (issue 11, train-enrol)
  'training.enrolment.create': true,
  'training.enrolment.cancel': true,
  'training.attendance.record': true,
  // train-compliance (issue 11)
  'training.settings_update': true,
} as const satisfies Record<AuditAction, true>

export const AUDIT_ACTIONS = Object.keys(LISTED) as readonly AuditAction[]

export interface AuditFilters {
  zoneId: string | null
  action: AuditAction | null
  /** Events about this person (as the object, or in a list read). */
  personId: string | null
  /** Events by this user. */
  actorUserId: string | null
  /** Brussels calendar dates, inclusive (YYYY-MM-DD). */
  from: string | null
  to: string | null
  page: number
}

export const NO_FILTERS: AuditFilters = {
  zoneId: null,
  action: null,
  personId: null,
  actorUserId: null,
  from: null,
  to: null,
  page: 1,
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

export const isAuditAction = (v: string | null): v is AuditAction => AUDIT_ACTIONS.some((a) => a === v)

// The API refuses an id that is not a UUID or a date that is not one (400): a mangled link drops the filter.
const uuidOrNull = (v: string | null) => (v && UUID.test(v) ? v : null)
const dateOrNull = (v: string | null) => (v && DATE.test(v) ? v : null)

export function readFilters(params: URLSearchParams): AuditFilters {
  const page = Number(params.get('page'))
  const action = params.get('action')
  let from = dateOrNull(params.get('from'))
  let to = dateOrNull(params.get('to'))
  // A period typed backwards in a link: read it the right way round rather than ask the server for a 400.
  if (from && to && from > to) [from, to] = [to, from]
  return {
    zoneId: uuidOrNull(params.get('zone')),
    action: isAuditAction(action) ? action : null,
    personId: uuidOrNull(params.get('person')),
    actorUserId: uuidOrNull(params.get('user')),
    from,
    to,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  }
}

export function writeFilters(f: AuditFilters): Record<string, string> {
  const out: Record<string, string> = {}
  if (f.zoneId) out.zone = f.zoneId
  if (f.action) out.action = f.action
  if (f.personId) out.person = f.personId
  if (f.actorUserId) out.user = f.actorUserId
  if (f.from) out.from = f.from
  if (f.to) out.to = f.to
  if (f.page > 1) out.page = String(f.page)
  return out
}

export const isFiltered = (f: AuditFilters): boolean =>
  Boolean(f.zoneId || f.action || f.personId || f.actorUserId || f.from || f.to)

/** The filters as the API takes them, without paging: what the CSV export covers. */
export function toExportQuery(f: AuditFilters): AuditExportQuery {
  return {
    ...(f.zoneId ? { zoneId: f.zoneId } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.personId ? { personId: f.personId } : {}),
    ...(f.actorUserId ? { actorUserId: f.actorUserId } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
  }
}

export function toQuery(f: AuditFilters): AuditQuery {
  return { ...toExportQuery(f), limit: PAGE_SIZE, offset: (f.page - 1) * PAGE_SIZE }
}

/** The first block of a UUID tells objects apart on a page; the full id stays available as a title. */
export const shortId = (id: string): string => (UUID.test(id) ? id.slice(0, 8) : id)

/** Events about several objects at once list their ids in the details (person.list, audit.list). */
export function countIn(details: Record<string, unknown>, key: 'personIds' | 'eventIds'): number | null {
  const ids = details[key]
  return Array.isArray(ids) ? ids.length : null
}
