// Account management and the own-password change. Hashing (argon2, CPU-bound) happens before a transaction
// opens: on PGlite the transaction holds the only connection and must await nothing but the database.
import { randomBytes } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import { appendAudit, audit, type AuditAction, type AuditEntry } from '../../platform/audit.ts'
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts'
import { endSessionsOf, notePasswordFailure } from '../../platform/auth/sessions.ts'
import { AppError, notFound } from '../../platform/errors.ts'
import {
  accountScope,
  adminAssociationsWith,
  canAssignRole,
  canManageAccountsOf,
  canSeeAccount,
  type AccountScope,
  type Actor,
} from '../../platform/policy.ts'
import type { DB } from '../../platform/schema.ts'
import { now, today } from '../../platform/clock.ts'
import { enqueueMail } from '../../platform/mail.ts'
import {
  accountRef,
  assertAcceptablePassword,
  assertNotSelf,
  assertRoleRemovable,
  normaliseRole,
  oneTimePasswordFrom,
  roleRemovalProblem,
} from './domain.ts'
import { accountsRepository, type AccountRow } from './repository.ts'
import type { Account, AccountCreate, AccountsQuery, PasswordChange, RoleGrant } from './schema.ts'

type Repo = ReturnType<typeof accountsRepository>

const refOf = (row: AccountRow) => accountRef({ id: row.id, personZoneId: row.person_zone_id, roles: row.roles })

function present(row: AccountRow, scope: AccountScope, actor: Actor): Account {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    locale: row.locale,
    person:
      row.person_id && row.first_name && row.last_name && row.person_zone_id && row.person_zone_code
        ? {
            id: row.person_id,
            firstName: row.first_name,
            lastName: row.last_name,
            zoneId: row.person_zone_id,
            zoneCode: row.person_zone_code,
          }
        : null,
    roles: row.roles.map((r) => ({
      ...r,
      removable: canAssignRole(scope, r) && roleRemovalProblem(actor.userId, row.id, row.roles, r.id) === null,
    })),
    disabledAt: row.disabled_at?.toISOString() ?? null,
    mustChangePassword: row.must_change_password,
    createdAt: row.created_at.toISOString(),
    manageable: canManageAccountsOf(scope, refOf(row)) && row.id !== actor.userId,
  }
}

/** An account event goes into the chain of every zone the account belongs to (the platform chain if none). */
/** An account event in the chain of every zone the account belongs to (the platform chain if none). */
function accountEvents(
  actor: Actor,
  row: AccountRow,
  action: AuditAction,
  details?: Record<string, unknown>,
): AuditEntry[] {
  const zones = refOf(row).zoneIds
  return audit.entries(
    actor,
    action,
    { type: 'user', id: row.id },
    { email: row.email, ...details },
    {
      chains: zones.length ? zones : [null],
    },
  )
}

/** A role granted or removed: in the chain of the role's zone. */
const roleEvent = (
  actor: Actor,
  row: AccountRow,
  action: 'account.role_grant' | 'account.role_remove',
  role: { role: string; zoneId: string | null; associationId: string | null },
): AuditEntry[] =>
  audit.entries(
    actor,
    action,
    { type: 'user', id: row.id },
    { email: row.email, role: role.role, zoneId: role.zoneId, associationId: role.associationId },
    { chains: [role.zoneId] },
  )

const newOneTimePassword = () => oneTimePasswordFrom(randomBytes(64))

