// Who was deployed, and their hours: either zone records start and end (typed, Brussels), which counts as its own
// confirmation; the other zone confirms. Both confirmations post the hours in the ledger.
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useConfirmHours, useRecordHours, type Deployment, type RequestDetail } from './api.ts'
import { instantOf, wallOf, type Wall } from './model.ts'
import { useAssistanceText } from './text.ts'
import { WindowFields } from './WindowFields.tsx'
import { ScrollTable } from './ScrollTable.tsx'

type SideOf = 'helping' | 'helped' | null

function HoursModal({ deployment, onClose }: { deployment: Deployment; onClose: () => void }) {
  const { t } = useI18n()
  const notify = useNotify()
  const record = useRecordHours()
  const [start, setStart] = useState<Wall>(() =>
    wallOf(deployment.start ?? deployment.arrivedAt ?? new Date(Date.now() - 2 * 3_600_000).toISOString()),
  )
  const [end, setEnd] = useState<Wall>(() => wallOf(deployment.end ?? new Date().toISOString()))
  const [touched, setTouched] = useState(false)
  const startAt = instantOf(start)
  const endAt = instantOf(end)
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('assistance.hoursTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          setTouched(true)
          if (!startAt || !endAt) return
          record.mutate(
            { deploymentId: deployment.id, start: startAt, end: endAt },
            {
              onSuccess: () => {
                notify.success(t('assistance.hoursSaved'))
                onClose()
              },
            },
          )
        }}
      >
        <Stack gap="sm">
          <WindowFields
            id={`hours-${deployment.id}`}
            start={start}
            end={end}
            onChange={(w) => {
              setStart(w.start)
              setEnd(w.end)
            }}
            error={touched && (!startAt || !endAt) ? t('assistance.required') : undefined}
            labels={{ start: t('assistance.hoursStart'), end: t('assistance.hoursEnd') }}
          />
          {record.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(record.error, t)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t('assistance.saveHours')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

function Confirmed({ at, by }: { at: string | null; by: { name: string } | null }) {
  const { t, f } = useI18n()
  return at ? (
    <Badge color="green" variant="light" title={`${by?.name ?? ''} ${f.dateTime(at)}`}>
      {t('assistance.confirmed')}
    </Badge>
  ) : (
    <Badge color="gray" variant="light">
      {t('assistance.notConfirmed')}
    </Badge>
  )
}

export function DeploymentsSection({ request }: { request: RequestDetail }) {
  const { t, f } = useI18n()
  const text = useAssistanceText()
  const notify = useNotify()
  const confirm = useConfirmHours()
  const [editing, setEditing] = useState<Deployment | null>(null)
  if (request.deployments.length === 0) return null
  const locked = request.status === 'closed' || request.status === 'cancelled'
  const sideOf = (d: Deployment): SideOf =>
    request.respondingZoneIds.includes(d.helpingZone.id)
      ? 'helping'
      : request.direction === 'outgoing'
        ? 'helped'
        : null
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="assistance-deployments">
      <Title order={2} fz="lg" mb="sm" id="assistance-deployments">
        {t('assistance.deployments')}
      </Title>
      <ScrollTable label={t('assistance.deployments')} minWidth={640}>
        <Table verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('assistance.person')}</Table.Th>
              <Table.Th>{t('assistance.hours')}</Table.Th>
              <Table.Th>{t('assistance.helpingZone')}</Table.Th>
              <Table.Th>{t('assistance.helpedZone')}</Table.Th>
              <Table.Th>{t('assistance.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {request.deployments.map((d) => {
              const side = sideOf(d)
              const mineConfirmed =
                side === 'helping' ? d.helpingConfirmedAt : side === 'helped' ? d.helpedConfirmedAt : null
              const minutes = d.start && d.end ? (Date.parse(d.end) - Date.parse(d.start)) / 60_000 : null
              return (
                <Table.Tr key={d.id} data-testid="assistance-deployment">
                  <Table.Td>
                    <Text fz="sm" fw={600}>
                      {d.person.name ?? (d.person.rank ? text.capability(d.person.rank) : '—')}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {text.capability(d.capability)} · {d.person.zone.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {d.start && d.end ? (
                      <>
                        <Text fz="sm">{text.window(d.start, d.end)}</Text>
                        <Text fz="xs" c="dimmed">
                          {minutes !== null ? t('assistance.hoursTotal', { hours: text.hours(minutes) }) : ''}
                        </Text>
                      </>
                    ) : (
                      <Text fz="sm" c="dimmed">
                        {d.arrivedAt
                          ? t('assistance.arrivedAt', { at: f.dateTime(d.arrivedAt) })
                          : t('assistance.noHours')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2} align="flex-start">
                      <Text fz="xs">{d.helpingZone.name}</Text>
                      <Confirmed at={d.helpingConfirmedAt} by={d.helpingConfirmedBy} />
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2} align="flex-start">
                      <Text fz="xs">{request.zone.name}</Text>
                      <Confirmed at={d.helpedConfirmedAt} by={d.helpedConfirmedBy} />
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {side && !locked && (
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-sm" variant="light" onClick={() => setEditing(d)}>
                          {t(d.start ? 'assistance.editHours' : 'assistance.recordHours')}
                        </Button>
                        {d.start && !mineConfirmed && (
                          <Button
                            size="compact-sm"
                            loading={confirm.isPending && confirm.variables === d.id}
                            onClick={() =>
                              confirm.mutate(d.id, { onSuccess: () => notify.success(t('assistance.hoursConfirmed')) })
                            }
                          >
                            {t('assistance.confirmHours')}
                          </Button>
                        )}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {confirm.isError && (
        <Alert color="red" variant="light" role="alert" mt="xs">
          {errorMessage(confirm.error, t)}
        </Alert>
      )}
      {editing && <HoursModal deployment={editing} onClose={() => setEditing(null)} />}
    </Paper>
  )
}
