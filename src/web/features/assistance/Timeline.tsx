// The request's history: who (user, zone) did what when, newest last; the note of a question or a cancellation.
import { Paper, Text, Timeline as MantineTimeline, Title } from '@mantine/core'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import type { TimelineEvent } from './api.ts'
import { useAssistanceText } from './text.ts'

export function RequestTimeline({ events }: { events: readonly TimelineEvent[] }) {
  const { t, f } = useI18n()
  const text = useAssistanceText()
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="assistance-timeline">
      <Title order={2} fz="lg" mb="sm" id="assistance-timeline">
        {t('assistance.timeline')}
      </Title>
      <MantineTimeline bulletSize={14} lineWidth={2} active={events.length - 1}>
        {events.map((e) => {
          const note = typeof e.details.note === 'string' ? e.details.note : null
          return (
            <MantineTimeline.Item
              key={e.id}
              title={
                <Text fw={600} fz="sm">
                  {text.action(e.action)}
                  {e.toStatus && e.toStatus !== e.fromStatus ? ` → ${text.status(e.toStatus)}` : ''}
                </Text>
              }
            >
              <Text fz="sm" c="dimmed">
                <time dateTime={e.at}>{f.dateTime(e.at)}</time> · {e.user?.name ?? t('assistance.system')} ·{' '}
                {e.zone.name}
              </Text>
              {note && (
                <Text fz="sm" className="wrap-words">
                  “{note}”
                </Text>
              )}
            </MantineTimeline.Item>
          )
        })}
      </MantineTimeline>
    </Paper>
  )
}
