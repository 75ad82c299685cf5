// Demo (issue 11): a past year of attended GPI 48 sessions, so compliance has a realistic mix. For every demo zone:
// GPI48-TR about every three weeks and GPI48-EV four times over the last 13 months, organised by the zone for its
// own people (places = capacity), completed, with attendance such that roughly 70 % of the operational people are
// compliant, 15 % fall behind within 60 days and 15 % are behind. officer.5381's person has exactly 4 counted
// sessions including a passed evaluation, the latest 28 days ago and none leaving the window within 60 days:
// behind with 4/5 (the e2e walk brings it to 5/5). first_aid gets expiry dates: some within 60 days, some lapsed.
// Deterministic (a hash of the employee number), multi-row inserts; skipped for a zone that already has them.
import { sql, type Kysely } from 'kysely'
import { Temporal } from 'temporal-polyfill'
import { now, today } from '../../platform/clock.ts'
import type { DB } from '../../platform/schema.ts'
import { TIME_ZONE } from '../../platform/time.ts'
import { hashLabel } from '../../demo/prng.ts'
import { seedDemoCourses } from './demo-courses.ts'

const LOCATION = 'Schietstand (demo GPI 48)'
/** Days back of the trainings (every three weeks) and of the evaluations. */
const TRAININGS = Array.from({ length: 19 }, (_, k) => 7 + 21 * k)
const EVALUATIONS = [45, 133, 217, 310]
/** officer.5381's four counted sessions: trainings 28, 70 and 112 days back and the evaluation of 133. */
const OFFICER_5381 = { email: 'officer.5381@demo.verbond.be', trainings: [28, 70, 112], evaluation: 133 }
const CHUNK = 1_000

type Kind = 'TR' | 'EV'
interface Attendance {
  personId: string
  kind: Kind
  daysBack: number
  attendance: 'present' | 'absent'
  result: 'passed' | 'failed' | null
}

/** The sessions one person attended (or missed), by profile; `h` a hash of the person. */
export function demoAttendance(personId: string, h: number): Attendance[] {
  const tr = (daysBack: number, attendance: 'present' | 'absent' = 'present'): Attendance => ({
    personId,
    kind: 'TR',
    daysBack,
    attendance,
    result: null,
  })
  const ev = (daysBack: number, result: 'passed' | 'failed'): Attendance => ({
    personId,
    kind: 'EV',
    daysBack,
    attendance: 'present',
    result,
  })
  const pickTr = (from: number, n: number, step: number) =>
    Array.from({ length: n }, (_, i) => TRAININGS[(from + i * step) % 14]!).filter((d) => d < 295)
  const profile = h % 100
  if (profile < 70) {
    // Compliant: an evaluation and five or six trainings well inside the window (none leaves within 60 days).
    const trainings = [...new Set(pickTr(h % 3, 5 + (h % 2), 2))]
    return [ev(EVALUATIONS[(h >>> 3) % 3]!, 'passed'), ...trainings.map((d) => tr(d)), tr(TRAININGS[13]!, 'absent')]
  }
  if (profile < 85)
    // Due soon: five counted, the evaluation of 310 days back leaves the window within 60 days.
    return [ev(310, 'passed'), ...[7, 49, 91, 133 + 21].map((d) => tr(TRAININGS.find((x) => x >= d)!))]
  // Behind: two or three trainings, perhaps a failed evaluation.
  return [
    ...(h % 2 === 0 ? [ev(EVALUATIONS[h % 4]!, 'failed')] : []),
    ...[TRAININGS[2 + (h % 4)]!, TRAININGS[8]!, ...(h % 3 === 0 ? [TRAININGS[11]!] : [])].map((d) => tr(d)),
  ]
}

/** The instant of 08:00 Brussels `daysBack` days before `day`. */
const startOf = (day: string, daysBack: number): Date =>
  new Date(
    Temporal.PlainDate.from(day)
      .subtract({ days: daysBack })
      .toZonedDateTime({ timeZone: TIME_ZONE, plainTime: '08:00' })
      .toInstant().epochMilliseconds,
  )

async function insertChunks<T>(items: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) await insert(items.slice(i, i + CHUNK))
}

