// The assistance demo (issue 9): for each demo association whose agreement in force lists `assistance`, the
// rate the parties agreed ('*': base 1, night +0.5, Saturday +0.25, Sunday +0.5, public holiday +1, from the
// agreement's start), its settings (escalation 5 minutes, retroactive approval 3 days, 65 euros an hour), and a
// past year of closed requests — urgent and planned, categories varied, a few a week — with their addressees'
// times, the accepted offers of named people, the deployments with hours both zones confirmed, and their
// postings through postDeployments. Deterministic (a PRNG seeded per association), bulk inserts, idempotent:
// an association that already has requests is left alone. generateAssistanceYear serves the benchmark too.
import { randomUUID } from 'node:crypto'
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely'
import { now } from '../../platform/clock.ts'
import type { AssistanceCategory } from '../../platform/enums.ts'
import type { DB } from '../../platform/schema.ts'
import { addReasons, type NewReason } from '../../platform/visibility.ts'
import { hashLabel, intBetween, mulberry32, pick, type Rng } from '../../demo/prng.ts'
import { postDeployments } from './ledger-posting.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const CHUNK = 500

/** Categories with their share of requests, and whether they are usually urgent. */
const CATEGORIES: ReadonlyArray<{ category: AssistanceCategory; weight: number; urgent: number }> = [
  { category: 'urgent_backup', weight: 30, urgent: 1 },
  { category: 'traffic_action', weight: 22, urgent: 0 },
  { category: 'drug_check', weight: 14, urgent: 0 },
  { category: 'event', weight: 12, urgent: 0 },
  { category: 'judicial_action', weight: 8, urgent: 0.2 },
  { category: 'search', weight: 8, urgent: 0.6 },
  { category: 'other', weight: 6, urgent: 0.3 },
]
const PLACES = ['Markt', 'Stationsplein', 'Kerkstraat', 'Industrieweg', 'Sporthal', 'N-weg, rotonde', 'Jeugdhuis']
const RANK_CAPABILITY = new Set(['agent', 'inspecteur', 'hoofdinspecteur', 'commissaris'])

function weighted(rng: Rng) {
  const total = CATEGORIES.reduce((s, c) => s + c.weight, 0)
  let r = rng() * total
  for (const c of CATEGORIES) if ((r -= c.weight) < 0) return c
  return CATEGORIES[0]!
}

async function insertChunks<T extends keyof DB>(trx: Transaction<DB>, table: T, rows: Insertable<DB[T]>[]) {
  for (let i = 0; i < rows.length; i += CHUNK)
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK))
      .execute()
}

/**
 * A year (up to yesterday) of `requests` closed assistance requests of the association between the zones party
 * to its agreement in force listing `assistance`, each with one or two helping zones and one to four named
 * people of each, their hours confirmed and posted. Returns the counts.
 */
