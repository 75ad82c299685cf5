import { buildApp } from '../src/server/app.ts'
import { loadConfig } from '../src/server/config.ts'
import { DEMO_PASSWORD } from '../src/server/demo/data.ts'
import { seedDemo } from '../src/server/demo/seed.ts'
import { hashPassword } from '../src/server/platform/auth/passwords.ts'
import { openDatabase } from '../src/server/platform/db.ts'
import { migrate } from '../src/server/platform/migrate.ts'
import { Session } from 'node:inspector/promises'
const database = await openDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL ?? null, dataDir: null })
await migrate(database)
await seedDemo(database.db, { passwordHash: await hashPassword(DEMO_PASSWORD) })
const app = await buildApp(loadConfig({}, { logLevel: 'silent', rateLimitPerMinute: 0, webDir: '/nonexistent', demo: true }), database)
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'planner.5373@demo.verbond.be', password: DEMO_PASSWORD } })
const cookie = `verbond_session=${login.cookies.find((c) => c.name === 'verbond_session')?.value ?? ''}`
for (let i = 0; i < 50; i++) await app.inject({ method: 'GET', url: '/api/people?limit=50', headers: { cookie } })
const pg = database.pglite!
const orig = pg.query.bind(pg)
const stat = new Map<string, [number, number]>()
;(pg as unknown as { query: typeof pg.query }).query = (async (q: string, p?: unknown[], o?: unknown) => {
  const t = performance.now()
  try { return await orig(q, p as never, o as never) } finally {
    const k = q.replace(/\s+/g, ' ').slice(0, 70)
    const e = stat.get(k) ?? [0, 0]; e[0]++; e[1] += performance.now() - t; stat.set(k, e)
  }
}) as typeof pg.query
const s = new Session(); s.connect()
await s.post('Profiler.enable'); await s.post('Profiler.start')
const t0 = performance.now()
for (let i = 0; i < 200; i++) await app.inject({ method: 'GET', url: '/api/people?limit=50', headers: { cookie } })
console.log('per request ms', (performance.now() - t0) / 200)
const { profile } = await s.post('Profiler.stop')
for (const [k, [n, t]] of stat) console.log(String(n).padStart(5), (t / 200).toFixed(3).padStart(8), 'ms/req', k)
const self = new Map<string, number>()
const dt = profile.timeDeltas ?? []
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const samples = profile.samples ?? []
for (let i = 0; i < samples.length; i++) {
  const n = byId.get(samples[i]!)!
  const u = n.callFrame.url; const key = u.includes('wasm') ? 'wasm' : u.includes('pglite') ? 'pglite-js' : u.includes('kysely') ? 'kysely' : u.includes('fastify') || u.includes('light-my-request') || u.includes('find-my-way') ? 'fastify' : u.includes('/src/') ? u.split('/src/')[1]! : u ? u.split('node_modules/')[1]?.split('/')[0] ?? u : n.callFrame.functionName
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0))
}
const total = [...self.values()].reduce((a, b) => a + b, 0)
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(((v / total) * 100).toFixed(1).padStart(5), '%', k)
await app.close(); await database.close(); process.exit(0)
