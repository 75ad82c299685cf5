// "Bijstand" (/assistance): requests addressed to my zone (incoming, newest first, with my zone's answer) and my
// zone's own requests (outgoing), filtered by status. Kept current by the live events the app shell listens to
// (LiveAlert.tsx invalidates every assistance query on an assistance event): no reload needed.
import { Button, Group, SegmentedControl, Stack, Tabs } from '@mantine/core'
import { useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { FilterSelect } from '../../components/FilterSelect.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { EmptyState, LoadingState, QueryView } from '../../components/QueryState.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useRequests, type RequestsQuery } from './api.ts'
import { ASSISTANCE_STATUSES, OPEN_STATUSES, type AssistanceStatus } from './model.ts'
import { RequestCard } from './RequestCard.tsx'
import { useAssistanceText } from './text.ts'

type Direction = 'incoming' | 'outgoing'
type Scope = 'open' | 'all'

function RequestList({
  direction,
  scope,
  status,
}: {
  direction: Direction
  scope: Scope
  status: AssistanceStatus | null
}) {
  const { t } = useI18n()
  const query: RequestsQuery = {
    direction,
    limit: 100,
    ...(status ? { status } : scope === 'open' ? { status: OPEN_STATUSES.join(',') } : {}),
  }
  const requests = useRequests(query)
  return (
    <QueryView
      query={requests}
      loading={<LoadingState rows={3} height={96} />}
      isEmpty={(d) => d.items.length === 0}
      empty={
        <EmptyState
          description={t(direction === 'incoming' ? 'assistance.emptyIncoming' : 'assistance.emptyOutgoing')}
        />
      }
    >
      {(d) => (
        <Stack
          component="ul"
          gap="sm"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          aria-label={t(`assistance.tab.${direction}`)}
        >
          {d.items.map((r) => (
            <RequestCard key={r.id} request={r} />
          ))}
        </Stack>
      )}
    </QueryView>
  )
}

export function AssistancePage() {
  const { t } = useI18n()
  const text = useAssistanceText()
  usePageTitle(t('assistance.title'))
  const [params, setParams] = useSearchParams()
  const direction: Direction = params.get('tab') === 'outgoing' ? 'outgoing' : 'incoming'
  const [scope, setScope] = useState<Scope>('open')
  const [status, setStatus] = useState<AssistanceStatus | null>(null)
  return (
    <>
      <PageHeader
        title={t('assistance.title')}
        description={t('assistance.description')}
        actions={
          <>
            <Button component={Link} to="/assistance/new?urgent=1" color="red.9" size="md">
              {t('assistance.urgentButton')}
            </Button>
            <Button component={Link} to="/assistance/new" variant="default" size="md">
              {t('assistance.newButton')}
            </Button>
          </>
        }
      />
      <Tabs
        value={direction}
        onChange={(v) => setParams(v === 'outgoing' ? { tab: 'outgoing' } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="incoming">{t('assistance.tab.incoming')}</Tabs.Tab>
          <Tabs.Tab value="outgoing">{t('assistance.tab.outgoing')}</Tabs.Tab>
        </Tabs.List>
        <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
          <SegmentedControl
            value={scope}
            onChange={(v) => setScope(v === 'all' ? 'all' : 'open')}
            data={[
              { value: 'open', label: t('assistance.filter.open') },
              { value: 'all', label: t('assistance.filter.all') },
            ]}
            aria-label={t('assistance.filter.scope')}
          />
          <FilterSelect
            label={t('assistance.filter.status')}
            data={ASSISTANCE_STATUSES.map((s) => ({ value: s, label: text.status(s) }))}
            value={status}
            onChange={(v) => setStatus(ASSISTANCE_STATUSES.find((s) => s === v) ?? null)}
            w={220}
          />
        </Group>
        <Tabs.Panel value="incoming">
          <RequestList direction="incoming" scope={scope} status={status} />
        </Tabs.Panel>
        <Tabs.Panel value="outgoing">
          <RequestList direction="outgoing" scope={scope} status={status} />
        </Tabs.Panel>
      </Tabs>
    </>
  )
}
