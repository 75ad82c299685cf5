#!/usr/bin/env node
// The `verbond` command line: serve | migrate | seed-demo | user add | audit verify | backup | restore.
// `npm start` runs `serve`; `npm run verbond -- <command>` runs the others.
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { buildApp } from './app.ts'
import { backup, restore } from './platform/backup.ts'
import { loadConfig, type Config } from './config.ts'
import { seedDemo } from './demo/seed.ts'
import { verifyAudit } from './platform/audit.ts'
import { addUser, type NewUser } from './platform/auth/users.ts'
import { startBackground } from './platform/background.ts'
import { hashPassword } from './platform/auth/passwords.ts'
import { serverBridge, startCliBridge, type CliBridge, type ServerBridge } from './platform/cli-bridge.ts'
import { DataDirInUseError } from './platform/datadir-lock.ts'
import { openDatabase, type Database } from './platform/db.ts'
import { migrate } from './platform/migrate.ts'
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from './demo/data.ts'
import { seedDemoRostersInProgress } from './features/permanences/demo.ts'
import { seedDemoAssistance } from './features/assistance/demo.ts'
import { seedDemoAssets } from './features/equipment/demo-assets.ts' // assets (issue 10)
// investments (issue 10)
import { seedDemoInvestments } from './features/investments/demo-investments.ts'
import { seedDemoBookings } from './features/equipment/demo-bookings.ts' // bookings (issue 10)
import { seedDemoCourses } from './features/training/demo-courses.ts'
import { seedDemoTraining } from './features/training/demo-training.ts'
import { seedDemoCompliance } from './features/training/demo-compliance.ts'
import { seedDemoBriefing } from './features/briefings/demo.ts'

const USAGE = `Usage: verbond <command> [options]

Commands:
  serve                       migrate, seed demo data in demo mode, and serve the app (default)
  migrate                     apply pending database migrations
  seed-demo                   load the demo data set and demo accounts (idempotent)
  user add --email E --name N --role R (--zone CODE | --association CODE) [--person-id ID]
                              create an account; the password is read from stdin (or generated and printed)
  audit verify                recompute every audit hash chain; exit code 1 when a chain is broken
  backup <file>               PGlite: dump the data directory (.tar.gz); PostgreSQL: pg_dump (plain SQL)
  restore <file> [--force]    the reverse; refuses to overwrite existing data without --force

Embedded database: one process at a time owns the data directory. While the server runs, \`user add\`,
\`audit verify\` and \`backup\` go through it; the other commands refuse and say so.
Configuration comes from environment variables (see README.md).`

async function open(config: Config, command: string): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command })
  try {
    await migrate(database)
  } catch (err) {
    await database.close()
    throw err
  }
  return database
}

/**
 * Runs a command on this process's own hold of the database or, when the running server holds the data
 * directory, through that server (cli-bridge.ts). Any other holder: the in-use message.
 */
async function locallyOrThroughServer<T>(
  config: Config,
  command: string,
  local: (database: Database) => Promise<T>,
  remote: (server: ServerBridge) => Promise<T>,
): Promise<{ result: T; server: ServerBridge | null }> {
  let database: Database
  try {
    database = await open(config, command)
  } catch (err) {
    if (!(err instanceof DataDirInUseError)) throw err
    const server = serverBridge(err)
    return { result: await remote(server), server }
  }
  try {
    return { result: await local(database), server: null }
  } finally {
    await database.close()
  }
}

const throughServer = (server: ServerBridge | null): string =>
  server ? ` through the running server (pid ${server.owner.pid})` : ''

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8').trim()
}

async function seed(database: Database): Promise<boolean> {
  const started = Date.now()
  const result = await seedDemo(database.db, { passwordHash: await hashPassword(DEMO_PASSWORD) })
  if (result.seeded) console.log(`Demo data loaded in ${Date.now() - started} ms: ${JSON.stringify(result.counts)}`)
  return result.seeded
}

/**
 * permanences (perm-core): the demo's shared rotations and their published rosters, made once with fresh demo
 * data, in the background after the server listens (solving takes seconds; start-up does not wait for it).
 */
async function seedRosters(database: Database): Promise<void> {
  const started = Date.now()
  const rosters = await seedDemoRostersInProgress(database.db, DEMO_ADMIN_EMAIL)
  console.log(`Demo rosters made in ${Date.now() - started} ms: ${JSON.stringify(rosters)}`)
  // assistance (issue 9): a year of past requests, deployments and posted hours per association sharing it
  const assistanceStarted = Date.now()
  const assistance = await seedDemoAssistance(database.db, DEMO_ADMIN_EMAIL)
  console.log(`Demo assistance made in ${Date.now() - assistanceStarted} ms: ${JSON.stringify(assistance)}`)
  // assets (issue 10): the equipment catalogue of the demo zones, validity dates relative to today
  const equipment = await seedDemoAssets(database.db)
  console.log(`Demo equipment: ${JSON.stringify(equipment)}`)
  // investments (issue 10): the server park and the speed radar of Voeren and Bilzen-Hoeselt-Riemst
  const investments = await seedDemoInvestments(database.db)
  console.log(`Demo investments made: ${JSON.stringify(investments)}`)
  // bookings (issue 10): a past year of loans of the joint radar (its usage hours drive the radar's cost key)
  console.log(`Demo bookings made: ${JSON.stringify(await seedDemoBookings(database.db))}`)
  // training (issue 11): the course catalogue, upcoming sessions, a past year of attended GPI 48 sessions
  await seedDemoCourses(database.db)
  console.log(`Demo training made: ${JSON.stringify(await seedDemoTraining(database.db))}`)
  console.log(`Demo compliance history made: ${JSON.stringify(await seedDemoCompliance(database.db))}`)
  // briefing (issue 11): teams, and briefing items of every category
  console.log(`Demo briefing made: ${JSON.stringify(await seedDemoBriefing(database.db))}`)
}

