// A calendar feed as plain data → iCalendar text. Pure: the service reads the duties, this decides what a
// calendar app sees.
//
// What makes Outlook, Google and Apple update an event instead of duplicating it: the UID names the duty's
// place in the roster, not the row — `<rotation id>-<slot key>-<position>@verbond` — so a swap, an override or a
// leave replacement keeps the UID; SEQUENCE is the number of versions that place had before the one in force
// (the bitemporal duties table keeps every one), so it grows with each change without any extra state. A duty
// taken off a feed is simply absent: subscribed calendars drop it on their next refresh. DTSTAMP and
// LAST-MODIFIED are when the version in force was recorded, so the same data gives the same bytes (and ETag).
import type { Locale } from '../../platform/schema.ts'
import { BRUSSELS_VTIMEZONE, escapeText, localTime, serialize, utcStamp, type Component } from './ics.ts'

export const PRODID = '-//Verbond//Permanences//NL'

/** The feed window, from the moment of the fetch: duties from 30 days back to one year ahead. */
export const WINDOW_DAYS_BACK = 30
export const WINDOW_DAYS_AHEAD = 366

export type DutyKind = 'on_call' | 'present'

/** One duty in force, with what the feed may show of it. */
export interface FeedDuty {
  rotationId: string
  rotationName: string
  slotKey: string
  position: number
  start: Date
  end: Date
  dutyKind: DutyKind
  /** Versions of this slot position before the one in force (0 for a duty never changed). */
  sequence: number
  /** When the version in force was recorded. */
  recordedAt: Date
  /** In a rotation feed: who stands in it. Name null when the reader may not see the person (zone only). */
  person?: { name: string | null; zoneName: string }
}

export type FeedScope = { kind: 'person' } | { kind: 'rotation'; rotationName: string }

export interface Feed {
  scope: FeedScope
  locale: Locale
  duties: readonly FeedDuty[]
}

const TEXT = {
  nl: {
    person: 'Mijn permanenties',
    rotation: (name: string) => `Permanentie: ${name}`,
    on_call: 'bereikbaar en terugroepbaar',
    present: 'aanwezig',
    zone: 'Zone',
    rotationLabel: 'Permanentie',
    position: 'Positie',
    unnamed: 'bezet',
  },
  fr: {
    person: 'Mes permanences',
    rotation: (name: string) => `Permanence : ${name}`,
    on_call: 'joignable et rappelable',
    present: 'présent',
    zone: 'Zone',
    rotationLabel: 'Permanence',
    position: 'Position',
    unnamed: 'occupé',
  },
  en: {
    person: 'My duties',
    rotation: (name: string) => `Rotation: ${name}`,
    on_call: 'on call',
    present: 'present',
    zone: 'Zone',
    rotationLabel: 'Rotation',
    position: 'Position',
    unnamed: 'filled',
  },
} as const satisfies Record<Locale, unknown>

/** The calendar's name in the reader's language (X-WR-CALNAME and NAME). */
export const calendarName = (scope: FeedScope, locale: Locale): string =>
  scope.kind === 'person' ? TEXT[locale].person : TEXT[locale].rotation(scope.rotationName)

/** The stable UID of a slot position (RFC 5545 §3.8.4.7: globally unique, persistent). */
export const dutyUid = (d: Pick<FeedDuty, 'rotationId' | 'slotKey' | 'position'>): string =>
  `${d.rotationId}-${d.slotKey}-${d.position}@verbond`

function summary(d: FeedDuty, scope: FeedScope, locale: Locale): string {
  const t = TEXT[locale]
  if (scope.kind === 'person' || !d.person) return `${d.rotationName} (${t[d.dutyKind]})`
  return `${d.rotationName}: ${d.person.name ?? t.unnamed} (${d.person.zoneName})`
}

function description(d: FeedDuty, locale: Locale): string {
  const t = TEXT[locale]
  return [
    `${t.rotationLabel}: ${d.rotationName}`,
    t[d.dutyKind],
    ...(d.person ? [`${t.zone}: ${d.person.zoneName}`] : []),
    ...(d.position > 1 ? [`${t.position}: ${d.position}`] : []),
  ].join('\n')
}

function event(d: FeedDuty, scope: FeedScope, locale: Locale): Component {
  const stamp = utcStamp(d.recordedAt)
  return {
    name: 'VEVENT',
    properties: [
      { name: 'UID', value: dutyUid(d) },
      { name: 'SEQUENCE', value: String(d.sequence) },
      { name: 'DTSTAMP', value: stamp },
      { name: 'LAST-MODIFIED', value: stamp },
      localTime('DTSTART', d.start),
      localTime('DTEND', d.end),
      { name: 'SUMMARY', value: escapeText(summary(d, scope, locale)) },
      { name: 'DESCRIPTION', value: escapeText(description(d, locale)) },
      { name: 'STATUS', value: 'CONFIRMED' },
      // On call is reachable, not busy in the diary's sense; a present shift is busy.
      { name: 'TRANSP', value: d.dutyKind === 'on_call' ? 'TRANSPARENT' : 'OPAQUE' },
    ],
  }
}

/** The feed as iCalendar text (CRLF, folded), events in start order. */
export function renderFeed(feed: Feed): string {
  const name = escapeText(calendarName(feed.scope, feed.locale))
  const duties = [...feed.duties].sort(
    (a, b) => a.start.getTime() - b.start.getTime() || dutyUid(a).localeCompare(dutyUid(b)),
  )
  return serialize({
    name: 'VCALENDAR',
    properties: [
      { name: 'PRODID', value: PRODID },
      { name: 'VERSION', value: '2.0' },
      { name: 'CALSCALE', value: 'GREGORIAN' },
      { name: 'METHOD', value: 'PUBLISH' },
      { name: 'X-WR-CALNAME', value: name },
      { name: 'NAME', value: name },
      { name: 'X-WR-TIMEZONE', value: 'Europe/Brussels' },
      // How often a client should come back (RFC 7986; the X- form for Outlook); the feed is cached 5 minutes.
      { name: 'REFRESH-INTERVAL', params: { VALUE: 'DURATION' }, value: 'PT1H' },
      { name: 'X-PUBLISHED-TTL', value: 'PT1H' },
    ],
    components: [BRUSSELS_VTIMEZONE, ...duties.map((d) => event(d, feed.scope, feed.locale))],
  })
}
