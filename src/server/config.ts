// Every environment variable Verbond reads, with its type, default and meaning.
// `loadConfig` validates them all at boot and fails fast with one readable message.
import { isIP } from 'node:net'
import path from 'node:path'

export type DatabaseKind = 'pglite' | 'postgres'

export interface Config {
  port: number
  host: string
  databaseUrl: string | null
  dataDir: string
  demo: boolean
  sessionTtlHours: number
  sessionIdleMinutes: number
  loginMaxFailures: number
  loginWindowMinutes: number
  loginAddressFreeFailures: number
  loginAddressMaxDelaySeconds: number
  loginAttemptsRetentionDays: number
  cookieSecure: boolean
  /** Fastify's trustProxy: false, or the addresses/CIDRs of the proxies whose X-Forwarded-For to believe. */
  trustProxy: false | string[]
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  rateLimitPerMinute: number
  webDir: string
  /** SMTP server for notification mail (smtp:// or smtps://); null: mail is not sent. */
  smtpUrl: string | null
  mailFrom: string
  /** Where users open the app (no trailing slash): the base of links in mail. */
  publicUrl: string
  /** Read notifications are purged after this many days. */
  notificationRetentionDays: number
}

type Parser<T> = (raw: string) => T

interface VarSpec<T> {
  name: string
  doc: string
  /** Shown in the documentation; `undefined` means "derived, see doc". */
  defaultText: string
  parse: Parser<T>
  fallback: (env: NodeJS.ProcessEnv) => T
}

class ConfigError extends Error {}

const int =
  (min: number, max: number): Parser<number> =>
  (raw) => {
    if (!/^\d+$/.test(raw)) throw new ConfigError(`expected a whole number, got "${raw}"`)
    const n = Number(raw)
    if (n < min || n > max) throw new ConfigError(`expected a number from ${min} to ${max}, got ${n}`)
    return n
  }

const bool: Parser<boolean> = (raw) => {
  const v = raw.trim().toLowerCase()
  if (['1', 'true', 'yes', 'on'].includes(v)) return true
  if (['0', 'false', 'no', 'off'].includes(v)) return false
  throw new ConfigError(`expected true or false, got "${raw}"`)
}

const text: Parser<string> = (raw) => {
  if (raw.trim() === '') throw new ConfigError('must not be empty')
  return raw
}

const postgresUrl: Parser<string> = (raw) => {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError('is not a URL (expected postgres://user@host:5432/database)')
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    throw new ConfigError(`must start with postgres:// (got ${url.protocol}//)`)
  if (url.pathname.length < 2) throw new ConfigError('must name a database, e.g. postgres://localhost/verbond')
  return raw
}

