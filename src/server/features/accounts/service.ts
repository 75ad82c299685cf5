// Account management and the own-password change. Hashing (argon2, CPU-bound) happens before a transaction
// opens: on PGlite the transaction holds the only connection and must await nothing but the database.
import { randomBytes } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import { appendAudit, audit, type AuditAction, type AuditEntry } from '../../platform/audit.ts'
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts'
import { endSessionsOf, notePasswordFailure } from '../../platform/auth/sessions.ts'
import { AppError, notFound } from '../../platform/errors.ts'
import * as policy from '../../platform/policy.ts'
import type { Actor } from '../../platform/policy.ts'
import type { PolicyContext } from '../../platform/policy/context.ts'
import type { DB, Role } from '../../platform/schema.ts'
import { now } from '../../platform/clock.ts'
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

/**
 * The actor's reach over accounts: `manage` sees an account when one of its zones (or admin associations) is
 * in reach and gives roles in reach; `control` (disable, enable, reset) needs every one of them in reach.
 */
interface AccountPolicy {
  manage: policy.Scope
  control: policy.Scope
}

const sees = (p: AccountPolicy, row: AccountRow) => policy.decideIn(p.manage, refOf(row)).allowed
const controls = (p: AccountPolicy, row: AccountRow) => policy.decideIn(p.control, refOf(row)).allowed
/** A role is given or removed in reach only: a zone role in a zone in reach, `admin` by that association's admin. */
const assigns = (p: AccountPolicy, r: { role: Role; zoneId: string | null; associationId: string | null }) => {
  const at = r.role === 'admin' ? r.associationId : r.zoneId
  return (
    at !== null && policy.decideIn(p.manage, r.role === 'admin' ? { associationIds: [at] } : { zoneIds: [at] }).allowed
  )
}

function present(row: AccountRow, scope: AccountPolicy, actor: Actor): Account {
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
      removable: assigns(scope, r) && roleRemovalProblem(actor.userId, row.id, row.roles, r.id) === null,
    })),
    disabledAt: row.disabled_at?.toISOString() ?? null,
    mustChangePassword: row.must_change_password,
    createdAt: row.created_at.toISOString(),
    manageable: controls(scope, row) && row.id !== actor.userId,
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
  async function scopeOf(ctx: PolicyContext): Promise<AccountPolicy> {
    return { manage: await policy.scope(ctx, 'account.manage'), control: await policy.scope(ctx, 'account.control') }
  }

  /** The account if the scope sees it; otherwise the same 404 as an id that does not exist. */
  async function visible(repo: Repo, scope: AccountPolicy, id: string): Promise<AccountRow> {
    const row = (await repo.byId(id)) ?? notFound()
    if (!sees(scope, row)) notFound()
    return row
  }

  /** One account-changing use case: lock the row, check, change, audit, answer with the account as it is now. */
  async function change(
    ctx: PolicyContext,
    id: string,
    apply: (repo: Repo, scope: AccountPolicy, row: AccountRow, trx: Transaction<DB>) => Promise<AuditEntry[]>,
  ): Promise<Account> {
    const { actor } = ctx
    return db.transaction().execute(async (trx) => {
      const repo = accountsRepository(trx)
      const scope = await scopeOf(ctx.on(trx))
      await repo.lock(id)
      const row = await visible(repo, scope, id)
      const events = await apply(repo, scope, row, trx)
      await appendAudit(trx, events)
      return present((await repo.byId(id)) ?? notFound(), scope, actor)
    })
  }

  async function assertManageable(ctx: PolicyContext, id: string): Promise<void> {
    const repo = accountsRepository(db)
    const scope = await scopeOf(ctx)
    if (!controls(scope, await visible(repo, scope, id))) throw new AppError('FORBIDDEN')
  }

  return {
    async list(ctx: PolicyContext, query: AccountsQuery) {
      const repo = accountsRepository(db)
      const scope = await scopeOf(ctx)
      const { rows, total } = await repo.list(scope.manage, query)
      return {
        items: rows.map((r) => present(r, scope, ctx.actor)),
        total,
        scope: {
          zones: await repo.scopeZones(scope.manage.zoneIds),
          associations: await repo.scopeAssociations(scope.manage.associationIds),
        },
      }
    },

    async get(ctx: PolicyContext, id: string): Promise<Account> {
      const repo = accountsRepository(db)
      const scope = await scopeOf(ctx)
      return present(await visible(repo, scope, id), scope, ctx.actor)
    },

    async create(ctx: PolicyContext, input: AccountCreate): Promise<{ account: Account; oneTimePassword: string }> {
      const { actor } = ctx
      const roles = input.roles.map(normaliseRole)
      const email = input.email.trim().toLowerCase()
      const oneTimePassword = newOneTimePassword()
      const passwordHash = await hashPassword(oneTimePassword)
      const account = await db.transaction().execute(async (trx) => {
        const repo = accountsRepository(trx)
        const scope = await scopeOf(ctx.on(trx))
        // Zones are public facts: a role out of reach is refused, not hidden.
        if (!roles.every((r) => assigns(scope, r))) throw new AppError('FORBIDDEN')
        const personId = input.personId ?? null
        if (personId) {
          const person = await repo.person(personId)
          if (!person || !scope.manage.zoneIds.includes(person.zone_id) || person.user_id !== null)
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

    grantRole: (ctx: PolicyContext, id: string, input: RoleGrant) =>
      change(ctx, id, async (repo, scope, row) => {
        const role = normaliseRole(input)
        if (!assigns(scope, role)) throw new AppError('FORBIDDEN')
        const roleId = await repo.insertRole(id, role)
        if (!roleId) throw new AppError('ACCOUNT_ROLE_EXISTS')
        return roleEvent(ctx.actor, row, 'account.role_grant', role)
      }),

    removeRole: (ctx: PolicyContext, id: string, roleId: string) =>
      change(ctx, id, async (repo, scope, row) => {
        const role = row.roles.find((r) => r.id === roleId) ?? notFound()
        if (!assigns(scope, role)) throw new AppError('FORBIDDEN')
        assertRoleRemovable(ctx.actor.userId, row.id, row.roles, roleId)
        await repo.deleteRole(id, roleId)
        return roleEvent(ctx.actor, row, 'account.role_remove', role)
      }),

    setDisabled: (ctx: PolicyContext, id: string, disabled: boolean) =>
      change(ctx, id, async (repo, scope, row, trx) => {
        const { actor } = ctx
        if (!controls(scope, row)) throw new AppError('FORBIDDEN')
        if (disabled) assertNotSelf(actor.userId, row.id)
        await repo.setDisabled(id, disabled)
        // Disabled: every session ends now (resolve() refuses them too, this makes it visible at once).
        const ended = disabled ? await endSessionsOf(trx, id) : 0
        return accountEvents(actor, row, disabled ? 'account.disable' : 'account.enable', disabled ? { ended } : {})
      }),

    async resetPassword(ctx: PolicyContext, id: string): Promise<{ account: Account; oneTimePassword: string }> {
      const { actor } = ctx
      // Checked before the (costly) hash, and again under the lock.
      await assertManageable(ctx, id)
      const oneTimePassword = newOneTimePassword()
      const passwordHash = await hashPassword(oneTimePassword)
      const account = await change(ctx, id, async (repo, scope, row, trx) => {
        if (!controls(scope, row)) throw new AppError('FORBIDDEN')
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
