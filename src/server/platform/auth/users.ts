// Creating accounts (the `verbond user add` command; an admin screen will call the same function).
import type { Kysely } from 'kysely'
import { appendAudit } from '../audit.ts'
import { ROLES, type DB } from '../schema.ts'

export interface NewUser {
  email: string
  displayName: string
  role: string
  zoneCode: string | null
  associationCode: string | null
  personId: string | null
  passwordHash: string
}

export async function addUser(db: Kysely<DB>, input: NewUser): Promise<{ id: string; email: string }> {
  const role = ROLES.find((r) => r === input.role)
  if (!role) throw new Error(`Unknown role "${input.role}". Roles: ${ROLES.join(', ')}`)
  if (role === 'admin' ? !input.associationCode : !input.zoneCode)
    throw new Error(role === 'admin' ? 'An admin needs --association CODE' : `A ${role} needs --zone CODE`)
  return db.transaction().execute(async (trx) => {
    const zone = input.zoneCode
      ? await trx.selectFrom('zones').select('id').where('code', '=', input.zoneCode).executeTakeFirst()
      : undefined
    if (input.zoneCode && !zone) throw new Error(`No zone with code ${input.zoneCode}`)
    const association = input.associationCode
      ? await trx.selectFrom('associations').select('id').where('code', '=', input.associationCode).executeTakeFirst()
      : undefined
    if (input.associationCode && !association) throw new Error(`No association with code ${input.associationCode}`)
    const user = await trx
      .insertInto('users')
      .values({
        email: input.email.trim().toLowerCase(),
        display_name: input.displayName,
        password_hash: input.passwordHash,
        person_id: input.personId,
      })
      .returning(['id', 'email'])
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('user_roles')
      .values({ user_id: user.id, role, zone_id: zone?.id ?? null, association_id: association?.id ?? null })
      .execute()
    await appendAudit(trx, [
      {
        chainZoneId: zone?.id ?? null,
        actorUserId: null,
        actorZoneId: null,
        action: 'user.create',
        objectType: 'user',
        objectId: user.id,
        details: { role, via: 'cli' },
      },
    ])
    return user
  })
}
