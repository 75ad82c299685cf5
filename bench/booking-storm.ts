// Booking storm benchmark (issue 10): 200 concurrent real HTTP requests (one session, distinct idempotency keys)
// book the same asset for overlapping periods — the exclusion constraint lets exactly one win, the others answer
// 409 BOOKING_CONFLICT; then 200 concurrent requests over disjoint periods, all of which succeed. A baseline in the
// same run: GET /api/health ×200 concurrent (`baselineSeconds`), so the numbers can be quoted as ratios.
// Usage: npm run bench:booking-storm -- [--json] [--attempts N]
// On PostgreSQL: BENCH_DATABASE_URL (or DATABASE_URL) = postgres://…/<name>_bench (dropped and created).
import { parseArgs } from 'node:util'
import { buildApp } from '../src/server/app.ts'
import { loadConfig } from '../src/server/config.ts'
import { DEMO_PASSWORD } from '../src/server/demo/data.ts'
import { seedDemo } from '../src/server/demo/seed.ts'
import { hashPassword } from '../src/server/platform/auth/passwords.ts'
import { openDatabase } from '../src/server/platform/db.ts'
import { migrate } from '../src/server/platform/migrate.ts'
import { recreate } from './database.ts'

const { values } = parseArgs({
  options: { json: { type: 'boolean' }, attempts: { type: 'string', default: '200' } },
})
const attempts = Number(values.attempts)
const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? null
if (databaseUrl) await recreate(databaseUrl)

const database = await openDatabase({ databaseUrl, dataDir: null })
await migrate(database)
await seedDemo(database.db, { passwordHash: await hashPassword(DEMO_PASSWORD) })
const config = loadConfig(
  {},
  { logLevel: 'silent', rateLimitPerMinute: 0, webDir: '/nonexistent', demo: true, databaseUrl },
)
const app = await buildApp(config, database)
const address = await app.listen({ port: 0, host: '127.0.0.1' })

// The logistics staff of Polder (5460) books its own speed radar: the storm is about the exclusion constraint.
const zone = await database.db.selectFrom('zones').select('id').where('code', '=', '5460').executeTakeFirstOrThrow()
const at = new Date()
const asset = await database.db
  .insertInto('assets')
  .values({
    zone_id: zone.id,
    kind: 'speed_radar',
    name: 'Storm radar',
    identifier: `STORM-${Date.now()}`,
    created_at: at,
    updated_at: at,
  })
  .returning('id')
  .executeTakeFirstOrThrow()

const login = await fetch(`${address}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'logistics.5460@demo.verbond.be', password: DEMO_PASSWORD }),
})
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
if (login.status !== 200 || !cookie) throw new Error(`bench login failed: ${login.status}`)
const { csrfToken } = (await login.json()) as { csrfToken: string }

const HOUR = 3_600_000
const base = Date.now() + 7 * 24 * HOUR

async function storm(period: (i: number) => { from: number; to: number }, run: string) {
  const started = performance.now()
  const results = await Promise.all(
    Array.from({ length: attempts }, async (_, i) => {
      const p = period(i)
      const res = await fetch(`${address}/api/equipment/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({
          assetIds: [asset.id],
          from: new Date(p.from).toISOString(),
          to: new Date(p.to).toISOString(),
          purpose: 'Storm',
          idempotencyKey: `storm-${run}-${i}`,
        }),
      })
      const body = (await res.json()) as { error?: { code: string } }
      return res.status === 201
        ? 'ok'
        : res.status === 409 && body.error?.code === 'BOOKING_CONFLICT'
          ? 'conflict'
          : 'error'
    }),
  )
  const seconds = Math.round((performance.now() - started) / 10) / 100
  const count = (r: string) => results.filter((x) => x === r).length
  return { attempts, succeeded: count('ok'), conflicts: count('conflict'), errors: count('error'), seconds }
}

const baselineStarted = performance.now()
await Promise.all(Array.from({ length: attempts }, () => fetch(`${address}/api/health`).then((r) => r.text())))
const baselineSeconds = Math.round((performance.now() - baselineStarted) / 10) / 100

// Every attempt overlaps every other: all start within the first hour and last two hours.
const overlapping = await storm(
  (i) => ({ from: base + (i % 60) * 60_000, to: base + 2 * HOUR + (i % 60) * 60_000 }),
  'o',
)
// One hour each, one after the other, far from the first storm.
const disjoint = await storm(
  (i) => ({ from: base + 30 * 24 * HOUR + i * HOUR, to: base + 30 * 24 * HOUR + (i + 1) * HOUR }),
  'd',
)

const report = { ...overlapping, disjoint, baselineSeconds, database: database.kind }
if (values.json) console.log(JSON.stringify(report))
else {
  console.log(
    `overlapping: ${overlapping.succeeded} won, ${overlapping.conflicts} conflicts, ${overlapping.errors} errors in ${overlapping.seconds} s`,
  )
  console.log(
    `disjoint:    ${disjoint.succeeded} won, ${disjoint.conflicts} conflicts, ${disjoint.errors} errors in ${disjoint.seconds} s`,
  )
  console.log(`baseline:    ${attempts} × GET /api/health in ${baselineSeconds} s`)
}
await app.close()
await database.close()
process.exit(0)
