import { describe, expect, it } from 'vitest'
import { addressKey, addressSpacingMs, decideAttempt, type AttemptState, type ThrottlePolicy } from './throttle.ts'

const policy: ThrottlePolicy = {
  loginMaxFailures: 10,
  loginWindowMinutes: 15,
  loginAddressFreeFailures: 10,
  loginAddressMaxDelaySeconds: 30,
}
const now = new Date('2026-03-29T08:00:00Z')
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000)
const state = (s: Partial<AttemptState>): AttemptState => ({
  now,
  accountFailures: 0,
  accountOldest: null,
  addressFailures: 0,
  addressLatest: null,
  ...s,
})

describe('decideAttempt', () => {
  it('lets a try through at once below both limits', () => {
    expect(decideAttempt(state({ accountFailures: 9, addressFailures: 9, addressLatest: now }), policy)).toEqual({
      kind: 'try',
      at: now,
      waitMs: 0,
    })
  })

  it('refuses the account at the limit until its oldest counted failure leaves the window', () => {
    expect(decideAttempt(state({ accountFailures: 10, accountOldest: ago(60) }), policy)).toEqual({
      kind: 'refuse',
      scope: 'account',
      retryAfterSeconds: 14 * 60,
    })
  })

  it('spaces tries from an address past its free failures by a doubling delay after the latest one', () => {
    expect(decideAttempt(state({ addressFailures: 10, addressLatest: now }), policy)).toMatchObject({ waitMs: 1000 })
    expect(decideAttempt(state({ addressFailures: 12, addressLatest: ago(1) }), policy)).toMatchObject({ waitMs: 3000 })
    // A failure long enough ago: no wait at all, so a colleague behind the same NAT gets straight in.
    expect(decideAttempt(state({ addressFailures: 14, addressLatest: ago(60) }), policy)).toMatchObject({ waitMs: 0 })
  })

  it('refuses an address whose queue is longer than the maximum delay', () => {
    const queued = new Date(now.getTime() + 20_000)
    expect(decideAttempt(state({ addressFailures: 20, addressLatest: queued }), policy)).toEqual({
      kind: 'refuse',
      scope: 'address',
      retryAfterSeconds: 20,
    })
  })

  it('caps the spacing', () => {
    expect([9, 10, 11, 14, 15, 1000].map((f) => addressSpacingMs(f, policy))).toEqual([
      0, 1000, 2000, 16_000, 30_000, 30_000,
    ])
  })
})

describe('addressKey', () => {
  it('keeps IPv4 addresses, also IPv4-mapped ones', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7')
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7')
  })

  it('reduces IPv6 addresses to their /64', () => {
    expect(addressKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:0db8:0001:0002::1')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(addressKey('::1')).toBe('0:0:0:0::/64')
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64')
  })
})
