import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely'
import type { Scope } from '../../platform/policy.ts'
import { inScope } from '../../platform/policy/sql.ts'
import type { DB, Locale, Role } from '../../platform/schema.ts'
import type { AccountsQuery } from './schema.ts'

type Db = Kysely<DB> | Transaction<DB>

export interface AccountRow {
  id: string
  email: string
  display_name: string
  locale: Locale
  disabled_at: Date | null
  must_change_password: boolean
  created_at: Date
  person_id: string | null
  first_name: string | null
  last_name: string | null
  person_zone_id: string | null
  person_zone_code: string | null
  roles: {
    id: string
    role: Role
    zoneId: string | null
    zoneCode: string | null
    zoneName: string | null
    associationId: string | null
    associationName: string | null
  }[]
}

/** The reach over accounts: zones (own and member zones) and administered associations. */
type AccountScope = Pick<Scope, 'zoneIds' | 'associationIds'>

/** Account `u` belongs to a zone or association of the scope (its person's zone, or one of its roles). */
const belongsTo = (scope: AccountScope): Expression<SqlBool> =>
  sql<SqlBool>`(${inScope(scope, { zoneId: 'p.zone_id' })}
    OR EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id
                AND ${inScope(scope, { zoneId: 'r.zone_id', associationId: 'r.association_id' })}))`

const inZone = (zoneId: string): Expression<SqlBool> =>
  sql<SqlBool>`(p.zone_id = ${zoneId} OR EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.zone_id = ${zoneId}))`

// The roles in the same round trip, with the names the screen shows.
const rolesJson = sql<AccountRow['roles']>`coalesce((
  SELECT json_agg(json_build_object(
           'id', r.id, 'role', r.role, 'zoneId', r.zone_id, 'zoneCode', rz.code, 'zoneName', rz.name,
           'associationId', r.association_id, 'associationName', ra.name)
         ORDER BY rz.code NULLS FIRST, r.role)
    FROM user_roles r
    LEFT JOIN zones rz ON rz.id = r.zone_id
    LEFT JOIN associations ra ON ra.id = r.association_id
   WHERE r.user_id = u.id), '[]'::json)`

export function accountsRepository(db: Db) {
  const accounts = () =>
    db
      .selectFrom('users as u')
      .leftJoin('people as p', 'p.id', 'u.person_id')
      .leftJoin('zones as pz', 'pz.id', 'p.zone_id')
      .select([
        'u.id',
        'u.email',
        'u.display_name',
        'u.locale',
        'u.disabled_at',
        'u.must_change_password',
        'u.created_at',
        'p.id as person_id',
        'p.first_name',
        'p.last_name',
        'p.zone_id as person_zone_id',
        'pz.code as person_zone_code',
        rolesJson.as('roles'),
      ])

  const filtered = (scope: AccountScope, query: AccountsQuery) => {
    let q = db.selectFrom('users as u').leftJoin('people as p', 'p.id', 'u.person_id').where(belongsTo(scope))
    if (query.zoneId) q = q.where(inZone(query.zoneId))
    const text = query.q?.trim()
    if (text) {
      const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      q = q.where((eb) => eb.or([eb('u.display_name', 'ilike', like), eb(sql`u.email::text`, 'ilike', like)]))
    }
    return q
  }

  return {
    scopeZones: (zoneIds: readonly string[]) =>
      zoneIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('zones')
            .select(['id', 'code', 'name'])
            .where('id', 'in', [...zoneIds])
            .orderBy('code')
            .execute(),

    scopeAssociations: (ids: readonly string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('associations')
            .select(['id', 'name'])
            .where('id', 'in', [...ids])
            .orderBy('name')
            .execute(),

    async list(scope: AccountScope, query: AccountsQuery): Promise<{ rows: AccountRow[]; total: number }> {
      const page = await filtered(scope, query)
        .select(['u.id', sql<number>`count(*) OVER ()::int`.as('total')])
        .orderBy('u.display_name')
        .orderBy('u.id')
        .limit(query.limit ?? 50)
        .offset(query.offset ?? 0)
        .execute()
      const total =
        page[0]?.total ??
        (
          await filtered(scope, query)
            .select(sql<number>`count(*)::int`.as('n'))
            .executeTakeFirstOrThrow()
        ).n
      if (page.length === 0) return { rows: [], total }
      const rows = await accounts()
        .where(
          'u.id',
          'in',
          page.map((r) => r.id),
        )
        .orderBy('u.display_name')
        .orderBy('u.id')
        .execute()
      return { rows, total }
    },

    byId: (id: string): Promise<AccountRow | undefined> => accounts().where('u.id', '=', id).executeTakeFirst(),

    /** Locks the account row: role changes and the last-role rule of one account happen one at a time. */
    lock: (id: string) => db.selectFrom('users').select('id').where('id', '=', id).forUpdate().executeTakeFirst(),

    emailTaken: async (email: string) =>
      (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()) !== undefined,

    person: (id: string) =>
      db
        .selectFrom('people as p')
        .leftJoin('users as u', 'u.person_id', 'p.id')
        .select(['p.id', 'p.zone_id', 'u.id as user_id'])
        .where('p.id', '=', id)
        .executeTakeFirst(),

    insertUser: (user: {
      email: string
      displayName: string
      locale: Locale
      personId: string | null
      passwordHash: string
    }) =>
      db
        .insertInto('users')
        .values({
          email: user.email,
          display_name: user.displayName,
          locale: user.locale,
          person_id: user.personId,
          password_hash: user.passwordHash,
          must_change_password: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),

    /** Inserts a role; false when the account already has it. */
    async insertRole(userId: string, role: { role: Role; zoneId: string | null; associationId: string | null }) {
      const row = await db
        .insertInto('user_roles')
        .values({ user_id: userId, role: role.role, zone_id: role.zoneId, association_id: role.associationId })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst()
      return row?.id ?? null
    },

    deleteRole: (userId: string, roleId: string) =>
      db.deleteFrom('user_roles').where('user_id', '=', userId).where('id', '=', roleId).execute(),

    setDisabled: (id: string, disabled: boolean) =>
      db
        .updateTable('users')
        .set({ disabled_at: disabled ? sql<Date>`coalesce(disabled_at, now())` : null })
        .where('id', '=', id)
        .execute(),

    setPassword: (id: string, passwordHash: string, oneTime: boolean) =>
      db
        .updateTable('users')
        .set({
          password_hash: passwordHash,
          must_change_password: oneTime,
          password_changed_at: oneTime ? null : sql<Date>`now()`,
        })
        .where('id', '=', id)
        .execute(),

    passwordOf: (id: string) =>
      db
        .selectFrom('users')
        .select(['id', 'email', 'display_name', 'password_hash', 'must_change_password'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
  }
}
