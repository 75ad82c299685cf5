// The response-time report the seeds promise: per helping zone and category, the median and 90th percentile of
// the time from the request going out to the first acknowledgement, the first offer, and the arrival on site.
import { Paper, ScrollArea, Table, Text, Title } from '@mantine/core'
import { LoadingState, QueryView } from '../../components/QueryState.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useResponseTimes, type ResponseTimes } from './api.ts'
import type { Period } from './PeriodFields.tsx'
import { useAssistanceText } from './text.ts'

type Stats = ResponseTimes['rows'][number]['acknowledged']

export function ResponseTimesSection({ associationId, period }: { associationId: string; period: Period }) {
  const { t, f } = useI18n()
  const text = useAssistanceText()
  const report = useResponseTimes(associationId, period.from, period.to)
  const ms = (v: number | null) => (v === null ? '—' : text.hours(v / 60_000))
  const cells = (s: Stats) => (
    <>
      <Table.Td className="num">{ms(s.medianMs)}</Table.Td>
      <Table.Td className="num">{ms(s.p90Ms)}</Table.Td>
    </>
  )
  const caption = t('assistance.responseTimes.caption')
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="assistance-response-times">
      <Title order={2} fz="lg" mb="sm" id="assistance-response-times">
        {t('assistance.responseTimes.title')}
      </Title>
      <QueryView
        query={report}
        loading={<LoadingState rows={3} />}
        isEmpty={(r) => r.rows.length === 0}
        empty={
          <Text c="dimmed" fz="sm">
            {t('assistance.responseTimes.none')}
          </Text>
        }
      >
        {(r) => (
          <ScrollArea type="auto" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': caption }}>
            <Table miw={760} fz="sm" captionSide="bottom">
              <Table.Caption>{caption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th rowSpan={2}>{t('assistance.zone')}</Table.Th>
                  <Table.Th rowSpan={2}>{t('assistance.category')}</Table.Th>
                  <Table.Th rowSpan={2} className="num">
                    {t('assistance.responseTimes.requests')}
                  </Table.Th>
                  <Table.Th colSpan={2}>{t('assistance.responseTimes.acknowledged')}</Table.Th>
                  <Table.Th colSpan={2}>{t('assistance.responseTimes.offered')}</Table.Th>
                  <Table.Th colSpan={2}>{t('assistance.responseTimes.arrived')}</Table.Th>
                </Table.Tr>
                <Table.Tr>
                  {[0, 1, 2].flatMap((i) => [
                    <Table.Th key={`m${i}`} className="num">
                      {t('assistance.responseTimes.median')}
                    </Table.Th>,
                    <Table.Th key={`p${i}`} className="num">
                      {t('assistance.responseTimes.p90')}
                    </Table.Th>,
                  ])}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.rows.map((row) => (
                  <Table.Tr key={`${row.zone.id}:${row.category}`}>
                    <Table.Th scope="row" fw={500}>
                      {row.zone.name}
                    </Table.Th>
                    <Table.Td>{text.category(row.category)}</Table.Td>
                    <Table.Td className="num">{f.number(row.requests)}</Table.Td>
                    {cells(row.acknowledged)}
                    {cells(row.offered)}
                    {cells(row.arrived)}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </QueryView>
    </Paper>
  )
}
