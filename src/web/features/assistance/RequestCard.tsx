// One request in the incoming or outgoing list: who asks, what, when and where, its status, and (incoming) how my
// zone answered. Urgent requests that still need an answer stand out (red edge, "Dringend" badge).
import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core'
import { Link } from 'react-router'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import type { RequestSummary } from './api.ts'
import { OPEN_STATUSES, STATUS_COLOR } from './model.ts'
import { useAssistanceText } from './text.ts'

export function RequestCard({ request }: { request: RequestSummary }) {
  const { t } = useI18n()
  const text = useAssistanceText()
  const urgentOpen = request.urgency === 'urgent' && OPEN_STATUSES.includes(request.status)
  const answer = request.addressee
  return (
    <Paper
      component="li"
      withBorder
      p="md"
      className={urgentOpen ? 'assistance-card assistance-card-urgent' : 'assistance-card'}
      data-testid="assistance-request"
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
          <Anchor component={Link} to={`/assistance/${request.id}`} fw={700} fz="lg" className="wrap-words">
            {text.category(request.category)} · {request.zone.name}
          </Anchor>
          <Group gap={6}>
            {request.urgency === 'urgent' && (
              <Badge color="red.9" variant="filled">
                {text.urgency('urgent')}
              </Badge>
            )}
            <Badge color={STATUS_COLOR[request.status]} variant="light">
              {text.status(request.status)}
            </Badge>
          </Group>
        </Group>
        <Text fz="sm" className="wrap-words">
          {text.lines(request.lines)}
        </Text>
        <Text fz="sm" c="dimmed" className="wrap-words">
          {[request.place, request.municipality?.name].filter(Boolean).join(', ')} ·{' '}
          {text.window(request.start, request.end)}
        </Text>
        <Group gap="md" wrap="wrap">
          {answer && (
            <Text fz="sm">
              {t('assistance.myAnswer')}: <strong>{text.answer(answer.state)}</strong>
            </Text>
          )}
          {(request.offeredCount > 0 || request.acceptedCount > 0) && (
            <Text fz="sm" c="dimmed">
              {t('assistance.counts', { offered: request.offeredCount, accepted: request.acceptedCount })}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  )
}
