// Factories for integration tests: each call builds fresh, uniquely named data on the test app's database, so a
// test owns what it asserts on — no dependence on the demo data's head counts or on another test's writes.
// They go through the code that owns the data where there is one (accounts: addUser; agreements: the agreements
// service, so an agreement in force really has every party's approval of its current content, as the consent
// trigger of migration 0002 demands; visibility: addReasons). Zones, associations and people have no write path
// in the app yet (the demo seed inserts them), so their factories insert the rows directly.
import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { agreementsService } from '../src/server/features/agreements/service.ts'
import { addUser } from '../src/server/platform/auth/users.ts'
import { runWithClock, systemClock, today, type Clock } from '../src/server/platform/clock.ts'
import type { AssistanceCategory, AssistanceStatus, DomainCode } from '../src/server/platform/enums.ts'
import type { Actor } from '../src/server/platform/policy.ts'
import { policyContext } from '../src/server/platform/policy/context.ts'
import type { AgreementKind, Rank, Role } from '../src/server/platform/schema.ts'
import { addReasons, type KnownReasonKind } from '../src/server/platform/visibility.ts'
import type { Session, TestApp } from './harness.ts'
import { testPasswordHash } from './passwords.ts'
import { ROTATIONS_TOPIC } from '../src/server/features/permanences/repository.ts'
import { notifyInvalidation } from '../src/server/platform/invalidation.ts'

/** A short random suffix: names and e-mails of factory data never collide, within a file or across runs. */
const unique = () => randomBytes(4).toString('hex')

// Zone codes are four digits; the demo uses real Belgian codes (5xxx). Factories count up from a random start
// in 6000–9899 and skip any code already taken.
let nextZoneCode = 6000 + Math.floor(Math.random() * 3900)

export interface ZoneRef {
  id: string
  code: string
  name: string
}

export async function makeZone(
  t: TestApp,
  opts: { name?: string; region?: 'flanders' | 'wallonia' | 'brussels' } = {},
): Promise<ZoneRef> {
  const db = t.database.db
  for (;;) {
    const code = String(nextZoneCode++)
    const taken = await db.selectFrom('zones').select('id').where('code', '=', code).executeTakeFirst()
    if (taken) continue
    const name = opts.name ?? `Testzone ${code} ${unique()}`
    const { id } = await db
      .insertInto('zones')
      .values({ code, name, region: opts.region ?? 'flanders' })
      .returning('id')
      .executeTakeFirstOrThrow()
    return { id, code, name }
  }
}

export interface AssociationRef {
  id: string
  code: string
  name: string
  zones: ZoneRef[]
}

/** An association with member zones (given, or `zoneCount` new ones, 2 by default), members since 2000. */
export async function makeAssociation(
  t: TestApp,
  opts: { zones?: ZoneRef[]; zoneCount?: number; memberFrom?: string } = {},
): Promise<AssociationRef> {
  const zones = opts.zones ?? []
  if (!opts.zones) for (let i = 0; i < (opts.zoneCount ?? 2); i++) zones.push(await makeZone(t))
  const code = `test-${unique()}`
  const name = `Testvereniging ${code}`
  const db = t.database.db
  const { id } = await db.insertInto('associations').values({ code, name }).returning('id').executeTakeFirstOrThrow()
  if (zones.length > 0)
    await db
      .insertInto('association_memberships')
      .values(zones.map((z) => ({ association_id: id, zone_id: z.id, valid_from: opts.memberFrom ?? '2000-01-01' })))
      .execute()
  return { id, code, name, zones }
}

/** The password of every factory user; hashed once per test file, at the test cost (test/passwords.ts). */
export const FACTORY_PASSWORD = 'factory-password-0f3a9c'
let passwordHash: Promise<string> | null = null

export interface UserRef {
  id: string
  email: string
  displayName: string
  role: Role
  zoneId: string | null
  associationId: string | null
}

