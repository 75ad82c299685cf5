// Writes the demo data set (data.ts) in one transaction. Idempotent: a database that already holds the
// association `wvl4` is left alone, so every start in demo mode may call it. Rows go in multi-row inserts of
// at most BATCH_SIZE, which keeps seeding ~1,600 people fast on PGlite (one round trip per batch, not per row).
import { sql, type Kysely, type Transaction } from 'kysely'
import { contentHash } from '../features/agreements/domain.ts'
import type { DB } from '../platform/schema.ts'
import { addReasons, type NewReason } from '../platform/visibility.ts'
import { demoData, type DemoData, type PersonRef } from './data.ts'

export const BATCH_SIZE = 500

/** Any constant will do: it only has to differ from the migration runner's lock (7305001). */
const SEED_LOCK = 7305002

export interface SeedResult {
  seeded: boolean
  counts: Record<string, number>
}

type Trx = Transaction<DB>

export function chunks<T>(rows: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size))
  return out
}

/** Runs `insert` per batch, in order, and concatenates what the batches return. */
async function inBatches<T, R>(rows: readonly T[], insert: (batch: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = []
  for (const batch of chunks(rows)) out.push(...(await insert(batch)))
  return out
}

async function eachBatch<T>(rows: readonly T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (const batch of chunks(rows)) await insert(batch)
}

const lookup = <V>(map: ReadonlyMap<string, V>, key: string, what: string): V => {
  const value = map.get(key)
  if (value === undefined) throw new Error(`demo seed: unknown ${what} "${key}"`)
  return value
}

const idsBy = <R extends { id: string }>(rows: readonly R[], key: (r: R) => string): Map<string, string> =>
  new Map(rows.map((r) => [key(r), r.id]))

const personKey = (ref: PersonRef): string => `${ref.zoneCode}|${ref.employeeNumber}`

export async function seedDemo(db: Kysely<DB>, options: { passwordHash: string }): Promise<SeedResult> {
  return db.transaction().execute(async (trx) => {
    // Two processes starting at once on one PostgreSQL database: the second waits, then sees the data.
    await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx)
    const existing = await trx.selectFrom('associations').select('id').where('code', '=', 'wvl4').executeTakeFirst()
    if (existing) return { seeded: false, counts: {} }
    return { seeded: true, counts: await insertDemo(trx, demoData(), options.passwordHash) }
  })
}

async function insertDemo(trx: Trx, data: DemoData, passwordHash: string): Promise<Record<string, number>> {
  const zoneIds = await insertPublicFacts(trx, data)
  const agreements = await insertAgreements(trx, data, zoneIds)
  const people = await insertPeople(trx, data, zoneIds)
  const accounts = await insertAccounts(
    trx,
    data,
    { zoneIds, associationIds: agreements.associationIds, personIds: people.ids },
    passwordHash,
  )
  return {
    zones: data.zones.length,
    municipalities: data.municipalities.length,
    ...agreements.counts,
    ...people.counts,
    ...accounts,
  }
}

async function insertPublicFacts(trx: Trx, data: DemoData): Promise<Map<string, string>> {
  const zoneRows = await trx
    .insertInto('zones')
    .values(data.zones.map((z) => ({ code: z.code, name: z.name, region: z.region, valid_from: null, valid_to: null })))
    .returning(['id', 'code'])
    .execute()
  const zoneIds = idsBy(zoneRows, (z) => z.code)

  // Municipalities that merged point at the new one: insert the others first, then these with the new ids.
  const municipality = (m: DemoData['municipalities'][number], mergedIntoId: string | null) => ({
    nis_code: m.nisCode,
    name: m.name,
    zone_id: lookup(zoneIds, m.zoneCode, 'zone'),
    population: m.population,
    population_year: m.populationYear,
    area_km2: m.areaKm2,
    valid_from: m.validFrom,
    valid_to: m.validTo,
    merged_into_id: mergedIntoId,
    note: m.note,
  })
  const lasting = data.municipalities.filter((m) => m.mergedIntoNisCode === null)
  const merged = data.municipalities.filter((m) => m.mergedIntoNisCode !== null)
  const lastingRows = await trx
    .insertInto('municipalities')
    .values(lasting.map((m) => municipality(m, null)))
    .returning(['id', 'nis_code'])
    .execute()
  const municipalityIds = idsBy(lastingRows, (m) => m.nis_code)
  await trx
    .insertInto('municipalities')
    .values(merged.map((m) => municipality(m, lookup(municipalityIds, m.mergedIntoNisCode ?? '', 'municipality'))))
    .execute()
  return zoneIds
}

