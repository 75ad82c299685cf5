// Mutual assistance benchmark (issue 9). Two figures, each beside a baseline measured in the same run:
// - alertLatencyMs: 200 urgent requests created through the API by an officer of Voeren, with the event streams
//   (GET /api/events, real HTTP, server-sent events) of Bilzen-Hoeselt-Riemst's users connected; from sending the
//   POST to the first `assistance.alert` of that request arriving on one of those streams. Baseline: the round
//   trip of GET /api/ping (`pingMs`).
// - ledgerBalanceMs: GET /api/assistance/associations/:id/balances over a year, after a demo year of generated
//   deployments (confirmed, posted) for the association; `ledgerLines` says how many lines it aggregates.
// Usage: npm run bench:assistance -- [--json] [--requests N] [--year-requests N] [--balance-runs N]
// On PostgreSQL: BENCH_DATABASE_URL=postgres://…/<name>_bench (dropped and created).
import { parseArgs } from 'node:util'
import { buildApp } from '../src/server/app.ts'
import { loadConfig } from '../src/server/config.ts'
import { DEMO_ADMIN_EMAIL } from '../src/server/demo/accounts.ts'
import { DEMO_PASSWORD } from '../src/server/demo/data.ts'
import { seedDemo } from '../src/server/demo/seed.ts'
import { generateAssistanceYear, seedDemoAssistance } from '../src/server/features/assistance/demo.ts'
import { seedDemoRostersInProgress } from '../src/server/features/permanences/demo.ts'
import { hashPassword } from '../src/server/platform/auth/passwords.ts'
import { startBackground } from '../src/server/platform/background.ts'
import { openDatabase } from '../src/server/platform/db.ts'
import { migrate } from '../src/server/platform/migrate.ts'
import { today } from '../src/server/platform/clock.ts'
import { Temporal } from 'temporal-polyfill'
import { recreate } from './database.ts'

const { values } = parseArgs({
  options: {
    json: { type: 'boolean' },
    requests: { type: 'string', default: '200' },
    'year-requests': { type: 'string', default: '600' },
    'balance-runs': { type: 'string', default: '50' },
  },
})
const requestCount = Number(values.requests)
const yearRequests = Number(values['year-requests'])
const balanceRuns = Number(values['balance-runs'])

const databaseUrl = process.env.BENCH_DATABASE_URL ?? null
if (databaseUrl) await recreate(databaseUrl)

const database = await openDatabase({ databaseUrl, dataDir: null })
await migrate(database)
await seedDemo(database.db, { passwordHash: await hashPassword(DEMO_PASSWORD) })
const config = loadConfig(
  {},
  { logLevel: 'silent', rateLimitPerMinute: 0, webDir: '/nonexistent', demo: true, databaseUrl },
)
// As `verbond serve`: the dispatcher (bus) and the job runner, the demo rosters in progress and assistance.
const background = await startBackground(database, config, { pollMs: 200 })
const app = await buildApp(config, database, { bus: background.bus })
const address = await app.listen({ port: 0, host: '127.0.0.1' })
await seedDemoRostersInProgress(database.db, DEMO_ADMIN_EMAIL)
await seedDemoAssistance(database.db, DEMO_ADMIN_EMAIL)

interface Session {
  cookie: string
  csrf: string
}
async function signIn(email: string): Promise<Session> {
  const login = await fetch(`${address}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  })
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  if (login.status !== 200 || !cookie) throw new Error(`bench login failed for ${email}: ${login.status}`)
  const { csrfToken } = (await login.json()) as { csrfToken: string }
  return { cookie, csrf: csrfToken }
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0)
const summary = (samples: readonly number[]) => {
  const sorted = [...samples].sort((a, b) => a - b)
  const round = (n: number) => Math.round(n * 100) / 100
  return { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)) }
}

// --- the partner zone's event streams ------------------------------------------------------------------------
const REQUESTER = 'officer.5382@demo.verbond.be' // Voeren
const PARTNER_ACCOUNTS = ['korpschef', 'planner', 'officer'].map((r) => `${r}.5381@demo.verbond.be`)
const firstAlert = new Map<string, number>()
const waiting = new Map<string, () => void>()
const streams: AbortController[] = []

async function listen(session: Session): Promise<void> {
  const abort = new AbortController()
  streams.push(abort)
  const res = await fetch(`${address}/api/events`, { headers: { cookie: session.cookie }, signal: abort.signal })
  if (res.status !== 200 || !res.body) throw new Error(`event stream: ${res.status}`)
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return
        buffer += value
        let cut
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut)
          buffer = buffer.slice(cut + 2)
          const data = block.split('\n').find((l) => l.startsWith('data: '))
          if (!data) continue
          const event = JSON.parse(data.slice(6)) as { type: string; payload?: { requestId?: string } }
          const id = event.payload?.requestId
          if (event.type !== 'assistance.alert' || !id || firstAlert.has(id)) continue
          firstAlert.set(id, performance.now())
          waiting.get(id)?.()
        }
      }
    } catch (err) {
      if (!abort.signal.aborted) throw err
    }
  })()
}
for (const email of PARTNER_ACCOUNTS) await listen(await signIn(email))

// --- 200 urgent requests ---------------------------------------------------------------------------------------
const requester = await signIn(REQUESTER)
const post = (path: string, body: unknown) =>
  fetch(`${address}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: requester.cookie, 'x-csrf-token': requester.csrf },
    body: JSON.stringify(body),
  })
