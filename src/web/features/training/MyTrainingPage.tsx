// "Mijn opleidingen" (/training/me) and a person's page as their korpschef/planner sees it
// (/training/people/:personId): the GPI 48 standing over the rolling window with a timeline of the sessions
// (which count, which fall outside, when the person falls behind), qualifications with their expiry, and the
// suggested next sessions (GPI 48 first when behind), each linking to the session.
import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core'
import { Link, useParams } from 'react-router'
import { useSignedInUser } from '../../auth/session.ts'
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx'
import { EmptyState, LoadingState, QueryView } from '../../components/QueryState.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import {
  useLiveTraining,
  usePersonCompliance,
  useSuggestions,
  type PersonCompliance,
  type Suggestion,
} from './compliance-api.ts'
import { Gpi48Badge, QualificationBadge } from './Gpi48Badge.tsx'

function Standing({ c }: { c: PersonCompliance }) {
  const { t, f } = useI18n()
  const g = c.gpi48
  const missing = {
    sessions: String(Math.max(0, g.required.sessions - g.counted)),
    evaluations: String(Math.max(0, g.required.evaluations - g.evaluations)),
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="gpi48-standing">
      <Group justify="space-between" wrap="wrap" mb="sm">
        <Title order={2} fz="lg" id="gpi48-standing">
          {t('training.me.gpi48')}
        </Title>
        <Gpi48Badge status={g.status} fallsBehindOn={g.fallsBehindOn} />
      </Group>
      <Group gap="xl" wrap="wrap">
        <Text fz="xl" fw={700}>
          {t('training.me.counted', { counted: String(g.counted), required: String(g.required.sessions) })}
        </Text>
        <Text fz="lg">
          {t('training.me.evaluations', { counted: String(g.evaluations), required: String(g.required.evaluations) })}
        </Text>
      </Group>
      <Text fz="sm" c="dimmed" mt={4}>
        {t('training.me.window', { from: f.date(g.windowStart), to: f.date(c.asOf) })}
      </Text>
      {g.status === 'behind' && (
        <Alert color="red" variant="light" mt="sm">
          {t('training.me.behindHint', missing)}
        </Alert>
      )}
      {g.fallsBehindOn && (
        <Alert color="orange" variant="light" mt="sm">
          {t('training.me.fallsBehind', { date: f.date(g.fallsBehindOn) })}
        </Alert>
      )}
    </Paper>
  )
}

function SessionsTimeline({ c }: { c: PersonCompliance }) {
  const { t, f } = useI18n()
  const items = [...c.sessions].reverse()
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="gpi48-sessions">
      <Title order={2} fz="lg" mb="sm" id="gpi48-sessions">
        {t('training.me.timeline')}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{t('training.me.noSessions')}</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={-1}>
          {items.map((s) => {
            const upcoming = s.day > c.asOf
            const outside = s.day < c.gpi48.windowStart
            const state = upcoming
              ? t('training.me.upcoming')
              : outside
                ? t('training.me.outsideWindow')
                : s.counted
                  ? t('training.me.countedYes')
                  : t('training.me.countedNo')
            return (
              <Timeline.Item
                key={s.sessionId}
                color={s.counted ? 'green' : 'gray'}
                title={
                  <Group gap="xs" wrap="wrap">
                    <Text fw={600}>{f.date(s.day)}</Text>
                    <Badge variant="light" color={s.counted ? 'green' : 'gray'} style={{ textTransform: 'none' }}>
                      {state}
                    </Badge>
                  </Group>
                }
              >
                <Text fz="sm" className="wrap-words">
                  {t(`training.me.kind.${s.kind}`)} · {s.courseTitle}
                  {s.attendance && ` · ${t(`training.me.attendance.${s.attendance}`)}`}
                  {s.result && ` · ${t(`training.me.result.${s.result}`)}`}
                </Text>
              </Timeline.Item>
            )
          })}
        </Timeline>
      )}
      {c.gpi48.fallsBehindOn && (
        <Text fz="sm" mt="sm" fw={600}>
          {t('training.me.fallsBehind', { date: f.date(c.gpi48.fallsBehindOn) })}
        </Text>
      )}
    </Paper>
  )
}

