// The command-line bridge: while the server holds an embedded data directory (datadir-lock.ts), the
// commands that are useful on a running installation (`user add`, `audit verify`, `backup`) run inside
// the server instead of opening the directory a second time. The server listens for them on 127.0.0.1
// only, on a port of its own (never the public one, never in the OpenAPI document), and accepts a request
// only with the random token it writes at start-up into `<dataDir>/verbond.bridge-token` (mode 0600):
// whoever can read that file can read the whole database anyway. The lock file names the bridge's address.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { verifyAudit, type AuditVerification } from './audit.ts'
import { addUser, type NewUser } from './auth/users.ts'
import { pgliteBackup } from './backup.ts'
import { BRIDGE_TOKEN_FILE, cliLocales, DataDirInUseError, inUseMessage, type DataDirOwner } from './datadir-lock.ts'
import type { Database } from './db.ts'

const DATA_DIR_HEADER = 'x-verbond-data-dir'

const NewUserBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320 }),
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    role: Type.String({ maxLength: 40 }),
    zoneCode: Type.Union([Type.String({ maxLength: 20 }), Type.Null()]),
    associationCode: Type.Union([Type.String({ maxLength: 40 }), Type.Null()]),
    personId: Type.Union([Type.String({ maxLength: 64 }), Type.Null()]),
    passwordHash: Type.String({ minLength: 20, maxLength: 500 }),
  },
  { additionalProperties: false },
)

export interface CliBridge {
  url: string
  close(): Promise<void>
}

/** Starts the bridge for a server holding a data directory; null without one (PostgreSQL, in memory). */
export async function startCliBridge(database: Database): Promise<CliBridge | null> {
  const lock = database.dataDirLock
  if (!lock) return null
  const tokenFile = path.join(lock.dataDir, BRIDGE_TOKEN_FILE)
  const token = Buffer.from(randomBytes(32).toString('base64url'))
  // A fresh file each start, created with 0600 (an old one of a crashed server may have other modes).
  rmSync(tokenFile, { force: true })
  writeFileSync(tokenFile, token, { mode: 0o600, flag: 'wx' })

  const app: FastifyInstance = Fastify({
    logger: false,
    bodyLimit: 64 * 1024,
    requestIdHeader: false,
    // No coercion: Fastify's default would turn a JSON null into "" for a string-or-null field.
    ajv: { customOptions: { coerceTypes: false } },
  })
  app.addHook('onRequest', async (req, reply) => {
    const given = Buffer.from(/^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '')
    if (given.length !== token.length || !timingSafeEqual(given, token))
      return reply.code(401).send({ message: 'Wrong or missing bridge token.' })
    // A token copied into another directory (a restore) must not reach this server.
    const asked = String(req.headers[DATA_DIR_HEADER] ?? '')
    if (asked !== lock.dataDir)
      return reply.code(409).send({ message: `This server holds ${lock.dataDir}, not ${asked}.` })
  })
  app.setErrorHandler((err: Error & { statusCode?: number }, _req, reply) =>
    // addUser's messages are written for the command line (unknown role, no such zone, e-mail taken).
    reply.code(err.statusCode && err.statusCode < 500 ? err.statusCode : 400).send({ message: err.message }),
  )
  const typed = app.withTypeProvider<TypeBoxTypeProvider>()
  typed.post('/users', { schema: { body: NewUserBody } }, async (req, reply) =>
    reply.code(201).send(await addUser(database.db, req.body)),
  )
  typed.get('/audit/verify', async () => verifyAudit(database.db, null))
  typed.get('/backup', async (_req, reply) =>
    reply.type('application/gzip').send(Buffer.from(await pgliteBackup(database))),
  )
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  lock.describe({ bridgeUrl: url })
  return {
    url,
    close: async () => {
      await app.close()
      rmSync(tokenFile, { force: true })
    },
  }
}

/** The running server, as the command line reaches it. */
export interface ServerBridge {
  owner: DataDirOwner
  addUser(input: NewUser): Promise<{ id: string; email: string }>
  verifyAudit(): Promise<AuditVerification>
  backup(): Promise<Uint8Array>
}

/**
 * The bridge of the server that holds the data directory this command found locked; otherwise throws
 * the in-use message (another command holds it, or the server is still starting).
 */
/**
 * How long a command waits for the server's answer: adding a user is quick; a backup or a verification reads
 * the whole database. A server that accepts the call but never answers (stuck, or not ours) must not leave
 * the command hanging.
 */
export const BRIDGE_TIMEOUTS_MS = { addUser: 30_000, verifyAudit: 15 * 60_000, backup: 30 * 60_000 }

export function serverBridge(
  inUse: DataDirInUseError,
  timeoutsMs: typeof BRIDGE_TIMEOUTS_MS = BRIDGE_TIMEOUTS_MS,
): ServerBridge {
  const { owner, dataDir } = inUse
  if (!owner || owner.command !== 'serve') throw inUse
  if (!owner.bridgeUrl || owner.dataDir !== dataDir)
    throw new DataDirInUseError(dataDir, owner, inUseMessage(dataDir, owner, cliLocales(), 'starting'))
  let token: string
  try {
    token = readFileSync(path.join(dataDir, BRIDGE_TOKEN_FILE), 'utf8').trim()
  } catch (err) {
    throw new Error(
      `The server (pid ${owner.pid}) holds ${dataDir}, but its bridge token cannot be read ` +
        `(${(err as NodeJS.ErrnoException).code ?? String(err)}): run this command as the user that runs the server.`,
      { cause: err },
    )
  }
  const call = async (method: 'GET' | 'POST', route: string, timeoutMs: number, body?: unknown) => {
    const signal = AbortSignal.timeout(timeoutMs)
    const res = await fetch(`${owner.bridgeUrl}${route}`, {
      method,
      signal,
      headers: {
        authorization: `Bearer ${token}`,
        [DATA_DIR_HEADER]: dataDir,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }).catch((err: unknown) => {
      if (signal.aborted) throw timedOut(timeoutMs, err)
      const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err)
      throw new Error(
        `The server (pid ${owner.pid}) holds ${dataDir} but does not answer at ${owner.bridgeUrl} (${cause}). ` +
          'It may be stopping: try again in a moment.',
        { cause: err },
      )
    })
    // The body is read under the same deadline: a server may send its headers and then stall.
    const read = async <T>(body: Promise<T>): Promise<T> =>
      body.catch((err: unknown) => {
        throw signal.aborted ? timedOut(timeoutMs, err) : err
      })
    if (!res.ok) {
      const answer = (await read(res.json()).catch(() => ({}))) as { message?: string }
      throw new Error(answer.message ?? `The server answered ${res.status}.`)
    }
    return { json: () => read(res.json()), bytes: () => read(res.arrayBuffer()) }
  }
  const timedOut = (ms: number, cause: unknown) =>
    new Error(
      `The server (pid ${owner.pid}) holding ${dataDir} did not answer within ${Math.round(ms / 1000)} s. ` +
        'It may still finish the request: check its log before running the command again.',
      { cause },
    )
  return {
    owner,
    addUser: async (input) =>
      (await (await call('POST', '/users', timeoutsMs.addUser, input)).json()) as { id: string; email: string },
    verifyAudit: async () =>
      (await (await call('GET', '/audit/verify', timeoutsMs.verifyAudit)).json()) as AuditVerification,
    backup: async () => new Uint8Array(await (await call('GET', '/backup', timeoutsMs.backup)).bytes()),
  }
}
