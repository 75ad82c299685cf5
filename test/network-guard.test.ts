// The network guard (test/setup/network-guard.ts, loaded in every worker): beyond loopback fails, loopback works.
import { createServer } from 'node:http'
import dns from 'node:dns'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { isLocalHost, NetworkGuardError } from './setup/network-guard.ts'

describe('network guard', () => {
  it('refuses a socket to a public address, naming it', () => {
    expect(() => net.connect({ host: '192.0.2.1', port: 80 })).toThrow(NetworkGuardError)
    expect(() => net.connect(443, '192.0.2.1')).toThrow(/192\.0\.2\.1:443/)
  })

  it('refuses fetch and name lookups of a host on the internet', async () => {
    const failure = await fetch('https://example.com/').then(
      () => null,
      (err: unknown) => err,
    )
    expect(failure).toBeInstanceOf(Error)
    expect(String((failure as Error & { cause?: unknown }).cause)).toMatch(/network guard: .*example\.com/)
    await expect(dns.promises.lookup('example.com')).rejects.toBeInstanceOf(NetworkGuardError)
    expect(() => dns.lookup('example.com', () => undefined)).toThrow(NetworkGuardError)
  })

  it('lets a test talk to a server on localhost', async () => {
    const server = createServer((_req, res) => res.end('local'))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('local')
      expect(await (await fetch(`http://localhost:${port}/`)).text()).toBe('local')
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })

  it('knows loopback when it sees it', () => {
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]', '0.0.0.0', undefined])
      expect(isLocalHost(host)).toBe(true)
    for (const host of ['example.com', '10.0.0.1', '192.168.1.1', '8.8.8.8', '2001:db8::1', 'localhost.evil.com'])
      expect(isLocalHost(host)).toBe(false)
  })
})
