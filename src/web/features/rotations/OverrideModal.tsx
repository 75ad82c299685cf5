// A planner gives one position of a duty in force to another member, with a reason (recorded and audited).
import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { brusselsDate } from '../availability/periods.ts'
import { useOverride, type Member, type Rotation } from './api.ts'
import type { CalendarEntry } from './calendar.ts'
import { personName, usePeriodText } from './text.ts'

export function OverrideModal({
  rotation,
  entry,
  members,
  onClose,
}: {
  rotation: Rotation
  entry: CalendarEntry
  members: readonly Member[]
  onClose: () => void
}) {
  const { t, label } = useI18n()
  const notify = useNotify()
  const period = usePeriodText()
  const override = useOverride(rotation.id)
  const day = brusselsDate(entry.from)
  const candidates = members.filter(
    (m) => m.personId !== entry.person?.personId && m.from <= day && (m.to === null || m.to >= day),
  )
  const [personId, setPersonId] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [touched, setTouched] = useState(false)
  const zoneCode = (zoneId: string) => rotation.zones.find((z) => z.zoneId === zoneId)?.code ?? ''

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (!personId || reason.trim().length < 3) return
    override.mutate(
      { slotKey: entry.slotKey, position: entry.position, personId, reason: reason.trim() },
      {
        onSuccess: () => {
          notify.success(t('rotations.override.done'))
          onClose()
        },
      },
    )
  }

  return (
    <Modal opened onClose={onClose} title={t('rotations.override.title')} size="md">
      <form onSubmit={submit} noValidate aria-label={t('rotations.override.title')}>
        <Stack gap="sm">
          <Text fz="sm">{period(entry.from, entry.until)}</Text>
          <Text fz="sm">
            {t('rotations.override.current')}:{' '}
            <strong>
              {entry.person
                ? `${personName(entry.person)} (${entry.person.zoneCode})`
                : t('rotations.calendar.unfilled')}
            </strong>
          </Text>
          {override.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(override.error, t)}
            </Alert>
          )}
          <Select
            label={t('rotations.override.person')}
            data={candidates.map((m) => ({
              value: m.personId,
              label: `${personName(m)} · ${zoneCode(m.zoneId)}${m.rank ? ` · ${label('rank', m.rank)}` : ''}`,
            }))}
            value={personId}
            onChange={setPersonId}
            searchable
            nothingFoundMessage={t('rotations.override.noCandidates')}
            error={touched && !personId ? t('availability.required') : undefined}
            comboboxProps={{ withinPortal: true }}
          />
          <Textarea
            label={t('rotations.override.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
            error={touched && reason.trim().length < 3 ? t('rotations.override.reasonHint') : undefined}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={override.isPending}>
              {t('rotations.override.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