/** Demo (issue 11): a past year of attended GPI 48 sessions, so compliance has a realistic mix. */
export async function seedDemoCompliance(db: Kysely<DB>): Promise<Record<string, number>> {
  const courses = await seedDemoCourses(db)
  const day = today()
  const at = now()
  const officer = await db
    .selectFrom('users')
    .select('person_id')
    .where('email', '=', OFFICER_5381.email)
    .executeTakeFirst()
  const zones = await sql<{ zone_id: string; association_id: string }>`
    SELECT DISTINCT ON (m.zone_id) m.zone_id, m.association_id
      FROM association_memberships m JOIN associations a ON a.id = m.association_id
     ORDER BY m.zone_id, a.code`.execute(db)
  const counts = { sessions: 0, enrolments: 0, qualifications: 0, upcoming: 0 }
  for (const { zone_id: zoneId, association_id: associationId } of zones.rows) {
    const tr = courses.get(associationId)?.get('GPI48-TR')
    const evId = courses.get(associationId)?.get('GPI48-EV')
    if (!tr || !evId) continue
    const done = await db
      .selectFrom('training_sessions')
      .select('id')
      .where('zone_id', '=', zoneId)
      .where('location', '=', LOCATION)
      .executeTakeFirst()
    if (done) continue
    const people = await db
      .selectFrom('people')
      .select(['id', 'employee_number'])
      .where('zone_id', '=', zoneId)
      .where('staff_kind', '=', 'operational')
      .where('employed_from', '<=', day)
      .where((eb) => eb.or([eb('employed_to', 'is', null), eb('employed_to', '>=', day)]))
      .execute()
    if (people.length === 0) continue
    const rows = people.flatMap((p) =>
      p.id === officer?.person_id
        ? [
            ...OFFICER_5381.trainings.map((d) => ({
              personId: p.id,
              kind: 'TR' as const,
              daysBack: d,
              attendance: 'present' as const,
              result: null,
            })),
            {
              personId: p.id,
              kind: 'EV' as const,
              daysBack: OFFICER_5381.evaluation,
              attendance: 'present' as const,
              result: 'passed' as const,
            },
          ]
        : demoAttendance(p.id, hashLabel(p.employee_number, 48)),
    )
    await db.transaction().execute(async (trx) => {
      const sessions = new Map<string, string>()
      const plan = [...TRAININGS.map((d) => ['TR', d] as const), ...EVALUATIONS.map((d) => ['EV', d] as const)].map(
        ([kind, daysBack]) => {
          const attendees = Math.min(
            500,
            Math.max(1, rows.filter((r) => r.kind === kind && r.daysBack === daysBack).length),
          )
          const from = startOf(day, daysBack)
          const hours = kind === 'EV' ? 3 : 2
          return { kind, daysBack, attendees, from, to: new Date(from.getTime() + hours * 3_600_000) }
        },
      )
      const inserted = await trx
        .insertInto('training_sessions')
        .values(
          plan.map((s) => ({
            association_id: associationId,
            zone_id: zoneId,
            course_id: s.kind === 'EV' ? evId : tr,
            period: sql<string>`tstzrange(${s.from.toISOString()}::timestamptz, ${s.to.toISOString()}::timestamptz, '[)')`,
            location: LOCATION,
            capacity: s.attendees,
            cancel_deadline: new Date(s.from.getTime() - 48 * 3_600_000),
            status: 'completed' as const,
            created_at: at,
            updated_at: at,
          })),
        )
        .returning('id')
        .execute()
      plan.forEach((s, i) => sessions.set(`${s.kind}|${s.daysBack}`, inserted[i]!.id))
      await trx
        .insertInto('training_session_places')
        .values(plan.map((s, i) => ({ session_id: inserted[i]!.id, zone_id: zoneId, places: s.attendees })))
        .execute()
      const taken = new Map<string, number>()
      const enrolments = rows.flatMap((r) => {
        const key = `${r.kind}|${r.daysBack}`
        const n = (taken.get(key) ?? 0) + 1
        taken.set(key, n)
        if (n > 500) return []
        const from = startOf(day, r.daysBack)
        const queued = new Date(from.getTime() - 14 * 86_400_000)
        return [
          {
            session_id: sessions.get(key)!,
            zone_id: zoneId,
            person_id: r.personId,
            status: 'enrolled' as const,
            queued_at: queued,
            enrolled_at: queued,
            attendance: r.attendance,
            result: r.result,
            recorded_at: new Date(from.getTime() + 4 * 3_600_000),
          },
        ]
      })
      await insertChunks(enrolments, (chunk) => trx.insertInto('training_enrolments').values(chunk).execute())
      counts.sessions += plan.length
      counts.enrolments += enrolments.length
      // first_aid expiry: about 8 % within 60 days, 5 % lapsed, the rest later (obtained three years before).
      const firstAid = await trx
        .selectFrom('person_qualifications')
        .select('person_id')
        .where('qualification_code', '=', 'first_aid')
        .where(
          'person_id',
          'in',
          people.map((p) => p.id),
        )
        .execute()
      const numbers = new Map(people.map((p) => [p.id, p.employee_number]))
      const validity = firstAid.map(({ person_id }) => {
        const h = hashLabel(numbers.get(person_id)!, 112) % 100
        const offset = h < 8 ? 5 + h * 6 : h < 13 ? -10 - (h - 8) * 20 : 61 + h * 9
        const until = Temporal.PlainDate.from(day).add({ days: offset })
        return { person_id, valid_until: until.toString(), obtained_on: until.subtract({ months: 36 }).toString() }
      })
      if (validity.length > 0)
        await sql`
          UPDATE person_qualifications pq SET valid_until = v.until::date, obtained_on = v.obtained::date
            FROM unnest(${validity.map((v) => v.person_id)}::uuid[], ${validity.map((v) => v.valid_until)}::text[],
                        ${validity.map((v) => v.obtained_on)}::text[]) AS v(id, until, obtained)
           WHERE pq.person_id = v.id AND pq.qualification_code = 'first_aid'`.execute(trx)
      counts.qualifications += validity.length
    })
  }
  counts.upcoming = await seedUpcomingFallback(db, zones.rows, courses)
  return counts
}

