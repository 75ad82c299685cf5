// An app on its own test database, driven through app.inject (real HTTP semantics, no socket).
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { buildApp } from '../src/server/app.ts'
import { loadConfig, type Config } from '../src/server/config.ts'
import { DEMO_PASSWORD } from '../src/server/demo/data.ts'
import { systemClock, type Clock } from '../src/server/platform/clock.ts'
import type { Database } from '../src/server/platform/db.ts'
import { openTestDatabase } from './databases.ts'

export interface Session {
  cookie: string
  csrf: string
  /** A request as this user: cookie always, CSRF header on unsafe methods. */
  request(options: InjectOptions): Promise<LightMyRequestResponse>
}

export interface TestApp {
  app: FastifyInstance
  database: Database
  /** PostgreSQL: the test database's URL (for a second connection or a LISTEN); PGlite: null. */
  databaseUrl: string | null
  config: Config
  login(email: string, password?: string): Promise<Session>
  close(): Promise<void>
}

export interface TestAppOptions {
  /** The app's source of "now": a TestClock lets the test set and advance time. */
  clock?: Clock
}

export async function startTestApp(overrides: Partial<Config> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const database = await openTestDatabase()
  const config = loadConfig(
    {},
    { logLevel: 'silent', rateLimitPerMinute: 0, webDir: '/nonexistent', demo: true, ...overrides },
  )
  const app = await buildApp(config, database, { clock: options.clock ?? systemClock })
  await app.ready()
  return {
    app,
    database,
    databaseUrl: database.url,
    config,
    async login(email, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })
      if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`)
      const cookie = res.cookies.find((c) => c.name === 'verbond_session')
      if (!cookie) throw new Error('no session cookie')
      const csrf = res.json<{ csrfToken: string }>().csrfToken
      const header = `verbond_session=${cookie.value}`
      return {
        cookie: header,
        csrf,
        request: (options) =>
          app.inject({
            ...options,
            headers: { ...(options.headers ?? {}), cookie: header, 'x-csrf-token': csrf },
          }),
      }
    },
    async close() {
      await app.close()
      await database.close()
    },
  }
}
