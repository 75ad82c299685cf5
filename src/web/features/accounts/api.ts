import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, data } from '../../api/client.ts'
import { ME_KEY } from '../../api/queryClient.ts'
import type { Account, AccountCreate, RoleGrant } from '../../api/types.ts'

export const accountKeys = {
  all: ['accounts'] as const,
  list: (q: string, zoneId: string | null) => ['accounts', 'list', q, zoneId] as const,
}

export function useAccounts(q: string, zoneId: string | null) {
  return useQuery({
    queryKey: accountKeys.list(q, zoneId),
    queryFn: () =>
      data(
        api.GET('/api/accounts', {
          params: { query: { q: q.trim() || undefined, zoneId: zoneId ?? undefined, limit: 200 } },
        }),
      ),
    placeholderData: (previous) => previous,
  })
}

/** Every account write answers with the account (or carries it): refresh the lists. */
function useAccountWrite<Input, Output>(write: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: write,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: accountKeys.all }),
  })
}

export const useCreateAccount = () =>
  useAccountWrite((body: AccountCreate) => data(api.POST('/api/accounts', { body })))

export const useGrantRole = (id: string) =>
  useAccountWrite((body: RoleGrant): Promise<Account> =>
    data(api.POST('/api/accounts/{id}/roles', { params: { path: { id } }, body })),
  )

export const useRemoveRole = (id: string) =>
  useAccountWrite((roleId: string): Promise<Account> =>
    data(api.DELETE('/api/accounts/{id}/roles/{roleId}', { params: { path: { id, roleId } } })),
  )

export const useSetDisabled = (id: string) =>
  useAccountWrite((disabled: boolean): Promise<Account> =>
    disabled
      ? data(api.POST('/api/accounts/{id}/disable', { params: { path: { id } } }))
      : data(api.POST('/api/accounts/{id}/enable', { params: { path: { id } } })),
  )

export const useResetPassword = (id: string) =>
  useAccountWrite(() => data(api.POST('/api/accounts/{id}/password-reset', { params: { path: { id } } })))

/** One's own password; afterwards `me` is read again (the must-change flag is gone). */
export function useChangePassword() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (body: { currentPassword: string; newPassword: string }) => {
      await api.POST('/api/me/password', { body })
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
  })
}

/** Korpschefs and admins manage accounts (the API's `accounts.manage`). */
export const managesAccounts = (me: { roles: readonly { role: string }[] }): boolean =>
  me.roles.some((r) => r.role === 'korpschef' || r.role === 'admin')