function Qualifications({ c }: { c: PersonCompliance }) {
  const { t, f, label } = useI18n()
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="qualifications">
      <Title order={2} fz="lg" mb="sm" id="qualifications">
        {t('training.me.qualifications')}
      </Title>
      {c.qualifications.length === 0 ? (
        <Text c="dimmed">{t('training.me.noQualifications')}</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {c.qualifications.map((q) => (
            <Group key={q.code} component="li" justify="space-between" wrap="wrap" gap="xs">
              <Text className="wrap-words">
                {q.validUntil
                  ? t('training.qualificationUntil', {
                      name: label('qualification', q.code),
                      date: f.date(q.validUntil),
                    })
                  : label('qualification', q.code)}
              </Text>
              <QualificationBadge state={q.state} />
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  )
}

function SuggestionCard({ s }: { s: Omit<Suggestion, 'clash'> }) {
  const { t, f } = useI18n()
  return (
    <Paper withBorder p="sm" component="li">
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Anchor component={Link} to={`/training/sessions/${s.sessionId}`} fw={600} className="wrap-words">
            {s.courseTitle}
          </Anchor>
          <Badge
            variant="light"
            color={s.reason === 'gpi48_behind' ? 'red' : s.reason === 'gpi48_due' ? 'orange' : 'blue'}
            style={{ textTransform: 'none' }}
          >
            {t(`training.reason.${s.reason}`)}
          </Badge>
        </Group>
        <Text fz="sm">
          {f.dateTime(s.from)} · {s.location} · {t('training.me.organisedBy', { zone: s.zone.name })}
        </Text>
        <Text fz="sm" fw={600}>
          {s.availability === 'free'
            ? t('training.me.free', { count: String(s.freePlaces) })
            : t('training.me.waitingList')}
        </Text>
      </Stack>
    </Paper>
  )
}

function Suggestions({ personId }: { personId: string }) {
  const { t } = useI18n()
  const suggestions = useSuggestions(personId)
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="suggestions">
      <Title order={2} fz="lg" id="suggestions">
        {t('training.me.suggestions')}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('training.me.suggestionsHint')}
      </Text>
      <QueryView
        query={suggestions}
        loading={<LoadingState rows={2} />}
        isEmpty={(d) => d.suggestions.length === 0}
        empty={<Text c="dimmed">{t('training.me.noSuggestions')}</Text>}
      >
        {(d) => (
          <Stack
            component="ul"
            gap="sm"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('training.me.suggestions')}
          >
            {d.suggestions.map((s) => (
              <SuggestionCard key={s.sessionId} s={s} />
            ))}
          </Stack>
        )}
      </QueryView>
    </Paper>
  )
}

function PersonTraining({ personId, own }: { personId: string; own: boolean }) {
  const { t } = useI18n()
  const compliance = usePersonCompliance(personId)
  const name = compliance.data?.person.name ?? ''
  const title = own
    ? t('training.me.title')
    : name
      ? t('training.person.title', { name })
      : t('training.person.titleUnknown')
  usePageTitle(title)
  return (
    <>
      <PageHeader title={title} />
      <QueryView query={compliance} loading={<LoadingState rows={5} />}>
        {(c) => (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Stack gap="md">
              <Standing c={c} />
              <Qualifications c={c} />
              <Suggestions personId={personId} />
            </Stack>
            <SessionsTimeline c={c} />
          </SimpleGrid>
        )}
      </QueryView>
    </>
  )
}

export function MyTrainingPage() {
  const { t } = useI18n()
  useLiveTraining()
  const me = useSignedInUser()
  const { personId } = useParams()
  const id = personId ?? me.person?.id ?? null
  if (id === null) {
    return (
      <>
        <PageHeader title={t('training.me.title')} />
        <EmptyState description={t('training.me.noPerson')} />
      </>
    )
  }
  return <PersonTraining key={id} personId={id} own={id === me.person?.id} />
}