/** An account with one role: a zone role in `scope` (a zone), or admin of `scope` (an association). */
export async function makeUser(
  t: TestApp,
  role: Role,
  scope: ZoneRef | AssociationRef,
  opts: { personId?: string } = {},
): Promise<UserRef> {
  const isAssociation = 'zones' in scope
  if ((role === 'admin') !== isAssociation)
    throw new Error(role === 'admin' ? 'makeUser: an admin needs an association' : `makeUser: a ${role} needs a zone`)
  passwordHash ??= testPasswordHash(FACTORY_PASSWORD)
  const email = `${role}.${unique()}@factory.test`
  const displayName = `Test ${role} ${scope.code}`
  const user = await addUser(t.database.db, {
    email,
    displayName,
    role,
    zoneCode: isAssociation ? null : scope.code,
    associationCode: isAssociation ? scope.code : null,
    personId: opts.personId ?? null,
    passwordHash: await passwordHash,
  })
  return {
    id: user.id,
    email: user.email,
    displayName,
    role,
    zoneId: isAssociation ? null : scope.id,
    associationId: isAssociation ? scope.id : null,
  }
}

/** A signed-in session of a factory user, through the real login route (the harness's `Session`). */
export const sessionFor = (t: TestApp, user: UserRef): Promise<Session> => t.login(user.email, FACTORY_PASSWORD)

export interface PersonRef {
  id: string
  zoneId: string
  employeeNumber: string
  firstName: string
  lastName: string
}

/** An operational member of `zone` (rank `inspecteur` by default) with the given qualifications. */
export async function makePerson(
  t: TestApp,
  opts: { zone: ZoneRef; rank?: Rank; qualifications?: string[]; employedFrom?: string },
): Promise<PersonRef> {
  const db = t.database.db
  const suffix = unique().toUpperCase()
  const employeeNumber = `${opts.zone.code}-${suffix}`
  const firstName = 'Test'
  const lastName = `Persoon ${suffix}`
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('people')
      .values({
        zone_id: opts.zone.id,
        employee_number: employeeNumber,
        first_name: firstName,
        last_name: lastName,
        staff_kind: 'operational',
        rank: opts.rank ?? 'inspecteur',
        calog_level: null,
        employed_from: opts.employedFrom ?? '2010-01-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const qualifications = opts.qualifications ?? []
    if (qualifications.length > 0)
      await trx
        .insertInto('person_qualifications')
        .values(qualifications.map((code) => ({ person_id: id, qualification_code: code, obtained_on: null })))
        .execute()
    return { id, zoneId: opts.zone.id, employeeNumber, firstName, lastName }
  })
}

/**
 * A visibility reason (platform/visibility.ts): `person` becomes visible under `domain` to `partnerZone` (or to
 * every zone an agreement in force lists with the domain, when null) from `from` (2000-01-01) to `to` (open).
 */
export async function makeVisibilityReason(
  t: TestApp,
  opts: {
    person: PersonRef
    domain: string
    partnerZone?: ZoneRef | null
    kind?: KnownReasonKind | (string & {})
    from?: string
    to?: string | null
  },
): Promise<string> {
  const [id] = await t.database.db.transaction().execute((trx) =>
    addReasons(trx, [
      {
        personId: opts.person.id,
        ownerZoneId: opts.person.zoneId,
        partnerZoneId: opts.partnerZone?.id ?? null,
        domain: opts.domain,
        kind: opts.kind ?? 'shared_function',
        source: null,
        from: opts.from ?? '2000-01-01',
        to: opts.to ?? null,
      },
    ]),
  )
  if (!id) throw new Error('makeVisibilityReason: no row written')
  return id
}

export interface AgreementRef {
  id: string
  associationId: string
  partyZoneIds: string[]
  domains: string[]
  status: 'draft' | 'in_force'
}

/**
 * An agreement of `association` between `parties` (all its zones by default) on `domains`. In force (the
 * default) it is made the way the app makes one: created, put in approval, approved by every party for its
 * current content (recorded by the association's admin on the zone's behalf), then moved in force — so the
 * consent trigger of migration 0002 checks it like any other. `inForce: false` leaves a draft.
 * `effectiveFrom` defaults to 2020-01-01 (approvals a month before); pass `clock` when the app runs on a TestClock.
 */
