// The benchmarks' PostgreSQL database (BENCH_DATABASE_URL): every run starts from an empty one, so that runs
// compare (the audit log and the dead rows of earlier runs would otherwise slow the later ones).
import pg from 'pg'

/** Drops and creates the database of `url`; only a database whose name ends in `_bench` is ever dropped. */
export async function recreate(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1))
  if (!/^[a-z0-9_]+_bench$/.test(name))
    throw new Error(`BENCH_DATABASE_URL must name a database ending in _bench (it is dropped and created): ${name}`)
  const admin = new URL(url)
  admin.pathname = '/postgres'
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await client.query(`CREATE DATABASE ${name}`)
  } finally {
    await client.end()
  }
}
