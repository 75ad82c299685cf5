// The phone flow during an on-call duty: "Oproep starten" remembers the start on this device (it survives a
// reload or a locked screen), "Oproep beëindigen" sends the call-out with the reason typed meanwhile.
import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core'
import { useState } from 'react'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useCreateCallOut, type CallOutWarning } from './api.ts'

interface Duty {
  rotationName: string
  start: string
  end: string
  current: boolean
}

const storageKey = (personId: string) => `verbond.callout.running.${personId}`

function readRunning(personId: string): string | null {
  try {
    return window.localStorage.getItem(storageKey(personId))
  } catch {
    return null // no storage (private mode): the start is kept in the page only
  }
}

function writeRunning(personId: string, value: string | null): void {
  try {
    if (value) window.localStorage.setItem(storageKey(personId), value)
    else window.localStorage.removeItem(storageKey(personId))
  } catch {
    // See readRunning.
  }
}

const MINUTE = 60_000

export function DutyCard({
  personId,
  duty,
  canRecord,
  onSaved,
}: {
  personId: string
  duty: Duty | null
  /** The start/end pair is for one's own duty only (a planner enters a colleague's afterwards). */
  canRecord: boolean
  onSaved: (w: CallOutWarning[]) => void
}) {
  const { t, f } = useI18n()
  const notify = useNotify()
  const create = useCreateCallOut()
  const [running, setRunning] = useState<string | null>(() => readRunning(personId))
  const [reason, setReason] = useState('')
  const [touched, setTouched] = useState(false)

  const start = () => {
    const at = new Date().toISOString()
    writeRunning(personId, at)
    setRunning(at)
  }
  const cancel = () => {
    writeRunning(personId, null)
    setRunning(null)
    setReason('')
  }
  const finish = () => {
    setTouched(true)
    if (!running || !reason.trim()) return
    // At least one minute: the statement counts whole minutes.
    const end = new Date(Math.max(Date.now(), new Date(running).getTime() + MINUTE)).toISOString()
    create.mutate(
      { start: running, end, reason: reason.trim() },
      {
        onSuccess: (result) => {
          notify.success(t('callouts.saved'))
          onSaved(result.warnings)
          cancel()
          setTouched(false)
        },
      },
    )
  }

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="duty-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} fz="h4" id="duty-title">
            {duty?.current ? t('callouts.duty.current') : t('callouts.duty.last')}
          </Title>
          {duty?.current && (
            <Badge color="green" variant="light">
              {t('callouts.duty.now')}
            </Badge>
          )}
        </Group>
        {duty ? (
          <Text fz="sm">
            <Text span fw={600}>
              {duty.rotationName}
            </Text>
            <br />
            {f.dateTime(duty.start)} – {f.dateTime(duty.end)}
          </Text>
        ) : (
          <Text fz="sm" c="dimmed">
            {t('callouts.duty.none')}
          </Text>
        )}
        {create.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(create.error, t)}
          </Alert>
        )}
        {!canRecord ? null : running ? (
          <Stack gap="sm">
            <Text fw={600} role="status">
              {t('callouts.running', { time: f.dateTime(running) })}
            </Text>
            <Textarea
              label={t('callouts.reason')}
              description={t('callouts.reasonHint')}
              value={reason}
              maxLength={500}
              autosize
              minRows={2}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={touched && !reason.trim() ? t('callouts.required') : undefined}
            />
            <Button size="xl" color="red" fullWidth onClick={finish} loading={create.isPending}>
              {t('callouts.end')}
            </Button>
            <Button variant="subtle" onClick={cancel}>
              {t('callouts.cancelRunning')}
            </Button>
          </Stack>
        ) : (
          <Button size="xl" fullWidth onClick={start} disabled={!duty?.current}>
            {t('callouts.start')}
          </Button>
        )}
      </Stack>
    </Paper>
  )
}