export async function makeAgreement(
  t: TestApp,
  opts: {
    association: AssociationRef
    parties?: ZoneRef[]
    domains: DomainCode[]
    inForce?: boolean
    effectiveFrom?: string
    effectiveTo?: string
    kind?: AgreementKind
    admin?: UserRef
    clock?: Clock
  },
): Promise<AgreementRef> {
  const parties = opts.parties ?? opts.association.zones
  const admin = opts.admin ?? (await makeUser(t, 'admin', opts.association))
  const actor: Actor = {
    userId: admin.id,
    email: admin.email,
    displayName: admin.displayName,
    locale: 'nl',
    personId: null,
    homeZoneId: null,
    roles: [{ role: 'admin', zoneId: null, associationId: opts.association.id }],
  }
  const service = agreementsService(t.database.db)
  const inForce = opts.inForce ?? true
  const effectiveFrom = opts.effectiveFrom ?? '2020-01-01'
  return runWithClock(opts.clock ?? systemClock, async () => {
    const ctx = policyContext(t.database.db, actor, today())
    const created = await service.create(ctx, {
      associationId: opts.association.id,
      kind: opts.kind ?? 'samenwerkingsprotocol',
      title: `Testakkoord ${unique()}`,
      partyZoneIds: parties.map((z) => z.id),
      domains: opts.domains,
      ...(inForce ? { effectiveFrom } : {}),
      ...(opts.effectiveTo ? { effectiveTo: opts.effectiveTo } : {}),
    })
    const ref: AgreementRef = {
      id: created.id,
      associationId: opts.association.id,
      partyZoneIds: parties.map((z) => z.id),
      domains: opts.domains,
      status: 'draft',
    }
    if (!inForce) return ref
    await service.transition(ctx, created.id, { to: 'in_approval' })
    const decidedOn = new Date(new Date(`${effectiveFrom}T12:00:00Z`).getTime() - 30 * 86_400_000)
      .toISOString()
      .slice(0, 10)
    for (const zone of parties)
      await service.recordApproval(ctx, created.id, {
        zoneId: zone.id,
        body: 'politieraad',
        decision: 'approved',
        decidedOn,
        councilDecisionRef: `Politieraad ${zone.code}/${unique()}`,
      })
    await service.transition(ctx, created.id, { to: 'in_force' })
    return { ...ref, status: 'in_force' }
  })
}

// permanences (issue 8, perm-core): rotations and their members
export interface RotationRef {
  id: string
  associationId: string
  domain: string
  zoneIds: string[]
}

/**
 * A rotation of `association` covering `zones` (all its zones by default) under `domain` (officer of duty), weekly
 * on-call with handoff Monday 07:00, valid from 2020-01-01. Inserted directly: the policy and validation of
 * POST /api/rotations are what the feature's own tests exercise; this only sets the stage.
 */
