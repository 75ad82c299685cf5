// Pure helpers of the assistance pages (issue 9): the lists of codes the forms offer, hours as h:mm the Belgian
// way, the form's one idempotency key, and the Brussels wall time of the typed windows. Tested in model.test.ts.
import {
  ASSISTANCE_CAPABILITIES,
  ASSISTANCE_CATEGORIES,
  ASSISTANCE_STATUSES,
  type AssistanceCapability,
  type AssistanceCategory,
  type AssistanceStatus,
} from '../../../server/platform/enums.ts'
import { brusselsDate, brusselsInstant } from '../availability/periods.ts'

export { ASSISTANCE_CATEGORIES, ASSISTANCE_STATUSES, type AssistanceCategory, type AssistanceStatus }
export type Capability = AssistanceCapability
export const CAPABILITIES: readonly Capability[] = ASSISTANCE_CAPABILITIES.map((c) => c.code)
/** Capabilities that are one person of a rank: an offer may name a person of the zone for them. */
export const PERSON_CAPABILITIES: ReadonlySet<string> = new Set(
  ASSISTANCE_CAPABILITIES.filter((c) => c.kind === 'person').map((c) => c.code),
)

export interface Line {
  capability: Capability
  count: number
}

/** The API's lines (capability as a plain string) as form lines; a code the catalogue lacks is left out. */
export const asLines = (lines: readonly { capability: string; count: number }[]): Line[] =>
  lines.flatMap((l) => {
    const capability = CAPABILITIES.find((c) => c === l.capability)
    return capability ? [{ capability, count: l.count }] : []
  })

/** What the urgent fast path asks by default: two inspecteurs (the most common backup). */
export const DEFAULT_LINES: readonly Line[] = [{ capability: 'inspecteur', count: 2 }]

/**
 * One key per form (not per click): a double click, or a retry after a lost answer, sends the same key and the
 * server answers with the request it already made. 32 hex characters match the API's ^[A-Za-z0-9_-]{8,100}$.
 */
export function newIdempotencyKey(random: () => string = () => crypto.randomUUID()): string {
  return random().replace(/-/g, '')
}

/** Signed minutes as h:mm with the locale's thousands separator for the hours: 1.234:05, −3:15, 0:00. */
export function hoursText(minutes: number, groupHours: (hours: number) => string): string {
  const sign = minutes < 0 ? '−' : ''
  const abs = Math.abs(Math.round(minutes))
  const h = Math.floor(abs / 60)
  const m = abs % 60
  return `${sign}${groupHours(h)}:${String(m).padStart(2, '0')}`
}

/** The statuses in which a request still needs someone (highlighted, listed first by the filters' default). */
export const OPEN_STATUSES: readonly AssistanceStatus[] = [
  'awaiting_approval',
  'requested',
  'info_requested',
  'offered',
  'accepted',
  'under_way',
]

export const STATUS_COLOR: Record<AssistanceStatus, string> = {
  draft: 'gray',
  awaiting_approval: 'yellow',
  requested: 'blue',
  info_requested: 'orange',
  offered: 'cyan',
  accepted: 'teal',
  under_way: 'green',
  completed: 'lime',
  closed: 'dark',
  cancelled: 'gray',
  declined: 'red',
}

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Brussels',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** A Brussels date and HH:mm as the forms hold them. */
export interface Wall {
  date: string | null
  time: string
}

/** The form's value of an instant. */
export const wallOf = (iso: string): Wall => ({ date: brusselsDate(iso), time: timeFormat.format(new Date(iso)) })

/** The ISO instant of a typed Brussels date and 24-hour time; null while either is missing or malformed. */
export const instantOf = (wall: Wall): string | null =>
  wall.date && /^\d{2}:\d{2}$/.test(wall.time) ? brusselsInstant(wall.date, wall.time) : null

/** The field of the form a server problem (`details.problems[].field`) belongs to: the first segment. */
export function problemsByField(details: Record<string, unknown> | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>()
  const problems = details?.problems
  if (!Array.isArray(problems)) return out
  for (const p of problems as unknown[]) {
    if (typeof p !== 'object' || p === null) continue
    const { code, field } = p as { code?: unknown; field?: unknown }
    if (typeof code !== 'string') continue
    const key = typeof field === 'string' ? field.split(/[.[]/)[0] || '_' : '_'
    out.set(key, [...(out.get(key) ?? []), code])
  }
  return out
}
