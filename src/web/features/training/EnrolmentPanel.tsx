// The reader's own enrolment in a session (enrol, the waiting-list position, cancel — disabled with the reason
// after the deadline) and, for a planner, korpschef or trainer, enrolling people of their zone (a searchable
// select of whom the server says they may enrol).
import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useSignedInUser } from '../../auth/session.ts'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useCancelEnrolment, useEnrol, useEnrolable, type TrainingSession } from './enrolments-api.ts'
import { ENROLMENT_COLOR, useEnrolmentText } from './EnrolmentText.ts'

const STAFF_ROLES = new Set(['planner', 'korpschef', 'trainer'])

export function MyEnrolment({ session, now }: { session: TrainingSession; now: number }) {
  const { t, f } = useI18n()
  const me = useSignedInUser()
  const text = useEnrolmentText()
  const notify = useNotify()
  const enrol = useEnrol(session.id)
  const cancel = useCancelEnrolment()
  const mine = session.myEnrolment
  const open = session.status === 'planned' && now < new Date(session.from).getTime()
  if (!me.person) return null
  const pastDeadline = now > new Date(session.cancelDeadline).getTime()
  const error = enrol.error ?? cancel.error
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="my-enrolment">
      <Title order={2} fz="lg" mb="sm" id="my-enrolment">
        {t('training.enrol.my.title')}
      </Title>
      <Stack gap="sm" align="flex-start">
        {mine && mine.status !== 'cancelled' ? (
          <>
            <Group gap="xs">
              <Badge size="lg" color={ENROLMENT_COLOR[mine.status] ?? 'gray'} variant="light" data-testid="my-status">
                {text.status(mine.status)}
              </Badge>
              {mine.status === 'waitlisted' && mine.position !== null && (
                <Text fw={600} data-testid="my-position">
                  {t('training.enrol.enrolment.position', { position: mine.position })}
                </Text>
              )}
            </Group>
            {open && (
              <Button
                size="md"
                variant="outline"
                color="red"
                disabled={pastDeadline}
                loading={cancel.isPending}
                onClick={() =>
                  cancel.mutate(mine.id, { onSuccess: () => notify.success(t('training.enrol.enrolment.cancelled')) })
                }
              >
                {t('training.enrol.my.cancel')}
              </Button>
            )}
            {open && pastDeadline && (
              <Text fz="sm" c="dimmed">
                {t('training.enrol.my.deadlinePassed', { at: f.dateTime(session.cancelDeadline) })}
              </Text>
            )}
          </>
        ) : open && session.actions.enrol ? (
          <Button
            size="md"
            loading={enrol.isPending}
            onClick={() =>
              enrol.mutate(null, {
                onSuccess: (r) =>
                  notify.success(
                    r.enrolment.status === 'waitlisted'
                      ? t('training.enrol.enrolment.position', { position: r.enrolment.position ?? 1 })
                      : t('training.enrol.enrolment.done'),
                  ),
              })
            }
          >
            {t('training.enrol.my.enrol')}
          </Button>
        ) : (
          <Text c="dimmed">{t(open ? 'training.enrol.my.noPlaces' : 'training.enrol.my.closed')}</Text>
        )}
        {error && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(error, t)}
          </Alert>
        )}
      </Stack>
    </Paper>
  )
}

export function EnrolOthers({ session, now }: { session: TrainingSession; now: number }) {
  const { t } = useI18n()
  const me = useSignedInUser()
  const notify = useNotify()
  const [personId, setPersonId] = useState<string | null>(null)
  const open = session.status === 'planned' && now < new Date(session.from).getTime()
  const zonesWithPlaces = new Set(session.places.filter((p) => p.places > 0).map((p) => p.zone.id))
  const staff = me.roles.some((r) => STAFF_ROLES.has(r.role) && r.zoneId !== null && zonesWithPlaces.has(r.zoneId))
  const enrolable = useEnrolable(session.id, open && staff)
  const enrol = useEnrol(session.id)
  const people = (enrolable.data?.people ?? []).filter((p) => !p.self && p.status === null)
  if (!open || !staff || !enrolable.data) return null
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="enrol-others">
      <Title order={2} fz="lg" mb="sm" id="enrol-others">
        {t('training.enrol.others.title')}
      </Title>
      <Stack gap="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t('training.enrol.others.person')}
            placeholder={t('training.enrol.others.search')}
            searchable
            clearable
            nothingFoundMessage={t('training.enrol.others.none')}
            data={people.map((p) => ({ value: p.id, label: `${p.name} · ${p.zone.name}` }))}
            value={personId}
            onChange={setPersonId}
            style={{ flex: '1 1 16rem' }}
            size="md"
          />
          <Button
            size="md"
            disabled={!personId}
            loading={enrol.isPending}
            onClick={() =>
              personId &&
              enrol.mutate(personId, {
                onSuccess: (r) => {
                  setPersonId(null)
                  notify.success(
                    r.enrolment.status === 'waitlisted'
                      ? t('training.enrol.others.waitlisted', {
                          name: r.enrolment.person.name,
                          position: r.enrolment.position ?? 1,
                        })
                      : t('training.enrol.others.enrolled', { name: r.enrolment.person.name }),
                  )
                },
              })
            }
          >
            {t('training.enrol.others.enrol')}
          </Button>
        </Group>
        {enrol.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(enrol.error, t)}
          </Alert>
        )}
      </Stack>
    </Paper>
  )
}
