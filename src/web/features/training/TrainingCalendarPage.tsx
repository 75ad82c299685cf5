// "Opleidingen" (/training): the training calendar — the sessions of one month, grouped by week, with filters
// (course kind, organising zone, only with free places). A card per session: date and time (Brussels), course,
// place, organiser, the free places for my zone(s) as a badge (vrij / vol – wachtlijst) and my enrolment. The
// session page (/training/sessions/:id) is the enrolment part's. Trainers and korpschefs plan a new session.
import { Anchor, Badge, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useMemo, useState } from 'react'
import { Link } from 'react-router'
import { COURSE_KINDS } from '../../../server/platform/enums.ts'
import { useSignedInUser } from '../../auth/session.ts'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { EmptyState, QueryView } from '../../components/QueryState.tsx'
import { todayInBrussels } from '../../i18n/format.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { brusselsDate } from '../availability/periods.ts'
import { useLiveTraining, useSessions, type CourseKind, type SessionSummary } from './sessions-api.ts'

export const MANAGE_ROLES = ['trainer', 'korpschef']

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Brussels',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})
export const timeOf = (iso: string) => timeFormat.format(new Date(iso))

/** The month's first and last day (YYYY-MM-DD). */
function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` }
}
function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const d = new Date(Date.UTC(y, m - 1 + n, 1))
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
}
/** The Monday of a date's week (YYYY-MM-DD). */
function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
  return d.toISOString().slice(0, 10)
}

export function PlacesBadge({ s }: { s: SessionSummary }) {
  const { t } = useI18n()
  // A cancelled or past (completed) session has no places to offer: say what it is.
  if (s.status !== 'planned') return <Badge color="gray">{t(`training.status.${s.status}`)}</Badge>
  if (s.places === 0)
    return (
      <Badge variant="light" color="gray">
        {t('training.noPlaces')}
      </Badge>
    )
  if (s.free > 0)
    return (
      <Badge color="green" variant="light">
        {t('training.free', { n: s.free })}
      </Badge>
    )
  return (
    <Badge color="orange" variant="light">
      {t('training.fullWaitlist', { n: s.waitlisted })}
    </Badge>
  )
}

function SessionCard({ s }: { s: SessionSummary }) {
  const { t, f } = useI18n()
  return (
    <Paper withBorder p="sm" component="li" data-session={s.id}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Anchor component={Link} to={`/training/sessions/${s.id}`} fw={600} className="wrap-words">
            {s.course.title}
          </Anchor>
          <Group gap={6}>
            {s.myEnrolment && (
              <Badge color={s.myEnrolment.status === 'enrolled' ? 'blue' : 'yellow'}>
                {t(`training.enrolment.${s.myEnrolment.status}`)}
              </Badge>
            )}
            <PlacesBadge s={s} />
          </Group>
        </Group>
        <Text fz="sm">
          {f.dateTime(s.from)} – {timeOf(s.to)}
        </Text>
        <Text fz="sm" c="dimmed" className="wrap-words">
          {s.course.code} · {s.location} · {t('training.organisedBy', { zone: s.zone.name })}
        </Text>
      </Stack>
    </Paper>
  )
}

export function TrainingCalendarPage() {
  const { t, f } = useI18n()
  usePageTitle(t('training.title'))
  useLiveTraining()
  const me = useSignedInUser()
  const [month, setMonth] = useState(() => todayInBrussels().slice(0, 7))
  const [kind, setKind] = useState<CourseKind | null>(null)
  const [zoneId, setZoneId] = useState<string | null>(null)
  const [onlyFree, setOnlyFree] = useState(false)
  const query = useSessions({
    ...monthRange(month),
    ...(kind ? { courseKind: kind } : {}),
    ...(zoneId ? { zoneId } : {}),
    ...(onlyFree ? { onlyFree: true } : {}),
  })
  const manages = me.roles.some((r) => MANAGE_ROLES.includes(r.role) && r.zoneId !== null)
  const [chosenZone, setChosenZone] = useState<{ value: string; label: string } | null>(null)
  const weeks = useMemo(() => {
    const byWeek = new Map<string, SessionSummary[]>()
    for (const s of query.data?.sessions ?? []) {
      const week = mondayOf(brusselsDate(s.from))
      byWeek.set(week, [...(byWeek.get(week) ?? []), s])
    }
    return [...byWeek.entries()]
  }, [query.data])
  // The organisers of the month (and the chosen one, which the narrowed list still offers).
  const zoneOptions = [
    ...new Map([
      ...(chosenZone ? [[chosenZone.value, chosenZone.label] as const] : []),
      ...(query.data?.sessions ?? []).map((s) => [s.zone.id, s.zone.name] as const),
    ]).entries(),
  ].map(([value, label]) => ({ value, label }))

  return (
    <>
      <PageHeader
        title={t('training.title')}
        description={t('training.description')}
        actions={
          <Group gap="xs">
            <Button component={Link} to="/training/courses" variant="default">
              {t('training.courses.title')}
            </Button>
            {manages && (
              <Button component={Link} to="/training/sessions/new">
                {t('training.new')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Button variant="default" onClick={() => setMonth(addMonths(month, -1))}>
            {t('training.prevMonth')}
          </Button>
          <Title order={2} fz="h3" aria-live="polite">
            {f.month(`${month}-01`)}
          </Title>
          <Button variant="default" onClick={() => setMonth(addMonths(month, 1))}>
            {t('training.nextMonth')}
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t('training.filter.kind')}
            clearable
            value={kind}
            onChange={(v) => setKind(COURSE_KINDS.find((k) => k === v) ?? null)}
            data={COURSE_KINDS.map((k) => ({ value: k, label: t(`training.kind.${k}`) }))}
          />
          <Select
            label={t('training.filter.zone')}
            clearable
            value={zoneId}
            onChange={(v, option) => {
              setZoneId(v)
              setChosenZone(v && option ? { value: v, label: option.label } : null)
            }}
            data={zoneOptions}
          />
          <Checkbox
            mt={{ base: 0, sm: 30 }}
            label={t('training.filter.onlyFree')}
            checked={onlyFree}
            onChange={(e) => setOnlyFree(e.currentTarget.checked)}
          />
        </SimpleGrid>
        <QueryView
          query={query}
          isEmpty={(d) => d.sessions.length === 0}
          empty={<EmptyState description={t('training.empty')} />}
        >
          {() => (
            <Stack gap="lg">
              {weeks.map(([week, sessions]) => (
                <Stack key={week} gap="xs" component="section" aria-label={t('training.week', { date: f.date(week) })}>
                  <Text fw={600}>{t('training.week', { date: f.date(week) })}</Text>
                  <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
                    {sessions.map((s) => (
                      <SessionCard key={s.id} s={s} />
                    ))}
                  </Stack>
                </Stack>
              ))}
            </Stack>
          )}
        </QueryView>
      </Stack>
    </>
  )
}
