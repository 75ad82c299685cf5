// Demo (issue 11, train-sessions): trainers with a shared function, upcoming sessions with places and range lanes.
// The trainer accounts of Voeren (5382) and Bilzen-Hoeselt-Riemst (5381) get the firearms_instructor qualification
// and a shared function of domain `training`; over the next 8 weeks: a weekly GPI48-TR alternating between the two
// organisers, places split by FTE, one GPI48-EV and one EHBO; Het Houtsche (5447) its own GPI48-TR sessions on two
// of its range lanes (Schietstand Oostkamp, one booking group per session); a few own-zone enrolments, leaving
// places free. Deterministic for a given day; skipped when the demo zones already have sessions.
import { randomUUID } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { Temporal } from 'temporal-polyfill'
import { now } from '../../platform/clock.ts'
import type { DB } from '../../platform/schema.ts'
import { brusselsDate, TIME_ZONE } from '../../platform/time.ts'
import { addReasons } from '../../platform/visibility.ts'
import { seedDemoCourses } from './demo-courses.ts'
import { splitPlaces } from './domain/places.ts'
import { sessionRepository } from './session-repository.ts'

const PAIR = ['5382', '5381'] as const
const HOUTSCHE = '5447'

interface Plan {
  zone: string
  course: string
  day: string
  start: string
  end: string
  location: string
  capacity: number
  zones: readonly string[]
  lanes?: number
  /** Own-zone people to enrol (never all the places). */
  enrol: number
}

/** A Brussels wall time as an instant. */
const at = (day: string, time: string) =>
  new Date(
    Temporal.PlainDate.from(day)
      .toZonedDateTime({ timeZone: TIME_ZONE, plainTime: Temporal.PlainTime.from(time) })
      .toInstant().epochMilliseconds,
  )

