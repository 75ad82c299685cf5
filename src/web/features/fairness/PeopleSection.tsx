import '@mantine/charts/styles.css'
import { BarChart } from '@mantine/charts'
import { Box, Paper, ScrollArea, Table, Text, Title } from '@mantine/core'
import { CardList } from '../../components/CardList.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import type { FairnessPerson, FairnessReport, FairnessZone } from './api.ts'
import { fairnessNumbers } from './numbers.ts'

/** Per zone: each person's weighted hours against the zone mean (a line), and a table with their figures. */
/** The numeric columns of the people table, in the order of its cells. */
const NUMBER_COLUMNS = [
  'fairness.col.slots',
  'fairness.col.hours',
  'fairness.col.night',
  'fairness.col.weekend',
  'fairness.col.holiday',
  'fairness.col.weighted',
  'fairness.col.expected',
  'fairness.col.deviation',
] as const

export function PeopleSection({ report, zone }: { report: FairnessReport; zone: FairnessZone }) {
  const { t, f } = useI18n()
  const n = fairnessNumbers(f)
  const people = report.people.filter((p) => p.zoneId === zone.zoneId)
  const nameOf = (p: FairnessPerson, i: number) =>
    p.person ? `${p.person.lastName}, ${p.person.firstName}` : t('fairness.unnamed', { zone: zone.code, n: i + 1 })
  const zoneLabel = `${zone.name} (${zone.code})`
  const headingId = `fairness-people-${zone.zoneId}`
  const chartLabel = t('fairness.people.chart', { zone: zoneLabel })
  const rows = people.map((p, i) => ({
    person: nameOf(p, i),
    load: p.weightedHours,
    expected: p.expectedWeightedHours,
  }))
  const withExpected = people.some((p) => p.expectedWeightedHours !== null)
  const mean = zone.meanWeightedHours
  const summary = [
    ...rows.map(
      (r) =>
        `${r.person}: ${n.hours(r.load)}${r.expected !== null ? ` (${t('fairness.col.expected')} ${n.hours(r.expected)})` : ''}`,
    ),
    ...(mean !== null ? [`${t('fairness.zoneMean')}: ${n.hours(mean)}`] : []),
  ].join('; ')
  const axisWidth = Math.min(200, Math.max(80, Math.max(0, ...rows.map((r) => r.person.length)) * 7 + 12))
  const partners = people.some((p) => !p.ownZone)
  const caption = t('fairness.people.caption', { from: f.date(report.from), to: f.date(report.to) })
  const fields = (p: FairnessPerson) => [
    { label: t('fairness.col.slots'), value: f.number(p.slots) },
    { label: t('fairness.col.hours'), value: n.hours(p.hours) },
    { label: t('fairness.col.weighted'), value: n.hours(p.weightedHours) },
    { label: t('fairness.col.expected'), value: n.hours(p.expectedWeightedHours) },
    { label: t('fairness.col.deviation'), value: n.signed(p.deviation) },
  ]
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={headingId}>
      <Title order={2} fz="lg" mb={4} id={headingId}>
        {t('fairness.people.heading', { zone: zoneLabel })}
      </Title>
      <Text fz="sm" c="dimmed" mb="md">
        {t('fairness.method')} {partners && t('fairness.partnerNote')}
      </Text>
      {mean !== null && people.length > 0 && (
        <Text fz="sm" mb="sm">
          {t('fairness.meanLine', { mean: n.hours(mean) })}
        </Text>
      )}
      {people.length === 0 ? (
        <Text fz="sm">{t('fairness.people.none')}</Text>
      ) : (
        <>
          <figure style={{ margin: 0 }} aria-label={chartLabel}>
            <BarChart
              h={Math.max(120, rows.length * (withExpected ? 52 : 36) + 70)}
              orientation="vertical"
              data={rows}
              dataKey="person"
              series={[
                { name: 'load', label: t('fairness.col.weighted'), color: 'navy.7' },
                ...(withExpected ? [{ name: 'expected', label: t('fairness.col.expected'), color: 'gray.5' }] : []),
              ]}
              withLegend={withExpected}
              valueFormatter={(v) => n.hours(v)}
              // The line's value is said in the text above the chart: a label on it would not fit on a phone.
              referenceLines={mean !== null ? [{ x: mean, color: 'orange.8' }] : []}
              tickLine="x"
              gridAxis="x"
              maxBarWidth={24}
              yAxisProps={{ width: axisWidth }}
              barChartProps={{ title: chartLabel, desc: summary, margin: { top: 24, right: 24 } }}
            />
          </figure>
          <CardList
            label={caption}
            items={people.map((p, i) => ({ key: `${zone.zoneId}-${i}`, title: nameOf(p, i), fields: fields(p) }))}
          />
          <Box visibleFrom="sm" mt="md">
            {/* Wider than the screen: the region scrolls, so it takes the keyboard focus (and says what it is). */}
            <ScrollArea type="auto" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': caption }}>
              <Table miw={720} captionSide="bottom" horizontalSpacing="xs">
                <Table.Caption>{caption}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('fairness.col.person')}</Table.Th>
                    {NUMBER_COLUMNS.map((key) => (
                      <Table.Th key={key} scope="col" className="num">
                        {t(key)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {people.map((p, i) => (
                    <Table.Tr key={`${zone.zoneId}-${i}`}>
                      <Table.Th scope="row" fw={500}>
                        {nameOf(p, i)}
                      </Table.Th>
                      <Table.Td className="num">{f.number(p.slots)}</Table.Td>
                      <Table.Td className="num">{n.hours(p.hours)}</Table.Td>
                      <Table.Td className="num">{n.hours(p.nightHours)}</Table.Td>
                      <Table.Td className="num">{n.hours(p.saturdayHours + p.sundayHours)}</Table.Td>
                      <Table.Td className="num">{n.hours(p.holidayHours)}</Table.Td>
                      <Table.Td className="num">{n.hours(p.weightedHours)}</Table.Td>
                      <Table.Td className="num">{n.hours(p.expectedWeightedHours)}</Table.Td>
                      <Table.Td className="num">{n.signed(p.deviation)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          </Box>
        </>
      )}
    </Paper>
  )
}
