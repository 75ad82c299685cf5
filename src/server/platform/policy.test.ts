import { describe, expect, it } from 'vitest'
import {
  decide,
  decideIn,
  holds,
  POLICY,
  RULES,
  scopeFrom,
  type Actor,
  type Grant,
  type Membership,
  type Rule,
  type Target,
} from './policy.ts'
import { fixedContext } from './policy/context.ts'
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
const on = (a: Actor, rule: Rule, target: Target, g: readonly Grant[] = grants, memberships: Membership[] = []) =>
  decideIn(scopeFrom({ actor: a, date: '2026-01-01', grants: g, memberships }, rule), target)

describe('policy: the table', () => {
  it('has one described row per rule, and every seenThrough names a rule', () => {
    for (const rule of RULES) {
      const row = POLICY[rule] as { doc: string; seenThrough?: string }
      expect(row.doc.length, rule).toBeGreaterThan(20)
      if (row.seenThrough) expect(RULES).toContain(row.seenThrough)
    }
  })
  it('answers the route-level question: anonymous only for public, a role must hold the rule', () => {
    expect(holds(null, 'public')).toBe(true)
    expect(holds(null, 'self')).toBe(false)
    expect(holds(actor('officer', 'A'), 'self')).toBe(true)
    expect(holds(actor('officer', 'A'), 'audit.read')).toBe(false)
    expect(holds(actor('dpo', 'A'), 'audit.read')).toBe(true)
    expect(holds(actor('admin', null, 'as-1'), 'person.read')).toBe(false)
    expect(holds(actor('admin', null, 'as-1'), 'account.manage')).toBe(true)
    expect(holds(actor('planner', 'A'), 'agreement.manage')).toBe(false)
  })
})

describe('policy: zone data', () => {
  it('allows own zone without any agreement', () => {
    expect(on(actor('planner', 'A'), 'person.read', { zoneIds: ['A'], domains: ['assistance'] }, [])).toEqual({
      allowed: true,
      basis: 'own',
    })
  })

  it('allows a partner zone only through a domain both share in an agreement in force', () => {
    const a = actor('planner', 'A')
    expect(on(a, 'person.read', { zoneIds: ['B'], domains: ['assistance'] })).toEqual({
      allowed: true,
      basis: 'partner',
      domain: 'assistance',
      agreementId: 'ag-ab',
    })
    expect(on(a, 'person.read', { zoneIds: ['B'], domains: ['training'] })).toEqual({ allowed: false })
  })

  it('never reaches another association', () => {
    expect(on(actor('korpschef', 'A'), 'person.read', { zoneIds: ['C'], domains: ['training'] })).toEqual({
      allowed: false,
    })
  })

  it('denies when the role lacks the permission, even in the own zone', () => {
    expect(on(actor('officer', 'A'), 'audit.read', { zoneIds: ['A'] }).allowed).toBe(false)
  })

  it('gives no partner reach without an agreement in force (ended agreements are not in grants)', () => {
    expect(
      scopeFrom({ actor: actor('planner', 'A'), date: '2026-01-01', grants: [], memberships: [] }, 'person.read').reach,
    ).toEqual([])
  })

  it('scope(person.read) is the visibility scope of the own zones and the agreements in force', () => {
    const s = scopeFrom({ actor: actor('planner', 'A'), date: '2026-01-01', grants, memberships: [] }, 'person.read')
    expect(s).toMatchObject({ ownZoneIds: ['A'], date: '2026-01-01' })
    expect(s.reach).toEqual([
      { viewerZoneId: 'A', ownerZoneId: 'B', domain: 'assistance' },
      { viewerZoneId: 'A', ownerZoneId: 'B', domain: 'dpo' },
    ])
  })
})

