import { describe, expect, it } from 'vitest'
import {
  auditZones,
  canManageAgreement,
  canRecordApproval,
  canSeeAgreement,
  canSeeAssociationFigures,
  decideZoneAccess,
  partnerReach,
  type Actor,
  type Grant,
} from './policy.ts'
import type { Role } from './schema.ts'

const actor = (role: Role, zoneId: string | null, associationId: string | null = null): Actor => ({
  userId: `u-${role}-${zoneId ?? associationId}`,
  email: 'x@example.be',
  displayName: 'X',
  locale: 'nl',
  personId: null,
  homeZoneId: zoneId,
  roles: [{ role, zoneId, associationId }],
})

// Zones A and B share assistance and dpo; C is in another association with D.
const grants: Grant[] = [
  { agreementId: 'ag-ab', associationId: 'as-1', zoneIds: ['A', 'B'], domains: ['assistance', 'dpo'] },
  { agreementId: 'ag-cd', associationId: 'as-2', zoneIds: ['C', 'D'], domains: ['training'] },
]

describe('policy: zone data', () => {
  it('allows own zone without any agreement', () => {
    expect(
      decideZoneAccess(actor('planner', 'A'), 'people.read', { zoneId: 'A', domains: ['assistance'] }, []),
    ).toEqual({
      allowed: true,
      basis: 'own',
    })
  })

  it('allows a partner zone only through a domain both share in an agreement in force', () => {
    const a = actor('planner', 'A')
    expect(decideZoneAccess(a, 'people.read', { zoneId: 'B', domains: ['assistance'] }, grants)).toEqual({
      allowed: true,
      basis: 'partner',
      domain: 'assistance',
      agreementId: 'ag-ab',
    })
    expect(decideZoneAccess(a, 'people.read', { zoneId: 'B', domains: ['training'] }, grants)).toEqual({
      allowed: false,
    })
  })

  it('never reaches another association', () => {
    expect(
      decideZoneAccess(actor('korpschef', 'A'), 'people.read', { zoneId: 'C', domains: ['training'] }, grants),
    ).toEqual({
      allowed: false,
    })
  })

  it('denies when the role lacks the permission, even in the own zone', () => {
    expect(decideZoneAccess(actor('officer', 'A'), 'audit.verify', { zoneId: 'A', domains: [] }, grants).allowed).toBe(
      false,
    )
  })

  it('gives no partner reach without an agreement in force (ended agreements are not in grants)', () => {
    expect(partnerReach(actor('planner', 'A'), 'people.read', [])).toEqual([])
  })
})

describe('policy: agreements', () => {
  const ab = { associationId: 'as-1', partyZoneIds: ['A', 'B'] }
  it('shows an agreement to its parties and the association admin only', () => {
    expect(canSeeAgreement(actor('officer', 'B'), ab)).toBe(true)
    expect(canSeeAgreement(actor('korpschef', 'C'), ab)).toBe(false)
    expect(canSeeAgreement(actor('admin', null, 'as-1'), ab)).toBe(true)
    expect(canSeeAgreement(actor('admin', null, 'as-2'), ab)).toBe(false)
  })
  it('lets only korpschefs of parties and the admin manage', () => {
    expect(canManageAgreement(actor('korpschef', 'A'), ab)).toBe(true)
    expect(canManageAgreement(actor('planner', 'A'), ab)).toBe(false)
    expect(canManageAgreement(actor('admin', null, 'as-1'), ab)).toBe(true)
  })
  it('lets a korpschef record a decision for their own zone only', () => {
    expect(canRecordApproval(actor('korpschef', 'A'), ab, 'A')).toBe(true)
    expect(canRecordApproval(actor('korpschef', 'A'), ab, 'B')).toBe(false)
    expect(canRecordApproval(actor('admin', null, 'as-1'), ab, 'B')).toBe(true)
  })
})

describe('policy: figures and audit', () => {
  it('shows association figures to zones party to an agreement of it in force', () => {
    expect(canSeeAssociationFigures(actor('officer', 'A'), 'as-1', grants)).toBe(true)
    expect(canSeeAssociationFigures(actor('officer', 'C'), 'as-1', grants)).toBe(false)
    expect(canSeeAssociationFigures(actor('admin', null, 'as-2'), 'as-2', [])).toBe(true)
  })
  it('lets a DPO verify their own chain and the chains of zones sharing the dpo domain', () => {
    expect(auditZones(actor('dpo', 'A'), grants).sort()).toEqual(['A', 'B'])
    expect(auditZones(actor('dpo', 'C'), grants)).toEqual(['C'])
    expect(auditZones(actor('korpschef', 'A'), grants)).toEqual([])
  })
})