export async function makeRotation(
  t: TestApp,
  opts: {
    association: AssociationRef
    zones?: ZoneRef[]
    domain?: DomainCode
    name?: string
    pattern?: Record<string, unknown>
    eligibility?: Record<string, unknown>
    peoplePerSlot?: number
    dutyKind?: 'on_call' | 'present'
  },
): Promise<RotationRef> {
  const db = t.database.db
  const zones = opts.zones ?? opts.association.zones
  const domain = opts.domain ?? 'permanence.officer_of_duty'
  const at = new Date()
  const { id } = await db
    .insertInto('rotations')
    .values({
      association_id: opts.association.id,
      domain_code: domain,
      name: opts.name ?? `Testpermanentie ${unique()}`,
      duty_kind: opts.dutyKind ?? 'on_call',
      people_per_slot: opts.peoplePerSlot ?? 1,
      pattern: JSON.stringify(opts.pattern ?? { kind: 'weekly', handoffWeekday: 1, handoffTime: '07:00' }),
      eligibility: JSON.stringify(
        opts.eligibility ?? { anyOf: [{ ranks: ['inspecteur', 'hoofdinspecteur', 'commissaris'] }] },
      ),
      zone_key: JSON.stringify({ kind: 'equal' }),
      valid_from: '2020-01-01',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('rotation_zones')
    .values(zones.map((z) => ({ rotation_id: id, zone_id: z.id })))
    .execute()
  // As the rotations repository does (board, issue 8): the visible-rotations memo of every app drops its entries.
  await notifyInvalidation(db, ROTATIONS_TOPIC)
  return { id, associationId: opts.association.id, domain, zoneIds: zones.map((z) => z.id) }
}

// swaps (issue 8): a published duty in force
/**
 * A duty in force (as a published roster leaves it) of `person` in a weekly rotation: the slot
 * `week:<monday>` from that Monday 07:00 to the next Monday 07:00 (Brussels), recorded since `recordedFrom`
 * (default 2020-01-01). Inserted directly: publication is what the roster tests exercise.
 */
export async function makeDuty(
  t: TestApp,
  opts: { rotationId: string; person: PersonRef; monday: string; position?: number; recordedFrom?: string },
): Promise<{ id: string; slotKey: string }> {
  const slotKey = `week:${opts.monday}`
  const { id } = await t.database.db
    .insertInto('duties')
    .values({
      rotation_id: opts.rotationId,
      slot_key: slotKey,
      position: opts.position ?? 1,
      period: sql<string>`tstzrange((${opts.monday}::date + time '07:00') AT TIME ZONE 'Europe/Brussels',
        (${opts.monday}::date + 7 + time '07:00') AT TIME ZONE 'Europe/Brussels')`,
      duty_kind: 'on_call',
      person_id: opts.person.id,
      zone_id: opts.person.zoneId,
      cause: 'override',
      recorded: sql<string>`tstzrange(${opts.recordedFrom ?? '2020-01-01T00:00:00Z'}::timestamptz, NULL)`,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id, slotKey }
}

/** Waits until the rotation's draft roster is solved (the generate route answers 202 and solves in a worker). */
export async function draftSolved(s: Session, rotationId: string) {
  const deadline = Date.now() + 60_000
  for (;;) {
    const res = await s.request({ method: 'GET', url: `/api/rotations/${rotationId}/roster/draft` })
    if (res.statusCode === 200 && res.json().state !== 'running') return res.json()
    if (Date.now() > deadline) throw new Error(`draft not solved: ${res.statusCode} ${res.body}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

// alerts (issue 9): a request sent to partner zones, as the core's send leaves it (until its code is merged)
export interface AssistanceRequestRef {
  id: string
  associationId: string
  zoneId: string
  addressedZoneIds: string[]
  requestedAt: Date
}

/**
 * An assistance request of `zone` in `association`, sent at `requestedAt` (status `requested`) to `addressed`
 * (assistance_addressees rows with alerted_at = requestedAt), asking `lines` (2 × inspecteur by default) over a
 * window of two hours from `requestedAt`. Inserted directly: the request feature's own tests exercise its routes.
 */
export async function makeAssistanceRequest(
  t: TestApp,
  opts: {
    association: AssociationRef
    zone: ZoneRef
    addressed: ZoneRef[]
    urgency?: 'urgent' | 'planned'
    category?: AssistanceCategory
    requestedAt?: Date
    status?: AssistanceStatus
    lines?: { capability: string; count: number }[]
    place?: string
  },
): Promise<AssistanceRequestRef> {
  const db = t.database.db
  const requestedAt = opts.requestedAt ?? new Date()
  const end = new Date(requestedAt.getTime() + 2 * 3_600_000)
  const { id } = await db
    .insertInto('assistance_requests')
    .values({
      association_id: opts.association.id,
      zone_id: opts.zone.id,
      urgency: opts.urgency ?? 'urgent',
      category: opts.category ?? 'urgent_backup',
      status: opts.status ?? 'requested',
      period: `[${requestedAt.toISOString()},${end.toISOString()})`,
      place: opts.place ?? `Markt ${unique()}`,
      contact: 'Dispatch 011 00 00 00',
      addressing: 'chosen',
      created_at: requestedAt,
      updated_at: requestedAt,
      requested_at: requestedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const lines = opts.lines ?? [{ capability: 'inspecteur', count: 2 }]
  if (lines.length > 0)
    await db
      .insertInto('assistance_request_lines')
      .values(lines.map((l) => ({ request_id: id, capability: l.capability, count: l.count })))
      .execute()
  if (opts.addressed.length > 0)
    await db
      .insertInto('assistance_addressees')
      .values(opts.addressed.map((z) => ({ request_id: id, zone_id: z.id, alerted_at: requestedAt, escalation: '[]' })))
      .execute()
  return {
    id,
    associationId: opts.association.id,
    zoneId: opts.zone.id,
    addressedZoneIds: opts.addressed.map((z) => z.id),
    requestedAt,
  }
}
