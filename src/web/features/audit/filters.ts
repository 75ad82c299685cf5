// The audit log filters live in the URL like the people filters (shareable, survive reload and the back
// button); these read them back safely, ignoring anything that is not a known value.
import type { AuditQuery } from '../../api/types.ts'

export const PAGE_SIZE = 25

/** The actions the server logs today; the table still shows any other code as it comes. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'user.create',
  'user.locale_update',
  'agreement.create',
  'agreement.update',
  'agreement.approval_record',
  'agreement.transition',
  'person.read',
  'person.list',
  'audit.list',
  // accounts: account management and own passwords
  'account.create',
  'account.role_grant',
  'account.role_remove',
  'account.disable',
  'account.enable',
  'account.password_reset',
  'user.password_change',
  'user.password_change_failed',
] as const

export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export interface AuditFilters {
  zoneId: string | null
  action: AuditAction | null
  page: number
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const isAuditAction = (v: string | null): v is AuditAction => AUDIT_ACTIONS.some((a) => a === v)

export function readFilters(params: URLSearchParams): AuditFilters {
  const page = Number(params.get('page'))
  const zone = params.get('zone')
  const action = params.get('action')
  return {
    // The API refuses a zone id that is not a UUID (400): a mangled link shows every zone instead.
    zoneId: zone && UUID.test(zone) ? zone : null,
    action: isAuditAction(action) ? action : null,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  }
}

export function writeFilters(f: AuditFilters): Record<string, string> {
  const out: Record<string, string> = {}
  if (f.zoneId) out.zone = f.zoneId
  if (f.action) out.action = f.action
  if (f.page > 1) out.page = String(f.page)
  return out
}

export function toQuery(f: AuditFilters): AuditQuery {
  return {
    ...(f.zoneId ? { zoneId: f.zoneId } : {}),
    ...(f.action ? { action: f.action } : {}),
    limit: PAGE_SIZE,
    offset: (f.page - 1) * PAGE_SIZE,
  }
}

/** The first block of a UUID tells objects apart on a page; the full id stays available as a title. */
export const shortId = (id: string): string => (UUID.test(id) ? id.slice(0, 8) : id)

/** Events about several objects at once list their ids in the details (person.list, audit.list). */
export function countIn(details: Record<string, unknown>, key: 'personIds' | 'eventIds'): number | null {
  const ids = details[key]
  return Array.isArray(ids) ? ids.length : null
}
