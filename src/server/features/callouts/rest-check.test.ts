// A call-out is worked time: the rest rules of the roster see it, both in the warnings after recording one and in
// the roster solver's input (roster-input.ts).
import { Temporal } from 'temporal-polyfill'
import { describe, expect, it } from 'vitest'
import { checkRoster } from '../permanences/domain/check.ts'
import { buildRosterInput } from '../permanences/roster-input.ts'
import type { Rotation } from '../permanences/schema.ts'
import { restWarnings, type TimelineDuty } from './rest-check.ts'

const at = (local: string) => Temporal.PlainDateTime.from(local).toZonedDateTime('Europe/Brussels').epochMilliseconds
const person = { id: 'p1', zoneId: 'z1' }
const shift = (id: string, from: string, to: string, rules: TimelineDuty['rules'] = {}): TimelineDuty => ({
  id,
  rotationId: 'present',
  start: at(from),
  end: at(to),
  kind: 'present',
  rules,
})
const onCall: TimelineDuty = {
  id: 'oc',
  rotationId: 'ovw',
  start: at('2026-07-01T07:00'),
  end: at('2026-07-06T07:00'),
  kind: 'on_call',
  rules: {},
}

describe('restWarnings', () => {
  const monday = shift('mon', '2026-07-06T07:00', '2026-07-06T15:00')

  it('names the shift after a night call-out: too little rest, too much work in 24 hours', () => {
    const callOuts = [{ id: 'c1', start: at('2026-07-06T02:00'), end: at('2026-07-06T05:00') }]
    expect(restWarnings({ person, upcoming: [monday], duties: [onCall, monday], callOuts })).toEqual([
      { dutyId: 'mon', rules: ['REST_TOO_SHORT', 'WORK_PER_24H'] },
    ])
  })

  it('stays silent when eleven hours of rest remain', () => {
    const callOuts = [{ id: 'c1', start: at('2026-07-05T18:00'), end: at('2026-07-05T20:00') }]
    expect(restWarnings({ person, upcoming: [monday], duties: [onCall, monday], callOuts })).toEqual([])
  })

  it("follows the rotation's own rules (an association with 8 hours of rest)", () => {
    const relaxed = shift('mon', '2026-07-06T07:00', '2026-07-06T15:00', { minRestHours: 8 })
    const callOuts = [{ id: 'c1', start: at('2026-07-05T21:00'), end: at('2026-07-05T22:30') }]
    expect(restWarnings({ person, upcoming: [monday], duties: [onCall, monday], callOuts })).toEqual([
      { dutyId: 'mon', rules: ['REST_TOO_SHORT'] },
    ])
    expect(restWarnings({ person, upcoming: [relaxed], duties: [onCall, relaxed], callOuts })).toEqual([])
  })

  it('reports only what the call-outs add, not a rule the shifts already broke', () => {
    const sunday = shift('sun', '2026-07-05T23:00', '2026-07-06T01:00') // 6 hours of rest before Monday already
    const callOuts = [{ id: 'c1', start: at('2026-07-06T02:00'), end: at('2026-07-06T03:00') }]
    const warnings = restWarnings({ person, upcoming: [monday], duties: [sunday, monday], callOuts })
    expect(warnings).toEqual([{ dutyId: 'mon', rules: ['WORK_PER_24H'] }])
  })

  it('counts call-outs towards the 50 hours of a week', () => {
    const week = ['06', '07', '08', '09', '10'].map((d) => shift(`d${d}`, `2026-07-${d}T07:00`, `2026-07-${d}T16:00`))
    const friday = week[4]!
    const callOuts = [{ id: 'c1', start: at('2026-07-11T10:00'), end: at('2026-07-11T12:00') }]
    // 45 hours of shifts and 4 on Sunday: 49; the two hours of call-out on Saturday make the week 51.
    const sunday = shift('sun', '2026-07-12T09:00', '2026-07-12T13:00')
    const found = restWarnings({ person, upcoming: [sunday], duties: [...week, sunday], callOuts })
    expect(found).toEqual([{ dutyId: 'sun', rules: ['WORK_PER_WEEK'] }])
    expect(restWarnings({ person, upcoming: [friday], duties: week, callOuts })).toEqual([])
  })
})

describe('the roster input', () => {
  it('holds call-outs as work, so the checker refuses a present shift too soon after one', () => {
    const rotation = {
      id: 'r1',
      associationId: 'a1',
      domain: 'permanence.shift_leader',
      name: 'Wachtleider',
      dutyKind: 'present',
      peoplePerSlot: 1,
      pattern: {
        kind: 'custom',
        shifts: [{ label: 'early', weekdays: [1, 2, 3, 4, 5], start: '07:00', end: { time: '15:00' } }],
      },
      eligibility: { anyOf: [{ ranks: ['inspecteur'] }] },
      zones: [{ zoneId: 'z1', code: '9999', name: 'Z', weight: null }],
      zoneKey: { kind: 'equal' },
      rules: {},
      weights: {},
    } as unknown as Rotation
    const rows = {
      rotation,
      figures: new Map(),
      from: '2026-07-06',
      to: '2026-07-06',
      members: [
        {
          person_id: 'p1',
          zone_id: 'z1',
          rank: 'inspecteur' as const,
          qualifications: [],
          fte: 1,
          from: '2026-01-01',
          to: null,
        },
      ],
      unavailability: [],
      preferences: [],
      busy: [],
      inForce: [],
      now: new Date('2026-07-01T00:00:00Z'),
    }
    const callOuts = [
      { id: 'c1', person_id: 'p1', start: new Date(at('2026-07-06T02:00')), end: new Date(at('2026-07-06T05:00')) },
    ]
    const without = buildRosterInput(rows)
    const withCallOut = buildRosterInput({ ...rows, callOuts })
    expect(withCallOut.input.busy).toContainEqual(
      expect.objectContaining({ personId: 'p1', kind: 'work', ref: 'call_out:c1' }),
    )
    const assignments = without.slots.map((s) => ({ slotId: s.id, personIds: ['p1'] }))
    expect(checkRoster(without.input, assignments)).toEqual([])
    expect(checkRoster(withCallOut.input, assignments).map((v) => v.rule)).toEqual(
      expect.arrayContaining(['REST_TOO_SHORT']),
    )
  })
})
