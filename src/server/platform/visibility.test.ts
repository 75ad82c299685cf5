import { describe, expect, it } from 'vitest'
import type { Grant } from './policy.ts'
import { limitDomains, partnerZoneIds, visibilityScope } from './visibility.ts'

const grant = (agreementId: string, zoneIds: string[], domains: string[]): Grant => ({
  agreementId,
  associationId: 'assoc',
  zoneIds,
  domains,
})

describe('visibilityScope', () => {
  it('pairs each own zone only with the partners of its own agreements, per domain', () => {
    // A viewer in zones A and B: A shares x with C, B shares y with D, and A–B share z (both own: no reason needed).
    const scope = visibilityScope(
      ['A', 'B'],
      [grant('1', ['A', 'C'], ['x']), grant('2', ['B', 'D'], ['y']), grant('3', ['A', 'B'], ['z'])],
      '2026-01-01',
    )
    expect(scope.reach).toEqual([
      { viewerZoneId: 'A', ownerZoneId: 'C', domain: 'x' },
      { viewerZoneId: 'B', ownerZoneId: 'D', domain: 'y' },
    ])
    expect(partnerZoneIds(scope)).toEqual(['C', 'D'])
    // A reason at C that names B as its partner is not backed: no agreement lists a domain for B and C.
    expect(scope.reach.some((r) => r.viewerZoneId === 'B' && r.ownerZoneId === 'C')).toBe(false)
  })

  it('ignores agreements the viewer is no party to, and counts a path once', () => {
    const scope = visibilityScope(
      ['A'],
      [grant('1', ['C', 'D'], ['x']), grant('2', ['A', 'C'], ['x']), grant('3', ['A', 'C'], ['x', 'y'])],
      '2026-01-01',
    )
    expect(scope.reach).toEqual([
      { viewerZoneId: 'A', ownerZoneId: 'C', domain: 'x' },
      { viewerZoneId: 'A', ownerZoneId: 'C', domain: 'y' },
    ])
    expect(limitDomains(scope, ['y']).reach).toEqual([{ viewerZoneId: 'A', ownerZoneId: 'C', domain: 'y' }])
  })
})
