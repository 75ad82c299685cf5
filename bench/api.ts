// API benchmark: autocannon against GET /api/zones, GET /api/people (signed in, demo data), GET
// /api/permanences/on-duty (`onDuty`, `onDutyRatio`: the demo rotations of Voeren), the trivial
// GET /api/ping signed in (`signedInPing`: the fixed cost of a session) and anonymous (`baseline`), all on
// the same server in the same run. Every figure is also given as a ratio to the baseline, so the numbers
// mean something on a noisy machine. `ratio` (people / baseline) is kept for older entries of
// docs/performance.md. Usage: npm run bench:api -- [--json] [--seconds N] [--connections N]
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { buildApp } from '../src/server/app.ts'
import { loadConfig } from '../src/server/config.ts'
import { DEMO_ADMIN_EMAIL } from '../src/server/demo/accounts.ts'
import { DEMO_PASSWORD } from '../src/server/demo/data.ts'
import { seedDemo } from '../src/server/demo/seed.ts'
import { seedDemoRosters } from '../src/server/features/permanences/demo.ts'
import { startEventBus } from '../src/server/platform/events.ts'
import { hashPassword } from '../src/server/platform/auth/passwords.ts'
import { openDatabase } from '../src/server/platform/db.ts'
import { migrate } from '../src/server/platform/migrate.ts'
import { recreate } from './database.ts'

const { values } = parseArgs({
  options: {
    json: { type: 'boolean' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
  },
})
const seconds = Number(values.seconds)
const connections = Number(values.connections)

const databaseUrl = process.env.BENCH_DATABASE_URL ?? null
if (databaseUrl) await recreate(databaseUrl)

const database = await openDatabase({ databaseUrl, dataDir: null })
await migrate(database)
await seedDemo(database.db, { passwordHash: await hashPassword(DEMO_PASSWORD) })
// The event bus keeps the on-duty index current, as in `verbond serve`; the demo rosters are made as there too.
const bus = await startEventBus(database, { databaseUrl })
const app = await buildApp(
  loadConfig({}, { logLevel: 'silent', rateLimitPerMinute: 0, webDir: '/nonexistent', demo: true }),
  database,
  { bus },
)
const address = await app.listen({ port: 0, host: '127.0.0.1' })
await seedDemoRosters(database.db, { adminEmail: DEMO_ADMIN_EMAIL })

async function signIn(email: string): Promise<string> {
  const login = await fetch(`${address}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  })
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  if (login.status !== 200 || !cookie) throw new Error(`bench login failed for ${email}: ${login.status}`)
  return cookie
}
const cookie = await signIn('planner.5373@demo.verbond.be')
// A planner of Voeren, covered by two demo rotations shared with Bilzen-Hoeselt-Riemst.
const onDutyCookie = await signIn('planner.5382@demo.verbond.be')
// The demo rosters start tomorrow: asked three days ahead, both rotations have someone on duty and a next person,
// from either zone, so partner-zone names are shown and their reads logged (counted in `onDutyAuditRows`).
const onDutyPath = `/api/permanences/on-duty?at=${encodeURIComponent(new Date(Date.now() + 3 * 86_400_000).toISOString())}`
const auditRows = async () =>
  Number(
    (
      await database.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

async function measure(path: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url: `${address}${path}`, connections, duration: seconds, headers })
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  return { rps: Math.round(result.requests.average), p99ms: result.latency.p99 }
}

// Warm up each route briefly so JIT and caches do not favour whichever runs last.
for (const path of ['/api/ping', '/api/zones', '/api/people?limit=50'])
  await autocannon({ url: `${address}${path}`, connections: 2, duration: 1, headers: { cookie } })
await autocannon({
  url: `${address}${onDutyPath}`,
  connections: 2,
  duration: 1,
  headers: { cookie: onDutyCookie },
})

const baseline = await measure('/api/ping')
const signedInPing = await measure('/api/ping', { cookie })
const zones = await measure('/api/zones')
const people = await measure('/api/people?limit=50', { cookie })
// Who is on duty now, for every rotation the planner sees (issue 8): from the in-memory index.
const auditBefore = await auditRows()
const onDutyMeasured = await measure(onDutyPath, { cookie: onDutyCookie })
const onDuty = { ...onDutyMeasured, auditRows: (await auditRows()) - auditBefore }
const toBaseline = (m: { rps: number }) => Math.round((m.rps / baseline.rps) * 1000) / 1000
const report = {
  zones,
  people,
  signedInPing,
  onDuty,
  baseline,
  ratio: toBaseline(people),
  onDutyRatio: toBaseline(onDuty),
  ratios: { zones: toBaseline(zones), people: toBaseline(people), signedInPing: toBaseline(signedInPing) },
  database: database.kind,
  seconds,
  connections,
}

if (values.json) console.log(JSON.stringify(report))
else {
  console.log(`baseline GET /api/ping      ${baseline.rps} req/s  p99 ${baseline.p99ms} ms`)
  console.log(`GET /api/ping (signed in)   ${signedInPing.rps} req/s  p99 ${signedInPing.p99ms} ms`)
  console.log(`GET /api/zones              ${zones.rps} req/s  p99 ${zones.p99ms} ms`)
  console.log(`GET /api/people (signed in) ${people.rps} req/s  p99 ${people.p99ms} ms`)
  console.log(`GET /api/permanences/on-duty ${onDuty.rps} req/s  p99 ${onDuty.p99ms} ms (ratio ${report.onDutyRatio})`)
  console.log(
    `ratios to baseline          zones ${report.ratios.zones}, people ${report.ratios.people}, signed-in ping ${report.ratios.signedInPing}`,
  )
}
await app.close()
await bus.close()
await database.close()
process.exit(0)
