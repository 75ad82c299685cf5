// Tests never leave this machine: a connection or a name lookup beyond loopback fails at once, naming the host.
// Loaded in every test worker (vitest.config.ts `setupFiles`); PostgreSQL on 127.0.0.1, local servers, Unix
// sockets and PGlite are untouched. A test that needs the outside world is a test to rewrite, not to exempt.
import dns from 'node:dns'
import net from 'node:net'

export class NetworkGuardError extends Error {
  constructor(target: string) {
    super(`network guard: a test tried to reach ${target}; tests may only reach localhost`)
    this.name = 'NetworkGuardError'
  }
}

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.localdomain', 'ip6-localhost', 'ip6-loopback'])

/** True for loopback (and the unspecified address, which connects to this machine). */
export function isLocalHost(host: string | undefined | null): boolean {
  if (host === undefined || host === null || host === '') return true // Node's default: localhost
  const h = host.toLowerCase().replace(/^\[|\]$/g, '')
  if (LOOPBACK_NAMES.has(h) || h.endsWith('.localhost')) return true
  if (net.isIPv4(h)) return h.startsWith('127.') || h === '0.0.0.0'
  if (net.isIPv6(h)) return h === '::1' || h === '::' || /^::ffff:127\./.test(h)
  return false
}

interface ConnectTarget {
  host?: string | null
  port?: number | string
  path?: string
}

/** The target of `socket.connect(...)` in any of its forms: (options), (port, host), (path), Node's normalised array. */
function targetOf(args: unknown[]): ConnectTarget {
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0]
  if (typeof first === 'object' && first !== null) return first
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { path: first } // a Unix socket or pipe
  return { port: first as number, host: typeof args[1] === 'string' ? args[1] : undefined }
}

// eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be applied with each socket as `this`
const connect = net.Socket.prototype.connect
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const target = targetOf(args)
  if (target.path === undefined && !isLocalHost(target.host))
    throw new NetworkGuardError(`${target.host ?? ''}:${String(target.port ?? '')}`)
  return (connect as (...a: unknown[]) => net.Socket).apply(this, args)
}

const lookup = dns.lookup
dns.lookup = function guardedLookup(hostname: string, ...rest: unknown[]) {
  if (!isLocalHost(hostname)) throw new NetworkGuardError(hostname)
  return (lookup as (...a: unknown[]) => void).call(dns, hostname, ...rest)
} as typeof lookup

const lookupPromise = dns.promises.lookup
dns.promises.lookup = function guardedLookup(hostname: string, ...rest: unknown[]) {
  if (!isLocalHost(hostname)) return Promise.reject(new NetworkGuardError(hostname))
  return (lookupPromise as (...a: unknown[]) => Promise<unknown>).call(dns.promises, hostname, ...rest)
} as typeof lookupPromise
