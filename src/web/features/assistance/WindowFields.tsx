// A typed Brussels window: dd/mm/jjjj dates and 24-hour times for the start and the end.
import { SimpleGrid } from '@mantine/core'
import { TimeInput } from '@mantine/dates'
import { BelgianDateInput } from '../../components/BelgianDateInput.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import type { Wall } from './model.ts'

export function WindowFields({
  id,
  start,
  end,
  onChange,
  error,
  labels,
}: {
  id: string
  start: Wall
  end: Wall
  onChange: (next: { start: Wall; end: Wall }) => void
  error?: string
  labels?: { start: string; end: string }
}) {
  const { t } = useI18n()
  const startLabel = labels?.start ?? t('assistance.start')
  const endLabel = labels?.end ?? t('assistance.end')
  return (
    <SimpleGrid cols={{ base: 2 }} spacing="sm">
      <BelgianDateInput
        id={`${id}-start-date`}
        label={`${startLabel}: ${t('assistance.date')}`}
        value={start.date}
        onChange={(date) => onChange({ start: { ...start, date }, end: end.date ? end : { ...end, date } })}
      />
      <TimeInput
        label={`${startLabel}: ${t('assistance.time')}`}
        value={start.time}
        onChange={(e) => onChange({ start: { ...start, time: e.currentTarget.value }, end })}
      />
      <BelgianDateInput
        id={`${id}-end-date`}
        label={`${endLabel}: ${t('assistance.date')}`}
        value={end.date}
        onChange={(date) => onChange({ start, end: { ...end, date } })}
        error={error}
      />
      <TimeInput
        label={`${endLabel}: ${t('assistance.time')}`}
        value={end.time}
        onChange={(e) => onChange({ start, end: { ...end, time: e.currentTarget.value } })}
        error={error ? ' ' : undefined}
      />
    </SimpleGrid>
  )
}
