import { Alert, Button, SimpleGrid, Stack, Textarea } from '@mantine/core'
import { TimeInput } from '@mantine/dates'
import { useState, type FormEvent } from 'react'
import { BelgianDateInput } from '../../components/BelgianDateInput.tsx'
import { useNotify } from '../../components/useNotify.ts'
import { errorMessage } from '../../i18n/errorMessage.ts'
import { useT } from '../../i18n/I18nProvider.tsx'
import { useCreateCallOut, type CallOutWarning } from './api.ts'
import { wallInstant } from './months.ts'

interface Form {
  startDate: string | null
  startTime: string
  endDate: string | null
  endTime: string
  reason: string
}

/** A call-out entered afterwards: typed dd/mm/jjjj dates and 24-hour Brussels times, and the reason. */
export function CallOutForm({
  today,
  personId,
  onSaved,
}: {
  today: string
  /** Whose call-out: null = one's own; a planner may enter for a person of their zone. */
  personId: string | null
  onSaved: (w: CallOutWarning[]) => void
}) {
  const t = useT()
  const notify = useNotify()
  const create = useCreateCallOut()
  const empty: Form = { startDate: today, startTime: '', endDate: today, endTime: '', reason: '' }
  const [form, setForm] = useState<Form>(empty)
  const [touched, setTouched] = useState(false)
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }))
  const missing = (v: string | null) => (touched && !v?.trim() ? t('callouts.required') : undefined)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    const start = wallInstant(form.startDate, form.startTime)
    const end = wallInstant(form.endDate, form.endTime)
    if (!start || !end || !form.reason.trim()) return
    create.mutate(
      { ...(personId ? { personId } : {}), start, end, reason: form.reason.trim() },
      {
        onSuccess: (result) => {
          notify.success(t('callouts.saved'))
          onSaved(result.warnings)
          setForm(empty)
          setTouched(false)
        },
      },
    )
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('callouts.manual')}>
      <Stack gap="sm">
        {create.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(create.error, t)}
          </Alert>
        )}
        <SimpleGrid cols={2} spacing="sm">
          <BelgianDateInput
            id="callout-start-date"
            label={t('callouts.startDate')}
            value={form.startDate}
            onChange={(startDate) => set({ startDate, endDate: form.endDate ?? startDate })}
            error={missing(form.startDate)}
          />
          <TimeInput
            label={t('callouts.startTime')}
            description={t('callouts.timeHint')}
            value={form.startTime}
            onChange={(e) => set({ startTime: e.currentTarget.value })}
            error={missing(form.startTime)}
          />
          <BelgianDateInput
            id="callout-end-date"
            label={t('callouts.endDate')}
            value={form.endDate}
            onChange={(endDate) => set({ endDate })}
            error={missing(form.endDate)}
          />
          <TimeInput
            label={t('callouts.endTime')}
            description={t('callouts.timeHint')}
            value={form.endTime}
            onChange={(e) => set({ endTime: e.currentTarget.value })}
            error={missing(form.endTime)}
          />
        </SimpleGrid>
        <Textarea
          label={t('callouts.reason')}
          description={t('callouts.reasonHint')}
          value={form.reason}
          maxLength={500}
          autosize
          minRows={2}
          onChange={(e) => set({ reason: e.currentTarget.value })}
          error={missing(form.reason)}
        />
        <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('callouts.save')}
        </Button>
      </Stack>
    </form>
  )
}