describe('policy: agreements', () => {
  const ab: Target = { associationIds: ['as-1'], zoneIds: ['A', 'B'] }
  it('shows an agreement to its parties and the association admin only', () => {
    expect(on(actor('officer', 'B'), 'agreement.read', ab).allowed).toBe(true)
    expect(on(actor('korpschef', 'C'), 'agreement.read', ab).allowed).toBe(false)
    expect(on(actor('admin', null, 'as-1'), 'agreement.read', ab)).toEqual({
      allowed: true,
      basis: 'admin',
      associationId: 'as-1',
    })
    expect(on(actor('admin', null, 'as-2'), 'agreement.read', ab).allowed).toBe(false)
  })
  it('lets only korpschefs of parties and the admin manage', () => {
    expect(on(actor('korpschef', 'A'), 'agreement.manage', ab).allowed).toBe(true)
    expect(on(actor('planner', 'A'), 'agreement.manage', ab).allowed).toBe(false)
    expect(on(actor('admin', null, 'as-1'), 'agreement.manage', ab).allowed).toBe(true)
  })
  it('lets a korpschef record a decision for their own zone only (the admin: any party, on its behalf)', () => {
    const forZone = (zoneId: string): Target => ({ associationIds: ['as-1'], zoneIds: [zoneId] })
    expect(on(actor('korpschef', 'A'), 'agreement.approve', forZone('A'))).toEqual({ allowed: true, basis: 'own' })
    expect(on(actor('korpschef', 'A'), 'agreement.approve', forZone('B')).allowed).toBe(false)
    expect(on(actor('admin', null, 'as-1'), 'agreement.approve', forZone('B'))).toMatchObject({ basis: 'admin' })
  })
})

describe('policy: figures and audit', () => {
  it('shows association figures to zones party to an agreement of it in force', async () => {
    expect(on(actor('officer', 'A'), 'figures.read', { associationIds: ['as-1'] }).allowed).toBe(true)
    expect(on(actor('officer', 'C'), 'figures.read', { associationIds: ['as-1'] }).allowed).toBe(false)
    const admin = fixedContext(actor('admin', null, 'as-2'), { date: '2026-01-01' })
    expect((await decide(admin, 'figures.read', { associationIds: ['as-2'] })).allowed).toBe(true)
  })
  it('lets a DPO verify their own chain and the chains of zones sharing the dpo domain', () => {
    const zones = (a: Actor) => {
      const s = scopeFrom({ actor: a, date: '2026-01-01', grants, memberships: [] }, 'audit.read')
      return [...new Set([...s.ownZoneIds, ...s.reach.map((r) => r.ownerZoneId)])].sort()
    }
    expect(zones(actor('dpo', 'A'))).toEqual(['A', 'B'])
    expect(zones(actor('dpo', 'C'))).toEqual(['C'])
    expect(zones(actor('korpschef', 'A'))).toEqual([])
    expect(on(actor('dpo', 'A'), 'audit.read', { zoneIds: ['B'] })).toMatchObject({ basis: 'partner', domain: 'dpo' })
  })
})

// availability (issue 8): `self` over the actor's own person, `zone` through listed roles only
describe('policy: availability', () => {
  const withPerson = (role: Role, zoneId: string): Actor => ({ ...actor(role, zoneId), personId: `p-${role}` })
  const entryOf = (personId: string, zoneId: string): Target => ({ zoneIds: [zoneId], personId })

  it('lets every zone role reach its own person, and only the planner and korpschef their zone colleagues', () => {
    for (const role of ['officer', 'trainer', 'planner'] as const)
      expect(on(withPerson(role, 'A'), 'availability.manage', entryOf(`p-${role}`, 'A'))).toMatchObject({
        allowed: true,
        basis: 'self',
      })
    expect(on(withPerson('officer', 'A'), 'availability.read', entryOf('p-other', 'A')).allowed).toBe(false)
    expect(on(withPerson('planner', 'A'), 'availability.read', entryOf('p-other', 'A'))).toMatchObject({ basis: 'own' })
    expect(on(withPerson('korpschef', 'A'), 'availability.manage', entryOf('p-other', 'A')).allowed).toBe(true)
  })

  it('gives a partner zone no reach, even under an agreement in force', () => {
    expect(on(withPerson('planner', 'A'), 'availability.read', entryOf('p-other', 'B')).allowed).toBe(false)
  })

  it('lists only the zones where the actor plans; an account without a person owns nothing', () => {
    const s = (a: Actor, rule: Rule) => scopeFrom({ actor: a, date: '2026-01-01', grants, memberships: [] }, rule)
    expect(s(withPerson('officer', 'A'), 'availability.read').zoneIds).toEqual([])
    expect(s(withPerson('planner', 'A'), 'availability.read').zoneIds).toEqual(['A'])
    expect(on(actor('officer', 'A'), 'availability.read', entryOf('p-officer', 'A')).allowed).toBe(false)
  })

  it('keeps preferences to their person: a rule without `zone` reaches no zone object', () => {
    expect(on(withPerson('planner', 'A'), 'preference.manage', entryOf('p-other', 'A')).allowed).toBe(false)
    expect(on(withPerson('planner', 'A'), 'preference.manage', entryOf('p-planner', 'A')).allowed).toBe(true)
  })
})
