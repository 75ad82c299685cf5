import '@mantine/charts/styles.css'
import { BarChart } from '@mantine/charts'
import { Box, Paper, ScrollArea, Table, Title } from '@mantine/core'
import { CardList } from '../../components/CardList.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import type { MessageKey } from '../../i18n/nl.ts'
import type { FairnessReport } from './api.ts'
import { fairnessNumbers } from './numbers.ts'

const ZONE_COLUMNS: readonly MessageKey[] = [
  'fairness.col.slots',
  'fairness.col.hours',
  'fairness.col.weighted',
  'fairness.keyShare',
  'fairness.actualShare',
  'fairness.col.target',
  'fairness.col.deviation',
  'fairness.col.mean',
]

/** Per zone: the share of the weighted load the key gives it against the share it carried, as bars and a table. */
export function ZonesSection({ report }: { report: FairnessReport }) {
  const { t, f } = useI18n()
  const n = fairnessNumbers(f)
  const period = { from: f.date(report.from), to: f.date(report.to) }
  const chartLabel = t('fairness.zones.chart')
  const rows = report.zones.map((z) => ({
    zone: `${z.name} (${z.code})`,
    key: z.keyShare * 100,
    actual: (z.actualShare ?? 0) * 100,
  }))
  const summary = report.zones
    .map(
      (z) =>
        `${z.name}: ${t('fairness.keyShare')} ${n.share(z.keyShare)}, ${t('fairness.actualShare')} ${n.share(z.actualShare)}`,
    )
    .join('; ')
  const axisWidth = Math.min(190, Math.max(60, Math.max(...rows.map((r) => r.zone.length)) * 7 + 12))
  const caption = t('fairness.zones.caption', period)
  const fields = (z: FairnessReport['zones'][number]) => [
    { label: t('fairness.col.slots'), value: f.number(z.slots) },
    { label: t('fairness.col.hours'), value: n.hours(z.hours) },
    { label: t('fairness.col.weighted'), value: n.hours(z.weightedHours) },
    { label: t('fairness.keyShare'), value: n.share(z.keyShare) },
    { label: t('fairness.actualShare'), value: n.share(z.actualShare) },
    { label: t('fairness.col.target'), value: n.hours(z.targetWeightedHours) },
    { label: t('fairness.col.deviation'), value: n.signed(z.deviation) },
    { label: t('fairness.col.mean'), value: n.hours(z.meanWeightedHours) },
  ]
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="fairness-zones-heading">
      <Title order={2} fz="lg" mb="md" id="fairness-zones-heading">
        {t('fairness.zones.heading')}
      </Title>
      <figure style={{ margin: 0 }} aria-label={chartLabel}>
        <BarChart
          h={Math.max(140, rows.length * 72 + 60)}
          orientation="vertical"
          data={rows}
          dataKey="zone"
          series={[
            { name: 'key', label: t('fairness.keyShare'), color: 'gray.5' },
            { name: 'actual', label: t('fairness.actualShare'), color: 'navy.7' },
          ]}
          valueFormatter={(v) => n.share(v / 100)}
          withLegend
          tickLine="x"
          gridAxis="x"
          maxBarWidth={28}
          yAxisProps={{ width: axisWidth }}
          barChartProps={{ title: chartLabel, desc: summary }}
        />
      </figure>
      <CardList
        label={caption}
        items={report.zones.map((z) => ({ key: z.zoneId, title: `${z.name} (${z.code})`, fields: fields(z) }))}
      />
      <Box visibleFrom="sm" mt="md">
        {/* Wider than the screen: the region scrolls, so it takes the keyboard focus (and says what it is). */}
        <ScrollArea type="auto" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': caption }}>
          <Table miw={640} captionSide="bottom" horizontalSpacing="xs">
            <Table.Caption>{caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('fairness.col.zone')}</Table.Th>
                {ZONE_COLUMNS.map((key) => (
                  <Table.Th scope="col" className="num" key={key}>
                    {t(key)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.zones.map((z) => (
                <Table.Tr key={z.zoneId}>
                  <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                    {z.name} <span style={{ color: 'var(--mantine-color-dimmed)' }}>({z.code})</span>
                  </Table.Th>
                  <Table.Td className="num">{f.number(z.slots)}</Table.Td>
                  <Table.Td className="num">{n.hours(z.hours)}</Table.Td>
                  <Table.Td className="num">{n.hours(z.weightedHours)}</Table.Td>
                  <Table.Td className="num">{n.share(z.keyShare)}</Table.Td>
                  <Table.Td className="num">{n.share(z.actualShare)}</Table.Td>
                  <Table.Td className="num">{n.hours(z.targetWeightedHours)}</Table.Td>
                  <Table.Td className="num">{n.signed(z.deviation)}</Table.Td>
                  <Table.Td className="num">{n.hours(z.meanWeightedHours)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr fw={700}>
                <Table.Th scope="row">{t('common.total')}</Table.Th>
                <Table.Td className="num">{f.number(report.totals.slots)}</Table.Td>
                <Table.Td className="num">{n.hours(report.totals.hours)}</Table.Td>
                <Table.Td className="num">{n.hours(report.totals.weightedHours)}</Table.Td>
                <Table.Td colSpan={5} />
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </ScrollArea>
      </Box>
    </Paper>
  )
}