export async function generateAssistanceYear(
  db: Kysely<DB>,
  associationId: string,
  options: { requests: number; seed?: number; end?: Date },
): Promise<{ requests: number; deployments: number }> {
  const zones = await db
    .selectFrom('agreements as a')
    .innerJoin('agreement_domains as d', 'd.agreement_id', 'a.id')
    .innerJoin('agreement_parties as p', 'p.agreement_id', 'a.id')
    .innerJoin('zones as z', 'z.id', 'p.zone_id')
    .select(['z.id', 'z.code'])
    .distinct()
    .where('a.association_id', '=', associationId)
    .where('a.status', '=', 'in_force')
    .where('d.domain_code', '=', 'assistance')
    .orderBy('z.code')
    .execute()
  if (zones.length < 2) return { requests: 0, deployments: 0 }
  const people = await db
    .selectFrom('people')
    .select(['id', 'zone_id', 'rank'])
    .where(
      'zone_id',
      'in',
      zones.map((z) => z.id),
    )
    .where('staff_kind', '=', 'operational')
    .where('employed_to', 'is', null)
    .orderBy('employee_number')
    .execute()
  const byZone = new Map(zones.map((z) => [z.id, people.filter((p) => p.zone_id === z.id).slice(0, 120)]))
  const rng = mulberry32(hashLabel(associationId, options.seed ?? 9))
  const end = (options.end ?? now()).getTime()
  const yearStart = Math.floor((end - 365 * DAY) / HOUR) * HOUR
  // Hours these people already worked on deployments (a second year for the benchmark): never twice at once.
  const busy = new Map<string, Array<[number, number]>>()
  const worked = await db
    .selectFrom('assistance_deployments')
    .select(['person_id', sql<Date>`lower(period)`.as('start'), sql<Date>`upper(period)`.as('end')])
    .where('association_id', '=', associationId)
    .where('period', 'is not', null)
    .execute()
  for (const w of worked)
    busy.set(w.person_id, [...(busy.get(w.person_id) ?? []), [new Date(w.start).getTime(), new Date(w.end).getTime()]])
  const free = (personId: string, s: number, e: number) =>
    !(busy.get(personId) ?? []).some(([bs, be]) => bs < e && s < be)

  const requests: Insertable<DB['assistance_requests']>[] = []
  const requestLines: Insertable<DB['assistance_request_lines']>[] = []
  const addressees: Insertable<DB['assistance_addressees']>[] = []
  const offers: Insertable<DB['assistance_offers']>[] = []
  const offerLines: Insertable<DB['assistance_offer_lines']>[] = []
  const deployments: Insertable<DB['assistance_deployments']>[] = []
  const events: Insertable<DB['assistance_events']>[] = []
  const reasons: NewReason[] = []
  const iso = (ms: number) => new Date(ms).toISOString()

  // Sorted start times spread over the year; urgent ones at any hour, planned ones by day or evening.
  const starts = Array.from({ length: options.requests }, () => yearStart + Math.floor(rng() * 364) * DAY).sort(
    (x, y) => x - y,
  )
  for (const dayStart of starts) {
    const kind = weighted(rng)
    const urgent = rng() < kind.urgent
    const start = dayStart + (urgent ? intBetween(rng, 0, 23) : intBetween(rng, 7, 20)) * HOUR
    const hours = urgent ? intBetween(rng, 1, 4) : intBetween(rng, 3, 8)
    const stop = Math.min(start + hours * HOUR, end - HOUR)
    if (stop <= start) continue
    const requesting = pick(rng, zones)
    const partners = zones.filter((z) => z.id !== requesting.id)
    const helping = partners.filter((_, i) => i === 0 || rng() < 0.4)
    const requestId = randomUUID()
    const requestedAt = urgent ? start - intBetween(rng, 2, 20) * 60_000 : start - intBetween(rng, 3, 20) * DAY
    const wanted = new Map<string, number>()
    const named: Array<{ zoneId: string; personId: string; capability: string }> = []
    for (const zone of helping) {
      const pool = byZone.get(zone.id) ?? []
      const count = intBetween(rng, 1, urgent ? 2 : 4)
      for (let k = 0; k < count * 3 && named.filter((n) => n.zoneId === zone.id).length < count; k++) {
        const person = pool.length > 0 ? pick(rng, pool) : null
        if (!person || !free(person.id, start, stop)) continue
        busy.set(person.id, [...(busy.get(person.id) ?? []), [start, stop]])
        const capability = person.rank && RANK_CAPABILITY.has(person.rank) ? person.rank : 'investigator'
        named.push({ zoneId: zone.id, personId: person.id, capability })
        wanted.set(capability, (wanted.get(capability) ?? 0) + 1)
      }
    }
    if (named.length === 0) continue
    requests.push({
      id: requestId,
      association_id: associationId,
      zone_id: requesting.id,
      urgency: urgent ? 'urgent' : 'planned',
      category: kind.category,
      status: 'closed',
      period: `[${iso(start)},${iso(stop)})`,
      place: pick(rng, PLACES),
      purpose: '',
      contact: `Dispatch ${requesting.code}`,
      addressing: 'all',
      created_at: new Date(requestedAt - 5 * 60_000),
      updated_at: new Date(stop + DAY),
      requested_at: new Date(requestedAt),
      approved_at: new Date(urgent ? start + intBetween(rng, 1, 24) * HOUR : requestedAt - HOUR),
    })
    for (const [capability, count] of wanted) requestLines.push({ request_id: requestId, capability, count })
    events.push(
      {
        request_id: requestId,
        zone_id: requesting.id,
        action: 'requested',
        details: '{}',
        from_status: 'draft',
        to_status: 'requested',
        at: new Date(requestedAt),
      },
      {
        request_id: requestId,
        zone_id: requesting.id,
        action: 'closed',
        details: '{}',
        from_status: 'completed',
        to_status: 'closed',
        at: new Date(stop + DAY),
      },
    )
    for (const zone of partners) {
      const helps = helping.includes(zone)
      const ack = requestedAt + intBetween(rng, 20, urgent ? 240 : 7200) * 1000
      const offered = ack + intBetween(rng, 30, urgent ? 300 : 86_400) * 1000
      addressees.push({
        request_id: requestId,
        zone_id: zone.id,
        alerted_at: new Date(requestedAt),
        acknowledged_at: new Date(ack),
        first_offer_at: helps ? new Date(offered) : null,
        declined_at: helps ? null : new Date(offered),
        decline_reason: helps ? null : 'Geen capaciteit',
      })
      if (!helps) continue
      const offerId = randomUUID()
      offers.push({
        id: offerId,
        request_id: requestId,
        zone_id: zone.id,
        expected_arrival: new Date(start),
        created_at: new Date(offered),
      })
      for (const n of named.filter((x) => x.zoneId === zone.id)) {
        const lineId = randomUUID()
        offerLines.push({
          id: lineId,
          offer_id: offerId,
          zone_id: zone.id,
          capability: n.capability,
          count: 1,
          person_id: n.personId,
          status: 'accepted',
          decided_at: new Date(offered + 600_000),
        })
        const deploymentId = randomUUID()
        const confirmed = new Date(stop + intBetween(rng, 1, 48) * HOUR)
        deployments.push({
          id: deploymentId,
          request_id: requestId,
          association_id: associationId,
          helping_zone_id: zone.id,
          helped_zone_id: requesting.id,
          person_id: n.personId,
          offer_line_id: lineId,
          capability: n.capability,
          arrived_at: new Date(start + intBetween(rng, 5, 30) * 60_000),
          period: `[${iso(start)},${iso(stop)})`,
          recorded_at: confirmed,
          helping_confirmed_at: confirmed,
          helped_confirmed_at: confirmed,
          created_at: new Date(offered + 600_000),
        })
        reasons.push({
          personId: n.personId,
          ownerZoneId: zone.id,
          partnerZoneId: requesting.id,
          domain: 'assistance',
          kind: 'deployment',
          source: { table: 'assistance_deployments', id: deploymentId },
          from: iso(start).slice(0, 10),
          to: null,
        })
      }
    }
  }
  await db.transaction().execute(async (trx) => {
    await insertChunks(trx, 'assistance_requests', requests)
    await insertChunks(trx, 'assistance_request_lines', requestLines)
    await insertChunks(trx, 'assistance_addressees', addressees)
    await insertChunks(trx, 'assistance_offers', offers)
    await insertChunks(trx, 'assistance_offer_lines', offerLines)
    await insertChunks(trx, 'assistance_deployments', deployments)
    await insertChunks(trx, 'assistance_events', events)
    for (let i = 0; i < reasons.length; i += CHUNK) await addReasons(trx, reasons.slice(i, i + CHUNK))
    await postDeployments(
      trx,
      deployments.map((d) => d.id!),
    )
  })
  return { requests: requests.length, deployments: deployments.length }
}

