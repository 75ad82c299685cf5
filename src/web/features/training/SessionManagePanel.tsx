// Training (issue 11): the organiser's panel on the session page — places per zone, trainers, location and the
// cancellation deadline; cancelling the session (with a reason); posting partner trainers' hours after the end.
// The session page (train-enrol helper) shows it when the session's `actions.manage` is true. The session is
// cached under ['training', 'session', sessionId]; every change invalidates ['training'].
import { Alert, Button, Group, Modal, MultiSelect, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core'
import { TimeInput } from '@mantine/dates'
import { useEffect, useState } from 'react'
import { BelgianDateInput } from '../../components/BelgianDateInput.tsx'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { instantOf, wallOf } from '../assistance/model.ts'
import { PlacesTable } from './PlacesTable.tsx'
import {
  useCancelSession,
  usePostTrainerHours,
  useTrainerCandidates,
  useTrainingSession,
  useUpdateSession,
  type TrainingSession,
} from './sessions-api.ts'

/** Now in epoch milliseconds, refreshed every 30 seconds (starting and ending sessions change the panel). */
function useNowMs(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000)
    return () => clearInterval(timer)
  }, [])
  return now
}

function Editor({ s, now }: { s: TrainingSession; now: number }) {
  const { t } = useI18n()
  const update = useUpdateSession(s.id)
  const candidates = useTrainerCandidates(s.zone.id)
  const [places, setPlaces] = useState<Record<string, number>>(() =>
    Object.fromEntries(s.places.map((p) => [p.zone.id, p.places])),
  )
  const [location, setLocation] = useState(s.location)
  const [deadline, setDeadline] = useState(() => wallOf(s.cancelDeadline))
  const [trainers, setTrainers] = useState(() => s.trainers.map((x) => x.personId))
  const started = now >= Date.parse(s.from)
  const rows = s.places.map((p) => ({ zoneId: p.zone.id, name: p.zone.name, places: places[p.zone.id] ?? 0 }))
  const capacity = rows.reduce((sum, r) => sum + r.places, 0)
  const options = [
    ...s.trainers.map((x) => ({ value: x.personId, label: `${x.name} (${x.zone.code})` })),
    ...(candidates.data?.candidates ?? [])
      .filter((c) => !s.trainers.some((x) => x.personId === c.personId))
      .map((c) => ({ value: c.personId, label: `${c.name} (${c.zone.code})` })),
  ]
  const deadlineAt = instantOf(deadline)
  const save = () =>
    update.mutate({
      location: location.trim(),
      ...(deadlineAt && deadlineAt !== s.cancelDeadline ? { cancelDeadline: deadlineAt } : {}),
      ...(!started && capacity >= 1
        ? { capacity, places: rows.map((r) => ({ zoneId: r.zoneId, places: r.places })) }
        : {}),
      trainers: trainers.map((personId) => {
        const known = s.trainers.find((x) => x.personId === personId)
        return known ? { personId, minutes: known.minutes } : { personId }
      }),
    })
  return (
    <Stack gap="sm">
      {!started && (
        <PlacesTable rows={rows} capacity={capacity} onChange={(zoneId, n) => setPlaces({ ...places, [zoneId]: n })} />
      )}
      <TextInput
        label={t('training.form.location')}
        maxLength={200}
        value={location}
        onChange={(e) => setLocation(e.currentTarget.value)}
      />
      <Group grow align="flex-start" wrap="wrap">
        <BelgianDateInput
          id={`deadline-${s.id}`}
          label={t('training.form.deadline')}
          value={deadline.date}
          onChange={(date) => setDeadline({ ...deadline, date })}
        />
        <TimeInput
          label={t('training.form.deadlineTime')}
          value={deadline.time}
          onChange={(e) => setDeadline({ ...deadline, time: e.currentTarget.value })}
        />
      </Group>
      <MultiSelect
        label={t('training.form.trainers')}
        searchable
        value={trainers}
        onChange={setTrainers}
        data={options}
      />
      {update.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(update.error, t)}
        </Alert>
      )}
      {update.isSuccess && (
        <Text fz="sm" role="status">
          {t('training.manage.saved')}
        </Text>
      )}
      <Group>
        <Button onClick={save} loading={update.isPending} disabled={location.trim() === ''}>
          {t('training.save')}
        </Button>
      </Group>
    </Stack>
  )
}

function CancelSession({ s }: { s: TrainingSession }) {
  const { t } = useI18n()
  const cancel = useCancelSession(s.id)
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  return (
    <>
      <Button color="red" variant="light" onClick={() => setOpen(true)}>
        {t('training.manage.cancel')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('training.manage.cancelTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="sm">
          <Text>{t('training.manage.cancelText')}</Text>
          <Textarea
            label={t('training.manage.reason')}
            required
            maxLength={500}
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          {cancel.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(cancel.error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('training.cancelButton')}
            </Button>
            <Button
              color="red"
              disabled={reason.trim() === ''}
              loading={cancel.isPending}
              onClick={() => cancel.mutate(reason.trim(), { onSuccess: () => setOpen(false) })}
            >
              {t('training.manage.confirmCancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}

function TrainerHours({ s, now }: { s: TrainingSession; now: number }) {
  const { t } = useI18n()
  const post = usePostTrainerHours(s.id)
  const due = s.trainers.filter((x) => x.zone.id !== s.zone.id && !x.posted)
  if (s.status === 'cancelled' || now < Date.parse(s.to) || due.length === 0) return null
  return (
    <Stack gap="xs">
      <Text fz="sm">{t('training.manage.hoursDue', { n: due.length })}</Text>
      {post.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(post.error, t)}
        </Alert>
      )}
      <Group>
        <Button variant="light" loading={post.isPending} onClick={() => post.mutate()}>
          {t('training.manage.postHours')}
        </Button>
      </Group>
    </Stack>
  )
}

export function SessionManagePanel({ sessionId }: { sessionId: string }) {
  const { t } = useI18n()
  const query = useTrainingSession(sessionId)
  const now = useNowMs()
  const s = query.data
  if (!s || !s.actions.manage) return null
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`manage-${s.id}`}>
      <Stack gap="md">
        <Title order={2} fz="h4" id={`manage-${s.id}`}>
          {t('training.manage.title')}
        </Title>
        {s.status === 'planned' ? (
          <>
            <Editor key={s.id} s={s} now={now} />
            <TrainerHours s={s} now={now} />
            {now < Date.parse(s.from) && (
              <Group>
                <CancelSession s={s} />
              </Group>
            )}
          </>
        ) : (
          <>
            <Text c="dimmed">{t(`training.status.${s.status}`)}</Text>
            <TrainerHours s={s} now={now} />
          </>
        )}
      </Stack>
    </Paper>
  )
}
