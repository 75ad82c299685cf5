// The bookings demo (issue 10): a past year of loans of the joint speed radar of Voeren and Bilzen-Hoeselt-Riemst
// (INV-RAD-001, kept by 5381), so that its cost key by usage hours has usage to divide and the timeline and the
// keeper's list show real history: about one loan a week, a day shift of six to ten hours, by Voeren (a partner
// loan under the agreement, with its collector visible to the keeper through a 'booking' reason and both
// handovers, under the loan terms seeded here: an hour's buffer, 25 euros a day) or by Bilzen-Hoeselt-Riemst
// itself (own use), all returned. Deterministic (a PRNG), inserted directly
// like the other demos, idempotent: nothing is added when the radar already has bookings. Runs after the
// investments demo, which creates the radar.
import { randomUUID } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { now } from '../../platform/clock.ts'
import type { DB } from '../../platform/schema.ts'
import { brusselsDate } from '../../platform/time.ts'
import { addReasons } from '../../platform/visibility.ts'
import { hashLabel, intBetween, mulberry32, pick } from '../../demo/prng.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const RADAR = 'INV-RAD-001'
const BUFFER_MINUTES = 60
const FEE_CENTS_PER_DAY = 2500
const PURPOSES = [
  'Snelheidscontrole schoolomgeving',
  'Snelheidscontrole N-weg',
  'Actie verkeersveiligheid weekend',
  'Controle op klachten buurtbewoners',
]

export async function seedDemoBookings(db: Kysely<DB>): Promise<{ bookings: number }> {
  const radar = await db
    .selectFrom('assets')
    .innerJoin('zones', 'zones.id', 'assets.zone_id')
    .select(['assets.id', 'assets.zone_id'])
    .where('assets.identifier', '=', RADAR)
    .where('zones.code', '=', '5381')
    .executeTakeFirst()
  if (!radar) return { bookings: 0 }
  const already = await db
    .selectFrom('equipment_bookings')
    .select('id')
    .where('asset_id', '=', radar.id)
    .executeTakeFirst()
  if (already) return { bookings: 0 }
  const voeren = await db.selectFrom('zones').select('id').where('code', '=', '5382').executeTakeFirst()
  if (!voeren) return { bookings: 0 }
  const agreement = await db
    .selectFrom('agreements as a')
    .innerJoin('agreement_domains as d', 'd.agreement_id', 'a.id')
    .innerJoin('agreement_parties as p1', 'p1.agreement_id', 'a.id')
    .innerJoin('agreement_parties as p2', 'p2.agreement_id', 'a.id')
    .select(['a.id', 'a.association_id'])
    .where('a.status', '=', 'in_force')
    .where('d.domain_code', '=', 'equipment')
    .where('p1.zone_id', '=', radar.zone_id)
    .where('p2.zone_id', '=', voeren.id)
    .executeTakeFirst()
  if (!agreement) return { bookings: 0 }
  // Who hands over and receives: operational people of each zone, drawn per loan.
  const peopleOf = async (zoneId: string) =>
    (
      await db
        .selectFrom('people')
        .select('id')
        .where('zone_id', '=', zoneId)
        .where('staff_kind', '=', 'operational')
        .orderBy('id')
        .limit(12)
        .execute()
    ).map((p) => p.id)
  const keepers = await peopleOf(radar.zone_id)
  const collectors = await peopleOf(voeren.id)
  if (keepers.length === 0 || collectors.length === 0) return { bookings: 0 }

  // The loan terms the parties agreed for radars: an hour to recalibrate after each loan, 25 euros a day.
  await db
    .insertInto('equipment_loan_terms')
    .values({
      agreement_id: agreement.id,
      association_id: agreement.association_id,
      kind: 'speed_radar',
      buffer_minutes: BUFFER_MINUTES,
      fee_cents_per_day: FEE_CENTS_PER_DAY,
      updated_at: now(),
    })
    .onConflict((oc) => oc.doNothing())
    .execute()

  const rng = mulberry32(hashLabel('equipment bookings 5381', 10))
  const end = now().getTime()
  let count = 0
  await db.transaction().execute(async (trx) => {
    // One loan a week over the past year, on a weekday, from 07:00 or 13:00 Brussels-ish (UTC + 1 in winter).
    for (let week = 52; week >= 1; week--) {
      const day = new Date(end - week * 7 * DAY + intBetween(rng, 0, 4) * DAY)
      day.setUTCHours(intBetween(rng, 0, 1) === 0 ? 6 : 12, 0, 0, 0)
      const from = day.getTime()
      const to = from + intBetween(rng, 6, 10) * HOUR
      if (to >= end) continue
      const partner = rng() < 0.55
      const borrower = partner ? voeren.id : radar.zone_id
      const id = randomUUID()
      const range = (upper: number) =>
        sql<string>`tstzrange(${new Date(from).toISOString()}::timestamptz, ${new Date(upper).toISOString()}::timestamptz, '[)')`
      const collector = partner ? pick(rng, collectors) : null
      await trx
        .insertInto('equipment_bookings')
        .values({
          id,
          group_id: randomUUID(),
          asset_id: radar.id,
          zone_id: radar.zone_id,
          borrower_zone_id: borrower,
          agreement_id: partner ? agreement.id : null,
          association_id: partner ? agreement.association_id : null,
          period: range(to),
          blocked: range(partner ? to + BUFFER_MINUTES * 60_000 : to),
          fee_cents_per_day: partner ? FEE_CENTS_PER_DAY : 0,
          status: 'returned',
          purpose: pick(rng, PURPOSES),
          collector_person_id: collector,
          requested_at: new Date(from - 5 * DAY),
          decided_at: partner ? new Date(from - 4 * DAY) : new Date(from - 5 * DAY),
        })
        .execute()
      if (collector)
        await addReasons(trx, [
          {
            personId: collector,
            ownerZoneId: voeren.id,
            partnerZoneId: radar.zone_id,
            domain: 'equipment',
            kind: 'booking',
            source: { table: 'equipment_bookings', id },
            from: brusselsDate(new Date(from)),
            to: brusselsDate(new Date(to)),
          },
        ])
      const keeper = pick(rng, keepers)
      const other =
        collector ??
        pick(
          rng,
          keepers.filter((p) => p !== keeper),
        )
      const counter = 1000 + (52 - week) * 40 // measurements so far: it only goes up
      for (const [kind, at, handedBy, receivedBy] of [
        ['check_out', from, keeper, other],
        ['check_in', to, other, keeper],
      ] as const)
        await trx
          .insertInto('equipment_handovers')
          .values({
            booking_id: id,
            zone_id: radar.zone_id,
            kind,
            at: new Date(at),
            handed_by_person_id: handedBy,
            received_by_person_id: receivedBy,
            condition: 'good',
            counter: kind === 'check_out' ? counter : counter + intBetween(rng, 5, 35),
            recorded_at: new Date(at),
          })
          .execute()
      count++
    }
    // The radar's counter as its last check-in left it.
    await trx
      .updateTable('assets')
      .set({
        counter: sql<number>`(SELECT max(h.counter) FROM equipment_handovers h JOIN equipment_bookings b ON b.id = h.booking_id WHERE b.asset_id = ${radar.id})`,
      })
      .where('id', '=', radar.id)
      .execute()
  })
  return { bookings: count }
}