async function serve(config: Config): Promise<void> {
  const database = await open(config, 'serve')
  const freshDemo = config.demo ? await seed(database) : false
  let demoRosters: Promise<void> = Promise.resolve()
  // The bus starts below, with the app's logger; the first request comes after listen().
  const app = await buildApp(config, database, { bus: () => background.bus })
  // The event dispatcher and the job runner (session purge, login_attempts retention, …): background.ts.
  const background = await startBackground(database, config, { log: app.log })
  let bridge: CliBridge | null = null
  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: shutting down`)
    await bridge?.close()
    await demoRosters
    await app.close()
    await background.close()
    await database.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown('SIGINT'))
  process.once('SIGTERM', () => void shutdown('SIGTERM'))
  const address = await app.listen({ port: config.port, host: config.host })
  if (freshDemo)
    demoRosters = seedRosters(database).catch((err: unknown) => app.log.error({ err }, 'demo rosters failed'))
  // The command line reaches the server through this bridge; the lock file says where (datadir-lock.ts).
  bridge = await startCliBridge(database)
  database.dataDirLock?.describe({ url: address })
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host
  console.log(`Verbond is running at http://${shown}:${config.port} (database: ${database.kind})`)
  if (!existsSync(path.join(config.webDir, 'index.html')))
    console.warn(
      `The web app is not built (${config.webDir} is missing): run \`npm run build\`; the API works meanwhile.`,
    )
  if (config.demo)
    console.log(`Demo mode: sign in as korpschef.5373@demo.verbond.be / ${DEMO_PASSWORD} (see README for all accounts)`)
}

async function main(argv: string[]): Promise<number> {
  const [command = 'serve', ...rest] = argv
  if (command === '--help' || command === 'help' || command === '-h') {
    console.log(USAGE)
    return 0
  }
  const config = loadConfig()
  switch (command) {
    case 'serve':
      await serve(config)
      return 0
    case 'migrate': {
      const database = await openDatabase({
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
        command: 'migrate',
      })
      const applied = await migrate(database)
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.')
      await database.close()
      return 0
    }
    case 'seed-demo': {
      const database = await open(config, 'seed-demo')
      if (await seed(database)) await seedRosters(database)
      await database.close()
      return 0
    }
    case 'user': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          email: { type: 'string' },
          name: { type: 'string' },
          role: { type: 'string' },
          zone: { type: 'string' },
          association: { type: 'string' },
          'person-id': { type: 'string' },
        },
      })
      if (positionals[0] !== 'add' || !values.email || !values.name || !values.role) {
        console.error(USAGE)
        return 2
      }
      let password = process.stdin.isTTY ? '' : await readStdin()
      const generated = password === ''
      if (generated) password = crypto.randomUUID()
      const input: NewUser = {
        email: values.email,
        displayName: values.name,
        role: values.role,
        zoneCode: values.zone ?? null,
        associationCode: values.association ?? null,
        personId: values['person-id'] ?? null,
        passwordHash: await hashPassword(password),
      }
      const { result: user, server } = await locallyOrThroughServer(
        config,
        'user add',
        (database) => addUser(database.db, input),
        (running) => running.addUser(input),
      )
      console.log(
        `Created ${user.email} (${user.id})${throughServer(server)}${generated ? `; password: ${password}` : ''}`,
      )
      return 0
    }
    case 'audit': {
      if (rest[0] !== 'verify') {
        console.error(USAGE)
        return 2
      }
      const { result, server } = await locallyOrThroughServer(
        config,
        'audit verify',
        (database) => verifyAudit(database.db, null),
        (running) => running.verifyAudit(),
      )
      if (server) console.error(`Verified${throughServer(server)}.`) // stdout stays one JSON line
      console.log(JSON.stringify(result))
      return result.ok ? 0 : 1
    }
    case 'backup': {
      const file = rest[0]
      if (!file) {
        console.error(USAGE)
        return 2
      }
      try {
        console.log(await backup(config, file))
      } catch (err) {
        if (!(err instanceof DataDirInUseError)) throw err
        // Online: the server dumps its own directory between two transactions and keeps serving.
        const server = serverBridge(err)
        await writeFile(file, await server.backup())
        console.log(`PGlite backup of ${err.dataDir} written to ${file}${throughServer(server)}`)
      }
      return 0
    }
    case 'restore': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { force: { type: 'boolean' } },
      })
      const file = positionals[0]
      if (!file) {
        console.error(USAGE)
        return 2
      }
      console.log(await restore(config, file, { force: values.force ?? false }))
      return 0
    }
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`)
      return 2
  }
}

const args = process.argv.slice(2)
main(args).then(
  (code) => {
    // serve keeps running; every other command ends here, even if a pool still holds a handle.
    if ((args[0] ?? 'serve') !== 'serve' || code !== 0) process.exit(code)
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err)
    process.exit(1)
  },
)