/** Upcoming sessions (days ahead, at 13:00 Brussels) a zone gets when it has none planned: the suggestions of
 *  "my training" need some. The sessions helper's demo (demo-training.ts, run before) normally provides them. */
const UPCOMING = [
  ['GPI48-TR', 9],
  ['GPI48-TR', 16],
  ['GPI48-EV', 23],
  ['GPI48-TR', 30],
  ['EHBO', 37],
] as const

async function seedUpcomingFallback(
  db: Kysely<DB>,
  zones: readonly { zone_id: string; association_id: string }[],
  courses: Map<string, Map<string, string>>,
): Promise<number> {
  const day = today()
  const at = now()
  let made = 0
  for (const { zone_id: zoneId, association_id: associationId } of zones) {
    const planned = await db
      .selectFrom('training_sessions')
      .select('id')
      .where('zone_id', '=', zoneId)
      .where('status', '=', 'planned')
      .executeTakeFirst()
    if (planned) continue
    await db.transaction().execute(async (trx) => {
      for (const [code, daysAhead] of UPCOMING) {
        const courseId = courses.get(associationId)?.get(code)
        if (!courseId) continue
        const from = new Date(
          Temporal.PlainDate.from(day)
            .add({ days: daysAhead })
            .toZonedDateTime({ timeZone: TIME_ZONE, plainTime: '13:00' })
            .toInstant().epochMilliseconds,
        )
        const { id } = await trx
          .insertInto('training_sessions')
          .values({
            association_id: associationId,
            zone_id: zoneId,
            course_id: courseId,
            period: sql<string>`tstzrange(${from.toISOString()}::timestamptz, ${new Date(from.getTime() + 3 * 3_600_000).toISOString()}::timestamptz, '[)')`,
            location: code === 'EHBO' ? 'Opleidingslokaal' : 'Schietstand',
            capacity: 12,
            cancel_deadline: new Date(from.getTime() - 48 * 3_600_000),
            status: 'planned',
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        await trx
          .insertInto('training_session_places')
          .values({ session_id: id, zone_id: zoneId, places: 12 })
          .execute()
        made++
      }
    })
  }
  return made
}
