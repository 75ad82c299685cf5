// "Beschikbaarheid" (/equipment/timeline): a week or a fortnight of the assets in reach × Brussels days, with the
// periods active bookings block; previous / next / today, and a kind filter. The start and span live in the URL.
import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core'
import { useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { BackLink } from '../../components/BackLink.tsx'
import { FilterSelect } from '../../components/FilterSelect.tsx'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { EmptyState, LoadingState, QueryView } from '../../components/QueryState.tsx'
import { todayInBrussels } from '../../i18n/format.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { ASSET_KINDS } from '../../../server/platform/enums.ts'
import { brusselsInstant } from '../availability/periods.ts'
import { useAssetLabels } from './AssetBadges.tsx'
import { useEquipmentLive, useTimeline } from './assets-api.ts'
import { TimelineGrid, type GridDay } from './TimelineGrid.tsx'

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/** The Monday of the week of a date. */
function mondayOf(date: string): string {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay()
  return addDays(date, -((weekday + 6) % 7))
}

export function TimelinePage() {
  const { t, f } = useI18n()
  const labels = useAssetLabels()
  usePageTitle(t('equipment.timeline.title'))
  useEquipmentLive()
  const [params, setParams] = useSearchParams()
  const span = params.get('span') === '14' ? 14 : 7
  const startParam = params.get('start')
  const start = startParam && /^\d{4}-\d{2}-\d{2}$/.test(startParam) ? startParam : mondayOf(todayInBrussels())
  const kind = ASSET_KINDS.find((k) => k === params.get('kind')) ?? null
  const days: GridDay[] = useMemo(
    () =>
      Array.from({ length: span }, (_, i) => {
        const date = addDays(start, i)
        return { date, start: Date.parse(brusselsInstant(date, '00:00') ?? `${date}T00:00:00Z`) }
      }),
    [start, span],
  )
  const from = new Date(days[0]!.start).toISOString()
  const to = brusselsInstant(addDays(start, span), '00:00') ?? from
  const timeline = useTimeline({ from, to, ...(kind ? { kind } : {}) })
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params)
    for (const [key, value] of Object.entries(changes))
      if (value === null) next.delete(key)
      else next.set(key, value)
    setParams(next, { replace: true })
  }
  return (
    <>
      <BackLink to="/equipment" label={t('equipment.asset.back')} />
      <PageHeader title={t('equipment.timeline.title')} description={t('equipment.timeline.description')} />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Button variant="default" onClick={() => set({ start: addDays(start, -span) })}>
            {t('equipment.timeline.prev')}
          </Button>
          <Button variant="default" onClick={() => set({ start: null })}>
            {t('equipment.timeline.today')}
          </Button>
          <Button variant="default" onClick={() => set({ start: addDays(start, span) })}>
            {t('equipment.timeline.next')}
          </Button>
          <SegmentedControl
            aria-label={t('equipment.timeline.span')}
            value={String(span)}
            onChange={(v) => set({ span: v === '14' ? '14' : null })}
            data={[
              { value: '7', label: t('equipment.timeline.week') },
              { value: '14', label: t('equipment.timeline.fortnight') },
            ]}
          />
          <FilterSelect
            label={t('equipment.filter.kind')}
            data={ASSET_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
            value={kind}
            onChange={(v) => set({ kind: v ?? null })}
            w={{ base: '100%', xs: 220 }}
          />
        </Group>
        <Text fw={600} aria-live="polite">
          {t('equipment.timeline.range', { from: f.date(start), to: f.date(addDays(start, span - 1)) })}
        </Text>
        <QueryView
          query={timeline}
          loading={<LoadingState rows={6} />}
          isEmpty={(d) => d.assets.length === 0}
          empty={<EmptyState description={t('equipment.timeline.empty')} />}
        >
          {(d) => <TimelineGrid timeline={d} days={days} />}
        </QueryView>
      </Stack>
    </>
  )
}
