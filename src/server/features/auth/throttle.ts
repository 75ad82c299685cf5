// Login throttling, the pure part: what one login attempt may do given the recent attempts.
// Per account (the normalised e-mail, known or not): hard. At most `loginMaxFailures` failed or reserved
// tries since the account's last success within the window; then 429 until the oldest leaves the window.
// Per address: soft. A correct password never locks anyone out; after `loginAddressFreeFailures` failures
// from one address in the window, attempts from it are let through one at a time, spaced by a delay that
// doubles with each further failure (1 s, 2 s, 4 s …) up to `loginAddressMaxDelaySeconds`. A request waits
// for its turn at most that long; beyond it, 429. Spraying from one address is then slowed to one try per
// delay, however many requests run in parallel, while a colleague behind the same NAT gets in after a
// few seconds at worst.
import { isIPv4, isIPv6 } from 'node:net'

export interface ThrottlePolicy {
  loginMaxFailures: number
  loginWindowMinutes: number
  loginAddressFreeFailures: number
  loginAddressMaxDelaySeconds: number
}

/** What the database says about the attempts in the window, read under the account and address locks. */
export interface AttemptState {
  /** The database's clock: every duration below is computed against it, not the app server's. */
  now: Date
  /** Failed or reserved tries of the account since its last success, in the window. */
  accountFailures: number
  accountOldest: Date | null
  /** Failed or reserved tries from the address, in the window. */
  addressFailures: number
  /** The latest of those (possibly ahead of `now`: a try waiting for its turn). */
  addressLatest: Date | null
}

export type AttemptDecision =
  | { kind: 'refuse'; scope: 'account' | 'address'; retryAfterSeconds: number }
  | { kind: 'try'; at: Date; waitMs: number }

const seconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000))

/** The spacing between attempts from one address with this many recent failures. */
export function addressSpacingMs(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.loginAddressFreeFailures) return 0
  return Math.min(policy.loginAddressMaxDelaySeconds * 1000, 1000 * 2 ** (failures - policy.loginAddressFreeFailures))
}

export function decideAttempt(state: AttemptState, policy: ThrottlePolicy): AttemptDecision {
  const now = state.now.getTime()
  const windowMs = policy.loginWindowMinutes * 60_000
  if (state.accountFailures >= policy.loginMaxFailures) {
    const oldest = state.accountOldest?.getTime() ?? now
    return { kind: 'refuse', scope: 'account', retryAfterSeconds: seconds(oldest + windowMs - now) }
  }
  const spacing = addressSpacingMs(state.addressFailures, policy)
  const at =
    spacing === 0 || state.addressLatest === null ? now : Math.max(now, state.addressLatest.getTime() + spacing)
  const waitMs = at - now
  const maxWaitMs = policy.loginAddressMaxDelaySeconds * 1000
  if (waitMs > maxWaitMs) return { kind: 'refuse', scope: 'address', retryAfterSeconds: seconds(waitMs - maxWaitMs) }
  return { kind: 'try', at: new Date(at), waitMs }
}

/**
 * The address an attempt is counted under: IPv4 as is (also when IPv4-mapped), IPv6 by its /64, the
 * block one subscriber or host usually has, so that rotating addresses inside it does not reset the count.
 */
export function addressKey(ip: string): string {
  const bare = ip.replace(/%.*$/, '')
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1]
  if (!isIPv6(bare)) return bare
  const [head = '', tail] = bare.toLowerCase().split('::')
  const groups = (part: string | undefined): string[] =>
    part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []
  const before = groups(head)
  const after = tail === undefined ? [] : groups(tail)
  const full = [...before, ...Array<string>(8 - before.length - after.length).fill('0'), ...after]
  return `${full
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}
