// The period of the availability search: typed Belgian dates (dd/mm/jjjj) and 24-hour times, from and to, in
// Brussels. Submitting turns the catalogue into the answer to "which speed radar is free next Tuesday 06:00–14:00?".
import { Alert, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { TimeInput } from '@mantine/dates'
import { useState } from 'react'
import { BelgianDateInput } from '../../components/BelgianDateInput.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { brusselsDate, brusselsInstant } from '../availability/periods.ts'

export interface SearchPeriod {
  from: string
  to: string
}

const timeOf = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso))

export function CatalogueSearch({
  period,
  onlyAvailable,
  onSearch,
  onClear,
  onOnlyAvailable,
}: {
  period: SearchPeriod | null
  onlyAvailable: boolean
  onSearch: (period: SearchPeriod) => void
  onClear: () => void
  onOnlyAvailable: (only: boolean) => void
}) {
  const { t } = useI18n()
  const [fromDate, setFromDate] = useState<string | null>(period ? brusselsDate(period.from) : null)
  const [fromTime, setFromTime] = useState(period ? timeOf(period.from) : '08:00')
  const [toDate, setToDate] = useState<string | null>(period ? brusselsDate(period.to) : null)
  const [toTime, setToTime] = useState(period ? timeOf(period.to) : '16:00')
  const [invalid, setInvalid] = useState(false)
  const label = (which: 'from' | 'to', part: 'date' | 'time') =>
    `${t(`equipment.search.${which}`)}: ${t(`equipment.search.${part}`)}`
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="equipment-search-title">
      <Title order={2} fz="md" id="equipment-search-title">
        {t('equipment.search.title')}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('equipment.search.help')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          const from = fromDate ? brusselsInstant(fromDate, fromTime) : null
          const to = toDate ? brusselsInstant(toDate, toTime) : null
          if (!from || !to || Date.parse(to) <= Date.parse(from)) return setInvalid(true)
          setInvalid(false)
          onSearch({ from, to })
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
            <BelgianDateInput
              id="equipment-from-date"
              label={label('from', 'date')}
              value={fromDate}
              onChange={(d) => {
                setFromDate(d)
                if (d && !toDate) setToDate(d)
              }}
            />
            <TimeInput
              label={label('from', 'time')}
              value={fromTime}
              onChange={(e) => setFromTime(e.currentTarget.value)}
            />
            <BelgianDateInput id="equipment-to-date" label={label('to', 'date')} value={toDate} onChange={setToDate} />
            <TimeInput label={label('to', 'time')} value={toTime} onChange={(e) => setToTime(e.currentTarget.value)} />
          </SimpleGrid>
          {invalid && (
            <Alert color="red" variant="light" role="alert">
              {t('equipment.search.invalid')}
            </Alert>
          )}
          <Group gap="sm" wrap="wrap">
            <Button type="submit">{t('equipment.search.submit')}</Button>
            {period && (
              <Button variant="default" onClick={onClear}>
                {t('equipment.search.clear')}
              </Button>
            )}
            {period && (
              <Checkbox
                label={t('equipment.search.onlyAvailable')}
                checked={onlyAvailable}
                onChange={(e) => onOnlyAvailable(e.currentTarget.checked)}
              />
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
