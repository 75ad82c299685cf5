// One owner per embedded data directory. PGlite runs inside one process: two instances on the same
// directory each keep their own view and overwrite each other's files, so the second one's writes are
// silently lost. The process that opens the directory therefore holds an OS lock on
// `<dataDir>/verbond.lock` (fs-native-extensions: an open-file-description lock on Linux, flock on macOS,
// LockFileEx on Windows). The kernel drops it when the process ends, however it ends: a crashed server
// leaves nothing stale behind. The file's content only describes the owner, for the message that another
// process prints; it is never deleted (deleting a lock file lets two processes lock two different files).
import {
  chmodSync,
  closeSync,
  constants,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  statSync,
  writeSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { tryLock } from 'fs-native-extensions'
import { LOCALES, type Locale } from './enums.ts'

export const LOCK_FILE = 'verbond.lock'
/** The running server's secret for the command-line bridge (cli-bridge.ts), readable by its user only. */
export const BRIDGE_TOKEN_FILE = 'verbond.bridge-token'
/** Files of ours in the data directory: they describe the running process, not the data (backups skip them). */
export const OWN_FILES: readonly string[] = [LOCK_FILE, BRIDGE_TOKEN_FILE]

/** Who holds a data directory (the lock file's content). */
export interface DataDirOwner {
  pid: number
  host: string
  /** ISO instant the lock was taken. */
  since: string
  /** The verbond command that holds it: `serve`, `migrate`, `backup`, … */
  command: string
  /** The data directory as the owner resolved it. */
  dataDir: string
  /** serve: where the app answers. */
  url?: string
  /** serve: the command-line bridge (127.0.0.1 only, token in BRIDGE_TOKEN_FILE). */
  bridgeUrl?: string
}

export interface DataDirLock {
  readonly dataDir: string
  readonly owner: DataDirOwner
  /** Adds what others should know once it is known (the server's address, the bridge). */
  describe(extra: Pick<DataDirOwner, 'url' | 'bridgeUrl'>): void
  release(): void
}

export class DataDirInUseError extends Error {
  readonly dataDir: string
  readonly owner: DataDirOwner | null
  constructor(dataDir: string, owner: DataDirOwner | null, message?: string) {
    super(message ?? inUseMessage(dataDir, owner, cliLocales(), 'stop'))
    this.name = 'DataDirInUseError'
    this.dataDir = dataDir
    this.owner = owner
  }
}

/** Takes the data directory for this process, or throws DataDirInUseError naming the owner. */
export function lockDataDir(dataDir: string, command: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 }) // a new directory is its owner's alone, as PostgreSQL's
  const dir = realpathSync(dataDir) // one name per directory, whichever way it was reached
  // PGlite creates its files world-writable (0666): other users must not even get into the directory.
  const { mode, uid } = statSync(dir)
  if (mode & 0o007 && uid === process.getuid?.()) chmodSync(dir, mode & 0o770)
  const file = path.join(dir, LOCK_FILE)
  const fd = openSync(file, constants.O_RDWR | constants.O_CREAT, 0o644)
  let locked: boolean
  try {
    locked = tryLock(fd)
  } catch (err) {
    closeSync(fd)
    throw err
  }
  if (!locked) {
    closeSync(fd)
    throw new DataDirInUseError(dir, readOwner(dir))
  }
  let owner: DataDirOwner = {
    pid: process.pid,
    host: os.hostname(),
    since: new Date().toISOString(),
    command,
    dataDir: dir,
  }
  const write = () => {
    ftruncateSync(fd, 0)
    writeSync(fd, `${JSON.stringify(owner, null, 2)}\n`, 0)
  }
  write()
  let released = false
  return {
    dataDir: dir,
    get owner() {
      return owner
    },
    describe(extra) {
      if (released) return
      owner = { ...owner, ...extra }
      write()
    },
    release() {
      if (released) return
      released = true
      ftruncateSync(fd, 0)
      closeSync(fd) // closing the descriptor releases the lock
    },
  }
}

/** The owner recorded in the lock file; null when there is none or it cannot be read. */
export function readOwner(dataDir: string): DataDirOwner | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path.join(dataDir, LOCK_FILE), 'utf8'))
    if (typeof parsed !== 'object' || parsed === null) return null
    const o = parsed as Partial<DataDirOwner>
    return typeof o.pid === 'number' && typeof o.command === 'string' ? (o as DataDirOwner) : null
  } catch {
    return null // empty (released), missing or unreadable: the message then names no owner
  }
}

