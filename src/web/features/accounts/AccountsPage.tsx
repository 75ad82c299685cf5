import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { IconPlus, IconSearch } from '../../components/icons.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { EmptyState, LoadingState, QueryView } from '../../components/QueryState.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { AccountsList } from './AccountsList.tsx'
import { useAccounts } from './api.ts'
import { ManageAccountModal } from './ManageAccountModal.tsx'
import { NewAccountModal } from './NewAccountModal.tsx'
import { OneTimePasswordModal, type IssuedPassword } from './OneTimePasswordModal.tsx'

/** "Gebruikers": the accounts of the zones the korpschef (or the association admin) manages. */
export function AccountsPage() {
  const { t } = useI18n()
  usePageTitle(t('accounts.pageTitle'))
  const [search, setSearch] = useState('')
  const [q] = useDebouncedValue(search, 250)
  const [zoneId, setZoneId] = useState<string | null>(null)
  const accounts = useAccounts(q, zoneId)
  const [creating, setCreating] = useState(false)
  const [managedId, setManagedId] = useState<string | null>(null)
  const [issued, setIssued] = useState<IssuedPassword | null>(null)
  const scope = accounts.data?.scope
  const managed = accounts.data?.items.find((a) => a.id === managedId) ?? null

  return (
    <>
      <PageHeader
        title={t('accounts.pageTitle')}
        description={t('accounts.description')}
        actions={
          scope && scope.zones.length > 0 ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t('accounts.new')}
            </Button>
          ) : undefined
        }
      />
      <Stack gap="md">
        <Group gap="sm" wrap="wrap" align="flex-end">
          <TextInput
            label={t('accounts.search')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            style={{ flex: '1 1 16rem' }}
          />
          {scope && scope.zones.length > 1 && (
            <Select
              label={t('accounts.zoneFilter')}
              data={scope.zones.map((z) => ({ value: z.id, label: `${z.code} ${z.name}` }))}
              value={zoneId}
              onChange={setZoneId}
              clearable
              placeholder={t('common.all')}
              style={{ flex: '1 1 14rem' }}
            />
          )}
        </Group>
        <QueryView
          query={accounts}
          loading={<LoadingState rows={6} />}
          isEmpty={(d) => d.items.length === 0}
          empty={<EmptyState description={t('accounts.empty')} />}
        >
          {(data) => (
            <Stack gap="xs">
              <Text fz="sm" c="dimmed" aria-live="polite">
                {data.total > data.items.length
                  ? t('accounts.truncated', { shown: data.items.length, total: data.total })
                  : t('accounts.count', { n: data.total })}
              </Text>
              <AccountsList accounts={data.items} onManage={(a) => setManagedId(a.id)} />
            </Stack>
          )}
        </QueryView>
      </Stack>
      {scope && (
        <>
          <NewAccountModal opened={creating} onClose={() => setCreating(false)} scope={scope} onCreated={setIssued} />
          <ManageAccountModal
            account={managed}
            scope={scope}
            onClose={() => setManagedId(null)}
            onIssued={(i) => {
              setManagedId(null)
              setIssued(i)
            }}
          />
        </>
      )}
      <OneTimePasswordModal issued={issued} onClose={() => setIssued(null)} />
    </>
  )
}