export function accountsService(db: Kysely<DB>) {
  async function scopeOf(actor: Actor, repo: Repo = accountsRepository(db)): Promise<AccountScope> {
    const associations = adminAssociationsWith(actor, 'accounts.manage')
    const memberships = await repo.memberships(associations, today())
    return accountScope(actor, memberships)
  }

  /** The account if the scope sees it; otherwise the same 404 as an id that does not exist. */
  async function visible(repo: Repo, scope: AccountScope, id: string): Promise<AccountRow> {
    const row = (await repo.byId(id)) ?? notFound()
    if (!canSeeAccount(scope, refOf(row))) notFound()
    return row
  }

  /** One account-changing use case: lock the row, check, change, audit, answer with the account as it is now. */
  async function change(
    actor: Actor,
    id: string,
    apply: (repo: Repo, scope: AccountScope, row: AccountRow, trx: Transaction<DB>) => Promise<AuditEntry[]>,
  ): Promise<Account> {
    return db.transaction().execute(async (trx) => {
      const repo = accountsRepository(trx)
      const scope = await scopeOf(actor, repo)
      await repo.lock(id)
      const row = await visible(repo, scope, id)
      const events = await apply(repo, scope, row, trx)
      await appendAudit(trx, events)
      return present((await repo.byId(id)) ?? notFound(), scope, actor)
    })
  }

  async function assertManageable(actor: Actor, id: string): Promise<void> {
    const repo = accountsRepository(db)
    const scope = await scopeOf(actor, repo)
    if (!canManageAccountsOf(scope, refOf(await visible(repo, scope, id)))) throw new AppError('FORBIDDEN')
  }

  return {
    async list(actor: Actor, query: AccountsQuery) {
      const repo = accountsRepository(db)
      const scope = await scopeOf(actor, repo)
      const { rows, total } = await repo.list(scope, query)
      return {
        items: rows.map((r) => present(r, scope, actor)),
        total,
        scope: {
          zones: await repo.scopeZones(scope.zoneIds),
          associations: await repo.scopeAssociations(scope.associationIds),
        },
      }
    },

    async get(actor: Actor, id: string): Promise<Account> {
      const repo = accountsRepository(db)
      const scope = await scopeOf(actor, repo)
      return present(await visible(repo, scope, id), scope, actor)
    },

    async create(actor: Actor, input: AccountCreate): Promise<{ account: Account; oneTimePassword: string }> {
      const roles = input.roles.map(normaliseRole)
      const email = input.email.trim().toLowerCase()
      const oneTimePassword = newOneTimePassword()
      const passwordHash = await hashPassword(oneTimePassword)
      const account = await db.transaction().execute(async (trx) => {
        const repo = accountsRepository(trx)
        const scope = await scopeOf(actor, repo)
        if (!roles.every((r) => canAssignRole(scope, r))) throw new AppError('FORBIDDEN')
        const personId = input.personId ?? null
        if (personId) {
          const person = await repo.person(personId)
          if (!person || !scope.zoneIds.includes(person.zone_id) || person.user_id !== null)
            throw new AppError('ACCOUNT_PERSON_INVALID')
        }
        if (await repo.emailTaken(email)) throw new AppError('ACCOUNT_EMAIL_TAKEN')
        const { id } = await repo.insertUser({
          email,
          displayName: input.displayName.trim(),
          locale: input.locale ?? 'nl',
          personId,
          passwordHash,
        })
        for (const role of roles) await repo.insertRole(id, role)
        const row = (await repo.byId(id)) ?? notFound()
        await appendAudit(
          trx,
          accountEvents(actor, row, 'account.create', {
            roles: row.roles.map((r) => ({ role: r.role, zoneId: r.zoneId, associationId: r.associationId })),
          }),
        )
        return present(row, scope, actor)
      })
      return { account, oneTimePassword }
    },

    grantRole: (actor: Actor, id: string, input: RoleGrant) =>
      change(actor, id, async (repo, scope, row) => {
        const role = normaliseRole(input)
        if (!canAssignRole(scope, role)) throw new AppError('FORBIDDEN')
        const roleId = await repo.insertRole(id, role)
        if (!roleId) throw new AppError('ACCOUNT_ROLE_EXISTS')
        return roleEvent(actor, row, 'account.role_grant', role)
      }),

    removeRole: (actor: Actor, id: string, roleId: string) =>
      change(actor, id, async (repo, scope, row) => {
        const role = row.roles.find((r) => r.id === roleId) ?? notFound()
        if (!canAssignRole(scope, role)) throw new AppError('FORBIDDEN')
        assertRoleRemovable(actor.userId, row.id, row.roles, roleId)
        await repo.deleteRole(id, roleId)
        return roleEvent(actor, row, 'account.role_remove', role)
      }),

    setDisabled: (actor: Actor, id: string, disabled: boolean) =>
      change(actor, id, async (repo, scope, row, trx) => {
        if (!canManageAccountsOf(scope, refOf(row))) throw new AppError('FORBIDDEN')
        if (disabled) assertNotSelf(actor.userId, row.id)
        await repo.setDisabled(id, disabled)
        // Disabled: every session ends now (resolve() refuses them too, this makes it visible at once).
        const ended = disabled ? await endSessionsOf(trx, id) : 0
        return accountEvents(actor, row, disabled ? 'account.disable' : 'account.enable', disabled ? { ended } : {})
      }),

    async resetPassword(actor: Actor, id: string): Promise<{ account: Account; oneTimePassword: string }> {
      // Checked before the (costly) hash, and again under the lock.
      await assertManageable(actor, id)
      const oneTimePassword = newOneTimePassword()
      const passwordHash = await hashPassword(oneTimePassword)
      const account = await change(actor, id, async (repo, scope, row, trx) => {
        if (!canManageAccountsOf(scope, refOf(row))) throw new AppError('FORBIDDEN')
        await repo.setPassword(id, passwordHash, true)
        const ended = await endSessionsOf(trx, id)
        // A security notice to the account's owner (never the password itself), sent once this commits.
        await enqueueMail(trx, {
          kind: 'account.password_reset',
          to: id,
          params: { actorName: actor.displayName },
          key: now().toISOString(),
        })
        return accountEvents(actor, row, 'account.password_reset', { ended })
      })
      return { account, oneTimePassword }
    },

    /** The signed-in user's own password; ends their other sessions (the one asking stays signed in). */
    async changeOwnPassword(actor: Actor, input: PasswordChange, currentTokenHash: string): Promise<void> {
      const repo = accountsRepository(db)
      const user = await repo.passwordOf(actor.userId)
      if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
        const ended = await db.transaction().execute(async (trx) => {
          const sessionEnded = await notePasswordFailure(trx, currentTokenHash)
          await audit.write(
            trx,
            actor,
            'user.password_change_failed',
            { type: 'user', id: actor.userId },
            { sessionEnded },
          )
          return sessionEnded
        })
        throw new AppError(ended ? 'UNAUTHENTICATED' : 'PASSWORD_CURRENT_WRONG')
      }
      assertAcceptablePassword(
        input.newPassword,
        { email: user.email, displayName: user.display_name },
        { same: input.newPassword === input.currentPassword },
      )
      const passwordHash = await hashPassword(input.newPassword)
      await db.transaction().execute(async (trx) => {
        await accountsRepository(trx).setPassword(actor.userId, passwordHash, false)
        const ended = await endSessionsOf(trx, actor.userId, currentTokenHash)
        await audit.write(
          trx,
          actor,
          'user.password_change',
          { type: 'user', id: actor.userId },
          {
            ended,
            wasOneTime: user.must_change_password,
          },
        )
      })
    },
  }
}
