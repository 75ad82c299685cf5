// A command waits for the server's bridge only so long: a server that takes the call and never answers (or
// sends its headers and stalls) ends the command with a clear message instead of a hang.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { serverBridge } from './cli-bridge.ts'
import { BRIDGE_TOKEN_FILE, DataDirInUseError } from './datadir-lock.ts'

const servers: Server[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections()
    await new Promise((resolve) => s.close(resolve))
  }
})

/** A data directory whose lock names a bridge served by `handler`. */
async function bridgeTo(handler: Parameters<typeof createServer>[1]) {
  const server = createServer(handler)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const dataDir = mkdtempSync(path.join(tmpdir(), 'verbond-bridge-'))
  writeFileSync(path.join(dataDir, BRIDGE_TOKEN_FILE), 'token', { mode: 0o600 })
  const owner = {
    pid: 4242,
    host: 'test',
    since: '2026-11-29T12:00:00Z',
    command: 'serve',
    dataDir,
    bridgeUrl: `http://127.0.0.1:${port}`,
  }
  return serverBridge(new DataDirInUseError(dataDir, owner), { addUser: 300, verifyAudit: 300, backup: 300 })
}

describe('command-line bridge deadlines', () => {
  it('gives up on a server that takes the call and never answers', async () => {
    const bridge = await bridgeTo(() => undefined)
    const started = Date.now()
    await expect(bridge.verifyAudit()).rejects.toThrow(/pid 4242.*did not answer within 0 s/)
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('gives up on a server that sends its headers and stalls the body', async () => {
    const bridge = await bridgeTo((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/gzip' })
      res.write(Buffer.alloc(16))
    })
    await expect(bridge.backup()).rejects.toThrow(/did not answer within/)
  })

  it('still reads an answer that comes in time', async () => {
    const bridge = await bridgeTo((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ ok: true, events: 3, firstBrokenId: null }))
    })
    await expect(bridge.verifyAudit()).resolves.toEqual({ ok: true, events: 3, firstBrokenId: null })
  })
})
