import { Alert, Button, Group, Pagination, Paper, Stack, Text, Title } from '@mantine/core'
import { useSearchParams } from 'react-router'
import { useSignedInUser } from '../../auth/session.ts'
import { IconInfo } from '../../components/icons.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { EmptyState, LoadingState, QueryView } from '../../components/QueryState.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useZones } from '../zones/api.ts'
import { useAuditEvents, useAuditVerification } from './api.ts'
import { AuditFiltersBar } from './AuditFiltersBar.tsx'
import { AuditTable } from './AuditTable.tsx'
import { PAGE_SIZE, readFilters, toQuery, writeFilters, type AuditFilters } from './filters.ts'
import { isDpo } from './isDpo.ts'
import { VerificationCard } from './VerificationCard.tsx'

/** The verified chains as filter options ("5453 RIHO"); the API filters by zone id, verification gives codes. */
function useZoneOptions(codes: readonly string[]) {
  const zones = useZones()
  const byCode = new Map((zones.data?.items ?? []).map((z) => [z.code, z]))
  const options = codes.flatMap((code) => {
    const zone = byCode.get(code)
    return zone ? [{ value: zone.id, label: `${zone.code} ${zone.name}` }] : []
  })
  const names = new Map((zones.data?.items ?? []).map((z) => [z.id, z.name]))
  return { options, names }
}

/** The verification and the events, for a DPO. */
function AuditLog() {
  const { t } = useI18n()
  const [params, setParams] = useSearchParams()
  const filters = readFilters(params)
  const verification = useAuditVerification()
  const events = useAuditEvents(toQuery(filters))
  const zones = useZoneOptions(verification.data?.zones ?? [])
  const update = (next: AuditFilters) => setParams(writeFilters(next), { replace: true })
  const filtered = Boolean(filters.zoneId || filters.action)
  const clearButton = filtered && (
    <Button variant="subtle" size="compact-sm" onClick={() => update({ zoneId: null, action: null, page: 1 })}>
      {t('audit.filter.reset')}
    </Button>
  )

  return (
    <Stack gap="lg">
      <VerificationCard query={verification} />
      <Stack gap="md" component="section" aria-labelledby="audit-events-heading">
        <Title order={2} fz="lg" id="audit-events-heading">
          {t('audit.events.heading')}
        </Title>
        <AuditFiltersBar filters={filters} zones={zones.options} onChange={update} />
        <QueryView
          query={events}
          loading={<LoadingState rows={8} />}
          isEmpty={(d) => d.items.length === 0}
          empty={<EmptyState description={filtered ? t('audit.empty') : t('audit.emptyAll')} action={clearButton} />}
        >
          {(data) => {
            const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE))
            const from = (filters.page - 1) * PAGE_SIZE + 1
            const to = from + data.items.length - 1
            return (
              <Paper withBorder style={{ opacity: events.isPlaceholderData ? 0.6 : 1 }} aria-busy={events.isFetching}>
                <Group justify="space-between" px="md" py="sm" wrap="wrap">
                  <Group gap="sm">
                    <Text fz="sm" fw={600} role="status">
                      {t('audit.count', { n: data.total })}
                    </Text>
                    {clearButton}
                  </Group>
                  <Text fz="sm" c="dimmed">
                    {t('audit.range', { from, to, total: data.total })}
                  </Text>
                </Group>
                <AuditTable events={data.items} page={filters.page} zoneNames={zones.names} />
                {pages > 1 && (
                  <Group justify="center" p="md" component="nav" aria-label={t('audit.pagination')}>
                    <Pagination
                      total={pages}
                      value={Math.min(filters.page, pages)}
                      onChange={(page) => update({ ...filters, page })}
                      withEdges
                      getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
                      getItemProps={(page) => ({ 'aria-label': t('pagination.page', { n: page }) })}
                    />
                  </Group>
                )}
              </Paper>
            )
          }}
        </QueryView>
      </Stack>
    </Stack>
  )
}

export function AuditPage() {
  const { t } = useI18n()
  usePageTitle(t('audit.pageTitle'))
  const me = useSignedInUser()
  return (
    <>
      <PageHeader title={t('audit.heading')} description={t('audit.intro')} />
      {/* Without the role the API answers 403 to every call: say so once, plainly, and ask nothing. */}
      {isDpo(me) ? (
        <AuditLog />
      ) : (
        <Alert variant="light" color="navy" icon={<IconInfo />} title={t('audit.noAccessTitle')}>
          {t('audit.noAccess')}
        </Alert>
      )}
    </>
  )
}