const ping = async () => {
  const start = performance.now()
  await (await fetch(`${address}/api/ping`)).arrayBuffer()
  return performance.now() - start
}

const latencies: number[] = []
// The part of the latency that is the POST itself (its answer), the rest is the delivery of the committed event.
const createTimes: number[] = []
const pings: number[] = []
for (let i = 0; i < requestCount + 5; i++) {
  pings.push(await ping())
  const started = performance.now()
  let requestId = ''
  const arrived = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no alert within 10 s for request ${i}`)), 10_000)
    const done = () => {
      clearTimeout(timer)
      resolve()
    }
    void post('/api/assistance/requests', {
      urgency: 'urgent',
      category: 'urgent_backup',
      place: `Kerkstraat ${i + 1}, Voeren`,
      contact: 'Dispatch Voeren +32 4 381 00 00',
      lines: [{ capability: 'inspecteur', count: 2 }],
      addressing: 'all',
      send: true,
      idempotencyKey: `bench-${Date.now()}-${i}`,
    }).then(async (res) => {
      if (res.status !== 201) return reject(new Error(`create: ${res.status} ${await res.text()}`))
      requestId = ((await res.json()) as { id: string }).id
      if (i >= 5) createTimes.push(performance.now() - started)
      if (firstAlert.has(requestId)) done()
      else waiting.set(requestId, done)
    }, reject)
  })
  await arrived
  // The first five warm up the routes, the stream and the JIT.
  if (i >= 5) latencies.push((firstAlert.get(requestId) ?? Number.NaN) - started)
}

// --- the ledger over a demo year ----------------------------------------------------------------------------
const association = await database.db
  .selectFrom('associations')
  .select('id')
  .where('code', '=', 'voeren-bhr')
  .executeTakeFirstOrThrow()
await generateAssistanceYear(database.db, association.id, { requests: yearRequests })
const ledgerLines = Number(
  (
    await database.db
      .selectFrom('assistance_ledger_lines')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('association_id', '=', association.id)
      .executeTakeFirstOrThrow()
  ).n,
)
const finance = await signIn('finance.5382@demo.verbond.be')
const to = today()
const from = Temporal.PlainDate.from(to).subtract({ years: 1 }).toString()
const balancePath = `/api/assistance/associations/${association.id}/balances?from=${from}&to=${to}`
const balanceTimes: number[] = []
const balancePings: number[] = []
for (let i = 0; i < balanceRuns + 5; i++) {
  balancePings.push(await ping())
  const start = performance.now()
  const res = await fetch(`${address}${balancePath}`, { headers: { cookie: finance.cookie } })
  await res.arrayBuffer()
  if (res.status !== 200) throw new Error(`balances: ${res.status}`)
  if (i >= 5) balanceTimes.push(performance.now() - start)
}

const alertLatencyMs = summary(latencies)
const ledgerBalanceMs = summary(balanceTimes)
const pingMs = summary([...pings, ...balancePings])
const createMs = summary(createTimes)
const report = {
  alertLatencyMs,
  requests: latencies.length,
  ledgerBalanceMs,
  ledgerLines,
  createMs,
  pingMs,
  ratios: {
    alertToPing: Math.round((alertLatencyMs.p50 / pingMs.p50) * 10) / 10,
    balanceToPing: Math.round((ledgerBalanceMs.p50 / pingMs.p50) * 10) / 10,
  },
  database: database.kind,
}

if (values.json) console.log(JSON.stringify(report))
else {
  console.log(
    `alert latency     p50 ${alertLatencyMs.p50} ms  p99 ${alertLatencyMs.p99} ms  (${latencies.length} requests)`,
  )
  console.log(`  of which POST   p50 ${createMs.p50} ms  p99 ${createMs.p99} ms`)
  console.log(`ledger balance    p50 ${ledgerBalanceMs.p50} ms  p99 ${ledgerBalanceMs.p99} ms  (${ledgerLines} lines)`)
  console.log(`baseline ping     p50 ${pingMs.p50} ms  p99 ${pingMs.p99} ms`)
  console.log(`ratios to ping    alert ${report.ratios.alertToPing}, balance ${report.ratios.balanceToPing}`)
}
for (const s of streams) s.abort()
await app.close()
await background.close()
await database.close()
process.exit(0)
