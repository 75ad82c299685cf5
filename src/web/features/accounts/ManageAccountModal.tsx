import { ActionIcon, Alert, Badge, Button, Divider, Group, Modal, Select, Stack, Text, Tooltip } from '@mantine/core'
import { useState } from 'react'
import { ZONE_ROLES, type Account, type AccountRole, type AccountsPage, type Role } from '../../api/types.ts'
import { useSignedInUser } from '../../auth/session.ts'
import { IconX } from '../../components/icons.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useGrantRole, useRemoveRole, useResetPassword, useSetDisabled } from './api.ts'
import type { IssuedPassword } from './OneTimePasswordModal.tsx'

export const roleScope = (r: AccountRole): string =>
  r.zoneCode ? `${r.zoneCode} ${r.zoneName ?? ''}`.trim() : (r.associationName ?? '')

function AddRole({ account, scope }: { account: Account; scope: AccountsPage['scope'] }) {
  const { t, label } = useI18n()
  const notify = useNotify()
  const grant = useGrantRole(account.id)
  const roles: Role[] = scope.associations.length > 0 ? [...ZONE_ROLES, 'admin'] : [...ZONE_ROLES]
  const [role, setRole] = useState<Role | null>(null)
  const [zoneId, setZoneId] = useState<string | null>(scope.zones.length === 1 ? (scope.zones[0]?.id ?? null) : null)
  const [associationId, setAssociationId] = useState<string | null>(scope.associations[0]?.id ?? null)
  const admin = role === 'admin'
  const ready = role !== null && (admin ? associationId !== null : zoneId !== null)
  const add = () => {
    if (!role) return
    const grantOf = role === 'admin' ? associationId && { role, associationId } : zoneId && { role, zoneId }
    if (!grantOf) return
    grant.mutate(grantOf, {
      onSuccess: () => {
        notify.success(t('accounts.roleAdded'))
        setRole(null)
      },
    })
  }
  return (
    <Stack gap="xs">
      <Text fw={600} fz="sm">
        {t('accounts.addRole')}
      </Text>
      {grant.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(grant.error, t)}
        </Alert>
      )}
      <Group align="flex-end" gap="xs" wrap="wrap">
        <Select
          label={t('accounts.role')}
          data={roles.map((r) => ({ value: r, label: label('role', r) }))}
          value={role}
          onChange={(v) => setRole(roles.find((r) => r === v) ?? null)}
          style={{ flex: '1 1 10rem' }}
        />
        {admin ? (
          <Select
            label={t('accounts.association')}
            data={scope.associations.map((a) => ({ value: a.id, label: a.name }))}
            value={associationId}
            onChange={setAssociationId}
            style={{ flex: '1 1 10rem' }}
          />
        ) : (
          <Select
            label={t('accounts.form.zone')}
            data={scope.zones.map((z) => ({ value: z.id, label: `${z.code} ${z.name}` }))}
            value={zoneId}
            onChange={setZoneId}
            style={{ flex: '1 1 10rem' }}
          />
        )}
        <Button onClick={add} disabled={!ready} loading={grant.isPending}>
          {t('accounts.add')}
        </Button>
      </Group>
    </Stack>
  )
}

/** One account: its roles (remove, add), and — when every zone of it is the actor's — disable and reset. */
export function ManageAccountModal({
  account,
  scope,
  onClose,
  onIssued,
}: {
  account: Account | null
  scope: AccountsPage['scope']
  onClose: () => void
  onIssued: (issued: IssuedPassword) => void
}) {
  const { t } = useI18n()
  return (
    <Modal
      opened={account !== null}
      onClose={onClose}
      title={account ? t('accounts.manageTitle', { name: account.displayName }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      {account && <ManageAccount account={account} scope={scope} onIssued={onIssued} />}
    </Modal>
  )
}

function ManageAccount({
  account,
  scope,
  onIssued,
}: {
  account: Account
  scope: AccountsPage['scope']
  onIssued: (issued: IssuedPassword) => void
}) {
  const { t, label } = useI18n()
  const me = useSignedInUser()
  const notify = useNotify()
  const remove = useRemoveRole(account.id)
  const setDisabled = useSetDisabled(account.id)
  const reset = useResetPassword(account.id)
  const self = account.id === me.id
  const failed = [remove, setDisabled, reset].find((m) => m.isError)

  return (
    <Stack gap="md">
      <Text fz="sm" c="dimmed" style={{ overflowWrap: 'break-word' }}>
        {account.email}
      </Text>
      {failed && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(failed.error, t)}
        </Alert>
      )}
      <Stack gap="xs">
        <Text fw={600} fz="sm">
          {t('accounts.roles')}
        </Text>
        <Group gap="xs">
          {account.roles.map((r) => {
            const name = label('role', r.role)
            return (
              <Badge
                key={r.id}
                variant="light"
                color="navy"
                tt="none"
                size="lg"
                fw={500}
                rightSection={
                  r.removable ? (
                    <Tooltip label={t('accounts.removeRole', { role: name, scope: roleScope(r) })}>
                      <ActionIcon
                        size="xs"
                        variant="transparent"
                        color="navy"
                        aria-label={t('accounts.removeRole', { role: name, scope: roleScope(r) })}
                        loading={remove.isPending && remove.variables === r.id}
                        onClick={() =>
                          remove.mutate(r.id, { onSuccess: () => notify.success(t('accounts.roleRemoved')) })
                        }
                      >
                        <IconX size={12} />
                      </ActionIcon>
                    </Tooltip>
                  ) : undefined
                }
              >
                {name} · {roleScope(r)}
              </Badge>
            )
          })}
        </Group>
      </Stack>
      <AddRole account={account} scope={scope} />
      <Divider />
      {self ? (
        <Text fz="sm" c="dimmed">
          {t('accounts.self')}
        </Text>
      ) : account.manageable ? (
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text fz="sm" c="dimmed" style={{ flex: '1 1 14rem' }}>
              {t('accounts.resetHint')}
            </Text>
            <Button
              variant="default"
              loading={reset.isPending}
              onClick={() =>
                reset.mutate(undefined, {
                  onSuccess: (result) =>
                    onIssued({
                      name: result.account.displayName,
                      email: result.account.email,
                      password: result.oneTimePassword,
                    }),
                })
              }
            >
              {t('accounts.resetPassword')}
            </Button>
          </Group>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text fz="sm" c="dimmed" style={{ flex: '1 1 14rem' }}>
              {account.disabledAt ? '' : t('accounts.disableHint')}
            </Text>
            {account.disabledAt ? (
              <Button
                variant="default"
                loading={setDisabled.isPending}
                onClick={() =>
                  setDisabled.mutate(false, { onSuccess: () => notify.success(t('accounts.enabledDone')) })
                }
              >
                {t('accounts.enable')}
              </Button>
            ) : (
              <Button
                color="red"
                variant="light"
                loading={setDisabled.isPending}
                onClick={() =>
                  setDisabled.mutate(true, { onSuccess: () => notify.success(t('accounts.disabledDone')) })
                }
              >
                {t('accounts.disable')}
              </Button>
            )}
          </Group>
        </Stack>
      ) : (
        <Text fz="sm" c="dimmed">
          {t('accounts.notManageable')}
        </Text>
      )}
    </Stack>
  )
}
