import { describe, expect, it } from 'vitest'
import { addressed, canSee, mayTarget, readingZones, type ItemFacts, type Reader } from './access.ts'

const A = 'zone-a'
const B = 'zone-b'
const C = 'zone-c'
const NOW = Date.parse('2026-05-01T10:00:00Z')
const shared = [{ zoneIds: [A, B], domains: ['briefing', 'equipment'] }]
const notShared = [{ zoneIds: [A, B], domains: ['equipment'] }]
const item = (over: Partial<ItemFacts> = {}): ItemFacts => ({
  zoneId: A,
  targetZoneIds: [A, B],
  restricted: false,
  validTo: NOW + 3_600_000,
  withdrawn: false,
  ...over,
})
const reader = (over: Partial<Reader> = {}): Reader => ({
  zoneIds: [B],
  grants: shared,
  person: { zoneId: B, operational: true },
  ...over,
})

describe('who sees a briefing item', () => {
  it('the author zone and a target zone sharing briefing in force', () => {
    expect(canSee(reader({ zoneIds: [A], person: null }), item(), NOW)).toBe(true)
    expect(canSee(reader(), item(), NOW)).toBe(true)
    expect(readingZones(reader({ zoneIds: [A, B] }), item())).toEqual([A, B])
  })
  it('not a target zone without briefing in force, nor a zone the item is not for', () => {
    expect(canSee(reader({ grants: notShared }), item(), NOW)).toBe(false)
    expect(canSee(reader({ grants: [] }), item(), NOW)).toBe(false)
    expect(canSee(reader(), item({ targetZoneIds: [A] }), NOW)).toBe(false)
    expect(canSee(reader({ zoneIds: [C], person: { zoneId: C, operational: true } }), item(), NOW)).toBe(false)
  })
  it('a restricted item: only operational staff of a zone through which it is seen, while valid', () => {
    const r = item({ restricted: true })
    expect(canSee(reader(), r, NOW)).toBe(true)
    expect(canSee(reader({ person: { zoneId: B, operational: false } }), r, NOW)).toBe(false) // CALog
    expect(canSee(reader({ person: null }), r, NOW)).toBe(false) // no linked person
    expect(canSee(reader({ person: { zoneId: C, operational: true } }), r, NOW)).toBe(false)
    expect(canSee(reader({ zoneIds: [A], person: { zoneId: A, operational: true } }), r, NOW)).toBe(true)
    expect(canSee(reader(), r, r.validTo)).toBe(false) // validity ended: out of view for everyone
    expect(canSee(reader({ zoneIds: [A], person: { zoneId: A, operational: true } }), r, r.validTo)).toBe(false)
    // A normal item stays in view after its validity (the author's past items).
    expect(canSee(reader(), item(), NOW + 10 * 3_600_000)).toBe(true)
  })
  it('a withdrawn item: only its author zone', () => {
    expect(canSee(reader(), item({ withdrawn: true }), NOW)).toBe(false)
    expect(canSee(reader({ zoneIds: [A, B] }), item({ withdrawn: true }), NOW)).toBe(true)
  })
})

describe('targets', () => {
  it('an author zone addresses itself and partners sharing briefing', () => {
    expect(mayTarget([], A, A)).toBe(true)
    expect(mayTarget(shared, A, B)).toBe(true)
    expect(mayTarget(notShared, A, B)).toBe(false)
    expect(mayTarget(shared, A, C)).toBe(false)
  })
  it('a person is addressed by a zone target without teams, or by their named team', () => {
    expect(addressed([{ zoneId: A, teamId: null }], A, 't1')).toBe(true)
    expect(addressed([{ zoneId: A, teamId: 't1' }], A, 't1')).toBe(true)
    expect(addressed([{ zoneId: A, teamId: 't1' }], A, 't2')).toBe(false)
    expect(addressed([{ zoneId: A, teamId: 't1' }], A, null)).toBe(false)
    expect(addressed([{ zoneId: B, teamId: null }], A, null)).toBe(false)
  })
})
