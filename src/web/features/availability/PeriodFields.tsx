import { Checkbox, Group, SimpleGrid } from '@mantine/core'
import { TimeInput } from '@mantine/dates'
import { BelgianDateInput } from '../../components/BelgianDateInput.tsx'
import { useT } from '../../i18n/I18nProvider.tsx'
import type { PeriodForm } from './periods.ts'

/** From–to as whole days (typed dd/mm/jjjj) or, unticked, with Brussels hours. */
export function PeriodFields({
  value,
  onChange,
  allowHours,
  touched,
  idPrefix,
}: {
  value: PeriodForm
  onChange: (next: PeriodForm) => void
  allowHours: boolean
  touched: boolean
  idPrefix: string
}) {
  const t = useT()
  const set = (patch: Partial<PeriodForm>) => onChange({ ...value, ...patch })
  const missing = (v: string | null) => (touched && !v ? t('availability.required') : undefined)
  return (
    <>
      {allowHours && (
        <Checkbox
          label={t('availability.wholeDays')}
          checked={value.wholeDays}
          onChange={(e) => set({ wholeDays: e.currentTarget.checked })}
        />
      )}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <BelgianDateInput
          id={`${idPrefix}-from`}
          label={t('availability.from')}
          value={value.fromDate}
          onChange={(fromDate) => set({ fromDate, toDate: value.toDate ?? fromDate })}
          error={missing(value.fromDate)}
          required
          withAsterisk={false}
        />
        <BelgianDateInput
          id={`${idPrefix}-to`}
          label={value.wholeDays ? t('availability.to') : t('availability.toExclusive')}
          value={value.toDate}
          onChange={(toDate) => set({ toDate })}
          minDate={value.fromDate ?? undefined}
          error={missing(value.toDate)}
          required
          withAsterisk={false}
        />
      </SimpleGrid>
      {allowHours && !value.wholeDays && (
        <Group grow gap="sm" align="flex-start">
          <TimeInput
            label={t('availability.fromTime')}
            description={t('availability.timeHint')}
            value={value.fromTime}
            onChange={(e) => set({ fromTime: e.currentTarget.value })}
            error={missing(value.fromTime)}
          />
          <TimeInput
            label={t('availability.toTime')}
            description={t('availability.timeHint')}
            value={value.toTime}
            onChange={(e) => set({ toTime: e.currentTarget.value })}
            error={missing(value.toTime)}
          />
        </Group>
      )}
    </>
  )
}
