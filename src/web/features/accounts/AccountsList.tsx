import { Badge, Box, Button, Card, Group, Stack, Table, Text } from '@mantine/core'
import { Fragment } from 'react'
import type { Account } from '../../api/types.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'

// Role and status names can be long ("Mot de passe à usage unique"): wrap rather than cut them off.
const WRAP = {
  root: { height: 'auto', paddingBlock: 2 },
  label: { whiteSpace: 'normal', overflow: 'visible' },
} as const

function RoleBadges({ account }: { account: Account }) {
  const { label } = useI18n()
  return (
    <Group gap={4}>
      {account.roles.map((r) => (
        <Badge key={r.id} size="sm" variant="light" color="navy" tt="none" fw={500} styles={WRAP}>
          {label('role', r.role)} · {r.zoneCode ?? r.associationName}
        </Badge>
      ))}
    </Group>
  )
}

function Status({ account }: { account: Account }) {
  const { t, f } = useI18n()
  if (account.disabledAt)
    return (
      <Badge
        color="red"
        variant="light"
        tt="none"
        title={t('accounts.status.disabledSince', { date: f.dateTime(account.disabledAt) })}
      >
        {t('accounts.status.disabled')}
      </Badge>
    )
  if (account.mustChangePassword)
    return (
      <Badge color="gold" variant="light" tt="none" styles={WRAP} title={t('accounts.status.mustChange')}>
        {t('accounts.status.mustChange')}
      </Badge>
    )
  return (
    <Badge color="green" variant="light" tt="none" styles={WRAP}>
      {t('accounts.status.active')}
    </Badge>
  )
}

/** An e-mail address may wrap after "@" and ".", not in the middle of a word. */
function Email({ value }: { value: string }) {
  const parts = value.split(/(?<=[@.])/)
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </>
  )
}

function NameAndEmail({ account }: { account: Account }) {
  return (
    <Stack gap={0}>
      <Text fw={600} fz="sm">
        {account.displayName}
      </Text>
      <Text fz="xs" c="dimmed" style={{ overflowWrap: 'break-word' }}>
        <Email value={account.email} />
      </Text>
    </Stack>
  )
}

/** A table on a desktop, cards on a phone: nothing scrolls sideways at 390 px. */
export function AccountsList({ accounts, onManage }: { accounts: Account[]; onManage: (account: Account) => void }) {
  const { t } = useI18n()
  const manage = (a: Account) => (
    <Button
      size="xs"
      variant="default"
      onClick={() => onManage(a)}
      aria-label={t('accounts.manageLabel', { name: a.displayName })}
    >
      {t('accounts.manage')}
    </Button>
  )
  return (
    <>
      <Box visibleFrom="sm">
        <Table verticalSpacing="sm" layout="fixed">
          <Table.Caption className="visually-hidden">{t('accounts.tableCaption')}</Table.Caption>
          <colgroup>
            <col style={{ width: '30%' }} />
            <col style={{ width: '33%' }} />
            <col style={{ width: '24%' }} />
            <col style={{ width: '13%' }} />
          </colgroup>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('accounts.col.name')}</Table.Th>
              <Table.Th scope="col">{t('accounts.col.roles')}</Table.Th>
              <Table.Th scope="col">{t('accounts.col.status')}</Table.Th>
              <Table.Th scope="col">
                <span className="visually-hidden">{t('accounts.col.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {accounts.map((a) => (
              <Table.Tr key={a.id} data-testid="account-row">
                <Table.Td>
                  <NameAndEmail account={a} />
                </Table.Td>
                <Table.Td>
                  <RoleBadges account={a} />
                </Table.Td>
                <Table.Td>
                  <Status account={a} />
                </Table.Td>
                <Table.Td ta="right">{manage(a)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      <Stack hiddenFrom="sm" gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {accounts.map((a) => (
          <Card key={a.id} withBorder component="li" padding="sm" data-testid="account-card">
            <Stack gap="xs">
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                <NameAndEmail account={a} />
                <Box style={{ flexShrink: 0 }}>
                  <Status account={a} />
                </Box>
              </Group>
              <RoleBadges account={a} />
              <Group justify="flex-end">{manage(a)}</Group>
            </Stack>
          </Card>
        ))}
      </Stack>
    </>
  )
}
