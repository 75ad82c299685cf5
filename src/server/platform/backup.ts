// Backup and restore. PGlite: the data directory as a gzipped tarball (stop the server first: PGlite is
// one process). PostgreSQL: pg_dump (plain SQL) and psql, when the client tools are installed.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readdir, readFile, rename, writeFile } from 'node:fs/promises'
import { sql } from 'kysely'
import type { Config } from '../config.ts'
import { openDatabase, openPglite } from './db.ts'

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

async function isEmptyDir(dir: string): Promise<boolean> {
  return !existsSync(dir) || (await readdir(dir)).length === 0
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
  if (await isEmptyDir(config.dataDir)) throw new Error(`No database in ${config.dataDir} to back up.`)
  const pglite = await openPglite(config.dataDir)
  try {
    const dump = await pglite.dumpDataDir('gzip')
    await writeFile(file, Buffer.from(await dump.arrayBuffer()))
  } finally {
    await pglite.close()
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
  let moved = ''
  if (!(await isEmptyDir(config.dataDir))) {
    if (!options.force)
      throw new Error(
        `${config.dataDir} already holds a database. Use --force to replace it (the old one is kept aside).`,
      )
    moved = `${config.dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`
    await rename(config.dataDir, moved)
  }
  const dump = new Blob([await readFile(file)])
  const pglite = await openPglite(config.dataDir, dump)
  await pglite.query('SELECT 1')
  await pglite.close()
  return `PGlite database restored into ${config.dataDir}${moved ? ` (previous data kept in ${moved})` : ''}`
}