interface AgreementIds {
  associationIds: Map<string, string>
  counts: Record<string, number>
}

async function insertAgreements(trx: Trx, data: DemoData, zoneIds: Map<string, string>): Promise<AgreementIds> {
  const associationRows = await trx
    .insertInto('associations')
    .values(data.associations.map((a) => ({ code: a.code, name: a.name, description: a.description })))
    .returning(['id', 'code'])
    .execute()
  const associationIds = idsBy(associationRows, (a) => a.code)
  const memberships = data.associations.flatMap((a) =>
    a.members.map((m) => ({
      association_id: lookup(associationIds, a.code, 'association'),
      zone_id: lookup(zoneIds, m.zoneCode, 'zone'),
      valid_from: m.validFrom,
    })),
  )
  await trx.insertInto('association_memberships').values(memberships).execute()

  const municipalityIds = idsBy(
    await trx.selectFrom('municipalities').select(['id', 'nis_code']).execute(),
    (m) => m.nis_code,
  )
  // One by one, in order: few rows, and a later agreement may supersede an earlier one.
  const agreementIds = new Map<string, string>()
  const counts = {
    associations: associationRows.length,
    memberships: memberships.length,
    agreements: 0,
    parties: 0,
    domains: 0,
    approvals: 0,
    keyFigures: 0,
  }
  for (const a of data.agreements) {
    const partyZoneIds = a.parties.map((zoneCode) => lookup(zoneIds, zoneCode, 'zone'))
    // The content the seeded approvals approve (see features/agreements/domain.ts): they must bind it.
    const hash = contentHash({
      partyZoneIds,
      domains: a.domains,
      effectiveFrom: a.effectiveFrom,
      effectiveTo: a.effectiveTo,
      trialMonths: a.trialMonths,
      keyFigures: a.keyFigures && {
        municipalities: a.keyFigures.municipalitiesCount,
        areaKm2: a.keyFigures.areaKm2,
        staff: a.keyFigures.staffCount,
        budgetOrdinaryCents: a.keyFigures.budgetOrdinaryCents,
        budgetExtraordinaryCents: a.keyFigures.budgetExtraordinaryCents,
        budgetTotalCents: a.keyFigures.budgetTotalCents,
      },
    })
    const { id } = await trx
      .insertInto('agreements')
      .values({
        association_id: lookup(associationIds, a.associationCode, 'association'),
        kind: a.kind,
        title: a.title,
        version: a.version,
        status: a.status,
        signed_on: a.signedOn,
        effective_from: a.effectiveFrom,
        effective_to: a.effectiveTo,
        trial_months: a.trialMonths,
        summary: a.summary,
        supersedes_id: a.supersedesKey === null ? null : lookup(agreementIds, a.supersedesKey, 'agreement'),
        content_hash: hash,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    agreementIds.set(a.key, id)
    const parties = partyZoneIds.map((zone_id) => ({ agreement_id: id, zone_id }))
    await trx.insertInto('agreement_parties').values(parties).execute()
    await trx
      .insertInto('agreement_domains')
      .values(a.domains.map((domain_code) => ({ agreement_id: id, domain_code })))
      .execute()
    if (a.approvals.length > 0)
      await trx
        .insertInto('agreement_approvals')
        .values(
          a.approvals.map((ap) => ({
            agreement_id: id,
            zone_id: lookup(zoneIds, ap.zoneCode, 'zone'),
            body: ap.body,
            municipality_id:
              ap.municipalityNisCode === null ? null : lookup(municipalityIds, ap.municipalityNisCode, 'municipality'),
            decision: ap.decision,
            decided_on: ap.decidedOn,
            date_precision: ap.datePrecision,
            note: ap.note,
            content_hash: hash,
          })),
        )
        .execute()
    if (a.keyFigures) {
      const f = a.keyFigures
      await trx
        .insertInto('agreement_key_figures')
        .values({
          agreement_id: id,
          municipalities_count: f.municipalitiesCount,
          area_km2: f.areaKm2,
          staff_count: f.staffCount,
          budget_ordinary_cents: f.budgetOrdinaryCents,
          budget_extraordinary_cents: f.budgetExtraordinaryCents,
          budget_total_cents: f.budgetTotalCents,
        })
        .execute()
      counts.keyFigures++
    }
    counts.agreements++
    counts.parties += parties.length
    counts.domains += a.domains.length
    counts.approvals += a.approvals.length
  }
  return { associationIds, counts }
}

async function insertPeople(
  trx: Trx,
  data: DemoData,
  zoneIds: Map<string, string>,
): Promise<{ ids: Map<string, string>; counts: Record<string, number> }> {
  const rows = await inBatches(data.people, (batch) =>
    trx
      .insertInto('people')
      .values(
        batch.map((p) => ({
          zone_id: lookup(zoneIds, p.zoneCode, 'zone'),
          employee_number: p.employeeNumber,
          first_name: p.firstName,
          last_name: p.lastName,
          staff_kind: p.staffKind,
          rank: p.rank,
          calog_level: p.calogLevel,
          fte: p.fte,
          work_phone: p.workPhone,
          work_email: p.workEmail,
          employed_from: p.employedFrom,
        })),
      )
      .returning(['id', 'employee_number'])
      .execute(),
  )
  // Employee numbers start with the zone code, so they are unique across zones too.
  const ids = idsBy(rows, (r) => r.employee_number)
  const byRef = new Map(data.people.map((p) => [personKey(p), lookup(ids, p.employeeNumber, 'person')]))

  const qualifications = data.people.flatMap((p) =>
    p.qualifications.map((q) => ({
      person_id: lookup(byRef, personKey(p), 'person'),
      qualification_code: q.code,
      obtained_on: q.obtainedOn,
    })),
  )
  await eachBatch(qualifications, (batch) => trx.insertInto('person_qualifications').values(batch).execute())
  // A shared function is a visibility reason open to every partner zone of its domain (migration 0007).
  const functions: NewReason[] = data.sharedFunctions.map((f) => ({
    personId: lookup(byRef, personKey(f), 'person'),
    ownerZoneId: lookup(zoneIds, f.zoneCode, 'zone'),
    partnerZoneId: null,
    domain: f.domainCode,
    kind: 'shared_function',
    source: null,
    from: f.validFrom,
    to: null,
  }))
  await eachBatch(functions, (batch) => addReasons(trx, batch))
  return {
    ids: byRef,
    counts: { people: rows.length, qualifications: qualifications.length, sharedFunctions: functions.length },
  }
}

async function insertAccounts(
  trx: Trx,
  data: DemoData,
  ids: { zoneIds: Map<string, string>; associationIds: Map<string, string>; personIds: Map<string, string> },
  passwordHash: string,
): Promise<Record<string, number>> {
  const { zoneIds, associationIds, personIds } = ids
  const users = await inBatches(data.accounts, (batch) =>
    trx
      .insertInto('users')
      .values(
        batch.map((a) => ({
          email: a.email,
          password_hash: passwordHash,
          display_name: a.displayName,
          person_id: a.person === null ? null : lookup(personIds, personKey(a.person), 'person'),
          locale: a.locale,
        })),
      )
      .returning(['id', 'email'])
      .execute(),
  )
  const userIds = idsBy(users, (u) => u.email)
  const roles = data.accounts.flatMap((a) =>
    a.roles.map((r) => ({
      user_id: lookup(userIds, a.email, 'user'),
      role: r.role,
      zone_id: r.zoneCode === null ? null : lookup(zoneIds, r.zoneCode, 'zone'),
      association_id: r.associationCode === null ? null : lookup(associationIds, r.associationCode, 'association'),
    })),
  )
  await eachBatch(roles, (batch) => trx.insertInto('user_roles').values(batch).execute())
  return { users: users.length, userRoles: roles.length }
}
