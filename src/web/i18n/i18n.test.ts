// The type system already refuses a missing key in fr.ts/en.ts; this also holds at run time, and checks
// what types cannot: no empty strings, and the same placeholders in every language.
import { describe, expect, it } from 'vitest'
import { AUDIT_ACTIONS as SERVER_AUDIT_ACTIONS } from '../../server/platform/audit.ts'
import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  APPROVAL_BODIES,
  APPROVAL_DECISIONS,
  CALOG_LEVELS,
  DOMAIN_CATEGORIES,
  DOMAIN_CODES,
  LOCALES,
  QUALIFICATION_CODES,
  RANKS,
  REGIONS,
  ROLES,
  STAFF_KINDS,
} from '../../server/platform/enums.ts'
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

  it('labels every code of enums.ts and every audit action of the API', () => {
    const codes = [
      ...DOMAIN_CODES.map((c) => `domain.${c}`),
      ...DOMAIN_CATEGORIES.map((c) => `domainCategory.${c}`),
      ...REGIONS.map((c) => `region.${c}`),
      ...RANKS.map((c) => `rank.${c}`),
      ...STAFF_KINDS.map((c) => `staffKind.${c}`),
      ...CALOG_LEVELS.map((c) => `calogLevel.${c}`),
      ...QUALIFICATION_CODES.map((c) => `qualification.${c}`),
      ...ROLES.map((c) => `role.${c}`),
      ...LOCALES.map((c) => `locale.${c}`),
      ...APPROVAL_BODIES.map((c) => `approvalBody.${c}`),
      ...APPROVAL_DECISIONS.map((c) => `decision.${c}`),
      ...AGREEMENT_STATUSES.map((c) => `agreementStatus.${c}`),
      ...AGREEMENT_KINDS.map((c) => `agreementKind.${c}`),
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
