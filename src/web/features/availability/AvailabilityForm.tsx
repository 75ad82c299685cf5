import { Alert, Button, Select, Stack, Textarea } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useT } from '../../i18n/I18nProvider.tsx'
import { KINDS, useCreateAvailability, type AvailabilityKind } from './api.ts'
import { PeriodFields } from './PeriodFields.tsx'
import { periodInput, type PeriodForm } from './periods.ts'

const EMPTY: PeriodForm = { wholeDays: true, fromDate: null, toDate: null, fromTime: '07:00', toTime: '19:00' }

/** A new absence, for oneself (`personId` null) or, for a planner, for a person of the zone. */
export function AvailabilityForm({ personId }: { personId: string | null }) {
  const t = useT()
  const notify = useNotify()
  const create = useCreateAvailability()
  const [kind, setKind] = useState<AvailabilityKind>('leave')
  const [period, setPeriod] = useState<PeriodForm>(EMPTY)
  const [note, setNote] = useState('')
  const [touched, setTouched] = useState(false)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    const range = periodInput(period)
    if (!range) return
    create.mutate(
      { ...(personId ? { personId } : {}), kind, ...range, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          notify.success(t('availability.saved'))
          setPeriod(EMPTY)
          setNote('')
          setTouched(false)
        },
      },
    )
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('availability.new')}>
      <Stack gap="sm">
        {create.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(create.error, t)}
          </Alert>
        )}
        <Select
          label={t('availability.kind')}
          data={KINDS.map((k) => ({ value: k, label: t(`availability.kind.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v)}
          allowDeselect={false}
        />
        <PeriodFields value={period} onChange={setPeriod} allowHours touched={touched} idPrefix="availability" />
        <Textarea
          label={t('availability.note')}
          value={note}
          maxLength={500}
          autosize
          minRows={2}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('availability.save')}
        </Button>
      </Stack>
    </form>
  )
}
