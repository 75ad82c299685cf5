// "Bijstand: saldi" (/assistance/balances): the person-hours ledger of an association over a typed period —
// balances per zone and per pair, a chart per month, statements (CSV and printable), the settlement proposal, and
// the response-time report on a tab of its own.
import { Select, Stack, Tabs } from '@mantine/core'
import { useState } from 'react'
import { useCurrentAssociation } from '../../auth/AssociationContext.tsx'
import { useSignedInUser } from '../../auth/session.ts'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { EmptyState, LoadingState, QueryView } from '../../components/QueryState.tsx'
import { todayInBrussels } from '../../i18n/format.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useBalances } from './api.ts'
import { BalancesSection } from './BalancesSection.tsx'
import { PeriodFields, type Period } from './PeriodFields.tsx'
import { ResponseTimesSection } from './ResponseTimesSection.tsx'
import { SettlementSection } from './SettlementSection.tsx'

export function BalancesPage() {
  const { t } = useI18n()
  usePageTitle(t('assistance.balances.title'))
  const me = useSignedInUser()
  const { current, all, select } = useCurrentAssociation()
  const today = todayInBrussels()
  const [period, setPeriod] = useState<Period>({ from: `${today.slice(0, 4)}-01-01`, to: today })
  const [tab, setTab] = useState<string | null>('balances')
  const associationId = current?.id ?? null
  const balances = useBalances(associationId, period.from, period.to)
  const admin = me.roles.some((r) => r.role === 'admin' && r.associationId === associationId)
  return (
    <>
      <PageHeader title={t('assistance.balances.title')} description={t('assistance.balances.description')} />
      <Stack gap="md">
        {all.length > 1 && (
          <Select
            label={t('header.association')}
            data={all.map((a) => ({ value: a.id, label: a.name }))}
            value={associationId}
            onChange={(id) => id && select(id)}
            allowDeselect={false}
            maw={420}
          />
        )}
        <PeriodFields period={period} onChange={setPeriod} />
        {!associationId ? (
          <EmptyState description={t('assistance.balances.noAssociation')} />
        ) : (
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="balances">{t('assistance.balances.tab')}</Tabs.Tab>
              <Tabs.Tab value="settlement">{t('assistance.settlement.tab')}</Tabs.Tab>
              <Tabs.Tab value="response">{t('assistance.responseTimes.tab')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="balances">
              <QueryView query={balances} loading={<LoadingState rows={4} />}>
                {(b) => <BalancesSection balances={b} associationId={associationId} period={period} />}
              </QueryView>
            </Tabs.Panel>
            <Tabs.Panel value="settlement">
              <SettlementSection associationId={associationId} initialUntil={period.to} admin={admin} />
            </Tabs.Panel>
            <Tabs.Panel value="response">
              <ResponseTimesSection associationId={associationId} period={period} />
            </Tabs.Panel>
          </Tabs>
        )}
      </Stack>
    </>
  )
}
