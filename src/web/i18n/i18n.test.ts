// The type system already refuses a missing key in fr.ts/en.ts; this also holds at run time, and checks
// what types cannot: no empty strings, and the same placeholders in every language.
import { describe, expect, it } from 'vitest'
import { AUDIT_ACTIONS as SERVER_AUDIT_ACTIONS } from '../../server/platform/audit.ts'
import { AUDIT_ACTIONS } from '../features/audit/filters.ts'
import { en } from './en.ts'
import { fr } from './fr.ts'
import { nl } from './nl.ts'
import { hasKey, translate, type Dictionary } from './translate.ts'

const dictionaries: Record<string, Dictionary> = { nl, fr, en }
const placeholders = (s: string): string[] => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort()
const sortedKeys = (d: Dictionary): string[] => Object.keys(d).sort()

describe('dictionaries', () => {
  it('have exactly the same keys', () => {
    expect(sortedKeys(fr)).toEqual(sortedKeys(nl))
    expect(sortedKeys(en)).toEqual(sortedKeys(nl))
  })

  for (const [name, dictionary] of Object.entries(dictionaries)) {
    it(`${name} has no empty strings`, () => {
      const empty = Object.entries(dictionary).filter(([, value]) => value.trim() === '')
      expect(empty).toEqual([])
    })
    it(`${name} uses the same placeholders as nl`, () => {
      const mismatched = Object.entries(dictionary)
        .filter(([key, value]) => hasKey(nl, key) && placeholders(value).join() !== placeholders(nl[key]).join())
        .map(([key]) => key)
      expect(mismatched).toEqual([])
    })
    it(`${name} plural messages have exactly two forms`, () => {
      const broken = Object.entries(dictionary).filter(([, value]) => value.split('|').length > 2)
      expect(broken).toEqual([])
    })
  }

  it('labels every cooperation domain, rank, qualification, role and audit action of the API', () => {
    const codes = [
      ...[
        'permanence.officer_of_duty',
        'permanence.shift_leader',
        'permanence.victim_support',
        'permanence.investigation',
        'assistance',
        'youth_social_police',
        'informant_management',
        'judicial_actions',
        'traffic_enforcement',
        'training',
        'equipment',
        'investment',
        'ict',
        'internal_oversight',
        'dpo',
        'internal_care',
        'prevention_at_work',
        'lccu',
        'livc',
        'legal_support',
        'briefing',
        'administrative_enforcement',
      ].map((c) => `domain.${c}`),
      ...['agent', 'inspecteur', 'hoofdinspecteur', 'commissaris', 'hoofdcommissaris'].map((c) => `rank.${c}`),
      ...['A', 'B', 'C', 'D'].map((c) => `calogLevel.${c}`),
      ...[
        'ogp',
        'obp',
        'victim_support',
        'firearms_instructor',
        'first_aid',
        'priority_driving',
        'drone_pilot',
        'informant_handler',
      ].map((c) => `qualification.${c}`),
      ...['korpschef', 'planner', 'officer', 'logistics', 'finance', 'trainer', 'dpo', 'admin'].map((c) => `role.${c}`),
      ...['gemeenteraad', 'politieraad', 'politiecollege'].map((c) => `approvalBody.${c}`),
      ...['draft', 'in_approval', 'in_force', 'ended'].map((c) => `agreementStatus.${c}`),
      ...[
        'intentieverklaring',
        'engagementsverklaring',
        'associatieprotocol',
        'associatieovereenkomst',
        'samenwerkingsprotocol',
      ].map((c) => `agreementKind.${c}`),
      ...['UNAUTHENTICATED', 'NOT_FOUND', 'NETWORK_ERROR'].map((c) => `error.${c}`),
      ...SERVER_AUDIT_ACTIONS.map((c) => `auditAction.${c}`),
      ...['hash_mismatch', 'chain_link_broken', 'sequence_gap', 'head_mismatch'].map((c) => `auditReason.${c}`),
    ]
    expect(codes.filter((key) => !hasKey(nl, key))).toEqual([])
  })
})

describe('audit actions', () => {
  it("the audit filter offers exactly the server's AuditAction list", () => {
    expect([...AUDIT_ACTIONS].sort()).toEqual([...SERVER_AUDIT_ACTIONS].sort())
  })
})

describe('translate', () => {
  it('fills placeholders and formats numbers the Belgian way', () => {
    expect(translate(nl, 'nl', 'people.range', { from: 1, to: 50, total: 1234 })).toBe('1–50 van 1.234')
  })
  it('picks singular or plural with the language’s own rules', () => {
    expect(translate(nl, 'nl', 'people.count', { n: 1 })).toBe('1 persoon')
    expect(translate(nl, 'nl', 'people.count', { n: 0 })).toBe('0 personen')
    expect(translate(fr, 'fr', 'people.count', { n: 0 })).toBe('0 personne')
    expect(translate(en, 'en', 'people.count', { n: 3 })).toBe('3 people')
  })
  it('leaves an unknown placeholder visible rather than inventing a value', () => {
    expect(translate(nl, 'nl', 'people.range', { from: 1 })).toBe('1–{to} van {total}')
  })
})
