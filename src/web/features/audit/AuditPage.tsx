import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { useSignedInUser } from '../../auth/session.ts'
import { IconDocument, IconInfo } from '../../components/icons.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { PagedResults } from '../../components/PagedResults.tsx'
import { EmptyState, LoadingState, QueryView } from '../../components/QueryState.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useZones } from '../zones/api.ts'
import { downloadAuditCsv, useAuditEvents, useAuditVerification } from './api.ts'
import { AuditFiltersBar } from './AuditFiltersBar.tsx'
import { AuditTable } from './AuditTable.tsx'
import {
  isFiltered,
  NO_FILTERS,
  PAGE_SIZE,
  readFilters,
  toExportQuery,
  toQuery,
  writeFilters,
  type AuditFilters,
} from './filters.ts'
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

/** The filtered log as a CSV file for the supervisory body; the server logs the export. */
function ExportButton({ filters }: { filters: AuditFilters }) {
  const { t } = useI18n()
  const notify = useNotify()
  const queryClient = useQueryClient()
  const [busy, setBusy] = useState(false)
  const run = async () => {
    setBusy(true)
    try {
      await downloadAuditCsv(toExportQuery(filters))
      notify.success(t('audit.export.done'))
      // The export is itself an event: the log on screen is no longer the whole story.
      void queryClient.invalidateQueries({ queryKey: ['audit', 'events'] })
    } catch (error) {
      notifications.show({
        color: 'red',
        title: t('audit.export.failed'),
        message: errorMessage(error, t),
        closeButtonProps: { 'aria-label': t('common.close') },
      })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button
      variant="default"
      size="sm"
      leftSection={<IconDocument size={16} />}
      loading={busy}
      onClick={() => void run()}
    >
      {t('audit.export.button')}
    </Button>
  )
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
  const filtered = isFiltered(filters)
  const clearButton = filtered && (
    <Button variant="subtle" size="compact-sm" onClick={() => update(NO_FILTERS)}>
      {t('audit.filter.reset')}
    </Button>
  )

  return (
    <Stack gap="lg">
      <VerificationCard query={verification} />
      <Stack gap="md" component="section" aria-labelledby="audit-events-heading">
        <Group justify="space-between" align="flex-end" gap="sm">
          <div>
            <Title order={2} fz="lg" id="audit-events-heading">
              {t('audit.events.heading')}
            </Title>
            <Text fz="sm" c="dimmed">
              {t('audit.export.hint')}
            </Text>
          </div>
          <ExportButton filters={filters} />
        </Group>
        <AuditFiltersBar filters={filters} zones={zones.options} onChange={update} />
        <QueryView
          query={events}
          loading={<LoadingState rows={8} />}
          isEmpty={(d) => d.items.length === 0 && filters.page === 1}
          empty={<EmptyState description={filtered ? t('audit.empty') : t('audit.emptyAll')} action={clearButton} />}
        >
          {(data) => (
            <PagedResults
              total={data.total}
              shown={data.items.length}
              page={filters.page}
              pageSize={PAGE_SIZE}
              countLabel={t('audit.count', { n: data.total })}
              rangeLabel={(from, to) => t('audit.range', { from, to, total: data.total })}
              paginationLabel={t('audit.pagination')}
              actions={clearButton}
              stale={events.isPlaceholderData}
              busy={events.isFetching}
              onPage={(page) => update({ ...filters, page })}
            >
              <AuditTable events={data.items} page={filters.page} zoneNames={zones.names} />
            </PagedResults>
          )}
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
