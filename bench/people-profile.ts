// Where a GET /api/people?limit=50 (planner.5373, demo data) spends its time: the whole request through
// inject, and its parts measured alone, interleaved round by round so that machine noise hits all alike;
// then EXPLAIN ANALYZE of the page query. Usage: npm run bench:people-profile [-- --rounds N]
// (BENCH_DATABASE_URL=postgres://… for PostgreSQL, as bench/api.ts).
import { parseArgs } from 'node:util'
import { sql, type CompiledQuery, type KyselyPlugin } from 'kysely'
import { buildApp } from '../src/server/app.ts'
import { loadConfig } from '../src/server/config.ts'
import { DEMO_PASSWORD } from '../src/server/demo/data.ts'
import { seedDemo } from '../src/server/demo/seed.ts'
import { crossZoneReads, presentPerson } from '../src/server/features/people/domain.ts'
import { peopleRepository } from '../src/server/features/people/repository.ts'
import { audit } from '../src/server/platform/audit.ts'
import { hashPassword } from '../src/server/platform/auth/passwords.ts'
import { sessionStore } from '../src/server/platform/auth/sessions.ts'
import { openDatabase } from '../src/server/platform/db.ts'
import { loadGrants } from '../src/server/platform/grants.ts'
import { migrate } from '../src/server/platform/migrate.ts'
import { actorZones, scopeFrom, type Actor } from '../src/server/platform/policy.ts'
import { brusselsDate } from '../src/server/platform/time.ts'

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '200' } } })
const rounds = Number(values.rounds)

const database = await openDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL ?? null, dataDir: null })
await migrate(database)
await seedDemo(database.db, { passwordHash: await hashPassword(DEMO_PASSWORD) })
const app = await buildApp(
  loadConfig({}, { logLevel: 'silent', rateLimitPerMinute: 0, webDir: '/nonexistent', demo: true }),
  database,
)
const { db } = database
const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { email: 'planner.5373@demo.verbond.be', password: DEMO_PASSWORD },
})
const cookie = `verbond_session=${login.cookies.find((c) => c.name === 'verbond_session')?.value ?? ''}`
const token = cookie.slice('verbond_session='.length)
const resolved = await sessionStore(db, { ttlHours: 12, idleMinutes: 60 }).resolve(token)
if (!resolved) throw new Error('no session')
const policyActor: Actor = resolved.actor
const date = brusselsDate(new Date())
const grants = await loadGrants(db, actorZones(policyActor), date)
const scope = scopeFrom({ actor: policyActor, date, grants, memberships: [] }, 'person.read')
const page = await peopleRepository(db).list(scope, { limit: 50 })
const reads = crossZoneReads(page.map((r) => presentPerson(r, scope.ownZoneIds)))

// Another Kysely instance over the same connection: not the one whose grants the app caches.
const uncached = db.withPlugin({
  transformQuery: (args) => args.node,
  transformResult: (args) => Promise.resolve(args.result),
})
const steps: Record<string, () => Promise<unknown>> = {
  'request GET /api/ping (signed in)': () => app.inject({ method: 'GET', url: '/api/ping', headers: { cookie } }),
  'request GET /api/people?limit=50': () =>
    app.inject({ method: 'GET', url: '/api/people?limit=50', headers: { cookie } }),
  'SELECT 1': () => sql`SELECT 1`.execute(db),
  'grants (from the database)': () => loadGrants(uncached, actorZones(policyActor), date),
  'people page (list)': () => peopleRepository(db).list(scope, { limit: 50 }),
  'audit of the partner reads': () =>
    db.transaction().execute((trx) =>
      audit.partnerReads(
        trx,
        policyActor,
        reads.map((r) => ({
          zoneId: r.zoneId,
          action: 'person.list' as const,
          reasons: r.reasons,
          object: { type: 'person', id: null },
          details: { personIds: r.personIds },
        })),
      ),
    ),
}
const times = new Map<string, number[]>(Object.keys(steps).map((k) => [k, []]))
for (let i = 0; i < 20; i++) for (const run of Object.values(steps)) await run() // warm-up
for (let i = 0; i < rounds; i++)
  for (const [name, run] of Object.entries(steps)) {
    const t0 = performance.now()
    await run()
    times.get(name)?.push(performance.now() - t0)
  }
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
console.log(`${database.kind}, ${rounds} rounds; partner reads on the page: ${reads.length} zone(s)`)
for (const [name, xs] of times) console.log(`${median(xs).toFixed(3).padStart(8)} ms  ${name}`)

