import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import { AppError } from '../../platform/errors.ts'
import { errorResponses } from '../../platform/http.ts'
import type { DB } from '../../platform/schema.ts'
import { IdParams } from '../../platform/typebox.ts'
import {
  AccountResponse,
  AccountCreate,
  AccountsList,
  AccountsQuery,
  OneTimePassword,
  PasswordChange,
  RoleGrant,
  RoleParams,
} from './schema.ts'
import { accountsService } from './service.ts'

export async function accountsRoutes(fastify: FastifyInstance, opts: { db: Kysely<DB> }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const accounts = accountsService(opts.db)
  const tags = ['accounts']
  const one = { 200: AccountResponse, ...errorResponses(401, 403, 404) }

  app.get(
    '/api/accounts',
    {
      schema: {
        operationId: 'listAccounts',
        tags,
        summary: "Accounts of the zones the caller manages (korpschef: their zone; admin: the association's zones)",
        querystring: AccountsQuery,
        response: { 200: AccountsList, ...errorResponses(401, 403) },
      },
      config: { policy: 'account.manage' },
    },
    async (req) => accounts.list(req.policy, req.query),
  )

  app.get(
    '/api/accounts/:id',
    {
      schema: {
        operationId: 'getAccount',
        tags,
        summary: 'One account (404 when not visible)',
        params: IdParams,
        response: one,
      },
      config: { policy: 'account.manage' },
    },
    async (req) => accounts.get(req.policy, req.params.id),
  )

  app.post(
    '/api/accounts',
    {
      schema: {
        operationId: 'createAccount',
        tags,
        summary: 'Create an account with roles; answers its one-time password once',
        body: AccountCreate,
        response: { 201: OneTimePassword, ...errorResponses(401, 403, 409, 422) },
      },
      config: { policy: 'account.manage' },
    },
    async (req, reply) => reply.code(201).send(await accounts.create(req.policy, req.body)),
  )

  app.post(
    '/api/accounts/:id/roles',
    {
      schema: {
        operationId: 'grantAccountRole',
        tags,
        summary: 'Give the account a role (a zone role in a zone the caller manages; admin by the admin only)',
        params: IdParams,
        body: RoleGrant,
        response: { 201: AccountResponse, ...errorResponses(401, 403, 404, 409) },
      },
      config: { policy: 'account.manage' },
    },
    async (req, reply) => reply.code(201).send(await accounts.grantRole(req.policy, req.params.id, req.body)),
  )

  app.delete(
    '/api/accounts/:id/roles/:roleId',
    {
      schema: {
        operationId: 'removeAccountRole',
        tags,
        summary: 'Remove a role (never the last one; never your own last managing role)',
        params: RoleParams,
        response: { ...one, ...errorResponses(409) },
      },
      config: { policy: 'account.manage' },
    },
    async (req) => accounts.removeRole(req.policy, req.params.id, req.params.roleId),
  )

  app.post(
    '/api/accounts/:id/disable',
    {
      schema: {
        operationId: 'disableAccount',
        tags,
        summary: 'Disable the account: its sessions end at once and sign-in is refused',
        params: IdParams,
        response: { ...one, ...errorResponses(409) },
      },
      config: { policy: 'account.control' },
    },
    async (req) => accounts.setDisabled(req.policy, req.params.id, true),
  )

  app.post(
    '/api/accounts/:id/enable',
    {
      schema: {
        operationId: 'enableAccount',
        tags,
        summary: 'Enable a disabled account',
        params: IdParams,
        response: one,
      },
      config: { policy: 'account.control' },
    },
    async (req) => accounts.setDisabled(req.policy, req.params.id, false),
  )

  app.post(
    '/api/accounts/:id/password-reset',
    {
      schema: {
        operationId: 'resetAccountPassword',
        tags,
        summary: 'Reset to a one-time password (answered once); the user must change it at the next sign-in',
        params: IdParams,
        response: { 200: OneTimePassword, ...errorResponses(401, 403, 404) },
      },
      config: { policy: 'account.control' },
    },
    async (req) => accounts.resetPassword(req.policy, req.params.id),
  )

  app.post(
    '/api/me/password',
    {
      schema: {
        operationId: 'changeOwnPassword',
        tags: ['auth'],
        summary: "Change one's own password; ends the user's other sessions",
        body: PasswordChange,
        response: { 204: { type: 'null' }, ...errorResponses(401, 403, 422) },
      },
      config: { policy: 'self' },
    },
    async (req, reply) => {
      if (!req.session) throw new AppError('UNAUTHENTICATED')
      await accounts.changeOwnPassword(req.policy.actor, req.body, req.session.tokenHash)
      return reply.code(204).send(null)
    },
  )
}
