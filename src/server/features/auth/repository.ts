import { sql, type Kysely, type Transaction } from 'kysely'
import type { DB, Locale } from '../../platform/schema.ts'
import type { AttemptState } from './throttle.ts'

export function authRepository(db: Kysely<DB> | Transaction<DB>) {
  return {
    userByEmail: (email: string) =>
      db
        .selectFrom('users as u')
        .leftJoin('people as p', 'p.id', 'u.person_id')
        .select(['u.id', 'u.password_hash', 'u.disabled_at', 'p.zone_id'])
        .where('u.email', '=', email)
        .executeTakeFirst(),

    /**
     * Serialises the attempts of one account and of one address (transaction-scoped advisory locks, always
     * account then address, so two attempts never wait on each other in a cycle). On PGlite the transaction
     * already has the only connection; on PostgreSQL this is what makes check-and-reserve atomic.
     */
    async lockAttempts(email: string, address: string): Promise<void> {
      await sql`SELECT pg_advisory_xact_lock(1, hashtext(${email}))`.execute(db)
      await sql`SELECT pg_advisory_xact_lock(2, hashtext(${address}))`.execute(db)
    },

    /** Failed or reserved tries in the window: of the account since its last success, and from the address. */
    async attemptState(email: string, address: string, windowMinutes: number): Promise<AttemptState> {
      const { rows } = await sql<{
        now: Date
        account_failures: number
        account_oldest: Date | null
        address_failures: number
        address_latest: Date | null
      }>`
        WITH clock AS (SELECT clock_timestamp() AS now),
        last_ok AS (
          SELECT coalesce(max(at), '-infinity'::timestamptz) AS at FROM login_attempts WHERE email = ${email} AND succeeded
        ),
        account AS (
          SELECT count(*)::int AS n, min(a.at) AS oldest FROM login_attempts a, clock, last_ok
           WHERE a.email = ${email} AND a.succeeded IS NOT TRUE
             AND a.at > clock.now - make_interval(mins => ${windowMinutes}::int) AND a.at > last_ok.at
        ),
        address AS (
          SELECT count(*)::int AS n, max(a.at) AS latest FROM login_attempts a, clock
           WHERE a.ip = ${address} AND a.succeeded IS NOT TRUE
             AND a.at > clock.now - make_interval(mins => ${windowMinutes}::int)
        )
        SELECT clock.now, account.n AS account_failures, account.oldest AS account_oldest,
               address.n AS address_failures, address.latest AS address_latest
          FROM clock, account, address`.execute(db)
      const row = rows[0]
      if (!row) throw new Error('attemptState returned no row')
      return {
        now: row.now,
        accountFailures: row.account_failures,
        accountOldest: row.account_oldest,
        addressFailures: row.address_failures,
        addressLatest: row.address_latest,
      }
    },

    /** A reserved try: counts as a failure until its outcome is recorded. */
    async reserveAttempt(email: string, address: string, at: Date): Promise<number> {
      const row = await db
        .insertInto('login_attempts')
        .values({ email, ip: address, at, succeeded: null })
        .returning('id')
        .executeTakeFirstOrThrow()
      return row.id
    },

    recordOutcome: (attemptId: number, succeeded: boolean) =>
      db.updateTable('login_attempts').set({ succeeded }).where('id', '=', attemptId).execute(),

    /** Deletes attempts older than the given number of minutes; returns how many. */
    async purgeAttempts(olderThanMinutes: number): Promise<number> {
      const result = await db
        .deleteFrom('login_attempts')
        .where('at', '<', sql<Date>`now() - make_interval(mins => ${olderThanMinutes}::int)`)
        .executeTakeFirst()
      return Number(result.numDeletedRows)
    },

    /** `today` is the Brussels date: memberships count from valid_from to valid_to, both inclusive. */
    me: async (userId: string, today: string) => {
      const user = await db
        .selectFrom('users as u')
        .leftJoin('people as p', 'p.id', 'u.person_id')
        .leftJoin('zones as z', 'z.id', 'p.zone_id')
        .select([
          'u.id',
          'u.email',
          'u.display_name',
          'u.locale',
          'u.must_change_password',
          'p.id as person_id',
          'p.zone_id',
          'z.code as zone_code',
          'p.first_name',
          'p.last_name',
        ])
        .where('u.id', '=', userId)
        .executeTakeFirstOrThrow()
      const roles = await db
        .selectFrom('user_roles as r')
        .leftJoin('zones as z', 'z.id', 'r.zone_id')
        .leftJoin('associations as a', 'a.id', 'r.association_id')
        .select([
          'r.role',
          'r.zone_id',
          'z.code as zone_code',
          'z.name as zone_name',
          'r.association_id',
          'a.name as association_name',
        ])
        .where('r.user_id', '=', userId)
        .orderBy('r.role')
        .orderBy('z.code')
        .execute()
      const associations = await db
        .selectFrom('associations as a')
        .select(['a.id', 'a.code', 'a.name'])
        .where((eb) =>
          eb.or([
            eb.exists(
              eb
                .selectFrom('user_roles as r')
                .select('r.id')
                .where('r.user_id', '=', userId)
                .whereRef('r.association_id', '=', 'a.id'),
            ),
            eb.exists(
              eb
                .selectFrom('association_memberships as m')
                .innerJoin('user_roles as r', 'r.zone_id', 'm.zone_id')
                .select('m.id')
                .where('r.user_id', '=', userId)
                .whereRef('m.association_id', '=', 'a.id')
                .where('m.valid_from', '<=', today)
                .where((w) => w.or([w('m.valid_to', 'is', null), w('m.valid_to', '>=', today)])),
            ),
          ]),
        )
        .orderBy('a.name')
        .execute()
      return { user, roles, associations }
    },

    setLocale: (userId: string, locale: Locale) =>
      db.updateTable('users').set({ locale }).where('id', '=', userId).execute(),
  }
}
