import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { dutyUid, renderFeed, type FeedDuty } from './domain.ts'
import { brusselsLocal, contentLine, escapeText, foldLine, utcStamp } from './ics.ts'

const octets = (s: string) => Buffer.byteLength(s)

describe('iCalendar text', () => {
  it('escapes TEXT values (backslash, semicolon, comma, newline) and drops control characters', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\u0007g')).toBe('a\\\\b\\;c\\,d\\ne\\nfg')
  })

  it('folds at 75 octets without splitting a UTF-8 character, and unfolds to the same line', () => {
    const line = `SUMMARY:${'é'.repeat(50)}${'x'.repeat(40)}€€€`
    const folded = foldLine(line)
    const parts = folded.split('\r\n')
    expect(parts.length).toBeGreaterThan(1)
    for (const p of parts) expect(octets(p)).toBeLessThanOrEqual(75)
    for (const p of parts.slice(1)) expect(p.startsWith(' ')).toBe(true)
    expect(folded.replace(/\r\n /g, '')).toBe(line)
    expect(foldLine('SHORT:x')).toBe('SHORT:x')
    // Exactly 75 octets stays on one line; 76 folds.
    expect(foldLine(`X:${'a'.repeat(73)}`).includes('\r\n')).toBe(false)
    expect(foldLine(`X:${'a'.repeat(74)}`).split('\r\n')).toEqual([`X:${'a'.repeat(73)}`, ' a'])
  })

  it('quotes parameter values that need it', () => {
    expect(contentLine({ name: 'X', params: { A: 'b:c', B: 'plain' }, value: 'v' })).toBe('X;A="b:c";B=plain:v')
  })

  it('writes UTC stamps and Brussels wall-clock time on both sides of the DST changes', () => {
    expect(utcStamp(new Date('2027-03-28T00:59:59Z'))).toBe('20270328T005959Z')
    expect(brusselsLocal(new Date('2027-03-28T00:59:59Z'))).toBe('20270328T015959')
    expect(brusselsLocal(new Date('2027-03-28T01:00:00Z'))).toBe('20270328T030000')
    expect(brusselsLocal(new Date('2027-10-31T00:30:00Z'))).toBe('20271031T023000')
    expect(brusselsLocal(new Date('2027-10-31T01:30:00Z'))).toBe('20271031T023000')
  })
})

describe('a feed', () => {
  const duty = (over: Partial<FeedDuty>): FeedDuty => ({
    rotationId: '6f1c0a52-0000-4000-8000-000000000001',
    rotationName: 'Officier van wacht; BHT, HZ',
    slotKey: 'week:2027-10-25',
    position: 1,
    start: new Date('2027-10-25T05:00:00Z'),
    end: new Date('2027-11-01T06:00:00Z'),
    dutyKind: 'on_call',
    sequence: 3,
    recordedAt: new Date('2027-02-01T12:00:00Z'),
    ...over,
  })

  it('is read back by ical.js: names in the reader’s language, escaped text, UID and SEQUENCE', () => {
    const body = renderFeed({
      scope: { kind: 'rotation', rotationName: 'OvW' },
      locale: 'fr',
      duties: [duty({ person: { name: null, zoneName: 'Heusden-Zolder' } })],
    })
    const cal = new ICAL.Component(ICAL.parse(body))
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Permanence : OvW')
    expect(cal.getFirstPropertyValue('prodid')).toBe('-//Verbond//Permanences//NL')
    const [v] = cal.getAllSubcomponents('vevent')
    const e = new ICAL.Event(v)
    expect(e.uid).toBe(dutyUid(duty({})))
    expect(e.sequence).toBe(3)
    expect(e.summary).toBe('Officier van wacht; BHT, HZ: occupé (Heusden-Zolder)')
    expect(e.description).toBe('Permanence: Officier van wacht; BHT, HZ\njoignable et rappelable\nZone: Heusden-Zolder')
    expect(v!.getFirstPropertyValue('status')).toBe('CONFIRMED')
    expect(v!.getFirstPropertyValue('transp')).toBe('TRANSPARENT')
  })

  it('is the same bytes for the same duties (a stable ETag), events in start order', () => {
    const a = duty({
      slotKey: 'week:2027-11-01',
      start: new Date('2027-11-01T06:00:00Z'),
      end: new Date('2027-11-08T06:00:00Z'),
    })
    const b = duty({})
    const one = renderFeed({ scope: { kind: 'person' }, locale: 'en', duties: [a, b] })
    expect(renderFeed({ scope: { kind: 'person' }, locale: 'en', duties: [b, a] })).toBe(one)
    expect(one.indexOf('week:2027-10-25')).toBeLessThan(one.indexOf('week:2027-11-01'))
    expect(one).toContain('X-WR-CALNAME:My duties\r\n')
  })
})
