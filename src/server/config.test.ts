import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.ts'

describe('config', () => {
  it('defaults to embedded PGlite in demo mode on 127.0.0.1:3000', () => {
    const c = loadConfig({})
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: null, demo: true })
  })
  it('listens on all addresses and is not in demo mode with a server database', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@db/verbond' })
    expect(c).toMatchObject({ host: '0.0.0.0', demo: false })
  })
  it('keeps an explicit HOST even in demo mode', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0')
  })
  it('lists every invalid variable in one readable message', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x/y', VERBOND_DEMO: 'maybe' })).toThrow(
      /PORT: expected a whole number[\s\S]*DATABASE_URL: must start with postgres:\/\/[\s\S]*VERBOND_DEMO: expected true or false/,
    )
  })
  it('trusts no proxy by default and takes a list of proxy addresses, CIDRs and named ranges', () => {
    expect(loadConfig({}).trustProxy).toBe(false)
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false)
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,fd00::/8 ,loopback' }).trustProxy).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      'fd00::/8',
      'loopback',
    ])
  })
  it('refuses TRUST_PROXY=true and hop counts, which would let a client choose its own address', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(
      /TRUST_PROXY: true would trust the X-Forwarded-For header that clients write themselves; list the addresses/,
    )
    expect(() => loadConfig({ TRUST_PROXY: '1' })).toThrow(/TRUST_PROXY: a number of proxy hops is not supported/)
  })
  it('names the entries of TRUST_PROXY that are not addresses', () => {
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.5,10.0.0.300,10.1.0.0/33,proxy.internal' })).toThrow(
      /TRUST_PROXY: .*not an address: "10.0.0.300", "10.1.0.0\/33", "proxy.internal"/,
    )
  })
  it('validates the login throttle settings', () => {
    expect(loadConfig({})).toMatchObject({
      loginMaxFailures: 10,
      loginWindowMinutes: 15,
      loginAddressFreeFailures: 10,
      loginAddressMaxDelaySeconds: 30,
      loginAttemptsRetentionDays: 30,
    })
    expect(loadConfig({ LOGIN_ATTEMPTS_RETENTION_DAYS: '0' }).loginAttemptsRetentionDays).toBe(0)
    expect(() => loadConfig({ LOGIN_ADDRESS_MAX_DELAY_SECONDS: '0', LOGIN_ATTEMPTS_RETENTION_DAYS: '-1' })).toThrow(
      /LOGIN_ADDRESS_MAX_DELAY_SECONDS: expected a number from 1 to 600[\s\S]*LOGIN_ATTEMPTS_RETENTION_DAYS: expected a whole number/,
    )
  })
  it('sends no mail without SMTP_URL and validates the SMTP URL and the sender', () => {
    expect(loadConfig({})).toMatchObject({ smtpUrl: null, mailFrom: 'Verbond <noreply@localhost>' })
    expect(
      loadConfig({ SMTP_URL: 'smtp://u:p@mail.example.be:587', MAIL_FROM: 'Verbond <no@example.be>' }),
    ).toMatchObject({ smtpUrl: 'smtp://u:p@mail.example.be:587', mailFrom: 'Verbond <no@example.be>' })
    expect(loadConfig({ MAIL_FROM: 'no@example.be' }).mailFrom).toBe('no@example.be')
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.be', MAIL_FROM: 'Verbond' })).toThrow(
      /SMTP_URL: must start with smtp:\/\/ or smtps:\/\/[\s\S]*MAIL_FROM: expected an e-mail address/,
    )
  })

  it('takes PUBLIC_URL without a trailing slash and a notification retention in days', () => {
    expect(loadConfig({}).publicUrl).toBe('http://localhost:3000')
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080')
    expect(loadConfig({ PUBLIC_URL: 'https://verbond.example.be/' }).publicUrl).toBe('https://verbond.example.be')
    expect(loadConfig({ PUBLIC_URL: 'https://example.be/verbond/' }).publicUrl).toBe('https://example.be/verbond')
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://example.be', NOTIFICATION_RETENTION_DAYS: '0' })).toThrow(
      /PUBLIC_URL: must start with https:\/\/ or http:\/\/[\s\S]*NOTIFICATION_RETENTION_DAYS: expected a number from 1/,
    )
    expect(loadConfig({}).notificationRetentionDays).toBe(90)
  })
})

describe('configuration documentation', () => {
  it('lists every variable in the README', async () => {
    const { readFile } = await import('node:fs/promises')
    const { CONFIG_VARS } = await import('./config.ts')
    const readme = await readFile('README.md', 'utf8')
    for (const spec of Object.values(CONFIG_VARS)) expect(readme, spec.name).toContain(`\`${spec.name}\``)
  })
})
