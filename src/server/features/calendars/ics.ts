// A small iCalendar (RFC 5545) writer: just what a published feed of duties needs. Pure, no I/O.
//
// Why our own: a feed is a handful of properties, and the parts that make clients behave are ours to get right
// anyway (a stable UID, a SEQUENCE that grows, a VTIMEZONE the events point at). What the RFC asks of the
// text itself is small: CRLF line ends (§3.1), lines folded at 75 octets — never inside a UTF-8 character —
// with a leading space on the continuation, and TEXT values escaped (§3.3.11: backslash, semicolon, comma,
// newline). Times are written as local Europe/Brussels time with TZID (§3.3.5 form 3), UTC stamps with Z.
import { Temporal } from 'temporal-polyfill'
import { TIME_ZONE } from '../../platform/time.ts'

/** One property line: a name, its parameters and its value, already in the value type's form. */
export interface Property {
  name: string
  params?: Readonly<Record<string, string>>
  value: string
}

/** TEXT value escaping (RFC 5545 §3.3.11). */
export const escapeText = (text: string): string =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    // Other control characters are not allowed in TEXT (§3.1: CONTROL); a name never needs them.
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point of this pattern
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')

const encoder = new TextEncoder()

/** Folds one content line at 75 octets (§3.1), never splitting a UTF-8 character; CRLF between the parts. */
export function foldLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  // The first line holds 75 octets; each continuation starts with a space, so holds 74 more.
  let limit = 75
  for (const char of line) {
    const size = encoder.encode(char).length
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
      limit = 74
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n ')
}

/** A parameter value: quoted when it holds ':', ';' or ','; a DQUOTE cannot be written and is dropped (§3.2). */
const paramValue = (value: string): string => {
  const clean = value.replace(/"/g, '')
  return /[:;,]/.test(clean) ? `"${clean}"` : clean
}

export const contentLine = (p: Property): string =>
  foldLine(
    `${p.name}${Object.entries(p.params ?? {})
      .map(([k, v]) => `;${k}=${paramValue(v)}`)
      .join('')}:${p.value}`,
  )

/** A component: BEGIN, its properties, its sub-components, END. */
export interface Component {
  name: string
  properties: readonly Property[]
  components?: readonly Component[]
}

const lines = (c: Component): string[] => [
  `BEGIN:${c.name}`,
  ...c.properties.map(contentLine),
  ...(c.components ?? []).flatMap(lines),
  `END:${c.name}`,
]

/** The whole object, CRLF after every line (the last one too). */
export const serialize = (c: Component): string => `${lines(c).join('\r\n')}\r\n`

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** DATE-TIME in UTC (form 2): 20270328T010000Z. */
export function utcStamp(at: Date): string {
  return (
    `${pad(at.getUTCFullYear(), 4)}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}T` +
    `${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}Z`
  )
}

/** DATE-TIME as Brussels wall-clock time (form 3, used with TZID=Europe/Brussels): 20270328T030000. */
export function brusselsLocal(at: Date): string {
  const z = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(TIME_ZONE)
  return `${pad(z.year, 4)}${pad(z.month)}${pad(z.day)}T${pad(z.hour)}${pad(z.minute)}${pad(z.second)}`
}

/** A property holding a Brussels local time. */
export const localTime = (name: string, at: Date): Property => ({
  name,
  params: { TZID: TIME_ZONE },
  value: brusselsLocal(at),
})

/**
 * Europe/Brussels as a VTIMEZONE, from its rules since 1996 (EU summer time): CEST from the last Sunday of
 * March 01:00 UTC (02:00 local → 03:00), CET from the last Sunday of October 01:00 UTC (03:00 local → 02:00).
 * DTSTART of each rule is its first onset in local time before the change (§3.6.5). The feed's events are
 * after 1996, so these two rules describe every one of them; the TZID is the IANA name, which clients that
 * know the zone use directly.
 */
export const BRUSSELS_VTIMEZONE: Component = {
  name: 'VTIMEZONE',
  properties: [
    { name: 'TZID', value: TIME_ZONE },
    { name: 'X-LIC-LOCATION', value: TIME_ZONE },
  ],
  components: [
    {
      name: 'DAYLIGHT',
      properties: [
        { name: 'TZOFFSETFROM', value: '+0100' },
        { name: 'TZOFFSETTO', value: '+0200' },
        { name: 'TZNAME', value: 'CEST' },
        { name: 'DTSTART', value: '19960331T020000' },
        { name: 'RRULE', value: 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU' },
      ],
    },
    {
      name: 'STANDARD',
      properties: [
        { name: 'TZOFFSETFROM', value: '+0200' },
        { name: 'TZOFFSETTO', value: '+0100' },
        { name: 'TZNAME', value: 'CET' },
        { name: 'DTSTART', value: '19961027T030000' },
        { name: 'RRULE', value: 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU' },
      ],
    },
  ],
}
