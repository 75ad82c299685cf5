import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { latestDay } from '../features/agreements/domain.ts'
import { MIGRATIONS_DIR } from '../platform/migrate.ts'
import {
  checkBudget,
  DEMO_ADMIN_EMAIL,
  demoAccountEmail,
  demoData,
  SHARED_DPO_ZONE,
  WVL4_KEY_FIGURES,
  ZONE_ROLES,
  type DemoPerson,
} from './data.ts'
import { parseMunicipalities } from './municipalities.ts'
import { rankPlan, workPhone } from './people.ts'

const data = demoData()
const migration = readFileSync(`${MIGRATIONS_DIR}/0001_foundation.sql`, 'utf8')

/** The codes of a catalogue INSERT in the migration, e.g. `INSERT INTO cooperation_domains (...) VALUES ('a', …), …;`. */
function catalogue(table: string): Set<string> {
  const insert = new RegExp(`INSERT INTO ${table} \\([^)]*\\) VALUES([\\s\\S]*?);`).exec(migration)
  if (!insert?.[1]) throw new Error(`no INSERT INTO ${table} in the migration`)
  return new Set([...insert[1].matchAll(/\(\s*'([^']+)'/g)].map((m) => m[1] as string))
}

const PHONE_CHECK = /^\+[0-9 ]{8,20}$/ // people.work_phone CHECK
const EMPLOYEE_NUMBER_CHECK = /^[A-Z0-9-]{1,20}$/
const WVL4_ZONES = ['5456', '5461', '5460', '5453']
const personOf = (zoneCode: string, employeeNumber: string): DemoPerson | undefined =>
  data.people.find((p) => p.zoneCode === zoneCode && p.employeeNumber === employeeNumber)

describe('demo data', () => {
  it('is deterministic', () => {
    expect(demoData()).toEqual(demoData())
  })

  it('gives WVL4 exactly the 858 staff its protocol cites', () => {
    const wvl4 = data.people.filter((p) => WVL4_ZONES.includes(p.zoneCode))
    expect(wvl4).toHaveLength(858)
    expect(WVL4_KEY_FIGURES.staffCount).toBe(858)
    const members = data.associations.find((a) => a.code === 'wvl4')?.members.map((m) => m.zoneCode)
    expect(members?.sort()).toEqual([...WVL4_ZONES].sort())
  })

  it('has eleven zones, ten of them in the four associations and MIDOW in none', () => {
    expect(data.zones).toHaveLength(11)
    expect(data.associations.map((a) => a.code)).toEqual(['bht-heusden-zolder', 'voeren-bhr', 'houtsche-tielt', 'wvl4'])
    const members = new Set(data.associations.flatMap((a) => a.members.map((m) => m.zoneCode)))
    expect(members.size).toBe(10)
    expect(members.has('5454')).toBe(false)
  })

  describe('budget check', () => {
    it('accepts the WVL4 budget: ordinary + extraordinary = total', () => {
      const f = WVL4_KEY_FIGURES
      expect(f.budgetOrdinaryCents + f.budgetExtraordinaryCents).toBe(f.budgetTotalCents)
      expect(f.budgetTotalCents).toBe(8_907_830_000)
      expect(checkBudget(f.budgetOrdinaryCents, f.budgetExtraordinaryCents, f.budgetTotalCents)).toBe(true)
    })

    it('rejects a wrong total, the article’s misprint and non-integral cents', () => {
      expect(checkBudget(7_215_908_700, 1_691_921_300, 8_907_830_001)).toBe(false)
      expect(checkBudget(7_215_908_700, 161_921_300, 8_907_830_000)).toBe(false) // "16.19.213" read as €1,619,213
      expect(checkBudget(0.5, 0, 0.5)).toBe(false)
      expect(checkBudget(-1, 1, 0)).toBe(false)
    })
  })

  describe('municipalities', () => {
    it('belong to zones of the data set', () => {
      const zones = new Set(data.zones.map((z) => z.code))
      for (const m of data.municipalities) expect(zones, m.name).toContain(m.zoneCode)
    })

    it('resolve merged_into to the new municipality that starts on 2025-01-01', () => {
      const byNis = new Map(data.municipalities.map((m) => [m.nisCode, m]))
      const merged = data.municipalities.filter((m) => m.mergedIntoNisCode !== null)
      expect(merged.map((m) => m.name).sort()).toEqual(
        ['Bilzen', 'Ham', 'Hoeselt', 'Meulebeke', 'Ruiselede', 'Tessenderlo', 'Tielt', 'Wingene'].sort(),
      )
      for (const m of merged) {
        const target = byNis.get(m.mergedIntoNisCode ?? '')
        expect(target?.validFrom, m.name).toBe('2025-01-01')
        expect(m.validTo, m.name).toBe('2024-12-31')
      }
      // Tielt keeps its name with a new NIS code, and Meulebeke (MIDOW) joins the new Tielt.
      expect(byNis.get('37015')?.mergedIntoNisCode).toBe('37022')
      expect(byNis.get('37007')?.mergedIntoNisCode).toBe('37022')
      expect(byNis.get('37007')?.zoneCode).toBe('5454')
    })

    it('give MIDOW its five municipalities, four of them after Meulebeke joined Tielt', () => {
      const midow = data.municipalities.filter((m) => m.zoneCode === '5454')
      expect(midow.map((m) => m.name).sort()).toEqual(
        ['Dentergem', 'Ingelmunster', 'Meulebeke', 'Oostrozebeke', 'Wielsbeke'].sort(),
      )
      expect(
        midow
          .filter((m) => m.validTo === null)
          .map((m) => m.nisCode)
          .sort(),
      ).toEqual(['36007', '37002', '37010', '37017'])
    })

    it('store no prose in one language: the app explains mergers in the reader’s', () => {
      expect(data.municipalities.filter((m) => m.note !== null)).toEqual([])
    })

    it('parses the CSV columns into typed values', () => {
      const [row] = parseMunicipalities(
        'zone_name,zone_code,municipality,nis_code,population,population_year,area_km2,valid_from,valid_to,merged_into,note\nPZ X,1234,X,12345,10,2020,1.50,,2024-12-31,Y,\n',
      )
      expect(row).toEqual({
        zoneName: 'PZ X',
        zoneCode: '1234',
        municipality: 'X',
        nisCode: '12345',
        population: 10,
        populationYear: 2020,
        areaKm2: 1.5,
        validFrom: null,
        validTo: '2024-12-31',
        mergedInto: 'Y',
        note: null,
      })
    })
  })

  describe('agreements', () => {
    it('use only domain codes of the catalogue in the migration', () => {
      const domains = catalogue('cooperation_domains')
      expect(domains.size).toBe(22)
      for (const a of data.agreements) for (const d of a.domains) expect(domains, a.key).toContain(d)
      for (const f of data.sharedFunctions) expect(domains).toContain(f.domainCode)
    })

    it('are between party zones of their association, approved by party zones', () => {
      for (const a of data.agreements) {
        const members = data.associations.find((x) => x.code === a.associationCode)?.members.map((m) => m.zoneCode)
        for (const zone of a.parties) expect(members, a.key).toContain(zone)
        for (const ap of a.approvals) {
          expect(a.parties, a.key).toContain(ap.zoneCode)
          // The database: a gemeenteraad names its municipality, other bodies do not.
          expect(ap.body === 'gemeenteraad', a.key).toBe(ap.municipalityNisCode !== null)
          if (ap.municipalityNisCode !== null) {
            const m = data.municipalities.find((x) => x.nisCode === ap.municipalityNisCode)
            expect(m?.zoneCode).toBe(ap.zoneCode)
          }
          if (ap.datePrecision === 'month') expect(ap.decidedOn.endsWith('-01')).toBe(true)
        }
        if (a.status === 'in_force') expect(a.effectiveFrom).not.toBeNull()
      }
    })

    // The rule the app enforces (features/agreements/domain.ts): in force only with every party's approval,
    // and never before the last one (BHT: signed 29/02/2024, politieraad in March 2024 → from 01/04/2024).
    it('are in force only with every party approving, from the last approval on', () => {
      for (const a of data.agreements.filter((x) => x.status === 'in_force' || x.status === 'ended')) {
        for (const zone of a.parties)
          expect(
            a.approvals.some((ap) => ap.zoneCode === zone && ap.decision === 'approved'),
            `${a.key} ${zone}`,
          ).toBe(true)
        for (const ap of a.approvals)
          expect((a.effectiveFrom ?? '') >= latestDay(ap), `${a.key} ${ap.zoneCode}`).toBe(true)
      }
      const bht = data.agreements.find((a) => a.key === 'bht-hz-2024')
      expect(bht).toMatchObject({ signedOn: '2024-02-29', effectiveFrom: '2024-04-01' })
    })
  })

  describe('people', () => {
    it('use qualification codes of the catalogue in the migration', () => {
      const codes = catalogue('qualifications')
      for (const p of data.people) for (const q of p.qualifications) expect(codes).toContain(q.code)
    })

    it('give every zone exactly one korpschef, the only hoofdcommissaris or a commissaris', () => {
      for (const zone of data.zones) {
        const chiefs = data.people.filter((p) => p.zoneCode === zone.code && p.isKorpschef)
        expect(chiefs, zone.name).toHaveLength(1)
        expect(['hoofdcommissaris', 'commissaris']).toContain(chiefs[0]?.rank)
        const others = data.people.filter((p) => p.zoneCode === zone.code && !p.isKorpschef)
        expect(
          others.some((p) => p.rank === 'hoofdcommissaris'),
          zone.name,
        ).toBe(false)
      }
    })

    it('have phones, employee numbers and e-mails the database accepts, e-mails unique', () => {
      for (const p of data.people) {
        expect(p.workPhone).toMatch(PHONE_CHECK)
        expect(p.employeeNumber).toMatch(EMPLOYEE_NUMBER_CHECK)
        expect(p.workEmail).toMatch(new RegExp(`^[a-z-]+\\.[a-z-]+\\d*@${p.zoneCode}\\.politie\\.be$`))
        expect((p.rank === null) !== (p.calogLevel === null)).toBe(true)
        expect(p.fte).toBeGreaterThan(0)
        expect(p.fte).toBeLessThanOrEqual(1)
        for (const q of p.qualifications) expect(q.obtainedOn >= p.employedFrom).toBe(true)
      }
      expect(new Set(data.people.map((p) => p.workEmail)).size).toBe(data.people.length)
      expect(new Set(data.people.map((p) => p.workPhone)).size).toBe(data.people.length)
      const voeren = data.zones.find((z) => z.code === '5382')
      if (voeren) expect(workPhone(voeren, 7)).toBe('+32 4 381 00 07')
      else expect.fail('no Voeren zone')
    })

    it('are about 80% operational, and every commissaris and hoofdinspecteur holds OGP', () => {
      const operational = data.people.filter((p) => p.staffKind === 'operational').length / data.people.length
      expect(operational).toBeGreaterThan(0.78)
      expect(operational).toBeLessThan(0.82)
      const officers = data.people.filter((p) => p.rank === 'commissaris' || p.rank === 'hoofdinspecteur')
      for (const p of officers) expect(p.qualifications.map((q) => q.code)).toContain('ogp')
      const plan = rankPlan(22)
      expect(plan.korpschefRank).toBe('commissaris')
    })
  })

  describe('shared functions', () => {
    it('designate people of party zones from the agreement’s start, once per domain', () => {
      const keys = new Set<string>()
      for (const f of data.sharedFunctions) {
        const agreement = data.agreements.find(
          (a) => a.associationCode === f.associationCode && a.status === 'in_force' && a.domains.includes(f.domainCode),
        )
        expect(agreement, `${f.employeeNumber} ${f.domainCode}`).toBeDefined()
        expect(agreement?.parties).toContain(f.zoneCode)
        expect(f.validFrom >= (agreement?.effectiveFrom ?? '')).toBe(true)
        keys.add(`${f.employeeNumber}|${f.domainCode}`)
      }
      expect(keys.size).toBe(data.sharedFunctions.length)
    })

    it('put only commissarissen and OBP hoofdinspecteurs in the officer-of-duty pools', () => {
      const pool = data.sharedFunctions.filter((f) => f.domainCode === 'permanence.officer_of_duty')
      expect(new Set(pool.map((f) => f.zoneCode))).toEqual(new Set(['5373', '5375', '5382', '5381', '5447', '5448']))
      for (const f of pool) {
        const p = personOf(f.zoneCode, f.employeeNumber)
        const obp = p?.qualifications.some((q) => q.code === 'obp') ?? false
        expect(p?.rank === 'commissaris' || (p?.rank === 'hoofdinspecteur' && obp)).toBe(true)
      }
    })

    it('give WVL4 one shared DPO: a CALog A of RIHO, who is also RIHO’s dpo account', () => {
      const dpos = data.sharedFunctions.filter((f) => f.domainCode === 'dpo')
      expect(dpos).toHaveLength(1)
      const dpo = dpos[0]
      if (!dpo) return expect.fail('no shared DPO')
      expect(dpo.zoneCode).toBe(SHARED_DPO_ZONE.wvl4)
      expect(personOf(dpo.zoneCode, dpo.employeeNumber)?.calogLevel).toBe('A')
      const account = data.accounts.find((a) => a.email === demoAccountEmail('dpo', '5453'))
      expect(account?.person?.employeeNumber).toBe(dpo.employeeNumber)
    })
  })

  describe('accounts', () => {
    it('are one admin plus every zone role in every zone, with unique e-mails', () => {
      expect(data.accounts).toHaveLength(1 + 11 * ZONE_ROLES.length)
      expect(new Set(data.accounts.map((a) => a.email)).size).toBe(data.accounts.length)
      const admin = data.accounts.find((a) => a.email === DEMO_ADMIN_EMAIL)
      expect(admin?.person).toBeNull()
      expect(admin?.roles.map((r) => r.associationCode)).toEqual(data.associations.map((a) => a.code))
    })

    it('link each zone account to a distinct person of that zone who fits the role', () => {
      const linked = new Set<string>()
      for (const zone of data.zones) {
        for (const role of ZONE_ROLES) {
          const account = data.accounts.find((a) => a.email === demoAccountEmail(role, zone.code))
          expect(account, `${role}.${zone.code}`).toBeDefined()
          expect(account?.roles).toEqual([{ role, zoneCode: zone.code, associationCode: null }])
          const ref = account?.person
          expect(ref?.zoneCode).toBe(zone.code)
          const person = personOf(zone.code, ref?.employeeNumber ?? '')
          expect(person, `${role}.${zone.code}`).toBeDefined()
          if (!person || !account) continue
          expect(account.displayName).toBe(`${person.firstName} ${person.lastName}`)
          linked.add(person.employeeNumber)
          const codes = person.qualifications.map((q) => q.code)
          if (role === 'korpschef') expect(person.isKorpschef).toBe(true)
          if (role === 'officer') expect(person.rank).toBe('inspecteur')
          if (role === 'trainer') expect(codes).toContain('firearms_instructor')
          if (role === 'dpo' || role === 'finance' || role === 'logistics') expect(person.staffKind).toBe('calog')
        }
      }
      expect(linked.size).toBe(11 * ZONE_ROLES.length)
    })
  })
})
