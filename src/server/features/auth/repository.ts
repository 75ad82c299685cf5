import { sql, type Kysely, type Transaction } from 'kysely'
import type { DB, Locale } from '../../platform/schema.ts'

export function authRepository(db: Kysely<DB> | Transaction<DB>) {
  return {
    userByEmail: (email: string) =>
      db
        .selectFrom('users as u')
        .leftJoin('people as p', 'p.id', 'u.person_id')
        .select(['u.id', 'u.password_hash', 'u.disabled_at', 'p.zone_id'])
        .where('u.email', '=', email)
        .executeTakeFirst(),

    /** Failed attempts in the window: for the account since its last success, and for the address. */
    async recentFailures(email: string, ip: string, since: Date) {
      const row = await sql<{ by_email: number; by_ip: number; oldest_email: Date | null; oldest_ip: Date | null }>`
        WITH last_ok AS (
          SELECT coalesce(max(at), '-infinity'::timestamptz) AS at FROM login_attempts WHERE email = ${email} AND succeeded
        )
        SELECT
          (SELECT count(*)::int FROM login_attempts, last_ok WHERE email = ${email} AND NOT succeeded AND login_attempts.at >= ${since} AND login_attempts.at > last_ok.at) AS by_email,
          (SELECT min(login_attempts.at) FROM login_attempts, last_ok WHERE email = ${email} AND NOT succeeded AND login_attempts.at >= ${since} AND login_attempts.at > last_ok.at) AS oldest_email,
          (SELECT count(*)::int FROM login_attempts WHERE ip = ${ip} AND NOT succeeded AND at >= ${since}) AS by_ip,
          (SELECT min(at) FROM login_attempts WHERE ip = ${ip} AND NOT succeeded AND at >= ${since}) AS oldest_ip`.execute(
        db,
      )
      return row.rows[0] ?? { by_email: 0, by_ip: 0, oldest_email: null, oldest_ip: null }
    },

    recordAttempt: (email: string, ip: string, succeeded: boolean) =>
      db.insertInto('login_attempts').values({ email, ip, succeeded }).execute(),

    me: async (userId: string) => {
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
                .where(sql<boolean>`(m.valid_to IS NULL OR m.valid_to >= current_date)`),
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
