// The live alert of the app shell (issue 9), on every page: when an urgent request reaches me (`assistance.alert`
// addressed to my user on the event stream), a fixed banner (role="alertdialog", large type: requesting zone,
// category, place, what is asked) and a beep repeated until acknowledged or muted. On load, the open alerts
// addressed to me are restored from GET /api/assistance/alerts; the banner closes on `assistance.alert_acknowledged`
// (someone of my zone acknowledged) or after acknowledging here.
//
// This is also the one listener for assistance events: every `assistance.*` event invalidates the assistance
// queries, so the lists and a request's page follow without a reload and without a stream of their own.
import { Button, Group, Stack, Text, Title } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import { useLiveEvents, type LiveEvent, type LiveStatus } from '../../api/live.ts'
import { useSignedInUser } from '../../auth/session.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { keys, useAcknowledge, useOpenAlerts, type OpenAlert } from './api.ts'
import { startBeeping } from './beep.ts'
import { useAssistanceText } from './text.ts'

const RESPONDING_ROLES: ReadonlySet<string> = new Set(['korpschef', 'planner', 'officer'])

function AlertCard({ alert, onOpen }: { alert: OpenAlert; onOpen: () => void }) {
  const { t } = useI18n()
  const text = useAssistanceText()
  const acknowledge = useAcknowledge()
  return (
    <Stack gap={6} className="assistance-alert-item">
      <Text fz={{ base: 22, sm: 28 }} fw={800} lh={1.2} className="wrap-words">
        {alert.requestingZone.name} · {text.category(alert.category)}
      </Text>
      <Text fz={{ base: 18, sm: 22 }} fw={600} className="wrap-words">
        {text.lines(alert.lines)}
      </Text>
      <Text fz={{ base: 18, sm: 22 }} className="wrap-words">
        {alert.place}
      </Text>
      <Group gap="sm" mt={4}>
        <Button
          size="lg"
          color="dark"
          variant="white"
          loading={acknowledge.isPending}
          data-acknowledge
          onClick={() => acknowledge.mutate({ id: alert.requestId, zoneId: alert.zoneId })}
        >
          {t('assistance.alert.acknowledge')}
        </Button>
        <Button size="lg" variant="outline" color="white" className="assistance-alert-open" onClick={onOpen}>
          {t('assistance.alert.open')}
        </Button>
      </Group>
      {acknowledge.isError && (
        <Text fz="md" fw={600}>
          {errorMessage(acknowledge.error, t)}
        </Text>
      )}
    </Stack>
  )
}

export function LiveAlert() {
  const { t } = useI18n()
  const me = useSignedInUser()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const responds = me.roles.some((r) => RESPONDING_ROLES.has(r.role) && r.zoneId !== null)
  const alerts = useOpenAlerts(responds)
  const [muted, setMuted] = useState(false)

  const onEvent = useCallback(
    (event: LiveEvent) => {
      if (!event.type.startsWith('assistance.')) return
      void queryClient.invalidateQueries({ queryKey: keys.all })
      // A new alert for me sounds again even when an earlier one was muted.
      if (event.type === 'assistance.alert' && event.userId === me.id) setMuted(false)
    },
    [queryClient, me.id],
  )
  const previous = useRef<LiveStatus | null>(null)
  const onStatus = useCallback(
    (status: LiveStatus) => {
      // Back after a gap: events are replayed, but refetching is cheap and certain.
      if (status === 'live' && previous.current === 'reconnecting')
        void queryClient.invalidateQueries({ queryKey: keys.all })
      previous.current = status
    },
    [queryClient],
  )
  useLiveEvents(onEvent, true, onStatus)

  const open = (alerts.data?.items ?? []).filter((a) => a.addressedToMe)
  const sounding = open.length > 0 && !muted
  useEffect(() => {
    if (!sounding) return
    return startBeeping()
  }, [sounding])

  const acknowledgeButton = useRef<HTMLDivElement>(null)
  const count = open.length
  useEffect(() => {
    // Bring the keyboard to the alert when one appears (not on every refetch).
    if (count > 0) acknowledgeButton.current?.querySelector<HTMLButtonElement>('[data-acknowledge]')?.focus()
  }, [count])

  if (count === 0) return null
  return (
    <section
      role="alertdialog"
      aria-modal="false"
      aria-labelledby="assistance-alert-title"
      className="assistance-alert"
      data-testid="assistance-alert"
    >
      <Stack gap="sm" ref={acknowledgeButton}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} id="assistance-alert-title" fz={{ base: 20, sm: 24 }} c="white">
            {t('assistance.alert.title', { n: count })}
          </Title>
          <Button variant="subtle" color="white" size="sm" onClick={() => setMuted((m) => !m)} aria-pressed={muted}>
            {t(muted ? 'assistance.alert.unmute' : 'assistance.alert.mute')}
          </Button>
        </Group>
        {open.map((a) => (
          <AlertCard
            key={`${a.requestId}:${a.zoneId}`}
            alert={a}
            onOpen={() => {
              setMuted(true)
              void navigate(`/assistance/${a.requestId}`)
            }}
          />
        ))}
      </Stack>
    </section>
  )
}