export async function seedDemoTraining(db: Kysely<DB>): Promise<Record<string, number>> {
  const zones = await db
    .selectFrom('zones')
    .select(['id', 'code', 'name'])
    .where('code', 'in', [...PAIR, HOUTSCHE])
    .execute()
  const zoneOf = (code: string) => zones.find((z) => z.code === code)
  const [voeren, bhr, houtsche] = [zoneOf(PAIR[0]), zoneOf(PAIR[1]), zoneOf(HOUTSCHE)]
  if (!voeren || !bhr || !houtsche) return {}
  const existing = await db
    .selectFrom('training_sessions')
    .select(sql<number>`count(*)::int`.as('n'))
    .where(
      'zone_id',
      'in',
      zones.map((z) => z.id),
    )
    .executeTakeFirstOrThrow()
  if (existing.n > 0) return {}
  const courses = await seedDemoCourses(db)
  const today = brusselsDate(now())
  const agreement = await sql<{ id: string; association_id: string }>`
    SELECT a.id, a.association_id FROM agreements a
     WHERE a.status = 'in_force'
       AND EXISTS (SELECT 1 FROM agreement_domains d WHERE d.agreement_id = a.id AND d.domain_code = 'training')
       AND EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = a.id AND p.zone_id = ${voeren.id})
       AND EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = a.id AND p.zone_id = ${bhr.id})
     ORDER BY a.id LIMIT 1`.execute(db)
  const pairAgreement = agreement.rows[0]
  const houtscheAssociation = await db
    .selectFrom('association_memberships')
    .select('association_id')
    .where('zone_id', '=', houtsche.id)
    .orderBy('association_id')
    .executeTakeFirst()
  if (!pairAgreement || !houtscheAssociation) return {}
  const trainers = await db
    .selectFrom('users')
    .select(['email', 'person_id'])
    .where(
      'email',
      'in',
      PAIR.map((c) => `trainer.${c}@demo.verbond.be`),
    )
    .execute()
  const trainerOf = (code: string) =>
    trainers.find((u) => u.email === `trainer.${code}@demo.verbond.be`)?.person_id ?? null

  // Monday of next week, then 8 weeks.
  const first = Temporal.PlainDate.from(today)
  const monday = first.add({ days: 8 - first.dayOfWeek })
  const dayOf = (week: number, weekday: number) => monday.add({ weeks: week, days: weekday - 1 }).toString()
  const plans: Plan[] = []
  for (let w = 0; w < 8; w++) {
    const organiser = PAIR[w % 2]!
    plans.push({
      zone: organiser,
      course: 'GPI48-TR',
      day: dayOf(w, 2),
      start: '09:00',
      end: '11:00',
      location: organiser === '5382' ? 'Schietstand Voeren' : 'Schietstand Bilzen',
      capacity: 12,
      zones: PAIR,
      enrol: w < 3 ? 2 : 0,
    })
    plans.push({
      zone: HOUTSCHE,
      course: 'GPI48-TR',
      day: dayOf(w, 4),
      start: '13:00',
      end: '15:00',
      location: 'Schietstand Oostkamp',
      capacity: 8,
      zones: [HOUTSCHE],
      lanes: 2,
      enrol: w < 2 ? 3 : 0,
    })
  }
  plans.push({
    zone: '5381',
    course: 'GPI48-EV',
    day: dayOf(2, 4),
    start: '08:00',
    end: '11:00',
    location: 'Schietstand Bilzen',
    capacity: 10,
    zones: PAIR,
    enrol: 1,
  })
  plans.push({
    zone: '5382',
    course: 'EHBO',
    day: dayOf(4, 3),
    start: '08:30',
    end: '12:30',
    location: 'Commissariaat Voeren',
    capacity: 14,
    zones: PAIR,
    enrol: 2,
  })

  const lanes = await db
    .selectFrom('assets')
    .select(['id', 'name'])
    .where('zone_id', '=', houtsche.id)
    .where('kind', '=', 'range_lane')
    .orderBy('name')
    .execute()
  const stamp = now()
  const counts = { sessions: 0, places: 0, trainers: 0, laneBookings: 0, enrolments: 0, qualifications: 0 }
  await db.transaction().execute(async (trx) => {
    // The trainers: qualified instructors, with a shared function of domain training.
    for (const code of PAIR) {
      const person = trainerOf(code)
      if (!person) continue
      const q = await sql`INSERT INTO person_qualifications (person_id, qualification_code, obtained_on)
        VALUES (${person}, 'firearms_instructor', '2015-09-01') ON CONFLICT DO NOTHING`.execute(trx)
      counts.qualifications += Number(q.numAffectedRows ?? 0)
      const has = await trx
        .selectFrom('visibility_reasons')
        .select('id')
        .where('person_id', '=', person)
        .where('kind', '=', 'shared_function')
        .where('domain_code', '=', 'training')
        .executeTakeFirst()
      if (!has)
        await addReasons(trx, [
          {
            personId: person,
            ownerZoneId: zoneOf(code)!.id,
            partnerZoneId: null,
            domain: 'training',
            kind: 'shared_function',
            source: null,
            from: '2015-09-01',
            to: null,
          },
        ])
    }
    const repo = sessionRepository(trx)
    const fteCache = new Map<string, Map<string, number>>()
    const peopleOf = new Map<string, string[]>()
    for (const z of zones) {
      const rows = await trx
        .selectFrom('people')
        .leftJoin('users', 'users.person_id', 'people.id')
        .select(['people.id', 'users.email'])
        .where('people.zone_id', '=', z.id)
        .where('people.staff_kind', '=', 'operational')
        .where((eb) => eb.or([eb('people.employed_to', 'is', null), eb('people.employed_to', '>=', today)]))
        .orderBy('people.employee_number')
        .execute()
      // The officer account's person first (its calendar shows an enrolment); never the trainer.
      const officer = rows.filter((r) => r.email === `officer.${z.code}@demo.verbond.be`)
      const others = rows.filter((r) => r.email === null)
      peopleOf.set(
        z.code,
        [...officer, ...others].map((r) => r.id),
      )
    }
    let cursor = new Map<string, number>()
    for (const p of plans) {
      const zone = zoneOf(p.zone)!
      const associationId = p.zone === HOUTSCHE ? houtscheAssociation.association_id : pairAgreement.association_id
      const courseId = courses.get(associationId)?.get(p.course)
      if (!courseId) continue
      const from = at(p.day, p.start)
      const to = at(p.day, p.end)
      let fte = fteCache.get(p.day)
      if (!fte)
        fteCache.set(
          p.day,
          (fte = await repo.fte(
            zones.map((z) => z.id),
            p.day,
          )),
        )
      const places = splitPlaces(
        p.capacity,
        p.zones.map((c) => ({ zoneId: zoneOf(c)!.id, code: c, weight: fte.get(zoneOf(c)!.id) ?? 0 })),
      )
      const id = await repo.insert({
        associationId,
        zoneId: zone.id,
        courseId,
        agreementId: p.zones.length > 1 ? pairAgreement.id : null,
        from,
        to,
        location: p.location,
        capacity: p.capacity,
        cancelDeadline: new Date(Math.max(stamp.getTime(), from.getTime() - 48 * 3_600_000)),
        note: null,
        userId: null,
        at: stamp,
        idempotencyKey: null,
      })
      counts.sessions++
      await repo.setPlaces(id, places)
      counts.places += places.length
      const trainer = trainerOf(p.zone)
      const helper = p.course === 'GPI48-EV' ? trainerOf(p.zone === '5381' ? '5382' : '5381') : null
      const minutes = Math.round((to.getTime() - from.getTime()) / 60_000)
      const team = [
        ...(trainer ? [{ personId: trainer, zoneId: zone.id, minutes }] : []),
        ...(helper ? [{ personId: helper, zoneId: zoneOf(p.zone === '5381' ? '5382' : '5381')!.id, minutes }] : []),
      ]
      await repo.setTrainers(id, team)
      counts.trainers += team.length
      if (p.lanes && lanes.length >= p.lanes) {
        const groupId = randomUUID()
        const period = sql<string>`tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')`
        await trx
          .insertInto('equipment_bookings')
          .values(
            lanes.slice(0, p.lanes).map((l) => ({
              group_id: groupId,
              asset_id: l.id,
              zone_id: zone.id,
              borrower_zone_id: zone.id,
              period,
              blocked: period,
              status: 'approved' as const,
              purpose: `${p.course} ${p.location}`,
              requested_at: stamp,
            })),
          )
          .execute()
        await repo.update(id, { bookingGroupId: groupId }, stamp)
        counts.laneBookings += p.lanes
      }
      const own = peopleOf.get(p.zone) ?? []
      const ownPlaces = places.find((x) => x.zoneId === zone.id)?.places ?? 0
      const take = Math.min(p.enrol, Math.max(0, ownPlaces - 1))
      const start = cursor.get(p.zone) ?? 0
      const chosen = own.slice(start, start + take)
      cursor = new Map([...cursor, [p.zone, start + take]])
      if (chosen.length > 0)
        await trx
          .insertInto('training_enrolments')
          .values(
            chosen.map((personId) => ({
              session_id: id,
              zone_id: zone.id,
              person_id: personId,
              status: 'enrolled' as const,
              queued_at: stamp,
              enrolled_at: stamp,
            })),
          )
          .execute()
      counts.enrolments += chosen.length
    }
  })
  return counts
}
