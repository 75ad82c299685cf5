// GPI 48 zone overview benchmark (issue 11): a zone of 900 operational people with a year of attendance (a
// training every week, an evaluation every quarter, each person at about seven of them: ~6,300 enrolments),
// built by the bench; then GET /api/training/compliance/zones/:id as its korpschef, sequentially, against a
// baseline of GET /api/health in the same run (the numbers quote as ratios). One JSON line with --json.
// Usage: npm run bench:compliance-overview -- [--json] [--requests N]
// On PostgreSQL: BENCH_DATABASE_URL (or DATABASE_URL) = postgres://…/<name>_bench (dropped and created).
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { Temporal } from 'temporal-polyfill'
import { buildApp } from '../src/server/app.ts'
import { loadConfig } from '../src/server/config.ts'
import { DEMO_PASSWORD } from '../src/server/demo/data.ts'
import { seedDemo } from '../src/server/demo/seed.ts'
import { hashPassword } from '../src/server/platform/auth/passwords.ts'
import { addUser } from '../src/server/platform/auth/users.ts'
import { openDatabase } from '../src/server/platform/db.ts'
import { migrate } from '../src/server/platform/migrate.ts'
import { recreate } from './database.ts'

const { values } = parseArgs({
  options: {
    json: { type: 'boolean' },
    requests: { type: 'string', default: '50' },
    people: { type: 'string', default: '900' },
  },
})
const requests = Number(values.requests)
const peopleCount = Number(values.people)
const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? null
if (databaseUrl) await recreate(databaseUrl)

const database = await openDatabase({ databaseUrl, dataDir: null })
await migrate(database)
const passwordHash = await hashPassword(DEMO_PASSWORD)
await seedDemo(database.db, { passwordHash })
const db = database.db

// The bench zone: in the demo's first association (its courses), 900 operational people.
const buildStarted = performance.now()
const zone = await db
  .insertInto('zones')
  .values({ code: '9948', name: 'Benchzone GPI 48', region: 'flanders' })
  .returning('id')
  .executeTakeFirstOrThrow()
const association = await db.selectFrom('associations').select('id').orderBy('code').executeTakeFirstOrThrow()
await db
  .insertInto('association_memberships')
  .values({ association_id: association.id, zone_id: zone.id, valid_from: '2000-01-01' })
  .execute()
const course = async (kind: 'gpi48_training' | 'gpi48_evaluation', code: string) =>
  (
    await db
      .insertInto('training_courses')
      .values({
        association_id: association.id,
        code,
        kind,
        title: code,
        duration_minutes: 120,
        created_at: new Date(),
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id
const tr = await course('gpi48_training', 'BENCH-TR')
const ev = await course('gpi48_evaluation', 'BENCH-EV')
const people = await db
  .insertInto('people')
  .values(
    Array.from({ length: peopleCount }, (_, i) => ({
      zone_id: zone.id,
      employee_number: `B-${i}`,
      first_name: 'Bench',
      last_name: `Persoon ${String(i).padStart(4, '0')}`,
      staff_kind: 'operational' as const,
      rank: 'inspecteur' as const,
      employed_from: '2010-01-01',
    })),
  )
  .returning('id')
  .execute()
await addUser(db, {
  email: 'korpschef.bench@bench.test',
  displayName: 'Bench korpschef',
  role: 'korpschef',
  zoneCode: '9948',
  associationCode: null,
  personId: null,
  passwordHash,
})
const today = Temporal.Now.plainDateISO('Europe/Brussels')
const sessions: { id: string; kind: 'tr' | 'ev'; week: number }[] = []
for (let week = 1; week <= 52; week++) {
  const kind = week % 13 === 0 ? ('ev' as const) : ('tr' as const)
  const from = today.subtract({ days: week * 7 }).toZonedDateTime({ timeZone: 'Europe/Brussels', plainTime: '08:00' })
  const start = new Date(from.toInstant().epochMilliseconds)
  const { id } = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('training_sessions')
      .values({
        association_id: association.id,
        zone_id: zone.id,
        course_id: kind === 'ev' ? ev : tr,
        period: sql<string>`tstzrange(${start.toISOString()}::timestamptz, ${new Date(start.getTime() + 2 * 3_600_000).toISOString()}::timestamptz, '[)')`,
        location: 'Bench',
        capacity: 500,
        cancel_deadline: start,
        status: 'completed',
        created_at: new Date(),
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('training_session_places')
      .values({ session_id: row.id, zone_id: zone.id, places: 500 })
      .execute()
    return row
  })
  sessions.push({ id, kind, week })
}
// Each person: one evaluation and six trainings, spread by their index.
const enrolments = people.flatMap((p, i) => {
  const evaluation = sessions.filter((s) => s.kind === 'ev')[i % 4]!
  const trainings = sessions.filter((s) => s.kind === 'tr')
  const mine = [evaluation, ...Array.from({ length: 6 }, (_, k) => trainings[(i + k * 8) % trainings.length]!)]
  return mine.map((s) => ({
    session_id: s.id,
    zone_id: zone.id,
    person_id: p.id,
    status: 'enrolled' as const,
    queued_at: new Date(),
    enrolled_at: new Date(),
    attendance: 'present' as const,
    result: s.kind === 'ev' ? ('passed' as const) : null,
  }))
})
for (let i = 0; i < enrolments.length; i += 1_000)
  await db
    .insertInto('training_enrolments')
    .values(enrolments.slice(i, i + 1_000))
    .execute()
const buildSeconds = Math.round((performance.now() - buildStarted) / 10) / 100

const config = loadConfig(
  {},
  { logLevel: 'silent', rateLimitPerMinute: 0, webDir: '/nonexistent', demo: true, databaseUrl },
)
const app = await buildApp(config, database)
const address = await app.listen({ port: 0, host: '127.0.0.1' })
const login = await fetch(`${address}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'korpschef.bench@bench.test', password: DEMO_PASSWORD }),
})
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
if (login.status !== 200 || !cookie) throw new Error(`bench login failed: ${login.status}`)

async function timed(url: string, headers: Record<string, string>): Promise<{ ms: number[]; check: unknown }> {
  const ms: number[] = []
  let check: unknown = null
  for (let i = 0; i < requests; i++) {
    const started = performance.now()
    const res = await fetch(`${address}${url}`, { headers })
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`)
    check = await res.json()
    ms.push(performance.now() - started)
  }
  return { ms, check }
}
const stats = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b)
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10
  return { medianMs: at(0.5), p95Ms: at(0.95) }
}
const baseline = await timed('/api/health', {})
const overview = await timed(`/api/training/compliance/zones/${zone.id}`, { cookie })
const totals = (overview.check as { totals: Record<string, number> }).totals
const report = {
  people: peopleCount,
  enrolments: enrolments.length,
  requests,
  overview: stats(overview.ms),
  baseline: stats(baseline.ms),
  ratio: Math.round((stats(overview.ms).medianMs / Math.max(0.1, stats(baseline.ms).medianMs)) * 10) / 10,
  totals,
  buildSeconds,
  database: database.kind,
}
if (values.json) console.log(JSON.stringify(report))
else {
  console.log(
    `zone overview of ${peopleCount} people (${enrolments.length} enrolments): median ${report.overview.medianMs} ms, p95 ${report.overview.p95Ms} ms`,
  )
  console.log(`baseline GET /api/health: median ${report.baseline.medianMs} ms, p95 ${report.baseline.p95Ms} ms`)
  console.log(`totals: ${JSON.stringify(totals)}; built in ${buildSeconds} s`)
}
await app.close()
await database.close()
process.exit(0)
