import { describe, expect, it } from 'vitest'
import type { Actor, ActorRole, Grant } from '../../platform/policy.ts'
import { mayReceive } from './domain.ts'

const actor = (...roles: ActorRole[]): Actor => ({
  userId: 'u',
  email: 'u@test',
  displayName: 'U',
  locale: 'nl',
  personId: null,
  homeZoneId: null,
  roles,
})
const planner = actor({ role: 'planner', zoneId: 'A', associationId: null })
const admin = actor({ role: 'admin', zoneId: null, associationId: 'X' })
const grants: Grant[] = [{ agreementId: 'g', associationId: 'X', zoneIds: ['A', 'B'], domains: ['assistance'] }]
const ev = (
  zoneId: string | null,
  associationId: string | null,
  domain: string | null,
  userId: string | null = null,
) => ({
  zoneId,
  associationId,
  domain,
  userId,
})

describe('mayReceive', () => {
  it('own zone always; a partner zone only under a listed domain of an agreement of the same association', () => {
    expect(mayReceive(planner, ev('A', null, null), [])).toBe(true)
    expect(mayReceive(planner, ev('B', null, 'assistance'), grants)).toBe(true)
    expect(mayReceive(planner, ev('B', 'X', 'assistance'), grants)).toBe(true)
    expect(mayReceive(planner, ev('B', 'Y', 'assistance'), grants)).toBe(false)
    expect(mayReceive(planner, ev('B', null, 'training'), grants)).toBe(false)
    expect(mayReceive(planner, ev('B', null, null), grants)).toBe(false)
    expect(mayReceive(planner, ev('C', null, 'assistance'), grants)).toBe(false)
    expect(mayReceive(planner, ev('B', null, 'assistance'), [])).toBe(false)
  })

  it('association-wide events: its admin, and zones party to one of its agreements in force', () => {
    expect(mayReceive(admin, ev(null, 'X', null), [])).toBe(true)
    expect(mayReceive(admin, ev('B', 'X', null), [])).toBe(true)
    expect(mayReceive(admin, ev(null, 'Y', null), [])).toBe(false)
    expect(mayReceive(admin, ev('B', null, 'assistance'), grants)).toBe(false)
    expect(mayReceive(planner, ev(null, 'X', null), grants)).toBe(true)
    expect(mayReceive(planner, ev(null, 'X', 'assistance'), grants)).toBe(true)
    expect(mayReceive(planner, ev(null, 'X', 'training'), grants)).toBe(false)
    expect(mayReceive(planner, ev(null, 'Y', null), grants)).toBe(false)
  })

  it('an event without zone nor association reaches nobody', () => {
    expect(mayReceive(planner, ev(null, null, null), grants)).toBe(false)
    expect(mayReceive(admin, ev(null, null, null), grants)).toBe(false)
  })

  it('an event addressed to a user reaches that user only, whatever zone, association or role', () => {
    const other = { ...planner, userId: 'v' }
    expect(mayReceive(planner, ev(null, null, null, 'u'), [])).toBe(true)
    expect(mayReceive(admin, ev(null, null, null, 'u'), [])).toBe(true)
    expect(mayReceive(other, ev(null, null, null, 'u'), grants)).toBe(false)
    // A user scope is never widened by a zone or association the reader shares.
    expect(mayReceive(other, ev('A', 'X', null, 'u'), grants)).toBe(false)
    expect(mayReceive({ ...admin, userId: 'v' }, ev('A', 'X', null, 'u'), grants)).toBe(false)
  })
})

// board (issue 8)
describe('events about a rotation (payload.coveredZoneIds)', () => {
  const rotationEvent = { zoneId: 'A', associationId: 'X', domain: 'assistance', userId: null }
  const covered = (...zones: string[]) => ({ ...rotationEvent, payload: { coveredZoneIds: zones } })
  const plannerB = actor({ role: 'planner', zoneId: 'B', associationId: null })
  const officerC = actor({ role: 'officer', zoneId: 'C', associationId: null })
  const wide: Grant[] = [{ agreementId: 'h', associationId: 'X', zoneIds: ['A', 'C'], domains: ['assistance'] }]

  it('reach any role of a covered zone and the association admin, whatever the agreements', () => {
    expect(mayReceive(planner, covered('A', 'B'), [])).toBe(true)
    expect(mayReceive(plannerB, covered('A', 'B'), [])).toBe(true)
    expect(mayReceive(admin, covered('A', 'B'), [])).toBe(true)
  })

  it('not a partner zone outside the rotation, even with the domain shared with its first zone', () => {
    // Without coveredZoneIds the agreement A–C would deliver it to zone C.
    expect(mayReceive(officerC, rotationEvent, wide)).toBe(true)
    expect(mayReceive(officerC, covered('A', 'B'), wide)).toBe(false)
    expect(mayReceive(actor({ role: 'admin', zoneId: null, associationId: 'Y' }), covered('A', 'B'), wide)).toBe(false)
  })
})