/** proxy-addr's names for address ranges, accepted by Fastify's trustProxy list. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal']

const isProxyAddress = (entry: string): boolean => {
  if (PROXY_RANGE_NAMES.includes(entry)) return true
  const [address = '', prefix, ...rest] = entry.split('/')
  const family = isIP(address)
  if (family === 0 || rest.length > 0) return false
  if (prefix === undefined) return true
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128)
}

// `true` would make Fastify believe the left-most X-Forwarded-For entry, which the client writes itself:
// anyone could then pick the address the login throttle counts and the audit log records. A hop count is
// refused too: Fastify 5 ignores it (fails closed), because a client that reaches the server directly
// could then still choose its address. Only the proxies' own addresses say whom to believe.
const trustProxy: Parser<Config['trustProxy']> = (raw) => {
  const v = raw.trim().toLowerCase()
  if (['', 'false', 'no', 'off'].includes(v)) return false
  const example =
    'list the addresses of the proxies in front of Verbond instead (e.g. 10.0.0.5 or 10.1.0.0/16,loopback)'
  if (['true', 'yes', 'on'].includes(v))
    throw new ConfigError(`true would trust the X-Forwarded-For header that clients write themselves; ${example}`)
  if (/^\d+$/.test(v))
    throw new ConfigError(
      `a number of proxy hops is not supported (a client reaching Verbond directly could forge its address); ${example}`,
    )
  const entries = v.split(',').map((e) => e.trim())
  const bad = entries.filter((e) => !isProxyAddress(e))
  if (bad.length > 0)
    throw new ConfigError(
      `expected proxy addresses or CIDRs, comma-separated (or loopback, linklocal, uniquelocal); ` +
        `not an address: ${bad.map((b) => `"${b}"`).join(', ')}`,
    )
  return entries
}

const smtpUrl: Parser<string> = (raw) => {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError('is not a URL (expected smtp://user:password@host:587)')
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw new ConfigError(`must start with smtp:// or smtps:// (got ${url.protocol}//)`)
  if (!url.hostname) throw new ConfigError('must name a host, e.g. smtp://mail.example.be:587')
  return raw
}

// An address, bare or with a display name: noreply@verbond.be or "Verbond <noreply@verbond.be>".
const mailAddress: Parser<string> = (raw) => {
  const v = raw.trim()
  const address = /^[^<>]*<([^<>]+)>$/.exec(v)?.[1] ?? v
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(address))
    throw new ConfigError(`expected an e-mail address, e.g. "Verbond <noreply@example.be>", got "${raw}"`)
  return v
}

const publicUrl: Parser<string> = (raw) => {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError('is not a URL (expected https://verbond.example.be)')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ConfigError(`must start with https:// or http:// (got ${url.protocol}//)`)
  if (url.search || url.hash) throw new ConfigError('must not have a query or fragment')
  return url.href.replace(/\/+$/, '')
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
const logLevel: Parser<Config['logLevel']> = (raw) => {
  const found = LOG_LEVELS.find((l) => l === raw)
  if (!found) throw new ConfigError(`expected one of ${LOG_LEVELS.join(', ')}, got "${raw}"`)
  return found
}

const isDemo = (env: NodeJS.ProcessEnv): boolean =>
  env.VERBOND_DEMO !== undefined ? bool(env.VERBOND_DEMO) : env.DATABASE_URL === undefined

/** The specification: one entry per variable. docs/operations.md and the README render this table. */
export const CONFIG_VARS = {
  port: {
    name: 'PORT',
    doc: 'TCP port the HTTP server listens on.',
    defaultText: '3000',
    parse: int(1, 65535),
    fallback: () => 3000,
  },
  host: {
    name: 'HOST',
    doc: 'Address to listen on. In demo mode (public demo passwords) only 127.0.0.1 unless HOST is set explicitly.',
    defaultText: '127.0.0.1 in demo mode, otherwise 0.0.0.0',
    parse: text,
    fallback: (env) => (isDemo(env) ? '127.0.0.1' : '0.0.0.0'),
  },
  databaseUrl: {
    name: 'DATABASE_URL',
    doc: 'PostgreSQL server to use (postgres://…). When unset, Verbond runs on embedded PGlite in VERBOND_DATA_DIR.',
    defaultText: '(unset: embedded PGlite)',
    parse: postgresUrl,
    fallback: () => null,
  },
  dataDir: {
    name: 'VERBOND_DATA_DIR',
    doc: 'Data directory of the embedded PGlite database.',
    defaultText: './data',
    parse: (raw) => path.resolve(text(raw)),
    fallback: () => path.resolve('data'),
  },
  demo: {
    name: 'VERBOND_DEMO',
    doc: 'Demo mode: seed the demo associations and demo accounts on first start. Never on a server database unless set.',
    defaultText: 'true without DATABASE_URL, false with it',
    parse: bool,
    fallback: isDemo,
  },
  sessionTtlHours: {
    name: 'SESSION_TTL_HOURS',
    doc: 'Absolute lifetime of a login session, in hours.',
    defaultText: '12',
    parse: int(1, 24 * 30),
    fallback: () => 12,
  },
  sessionIdleMinutes: {
    name: 'SESSION_IDLE_MINUTES',
    doc: 'A session unused for this many minutes expires.',
    defaultText: '60',
    parse: int(1, 24 * 60),
    fallback: () => 60,
  },
  loginMaxFailures: {
    name: 'LOGIN_MAX_FAILURES',
    doc: 'Failed logins allowed per account (since its last success) within the window; the next attempt gets 429, even with the right password.',
    defaultText: '10',
    parse: int(1, 1000),
    fallback: () => 10,
  },
  loginWindowMinutes: {
    name: 'LOGIN_WINDOW_MINUTES',
    doc: 'Window for counting failed logins, in minutes.',
    defaultText: '15',
    parse: int(1, 24 * 60),
    fallback: () => 15,
  },
  loginAddressFreeFailures: {
    name: 'LOGIN_ADDRESS_FREE_FAILURES',
    doc: 'Failed logins from one address within the window before its attempts are slowed down (a correct password is never refused for them).',
    defaultText: '10',
    parse: int(1, 10_000),
    fallback: () => 10,
  },
  loginAddressMaxDelaySeconds: {
    name: 'LOGIN_ADDRESS_MAX_DELAY_SECONDS',
    doc: 'Cap of the delay between login attempts from a slowed-down address (it doubles from 1 s per failure); a login waits at most this long for its turn, then gets 429.',
    defaultText: '30',
    parse: int(1, 600),
    fallback: () => 30,
  },
  loginAttemptsRetentionDays: {
    name: 'LOGIN_ATTEMPTS_RETENTION_DAYS',
    doc: 'Days to keep login attempts beyond the window (for investigating attacks); older ones are purged.',
    defaultText: '30',
    parse: int(0, 3650),
    fallback: () => 30,
  },
  cookieSecure: {
    name: 'COOKIE_SECURE',
    doc: 'Mark session cookies Secure (set true behind TLS).',
    defaultText: 'false',
    parse: bool,
    fallback: () => false,
  },
  trustProxy: {
    name: 'TRUST_PROXY',
    doc: 'Addresses or CIDRs (comma-separated; also loopback, linklocal, uniquelocal) of the reverse proxies whose X-Forwarded-For gives the client address, for login throttling and the audit log. `true` and hop counts are refused: they would let a client choose its address.',
    defaultText: 'false',
    parse: trustProxy,
    fallback: () => false as const,
  },
  logLevel: {
    name: 'LOG_LEVEL',
    doc: `Server log level: ${LOG_LEVELS.join(', ')}.`,
    defaultText: 'info',
    parse: logLevel,
    fallback: () => 'info' as const,
  },
  rateLimitPerMinute: {
    name: 'RATE_LIMIT_PER_MINUTE',
    doc: 'Requests per minute allowed from one address to the API and the calendar feeds (0 switches the limit off, e.g. for benchmarks).',
    defaultText: '600',
    parse: int(0, 10_000_000),
    fallback: () => 600,
  },
  webDir: {
    name: 'VERBOND_WEB_DIR',
    doc: 'Directory with the built web app (npm run build writes dist/web).',
    defaultText: './dist/web',
    parse: (raw) => path.resolve(text(raw)),
    fallback: () => path.resolve('dist/web'),
  },
  smtpUrl: {
    name: 'SMTP_URL',
    doc: 'SMTP server for notification mail (smtp://user:password@host:587, or smtps:// for TLS from the start). When unset, no mail is sent: notifications stay in the app.',
    defaultText: '(unset: no mail)',
    parse: smtpUrl,
    fallback: () => null,
  },
  mailFrom: {
    name: 'MAIL_FROM',
    doc: 'Sender of notification mail: an address, optionally with a name ("Verbond <noreply@example.be>").',
    defaultText: 'Verbond <noreply@localhost>',
    parse: mailAddress,
    fallback: () => 'Verbond <noreply@localhost>',
  },
  publicUrl: {
    name: 'PUBLIC_URL',
    doc: 'The address users open Verbond at (https://verbond.example.be): the base of the links in notification mail.',
    defaultText: 'http://localhost:PORT',
    parse: publicUrl,
    fallback: (env) => `http://localhost:${env.PORT ?? '3000'}`,
  },
  notificationRetentionDays: {
    name: 'NOTIFICATION_RETENTION_DAYS',
    doc: 'Days a notification is kept once read; the daily job `notifications.retention` deletes older read ones. Unread notifications are kept.',
    defaultText: '90',
    parse: int(1, 3650),
    fallback: () => 90,
  },
} satisfies { [K in keyof Config]: VarSpec<Config[K]> }

/** Reads and validates the environment; throws one error listing every invalid variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = []
  const out: Record<string, unknown> = {}
  for (const [key, spec] of Object.entries(CONFIG_VARS) as [keyof Config, VarSpec<unknown>][]) {
    const raw = env[spec.name]
    try {
      out[key] = raw === undefined ? spec.fallback(env) : spec.parse(raw)
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err
      problems.push(`${spec.name}: ${err.message}`)
    }
  }
  if (problems.length > 0) {
    throw new Error(`Invalid configuration:\n  - ${problems.join('\n  - ')}`)
  }
  return { ...(out as unknown as Config), ...overrides }
}

export const databaseKind = (config: Pick<Config, 'databaseUrl'>): DatabaseKind =>
  config.databaseUrl ? 'postgres' : 'pglite'