// EXPLAIN ANALYZE of the page query, compiled by the repository itself.
let captured: CompiledQuery | null = null
const capture: KyselyPlugin = {
  transformQuery: (args) => {
    captured = db.getExecutor().compileQuery(args.node, args.queryId)
    return args.node
  },
  transformResult: (args) => Promise.resolve(args.result),
}
await peopleRepository(db.withPlugin(capture)).list(scope, { limit: 50 })
const query = captured as CompiledQuery | null
if (query) {
  const plan = await db.executeQuery<{ 'QUERY PLAN': string }>({
    ...query,
    sql: `EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`,
  })
  console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'))
  const pglite = database.pglite
  const direct: Record<string, () => Promise<unknown>> = {
    'page: repository (compile + run)': () => peopleRepository(db).list(scope, { limit: 50 }),
    'page: compiled, through Kysely': () => db.executeQuery(query),
    ...(pglite ? { 'page: compiled, PGlite alone': () => pglite.query(query.sql, [...query.parameters]) } : {}),
    'page: EXPLAIN, no analyze': () => db.executeQuery({ ...query, sql: `EXPLAIN ${query.sql}` }),
    'page: EXPLAIN ANALYZE, no timing': () =>
      db.executeQuery({ ...query, sql: `EXPLAIN (ANALYZE, TIMING OFF) ${query.sql}` }),
  }
  if (pglite) {
    console.log(`page SQL: ${query.sql.length} chars, ${query.parameters.length} parameters`)
    const literal = (v: unknown): string =>
      Array.isArray(v)
        ? `'{${v.map((x) => `"${String(x)}"`).join(',')}}'`
        : typeof v === 'number'
          ? String(v)
          : `'${String(v)}'`
    const inlined = query.sql.replace(/\$(\d+)/g, (_, n: string) => literal(query.parameters[Number(n) - 1]))
    direct['page: parameters inlined, PGlite query'] = () => pglite.query(inlined)
    direct['page: parameters inlined, PGlite exec'] = () => pglite.exec(inlined)
    direct['SELECT 1 through PGlite'] = () => pglite.query('SELECT 1')
  }
  const dtimes = new Map<string, number[]>(Object.keys(direct).map((k) => [k, []]))
  for (let i = 0; i < rounds; i++)
    for (const [name, run] of Object.entries(direct)) {
      const t0 = performance.now()
      await run()
      dtimes.get(name)?.push(performance.now() - t0)
    }
  for (const [name, xs] of dtimes) console.log(`${median(xs).toFixed(3).padStart(8)} ms  ${name}`)
  // Planning against execution, without the cost of timing every node.
  const planning: number[] = []
  const execution: number[] = []
  for (let i = 0; i < 50; i++) {
    const summary = await db.executeQuery<{ 'QUERY PLAN': string }>({
      ...query,
      sql: `EXPLAIN (ANALYZE, TIMING OFF, SUMMARY) ${query.sql}`,
    })
    const text = summary.rows.map((r) => r['QUERY PLAN']).join('\n')
    planning.push(Number(/Planning Time: ([\d.]+)/.exec(text)?.[1] ?? NaN))
    execution.push(Number(/Execution Time: ([\d.]+)/.exec(text)?.[1] ?? NaN))
  }
  console.log(
    `page query: planning ${median(planning).toFixed(3)} ms, execution ${median(execution).toFixed(3)} ms (medians of 50)`,
  )
}
await app.close()
await database.close()
process.exit(0)
