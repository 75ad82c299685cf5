// "Eerlijke verdeling": the fairness report of the shared permanences over a period (typed dd/mm/jjjj, by
// default this year), for one rotation (`?rotation=<id>`, the link the rotation pages use) or every rotation
// the user plans: per zone against the zone key, per person against the zone mean; a CSV for Excel.
import { Alert, Button, Grid, Paper, Select, Stack } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { BelgianDateInput } from '../../components/BelgianDateInput.tsx'
import { IconDocument, IconInfo } from '../../components/icons.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { EmptyState, LoadingState, QueryView } from '../../components/QueryState.tsx'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { todayInBrussels } from '../../i18n/format.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { downloadFairnessCsv, useFairness, usePlannedRotations, type FairnessAsk } from './api.ts'
import { PeopleSection } from './PeopleSection.tsx'
import { ZonesSection } from './ZonesSection.tsx'

const ALL = 'all'

function DownloadButton({ ask, disabled }: { ask: FairnessAsk; disabled: boolean }) {
  const { t } = useI18n()
  const [busy, setBusy] = useState(false)
  const run = async () => {
    setBusy(true)
    try {
      await downloadFairnessCsv(ask)
    } catch (error) {
      notifications.show({
        color: 'red',
        title: t('fairness.downloadFailed'),
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
      leftSection={<IconDocument size={16} />}
      loading={busy}
      disabled={disabled}
      onClick={() => void run()}
    >
      {t('fairness.download')}
    </Button>
  )
}

export function FairnessPage() {
  const { t } = useI18n()
  usePageTitle(t('fairness.title'))
  const [params, setParams] = useSearchParams()
  const year = todayInBrussels().slice(0, 4)
  const rotationId = params.get('rotation')
  const from = params.get('from') ?? `${year}-01-01`
  const to = params.get('to') ?? `${year}-12-31`
  // What is typed but not (yet) a date: the report keeps the last good period meanwhile.
  const [draft, setDraft] = useState<{ from: string | null; to: string | null }>({ from, to })
  // From the address as it is now, not as of the last render: two fields changed in quick succession (a
  // router transition still pending) must not undo each other.
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(window.location.search)
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) next.delete(key)
      else next.set(key, value)
    }
    setParams(next, { replace: true })
  }
  const rotations = usePlannedRotations()
  const ask: FairnessAsk = { rotationId, from, to }
  const periodOk = from <= to
  const report = useFairness(ask, periodOk)
  const setDate = (key: 'from' | 'to', value: string | null) => {
    setDraft((d) => ({ ...d, [key]: value }))
    if (value) set({ [key]: value })
  }

  return (
    <>
      <PageHeader
        title={t('fairness.title')}
        description={t('fairness.description')}
        actions={<DownloadButton ask={ask} disabled={!periodOk || !report.data} />}
      />
      <Stack gap="lg">
        <Paper withBorder p="md" component="section" aria-label={t('fairness.filters')}>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('fairness.rotation')}
                data={[
                  { value: ALL, label: t('fairness.allRotations') },
                  ...(rotations.data ?? []).map((r) => ({ value: r.id, label: r.name })),
                ]}
                value={rotationId ?? ALL}
                onChange={(value) => set({ rotation: value && value !== ALL ? value : null })}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <BelgianDateInput
                label={t('fairness.from')}
                value={draft.from}
                onChange={(value) => setDate('from', value)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <BelgianDateInput
                label={t('fairness.to')}
                value={draft.to}
                onChange={(value) => setDate('to', value)}
                error={periodOk ? undefined : t('fairness.periodInvalid')}
              />
            </Grid.Col>
          </Grid>
        </Paper>
        {periodOk && (
          <QueryView query={report} loading={<LoadingState rows={6} />}>
            {(data) =>
              data.rotations.length === 0 ? (
                <EmptyState description={t('fairness.noRotations')} />
              ) : (
                <Stack gap="lg" style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }}>
                  {data.totals.hours === 0 && (
                    <Alert variant="light" color="navy" icon={<IconInfo />}>
                      {t('fairness.empty')}
                    </Alert>
                  )}
                  <ZonesSection report={data} />
                  {data.zones.map((zone) => (
                    <PeopleSection key={zone.zoneId} report={data} zone={zone} />
                  ))}
                </Stack>
              )
            }
          </QueryView>
        )}
      </Stack>
    </>
  )
}
