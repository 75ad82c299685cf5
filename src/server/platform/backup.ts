// Backup and restore. PGlite: the data directory as a gzipped tarball. Whoever holds the data directory
// makes it: this process when no server runs, otherwise the running server (through the command-line
// bridge, between two transactions: an online backup). Restore needs the directory to itself.
// PostgreSQL: pg_dump (plain SQL) and psql, when the client tools are installed.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import { sql } from 'kysely'
import type { Config } from '../config.ts'
import { lockDataDir, OWN_FILES } from './datadir-lock.ts'
import { openDatabase, openPglite, type Database } from './db.ts'

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] })
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'ENOENT'
          ? new Error(
              `${command} is not installed. Install the PostgreSQL client tools (Debian: apt-get install postgresql-client).`,
            )
          : err,
      ),
    )
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with code ${code}`))))
  })
}

const hasDatabase = (dir: string): boolean => existsSync(path.join(dir, 'PG_VERSION'))

const TAR_BLOCK = 512

/** The tarball without the named top-level entries (ustar: a 512-byte header, then the data in blocks). */
export function withoutEntries(tar: Uint8Array, names: readonly string[]): Uint8Array {
  const kept: Uint8Array[] = []
  const text = (from: number, length: number) =>
    Buffer.from(tar.subarray(from, from + length))
      .toString('latin1')
      .replace(/\0.*$/s, '')
  for (let offset = 0; offset + TAR_BLOCK <= tar.length;) {
    const header = tar.subarray(offset, offset + TAR_BLOCK)
    if (header.every((b) => b === 0)) break
    const size = parseInt(text(offset + 124, 12).trim() || '0', 8)
    const length = TAR_BLOCK + Math.ceil(size / TAR_BLOCK) * TAR_BLOCK
    const name = text(offset, 100).replace(/^\.?\//, '')
    if (!names.includes(name)) kept.push(tar.subarray(offset, offset + length))
    offset += length
  }
  kept.push(new Uint8Array(2 * TAR_BLOCK))
  return Buffer.concat(kept)
}

/** The gzipped backup of an open PGlite database (consistent while it serves; our own files left out). */
export async function pgliteBackup(database: Database): Promise<Uint8Array> {
  // Compressed off the event loop: a server making an online backup keeps answering meanwhile.
  return promisify(gzip)(withoutEntries(await database.dumpDataDir(), OWN_FILES))
}

export async function backup(config: Config, file: string): Promise<string> {
  if (config.databaseUrl) {
    await run('pg_dump', [
      '--format=plain',
      '--no-owner',
      '--no-privileges',
      `--file=${file}`,
      `--dbname=${config.databaseUrl}`,
    ])
    return `PostgreSQL backup written to ${file}`
  }
  if (!hasDatabase(config.dataDir)) throw new Error(`No database in ${config.dataDir} to back up.`)
  const database = await openDatabase({ databaseUrl: null, dataDir: config.dataDir, command: 'backup' })
  try {
    await writeFile(file, await pgliteBackup(database))
  } finally {
    await database.close()
  }
  return `PGlite backup of ${config.dataDir} written to ${file}`
}

export async function restore(config: Config, file: string, options: { force: boolean }): Promise<string> {
  if (!existsSync(file)) throw new Error(`Backup file ${file} does not exist.`)
  if (config.databaseUrl) {
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: null, poolSize: 1 })
    try {
      const { rows } = await sql<{
        n: number
      }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`.execute(database.db)
      if ((rows[0]?.n ?? 0) > 0) {
        if (!options.force) throw new Error('The database is not empty. Use --force to replace its contents.')
        await database.execScript('DROP SCHEMA public CASCADE; CREATE SCHEMA public;')
      }
    } finally {
      await database.close()
    }
    await run('psql', [
      '--quiet',
      '--no-psqlrc',
      '--single-transaction',
      '-v',
      'ON_ERROR_STOP=1',
      `--file=${file}`,
      `--dbname=${config.databaseUrl}`,
    ])
    return `PostgreSQL database restored from ${file}`
  }
  // Hold the directory throughout: the old contents move aside and the backup loads in its place, and no
  // server can open it halfway.
  const lock = lockDataDir(config.dataDir, 'restore')
  let moved = ''
  try {
    if (hasDatabase(config.dataDir)) {
      if (!options.force)
        throw new Error(
          `${config.dataDir} already holds a database. Use --force to replace it (the old one is kept aside).`,
        )
      moved = `${config.dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`
      await mkdir(moved)
      for (const entry of await readdir(config.dataDir))
        if (!OWN_FILES.includes(entry)) await rename(path.join(config.dataDir, entry), path.join(moved, entry))
    }
    const dump = new Blob([await readFile(file)])
    const pglite = await openPglite(config.dataDir, dump)
    lock.describe({}) // a backup made by hand may carry a lock file of its own
    await pglite.query('SELECT 1')
    await pglite.close()
  } finally {
    lock.release()
  }
  return `PGlite database restored into ${config.dataDir}${moved ? ` (previous data kept in ${moved})` : ''}`
}
