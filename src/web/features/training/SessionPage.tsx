// One training session (/training/sessions/:id, issue 11): the course, date and time (Brussels), place, organiser,
// trainers, range lanes, cancellation deadline; the places per zone as bars (places / enrolled / waiting); the
// reader's own enrolment; enrolling people of one's zone (planner, korpschef, trainer); the enrolment list; the
// attendance form for the trainer; the organiser's panel. Kept current by the live `training.enrol.*` events.
import { Badge, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useParams } from 'react-router'
import { BackLink } from '../../components/BackLink.tsx'
import { usePageTitle } from '../../components/PageHeader.tsx'
import { QueryView } from '../../components/QueryState.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { AttendanceForm } from './AttendanceForm.tsx'
import { EnrolmentList } from './EnrolmentList.tsx'
import { EnrolOthers, MyEnrolment } from './EnrolmentPanel.tsx'
import { useLiveTraining, useTrainingSession, type TrainingSession } from './enrolments-api.ts'
import { SessionManagePanel } from './SessionManagePanel.tsx'

const SESSION_COLOR: Record<string, string> = { planned: 'blue', completed: 'green', cancelled: 'gray' }

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text fz="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text fz="md" className="wrap-words">
        {children}
      </Text>
    </Stack>
  )
}

/** A minute's clock: the buttons that depend on the start and the deadline follow the time. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000)
    return () => clearInterval(timer)
  }, [])
  return now
}

function Places({ session }: { session: TrainingSession }) {
  const { t } = useI18n()
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="session-places">
      <Title order={2} fz="lg" mb="sm" id="session-places">
        {t('training.enrol.places.title')}
      </Title>
      <Stack gap="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {session.places.map((p) => (
          <Stack component="li" key={p.zone.id} gap={4} data-testid={`places-${p.zone.code}`}>
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Text fw={600}>{p.zone.name}</Text>
              <Text fz="sm">
                {t('training.enrol.places.count', { enrolled: p.enrolled, places: p.places })}
                {p.waitlisted > 0 ? ` · ${t('training.enrol.places.waiting', { n: p.waitlisted })}` : ''}
              </Text>
            </Group>
            <Progress
              size="lg"
              value={p.places === 0 ? 0 : Math.min(100, (100 * p.enrolled) / p.places)}
              color={p.enrolled >= p.places ? 'orange' : 'blue'}
              aria-label={t('training.enrol.places.bar', { zone: p.zone.name, enrolled: p.enrolled, places: p.places })}
            />
          </Stack>
        ))}
      </Stack>
    </Paper>
  )
}

function SessionView({ session }: { session: TrainingSession }) {
  const { t, f } = useI18n()
  const now = useNow()
  const time = (iso: string) => f.dateTime(iso).split(' ').pop() ?? ''
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={1} fz={{ base: 24, sm: 28 }} className="wrap-words">
          {session.course.title}
        </Title>
        <Badge size="lg" color={SESSION_COLOR[session.status] ?? 'gray'} variant="light" data-testid="session-status">
          {t(`training.enrol.session.status.${session.status}`)}
        </Badge>
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Fact label={t('training.enrol.session.when')}>
            {f.dateTime(session.from)} – {time(session.to)}
          </Fact>
          <Fact label={t('training.enrol.session.location')}>{session.location}</Fact>
          <Fact label={t('training.enrol.session.organiser')}>{session.zone.name}</Fact>
          <Fact label={t('training.enrol.session.trainers')}>
            {session.trainers.length === 0
              ? '—'
              : session.trainers.map((tr) => `${tr.name} (${tr.zone.name})`).join(', ')}
          </Fact>
          {session.lanes.length > 0 && (
            <Fact label={t('training.enrol.session.lanes')}>{session.lanes.map((l) => l.assetName).join(', ')}</Fact>
          )}
          <Fact label={t('training.enrol.session.deadline')}>{f.dateTime(session.cancelDeadline)}</Fact>
        </SimpleGrid>
        {session.note && (
          <Text mt="sm" fz="sm" className="wrap-words">
            {session.note}
          </Text>
        )}
      </Paper>
      <Places session={session} />
      <MyEnrolment session={session} now={now} />
      <EnrolOthers session={session} now={now} />
      {session.actions.attendance && <AttendanceForm sessionId={session.id} />}
      <EnrolmentList sessionId={session.id} />
      {session.actions.manage && <SessionManagePanel sessionId={session.id} />}
    </Stack>
  )
}

export function SessionPage() {
  const { t } = useI18n()
  usePageTitle(t('training.enrol.session.title'))
  useLiveTraining()
  const { id = '' } = useParams()
  const query = useTrainingSession(id)
  return (
    <>
      <BackLink to="/training" label={t('training.enrol.back')} />
      <QueryView query={query}>{(s) => <SessionView session={s} />}</QueryView>
    </>
  )
}