// --- The message another process prints. The command line has no user: it speaks the language of
// LC_ALL / LC_MESSAGES / LANG when that is Dutch, French or English, and all three otherwise.

export type CliLocale = Locale

export function cliLocales(env: NodeJS.ProcessEnv = process.env): CliLocale[] {
  const raw = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase()
  for (const l of LOCALES) if (raw.startsWith(l)) return [l]
  return [...LOCALES]
}

/**
 * What the reader should do when a server holds the directory: `stop` it first, or (`starting`) try
 * again once it is ready to take commands. Another command that holds it: wait until it ends.
 */
export type InUseAdvice = 'stop' | 'starting'

const TEXT: Record<
  CliLocale,
  {
    inUse: (dir: string, who: string) => string
    server: (details: string) => string
    command: (command: string, details: string) => string
    unknown: string
    only: string
    stop: (kill: string) => string
    starting: string
    wait: string
    since: string
    on: string
  }
> = {
  nl: {
    inUse: (dir, who) => `De datamap ${dir} is in gebruik door ${who}.`,
    server: (d) => `de Verbond-server (${d})`,
    command: (c, d) => `\`verbond ${c}\` (${d})`,
    unknown: 'een ander proces',
    only: 'Een ingebedde databank mag maar door één proces tegelijk geopend worden: een tweede zou ongemerkt schrijfacties verliezen.',
    stop: (kill) =>
      `Stop eerst de server (Ctrl+C in zijn terminal${kill && `, of ${kill}`}) en voer het commando daarna opnieuw uit. ` +
      '`user add`, `audit verify` en `backup` werken ook terwijl de server draait: ze lopen via de server.',
    starting: 'De server is nog aan het opstarten: probeer het over enkele ogenblikken opnieuw.',
    wait: 'Wacht tot dat commando klaar is en probeer het dan opnieuw.',
    since: 'sinds',
    on: 'op',
  },
  fr: {
    inUse: (dir, who) => `Le répertoire de données ${dir} est utilisé par ${who}.`,
    server: (d) => `le serveur Verbond (${d})`,
    command: (c, d) => `\`verbond ${c}\` (${d})`,
    unknown: 'un autre processus',
    only: 'Une base de données embarquée ne peut être ouverte que par un seul processus à la fois : un second perdrait des écritures sans le signaler.',
    stop: (kill) =>
      `Arrêtez d'abord le serveur (Ctrl+C dans son terminal${kill && `, ou ${kill}`}), puis relancez la commande. ` +
      '`user add`, `audit verify` et `backup` fonctionnent aussi pendant que le serveur tourne : ils passent par lui.',
    starting: 'Le serveur est encore en train de démarrer : réessayez dans quelques instants.',
    wait: 'Attendez que cette commande se termine, puis réessayez.',
    since: 'depuis',
    on: 'sur',
  },
  en: {
    inUse: (dir, who) => `The data directory ${dir} is in use by ${who}.`,
    server: (d) => `the Verbond server (${d})`,
    command: (c, d) => `\`verbond ${c}\` (${d})`,
    unknown: 'another process',
    only: 'Only one process at a time may open an embedded database: a second one would silently lose writes.',
    stop: (kill) =>
      `Stop the server first (Ctrl+C in its terminal${kill && `, or ${kill}`}), then run the command again. ` +
      '`user add`, `audit verify` and `backup` also work while the server runs: they go through it.',
    starting: 'The server is still starting: try again in a moment.',
    wait: 'Wait until that command has finished, then try again.',
    since: 'since',
    on: 'on',
  },
}

export function inUseMessage(
  dataDir: string,
  owner: DataDirOwner | null,
  locales: readonly CliLocale[],
  advice: InUseAdvice,
): string {
  return locales
    .map((l) => {
      const t = TEXT[l]
      let who = t.unknown
      if (owner) {
        const details = [`pid ${owner.pid} ${t.on} ${owner.host}`, owner.url, `${t.since} ${owner.since}`]
          .filter(Boolean)
          .join(', ')
        who = owner.command === 'serve' ? t.server(details) : t.command(owner.command, details)
      }
      const todo =
        owner && owner.command !== 'serve'
          ? t.wait
          : advice === 'starting'
            ? t.starting
            : t.stop(owner ? `kill ${owner.pid}` : '')
      return `${t.inUse(dataDir, who)} ${t.only}\n${todo}`
    })
    .join('\n\n')
}
