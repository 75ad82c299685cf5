// Plain-SQL migrations from migrations/NNNN_name.sql, applied in order, each in its own transaction.
// The list already applied must be a prefix of the files on disk, and an applied file must not change
// (its SHA-256 is recorded): migrations are frozen once they land.
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import type { Database } from './db.ts'

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations')

export interface MigrationFile {
  name: string
  sql: string
  checksum: string
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort()
  return Promise.all(
    names.map(async (name) => {
      const text = await readFile(path.join(dir, name), 'utf8')
      return { name, sql: text, checksum: createHash('sha256').update(text).digest('hex') }
    }),
  )
}

/** Applies pending migrations; returns the names applied now. */
export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const { db } = database
  const files = await readMigrations(dir)
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db)
  const applied = await db.selectFrom('schema_migrations').select(['name', 'checksum']).orderBy('name').execute()
  applied.forEach((row, i) => {
    const file = files[i]
    if (!file || file.name !== row.name)
      throw new Error(
        `Migration history does not match the files: applied "${row.name}" but found "${file?.name ?? 'nothing'}" at position ${i + 1}`,
      )
    if (file.checksum !== row.checksum) throw new Error(`Migration ${row.name} was edited after it was applied`)
  })
  const pending = files.slice(applied.length)
  for (const file of pending) {
    // name and checksum are [0-9a-z_.] only (checked by the file pattern and the hex digest).
    // The advisory lock serialises two servers migrating one PostgreSQL database at once.
    await database.execScript(
      `SELECT pg_advisory_xact_lock(7305001);\n${file.sql}\n;INSERT INTO schema_migrations (name, checksum) VALUES ('${file.name}', '${file.checksum}');`,
    )
  }
  return pending.map((f) => f.name)
}
