import { Calendar } from '@mantine/dates'
import { Paper, Stack, Text, Title } from '@mantine/core'
import { useMemo } from 'react'
import { useT } from '../../i18n/I18nProvider.tsx'
import { useAvailability } from './api.ts'
import { daysOf } from './periods.ts'

/** YYYY-MM of a date or instant string. */
export const monthOf = (date: string) => date.slice(0, 7)
/** The first and last day of the month of `date` (YYYY-MM-DD). */
function monthWindow(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` }
}

/** A month calendar with the days of absence marked, for the person shown (or, for a planner, all of them). */
export function MonthView({
  personId,
  month,
  onMonthChange,
}: {
  personId: string | undefined
  month: string
  onMonthChange: (month: string) => void
}) {
  const t = useT()
  const window = monthWindow(month)
  const entries = useAvailability({ ...(personId ? { personId } : {}), ...window })
  const marked = useMemo(() => new Set((entries.data?.items ?? []).flatMap((e) => daysOf(e))), [entries.data])
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="month-title">
      <Stack gap="xs">
        <Title order={2} fz="h4" id="month-title">
          {t('availability.month')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('availability.monthHint')}
        </Text>
        <Calendar
          static
          hideOutsideDates
          highlightToday={false}
          date={`${month}-01`}
          onDateChange={(d) => onMonthChange(monthOf(d))}
          ariaLabels={{
            previousMonth: t('availability.previousMonth'),
            nextMonth: t('availability.nextMonth'),
            monthLevelControl: t('availability.chooseMonth'),
          }}
          // Weekend days keep the text colour (Mantine's red is too light on white); marked days are filled.
          styles={{ day: { color: 'var(--mantine-color-text)' } }}
          getDayProps={(date) =>
            marked.has(date.slice(0, 10))
              ? {
                  'data-absent': true,
                  style: { backgroundColor: 'var(--mantine-color-blue-8)', color: 'var(--mantine-color-white)' },
                }
              : {}
          }
        />
      </Stack>
    </Paper>
  )
}
