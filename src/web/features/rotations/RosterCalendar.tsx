// The roster calendar: the duties in force (or the draft) by month or by year, one colour per zone with the
// zone code as text, handoff times in Brussels time. At phone width the month becomes a list of days. A
// planner opens a duty in force to give it to another member (override).
import { Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { useMemo, useState } from 'react'
import { LoadingState } from '../../components/QueryState.tsx'
import { todayInBrussels } from '../../i18n/format.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useDuties, type Draft, type Member, type Rotation } from './api.ts'
import { gridRange, monthOf, shiftMonth, zoneColors, type CalendarEntry } from './calendar.ts'
import { MonthTable, DayList } from './MonthView.tsx'
import { OverrideModal } from './OverrideModal.tsx'
import { YearTable } from './YearView.tsx'
import { ZoneLegend } from './ZoneLegend.tsx'
import { ErrorState } from '../../components/QueryState.tsx'

type View = 'month' | 'year'
type Source = 'inForce' | 'draft'

export function RosterCalendar({
  rotation,
  draft,
  members,
}: {
  rotation: Rotation
  draft: Draft | null
  members: readonly Member[]
}) {
  const { t, f } = useI18n()
  const phone = useMediaQuery('(max-width: 48em)') ?? false
  const today = todayInBrussels()
  const [view, setView] = useState<View>('month')
  const [source, setSource] = useState<Source>('inForce')
  const [month, setMonth] = useState(monthOf(today))
  const year = month.slice(0, 4)
  const range =
    view === 'month' ? (phone ? { from: `${month}-01`, to: gridRange(month).to } : gridRange(month)) : yearRange(year)
  const duties = useDuties(rotation.id, range.from, range.to)
  const [editing, setEditing] = useState<CalendarEntry | null>(null)
  const colors = useMemo(() => zoneColors(rotation.zones.map((z) => z.zoneId)), [rotation.zones])

  const draftShown = source === 'draft' && draft !== null && draft.state === 'done'
  const entries: CalendarEntry[] = draftShown ? draft.slots : (duties.data?.items ?? [])
  const canOverride = rotation.canManage && !draftShown
  const onOpen = canOverride ? (e: CalendarEntry) => setEditing(e) : undefined

  const step = (delta: number) => setMonth(shiftMonth(month, view === 'month' ? delta : delta * 12))
  const previous = view === 'month' ? t('rotations.calendar.previousMonth') : t('rotations.calendar.previousYear')
  const next = view === 'month' ? t('rotations.calendar.nextMonth') : t('rotations.calendar.nextYear')
  const title = view === 'month' ? f.month(`${month}-01`) : year

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="calendar-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Title order={2} fz="h4" id="calendar-title">
            {t('rotations.calendar.title')}
          </Title>
          <Group gap="sm" wrap="wrap">
            <SegmentedControl
              aria-label={t('rotations.calendar.view')}
              value={view}
              onChange={(v) => setView(v)}
              data={[
                { value: 'month', label: t('rotations.calendar.month') },
                { value: 'year', label: t('rotations.calendar.year') },
              ]}
            />
            {draft && draft.state === 'done' && (
              <SegmentedControl
                aria-label={t('rotations.calendar.source')}
                value={source}
                onChange={(v) => setSource(v)}
                data={[
                  { value: 'inForce', label: t('rotations.calendar.inForce') },
                  { value: 'draft', label: t('rotations.calendar.draft', { version: draft.version }) },
                ]}
              />
            )}
          </Group>
        </Group>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Button variant="default" size="xs" onClick={() => step(-1)} aria-label={phone ? previous : undefined}>
            {phone ? '‹' : previous}
          </Button>
          <Text fw={700} fz="lg" aria-live="polite" tt="capitalize">
            {title}
          </Text>
          <Button variant="default" size="xs" onClick={() => step(1)} aria-label={phone ? next : undefined}>
            {phone ? '›' : next}
          </Button>
        </Group>
        <ZoneLegend zones={rotation.zones} colors={colors} />
        <Text fz="xs" c="dimmed">
          {view === 'month' ? t('rotations.calendar.monthHint') : t('rotations.calendar.yearHint')}
          {canOverride ? ` ${t('rotations.calendar.overrideHint')}` : ''}
        </Text>
        {!draftShown && duties.isError ? (
          <ErrorState error={duties.error} onRetry={() => void duties.refetch()} />
        ) : !draftShown && duties.isPending ? (
          <LoadingState rows={5} height={60} />
        ) : view === 'year' ? (
          <YearTable year={year} entries={entries} colors={colors} />
        ) : phone ? (
          <DayList month={month} entries={entries} colors={colors} today={today} onOpen={onOpen} />
        ) : (
          <MonthTable month={month} entries={entries} colors={colors} today={today} onOpen={onOpen} />
        )}
        {!draftShown && duties.data && duties.data.items.length === 0 && (
          <Text fz="sm" c="dimmed">
            {t('rotations.calendar.none')}
          </Text>
        )}
      </Stack>
      {editing && (
        <OverrideModal rotation={rotation} entry={editing} members={members} onClose={() => setEditing(null)} />
      )}
    </Paper>
  )
}

const yearRange = (year: string) => ({ from: `${year}-01-01`, to: `${year}-12-31` })