/** The demo's assistance: rates, settings and a past year per association sharing `assistance`. */
export async function seedDemoAssistance(
  db: Kysely<DB>,
  adminEmail: string,
): Promise<{ associations: number; requests: number; deployments: number }> {
  const admin = await db.selectFrom('users').select('id').where('email', '=', adminEmail).executeTakeFirst()
  const agreements = await db
    .selectFrom('agreements as a')
    .innerJoin('agreement_domains as d', 'd.agreement_id', 'a.id')
    .select(['a.association_id', sql<string | null>`min(a.effective_from)::text`.as('from')])
    .where('a.status', '=', 'in_force')
    .where('d.domain_code', '=', 'assistance')
    .groupBy('a.association_id')
    .orderBy('a.association_id')
    .execute()
  const total = { associations: 0, requests: 0, deployments: 0 }
  for (const { association_id: associationId, from } of agreements) {
    const existing = await db
      .selectFrom('assistance_requests')
      .select('id')
      .where('association_id', '=', associationId)
      .limit(1)
      .executeTakeFirst()
    if (existing) continue
    const at = now()
    await db.transaction().execute(async (trx) => {
      const hasRate = await trx
        .selectFrom('assistance_rates')
        .select('id')
        .where('association_id', '=', associationId)
        .limit(1)
        .executeTakeFirst()
      if (!hasRate)
        await trx
          .insertInto('assistance_rates')
          .values({
            association_id: associationId,
            category: '*',
            valid: sql<string>`daterange(${from ?? '2020-01-01'}::date, NULL, '[)')`,
            base: 1,
            extra_night: 0.5,
            extra_saturday: 0.25,
            extra_sunday: 0.5,
            extra_holiday: 1,
            created_by: admin?.id ?? null,
            created_at: at,
          })
          .execute()
      await trx
        .insertInto('assistance_settings')
        .values({
          association_id: associationId,
          retro_approval_days: 3,
          escalation_minutes: 5,
          hourly_rate_cents: 6500,
          updated_by: admin?.id ?? null,
          updated_at: at,
        })
        .onConflict((oc) => oc.column('association_id').doNothing())
        .execute()
    })
    // A few a week: about 150 requests over the year.
    const year = await generateAssistanceYear(db, associationId, { requests: 150 })
    total.associations += 1
    total.requests += year.requests
    total.deployments += year.deployments
  }
  return total
}
