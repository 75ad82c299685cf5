// Enrolment storm benchmark (issue 11): 200 concurrent real HTTP enrolments — 200 people of two zones (Voeren 5382,
// the organiser, and Bilzen-Hoeselt-Riemst 5381, sharing `training`), each signed in with their own account and
// enrolling themself — for one session with 20 places (10 + 10). Each zone's places row is locked before its
// enrolments are counted: exactly 20 are enrolled, 180 wait in queue order (per zone, every enrolled person queued
// before every waiting one, positions 1..90), and none fails. A baseline in the same run: GET /api/health ×200
// concurrent (`baselineSeconds`), so the numbers can be quoted as ratios.
// Usage: npm run bench:enrolment-storm -- [--json]
// On PostgreSQL: BENCH_DATABASE_URL (or DATABASE_URL) = postgres://…/<name>_bench (dropped and created).
import { parseArgs } from 'node:util'
import { buildApp } from '../src/server/app.ts'
import { loadConfig } from '../src/server/config.ts'
import { DEMO_PASSWORD } from '../src/server/demo/data.ts'
import { seedDemo } from '../src/server/demo/seed.ts'
import { hashPassword } from '../src/server/platform/auth/passwords.ts'
import { addUser } from '../src/server/platform/auth/users.ts'
import { openDatabase } from '../src/server/platform/db.ts'
import { migrate } from '../src/server/platform/migrate.ts'
import { recreate } from './database.ts'

const { values } = parseArgs({ options: { json: { type: 'boolean' } } })
const PEOPLE = 200
const PLACES = 10
const ZONES = ['5382', '5381'] as const
const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? null
if (databaseUrl) await recreate(databaseUrl)

const database = await openDatabase({ databaseUrl, dataDir: null })
const db = database.db
await migrate(database)
const passwordHash = await hashPassword(DEMO_PASSWORD)
await seedDemo(db, { passwordHash })
const config = loadConfig(
  {},
  // 200 people sign in from one address: the login throttle would slow the address down (no storm there).
  {
    logLevel: 'silent',
    rateLimitPerMinute: 0,
    loginAddressFreeFailures: 10_000,
    webDir: '/nonexistent',
    demo: true,
    databaseUrl,
  },
)
const app = await buildApp(config, database)
const address = await app.listen({ port: 0, host: '127.0.0.1' })

const zones = await db
  .selectFrom('zones')
  .select(['id', 'code'])
  .where('code', 'in', [...ZONES])
  .execute()
const zoneId = (code: string) => zones.find((z) => z.code === code)!.id
const { association_id: associationId } = await db
  .selectFrom('association_memberships')
  .select('association_id')
  .where('zone_id', '=', zoneId('5382'))
  .executeTakeFirstOrThrow()
const at = new Date()
const course = await db
  .insertInto('training_courses')
  .values({
    association_id: associationId,
    code: `STORM-${Date.now() % 1e9}`.slice(0, 20),
    kind: 'gpi48_training',
    title: 'Storm GPI 48',
    duration_minutes: 120,
    created_at: at,
    updated_at: at,
  })
  .returning('id')
  .executeTakeFirstOrThrow()
const from = new Date(at.getTime() + 7 * 24 * 3_600_000)
const session = await db.transaction().execute(async (trx) => {
  const s = await trx
    .insertInto('training_sessions')
    .values({
      association_id: associationId,
      zone_id: zoneId('5382'),
      course_id: course.id,
      period: `[${from.toISOString()},${new Date(from.getTime() + 2 * 3_600_000).toISOString()})`,
      location: 'Storm',
      capacity: PLACES * ZONES.length,
      cancel_deadline: from,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('training_session_places')
    .values(ZONES.map((code) => ({ session_id: s.id, zone_id: zoneId(code), places: PLACES })))
    .execute()
  return s
})

// 200 officers, half of each zone, each with an own account.
const emails: string[] = []
for (let i = 0; i < PEOPLE; i++) {
  const code = ZONES[i % ZONES.length]!
  const person = await db
    .insertInto('people')
    .values({
      zone_id: zoneId(code),
      employee_number: `STORM-${i}`,
      first_name: 'Storm',
      last_name: `Cursist ${i}`,
      staff_kind: 'operational',
      rank: 'inspecteur',
      employed_from: '2010-01-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const email = `storm.${i}@bench.verbond.be`
  await addUser(db, {
    email,
    displayName: `Storm ${i}`,
    role: 'officer',
    zoneCode: code,
    associationCode: null,
    personId: person.id,
    passwordHash,
  })
  emails.push(email)
}
async function login(email: string) {
  const res = await fetch(`${address}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  })
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  if (res.status !== 200 || !cookie) throw new Error(`bench login failed: ${res.status}`)
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  return { cookie, csrfToken }
}
const sessions = []
for (let i = 0; i < emails.length; i += 8) sessions.push(...(await Promise.all(emails.slice(i, i + 8).map(login))))

const baselineStarted = performance.now()
await Promise.all(Array.from({ length: PEOPLE }, () => fetch(`${address}/api/health`).then((r) => r.text())))
const baselineSeconds = Math.round((performance.now() - baselineStarted) / 10) / 100

const started = performance.now()
const statuses = await Promise.all(
  sessions.map(async (s) => {
    const res = await fetch(`${address}/api/training/sessions/${session.id}/enrolments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrfToken },
      body: '{}',
    })
    const body = (await res.json()) as { enrolment?: { status: string } }
    return res.status === 201 ? (body.enrolment?.status ?? 'error') : 'error'
  }),
)
const seconds = Math.round((performance.now() - started) / 10) / 100

// Queue order, per zone, from the database: every enrolled person queued before every waiting one.
const rows = await db
  .selectFrom('training_enrolments')
  .select(['zone_id', 'status', 'queued_at'])
  .where('session_id', '=', session.id)
  .orderBy('queued_at')
  .orderBy('id')
  .execute()
const inOrder = ZONES.every((code) => {
  const line = rows.filter((r) => r.zone_id === zoneId(code)).map((r) => r.status)
  const enrolled = line.filter((s) => s === 'enrolled').length
  return enrolled === PLACES && line.slice(0, enrolled).every((s) => s === 'enrolled')
})
const count = (s: string) => statuses.filter((x) => x === s).length
const report = {
  attempts: PEOPLE,
  enrolled: count('enrolled'),
  waitlisted: count('waitlisted'),
  errors: count('error'),
  queueOrder: inOrder,
  seconds,
  baselineSeconds,
  database: database.kind,
}
if (values.json) console.log(JSON.stringify(report))
else {
  console.log(
    `enrolments: ${report.enrolled} enrolled, ${report.waitlisted} waitlisted, ${report.errors} errors in ${seconds} s (queue order: ${inOrder})`,
  )
  console.log(`baseline:   ${PEOPLE} × GET /api/health in ${baselineSeconds} s`)
}
await app.close()
await database.close()
process.exit(report.enrolled === PLACES * ZONES.length && report.errors === 0 && inOrder ? 0 : 1)
